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
// as generation gen (ix.js, ix<gen>-d/t/x files) and the append-only
// segments (ix-g<n>.js) written since, one per update that adds rows or
// relinks rows the index already lists. A merge writes the next
// generation beside the current one and then the head; the generation
// before the current one is removed then (a reader that read the previous
// head moments ago still finds its files). Its fields but write are
// guarded by Live.mu.
type liveIndex struct {
	// write is held while a whole index is written (merge and export
	// jobs): one at a time, as they write the same files.
	write sync.Mutex

	off      bool           // no index (left out, or none on disk)
	meta     []byte         // ix.js as Write wrote it; nil: read it from disk first
	gen      int            // its generation
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
	elems  int // the scan's elements when it was written
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
	x.meta, x.gen, x.order = b, m.Gen, x.order[:0]
	for _, t := range m.Types {
		x.order = append(x.order, t.Slug)
	}
	return nil
}

// appendRows writes the rows of s no segment covers yet, and the rows of
// relinked (elements whose source changed) the index or a segment already
// lists, as a new segment, and the head listing it; it says whether the
// segments are due a merge.
func (x *liveIndex) appendRows(root string, s *model.Scan, relinked []int32, out func(string, []byte) error) (bool, error) {
	if x == nil || x.off {
		return false, nil
	}
	ranges := searchindex.Appended(s, x.cover)
	late := slices.ContainsFunc(relinked, func(i int32) bool {
		t := s.Type(i)
		return i > 0 && t != nil && int(s.Elements[i].Pos) < x.cover[t.Slug]
	})
	if len(ranges) == 0 && !late {
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
	rows, err := searchindex.WriteSegment(s, n, ranges, relinked, out)
	if err != nil {
		return false, err
	}
	x.next = n
	x.segs = append(x.segs, liveSeg{n, rows, ranges, s.Count()})
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

// install makes the index written whole from a copy of the scan holding
// elems elements, covering cover, the scan's index: the segments written
// before that copy was taken are dropped (their files returned, to
// remove), the head written again. An index older than the current one is
// not installed (installed false).
func (x *liveIndex) install(meta []byte, cover map[string]int, elems int, out func(string, []byte) error) (gone []string, installed bool, err error) {
	if rowsIn(cover) < x.mainRows {
		return nil, false, nil
	}
	if err := x.setMeta(meta); err != nil {
		return nil, false, err
	}
	x.off, x.main, x.mainRows = false, cover, rowsIn(cover)
	x.segs = slices.DeleteFunc(x.segs, func(g liveSeg) bool {
		if g.elems > elems {
			return false
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
	return gone, true, x.writeHead(out)
}

// writeIndex writes the whole search index of view (a copy of scan id) as
// the next generation and makes it the scan's index: the merge of its
// segments. The head is written last, under l.mu, with the segments
// written since view was taken; the generation before the one it replaces
// is removed then.
func (l *Live) writeIndex(ctx context.Context, id string, view *model.Scan) error {
	if err := ctx.Err(); err != nil || l.b.o.NoSearchIndex {
		return err
	}
	l.mu.Lock()
	ls := l.scans[id]
	l.mu.Unlock()
	var x *liveIndex
	if ls != nil {
		x = ls.ix
	}
	gen := 0
	if x != nil {
		x.write.Lock()
		defer x.write.Unlock()
		l.mu.Lock()
		gen = max(x.gen, l.ixGens[id]) + 1
		l.ixGens[id] = gen
		l.mu.Unlock()
	}
	dataDir := pages.ScanDir(id) + "data/"
	data := func(name string, b []byte) error { return l.dir.Write(dataDir+name, b) }
	var meta []byte
	var written []string
	if _, err := searchindex.WriteSized(view, gen, l.b.o.SearchBlockBytes, func(name string, b []byte) error {
		if name == searchindex.MetaFile && x != nil {
			meta = bytes.Clone(b)
			return nil
		}
		written = append(written, name)
		return data(name, b)
	}); err != nil {
		return errors.Join(err, l.removeData(dataDir, written))
	}
	if x == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.scans[id] != ls {
		// Read afresh meanwhile: its own index is on disk.
		return l.removeData(dataDir, written)
	}
	old := x.gen
	gone, installed, err := x.install(meta, searchindex.Covered(view), view.Count(), data)
	if err != nil || !installed {
		return errors.Join(err, l.removeData(dataDir, written))
	}
	// Generation old-1 was replaced a merge ago: no reader reads it.
	for _, f := range l.indexFiles(dataDir) {
		if g, _ := searchindex.FileGen(f); g >= 0 && g < old {
			gone = append(gone, f)
		}
	}
	return l.removeData(dataDir, gone)
}

// indexFiles lists the search index's files (searchindex.FileGen) in the
// data folder dataDir (relative to the site), the head excluded.
func (l *Live) indexFiles(dataDir string) []string {
	ents, err := os.ReadDir(filepath.Join(l.dir.Root(), filepath.FromSlash(dataDir)))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if _, ok := searchindex.FileGen(e.Name()); ok && !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// removeStaleIndex removes the search index files of scan id that are not
// of generation 0 (older generations, segments, format 1 shards): after
// the scan's files were all written afresh.
func (l *Live) removeStaleIndex(id string) error {
	dataDir := pages.ScanDir(id) + "data/"
	var stale []string
	for _, f := range l.indexFiles(dataDir) {
		if g, _ := searchindex.FileGen(f); g != 0 {
			stale = append(stale, f)
		}
	}
	return l.removeData(dataDir, stale)
}

// removeData removes the files names of the data folder dataDir.
func (l *Live) removeData(dataDir string, names []string) error {
	var errs []error
	for _, f := range names {
		if err := l.dir.RemoveAll(dataDir + f); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
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
