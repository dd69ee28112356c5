package searchindex

import (
	"cmp"
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
// A value is checked for invalid UTF-8 the first time it is met; one that
// has some is then looked up as itself too.
func (x *dict) entryOf(v string, max int) int32 {
	v = cut(v, max)
	if e, ok := x.index[v]; ok {
		return e
	}
	w := valid(v)
	e := x.entry(w)
	if w != v {
		x.index[v] = e
	}
	return e
}

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

// foldKey is one code point of the sort key: ASCII lower-cased, any other
// code point U+FFFD (ExactFold).
func foldKey(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		return rune(c), 1
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return utf8.RuneError, size
}

// keyPrefix is the first 8 bytes of a's sort key (a with each code point
// replaced by foldKey's, as UTF-8), big-endian, zero-padded.
func keyPrefix(a string) uint64 {
	var pfx uint64
	n := 0
	for i := 0; i < len(a) && n < 8; {
		r, size := foldKey(a, i)
		i += size
		if r < utf8.RuneSelf {
			pfx, n = pfx<<8|uint64(r), n+1
			continue
		}
		for _, c := range []byte("\uFFFD") {
			if n < 8 {
				pfx, n = pfx<<8|uint64(c), n+1
			}
		}
	}
	return pfx << (8 * (8 - n))
}

// compareKeys compares the sort keys of a and b (valid UTF-8) without
// making them: the bytes both share are skipped (back to a code point both
// start there), then code point by code point (UTF-8 keeps code point
// order), a shorter key first.
func compareKeys(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && (i < len(a) && !utf8.RuneStart(a[i]) || i < len(b) && !utf8.RuneStart(b[i])) {
		i--
	}
	j := i
	for i < len(a) && j < len(b) {
		ra, na := foldKey(a, i)
		rb, nb := foldKey(b, j)
		if ra != rb {
			return cmp.Compare(ra, rb)
		}
		i, j = i+na, j+nb
	}
	return cmp.Compare(len(a)-i, len(b)-j)
}

// compareEntries is the dictionary's order: by sort key, then by the raw
// bytes.
func compareEntries(a, b string) int {
	if c := compareKeys(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// plain says whether v is its own sort key (no ASCII upper case, no
// non-ASCII code point).
func plain(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// order returns the entries in dictionary order (compareEntries). Keys
// are compared by their first eight bytes first, held in the slice sorted
// (no string to load for most comparisons), and two strings that are
// their own keys as bytes.
func (x *dict) order() []int32 {
	type sk struct {
		pfx   uint64
		e     int32
		plain bool
	}
	keys := make([]sk, len(x.strs))
	for e, v := range x.strs {
		keys[e] = sk{keyPrefix(v), int32(e), plain(v)}
	}
	slices.SortFunc(keys, func(a, b sk) int {
		if a.pfx != b.pfx {
			return cmp.Compare(a.pfx, b.pfx)
		}
		if a.plain && b.plain {
			return strings.Compare(x.strs[a.e], x.strs[b.e])
		}
		return compareEntries(x.strs[a.e], x.strs[b.e])
	})
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = k.e
	}
	return out
}

// lists groups the rows by entry (which: x.d or x.s), in the order added.
func (x *dict) lists(which []int32) postingLists {
	off := make([]int32, len(x.strs)+1)
	for _, e := range which {
		if e >= 0 {
			off[e+1]++
		}
	}
	for e := 1; e < len(off); e++ {
		off[e] += off[e-1]
	}
	rows := make([]uint32, off[len(off)-1])
	at := slices.Clone(off[:len(off)-1])
	for r, e := range which {
		if e >= 0 {
			rows[at[e]] = x.rows[r]
			at[e]++
		}
	}
	return postingLists{off, rows}
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

// appendBlockBody appends the body of a dictionary block (format 4,
// docs/site-format.md "Search index"): three varints (the entries, the
// bytes of their text and of their data postings), each entry's length in
// bytes (varints), the entries' UTF-8 one after the other, then the data
// postings (appendLists). The source postings are a file of their own
// (SourceFile: appendLists over the same entries), which only a query
// with "+ source" reads: a page that runs the block as a script keeps its
// source for good, and those postings are a quarter of it. buf is scratch
// space, returned for reuse.
func appendBlockBody(b []byte, strs []string, ents []int32, d postingLists, buf []byte) ([]byte, []byte) {
	text := 0
	for _, e := range ents {
		text += len(strs[e])
	}
	buf = appendLists(buf[:0], ents, d.off, d.rows)
	b = binaryAppendUvarint(b, uint64(len(ents)))
	b = binaryAppendUvarint(b, uint64(text))
	b = binaryAppendUvarint(b, uint64(len(buf)))
	for _, e := range ents {
		b = binaryAppendUvarint(b, uint64(len(strs[e])))
	}
	for _, e := range ents {
		b = append(b, strs[e]...)
	}
	return append(b, buf...), buf
}

// postingLists are the rows of each entry (dict.lists): the rows of
// entry e are rows[off[e]:off[e+1]].
type postingLists struct {
	off  []int32
	rows []uint32
}
