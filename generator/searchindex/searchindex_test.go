package searchindex

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

// payload strips the registration wrapper and decodes the JSON inside.
func payload(t *testing.T, file []byte) map[string]any {
	t.Helper()
	s := string(file)
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, suffix) {
		t.Fatalf("not a data file: %.80q", s)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(s[len(prefix):len(s)-len(suffix)]), &v); err != nil {
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

// TestWriteIndex builds the index of a random scan and reads it back: every
// trigram of every value (and of its source value) lists the row, every
// listed row has the trigram, every shard holds only its own keys, and
// the exact-value hashes find every row.
func TestWriteIndex(t *testing.T) {
	s := testScan(t, 3000, 1)
	files := map[string][]byte{}
	st, err := Write(s, func(name string, data []byte) error {
		files[name] = append([]byte(nil), data...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	meta := payload(t, files[MetaFile])
	if meta["k"] != "ix" || meta["v"] != float64(Version) || meta["scan"] != "s1" {
		t.Fatalf("meta = %v", meta)
	}
	shards := meta["shards"].(map[string]any)
	var types []*model.TypeStat
	for k, x := range meta["types"].([]any) {
		slug := x.(map[string]any)["slug"].(string)
		for _, ty := range s.Types {
			if ty.Slug == slug {
				types = append(types, ty)
				if int(x.(map[string]any)["n"].(float64)) != ty.Total() {
					t.Errorf("type %d: n = %v, want %d", k, x, ty.Total())
				}
			}
		}
	}
	if len(types) != len(s.Types)-1 {
		t.Fatalf("%d types in the index, want %d", len(types), len(s.Types)-1)
	}
	value := func(id uint64, source bool) string {
		ty := types[id>>RowBits]
		i := ty.Elements[id&(1<<RowBits-1)]
		if source {
			return cut(s.SourceData(i), chunks.MaxSourceData)
		}
		return cut(s.Elements[i].Data, chunks.MaxData)
	}
	has := func(v string, key uint64) bool {
		found := false
		Trigrams(v, func(k uint64) { found = found || k == key })
		return found
	}
	for _, fam := range []string{"v", "s"} {
		n := int(shards[fam].(float64))
		got := map[uint64]map[uint64]bool{} // key → ids
		for shard := range n {
			p := payload(t, files[ShardFile(fam, shard)])
			if p["k"] != "ix"+fam || p["shard"] != float64(shard) {
				t.Fatalf("%s shard %d: %v %v", fam, shard, p["k"], p["shard"])
			}
			ts, ps := p["t"].([]any), p["p"].([]any)
			for j := range ts {
				rs := []rune(ts[j].(string))
				if len(rs) != 3 {
					t.Fatalf("trigram %q", ts[j])
				}
				key := Key(rs[0], rs[1], rs[2])
				if int(KeyHash(key)%uint32(n)) != shard {
					t.Errorf("trigram %q in shard %d", ts[j], shard)
				}
				ids := map[uint64]bool{}
				var id uint64
				for k, d := range decodeVarints(t, ps[j].(string)) {
					if k > 0 && d == 0 {
						t.Errorf("trigram %q: a repeated posting", ts[j])
					}
					id += d
					ids[id] = true
					if fam == "s" {
						// A block: some row of it has the trigram in its source.
						if id%SourceBlock != 0 {
							t.Errorf("source posting %d is not a block start", id)
						}
						found := false
						for r := id; r < id+SourceBlock && r&(1<<RowBits-1) < uint64(types[id>>RowBits].Total()); r++ {
							found = found || has(value(r, true), key)
						}
						if !found {
							t.Errorf("source trigram %q lists block %d, no row of which has it", ts[j], id)
						}
						continue
					}
					if !has(value(id, false), key) {
						t.Errorf("trigram %q lists %d (%q), which lacks it", ts[j], id, value(id, false))
					}
				}
				got[key] = ids
			}
		}
		for ti, ty := range types {
			for row := range ty.Elements {
				id := uint64(ti)<<RowBits | uint64(row)
				post := id
				if fam == "s" {
					post = id &^ (SourceBlock - 1)
				}
				Trigrams(value(id, fam == "s"), func(k uint64) {
					if !got[k][post] {
						t.Fatalf("%s: row %d (%q) is not listed under %q", fam, id, value(id, fam == "s"), KeyString(k))
					}
				})
			}
		}
	}
	nx := int(shards["x"].(float64))
	byHash := map[uint32]map[uint64]bool{}
	for shard := range nx {
		p := payload(t, files[ShardFile("x", shard)])
		hs, ids := decodeVarints(t, p["h"].(string)), decodeVarints(t, p["p"].(string))
		if len(hs) != len(ids) || len(hs) != int(p["n"].(float64)) {
			t.Fatalf("exact shard %d: %d hashes, %d ids, n %v", shard, len(hs), len(ids), p["n"])
		}
		var h uint32
		var id uint64
		for k := range hs {
			if hs[k] != 0 || k == 0 {
				h += uint32(hs[k])
				id = ids[k]
			} else {
				id += ids[k]
			}
			if int(h%uint32(nx)) != shard {
				t.Errorf("hash %x in exact shard %d", h, shard)
			}
			if ExactHash(value(id, false)) != h {
				t.Errorf("row %d under hash %x", id, h)
			}
			if byHash[h] == nil {
				byHash[h] = map[uint64]bool{}
			}
			byHash[h][id] = true
		}
	}
	for ti, ty := range types {
		for row := range ty.Elements {
			id := uint64(ti)<<RowBits | uint64(row)
			if !byHash[ExactHash(value(id, false))][id] {
				t.Fatalf("row %d missing from the exact hashes", id)
			}
		}
	}
	if st.Rows != s.Count() || st.Files != len(files) {
		t.Errorf("stats %+v, %d elements, %d files", st, s.Count(), len(files))
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
	const file = "testdata/vectors.json"
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
		t.Errorf("%s is out of date: go test ./generator/searchindex -run TestVectors -update", file)
	}
}

func BenchmarkWrite(b *testing.B) {
	t := &testing.T{}
	s := testScan(t, 100000, 2)
	b.ResetTimer()
	for range b.N {
		var n int64
		if _, err := Write(s, func(_ string, data []byte) error { n += int64(len(data)); return nil }); err != nil {
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
