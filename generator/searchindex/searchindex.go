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
	for _, r := range s {
		h ^= uint32(ExactFold(r))
		h *= 16777619
	}
	return h
}

// Key packs a trigram of folded code points into one integer.
func Key(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// KeyString is the trigram as text (how shards name it).
func KeyString(k uint64) string {
	m := uint64(1)<<21 - 1
	return string([]rune{rune(k >> 42 & m), rune(k >> 21 & m), rune(k & m)})
}

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
	var a, b rune
	n := 0
	for _, r := range s {
		r = Fold(r)
		if n >= 2 {
			f(Key(a, b, r))
		}
		a, b = b, r
		n++
	}
}

// postings collects sorted posting lists per key, varint-delta encoded as
// they grow (ids arrive in increasing order): an open-addressing table of
// keys (bit 63 set, so 0 means empty) to lists.
type postings struct {
	keys  []uint64
	slot  []int32
	lists []plist
	shift uint
	bytes int
}

type plist struct {
	key         uint64
	first, last uint32
	b           []byte
}

func newPostings() *postings {
	p := &postings{}
	p.resize(1 << 12)
	return p
}

func (p *postings) resize(n int) {
	p.keys = make([]uint64, n)
	p.slot = make([]int32, n)
	p.shift = uint(64 - bitsLen(n-1))
	for i := range p.lists {
		p.place(p.lists[i].key|1<<63, int32(i))
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

func (p *postings) place(k uint64, v int32) {
	mask := len(p.keys) - 1
	for h := int((k * 0x9E3779B97F4A7C15) >> p.shift); ; h = (h + 1) & mask {
		if p.keys[h] == 0 {
			p.keys[h] = k
			p.slot[h] = v
			return
		}
	}
}

// list returns the list of key k, made when new.
func (p *postings) list(key uint64) *plist {
	k := key | 1<<63
	mask := len(p.keys) - 1
	h := int((k * 0x9E3779B97F4A7C15) >> p.shift)
	for {
		switch p.keys[h] {
		case k:
			return &p.lists[p.slot[h]]
		case 0:
			if (len(p.lists)+1)*2 > len(p.keys) {
				p.resize(len(p.keys) * 2)
				return p.list(key)
			}
			p.keys[h] = k
			p.slot[h] = int32(len(p.lists))
			p.lists = append(p.lists, plist{key: key})
			return &p.lists[len(p.lists)-1]
		}
		h = (h + 1) & mask
	}
}

func (p *postings) add(key uint64, id uint32) {
	l := p.list(key)
	if len(l.b) == 0 {
		l.first = id
		l.b = binaryAppendUvarint(l.b, uint64(id))
	} else {
		if id == l.last {
			return
		}
		l.b = binaryAppendUvarint(l.b, uint64(id-l.last))
	}
	p.bytes++
	l.last = id
}

// merge appends q's lists to p's; every id of q is above every id of p.
func (p *postings) merge(q *postings) {
	for i := range q.lists {
		src := &q.lists[i]
		l := p.list(src.key)
		if len(l.b) == 0 {
			*l = *src
			continue
		}
		// src.b starts with src.first, absolute: re-encode it as a delta.
		_, n := uvarint(src.b)
		l.b = binaryAppendUvarint(l.b, uint64(src.first-l.last))
		l.b = append(l.b, src.b[n:]...)
		l.last = src.last
	}
	p.bytes += q.bytes
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	var s uint
	for i, c := range b {
		v |= uint64(c&0x7f) << s
		if c < 0x80 {
			return v, i + 1
		}
		s += 7
	}
	return v, len(b)
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
	p := part{vals: newPostings(), srcs: newPostings()}
	var srcKeys []uint64
	lastSrc := int32(-2)
	lastBlk := ^uint32(0)
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
			Trigrams(d, func(k uint64) { p.vals.add(k, id) })
			// Source postings name blocks of SourceBlock rows: consecutive
			// rows often share a source, and then cost nothing more.
			src := s.Elements[i].Source
			blk := id &^ (SourceBlock - 1)
			if src != lastSrc {
				lastSrc = src
				srcKeys = srcKeys[:0]
				Trigrams(cut(s.SourceData(i), chunks.MaxSourceData), func(k uint64) { srcKeys = append(srcKeys, k) })
			} else if blk == lastBlk {
				p.rows++
				continue
			}
			lastBlk = blk
			for _, k := range srcKeys {
				p.srcs.add(k, blk)
			}
			p.rows++
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
	vals, srcs := res[0].vals, res[0].srcs
	exact := res[0].exact
	st.Rows = res[0].rows
	for _, r := range res[1:] {
		vals.merge(r.vals)
		srcs.merge(r.srcs)
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
	slices.SortFunc(exact, func(a, b xrow) int {
		if a.h%uint32(nx) != b.h%uint32(nx) {
			return int(a.h%uint32(nx)) - int(b.h%uint32(nx))
		}
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.id) - int(b.id)
	})
	var hb, ib []byte
	at := 0
	for shard := range nx {
		hb, ib = hb[:0], ib[:0]
		var lh, lid uint32
		n := 0
		for at < len(exact) && int(exact[at].h%uint32(nx)) == shard {
			x := exact[at]
			if n == 0 || x.h != lh {
				hb = binaryAppendUvarint(hb, uint64(x.h-lh))
				ib = binaryAppendUvarint(ib, uint64(x.id))
			} else {
				hb = binaryAppendUvarint(hb, 0)
				ib = binaryAppendUvarint(ib, uint64(x.id-lid))
			}
			lh, lid = x.h, x.id
			n++
			at++
		}
		b = head(b[:0], "ixx", sid, shard)
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(n))
		b = append(b, `,"h":"`...)
		b = base64.StdEncoding.AppendEncode(b, hb)
		b = append(b, `","p":"`...)
		b = base64.StdEncoding.AppendEncode(b, ib)
		b = append(b, `"}`...)
		b = append(b, suffix...)
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

func head(b []byte, kind, scan string, shard int) []byte {
	b = append(b, prefix...)
	b = append(b, `{"k":"`...)
	b = append(b, kind...)
	b = append(b, `","scan":`...)
	b = jsonw.String(b, scan)
	b = append(b, `,"shard":`...)
	return jsonw.Int(b, int64(shard))
}

// writeTrigrams writes one family of trigram shards: per shard, the keys
// (sorted by their text) in "t" and their posting lists, base64 of varint
// deltas, in "p".
func writeTrigrams(b []byte, scan, family string, p *postings, write func(string, []byte) error) (int, []byte, error) {
	n := shardCount(p.bytes)
	by := make([][]uint64, n)
	for i := range p.lists {
		k := p.lists[i].key
		s := int(KeyHash(k) % uint32(n))
		by[s] = append(by[s], uint64(i))
	}
	for shard, keys := range by {
		names := make([]string, len(keys))
		for i, li := range keys {
			names[i] = KeyString(p.lists[li].key)
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			switch {
			case names[a] < names[b]:
				return -1
			case names[a] > names[b]:
				return 1
			}
			return 0
		})
		b = head(b[:0], "ix"+family, scan, shard)
		b = append(b, `,"t":[`...)
		for i, o := range order {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonw.String(b, names[o])
		}
		b = append(b, `],"p":[`...)
		for i, o := range order {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = base64.StdEncoding.AppendEncode(b, p.lists[keys[o]].b)
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
