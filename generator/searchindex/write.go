package searchindex

import (
	"runtime"
	"slices"
	"sync"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
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
	var st Stats
	types := indexTypes(s)
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
	srcEnt = nil
	x.index = nil // the strings stay in x.strs
	st.Rows, st.Entries = len(x.rows), len(x.strs)

	write := func(name string, data []byte) error {
		st.Files++
		st.Bytes += int64(len(data))
		return out(name, data)
	}
	sid := s.Meta.ID
	order := x.order()
	d := postingLists{}
	d.off, d.rows = x.lists(x.d)
	sl := postingLists{}
	sl.off, sl.rows = x.lists(x.s)
	x.d, x.s, x.rows = nil, nil, nil

	// Blocks: consecutive entries up to blockBytes or blockEntries.
	var starts []int // the first entry (in order) of each block, then len(order)
	size, n := 0, 0
	for i, e := range order {
		if n == 0 {
			starts = append(starts, i)
		}
		size += len(x.strs[e])
		n++
		if size >= blockBytes || n == blockEntries {
			size, n = 0, 0
		}
	}
	starts = append(starts, len(order))
	blocks := len(starts) - 1
	st.Blocks = blocks
	var b, buf []byte
	for blk := range blocks {
		b = head(b[:0], "ixd", sid, gen, "block", blk)
		b = append(b, ',')
		b, buf = appendEntries(b, x.strs, order[starts[blk]:starts[blk+1]], d, sl, buf)
		b = append(b, '}')
		b = append(b, suffix...)
		if err := write(BlockFile(gen, blk), b); err != nil {
			return st, err
		}
	}
	d, sl = postingLists{}, postingLists{}

	// Trigrams → blocks: runs of blocks on their own goroutines, merged in
	// block order.
	procs := min(runtime.GOMAXPROCS(0), max(1, blocks/16))
	parts := make([]*postings, procs)
	var wg sync.WaitGroup
	for k := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newPostings()
			var keys []uint64
			for blk := blocks * k / procs; blk < blocks*(k+1)/procs; blk++ {
				for _, e := range order[starts[blk]:starts[blk+1]] {
					keys = appendTrigrams(keys[:0], x.strs[e])
					for _, key := range keys {
						p.add(key, uint32(blk))
					}
				}
			}
			parts[k] = p
		}()
	}
	// Exact hashes → blocks meanwhile.
	exact := make([]xrow, 0, len(order))
	for blk := range blocks {
		for _, e := range order[starts[blk]:starts[blk+1]] {
			exact = append(exact, xrow{ExactHash(x.strs[e]), uint32(blk)})
		}
	}
	wg.Wait()
	var err error
	if st.Shards[0], b, err = writeTrigrams(b, sid, gen, parts, write); err != nil {
		return st, err
	}
	parts = nil

	// Exact: distinct (hash, block) pairs sorted, one shard per hash % n.
	nx := shardCount(len(exact) * 5)
	st.Shards[1] = nx
	exact = sortExact(exact, uint32(nx-1))
	exact = slices.Compact(exact)
	var hb, ib []byte
	at := 0
	for shard := range nx {
		end := at
		for end < len(exact) && int(exact[end].h%uint32(nx)) == shard {
			end++
		}
		hb, ib = appendExactPairs(hb[:0], ib[:0], exact[at:end])
		b = head(b[:0], "ixx", sid, gen, "shard", shard)
		b = append(b, ',')
		b = appendExactFields(b, end-at, hb, ib)
		b = append(b, '}')
		b = append(b, suffix...)
		at = end
		if err := write(ExactFile(gen, shard), b); err != nil {
			return st, err
		}
	}

	// The head last: a reader that finds it finds every file.
	b = append(b[:0], prefix...)
	b = append(b, `{"k":"ix","scan":`...)
	b = jsonw.String(b, sid)
	b = append(b, `,"v":`...)
	b = jsonw.Int(b, Version)
	b = append(b, `,"gen":`...)
	b = jsonw.Int(b, int64(gen))
	b = append(b, `,"rowBits":`...)
	b = jsonw.Int(b, RowBits)
	b = append(b, `,"blocks":`...)
	b = jsonw.Int(b, int64(blocks))
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
	b = append(b, suffix...)
	return st, write(MetaFile, b)
}
