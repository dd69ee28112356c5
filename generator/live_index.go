package generator

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/sitefmt"
)

// Merge thresholds: the segments of a running scan are merged into its
// index (written whole from a copy of the scan, in the background) when
// they hold more than a tenth of the scan's rows (at least mergeMinRows)
// or there are mergeSegs of them; and when the scan finishes or goes quiet,
// with its downloads.
const (
	mergeSegs    = 32
	mergeMinRows = 5000
)

// liveIndex is the search index of a served scan: the index written whole
// (ix.js, ix-v/s/x shards, ix-b blocks) and the append-only segments
// (ix-g<n>.js) written since, one per update that adds rows. Its fields
// but write are guarded by Live.mu.
type liveIndex struct {
	// write is held while a whole index is written (merge and export
	// jobs): one at a time, as they write the same files.
	write sync.Mutex

	off      bool           // no index (left out, or none on disk)
	meta     []byte         // ix.js as Write wrote it; nil: read it from disk first
	order    []string       // its types
	main     map[string]int // rows of each type it covers
	mainRows int
	segs     []liveSeg
	next     int            // the last segment number used
	cover    map[string]int // rows the index and segments cover
	merging  bool           // a merge job is running
}

type liveSeg struct {
	n      int
	rows   int
	ranges []searchindex.Range
}

// newLiveIndex is the index of s as just written whole (or none).
func newLiveIndex(s *model.Scan, on bool) *liveIndex {
	c := searchindex.Covered(s)
	return &liveIndex{off: !on, main: c, cover: maps.Clone(c), mainRows: rowsIn(c)}
}

func rowsIn(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// readMeta reads ix.js as the index written whole left it, for a head.
func (x *liveIndex) readMeta(root, id string) error {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(pages.ScanDir(id)+"data/"+searchindex.MetaFile)))
	if err != nil {
		return err
	}
	return x.setMeta(b)
}

func (x *liveIndex) setMeta(b []byte) error {
	p := bytes.TrimSuffix(bytes.TrimPrefix(b, []byte(chunks.ScriptPrefix)), []byte(chunks.ScriptSuffix))
	v, err := sitefmt.Decode(p)
	if err != nil {
		return err
	}
	m, ok := v.(*sitefmt.IndexMeta)
	if !ok || len(m.Segs) > 0 {
		return errors.New("search index head: not an index written whole")
	}
	x.meta, x.order = b, x.order[:0]
	for _, t := range m.Types {
		x.order = append(x.order, t.Slug)
	}
	return nil
}

// appendRows writes the rows of s no segment covers yet as a new segment,
// and the head listing it; it says whether the segments are due a merge.
func (x *liveIndex) appendRows(root string, s *model.Scan, out func(string, []byte) error) (bool, error) {
	if x == nil || x.off {
		return false, nil
	}
	ranges := searchindex.Appended(s, x.cover)
	if len(ranges) == 0 {
		return false, nil
	}
	if x.meta == nil {
		if err := x.readMeta(root, s.Meta.ID); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				x.off = true // no index to add to
				return false, nil
			}
			return false, err
		}
	}
	n := x.next + 1
	rows, err := searchindex.WriteSegment(s, n, ranges, out)
	if err != nil {
		return false, err
	}
	x.next = n
	x.segs = append(x.segs, liveSeg{n, rows, ranges})
	for _, r := range ranges {
		x.cover[r.Slug] = r.To
	}
	if err := x.writeHead(out); err != nil {
		return false, err
	}
	segRows := 0
	for _, g := range x.segs {
		segRows += g.rows
	}
	return !x.merging && (len(x.segs) >= mergeSegs || segRows > max(mergeMinRows, s.Count()/10)), nil
}

func (x *liveIndex) writeHead(out func(string, []byte) error) error {
	nums := make([]int, len(x.segs))
	for i, g := range x.segs {
		nums[i] = g.n
	}
	head, err := searchindex.Head(x.meta, nums, x.cover, x.order)
	if err != nil {
		return err
	}
	return out(searchindex.MetaFile, head)
}

// install makes the index written whole from a copy of the scan covering
// cover the scan's index: the segments it covers are dropped (their files
// returned, to remove), the head written again. An index older than the
// current one is ignored.
func (x *liveIndex) install(meta []byte, cover map[string]int, out func(string, []byte) error) ([]string, error) {
	if rowsIn(cover) < x.mainRows {
		return nil, nil
	}
	if err := x.setMeta(meta); err != nil {
		return nil, err
	}
	x.off, x.main, x.mainRows = false, cover, rowsIn(cover)
	var gone []string
	x.segs = slices.DeleteFunc(x.segs, func(g liveSeg) bool {
		for _, r := range g.ranges {
			if r.To > cover[r.Slug] {
				return false
			}
		}
		gone = append(gone, searchindex.SegFile(g.n))
		return true
	})
	x.cover = maps.Clone(cover)
	for _, g := range x.segs {
		for _, r := range g.ranges {
			x.cover[r.Slug] = max(x.cover[r.Slug], r.To)
		}
	}
	return gone, x.writeHead(out)
}

// writeIndex writes the whole search index of view (a copy of scan id) and
// makes it the scan's index: the merge of its segments. The head is
// written last, under l.mu, with the segments that cover rows past view.
func (l *Live) writeIndex(ctx context.Context, id string, view *model.Scan) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	ls := l.scans[id]
	l.mu.Unlock()
	var x *liveIndex
	if ls != nil {
		x = ls.ix
	}
	if x != nil {
		x.write.Lock()
		defer x.write.Unlock()
	}
	data := func(name string, b []byte) error { return l.dir.Write(pages.ScanDir(id)+"data/"+name, b) }
	var meta []byte
	if _, err := searchindex.Write(view, func(name string, b []byte) error {
		if name == searchindex.MetaFile && x != nil {
			meta = bytes.Clone(b)
			return nil
		}
		return data(name, b)
	}); err != nil {
		return err
	}
	if x == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.scans[id] != ls {
		return nil // read afresh meanwhile: its own index is on disk
	}
	gone, err := x.install(meta, searchindex.Covered(view), data)
	if err != nil {
		return err
	}
	for _, f := range gone {
		if err := l.dir.RemoveAll(pages.ScanDir(id) + "data/" + f); err != nil {
			return err
		}
	}
	return nil
}

// startMerge merges scan id's segments into its index in the background,
// with l.mu held; more data does not cancel it (the segments written
// meanwhile stay listed).
func (l *Live) startMerge(ctx context.Context, id string, ls *liveScan) {
	ls.ix.merging = true
	view := ls.s.View()
	l.jobs.Add(1)
	go func() {
		defer l.jobs.Done()
		err := l.writeIndex(ctx, id, view)
		l.mu.Lock()
		ls.ix.merging = false
		l.mu.Unlock()
		if err != nil && ctx.Err() == nil {
			l.b.o.Logger.Warn("search index segments not merged", "scan", id, "err", err)
		}
	}()
}
