package searchindex

// Append-only segments: while `scanreport serve` follows a running scan,
// the rows each update appends (and the rows whose source arrived after
// them, "late") are indexed into one small segment file (ix-g<n>.js)
// instead of the whole index being written again, and the head (ix.js)
// lists the segments. A merge is a whole index written from a copy of the
// scan (Write) as the next generation, after which the segments it covers
// are dropped. docs/site-format.md ("Search index", "Segments") is the
// format.

import (
	"bytes"
	"encoding/base64"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/jsonw"
)

// SegFile names segment n.
func SegFile(n int) string { return "ix-g" + strconv.Itoa(n) + ".js" }

// Range is the rows [From, To) of one type (by slug).
type Range struct {
	Slug     string
	From, To int
}

// Covered gives the rows of each type (ROOT excluded) the index covers when
// it is written from s now: every row, up to 2^RowBits.
func Covered(s *model.Scan) map[string]int {
	c := make(map[string]int, len(s.Types))
	for _, t := range s.Types {
		if t.Code != "ROOT" {
			c[t.Slug] = min(t.Total(), 1<<RowBits)
		}
	}
	return c
}

// Appended gives the rows of s past cover, type by type in s's order.
func Appended(s *model.Scan, cover map[string]int) []Range {
	var out []Range
	for _, t := range s.Types {
		if t.Code == "ROOT" {
			continue
		}
		if to, from := min(t.Total(), 1<<RowBits), cover[t.Slug]; to > from {
			out = append(out, Range{t.Slug, from, to})
		}
	}
	return out
}

// WriteSegment indexes the rows of ranges (every type of s named at most
// once) into segment n and writes it through out: a small dictionary of
// their data and source data (as Write's, in dictionary order, one block)
// with postings k·2^RowBits + row over the segment's own types (k the
// position in its types, row the type's row), and late: the rows of
// relinked (element indices) outside ranges, whose source data changed
// since the index or an earlier segment listed them. Each late row is
// listed again under its new source data; a type only late rows name is
// added to the segment's types with no rows. It returns the rows indexed
// (late ones included); its cost follows them, not the scan.
func WriteSegment(s *model.Scan, n int, ranges []Range, relinked []int32, out Out) (int, error) {
	bySlug := make(map[string]*model.TypeStat, len(s.Types))
	for _, t := range s.Types {
		bySlug[t.Slug] = t
	}
	k := make(map[string]int, len(ranges))
	for i, r := range ranges {
		t := bySlug[r.Slug]
		if _, dup := k[r.Slug]; dup || t == nil || t.Code == "ROOT" || r.From < 0 || r.To > min(len(t.Elements), 1<<RowBits) || r.From > r.To {
			return 0, errors.New("search index segment: rows " + r.Slug + " [" + strconv.Itoa(r.From) + ", " + strconv.Itoa(r.To) + ") are not in the scan")
		}
		k[r.Slug] = i
	}
	ranges = slices.Clone(ranges)
	// Late rows: outside ranges, each once.
	var late []uint32
	for _, i := range relinked {
		if i <= 0 || int(i) >= len(s.Elements) {
			continue
		}
		t := s.Type(i)
		row := int(s.Elements[i].Pos)
		if t == nil || t.Code == "ROOT" || row >= 1<<RowBits {
			continue
		}
		ki, ok := k[t.Slug]
		if ok && row >= ranges[ki].From {
			continue // in the segment's own rows
		}
		if !ok {
			ki = len(ranges)
			k[t.Slug] = ki
			c := min(t.Total(), 1<<RowBits)
			ranges = append(ranges, Range{t.Slug, c, c})
		}
		late = append(late, uint32(ki)<<RowBits|uint32(row))
	}
	slices.Sort(late)
	late = slices.Compact(late)

	x := newDict(0)
	for ki, r := range ranges {
		t := bySlug[r.Slug]
		base := uint32(ki) << RowBits
		for row := r.From; row < r.To; row++ {
			i := t.Elements[row]
			x.add(base|uint32(row), x.entryOf(s.Elements[i].Data, chunks.MaxData), x.entryOf(s.SourceData(i), chunks.MaxSourceData))
		}
	}
	rows := len(x.rows)
	for _, id := range late {
		t := bySlug[ranges[id>>RowBits].Slug]
		i := t.Elements[id&(1<<RowBits-1)]
		x.add(id, -1, x.entryOf(s.SourceData(i), chunks.MaxSourceData))
	}
	d, sl := x.lists(x.d), x.lists(x.s)
	// Late rows were added after the others: each entry's rows ascending.
	for e := range x.strs {
		slices.Sort(sl.rows[sl.off[e]:sl.off[e+1]])
	}

	b := append([]byte(nil), prefix...)
	b = append(b, `{"k":"ixg","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"seg":`...)
	b = jsonw.Int(b, int64(n))
	b = append(b, `,"types":[`...)
	for ki, r := range ranges {
		if ki > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"slug":`...)
		b = jsonw.String(b, r.Slug)
		b = append(b, `,"s":`...)
		b = jsonw.Int(b, int64(r.From))
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(r.To-r.From))
		b = append(b, '}')
	}
	b = append(b, "],"...)
	b, buf := appendEntries(b, x.strs, x.order(), d, sl, nil)
	b = append(b, `,"late":"`...)
	buf = appendLists(buf[:0], []int32{0}, []int32{0, int32(len(late))}, late) // one list
	b = base64.StdEncoding.AppendEncode(b, buf)
	b = append(b, `"}`...)
	b = append(b, suffix...)
	return rows + len(late), out(SegFile(n), b)
}

// Head is ix.js as Write wrote it (meta) with the segments segs listed and
// cover, the rows of each type the index and the segments cover together
// (slugs in the order given by order, then any others sorted). With no
// segments it is meta itself.
func Head(meta []byte, segs []int, cover map[string]int, order []string) ([]byte, error) {
	if len(segs) == 0 {
		return meta, nil
	}
	end := []byte("}" + suffix)
	if !bytes.HasSuffix(meta, end) {
		return nil, errors.New("search index head: " + MetaFile + " does not end as Write writes it")
	}
	b := append([]byte(nil), meta[:len(meta)-len(end)]...)
	b = append(b, `,"segs":[`...)
	for i, n := range segs {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonw.Int(b, int64(n))
	}
	b = append(b, `],"cover":[`...)
	slugs := slices.Clone(order)
	var rest []string
	for slug := range cover {
		if !slices.Contains(order, slug) {
			rest = append(rest, slug)
		}
	}
	slices.Sort(rest)
	first := true
	for _, slug := range append(slugs, rest...) {
		n, ok := cover[slug]
		if !ok {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, `{"slug":`...)
		b = jsonw.String(b, slug)
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(n))
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	return append(b, suffix...), nil
}

// SegNum is the number of segment file name (SegFile); ok is false for
// any other name.
func SegNum(name string) (n int, ok bool) {
	rest, found := strings.CutPrefix(name, "ix-g")
	if !found || !strings.HasSuffix(rest, ".js") {
		return 0, false
	}
	rest = strings.TrimSuffix(rest, ".js")
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 || strconv.Itoa(n) != rest {
		return 0, false
	}
	return n, true
}

// HeadFiles are the files a head names, as a reader fetches them: the
// dictionary blocks and their source postings, and the trigram and exact
// shards of generation gen (blocks, shards.t and shards.x of ix.js), then
// the segments segs.
func HeadFiles(gen, blocks, trigramShards, exactShards int, segs []int) []string {
	names := make([]string, 0, 2*blocks+trigramShards+exactShards+len(segs))
	for n := range blocks {
		names = append(names, BlockFile(gen, n), SourceFile(gen, n))
	}
	for n := range trigramShards {
		names = append(names, TrigramFile(gen, n))
	}
	for n := range exactShards {
		names = append(names, ExactFile(gen, n))
	}
	for _, n := range segs {
		names = append(names, SegFile(n))
	}
	return names
}
