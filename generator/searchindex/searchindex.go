// Package searchindex writes a scan's search index beside its data chunks
// (format 4, Version): a dictionary of the distinct strings the rows hold (each
// row's data and source data, as the chunks hold them), sorted so that
// similar strings sit together and cut into blocks; each entry lists the
// rows whose data it is and the rows whose source data it is. Trigram
// shards and exact-hash shards name the blocks holding a trigram or a
// value, so that a query in the browser loads only a few blocks, tests
// each of their entries with the real matcher, and gets its rows exactly
// from the entries that match. Files are classic script files, like the
// chunks, so the index works from file://, over HTTP and from a bucket
// under the same Content-Security-Policy.
//
// The browser confirms every candidate block with the real query, so the
// trigram and exact postings only have to give a superset: folding is
// therefore deliberately coarse (ASCII letters lower-cased, everything
// else kept) and the query planner (static/src/search/plan.ts) treats
// characters whose case it cannot fold the same way as unknown.
// docs/site-format.md ("Search index") is the format's specification;
// Version is its number.
package searchindex

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/internal/jsonw"
)

// Version is the index format's version, written in ix.js; the browser
// uses an index only when it knows its version.
const Version = 4

// MetaFile is the index's head in the scan's data folder.
const MetaFile = "ix.js"

// RowBits is how many bits of a posting hold the row within its type: a
// posting is type*2^RowBits + row.
const RowBits = 24

// blockLimits cut the dictionary into blocks: a block is closed after the
// entry that brings its entries' bytes to bytes, or at entries entries.
type blockLimits struct{ bytes, entries int }

// blocks are the limits Write uses: 128 KiB. Measured at 1M and 10M
// (docs/benchmarks.md, "Index format 2"): against 32 KiB blocks, queries
// over many blocks (no usable trigram, a common trigram) load a quarter
// of the files and finish 2–3 times sooner, selective ones cost the same;
// 256 KiB made the selective ones slower.
var blocks = blockLimits{bytes: 128 << 10, entries: 8192}

// Target sizes: a shard holds about this many bytes of postings.
const (
	shardBytes = 64 << 10
	maxShards  = 4096
)

const (
	prefix = chunks.ScriptPrefix
	suffix = chunks.ScriptSuffix
)

// Out receives a data file: its name in the scan's data folder and bytes.
type Out func(name string, data []byte) error

// File families of a generation.
const (
	familyBlock   = 'd'
	familySource  = 's'
	familyTrigram = 't'
	familyExact   = 'x'
)

// BlockFile names dictionary block n of generation gen.
func BlockFile(gen, n int) string { return genFile(gen, familyBlock, n) }

// SourceFile names the source postings of dictionary block n of
// generation gen (a file of their own: only a query with "+ source"
// reads them).
func SourceFile(gen, n int) string { return genFile(gen, familySource, n) }

// TrigramFile names trigram shard n of generation gen.
func TrigramFile(gen, n int) string { return genFile(gen, familyTrigram, n) }

// ExactFile names exact-hash shard n of generation gen.
func ExactFile(gen, n int) string { return genFile(gen, familyExact, n) }

func genFile(gen int, family byte, n int) string {
	return "ix" + strconv.Itoa(gen) + "-" + string(rune(family)) + strconv.Itoa(n) + ".js"
}

// FileGen says what an index file of a data folder is: the generation of
// ix<G>-<family><n>.js (gen ≥ 0), or -1 for another index file (a live
// segment ix-g<n>.js, a format 1 shard ix-…); ok is false for a file
// that is not the index's (ix.js, the head, included).
func FileGen(name string) (gen int, ok bool) {
	rest, found := strings.CutPrefix(name, "ix")
	if !found || name == MetaFile || !strings.HasSuffix(rest, ".js") {
		return 0, false
	}
	rest = strings.TrimSuffix(rest, ".js")
	g, tail, found := strings.Cut(rest, "-")
	if !found {
		return 0, false
	}
	if g == "" {
		return -1, true // ix-g<n>.js, format 1's ix-v<n>.js …
	}
	n, err := strconv.Atoi(g)
	if err != nil || n < 0 || strconv.Itoa(n) != g || tail == "" {
		return 0, false
	}
	return n, true
}

// Fold is the index's case folding of one code point: ASCII A–Z become
// a–z, everything else is kept.
func Fold(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A')
	}
	return r
}

// ExactFold folds a code point for the exact-value hash: ASCII lower-cased,
// every non-ASCII code point the same placeholder (U+FFFD). A JavaScript
// case-insensitive match never pairs an ASCII with a non-ASCII character,
// so two values the exact search finds equal always hash the same.
func ExactFold(r rune) rune {
	if r >= utf8.RuneSelf {
		return utf8.RuneError
	}
	return Fold(r)
}

// ExactHash is FNV-1a (32 bit) over the ExactFold of each code point.
func ExactHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// Any non-ASCII code point (or invalid byte) folds to U+FFFD.
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			h ^= uint32(utf8.RuneError)
			h *= 16777619
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
		i++
	}
	return h
}

// Key packs a trigram of folded code points into one integer.
func Key(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// KeyString is the trigram as text (how shards name it).
func KeyString(k uint64) string { return string(appendKey(nil, k)) }

// KeyHash picks a trigram's shard (hash % shards); the browser computes the
// same with Math.imul.
func KeyHash(k uint64) uint32 {
	m := uint64(1)<<21 - 1
	h := uint32(k>>42&m) * 0x9E3779B1
	h = (h ^ uint32(k>>21&m)) * 0x85EBCA77
	h = (h ^ uint32(k&m)) * 0xC2B2AE3D
	h ^= h >> 16
	return h
}

// Trigrams calls f with the key of every trigram of s's folded code points
// (repeats included; callers dedupe).
func Trigrams(s string, f func(uint64)) {
	for _, k := range appendTrigrams(nil, s) {
		f(k)
	}
}

// Start and End are the code points the index puts before and after every
// entry when it takes its trigrams, so that a query anchored at the start
// or the end of a value (mail*, *.example, /^vpn/) requires the trigrams
// of its anchored text with them: the blocks whose entries start or end
// so, which sit together in the dictionary's order. An entry that holds
// them itself only gains candidates (each is confirmed).
const (
	Start rune = 0x02
	End   rune = 0x03
)

// appendTrigrams appends the key of every trigram of Start, s's folded
// code points and End to dst (repeats included). ASCII bytes take a fast
// path; the rest decode as range over a string does (invalid UTF-8 as
// U+FFFD).
func appendTrigrams(dst []uint64, s string) []uint64 {
	a, b := rune(0), Start
	n := 1
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		if n >= 2 {
			dst = append(dst, Key(a, b, r))
		}
		a, b = b, r
		n++
	}
	if n >= 2 {
		dst = append(dst, Key(a, b, End))
	}
	return dst
}

// shardCount is the power of two of shards that holds bytes of postings
// at about shardBytes a shard.
func shardCount(bytes int) int {
	n := 1
	for n < maxShards && n*shardBytes < bytes {
		n *= 2
	}
	return n
}

// xrow is an exact-hash pair: a value's hash and its block.
type xrow struct{ h, id uint32 }

// sortExact orders pairs by shard (h & mask), then hash, then id: three
// stable radix passes of 16 bits, least significant first, over pairs
// that arrive in id order.
func sortExact(rows []xrow, mask uint32) []xrow {
	tmp := make([]xrow, len(rows))
	for _, digit := range []func(uint32) uint32{
		func(h uint32) uint32 { return h & 0xffff },
		func(h uint32) uint32 { return h >> 16 },
		func(h uint32) uint32 { return h & mask },
	} {
		var count [1<<16 + 1]int
		for _, r := range rows {
			count[digit(r.h)+1]++
		}
		for k := 1; k < len(count); k++ {
			count[k] += count[k-1]
		}
		for _, r := range rows {
			d := digit(r.h)
			tmp[count[d]] = r
			count[d]++
		}
		rows, tmp = tmp, rows
	}
	return rows
}

// head opens the JSON header of a file of generation gen: kind, scan,
// gen, and the file's number under name ("block", "shard").
func head(b []byte, kind, scan string, gen int, name string, n int) []byte {
	b = append(b, `{"k":"`...)
	b = append(b, kind...)
	b = append(b, `","scan":`...)
	b = jsonw.String(b, scan)
	b = append(b, `,"gen":`...)
	b = jsonw.Int(b, int64(gen))
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":`...)
	return jsonw.Int(b, int64(n))
}

// writeTrigrams writes the trigram shards of generation gen from the lists
// of the parts (trigram → blocks, parts in block order), each a header and
// a binary body (docs/site-format.md "Search index"): the trigram count,
// then per trigram in key order (the order of its code points) a record of
// its three code points (3 bytes each, big-endian) and the end of its list
// (4 bytes, big-endian) in the lists that follow: varint deltas of its
// blocks, ascending. Fixed-size records let the page look a trigram up by
// binary search in the bytes, with no object per trigram. It returns the
// shard count.
func writeTrigrams(b []byte, scan string, gen int, parts []*postings, write packedOut) (int, []byte, error) {
	size := 0
	var keys []uint64
	for _, p := range parts {
		size += p.size
		keys = p.keys(keys)
	}
	n := shardCount(size)
	shardOf := func(k uint64) uint64 { return uint64(KeyHash(k) % uint32(n)) }
	slices.SortFunc(keys, func(x, y uint64) int {
		if sx, sy := shardOf(x), shardOf(y); sx != sy {
			return cmp.Compare(sx, sy)
		}
		return cmp.Compare(x, y)
	})
	keys = slices.Compact(keys)
	var lists, body []byte
	at := 0
	for shard := range n {
		from := at
		for at < len(keys) && shardOf(keys[at]) == uint64(shard) {
			at++
		}
		body = binaryAppendUvarint(body[:0], uint64(at-from))
		lists = lists[:0]
		for _, k := range keys[from:at] {
			lists = merged(lists, parts, k)
			m := uint64(1)<<21 - 1
			for _, c := range [3]uint64{k >> 42 & m, k >> 21 & m, k & m} {
				body = append(body, byte(c>>16), byte(c>>8), byte(c))
			}
			body = binary.BigEndian.AppendUint32(body, uint32(len(lists)))
		}
		body = append(body, lists...)
		b = append(head(b[:0], "ixt", scan, gen, "shard", shard), '}')
		if err := write(TrigramFile(gen, shard), b, body); err != nil {
			return n, b, err
		}
	}
	return n, b, nil
}

// packedOut writes a packed data file of a header and a binary body.
type packedOut func(name string, header, body []byte) error

// appendKey appends the trigram's text (KeyString) to dst.
func appendKey(dst []byte, k uint64) []byte {
	m := uint64(1)<<21 - 1
	dst = utf8.AppendRune(dst, rune(k>>42&m))
	dst = utf8.AppendRune(dst, rune(k>>21&m))
	return utf8.AppendRune(dst, rune(k&m))
}

// cut is the value as a chunk holds it: at most max bytes, cut at a rune
// start (jsonw.Truncated); invalid UTF-8 reads as U+FFFD either way.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	n := max
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// appendExactPairs encodes (hash, posting) pairs sorted by hash then
// posting: per pair the hash's delta to the previous one (0: the same
// hash) and the posting, as a delta to the previous one of the same hash.
func appendExactPairs(hb, ib []byte, pairs []xrow) ([]byte, []byte) {
	var lh, lid uint32
	for n, x := range pairs {
		if n == 0 || x.h != lh {
			hb = binaryAppendUvarint(hb, uint64(x.h-lh))
			ib = binaryAppendUvarint(ib, uint64(x.id))
		} else {
			hb = binaryAppendUvarint(hb, 0)
			ib = binaryAppendUvarint(ib, uint64(x.id-lid))
		}
		lh, lid = x.h, x.id
	}
	return hb, ib
}

// appendExactBody appends the body of an exact shard: the bytes of the
// hash stream (a varint), the hash stream, the block stream.
func appendExactBody(b []byte, hb, ib []byte) []byte {
	b = binaryAppendUvarint(b, uint64(len(hb)))
	b = append(b, hb...)
	return append(b, ib...)
}
