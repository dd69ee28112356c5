package searchindex

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/jsonw"
)

// Stats says what Write wrote.
type Stats struct {
	Rows, Entries, Blocks int
	Files                 int
	Bytes                 int64
	Shards                [2]int // trigram, exact
}

// indexTypes are the types of s the index lists (ROOT excluded), in the
// manifest's order: a posting's type is its position here.
func indexTypes(s *model.Scan) []*model.TypeStat {
	types := make([]*model.TypeStat, 0, len(s.Types))
	for _, t := range s.Types {
		if t.Code != "ROOT" {
			types = append(types, t)
		}
	}
	return types
}

// Write builds the index of every element of s (ROOT excluded) over the
// values as the chunks hold them (data cut at chunks.MaxData, source data
// at chunks.MaxSourceData) and writes it through out as generation gen:
// the dictionary blocks, the trigram and exact shards, and the head
// (MetaFile) last, so that a reader that finds the head finds every file
// it names.
func Write(s *model.Scan, gen int, out Out) (Stats, error) {
	return writeIndex(s, gen, blocks, out)
}

// WriteSized is Write with dictionary blocks of about blockBytes (and at
// most blockBytes/16 entries) instead of 128 KiB: test sites use small
// blocks so that a small scan has several. blockBytes ≤ 0 is Write.
func WriteSized(s *model.Scan, gen, blockBytes int, out Out) (Stats, error) {
	if blockBytes <= 0 {
		return Write(s, gen, out)
	}
	return writeIndex(s, gen, blockLimits{bytes: blockBytes, entries: max(1, blockBytes/16)}, out)
}

// writeIndex is Write with the dictionary's block limits (tests use small ones).
func writeIndex(s *model.Scan, gen int, lim blockLimits, out Out) (Stats, error) {
	var st Stats
	write := func(name string, data []byte) error {
		st.Files++
		st.Bytes += int64(len(data))
		return out(name, data)
	}
	// The dictionary blocks and the shards are packed (internal/datafile):
	// a page may load hundreds of them, and Chromium keeps what it loaded.
	var pk datafile.Packer
	var pb []byte
	packed := func(name string, header, body []byte) error {
		var err error
		if pb, err = pk.PackBody(pb[:0], s.Meta.ID, header, body); err != nil {
			return fmt.Errorf("search index file %s: %w", name, err)
		}
		return write(name, pb)
	}
	types := indexTypes(s)
	x := collect(s, types)
	st.Rows, st.Entries = len(x.rows), len(x.strs)
	order := x.order()
	d, sl := x.lists(x.d), x.lists(x.s)
	x.d, x.s, x.rows = nil, nil, nil
	starts := cutBlocks(x.strs, order, lim)
	st.Blocks = len(starts) - 1
	sid := s.Meta.ID

	// Trigrams and exact hashes of the blocks are taken on other
	// goroutines while the blocks are written.
	wait := hashBlocks(x.strs, order, starts)
	var b, body, buf []byte
	var err error
	for blk := range st.Blocks {
		ents := order[starts[blk]:starts[blk+1]]
		b = append(head(b[:0], "ixd", sid, gen, "block", blk), '}')
		body, buf = appendBlockBody(body[:0], x.strs, ents, d, buf)
		if err = packed(BlockFile(gen, blk), b, body); err != nil {
			break
		}
		b = append(head(b[:0], "ixs", sid, gen, "block", blk), '}')
		body = appendLists(body[:0], ents, sl.off, sl.rows)
		if err = packed(SourceFile(gen, blk), b, body); err != nil {
			break
		}
	}
	d, sl = postingLists{}, postingLists{}
	parts, exact := wait()
	if err != nil {
		return st, err
	}
	if st.Shards[0], b, err = writeTrigrams(b, sid, gen, parts, packed); err != nil {
		return st, err
	}
	parts = nil
	if st.Shards[1], b, err = writeExact(b, sid, gen, exact, packed); err != nil {
		return st, err
	}
	return st, write(MetaFile, appendHead(b[:0], sid, gen, st, types))
}

// collect makes the dictionary of the rows of types (postings by
// position in types): each row's data and source data.
func collect(s *model.Scan, types []*model.TypeStat) *dict {
	rows := 0
	for _, t := range types {
		rows += min(len(t.Elements), 1<<RowBits)
	}
	x := newDict(rows)
	// A source's entry is looked up once per source element.
	srcEnt := make([]int32, len(s.Elements))
	for i := range srcEnt {
		srcEnt[i] = -1
	}
	for ti, t := range types {
		base := uint32(ti) << RowBits
		for row, i := range t.Elements {
			if row >= 1<<RowBits {
				break
			}
			src := s.Elements[i].Source
			if src == model.NoSource {
				src = 0 // SourceData: ROOT's data
			}
			se := srcEnt[src]
			if se < 0 {
				se = x.entryOf(s.Elements[src].Data, chunks.MaxSourceData)
				srcEnt[src] = se
			}
			x.add(base|uint32(row), x.entryOf(s.Elements[i].Data, chunks.MaxData), se)
		}
	}
	x.index = nil // done looking up; the strings stay in x.strs
	return x
}

// cutBlocks cuts the entries in order into blocks: consecutive entries, a
// block closed after the entry that brings its bytes to lim.bytes, or at
// lim.entries entries. It returns the position (in order) of each
// block's first entry, then len(order).
func cutBlocks(strs []string, order []int32, lim blockLimits) []int {
	var starts []int
	size, n := 0, 0
	for i, e := range order {
		if n == 0 {
			starts = append(starts, i)
		}
		size += len(strs[e])
		n++
		if size >= lim.bytes || n == lim.entries {
			size, n = 0, 0
		}
	}
	return append(starts, len(order))
}

// hashBlocks takes the trigrams (→ blocks) and the exact hashes (→
// blocks) of the blocks of entries starts cuts order into, runs of blocks
// on their own goroutines; wait returns the trigram postings of each run,
// in block order, and the (hash, block) pairs, in entry order.
func hashBlocks(strs []string, order []int32, starts []int) (wait func() ([]*postings, []xrow)) {
	blocks := len(starts) - 1
	procs := min(runtime.GOMAXPROCS(0), max(1, blocks/16))
	parts := make([]*postings, procs)
	exact := make([]xrow, len(order))
	var wg sync.WaitGroup
	for k := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newPostings()
			var keys []uint64
			for blk := blocks * k / procs; blk < blocks*(k+1)/procs; blk++ {
				for i := starts[blk]; i < starts[blk+1]; i++ {
					v := strs[order[i]]
					exact[i] = xrow{ExactHash(v), uint32(blk)}
					keys = appendTrigrams(keys[:0], v)
					for _, key := range keys {
						p.add(key, uint32(blk))
					}
				}
			}
			parts[k] = p
		}()
	}
	return func() ([]*postings, []xrow) {
		wg.Wait()
		return parts, exact
	}
}

// writeExact writes the exact shards of generation gen: the distinct
// (hash, block) pairs sorted, shard hash % n. It returns the shard count.
func writeExact(b []byte, scan string, gen int, exact []xrow, write packedOut) (int, []byte, error) {
	n := shardCount(len(exact) * 5)
	exact = sortExact(exact, uint32(n-1))
	exact = slices.Compact(exact)
	var hb, ib, body []byte
	at := 0
	for shard := range n {
		end := at
		for end < len(exact) && int(exact[end].h%uint32(n)) == shard {
			end++
		}
		hb, ib = appendExactPairs(hb[:0], ib[:0], exact[at:end])
		b = append(head(b[:0], "ixx", scan, gen, "shard", shard), `,"n":`...)
		b = append(jsonw.Int(b, int64(end-at)), '}')
		body = appendExactBody(body[:0], hb, ib)
		at = end
		if err := write(ExactFile(gen, shard), b, body); err != nil {
			return n, b, err
		}
	}
	return n, b, nil
}

// appendHead appends the head (MetaFile) of the index st describes.
func appendHead(b []byte, scan string, gen int, st Stats, types []*model.TypeStat) []byte {
	b = append(b, prefix...)
	b = append(b, `{"k":"ix","scan":`...)
	b = jsonw.String(b, scan)
	b = append(b, `,"v":`...)
	b = jsonw.Int(b, Version)
	b = append(b, `,"gen":`...)
	b = jsonw.Int(b, int64(gen))
	b = append(b, `,"rowBits":`...)
	b = jsonw.Int(b, RowBits)
	b = append(b, `,"blocks":`...)
	b = jsonw.Int(b, int64(st.Blocks))
	b = append(b, `,"entries":`...)
	b = jsonw.Int(b, int64(st.Entries))
	b = append(b, `,"shards":{"t":`...)
	b = jsonw.Int(b, int64(st.Shards[0]))
	b = append(b, `,"x":`...)
	b = jsonw.Int(b, int64(st.Shards[1]))
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
	return append(b, suffix...)
}
