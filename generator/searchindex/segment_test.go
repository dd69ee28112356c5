package searchindex

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/scan"
)

// rowKey is a row by type slug and row.
type rowKey struct {
	slug string
	row  int
}

// mapping is what an index says: for each entry, the rows whose data
// (side 0) and source data (side 1) it is.
type mapping [2]map[string]map[rowKey]bool

func newMapping() mapping { return mapping{{}, {}} }

func (m mapping) add(side int, entry string, r rowKey) {
	if m[side][entry] == nil {
		m[side][entry] = map[rowKey]bool{}
	}
	m[side][entry][r] = true
}

// drop removes the rows of late from the source side.
func (m mapping) drop(late map[rowKey]bool) {
	for e, rows := range m[1] {
		for r := range late {
			delete(rows, r)
		}
		if len(rows) == 0 {
			delete(m[1], e)
		}
	}
}

func (m mapping) fromIndex(x *index) {
	for e, v := range x.entries {
		for side, lists := range [2][][]uint64{x.d, x.s} {
			for _, id := range lists[e] {
				m.add(side, v, rowKey{x.meta.Types[id>>RowBits].Slug, int(id & (1<<RowBits - 1))})
			}
		}
	}
}

// readSegment decodes a segment and applies it to m as a reader does:
// its late rows dropped from the source side of what m holds, then its
// entries' rows added. It returns the segment and its late rows.
func readSegment(t *testing.T, b []byte, m mapping) (*sitefmt.IndexSegment, map[rowKey]bool) {
	t.Helper()
	g, ok := decode(t, "segment", b).(*sitefmt.IndexSegment)
	if !ok {
		t.Fatal("not a segment")
	}
	row := func(id uint64) rowKey {
		k := int(id >> RowBits)
		if k >= len(g.Types) {
			t.Fatalf("segment %d: posting %x names type %d of %d", g.Seg, id, k, len(g.Types))
		}
		return rowKey{g.Types[k].Slug, int(id & (1<<RowBits - 1))}
	}
	in := func(r rowKey) bool {
		for _, ty := range g.Types {
			if ty.Slug == r.slug && r.row >= ty.S && r.row < ty.S+ty.N {
				return true
			}
		}
		return false
	}
	lv := decodeVarints(t, g.Late)
	if len(lv) == 0 || int(lv[0]) != len(lv)-1 {
		t.Fatalf("segment %d: late %v is not a count and its postings", g.Seg, lv)
	}
	late := map[rowKey]bool{}
	var id uint64
	for k, d := range lv[1:] {
		if k > 0 && d == 0 {
			t.Errorf("segment %d: a late row twice", g.Seg)
		}
		id += d
		r := row(id)
		if in(r) {
			t.Errorf("segment %d: late row %v is one of its own rows", g.Seg, r)
		}
		late[r] = true
	}
	m.drop(late)
	d, s := readLists(t, g.D, len(g.E)), readLists(t, g.S, len(g.E))
	for e, v := range g.E {
		if e > 0 {
			a := g.E[e-1]
			if c := strings.Compare(refKey(a), refKey(v)); c > 0 || c == 0 && a >= v {
				t.Errorf("segment %d: entries %.30q, %.30q out of order", g.Seg, a, v)
			}
		}
		for _, id := range d[e] {
			if !in(row(id)) {
				t.Errorf("segment %d: data row %v outside its rows", g.Seg, row(id))
			}
			m.add(0, v, row(id))
		}
		for _, id := range s[e] {
			if !in(row(id)) && !late[row(id)] {
				t.Errorf("segment %d: source row %v neither its own nor late", g.Seg, row(id))
			}
			m.add(1, v, row(id))
		}
	}
	return g, late
}

// TestSegments grows a scan in random batches as `serve` sees it, with
// sources that arrive after their children (relinked): the index written
// at the start plus a segment per batch, each one's late rows applied,
// give exactly the entry → rows mapping of the index of the whole scan;
// the head names the segments and the rows they cover; and the merge
// (Write over the grown scan) is byte for byte the index built at once,
// whatever its generation.
func TestSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	meta := scan.Meta{ID: "s1", Target: "t", Status: scan.StatusRunning}
	grow := model.New(meta, eltypes.MustLoad(), risky)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	root := scan.Element{ID: "h", Type: "INTERNET_NAME", Data: "Host.Example", Source: "ROOT", Module: "m0", Generated: t0}
	grow.Add(root, 1)
	types := []string{"IP_ADDRESS", "INTERNET_NAME", "RAW_RIR_DATA", "TCP_PORT_OPEN"}
	var els []scan.Element
	for i := range 3000 {
		src := "h"
		switch {
		case i > 0 && r.IntN(3) == 0:
			src = fmt.Sprint("e", r.IntN(i))
		case i < 2900 && r.IntN(4) == 0:
			src = fmt.Sprint("e", i+1+r.IntN(30)) // arrives later: relinked then
		}
		ty := types[r.IntN(len(types))]
		if i >= 2500 && i%7 == 0 {
			ty = "EMAILADDR" // a type that only segments know
		}
		els = append(els, scan.Element{ID: fmt.Sprint("e", i), Type: ty, Data: randomValue(r, i), Source: src, Module: "m1", Generated: t0.Add(time.Duration(i) * time.Second)})
	}
	add := func(from, to int) []int32 {
		for i := from; i < to; i++ {
			grow.Add(els[i], i+2)
		}
		return grow.TakeRelinked()
	}
	write := func(s *model.Scan, gen int) map[string][]byte {
		files := map[string][]byte{}
		if _, err := Write(s, gen, func(name string, data []byte) error {
			files[name] = bytes.Clone(data)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return files
	}
	add(0, 1000)
	got := newMapping()
	mainFiles := write(grow, 0)
	mainIx := readIndex(t, mainFiles)
	got.fromIndex(mainIx)
	cover := Covered(grow)
	var segs []int
	var order []string
	for _, ty := range mainIx.meta.Types {
		order = append(order, ty.Slug)
	}
	lateRows, lateTypes := 0, 0
	for n, at := 1, 1000; at < len(els); n++ {
		size := 1 + r.IntN(400)
		if r.IntN(3) == 0 {
			size = 1 + r.IntN(3) // a few rows of some types: late rows of others
		}
		next := min(len(els), at+size)
		relinked := add(at, next)
		at = next
		ranges := Appended(grow, cover)
		var seg []byte
		rows, err := WriteSegment(grow, n, ranges, relinked, func(name string, data []byte) error {
			if name != SegFile(n) {
				t.Errorf("segment %d written as %s", n, name)
			}
			seg = bytes.Clone(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		g, late := readSegment(t, seg, got)
		if g.Seg != n || g.Scan != "s1" {
			t.Errorf("segment %d: seg %d scan %q", n, g.Seg, g.Scan)
		}
		sum := 0
		for k, rg := range ranges {
			sum += rg.To - rg.From
			if g.Types[k] != (sitefmt.IndexRange{Slug: rg.Slug, S: rg.From, N: rg.To - rg.From}) {
				t.Errorf("segment %d type %d: %+v, want %+v", n, k, g.Types[k], rg)
			}
		}
		for _, ty := range g.Types[len(ranges):] {
			if ty.N != 0 || ty.S != cover[ty.Slug] {
				t.Errorf("segment %d: a type only late rows name: %+v, covered %d", n, ty, cover[ty.Slug])
			}
			lateTypes++
		}
		// The late rows are exactly the relinked rows outside ranges.
		want := map[rowKey]bool{}
		for _, i := range relinked {
			ty := grow.Type(i)
			if pos := int(grow.Elements[i].Pos); pos < cover[ty.Slug] {
				want[rowKey{ty.Slug, pos}] = true
			}
		}
		if !maps.Equal(late, want) {
			t.Errorf("segment %d: late %v, want %v", n, late, want)
		}
		lateRows += len(late)
		if rows != sum+len(late) {
			t.Errorf("segment %d: %d rows, want %d", n, rows, sum+len(late))
		}
		for _, rg := range ranges {
			cover[rg.Slug] = rg.To
		}
		segs = append(segs, n)
	}
	if lateRows < 20 || lateTypes == 0 {
		t.Errorf("%d late rows, %d types only late rows name: too few to tell", lateRows, lateTypes)
	}
	if !maps.Equal(cover, Covered(grow)) {
		t.Errorf("segments cover %v, the scan has %v", cover, Covered(grow))
	}
	// The head: Write's head with the segments and the cover.
	head, err := Head(mainFiles[MetaFile], segs, cover, order)
	if err != nil {
		t.Fatal(err)
	}
	hm := decode(t, MetaFile, head).(*sitefmt.IndexMeta)
	if !slices.Equal(hm.Segs, segs) || len(hm.Cover) != len(cover) || !slices.Equal(hm.Types, mainIx.meta.Types) {
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

	// The index of the whole scan says exactly the same.
	full := write(grow, 0)
	want := newMapping()
	want.fromIndex(readIndex(t, full))
	for side := range want {
		if len(got[side]) != len(want[side]) {
			t.Errorf("side %d: %d entries over index and segments, %d in the whole index", side, len(got[side]), len(want[side]))
		}
		for e, rows := range want[side] {
			if !maps.Equal(got[side][e], rows) {
				t.Errorf("side %d %.40q: index and segments list %d rows, the whole index %d", side, e, len(got[side][e]), len(rows))
			}
		}
	}
	if len(want[0]) < 1000 || len(want[1]) < 500 {
		t.Errorf("the whole index is too small to tell: %d data entries, %d source entries", len(want[0]), len(want[1]))
	}

	// The merge: the index written again from the grown scan is the index
	// built at once from all its elements; as another generation, the
	// same but for the generation.
	once := model.New(meta, eltypes.MustLoad(), risky)
	once.Add(root, 1)
	for i, e := range els {
		once.Add(e, i+2)
	}
	atOnce := write(once, 0)
	if len(atOnce) != len(full) {
		t.Fatalf("merged: %d files, built at once: %d", len(full), len(atOnce))
	}
	for name, b := range atOnce {
		if !bytes.Equal(full[name], b) {
			t.Errorf("merged %s differs from the one built at once", name)
		}
	}
	gen7 := write(grow, 7)
	for name, b := range atOnce {
		name7 := name
		if name != MetaFile {
			name7 = "ix7-" + strings.TrimPrefix(name, "ix0-")
		}
		// Compared unpacked: a packed file's bytes change with any byte
		// of its payload.
		p0, err0 := datafile.Payload(b, 0)
		p7, err7 := datafile.Payload(gen7[name7], 0)
		if err0 != nil || err7 != nil {
			t.Fatalf("%s: %v, %s: %v", name, err0, name7, err7)
		}
		if !bytes.Equal(p7, bytes.Replace(p0, []byte(`"gen":0,`), []byte(`"gen":7,`), 1)) {
			t.Errorf("generation 7's %s is not generation 0's %s", name7, name)
		}
	}
}

// TestSegmentRejectsRows: a range past the scan's rows is an error, not a
// segment with postings nobody can load.
func TestSegmentRejectsRows(t *testing.T) {
	s := testScan(t, 50, 1)
	cover := Covered(s)
	for _, rg := range [][]Range{
		{{"ip_address", cover["ip_address"], cover["ip_address"] + 5}},
		{{"ip_address", 0, 1}, {"ip_address", 1, 2}},
		{{"no_such_type", 0, 0}},
	} {
		if _, err := WriteSegment(s, 1, rg, nil, func(string, []byte) error { return nil }); err == nil {
			t.Errorf("ranges %v were indexed", rg)
		}
	}
}

// TestFileGen: the index's file names by generation, and the files that
// are not of one.
func TestFileGen(t *testing.T) {
	for name, want := range map[string]int{
		BlockFile(0, 3): 0, TrigramFile(12, 0): 12, ExactFile(3, 15): 3,
		SegFile(4): -1, "ix-v0.js": -1, "ix-x12.js": -1,
		MetaFile: -2, "manifest.js": -2, "ix05-d1.js": -2, "ix1.js": -2, "ix1-.js": -2, "ixd.js": -2,
	} {
		g, ok := FileGen(name)
		if !ok {
			g = -2
		}
		if g != want {
			t.Errorf("FileGen(%q) = %d, %v; want %d", name, g, ok, want)
		}
	}
}

// TestSegNum: segment file names and their numbers; any other name is
// not a segment's.
func TestSegNum(t *testing.T) {
	for name, want := range map[string]int{
		SegFile(0): 0, SegFile(1): 1, SegFile(12345): 12345,
		"ix-g.js": -1, "ix-g01.js": -1, "ix-g-1.js": -1, "ix-g1.json": -1, "ix-v1.js": -1, BlockFile(1, 1): -1, MetaFile: -1,
	} {
		n, ok := SegNum(name)
		if !ok {
			n = -1
		}
		if n != want {
			t.Errorf("SegNum(%q) = %d, %v; want %d", name, n, ok, want)
		}
	}
}

// TestHeadFiles: the files a head names, in the order a reader may fetch
// them.
func TestHeadFiles(t *testing.T) {
	got := HeadFiles(7, 2, 1, 1, []int{3, 9})
	want := []string{"ix7-d0.js", "ix7-s0.js", "ix7-d1.js", "ix7-s1.js", "ix7-t0.js", "ix7-x0.js", "ix-g3.js", "ix-g9.js"}
	if !slices.Equal(got, want) {
		t.Errorf("HeadFiles = %v, want %v", got, want)
	}
}

// BenchmarkWriteSegment1M times what a live update of 1,000 appended
// elements adds for the index of a 1,000,000-element scan: the segment of
// the new rows and the head listing it (the rest of the update is
// BenchmarkLiveAppend's).
func BenchmarkWriteSegment1M(b *testing.B) {
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "big", Target: "t", Status: scan.StatusRunning}, eltypes.MustLoad(), risky)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	s.Add(scan.Element{ID: "h", Type: "INTERNET_NAME", Data: "big.example", Source: "ROOT", Module: "m0", Generated: t0}, 1)
	types := []string{"INTERNET_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "EMAILADDR"}
	const n, add = 1_000_000, 1000
	for i := range n + add {
		s.Add(scan.Element{ID: "e" + strconv.Itoa(i), Type: types[i%4], Data: fmt.Sprintf("v%d.big.example", i), Source: "e" + strconv.Itoa(i/2), Module: "m1", Generated: t0}, i+2)
	}
	// The index covered the first n rows; the segment takes the rest.
	cover := Covered(s)
	left := add
	for left > 0 {
		for _, ty := range types {
			slug := strings.ToLower(ty)
			if left > 0 && cover[slug] > 0 {
				cover[slug]--
				left--
			}
		}
	}
	ranges := Appended(s, cover)
	var meta []byte
	if _, err := Write(s, 0, func(name string, data []byte) error {
		if name == MetaFile {
			meta = bytes.Clone(data)
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	var order []string
	for _, ty := range s.Types {
		order = append(order, ty.Slug)
	}
	bytesOut := 0
	b.ResetTimer()
	for b.Loop() {
		bytesOut = 0
		rows, err := WriteSegment(s, 1, ranges, nil, func(_ string, data []byte) error { bytesOut += len(data); return nil })
		if err != nil || rows != add {
			b.Fatal(rows, err)
		}
		head, err := Head(meta, []int{1}, cover, order)
		if err != nil {
			b.Fatal(err)
		}
		bytesOut += len(head)
	}
	b.ReportMetric(float64(bytesOut), "bytes/update")
}
