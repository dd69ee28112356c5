// Package searchindex writes a scan's search index beside its data chunks:
// exact values by hash, and trigrams of values and of source values, with
// posting lists that point at (type, row), sharded so that a query in the
// browser loads only the shards of the keys it needs. Shards are classic
// script files, like the chunks, so the index works from file://, over
// HTTP and from a bucket under the same Content-Security-Policy.
//
// The browser confirms every candidate with the real query, so the index
// only has to give a superset: folding is therefore deliberately coarse
// (ASCII letters lower-cased, everything else kept) and the query planner
// (static/src/search/plan.ts) treats characters whose case it cannot fold
// the same way as unknown. docs/site-format.md ("Search index") is the
// format's specification; Version is its number.
package searchindex

import (
	"cmp"
	"encoding/base64"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/jsonw"
)

// Version is the index format's version, written in ix.js; the browser
// uses an index only when it knows its version.
const Version = 1

// MetaFile is the index's entry point in the scan's data folder.
const MetaFile = "ix.js"

// RowBits is how many bits of a posting hold the row within its type: a
// posting is type*2^RowBits + row.
const RowBits = 24

// SourceBlock is the granularity of source postings: a posting p of the
// source trigrams means "some row in [p, p+SourceBlock) of its type".
const SourceBlock = 64

// Target sizes: a shard holds about this many bytes of postings.
const (
	shardBytes = 192 << 10
	maxShards  = 4096
)

const (
	prefix = chunks.ScriptPrefix
	suffix = chunks.ScriptSuffix
)

// Out receives a data file: its name in the scan's data folder and bytes.
type Out func(name string, data []byte) error

// ShardFile names shard n of a family: "v" value trigrams, "s" source
// trigrams, "x" exact-value hashes.
func ShardFile(family string, n int) string {
	return "ix-" + family + strconv.Itoa(n) + ".js"
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

// appendTrigrams appends the key of every trigram of s's folded code
// points to dst (repeats included). ASCII bytes take a fast path; the rest
// decode as range over a string does (invalid UTF-8 as U+FFFD).
func appendTrigrams(dst []uint64, s string) []uint64 {
	var a, b rune
	n := 0
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
	return dst
}

// postings collects the posting lists of one run of types: an
// open-addressing table from key to list, and the lists' varints in
// chained blocks of an arena of pages (no slice per list: nothing to grow
// and copy, nothing for the garbage collector to scan). Ids arrive in
// increasing order.
type postings struct {
	ents  []entry
	n     int // keys
	shift uint
	pages [][]byte
	// count is the postings added (the shard count follows it).
	count int
}

// entry is one key's list: its first and last id, and its blocks.
type entry struct {
	key         uint64 // key | 1<<63; 0: empty
	first, last uint32
	head, tail  uint32 // arena offsets of the first and the current block
	used        uint16 // bytes used in the tail block
	class       uint8  // the tail block's size class
}

// A block of class c is blockSize(c) bytes: a 4-byte offset of the next
// block, then data. A list's blocks grow a class at a time up to
// maxClass; every block but the tail is full.
const (
	pageBits = 20
	maxClass = 6
)

func blockSize(c uint8) int { return 16 << c }

func newPostings() *postings {
	p := &postings{}
	p.resize(1 << 12)
	return p
}

func (p *postings) resize(n int) {
	old := p.ents
	p.ents = make([]entry, n)
	p.shift = uint(64 - bitsLen(n-1))
	mask := n - 1
	for i := range old {
		if old[i].key == 0 {
			continue
		}
		h := int((old[i].key * 0x9E3779B97F4A7C15) >> p.shift)
		for p.ents[h].key != 0 {
			h = (h + 1) & mask
		}
		p.ents[h] = old[i]
	}
}

func bitsLen(x int) int {
	n := 0
	for x > 0 {
		n++
		x >>= 1
	}
	return n
}

// find returns key's entry, nil when it has none.
func (p *postings) find(key uint64) *entry {
	k := key | 1<<63
	mask := len(p.ents) - 1
	for h := int((k * 0x9E3779B97F4A7C15) >> p.shift); ; h = (h + 1) & mask {
		switch p.ents[h].key {
		case k:
			return &p.ents[h]
		case 0:
			return nil
		}
	}
}

// alloc returns the arena offset of a new block of class c.
func (p *postings) alloc(c uint8) uint32 {
	size := blockSize(c)
	last := len(p.pages) - 1
	if last < 0 || len(p.pages[last])+size > 1<<pageBits {
		p.pages = append(p.pages, make([]byte, 0, 1<<pageBits))
		last++
	}
	off := uint32(last)<<pageBits | uint32(len(p.pages[last]))
	p.pages[last] = p.pages[last][:len(p.pages[last])+size]
	return off
}

func (p *postings) block(off uint32, c uint8) []byte {
	o := int(off & (1<<pageBits - 1))
	return p.pages[off>>pageBits][o : o+blockSize(c)]
}

// put appends one byte to e's list, chaining a new block when the tail is
// full.
func (p *postings) put(e *entry, c byte) {
	if int(e.used)+4 == blockSize(e.class) {
		next := e.class
		if next < maxClass {
			next++
		}
		off := p.alloc(next)
		b := p.block(e.tail, e.class)
		b[0], b[1], b[2], b[3] = byte(off), byte(off>>8), byte(off>>16), byte(off>>24)
		e.tail, e.class, e.used = off, next, 0
	}
	p.block(e.tail, e.class)[4+int(e.used)] = c
	e.used++
}

func (p *postings) putUvarint(e *entry, v uint32) {
	for v >= 0x80 {
		p.put(e, byte(v)|0x80)
		v >>= 7
	}
	p.put(e, byte(v))
}

func (p *postings) add(key uint64, id uint32) {
	k := key | 1<<63
	mask := len(p.ents) - 1
	h := int((k * 0x9E3779B97F4A7C15) >> p.shift)
	for {
		e := &p.ents[h]
		switch e.key {
		case k:
			if id == e.last {
				return
			}
			p.putUvarint(e, id-e.last)
			e.last = id
			p.count++
			return
		case 0:
			if (p.n+1)*2 > len(p.ents) {
				p.resize(len(p.ents) * 2)
				p.add(key, id)
				return
			}
			off := p.alloc(0)
			*e = entry{key: k, first: id, last: id, head: off, tail: off}
			p.n++
			p.putUvarint(e, id)
			p.count++
			return
		}
		h = (h + 1) & mask
	}
}

// appendList appends e's varints to dst, leaving out the first skip bytes.
func (p *postings) appendList(dst []byte, e *entry, skip int) []byte {
	off, c := e.head, uint8(0)
	for {
		b := p.block(off, c)
		data := b[4:]
		if off == e.tail {
			data = data[:e.used]
		}
		n := min(skip, len(data))
		dst = append(dst, data[n:]...)
		skip -= n
		if off == e.tail {
			return dst
		}
		off = uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if c < maxClass {
			c++
		}
	}
}

// keys appends every key of p to dst.
func (p *postings) keys(dst []uint64) []uint64 {
	for i := range p.ents {
		if k := p.ents[i].key; k != 0 {
			dst = append(dst, k&^(1<<63))
		}
	}
	return dst
}

// merged appends the list of key over parts (in id order) to dst: the
// first id of each part after the first becomes a delta from the last id
// before it.
func merged(dst []byte, parts []*postings, key uint64) []byte {
	var last uint32
	some := false
	for _, p := range parts {
		e := p.find(key)
		if e == nil {
			continue
		}
		if !some {
			dst = p.appendList(dst, e, 0)
		} else {
			dst = binaryAppendUvarint(dst, uint64(e.first-last))
			dst = p.appendList(dst, e, uvarintLen(e.first))
		}
		some = true
		last = e.last
	}
	return dst
}

func uvarintLen(v uint32) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

func binaryAppendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func shardCount(bytes int) int {
	n := 1
	for n < maxShards && n*shardBytes < bytes {
		n *= 2
	}
	return n
}

// Stats says what Write wrote.
type Stats struct {
	Rows, Files int
	Bytes       int64
	Shards      [3]int // value, source, exact
}

type xrow struct{ h, id uint32 }

// part is the index of a run of types.
type part struct {
	vals, srcs *postings
	exact      []xrow
	rows       int
}

// partition cuts types into at most n runs [from, to) of about equal rows.
func partition(types []*model.TypeStat, n int) [][2]int {
	total := 0
	for _, t := range types {
		total += t.Total()
	}
	var out [][2]int
	from, acc := 0, 0
	for i, t := range types {
		acc += t.Total()
		if acc*n >= total*(len(out)+1) && len(out) < n-1 {
			out = append(out, [2]int{from, i + 1})
			from = i + 1
		}
	}
	return append(out, [2]int{from, len(types)})
}

// indexTypes indexes types[from:to].
func indexTypes(s *model.Scan, types []*model.TypeStat, from, to int) part {
	rows := 0
	for _, t := range types[from:to] {
		rows += min(len(t.Elements), 1<<RowBits)
	}
	p := part{vals: newPostings(), srcs: newPostings(), exact: make([]xrow, 0, rows)}
	var keys, srcKeys []uint64
	lastSrc := int32(-2)
	lastBlk := ^uint32(0)
	// The sources whose trigrams the current block already lists.
	var seen []int32

	for ti := from; ti < to; ti++ {
		t := types[ti]
		base := uint32(ti) << RowBits
		for row, i := range t.Elements {
			if row >= 1<<RowBits {
				break
			}
			id := base | uint32(row)
			d := cut(s.Elements[i].Data, chunks.MaxData)
			p.exact = append(p.exact, xrow{ExactHash(d), id})
			keys = appendTrigrams(keys[:0], d)
			for _, k := range keys {
				p.vals.add(k, id)
			}
			p.rows++
			// Source postings name blocks of SourceBlock rows: rows of a
			// block often share a source, and then cost nothing more.
			src := s.Elements[i].Source
			blk := id &^ (SourceBlock - 1)
			if blk != lastBlk {
				lastBlk = blk
				seen = seen[:0]
			} else if slices.Contains(seen, src) {
				continue
			}
			if len(seen) < 16 {
				seen = append(seen, src)
			}
			if src != lastSrc {
				lastSrc = src
				srcKeys = appendTrigrams(srcKeys[:0], cut(s.SourceData(i), chunks.MaxSourceData))
			}
			for _, k := range srcKeys {
				p.srcs.add(k, blk)
			}
		}
	}
	return p
}

// Write builds the index of every element of s (ROOT excluded) over the
// values as the chunks hold them (data cut at chunks.MaxData, source data
// at chunks.MaxSourceData) and writes its files through out.
func Write(s *model.Scan, out Out) (Stats, error) {
	var st Stats
	var types []*model.TypeStat
	for _, t := range s.Types {
		if t.Code == "ROOT" {
			continue
		}
		types = append(types, t)
	}
	// Types are cut into contiguous runs of about equal size, indexed on
	// their own goroutines and merged in order (ids only grow).
	parts := partition(types, runtime.GOMAXPROCS(0))
	res := make([]part, len(parts))
	var wg sync.WaitGroup
	for k, r := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[k] = indexTypes(s, types, r[0], r[1])
		}()
	}
	wg.Wait()
	vals := make([]*postings, len(res))
	srcs := make([]*postings, len(res))
	var exact []xrow
	for k, r := range res {
		vals[k], srcs[k] = r.vals, r.srcs
		exact = append(exact, r.exact...)
		st.Rows += r.rows
	}
	var b []byte
	write := func(name string, data []byte) error {
		st.Files++
		st.Bytes += int64(len(data))
		return out(name, data)
	}
	var err error
	sid := s.Meta.ID
	if st.Shards[0], b, err = writeTrigrams(b, sid, "v", vals, write); err != nil {
		return st, err
	}
	if st.Shards[1], b, err = writeTrigrams(b, sid, "s", srcs, write); err != nil {
		return st, err
	}
	// Exact: (hash, id) pairs sorted, one shard per hash % n.
	nx := shardCount(len(exact) * 4)
	st.Shards[2] = nx
	exact = sortExact(exact, uint32(nx-1))
	var hb, ib []byte
	at := 0
	for shard := range nx {
		end := at
		for end < len(exact) && int(exact[end].h%uint32(nx)) == shard {
			end++
		}
		hb, ib = appendExactPairs(hb[:0], ib[:0], exact[at:end])
		b = head(b[:0], "ixx", sid, shard)
		b = append(b, ',')
		b = appendExactFields(b, end-at, hb, ib)
		b = append(b, '}')
		b = append(b, suffix...)
		at = end
		if err := write(ShardFile("x", shard), b); err != nil {
			return st, err
		}
	}
	// The meta file last: a reader that finds it finds every shard.
	b = append(b[:0], prefix...)
	b = append(b, `{"k":"ix","scan":`...)
	b = jsonw.String(b, sid)
	b = append(b, `,"v":`...)
	b = jsonw.Int(b, Version)
	b = append(b, `,"rowBits":`...)
	b = jsonw.Int(b, RowBits)
	b = append(b, `,"sourceBlock":`...)
	b = jsonw.Int(b, SourceBlock)
	b = append(b, `,"shards":{"v":`...)
	b = jsonw.Int(b, int64(st.Shards[0]))
	b = append(b, `,"s":`...)
	b = jsonw.Int(b, int64(st.Shards[1]))
	b = append(b, `,"x":`...)
	b = jsonw.Int(b, int64(st.Shards[2]))
	b = append(b, `},"types":[`...)
	for ti, t := range types {
		if ti > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"slug":`...)
		b = jsonw.String(b, t.Slug)
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(min(t.Total(), 1<<RowBits)))
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	b = append(b, suffix...)
	if err := write(MetaFile, b); err != nil {
		return st, err
	}
	return st, nil
}

// sortExact orders rows by shard (h & mask), then hash, then id: three
// stable radix passes of 16 bits, least significant first, over rows that
// arrive in id order.
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

func head(b []byte, kind, scan string, shard int) []byte {
	b = append(b, prefix...)
	b = append(b, `{"k":"`...)
	b = append(b, kind...)
	b = append(b, `","scan":`...)
	b = jsonw.String(b, scan)
	b = append(b, `,"shard":`...)
	return jsonw.Int(b, int64(shard))
}

// writeTrigrams writes one family of trigram shards from the lists of the
// parts (in id order): per shard, the keys (sorted by their text, which
// for three code points in UTF-8 is the order of their keys) in "t" and
// their posting lists, base64 of varint deltas, in "p".
func writeTrigrams(b []byte, scan, family string, parts []*postings, write func(string, []byte) error) (int, []byte, error) {
	count := 0
	var keys []uint64
	for _, p := range parts {
		count += p.count
		keys = p.keys(keys)
	}
	n := shardCount(count)
	shardOf := func(k uint64) uint64 { return uint64(KeyHash(k) % uint32(n)) }
	slices.SortFunc(keys, func(x, y uint64) int {
		if sx, sy := shardOf(x), shardOf(y); sx != sy {
			return cmp.Compare(sx, sy)
		}
		return cmp.Compare(x, y)
	})
	keys = slices.Compact(keys)
	var list []byte
	var name []byte
	at := 0
	for shard := range n {
		from := at
		for at < len(keys) && shardOf(keys[at]) == uint64(shard) {
			at++
		}
		b = head(b[:0], "ix"+family, scan, shard)
		b = append(b, `,"t":[`...)
		for i, k := range keys[from:at] {
			if i > 0 {
				b = append(b, ',')
			}
			name = appendKey(name[:0], k)
			b = jsonw.String(b, string(name))
		}
		b = append(b, `],"p":[`...)
		for i, k := range keys[from:at] {
			if i > 0 {
				b = append(b, ',')
			}
			list = merged(list[:0], parts, k)
			b = append(b, '"')
			b = base64.StdEncoding.AppendEncode(b, list)
			b = append(b, '"')
		}
		b = append(b, "]}"...)
		b = append(b, suffix...)
		if err := write(ShardFile(family, shard), b); err != nil {
			return n, b, err
		}
	}
	return n, b, nil
}

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

// appendExactFields appends "n":…,"h":…,"p":… of an exact shard or a
// segment's exact part.
func appendExactFields(b []byte, n int, hb, ib []byte) []byte {
	b = append(b, `"n":`...)
	b = jsonw.Int(b, int64(n))
	b = append(b, `,"h":"`...)
	b = base64.StdEncoding.AppendEncode(b, hb)
	b = append(b, `","p":"`...)
	b = base64.StdEncoding.AppendEncode(b, ib)
	return append(b, '"')
}
