package searchindex

// Append-only segments: while `scanreport serve` follows a running scan,
// the rows each update appends are indexed into one small segment file
// (ix-g<n>.js) instead of the whole index being written again, and the
// head (ix.js) lists the segments. A merge is a whole index written from a
// copy of the scan (Write), after which the segments it covers are
// dropped. docs/site-format.md ("Search index", "Segments") is the format.

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"errors"
	"slices"
	"strconv"

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
// once) into segment n and writes it through out: the same values,
// trigrams, source blocks and exact hashes as Write, with postings
// k·2^RowBits + row over the segment's own types (k the position in
// ranges, row the type's row). It returns the rows indexed; its cost
// follows them, not the scan.
func WriteSegment(s *model.Scan, n int, ranges []Range, out Out) (int, error) {
	bySlug := make(map[string]*model.TypeStat, len(s.Types))
	for _, t := range s.Types {
		bySlug[t.Slug] = t
	}
	vals, srcs := newPostings(), newPostings()
	var exact []xrow
	var keys, srcKeys []uint64
	rows := 0
	for k, r := range ranges {
		t := bySlug[r.Slug]
		if t == nil || r.From < 0 || r.To > min(len(t.Elements), 1<<RowBits) || r.From > r.To {
			return 0, errors.New("search index segment: rows " + r.Slug + " [" + strconv.Itoa(r.From) + ", " + strconv.Itoa(r.To) + ") are not in the scan")
		}
		base := uint32(k) << RowBits
		lastSrc := int32(-2)
		for row := r.From; row < r.To; row++ {
			i := t.Elements[row]
			id := base | uint32(row)
			d := cut(s.Elements[i].Data, chunks.MaxData)
			exact = append(exact, xrow{ExactHash(d), id})
			keys = appendTrigrams(keys[:0], d)
			for _, key := range keys {
				vals.add(key, id)
			}
			if src := s.Elements[i].Source; src != lastSrc {
				lastSrc = src
				srcKeys = appendTrigrams(srcKeys[:0], cut(s.SourceData(i), chunks.MaxSourceData))
			}
			for _, key := range srcKeys {
				srcs.add(key, id&^(SourceBlock-1))
			}
			rows++
		}
	}
	b := append([]byte(nil), prefix...)
	b = append(b, `{"k":"ixg","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"seg":`...)
	b = jsonw.Int(b, int64(n))
	b = append(b, `,"types":[`...)
	for k, r := range ranges {
		if k > 0 {
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
	b = append(b, `],"v":`...)
	b = segTrigrams(b, vals)
	b = append(b, `,"s":`...)
	b = segTrigrams(b, srcs)
	b = append(b, `,"x":`...)
	b = segExact(b, exact)
	b = append(b, '}')
	b = append(b, suffix...)
	return rows, out(SegFile(n), b)
}

// segTrigrams appends one family of a segment's trigrams: {"t":[…],"p":[…]},
// keys in their order, lists as in a shard.
func segTrigrams(b []byte, p *postings) []byte {
	keys := slices.Sorted(slices.Values(p.keys(nil)))
	b = append(b, `{"t":[`...)
	var name []byte
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		name = appendKey(name[:0], k)
		b = jsonw.String(b, string(name))
	}
	b = append(b, `],"p":[`...)
	var list []byte
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		list = p.appendList(list[:0], p.find(k), 0)
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, list)
		b = append(b, '"')
	}
	return append(b, "]}"...)
}

// segExact appends a segment's exact hashes: {"n":…,"h":…,"p":…}, pairs
// sorted by hash then posting, encoded as in an exact shard.
func segExact(b []byte, exact []xrow) []byte {
	slices.SortFunc(exact, func(a, b xrow) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	hb, ib := appendExactPairs(nil, nil, exact)
	b = append(b, '{')
	b = appendExactFields(b, len(exact), hb, ib)
	return append(b, '}')
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
