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
	"github.com/scanreport/scanreport/generator/site"
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
// relinks rows the index already lists. A whole index (a merge, or a
// full rewrite of the scan) is written as a generation never used before,
// beside the current one, then the head; the files neither that head nor
// the one it replaced names are removed then (a page that read the
// previous head moments ago still finds its files: no file name is ever
// written again with other bytes). Its fields but write are guarded by
// Live.mu.
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
// before that copy was taken are dropped from the head, which is written
// again. An index older than the current one is not installed
// (installed false).
func (x *liveIndex) install(meta []byte, cover map[string]int, elems int, out func(string, []byte) error) (installed bool, err error) {
	if rowsIn(cover) < x.mainRows {
		return false, nil
	}
	if err := x.setMeta(meta); err != nil {
		return false, err
	}
	x.off, x.main, x.mainRows = false, cover, rowsIn(cover)
	x.segs = slices.DeleteFunc(x.segs, func(g liveSeg) bool { return g.elems <= elems })
	x.cover = maps.Clone(cover)
	for _, g := range x.segs {
		for _, r := range g.ranges {
			x.cover[r.Slug] = max(x.cover[r.Slug], r.To)
		}
	}
	return true, x.writeHead(out)
}

// ixUsed is the highest search index generation and segment number of a
// scan written (or begun) this session.
type ixUsed struct{ gen, seg int }

// indexHead is what a page that read a search index head goes on to
// read: the files of generation gen (-1: none) and the segments segs.
type indexHead struct {
	gen  int
	segs []int
}

// names says whether the head names the index file f (searchindex.FileGen).
func (h indexHead) names(f string) bool {
	if g, _ := searchindex.FileGen(f); g >= 0 {
		return g == h.gen
	}
	n, ok := searchindex.SegNum(f)
	return ok && slices.Contains(h.segs, n)
}

// head is the head x last wrote (or that the build wrote).
func (x *liveIndex) head() indexHead {
	if x.off {
		return indexHead{gen: -1}
	}
	h := indexHead{gen: x.gen}
	for _, g := range x.segs {
		h.segs = append(h.segs, g.n)
	}
	return h
}

// diskHead reads the head of the index in the data folder dataDir, as a
// page would now ({gen: -1} when there is none it reads).
func (l *Live) diskHead(dataDir string) indexHead {
	return readIndexHead(filepath.Join(l.dir.Root(), filepath.FromSlash(dataDir+searchindex.MetaFile)))
}

// readIndexHead reads the index head file ix ({gen: -1} when there is
// none a page reads).
func readIndexHead(ix string) indexHead {
	b, err := os.ReadFile(ix)
	if err != nil {
		return indexHead{gen: -1}
	}
	v, err := sitefmt.Decode(bytes.TrimSuffix(bytes.TrimPrefix(b, []byte(chunks.ScriptPrefix)), []byte(chunks.ScriptSuffix)))
	m, ok := v.(*sitefmt.IndexMeta)
	if err != nil || !ok || m.V != searchindex.Version {
		return indexHead{gen: -1}
	}
	return indexHead{gen: m.Gen, segs: m.Segs}
}

// takeGen gives the generation the next whole index of scan id takes (and
// the highest segment number used), with l.mu held, h the head on disk:
// one above every generation it had this session and every one on disk,
// so that no file a page may still read is written again with other
// bytes. Merges and full rewrites alike; generations only grow.
func (l *Live) takeGen(id, dataDir string, h indexHead) ixUsed {
	u, ok := l.ixUsed[id]
	if !ok {
		u.gen = -1
	}
	if ls := l.scans[id]; ls != nil && ls.ix != nil {
		u.gen, u.seg = max(u.gen, ls.ix.gen), max(u.seg, ls.ix.next)
	}
	u.gen = max(u.gen, h.gen)
	for _, n := range h.segs {
		u.seg = max(u.seg, n)
	}
	if d, ok := dirIndexUsed(filepath.Join(l.dir.Root(), filepath.FromSlash(dataDir))); ok {
		u.gen, u.seg = max(u.gen, d.gen), max(u.seg, d.seg)
	}
	u.gen++
	l.ixUsed[id] = u
	return u
}

// dirIndexUsed gives the highest index generation and segment number of
// the files in the data folder dir; ok is false when it holds none.
func dirIndexUsed(dir string) (u ixUsed, ok bool) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return u, false
	}
	u.gen = -1
	for _, e := range ents {
		if g, isIx := searchindex.FileGen(e.Name()); !isIx {
			continue
		} else if g >= 0 {
			u.gen, ok = max(u.gen, g), true
		} else if n, isSeg := searchindex.SegNum(e.Name()); isSeg {
			u.seg, ok = max(u.seg, n), true
		}
	}
	return u, ok
}

// startIndexGens gives the search index generation (and the highest
// segment number used) of each scan of a site written whole over the
// site folder out by the preview server (at its start, or a rebuild):
// one above the generations of the site it replaces, so that a page of
// that site, mid-query when the new one is swapped in, never finds a file
// it names with other bytes; reserved holds the generations a rebuild
// took (above those of merges still running).
func startIndexGens(out string, reserved map[string]ixUsed) map[string]ixUsed {
	gens := maps.Clone(reserved)
	if gens == nil {
		gens = map[string]ixUsed{}
	}
	scans, err := os.ReadDir(filepath.Join(out, "scans"))
	if err != nil {
		return gens
	}
	for _, d := range scans {
		if !d.IsDir() {
			continue
		}
		if u, ok := dirIndexUsed(filepath.Join(out, "scans", d.Name(), "data")); ok {
			r := gens[d.Name()]
			gens[d.Name()] = ixUsed{gen: max(r.gen, u.gen+1), seg: max(r.seg, u.seg)}
		}
	}
	return gens
}

// carryIndex links into out, the site the preview server writes whole
// over the previous one, the files the previous site's index head of scan
// id names: a page of that site mid-query when the new one is swapped in
// still finds them (the new index is a newer generation: startIndexGens).
// The next whole index removes them (pruneIndex).
func carryIndex(out *site.Build, id string) error {
	prev := out.Previous()
	if prev == "" {
		return nil
	}
	dataDir := pages.ScanDir(id) + "data/"
	dir := filepath.Join(prev, filepath.FromSlash(dataDir))
	h := readIndexHead(filepath.Join(dir, searchindex.MetaFile))
	if h.gen < 0 {
		return nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range ents {
		if h.names(e.Name()) && e.Type().IsRegular() {
			errs = append(errs, out.Link(dataDir+e.Name(), filepath.Join(dir, e.Name())))
		}
	}
	return errors.Join(errs...)
}

// reserveGens takes, with l.mu held, the search index generation of each
// scan a rebuild writes (startIndexGens).
func (l *Live) reserveGens() map[string]ixUsed {
	ids := slices.Collect(maps.Keys(l.ixUsed))
	for id := range l.scans {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := map[string]ixUsed{}
	for _, id := range slices.Compact(ids) {
		dataDir := pages.ScanDir(id) + "data/"
		out[id] = l.takeGen(id, dataDir, l.diskHead(dataDir))
	}
	return out
}

// noteSegs records the segment numbers x used, with l.mu held.
func (l *Live) noteSegs(id string, x *liveIndex) {
	if x == nil {
		return
	}
	u, ok := l.ixUsed[id]
	if !ok {
		u.gen = x.gen
	}
	u.seg = max(u.seg, x.next)
	l.ixUsed[id] = u
}

// pruneIndex removes the index files of the data folder dataDir that none
// of heads names: called with the head just written and the one it
// replaced, a page that read the older one moments ago still finds every
// file it names, and nothing older stays (other generations, segments,
// a format 1 index, the files of a job cut short).
func (l *Live) pruneIndex(dataDir string, heads ...indexHead) error {
	var stale []string
	for _, f := range l.indexFiles(dataDir) {
		if !slices.ContainsFunc(heads, func(h indexHead) bool { return h.names(f) }) {
			stale = append(stale, f)
		}
	}
	return l.removeData(dataDir, stale)
}

// indexRewrite is a full rewrite of a scan's files under way (the scan
// read afresh: its files changed other than by appending, it was added,
// or an update failed): its search index is written whole as generation
// gen, a generation of its own, and replaces the head on disk, prev.
type indexRewrite struct {
	l           *Live
	dataDir     string
	prev        indexHead
	gen, seg    int // the generation written, the highest segment number used
	searchIndex bool
}

// rewriteIndex begins a full rewrite of scan id's index, with l.mu held.
func (l *Live) rewriteIndex(id string) *indexRewrite {
	dataDir := pages.ScanDir(id) + "data/"
	prev := l.diskHead(dataDir)
	u := l.takeGen(id, dataDir, prev)
	return &indexRewrite{l: l, dataDir: dataDir, prev: prev, gen: u.gen, seg: u.seg, searchIndex: !l.b.o.NoSearchIndex}
}

// done is the live index of s, whose files (the index's head last) were
// all written; the index files neither its head nor the one it replaced
// names are removed.
func (rw *indexRewrite) done(s *model.Scan) (*liveIndex, error) {
	x := newLiveIndex(s, rw.searchIndex)
	x.gen, x.next = rw.gen, rw.seg
	if !rw.searchIndex {
		return x, nil
	}
	return x, rw.l.pruneIndex(rw.dataDir, rw.prev, indexHead{gen: rw.gen})
}

// writeIndex writes the whole search index of view (a copy of scan id) as
// the next generation and makes it the scan's index: the merge of its
// segments. The head is written last, under l.mu, with the segments
// written since view was taken; the index files neither it nor the head
// it replaces names are removed then.
func (l *Live) writeIndex(ctx context.Context, id string, view *model.Scan) error {
	if err := ctx.Err(); err != nil || l.b.o.NoSearchIndex {
		return err
	}
	l.mu.Lock()
	ls := l.scans[id]
	l.mu.Unlock()
	if ls == nil || ls.ix == nil {
		// Gone, or failed before it was read: written whole when read
		// afresh.
		return nil
	}
	x := ls.ix
	x.write.Lock()
	defer x.write.Unlock()
	dataDir := pages.ScanDir(id) + "data/"
	l.mu.Lock()
	gen := l.takeGen(id, dataDir, x.head()).gen
	l.mu.Unlock()
	data := func(name string, b []byte) error { return l.dir.Write(dataDir+name, b) }
	var meta []byte
	var written []string
	if _, err := searchindex.WriteSized(view, gen, l.b.o.SearchBlockBytes, func(name string, b []byte) error {
		if name == searchindex.MetaFile {
			meta = bytes.Clone(b)
			return nil
		}
		written = append(written, name)
		return data(name, b)
	}); err != nil {
		return errors.Join(err, l.removeData(dataDir, written))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.scans[id] != ls {
		// Read afresh meanwhile: its own index is on disk.
		return l.removeData(dataDir, written)
	}
	// The head pages read now: x's, unless a full rewrite of the scan
	// failed half-way after writing its index (kept both).
	prev, onDisk := x.head(), l.diskHead(dataDir)
	installed, err := x.install(meta, searchindex.Covered(view), view.Count(), data)
	if err != nil || !installed {
		return errors.Join(err, l.removeData(dataDir, written))
	}
	return l.pruneIndex(dataDir, prev, onDisk, x.head())
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
