package searchindex

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/scan"
)

// hit is one posting read back: a type's row (for source trigrams, the
// first row of its block).
type hit struct {
	slug string
	row  int
}

// postingSets is an index read back: per family ("v", "s", "x") and key
// (trigram text, or exact hash in decimal), the rows it lists.
type postingSets map[string]map[string]map[hit]bool

func (p postingSets) add(family, key string, slugs []string, ids []uint64, t *testing.T) {
	if p[family] == nil {
		p[family] = map[string]map[hit]bool{}
	}
	if p[family][key] == nil {
		p[family][key] = map[hit]bool{}
	}
	for _, id := range ids {
		k := int(id >> RowBits)
		if k >= len(slugs) {
			t.Fatalf("%s %q: posting %d names type %d of %d", family, key, id, k, len(slugs))
		}
		p[family][key][hit{slugs[k], int(id & (1<<RowBits - 1))}] = true
	}
}

// readExact adds the pairs of an exact shard's two streams.
func (p postingSets) readExact(h, ps string, slugs []string, t *testing.T) {
	hs, ids := decodeVarints(t, h), decodeVarints(t, ps)
	if len(hs) != len(ids) {
		t.Fatalf("exact: %d hashes, %d postings", len(hs), len(ids))
	}
	var lh, lid uint64
	for i := range hs {
		if i == 0 || hs[i] != 0 {
			lh += hs[i]
			lid = ids[i]
		} else {
			lid += ids[i]
		}
		p.add("x", fmt.Sprint(lh), slugs, []uint64{lid}, t)
	}
}

// readIndex reads a whole index (Write's files) back.
func readIndex(t *testing.T, files map[string][]byte, p postingSets) *sitefmt.IndexMeta {
	t.Helper()
	v, err := sitefmt.Decode(payloadBytes(t, files[MetaFile]))
	if err != nil {
		t.Fatal(err)
	}
	meta := v.(*sitefmt.IndexMeta)
	var slugs []string
	for _, ty := range meta.Types {
		slugs = append(slugs, ty.Slug)
	}
	for name, b := range files {
		if !strings.HasPrefix(name, "ix-v") && !strings.HasPrefix(name, "ix-s") && !strings.HasPrefix(name, "ix-x") {
			continue
		}
		v, err := sitefmt.Decode(payloadBytes(t, b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch sh := v.(type) {
		case *sitefmt.TrigramShard:
			for i, key := range sh.T {
				p.add(sh.K[2:], key, slugs, deltas(decodeVarints(t, sh.P[i])), t)
			}
		case *sitefmt.ExactShard:
			p.readExact(sh.H, sh.P, slugs, t)
		}
	}
	return meta
}

// readSegment reads one segment file back into p.
func readSegment(t *testing.T, b []byte, p postingSets) *sitefmt.IndexSegment {
	t.Helper()
	v, err := sitefmt.Decode(payloadBytes(t, b))
	if err != nil {
		t.Fatal(err)
	}
	g := v.(*sitefmt.IndexSegment)
	var slugs []string
	for _, r := range g.Types {
		slugs = append(slugs, r.Slug)
	}
	for fam, tr := range map[string]sitefmt.SegTrigrams{"v": g.V, "s": g.S} {
		if len(tr.T) != len(tr.P) || !slices.IsSorted(tr.T) {
			t.Fatalf("segment %d %s: %d keys (sorted: %v), %d lists", g.Seg, fam, len(tr.T), slices.IsSorted(tr.T), len(tr.P))
		}
		for i, key := range tr.T {
			p.add(fam, key, slugs, deltas(decodeVarints(t, tr.P[i])), t)
		}
	}
	p.readExact(g.X.H, g.X.P, slugs, t)
	return g
}

// deltas turns a posting list's varints (the first absolute, then deltas)
// into postings.
func deltas(v []uint64) []uint64 {
	for i := 1; i < len(v); i++ {
		v[i] += v[i-1]
	}
	return v
}

func payloadBytes(t *testing.T, file []byte) []byte {
	t.Helper()
	s := string(file)
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, suffix) {
		t.Fatalf("not a data file: %.80q", s)
	}
	return []byte(s[len(prefix) : len(s)-len(suffix)])
}

// TestSegments grows a scan in batches as `serve` sees it: the index
// written at the start plus a segment per batch lists exactly what the
// index of the whole scan lists, key by key and row by row; the head
// names the segments and the rows they cover; and the merge (Write over
// the grown scan) is byte for byte the index built at once.
func TestSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	grow := model.New(scan.Meta{ID: "s1", Target: "t", Status: scan.StatusRunning}, eltypes.MustLoad(), risky)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	grow.Add(scan.Element{ID: "h", Type: "INTERNET_NAME", Data: "Host.Example", Source: "ROOT", Module: "m0", Generated: t0}, 1)
	types := []string{"IP_ADDRESS", "INTERNET_NAME", "RAW_RIR_DATA", "TCP_PORT_OPEN"}
	var els []scan.Element
	for i := range 3000 {
		src := "h"
		if i > 0 && r.IntN(3) == 0 {
			src = fmt.Sprint("e", r.IntN(i))
		}
		ty := types[r.IntN(len(types))]
		if i >= 2500 && i%7 == 0 {
			ty = "EMAILADDR" // a type that only segments know
		}
		els = append(els, scan.Element{ID: fmt.Sprint("e", i), Type: ty, Data: randomValue(r, i), Source: src, Module: "m1", Generated: t0.Add(time.Duration(i) * time.Second)})
	}
	add := func(from, to int) {
		for i := from; i < to; i++ {
			grow.Add(els[i], i+2)
		}
	}
	write := func(s *model.Scan) map[string][]byte {
		files := map[string][]byte{}
		if _, err := Write(s, func(name string, data []byte) error {
			files[name] = bytes.Clone(data)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return files
	}
	add(0, 1000)
	got := postingSets{}
	mainFiles := write(grow)
	mainMeta := readIndex(t, mainFiles, got)
	cover := Covered(grow)
	var segs []int
	var order []string
	for _, ty := range mainMeta.Types {
		order = append(order, ty.Slug)
	}
	for n, at := 1, 1000; at < len(els); n++ {
		next := min(len(els), at+1+r.IntN(400))
		add(at, next)
		at = next
		ranges := Appended(grow, cover)
		var seg []byte
		rows, err := WriteSegment(grow, n, ranges, func(name string, data []byte) error {
			if name != SegFile(n) {
				t.Errorf("segment %d written as %s", n, name)
			}
			seg = bytes.Clone(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		g := readSegment(t, seg, got)
		sum := 0
		for k, rg := range ranges {
			sum += rg.To - rg.From
			if g.Types[k] != (sitefmt.IndexRange{Slug: rg.Slug, S: rg.From, N: rg.To - rg.From}) {
				t.Errorf("segment %d type %d: %+v, want %+v", n, k, g.Types[k], rg)
			}
			cover[rg.Slug] = rg.To
		}
		if rows != sum || g.X.N != sum {
			t.Errorf("segment %d: %d rows, %d exact pairs, want %d", n, rows, g.X.N, sum)
		}
		segs = append(segs, n)
	}
	if !maps.Equal(cover, Covered(grow)) {
		t.Errorf("segments cover %v, the scan has %v", cover, Covered(grow))
	}
	// The head: Write's meta with the segments and the cover.
	head, err := Head(mainFiles[MetaFile], segs, cover, order)
	if err != nil {
		t.Fatal(err)
	}
	v, err := sitefmt.Decode(payloadBytes(t, head))
	if err != nil {
		t.Fatal(err)
	}
	hm := v.(*sitefmt.IndexMeta)
	if !slices.Equal(hm.Segs, segs) || len(hm.Cover) != len(cover) || !slices.Equal(hm.Types, mainMeta.Types) {
		t.Errorf("head: segs %v, cover %v, types %v", hm.Segs, hm.Cover, hm.Types)
	}
	for k, c := range hm.Cover {
		if cover[c.Slug] != c.N || k < len(order) && c.Slug != order[k] {
			t.Errorf("head cover %d: %+v", k, c)
		}
	}
	if same, _ := Head(mainFiles[MetaFile], nil, cover, order); !bytes.Equal(same, mainFiles[MetaFile]) {
		t.Error("a head without segments is not Write's ix.js")
	}

	// The index of the whole scan lists exactly the same.
	full := write(grow)
	want := postingSets{}
	readIndex(t, full, want)
	for _, fam := range []string{"v", "s", "x"} {
		if len(got[fam]) != len(want[fam]) {
			t.Errorf("%s: %d keys over index and segments, %d in the whole index", fam, len(got[fam]), len(want[fam]))
		}
		for key, rows := range want[fam] {
			if !maps.Equal(got[fam][key], rows) {
				t.Errorf("%s %q: index and segments list %d rows, the whole index %d", fam, key, len(got[fam][key]), len(rows))
			}
		}
	}
	if len(want["v"]) < 500 || len(want["x"]) < 1000 {
		t.Errorf("the whole index is too small to tell: %d trigrams, %d hashes", len(want["v"]), len(want["x"]))
	}

	// The merge: the index written again from the grown scan is the index
	// built at once from all its elements.
	once := model.New(scan.Meta{ID: "s1", Target: "t", Status: scan.StatusRunning}, eltypes.MustLoad(), risky)
	once.Add(scan.Element{ID: "h", Type: "INTERNET_NAME", Data: "Host.Example", Source: "ROOT", Module: "m0", Generated: t0}, 1)
	for i, e := range els {
		once.Add(e, i+2)
	}
	atOnce := write(once)
	if len(atOnce) != len(full) {
		t.Fatalf("merged: %d files, built at once: %d", len(full), len(atOnce))
	}
	for name, b := range atOnce {
		if !bytes.Equal(full[name], b) {
			t.Errorf("merged %s differs from the one built at once", name)
		}
	}
}

// TestSegmentRejectsRows: a range past the scan's rows is an error, not a
// segment with postings nobody can load.
func TestSegmentRejectsRows(t *testing.T) {
	s := testScan(t, 50, 1)
	cover := Covered(s)
	_, err := WriteSegment(s, 1, []Range{{"ip_address", cover["ip_address"], cover["ip_address"] + 5}}, func(string, []byte) error { return nil })
	if err == nil {
		t.Error("a range past the type's rows was indexed")
	}
}
