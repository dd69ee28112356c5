// Package datafile encodes and decodes the site's data files
// (docs/site-format.md "Data files"): classic scripts that hand one JSON
// payload to window.__sr, so that they load from file:// as well as from a
// server or a bucket. A file is plain, Prefix + payload + Suffix, or packed:
// the payload compressed (raw DEFLATE) and written as text (AppendText: "!",
// then each byte as the character of that code, U+0000–U+00FF, five of
// them escaped) inside a comment of a function,
//
//	(window.__sr=window.__sr||[]).push({"k":"packed","scan":"<id>","n":<size>,"z":function(){/*!<bytes>*/}});
//
// (n: the payload's size in bytes, decompressed; a payload with a binary
// body has its JSON header in the file, "h":{…} before "n", and only the
// body compressed) or, uncompressed (no n), the payload's JSON itself in the comment (it starts
// with '{'; a "*/" inside a JSON string is written
// "\u002a/"), which the page reads back through the function's source text
// (Function.prototype.toString), decompressing the first kind. Why
// characters U+0000–U+00FF: V8 holds a source made only of them one byte a
// character, so the page keeps a compressed byte as one byte (base64 kept
// 4/3; the file on disk holds 1.5, UTF-8). Why a comment: Chromium's
// V8 keeps every classic script it has compiled, source and constants, in
// a per-page cache that garbage collection does not empty (measured: a
// 130 KB block of search index kept 0.39 MB of JS heap for the life of the
// page). A comment compiles to nothing, so a packed file keeps only its
// source: compressed, about a seventh of the plain file's cost; as JSON,
// half, for no work at build time. A payload may be a JSON header and a
// binary body (PackBody, Split): the page takes the header at once and
// inflates the body only when it reads it, into a buffer it reuses,
// without making one large string of it. The search index's dictionary blocks and
// shards (a page may read hundreds) are compressed; the element chunks (a
// few GB at 10M elements: compressing them would cost the build more than
// it saves) hold their JSON; small files stay plain. A page served over
// http(s) does not run the search index's files: it fetches them and
// parses exactly the shapes written here (static/src/data/fetched.ts), so
// any change to them is a change to that parser too.
package datafile

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/scanreport/scanreport/internal/jsonw"
)

// Prefix and Suffix wrap the JSON payload of every data file.
const (
	Prefix = "(window.__sr=window.__sr||[]).push("
	Suffix = ");\n"
)

const (
	packedHead = `{"k":"packed","scan":`
	headerKey  = `,"h":` // the header of a payload with a binary body (PackBody)
	sizeKey    = `,"n":` // the size in bytes of what is compressed
	packedOpen = `,"z":function(){/*`
	packedEnd  = `*/}}`
)

// Level is the DEFLATE level of packed files: the fastest. On the search
// index of the 1M-element sample it gives 23.4 % of the plain size at
// 242 MB/s; level 6 gives 21.4 % at 76 MB/s.
const Level = flate.BestSpeed

// A Packer packs data files. Its zero value is ready; it reuses its
// compressor and buffers, so one Packer serves one goroutine.
type Packer struct {
	w   *flate.Writer
	buf bytes.Buffer
}

// Pack appends to dst the packed file of the plain data file plain
// (Prefix + payload + Suffix) of scan.
func (p *Packer) Pack(dst []byte, scan string, plain []byte) ([]byte, error) {
	payload, ok := plainPayload(plain)
	if !ok {
		return dst, errors.New("pack: not a plain data file")
	}
	return p.pack(dst, scan, nil, payload)
}

// PackBody appends to dst the packed file of scan whose payload is the
// JSON header and a binary body (Payload gives them back as one, joined
// by a newline: Split): the header goes in the file as it is ("h"), and
// only the body is compressed, so that the page can take the header at
// once and leave the body packed until it needs it (and then inflate it
// into a buffer it reuses). The header must be one line of JSON (as jsonw
// writes it).
func (p *Packer) PackBody(dst []byte, scan string, header, body []byte) ([]byte, error) {
	if len(header) == 0 || header[0] != '{' || bytes.IndexByte(header, '\n') >= 0 || !json.Valid(header) {
		return dst, errors.New("pack: a body's header must be one line of JSON")
	}
	return p.pack(dst, scan, header, body)
}

// pack compresses payload (header nil) or body (after header, which the
// file holds as it is).
func (p *Packer) pack(dst []byte, scan string, header, payload []byte) ([]byte, error) {
	p.buf.Reset()
	if p.w == nil {
		w, err := flate.NewWriter(&p.buf, Level)
		if err != nil {
			return dst, fmt.Errorf("pack: %w", err)
		}
		p.w = w
	} else {
		p.w.Reset(&p.buf)
	}
	if _, err := p.w.Write(payload); err != nil {
		return dst, fmt.Errorf("pack: %w", err)
	}
	if err := p.w.Close(); err != nil {
		return dst, fmt.Errorf("pack: %w", err)
	}
	// The opening of OpenJSON with the header and the compressed part's
	// size, so that the page inflates into a buffer of that size (no
	// buffer grown and copied).
	dst = openPacked(dst, scan)
	if header != nil {
		dst = append(dst, headerKey...)
		dst = append(dst, header...)
	}
	dst = append(dst, sizeKey...)
	dst = strconv.AppendInt(dst, int64(len(payload)), 10)
	dst = append(dst, packedOpen...)
	dst = AppendText(dst, p.buf.Bytes())
	dst = append(dst, packedEnd...)
	return append(dst, Suffix...), nil
}

// Split splits a payload into its JSON header and its binary body: a
// compressed payload may be JSON followed by a newline and bytes that are
// not JSON (the search index's dictionary blocks), which the page reads
// without making one string of them. JSON as the site writes it holds no
// newline, so a payload without one is JSON alone (body nil).
func Split(payload []byte) (header, body []byte) {
	i := bytes.IndexByte(payload, '\n')
	if i < 0 {
		return payload, nil
	}
	return payload[:i], payload[i+1:]
}

// OpenJSON appends the start of a packed file of scan that holds its
// payload as JSON: the caller appends the payload's JSON, then calls
// CloseJSON with the position OpenJSON returned.
func OpenJSON(b []byte, scan string) ([]byte, int) {
	b = append(openPacked(b, scan), packedOpen...)
	return b, len(b)
}

// openPacked appends the opening every packed file shares, up to its scan.
func openPacked(b []byte, scan string) []byte {
	b = append(b, Prefix...)
	b = append(b, packedHead...)
	return jsonw.String(b, scan)
}

// CloseJSON ends the packed file OpenJSON began at: every "*/" in the JSON
// after at (only a string can hold one) is written "\u002a/", so that the
// comment ends where the payload does.
func CloseJSON(b []byte, at int) []byte {
	if i := bytes.Index(b[at:], []byte("*/")); i >= 0 {
		tail := bytes.ReplaceAll(b[at+i:], []byte("*/"), []byte(`\u002a/`))
		b = append(b[:at+i], tail...)
	}
	b = append(b, packedEnd...)
	return append(b, Suffix...)
}

// plainPayload is the payload of a plain data file.
func plainPayload(b []byte) ([]byte, bool) {
	b = bytes.TrimRight(b, "\n")
	if !bytes.HasPrefix(b, []byte(Prefix)) || !bytes.HasSuffix(b, []byte(");")) {
		return nil, false
	}
	return b[len(Prefix) : len(b)-2], true
}

// Packed reports whether the data file b is packed.
func Packed(b []byte) bool {
	return bytes.HasPrefix(b, []byte(Prefix+packedHead))
}

// Payload returns the payload of the data file b, plain or packed
// (decompressed; at most limit bytes when limit > 0): JSON, or for a
// packed file with a binary body its header, a newline and the body
// (Split).
func Payload(b []byte, limit int64) ([]byte, error) {
	payload, ok := plainPayload(b)
	if !ok {
		return nil, errors.New("not one " + Prefix + "…" + Suffix + " statement")
	}
	if !Packed(b) {
		return payload, nil
	}
	i := bytes.Index(payload, []byte(packedOpen))
	if i < 0 || !bytes.HasSuffix(payload, []byte(packedEnd)) || i+len(packedOpen) > len(payload)-len(packedEnd) {
		return nil, errors.New("packed data file without its packed payload")
	}
	enc := payload[i+len(packedOpen) : len(payload)-len(packedEnd)]
	if len(enc) > 0 && enc[0] == '{' {
		return enc, nil // JSON as it is
	}
	header, size, err := packedFields(payload[len(packedHead):i])
	if err != nil {
		return nil, fmt.Errorf("packed data file: %w", err)
	}
	z, err := DecodeText(enc)
	if err != nil {
		return nil, fmt.Errorf("packed data file: %w", err)
	}
	var r io.Reader = flate.NewReader(bytes.NewReader(z))
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("packed data file: inflate: %w", err)
	}
	if limit > 0 && int64(len(out)) > limit {
		return nil, fmt.Errorf("packed data file: payload over %d bytes", limit)
	}
	if size >= 0 && int64(len(out)) != size {
		return nil, fmt.Errorf("packed data file: %d bytes, its size says %d", len(out), size)
	}
	if header != nil {
		return append(append(header, '\n'), out...), nil
	}
	return out, nil
}

// The text of compressed bytes (AppendText) opens with textMark; in it
// the bytes of escaped (a '*' could end the comment; '<', '>' and '&' no
// data file holds raw, docs/site-format.md "Data files"; and textEscape
// itself) are written as textEscape and the letter at the same place in
// escapeLetters.
const (
	textMark      = '!'
	textEscape    = '~'
	escaped       = "*<>&~"
	escapeLetters = "abcde"
)

// AppendText appends to dst the bytes z as a packed file's comment holds
// them: textMark, then each byte b as the character U+00bb in UTF-8 (one
// byte below 0x80, two above), but "*<>&~" as "~a" … "~e". For random
// bytes (compressed ones) that is about 1.52 bytes a byte in the file and
// 1.02 in a page's memory: V8 stores a string of characters up to U+00FF
// one byte each. The text never holds "*/", '<', '>' or '&', nor starts
// with '{' (the JSON form).
func AppendText(dst, z []byte) []byte {
	dst = append(dst, textMark)
	for _, c := range z {
		if c < 0x80 {
			if i := strings.IndexByte(escaped, c); i >= 0 {
				dst = append(dst, textEscape, escapeLetters[i])
			} else {
				dst = append(dst, c)
			}
			continue
		}
		dst = append(dst, 0xc0|c>>6, 0x80|c&0x3f)
	}
	return dst
}

// DecodeText gives the bytes of text written by AppendText, or an error
// for anything else (no mark, a character past U+00FF, a byte that must
// be escaped, an unknown escape, a cut sequence).
func DecodeText(t []byte) ([]byte, error) {
	if len(t) == 0 || t[0] != textMark {
		return nil, errors.New("compressed data without its mark")
	}
	out := make([]byte, 0, len(t))
	for i := 1; i < len(t); i++ {
		c := t[i]
		switch {
		case c == textEscape:
			k := -1
			if i+1 < len(t) {
				k = strings.IndexByte(escapeLetters, t[i+1])
			}
			if k < 0 {
				return nil, fmt.Errorf("compressed data with a bad escape at %d", i)
			}
			i++
			c = escaped[k]
		case c < 0x80 && strings.IndexByte(escaped, c) >= 0:
			return nil, fmt.Errorf("compressed data holds a raw %q", c)
		case c >= 0x80:
			if (c != 0xc2 && c != 0xc3) || i+1 == len(t) || t[i+1]&0xc0 != 0x80 {
				return nil, fmt.Errorf("compressed data holds a character past U+00FF or bad UTF-8 at %d", i)
			}
			i++
			c = (c&0x1f)<<6 | t[i]&0x3f
		}
		out = append(out, c)
	}
	return out, nil
}

// packedFields reads what a packed file says between its scan's opening
// and its function: the scan, then its header (nil when none) and the
// size of what is compressed (-1 when not said).
func packedFields(b []byte) (header []byte, size int64, err error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var scan string
	if err := dec.Decode(&scan); err != nil {
		return nil, 0, fmt.Errorf("its scan: %w", err)
	}
	rest := b[dec.InputOffset():]
	if bytes.HasPrefix(rest, []byte(headerKey)) {
		rest = rest[len(headerKey):]
		dec = json.NewDecoder(bytes.NewReader(rest))
		var h json.RawMessage
		if err := dec.Decode(&h); err != nil || len(h) == 0 || h[0] != '{' {
			return nil, 0, errors.New("a bad header")
		}
		header = slices.Clone([]byte(h))
		rest = rest[dec.InputOffset():]
	}
	size = -1
	if bytes.HasPrefix(rest, []byte(sizeKey)) {
		if size, err = strconv.ParseInt(string(rest[len(sizeKey):]), 10, 64); err != nil || size < 0 {
			return nil, 0, errors.New("a bad size")
		}
	} else if len(rest) > 0 {
		return nil, 0, fmt.Errorf("%.40q where its size belongs", rest)
	}
	return header, size, nil
}
