package searchindex

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/jsonw"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/scan"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

// payload strips the registration wrapper (unpacking a packed file) and
// decodes the JSON inside.
func payload(t *testing.T, file []byte) map[string]any {
	t.Helper()
	b, err := datafile.Payload(file, 0)
	if err != nil {
		t.Fatalf("not a data file: %v: %.80q", err, file)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("payload is not JSON: %v", err)
	}
	return v
}

// values the way real scans have them: hosts, addresses, multi-line
// banners, <SFURL> markers, API keys in URLs, Unicode with case, invalid
// UTF-8, a value past the 64 KiB cut.
func randomValue(r *rand.Rand, i int) string {
	words := []string{"admin", "mail", "WWW", "Example", "ÉCOLE", "straße", "ΣΊΣΥΦΟΣ", "ſtop", "K", "测试", "😀", "<SFURL>", "api_key=AbC123", "\n", "Server: nginx\r\n", "\xff", "."}
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), i%256)
	case 1:
		return fmt.Sprintf("host%d.Example.COM", i)
	case 2:
		return fmt.Sprint(r.IntN(100))
	}
	var b strings.Builder
	for range 1 + r.IntN(6) {
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

func testScan(t *testing.T, n int, seed uint64) *model.Scan {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "s1", Target: "t", Status: scan.StatusFinished}, eltypes.MustLoad(), risky)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	s.Add(scan.Element{ID: "h", Type: "INTERNET_NAME", Data: "Host.Example", Source: "ROOT", Module: "m0", Generated: t0}, 1)
	types := []string{"IP_ADDRESS", "INTERNET_NAME", "RAW_RIR_DATA", "TCP_PORT_OPEN"}
	for i := range n {
		data := randomValue(r, i)
		if i == 5 {
			data = "</script>" + strings.Repeat("ab", chunks.MaxData) // past the cut
		}
		src := "h"
		if i > 0 && r.IntN(3) == 0 {
			src = fmt.Sprint("e", r.IntN(i))
		}
		s.Add(scan.Element{ID: fmt.Sprint("e", i), Type: types[r.IntN(len(types))], Data: data, Source: src, Module: "m1",
			Generated: t0.Add(time.Duration(i) * time.Second)}, i+2)
	}
	s.Finish()
	return s
}

func decodeVarints(t *testing.T, s string) []uint64 {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	var out []uint64
	var v uint64
	var shift uint
	for _, c := range b {
		v |= uint64(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			out = append(out, v)
			v, shift = 0, 0
		}
	}
	return out
}

// index is a whole index read back: the entries in order, their blocks,
// their data and source postings, and the trigram and exact postings.
type index struct {
	meta     sitefmt.IndexMeta
	entries  []string
	blockOf  []int
	d, s     [][]uint64          // per entry
	trigrams map[uint64][]uint64 // key → blocks
	exact    map[uint32][]uint64 // hash → blocks
}

// decode strictly decodes a data file into its sitefmt type.
func decode(t *testing.T, name string, file []byte) any {
	t.Helper()
	b, err := datafile.Payload(file, 0)
	if err != nil {
		t.Fatalf("%s: not a data file: %v: %.80q", name, err, file)
	}
	v, err := sitefmt.Decode(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// postingLists reads a block's (or segment's) d or s field: n lists.
func readLists(t *testing.T, field string, n int) [][]uint64 {
	t.Helper()
	v := decodeVarints(t, field)
	out := make([][]uint64, n)
	at := 0
	for e := range n {
		if at >= len(v) {
			t.Fatalf("lists end after %d of %d entries", e, n)
		}
		c := int(v[at])
		at++
		if at+c > len(v) {
			t.Fatalf("entry %d: %d postings, %d left", e, c, len(v)-at)
		}
		var id uint64
		for k, d := range v[at : at+c] {
			if k > 0 && d == 0 {
				t.Fatalf("entry %d: a repeated posting", e)
			}
			id += d
			out[e] = append(out[e], id)
		}
		at += c
	}
	if at != len(v) {
		t.Fatalf("%d varints after the last entry's list", len(v)-at)
	}
	return out
}

func readIndex(t *testing.T, files map[string][]byte) *index {
	t.Helper()
	meta, ok := decode(t, MetaFile, files[MetaFile]).(*sitefmt.IndexMeta)
	if !ok {
		t.Fatalf("%s is not a head", MetaFile)
	}
	x := &index{meta: *meta, trigrams: map[uint64][]uint64{}, exact: map[uint32][]uint64{}}
	if meta.V != Version || meta.RowBits != RowBits {
		t.Fatalf("head: v %d rowBits %d", meta.V, meta.RowBits)
	}
	gen := meta.Gen
	want := map[string]bool{MetaFile: true}
	for blk := range meta.Blocks {
		name := BlockFile(gen, blk)
		want[name] = true
		b, ok := decode(t, name, files[name]).(*sitefmt.IndexBlock)
		if !ok || b.Block != blk || b.Gen != gen || b.Scan != meta.Scan {
			t.Fatalf("%s: %+v", name, b)
		}
		dict, err := b.Dict()
		if err != nil || len(dict.E) == 0 {
			t.Fatalf("%s: %v, %d entries", name, err, len(dict.E))
		}
		x.entries = append(x.entries, dict.E...)
		enc := base64.StdEncoding.EncodeToString
		x.d = append(x.d, readLists(t, enc(dict.D), len(dict.E))...)
		sname := SourceFile(gen, blk)
		want[sname] = true
		src, ok := decode(t, sname, files[sname]).(*sitefmt.IndexSources)
		if !ok || src.Block != blk || src.Gen != gen || src.Scan != meta.Scan {
			t.Fatalf("%s: %+v", sname, src)
		}
		x.s = append(x.s, readLists(t, enc(src.Bin), len(dict.E))...)
		for range dict.E {
			x.blockOf = append(x.blockOf, blk)
		}
	}
	if len(x.entries) != meta.Entries {
		t.Fatalf("head counts %d entries, blocks hold %d", meta.Entries, len(x.entries))
	}
	for shard := range meta.Shards.T {
		name := TrigramFile(gen, shard)
		want[name] = true
		p, ok := decode(t, name, files[name]).(*sitefmt.TrigramShard)
		if !ok || p.Shard != shard || p.Gen != gen {
			t.Fatalf("%s: %+v", name, p)
		}
		lists, err := p.Lists()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.IsSortedFunc(lists, func(a, b sitefmt.TrigramList) int { return strings.Compare(a.T, b.T) }) {
			t.Errorf("%s: trigrams not sorted", name)
		}
		for _, l := range lists {
			tri := l.T
			rs := []rune(tri)
			if len(rs) != 3 {
				t.Fatalf("trigram %q", tri)
			}
			key := Key(rs[0], rs[1], rs[2])
			if int(KeyHash(key)%uint32(meta.Shards.T)) != shard {
				t.Errorf("trigram %q in shard %d", tri, shard)
			}
			var blk uint64
			for k, d := range decodeVarints(t, base64.StdEncoding.EncodeToString(l.Blocks)) {
				if k > 0 && d == 0 {
					t.Errorf("trigram %q: a repeated block", tri)
				}
				blk += d
				x.trigrams[key] = append(x.trigrams[key], blk)
			}
		}
	}
	for shard := range meta.Shards.X {
		name := ExactFile(gen, shard)
		want[name] = true
		p, ok := decode(t, name, files[name]).(*sitefmt.ExactShard)
		if !ok || p.Shard != shard || p.Gen != gen {
			t.Fatalf("%s: %+v", name, p)
		}
		hb, ib, err := p.Streams()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		enc := base64.StdEncoding.EncodeToString
		hs, ids := decodeVarints(t, enc(hb)), decodeVarints(t, enc(ib))
		if len(hs) != len(ids) || len(hs) != p.N {
			t.Fatalf("%s: %d hashes, %d blocks, n %d", name, len(hs), len(ids), p.N)
		}
		var h uint32
		var blk uint64
		for k := range hs {
			if hs[k] != 0 || k == 0 {
				h += uint32(hs[k])
				blk = ids[k]
			} else {
				if ids[k] == 0 {
					t.Errorf("%s: a repeated pair", name)
				}
				blk += ids[k]
			}
			if int(h%uint32(meta.Shards.X)) != shard {
				t.Errorf("hash %x in exact shard %d", h, shard)
			}
			x.exact[h] = append(x.exact[h], blk)
		}
	}
	for name := range files {
		if !want[name] {
			t.Errorf("%s written, not named by the head", name)
		}
	}
	return x
}

// rowValues gives, for each posting of the scan's rows (ROOT excluded,
// types in the order of types), its data and source data as the chunks
// show them (read back from the JSON strings jsonw writes).
func rowValues(s *model.Scan, types []string) map[uint64][2]string {
	out := map[uint64][2]string{}
	for ti, slug := range types {
		for _, ty := range s.Types {
			if ty.Slug != slug {
				continue
			}
			for row, i := range ty.Elements {
				out[uint64(ti)<<RowBits|uint64(row)] = [2]string{
					jsonRead(cut(s.Elements[i].Data, chunks.MaxData)),
					jsonRead(cut(s.SourceData(i), chunks.MaxSourceData)),
				}
			}
		}
	}
	return out
}

// jsonRead is v as it reads back from a JSON string jsonw wrote.
func jsonRead(v string) string {
	var out string
	if err := json.Unmarshal(jsonw.String(nil, v), &out); err != nil {
		panic(err)
	}
	return out
}

// TestWriteIndex builds the index of a random scan (hosts, addresses,
// multi-line banners, <SFURL> markers, Unicode case, invalid UTF-8, a
// value past the 64 KiB cut) and reads it back: entries distinct and in
// dictionary order; blocks cut as specified; every row exactly once in
// the data lists, under its data, and once in the source lists, under its
// source data; every entry's trigrams and exact hash list its block, and
// every listed block holds an entry with them.
// testBlocks are block limits small enough for test scans to fill many
// blocks, cut by either limit.
var testBlocks = blockLimits{bytes: 32 << 10, entries: 2048}

func TestWriteIndex(t *testing.T) {
	s := testScan(t, 15000, 1)
	files := map[string][]byte{}
	st, err := writeIndex(s, 3, testBlocks, func(name string, data []byte) error {
		if _, dup := files[name]; dup {
			t.Errorf("%s written twice", name)
		}
		files[name] = append([]byte(nil), data...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	x := readIndex(t, files)
	if x.meta.Gen != 3 || x.meta.Scan != "s1" || x.meta.Blocks < 3 {
		t.Fatalf("head: gen %d scan %q, %d blocks", x.meta.Gen, x.meta.Scan, x.meta.Blocks)
	}
	var types []string
	for _, ty := range x.meta.Types {
		types = append(types, ty.Slug)
	}
	if len(types) != len(s.Types)-1 {
		t.Fatalf("%d types in the index, want %d", len(types), len(s.Types)-1)
	}
	rows := rowValues(s, types)

	// Order and block limits.
	for e := 1; e < len(x.entries); e++ {
		a, b := x.entries[e-1], x.entries[e]
		if c := strings.Compare(refKey(a), refKey(b)); c > 0 || c == 0 && a >= b {
			t.Fatalf("entries %d, %d out of order: %.40q, %.40q", e-1, e, a, b)
		}
	}
	size, n := 0, 0
	for e, v := range x.entries {
		size += len(v)
		n++
		last := e == len(x.entries)-1 || x.blockOf[e+1] != x.blockOf[e]
		full := size >= testBlocks.bytes || n == testBlocks.entries
		if full != last && !(last && e == len(x.entries)-1) {
			t.Fatalf("block %d: ends after %d entries, %d bytes", x.blockOf[e], n, size)
		}
		if last {
			size, n = 0, 0
		}
	}
	// Blocks closed by either limit occur in this scan.
	var byBytes, byCount bool
	for blk := range x.meta.Blocks {
		c := 0
		for _, b := range x.blockOf {
			if b == blk {
				c++
			}
		}
		byCount = byCount || c == testBlocks.entries
		byBytes = byBytes || c < testBlocks.entries && blk < x.meta.Blocks-1
	}
	if !byBytes || !byCount {
		t.Errorf("blocks cut by bytes: %v, by count: %v; want both", byBytes, byCount)
	}

	// Every row once in d under its data, once in s under its source data.
	seen := [2]map[uint64]bool{{}, {}}
	special := map[string]bool{}
	for e, v := range x.entries {
		if len(x.d[e])+len(x.s[e]) == 0 {
			t.Errorf("entry %.40q lists no row", v)
		}
		for side, lists := range [2][][]uint64{x.d, x.s} {
			for _, id := range lists[e] {
				if seen[side][id] {
					t.Fatalf("row %x listed twice (side %d)", id, side)
				}
				seen[side][id] = true
				if got := rows[id][side]; got != v {
					t.Fatalf("row %x (side %d) under %.40q, holds %.40q", id, side, v, got)
				}
			}
		}
		for _, mark := range []string{"\n", "<SFURL>", "\uFFFD", "ΣΊΣΥΦΟΣ", "😀"} {
			if strings.Contains(v, mark) {
				special[mark] = true
			}
		}
		if len(v) > 60_000 {
			special["long"] = true
		}
	}
	if len(special) != 6 {
		t.Errorf("special entries found: %v", special)
	}
	for side := range seen {
		if len(seen[side]) != len(rows) {
			t.Errorf("side %d lists %d rows of %d", side, len(seen[side]), len(rows))
		}
	}

	// Trigrams and exact hashes.
	blockHas := map[uint64]map[uint64]bool{} // key → blocks that have it
	for e, v := range x.entries {
		blk := uint64(x.blockOf[e])
		Trigrams(v, func(k uint64) {
			if !slices.Contains(x.trigrams[k], blk) {
				t.Fatalf("entry %.40q: trigram %q does not list block %d", v, KeyString(k), blk)
			}
			if blockHas[k] == nil {
				blockHas[k] = map[uint64]bool{}
			}
			blockHas[k][blk] = true
		})
		if !slices.Contains(x.exact[ExactHash(v)], blk) {
			t.Fatalf("entry %.40q: its exact hash does not list block %d", v, blk)
		}
	}
	for k, blocks := range x.trigrams {
		if len(blocks) != len(blockHas[k]) {
			t.Errorf("trigram %q lists %d blocks, %d have it", KeyString(k), len(blocks), len(blockHas[k]))
		}
	}
	hashes := map[[2]uint64]bool{} // (hash, block) of every entry
	for e, v := range x.entries {
		hashes[[2]uint64{uint64(ExactHash(v)), uint64(x.blockOf[e])}] = true
	}
	for h, blocks := range x.exact {
		for _, blk := range blocks {
			if !hashes[[2]uint64{uint64(h), blk}] {
				t.Errorf("exact hash %x lists block %d, which has no such entry", h, blk)
			}
		}
	}
	if st.Rows != s.Count() || st.Files != len(files) || st.Entries != len(x.entries) || st.Blocks != x.meta.Blocks {
		t.Errorf("stats %+v, %d elements, %d files", st, s.Count(), len(files))
	}
}

// TestWriteEntries: the dictionary of crafted values, exactly: invalid
// UTF-8 bytes read as U+FFFD (so values the chunks show alike are one
// entry), a value cut at 64 KiB before a code point it would split, a
// source value cut at 1 KiB, case variants side by side in raw byte
// order, ROOT's data an entry only as a source.
func TestWriteEntries(t *testing.T) {
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "c", Target: "root.example", Status: scan.StatusFinished}, eltypes.MustLoad(), risky)
	long := strings.Repeat("x", chunks.MaxData-1) + "é" // é would end past 64 KiB
	src := "S" + strings.Repeat("y", chunks.MaxSourceData)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for i, v := range []string{"a\xffb", "a\xfeb", "a\uFFFDb", "Admin", "admin", "ADMIN\n<SFURL>x</SFURL>", long, src, "straße", "STRASSE"} {
		source := "ROOT"
		if i == 1 {
			source = "e7" // the long source value
		}
		s.Add(scan.Element{ID: fmt.Sprint("e", i), Type: "RAW_RIR_DATA", Data: v, Source: source, Module: "m", Generated: t0}, i+1)
	}
	s.Finish()
	files := map[string][]byte{}
	if _, err := Write(s, 0, func(name string, data []byte) error {
		files[name] = append([]byte(nil), data...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	x := readIndex(t, files)
	want := []string{"Admin", "admin", "ADMIN\n<SFURL>x</SFURL>", "a\uFFFDb", "root.example", "STRASSE", "straße",
		src[:chunks.MaxSourceData], src, strings.Repeat("x", chunks.MaxData-1)}
	if !slices.Equal(x.entries, want) {
		t.Errorf("entries:\n%.50q\nwant\n%.50q", x.entries, want)
	}
	rows := func(e int) (d, s []uint64) { return x.d[e], x.s[e] }
	if d, _ := rows(3); !slices.Equal(d, []uint64{0, 1, 2}) {
		t.Errorf("a\\uFFFDb: data rows %v, want 0, 1, 2", d)
	}
	if d, s := rows(4); len(d) != 0 || len(s) != 9 {
		t.Errorf("root.example: %d data rows, %d source rows; want 0, 9", len(d), len(s))
	}
	if d, s := rows(7); len(d) != 0 || !slices.Equal(s, []uint64{1}) {
		t.Errorf("the source value cut at 1 KiB: data %v, source %v", d, s)
	}
}

// TestWriteEmpty: a scan with no row but ROOT has an index of no entry
// and no block, its shards empty, that reads back.
func TestWriteEmpty(t *testing.T) {
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "e", Target: "t", Status: scan.StatusFinished}, eltypes.MustLoad(), risky)
	s.Finish()
	files := map[string][]byte{}
	st, err := Write(s, 0, func(name string, data []byte) error {
		files[name] = append([]byte(nil), data...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	x := readIndex(t, files)
	if x.meta.Blocks != 0 || x.meta.Entries != 0 || len(x.trigrams) != 0 || len(x.exact) != 0 || st.Files != 3 {
		t.Errorf("empty scan: head %+v, %d files", x.meta, st.Files)
	}
}

// refKey is the dictionary's sort key as the format states it, made
// explicitly: each code point replaced by ExactFold's, as UTF-8.
func refKey(v string) string {
	var b []byte
	for _, r := range v {
		b = utf8.AppendRune(b, ExactFold(r))
	}
	return string(b)
}

// TestCompareEntries: the writer's comparison (on the fly, by prefix
// first) orders strings as their explicit sort keys, then raw bytes, do;
// on strings that share long prefixes and differ in case, in non-ASCII
// code points of every length and in length.
func TestCompareEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 1))
	parts := []string{"a", "A", "b", "z", "Z", "é", "É", "ß", "测", "😀", "\uFFFD", "\n", " ", "~", "\x7f", "adminadmin"}
	var vs []string
	for range 3000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		vs = append(vs, b.String())
	}
	for k := range 20000 {
		a, b := vs[r.IntN(len(vs))], vs[(k*7)%len(vs)]
		want := strings.Compare(refKey(a), refKey(b))
		if want == 0 {
			want = strings.Compare(a, b)
		}
		if got := compareEntries(a, b); got != want {
			t.Fatalf("compareEntries(%q, %q) = %d, want %d", a, b, got, want)
		}
		pa, pb := keyPrefix(a), keyPrefix(b)
		ka, kb := refKey(a)+"\x00\x00\x00\x00\x00\x00\x00\x00", refKey(b)+"\x00\x00\x00\x00\x00\x00\x00\x00"
		if (pa < pb) != (ka[:8] < kb[:8]) || (pa == pb) != (ka[:8] == kb[:8]) {
			t.Fatalf("prefixes of %q, %q: %x, %x", a, b, pa, pb)
		}
	}
}

// TestFoldHashes: values that the exact search finds equal (JavaScript's
// case-insensitive match: ASCII pairs only without the u flag) hash alike.
func TestFoldHashes(t *testing.T) {
	for _, c := range [][2]string{{"WWW.Example.COM", "www.example.com"}, {"ÉCOLE", "école"}, {"Straße", "STRAßE"}, {"a\nB", "A\nb"}} {
		if ExactHash(c[0]) != ExactHash(c[1]) {
			t.Errorf("%q and %q hash differently", c[0], c[1])
		}
	}
	if ExactHash("abc") == ExactHash("abd") {
		t.Error("abc and abd hash alike")
	}
}

// vectors are shared with the browser's tests (static/test/search-index.test.ts):
// both sides must fold, hash and pick shards alike.
type vectors struct {
	Exact    []vecExact    `json:"exact"`
	Trigrams []vecTrigrams `json:"trigrams"`
}
type vecExact struct {
	S string `json:"s"`
	H uint32 `json:"h"`
}
type vecTrigrams struct {
	S    string   `json:"s"`
	T    []string `json:"t"`
	Hash []uint32 `json:"hash"`
}

func TestVectors(t *testing.T) {
	in := []string{"", "ab", "abc", "WWW.Example.COM", "ÉCOLE straße", "ſtop K", "测试😀x", "a\nb\r\nc", "\u2028<&>", "10.0.0.1"}
	var v vectors
	for _, s := range in {
		v.Exact = append(v.Exact, vecExact{s, ExactHash(s)})
		tv := vecTrigrams{S: s, T: []string{}, Hash: []uint32{}}
		Trigrams(s, func(k uint64) {
			tv.T = append(tv.T, KeyString(k))
			tv.Hash = append(tv.Hash, KeyHash(k))
		})
		v.Trigrams = append(v.Trigrams, tv)
	}
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	testdataFile(t, "vectors.json", "TestVectors", b)
}

// testdataFile compares b (plus a newline) with testdata/name, which the
// browser's tests read; with -update it writes it first.
func testdataFile(t *testing.T, name, test string, b []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(b)+"\n" {
		t.Errorf("%s is out of date: go test ./generator/searchindex -run %s -update", file, test)
	}
}

func BenchmarkWrite(b *testing.B) {
	t := &testing.T{}
	s := testScan(t, 100000, 2)
	b.ResetTimer()
	for range b.N {
		var n int64
		if _, err := Write(s, 0, func(_ string, data []byte) error { n += int64(len(data)); return nil }); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n)/1e6, "MB")
	}
}

// TestPostingsArena: lists long enough to chain blocks of every class and
// to fill several arena pages read back as written, also when split over
// parts (each part's first id a delta from the last of the part before).
func TestPostingsArena(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	keys := []uint64{Key('a', 'b', 'c'), Key('x', 'y', 'z'), Key('é', '测', '😀')}
	want := map[uint64][]uint64{}
	var parts []*postings
	id := uint32(0)
	for range 3 {
		p := newPostings()
		for range 200_000 {
			id += 1 + uint32(r.IntN(300)) // deltas of one to three bytes
			for _, k := range keys {
				if r.IntN(3) > 0 {
					p.add(k, id)
					p.add(k, id) // a repeat is dropped
					want[k] = append(want[k], uint64(id))
				}
			}
			// Many short lists between, so blocks of a list interleave.
			p.add(Key(rune(r.IntN(60000)), 'q', 'q'), id)
		}
		parts = append(parts, p)
	}
	if len(parts[0].pages) < 2 {
		t.Fatalf("%d arena pages; want several", len(parts[0].pages))
	}
	for _, k := range keys {
		b := merged(nil, parts, k)
		var got []uint64
		var v uint64
		for len(b) > 0 {
			d, n := binary.Uvarint(b)
			if n <= 0 {
				t.Fatalf("%s: bad varint", KeyString(k))
			}
			v += d
			got = append(got, v)
			b = b[n:]
		}
		if !slices.Equal(got, want[k]) {
			t.Fatalf("%s: %d ids read back, %d written (first difference at %d)", KeyString(k), len(got), len(want[k]), firstDiffU(got, want[k]))
		}
	}
}

func firstDiffU(a, b []uint64) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
