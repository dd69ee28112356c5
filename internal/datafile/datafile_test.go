package datafile

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func plainFile(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return append(append([]byte(Prefix), b...), Suffix...)
}

func TestPackRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var p Packer
	values := []string{
		"",
		"*/ closes a comment; /* opens one",
		"line one\nline two\r\n<SFURL>https://example.com/a?key=SECRET</SFURL>",
		"ÄÖÜ straße İstanbul \u2028 \u2029 😀 </script>",
		strings.Repeat("admin.example.com ", 10000),
	}
	for range 20 {
		b := make([]byte, rng.IntN(5000))
		for i := range b {
			b[i] = byte(rng.IntN(128))
		}
		values = append(values, string(b))
	}
	for i, v := range values {
		in := map[string]any{"k": "ixd", "scan": "scan-1", "block": i, "e": []string{v, v + "x"}}
		plain := plainFile(t, in)
		packed, err := p.Pack(nil, "scan-1", plain)
		if err != nil {
			t.Fatal(err)
		}
		if !Packed(packed) || Packed(plain) {
			t.Fatalf("%d: Packed wrong", i)
		}
		// The file is one statement, and nothing in it can end the
		// comment early: its text holds no '*'.
		inner := packed[len(Prefix+packedHead) : len(packed)-len(packedEnd+Suffix)]
		if k := bytes.Index(inner, []byte(packedOpen)); k < 0 || bytes.Contains(inner[k+len(packedOpen):], []byte("*")) {
			t.Fatalf("%d: comment body holds '*': %.80q", i, inner)
		}
		for _, f := range [][]byte{plain, packed} {
			got, err := Payload(f, 0)
			if err != nil {
				t.Fatalf("%d: %v", i, err)
			}
			var out map[string]any
			if err := json.Unmarshal(got, &out); err != nil {
				t.Fatalf("%d: %v", i, err)
			}
			if out["e"].([]any)[0] != v {
				t.Fatalf("%d: round trip changed the value", i)
			}
		}
	}
}

// jsonPacked is the JSON-holding packed file of scan with payload pl.
func jsonPacked(scan string, pl []byte) []byte {
	b, at := OpenJSON(nil, scan)
	b = append(b, pl...)
	return CloseJSON(b, at)
}

func TestJSONPacked(t *testing.T) {
	for i, v := range []string{"", "*/", "a*/b*/c", `\*/`, "**//", "/*x*/", "</script>\n\u2028"} {
		pl, err := json.Marshal(map[string]any{"k": "elements", "scan": "s", "d": []string{v, "x" + v}})
		if err != nil {
			t.Fatal(err)
		}
		f := jsonPacked("s", pl)
		if !Packed(f) {
			t.Fatalf("%d: not packed", i)
		}
		body := f[:len(f)-len(packedEnd+Suffix)]
		if k := bytes.Index(body, []byte(packedOpen)); bytes.Contains(body[k+len(packedOpen):], []byte("*/")) {
			t.Fatalf("%d: the comment ends early: %s", i, f)
		}
		got, err := Payload(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ D []string }
		if err := json.Unmarshal(got, &out); err != nil || out.D[0] != v || out.D[1] != "x"+v {
			t.Fatalf("%d: %q read back as %q (%v)", i, v, out.D, err)
		}
	}
}

func TestPackedSmaller(t *testing.T) {
	var sb strings.Builder
	for i := range 5000 {
		sb.WriteString("host-")
		sb.WriteString(strings.Repeat("a", i%7))
		sb.WriteString(".bench-01.example\n")
	}
	plain := plainFile(t, map[string]any{"k": "ixd", "scan": "s", "e": []string{sb.String()}})
	var p Packer
	packed, err := p.Pack(nil, "s", plain)
	if err != nil {
		t.Fatal(err)
	}
	if len(packed)*4 > len(plain) {
		t.Errorf("packed %d bytes of %d: want a quarter or less for repetitive host names", len(packed), len(plain))
	}
}

func TestPayloadRefuses(t *testing.T) {
	var p Packer
	plain := plainFile(t, map[string]any{"k": "ixd", "scan": "s", "e": []string{strings.Repeat("x", 10000)}})
	packed, err := p.Pack(nil, "s", plain)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Payload(packed, 100); err == nil {
		t.Error("a payload over the limit was read")
	}
	bad := bytes.Replace(packed, []byte("/*"), []byte("/*!!"), 1)
	if _, err := Payload(bad, 0); err == nil {
		t.Error("bad text was read")
	}
	cut := append(append([]byte(nil), packed[:len(packed)-40]...), packedEnd+Suffix...)
	if _, err := Payload(cut, 0); err == nil {
		t.Error("a cut stream was read")
	}
	if _, err := Payload([]byte("alert(1)"), 0); err == nil {
		t.Error("a file that is no data file was read")
	}
	if _, err := p.Pack(nil, "s", []byte("alert(1)")); err == nil {
		t.Error("Pack took a file that is no data file")
	}
}

func TestText(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	every := make([]byte, 0, 600)
	for c := range 256 {
		every = append(every, byte(c), byte(255-c))
	}
	every = append(every, "*/~~**//~a~e<>&"...)
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}
	for i, z := range [][]byte{nil, {}, {'{'}, {'*', '/'}, every, random} {
		txt := AppendText(nil, z)
		if !utf8.Valid(txt) || bytes.ContainsAny(txt, "*<>&") || txt[0] != '!' {
			t.Fatalf("%d: the text is not UTF-8, holds one of *<>&, or lacks its mark: %.60q", i, txt)
		}
		for _, r := range string(txt) {
			if r > 0xff {
				t.Fatalf("%d: %U in the text", i, r)
			}
		}
		got, err := DecodeText(txt)
		if err != nil || !bytes.Equal(got, z) {
			t.Fatalf("%d: round trip: %v", i, err)
		}
		if i == 5 {
			if r := float64(len(txt)) / float64(len(z)); r < 1.45 || r > 1.56 {
				t.Errorf("random bytes take %.3f bytes of text each, want ~1.5", r)
			}
			if n := utf8.RuneCount(txt); float64(n) > 1.025*float64(len(z)) {
				t.Errorf("random bytes take %d characters for %d bytes, want ~1 each", n, len(z))
			}
		}
	}
	for _, bad := range []string{"", "x", "{", "!*", "!<", "!>", "!&", "!~", "!~f", "!~*", "!\xc4\x80", "!\xc2", "!\xc2A", "!\xe2\x80\xa8", "!\x80"} {
		if _, err := DecodeText([]byte(bad)); err == nil {
			t.Errorf("%q was read", bad)
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/packed.json")

// vectors is testdata/packed.json: packed files with the payloads they
// hold, which the browser's reader is tested on (static/test/packed.test.ts).
type vectors struct {
	Files []vector `json:"files"`
}

type vector struct {
	File    string          `json:"file"`
	Payload json.RawMessage `json:"payload"`
	Body    *[]byte         `json:"body,omitempty"` // a binary body after the payload (PackBody), base64
}

// TestVectors: testdata/packed.json is what Pack writes today (go test
// -run TestVectors -update rewrites it).
func TestVectors(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	long := make([]byte, 50000)
	for i := range long {
		long[i] = "abcdefghij.-:/0123456789"[rng.IntN(24)]
	}
	values := [][]string{
		{},
		{"", "*/", "/*", "*/ alert(1) /*"},
		{"multi\nline\r\nbanner", "<SFURL>https://api.example.com/v1?apikey=0123456789abcdef</SFURL>"},
		{"ÄÖÜ straße", "İstanbul", "\u2028\u2029", "😀", "</script><script>alert(1)</script>"},
		{string(long)},
	}
	var p Packer
	var got vectors
	for i, vs := range values {
		pl, err := json.Marshal(map[string]any{"k": "ixd", "scan": "scan-ü", "gen": 0, "block": i, "e": vs, "d": "AA==", "s": "AA=="})
		if err != nil {
			t.Fatal(err)
		}
		f, err := p.Pack(nil, "scan-ü", append(append([]byte(Prefix), pl...), Suffix...))
		if err != nil {
			t.Fatal(err)
		}
		got.Files = append(got.Files, vector{File: string(f), Payload: pl})
		got.Files = append(got.Files, vector{File: string(jsonPacked("scan-ü", pl)), Payload: pl})
	}
	// Binary bodies: empty, every byte value, "*/", newlines, 20 KB.
	every := make([]byte, 0, 300)
	for c := range 256 {
		every = append(every, byte(c))
	}
	every = append(every, "*/\n*/\n\n"...)
	big := make([]byte, 20_000)
	for i := range big {
		big[i] = byte(rng.IntN(256))
	}
	for i, body := range [][]byte{{}, every, big} {
		h := []byte(fmt.Sprintf(`{"k":"ixd","scan":"scan-ü","gen":0,"block":%d}`, i))
		f, err := p.PackBody(nil, "scan-ü", h, body)
		if err != nil {
			t.Fatal(err)
		}
		got.Files = append(got.Files, vector{File: string(f), Payload: h, Body: &body})
	}
	b, err := json.MarshalIndent(got, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	const name = "testdata/packed.json"
	if *update {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, b) {
		t.Errorf("%s is not what Pack writes: go test ./internal/datafile -run TestVectors -update", name)
	}
}

// TestPackBody: a header and a binary body come back apart, whatever the
// body holds; a header that is not one line of JSON is refused.
func TestPackBody(t *testing.T) {
	var p Packer
	for _, body := range [][]byte{{}, []byte("\n"), []byte("*/\x00\xff\n{\"k\":1}\n"), bytes.Repeat([]byte{0xc3, '\n', '*', '/'}, 40000)} {
		h := []byte(`{"k":"ixd","scan":"s","gen":0,"block":1}`)
		f, err := p.PackBody(nil, "s", h, body)
		if err != nil {
			t.Fatal(err)
		}
		if !Packed(f) || bytes.Count(f, []byte("*/")) != 1 {
			t.Fatalf("not one packed file: %.80q", f)
		}
		pl, err := Payload(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		gh, gb := Split(pl)
		if !bytes.Equal(gh, h) || gb == nil || !bytes.Equal(gb, body) {
			t.Errorf("%d-byte body: got header %q and %d bytes", len(body), gh, len(gb))
		}
	}
	// The header is in the file as it is; a broken one, or a size that
	// does not match, is refused.
	f, err := p.PackBody(nil, "s", []byte(`{"k":"ixd","scan":"s"}`), []byte("body"))
	if err != nil || !bytes.Contains(f, []byte(`"scan":"s","h":{"k":"ixd","scan":"s"},"n":4,"z":function(){/*`)) {
		t.Fatalf("%q, %v", f, err)
	}
	for _, bad := range [][2]string{{`"h":{"k"`, `"h":{"k":`}, {`"h":{`, `"h":[`}, {`"n":4`, `"n":5`}, {`"n":4`, `"n":4x`}, {`"h"`, `"x"`}} {
		if _, err := Payload(bytes.Replace(f, []byte(bad[0]), []byte(bad[1]), 1), 0); err == nil {
			t.Errorf("%s → %s taken", bad[0], bad[1])
		}
	}
	if h, b := Split([]byte(`{"k":"x"}`)); b != nil || string(h) != `{"k":"x"}` {
		t.Errorf("JSON alone split into %q and %q", h, b)
	}
	for _, h := range []string{"", "[1]", "{\"k\":\n1}"} {
		if _, err := p.PackBody(nil, "s", []byte(h), []byte("x")); err == nil {
			t.Errorf("header %q taken", h)
		}
	}
}

// TestPackedSize: a compressed file says its payload's size, and a size
// that does not match what it inflates to is refused.
func TestPackedSize(t *testing.T) {
	var p Packer
	plain := plainFile(t, map[string]any{"k": "ixd", "scan": "s", "e": []string{"a", "b"}})
	f, err := p.Pack(nil, "s", plain)
	if err != nil {
		t.Fatal(err)
	}
	pl, _ := plainPayload(plain)
	want := fmt.Sprintf(`"n":%d,"z":`, len(pl))
	if !bytes.Contains(f, []byte(want)) {
		t.Fatalf("%.120q lacks %s", f, want)
	}
	for _, bad := range []string{fmt.Sprintf(`"n":%d,"z":`, len(pl)+1), fmt.Sprintf(`"n":%d,"z":`, len(pl)-1), `"n":-1,"z":`, `"n":x,"z":`} {
		if _, err := Payload(bytes.Replace(f, []byte(want), []byte(bad), 1), 0); err == nil {
			t.Errorf("size %s taken", bad)
		}
	}
}
