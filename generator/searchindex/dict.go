package searchindex

import (
	"encoding/base64"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/scanreport/scanreport/internal/jsonw"
)

// dict collects the distinct strings of some rows (the entries) and, for
// each row, the entry of its data and the entry of its source data.
type dict struct {
	index map[string]int32
	strs  []string // entries, in the order first met
	rows  []uint32 // the rows' postings, in the order added
	d, s  []int32  // the entry of each row's data, of its source data; -1: none
}

func newDict(rows int) *dict {
	return &dict{
		index: make(map[string]int32, rows/2),
		strs:  make([]string, 0, rows/2),
		rows:  make([]uint32, 0, rows),
		d:     make([]int32, 0, rows),
		s:     make([]int32, 0, rows),
	}
}

// entry returns v's entry, adding it when new. v must be valid UTF-8
// (entryOf).
func (x *dict) entry(v string) int32 {
	if e, ok := x.index[v]; ok {
		return e
	}
	e := int32(len(x.strs))
	x.strs = append(x.strs, v)
	x.index[v] = e
	return e
}

// entryOf is the entry of a value as the chunks hold it, cut at max bytes.
func (x *dict) entryOf(v string, max int) int32 { return x.entry(valid(cut(v, max))) }

// add records a row: its posting, and the entries of its data and source
// data (-1: not listed).
func (x *dict) add(id uint32, d, s int32) {
	x.rows = append(x.rows, id)
	x.d = append(x.d, d)
	x.s = append(x.s, s)
}

// valid is v as a JSON string of it reads back: every byte of invalid
// UTF-8 becomes U+FFFD, as jsonw writes it (so that two values the chunks
// show alike are one entry).
func valid(v string) string {
	if utf8.ValidString(v) {
		return v
	}
	var b strings.Builder
	b.Grow(len(v) + 8)
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRuneInString(v[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(v[i : i+size])
		}
		i += size
	}
	return b.String()
}

// sortKey is v with each code point replaced by its ExactFold, as UTF-8;
// v itself when that changes nothing.
func sortKey(v string) string {
	i := 0
	for i < len(v) && v[i] < utf8.RuneSelf && (v[i] < 'A' || v[i] > 'Z') {
		i++
	}
	if i == len(v) {
		return v
	}
	b := make([]byte, i, len(v)+8)
	copy(b, v[:i])
	for i < len(v) {
		c := v[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(v[i:])
		b = utf8.AppendRune(b, utf8.RuneError)
		i += size
	}
	return string(b)
}

// order returns the entries in dictionary order: by sortKey, then by the
// raw bytes.
func (x *dict) order() []int32 {
	type sk struct {
		key string
		e   int32
	}
	keys := make([]sk, len(x.strs))
	for e, v := range x.strs {
		keys[e] = sk{sortKey(v), int32(e)}
	}
	slices.SortFunc(keys, func(a, b sk) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(x.strs[a.e], x.strs[b.e])
	})
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = k.e
	}
	return out
}

// lists groups the rows by entry (which: x.d or x.s): the rows of entry e
// are rows[off[e]:off[e+1]], in the order added.
func (x *dict) lists(which []int32) (off []int32, rows []uint32) {
	off = make([]int32, len(x.strs)+1)
	for _, e := range which {
		if e >= 0 {
			off[e+1]++
		}
	}
	for e := 1; e < len(off); e++ {
		off[e] += off[e-1]
	}
	rows = make([]uint32, off[len(off)-1])
	at := slices.Clone(off[:len(off)-1])
	for r, e := range which {
		if e >= 0 {
			rows[at[e]] = x.rows[r]
			at[e]++
		}
	}
	return off, rows
}

// appendLists appends, for each entry of ents in turn, its count and its
// rows (ascending; the first absolute, the rest deltas) as varints.
func appendLists(b []byte, ents []int32, off []int32, rows []uint32) []byte {
	for _, e := range ents {
		list := rows[off[e]:off[e+1]]
		b = binaryAppendUvarint(b, uint64(len(list)))
		last := uint32(0)
		for _, id := range list {
			b = binaryAppendUvarint(b, uint64(id-last))
			last = id
		}
	}
	return b
}

// appendEntries appends `"e":[…],"d":"…","s":"…"`: the entries ents (in
// that order) and their data and source postings.
func appendEntries(b []byte, strs []string, ents []int32, d, s postingLists, buf []byte) ([]byte, []byte) {
	b = append(b, `"e":[`...)
	for i, e := range ents {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonw.String(b, strs[e])
	}
	b = append(b, `],"d":"`...)
	buf = appendLists(buf[:0], ents, d.off, d.rows)
	b = base64.StdEncoding.AppendEncode(b, buf)
	b = append(b, `","s":"`...)
	buf = appendLists(buf[:0], ents, s.off, s.rows)
	b = base64.StdEncoding.AppendEncode(b, buf)
	return append(b, '"'), buf
}

// postingLists are the rows of each entry (dict.lists).
type postingLists struct {
	off  []int32
	rows []uint32
}
