package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/exports"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/scan"
)

// Live is a built site kept up to date while scans are written: the watch
// mode of `scanreport serve`. It keeps every scan's model in memory, reads
// only what was appended to a scan's files, and rewrites only the files that
// change: the chunks that take the new rows, the manifest, the pages whose
// counts moved. Downloads (JSON, CSV, GEXF) are rewritten later, once a scan
// has been quiet for a while or has finished (StartExports), because they
// are as large as the scan: in the background, from a copy of the scan
// (model.Scan.View), never holding the lock updates need, and cancelled
// when more data arrives. Live is safe for concurrent use.
type Live struct {
	mu    sync.Mutex
	b     *builder
	dir   *site.Dir
	scans map[string]*liveScan

	// Background exports: jobs counts those running; exported holds what
	// the finished ones changed until TakeExported, and exportedReady
	// says there is some.
	jobs      sync.WaitGroup
	exporting map[string]bool // scans whose export job has not ended (cancelled or not)
	graphing  map[string]bool // scans whose graph job has not ended
	// ixUsed is, for each scan, the highest search index generation and
	// segment number written (or begun) this session: a whole index (a
	// merge, a full rewrite) takes a generation above it, and segments
	// after a full rewrite a number above it, so that no file name a
	// reader may have read in a head is written again with other bytes.
	ixUsed        map[string]ixUsed
	exported      Change
	exportedReady chan struct{}
	// exportHook, when set (tests), runs in each export job before it
	// writes, with the job's context.
	exportHook func(ctx context.Context, scan string)
	// listFailed is why the scan list pages could not be written; they
	// are written again by the next Update or Retry.
	listFailed error
	// rebuild is a failed Rebuild, tried again by Retry.
	rebuild *pendingRebuild
}

type liveScan struct {
	s            *model.Scan
	layout       *chunks.ScanLayout
	exportsStale bool
	changed      time.Time
	graph        chunks.GraphLive // the graph and tree data files
	ix           *liveIndex       // the search index and its segments

	// The downloads: dataGen counts the changes of the scan's data,
	// exportsAt is the element count the downloads on disk show, and
	// cancelExport stops the export job running for the scan (nil when
	// none), whose view was taken at data generation exportGen.
	dataGen      int
	exportsAt    int
	exportGen    int
	cancelExport context.CancelFunc
	jobSeq       int // numbers the export jobs
	// What the CSV and log CSV downloads on disk hold, so that new rows
	// are appended: csvAt elements, written from the data of generation
	// csvGen (-1: not known, write whole); csvDirtyGen is the last
	// generation that changed rows already written. logAt log lines.
	csvAt, csvGen, csvDirtyGen, logAt int

	// failed is why the last update of the scan's site files failed (a
	// full disk, a read error). The model may then be ahead of the
	// files, so the scan is read and written afresh (reload) by the next
	// change or by Retry, at retryAt at the earliest; backoff doubles with
	// each failure.
	failed  error
	since   time.Time
	retryAt time.Time
	backoff time.Duration
}

// Retry backoff for a scan whose update failed.
const (
	retryFirst = time.Second
	retryMax   = time.Minute
)

// Lag is a scan (or, with Scan "", the scan list or the whole site) whose
// site files are behind its data, and why.
type Lag struct {
	Scan   string
	Reason string
	Since  time.Time
}

// ScanChange says which files of one scan directory changed (names as in
// the scan package: scan.toml, elements.jsonl …). Dir means the directory
// itself appeared, went away or was replaced.
type ScanChange struct {
	Scan  string
	Files []string
	Dir   bool
}

// Change says what an update did, for the preview server to tell open pages.
type Change struct {
	Paths []string // site files written or removed, sorted
	Scans []string // scans whose files changed (added, updated or removed)
	List  bool     // the scan list changed
	Full  bool     // the whole site was rebuilt
}

// Empty reports whether nothing changed.
func (c Change) Empty() bool { return len(c.Paths) == 0 && !c.Full }

// Start builds the whole site, as Build does, and keeps it for updates.
func Start(ctx context.Context, o Options) (*Live, Result, error) {
	return start(ctx, o, nil)
}

// start is Start; each scan's search index is written as a generation
// above those of the site it replaces and those reserved (a rebuild's).
func start(ctx context.Context, o Options, reserved map[string]ixUsed) (*Live, Result, error) {
	gens := startIndexGens(o.Output, reserved)
	l := &Live{scans: map[string]*liveScan{}, exporting: map[string]bool{}, graphing: map[string]bool{}, ixUsed: gens, exportedReady: make(chan struct{}, 1)}
	res, b, err := build(ctx, o, func(s *model.Scan, sl *chunks.ScanLayout) {
		ix := newLiveIndex(s, !o.NoSearchIndex)
		ix.gen, ix.next = gens[s.Meta.ID].gen, gens[s.Meta.ID].seg
		l.scans[s.Meta.ID] = &liveScan{s: s, layout: sl, exportsAt: s.Count(), csvAt: s.Count(), logAt: len(s.Log), ix: ix}
	}, func(id string) int { return gens[id].gen })
	if err != nil {
		return nil, Result{}, err
	}
	l.b, l.dir = b, site.OpenDir(o.Output)
	b.out = l.dir
	return l, res, nil
}

// Close stops the export jobs and releases the scans root.
func (l *Live) Close() error {
	l.mu.Lock()
	for _, ls := range l.scans {
		ls.stopExport()
	}
	l.mu.Unlock()
	l.jobs.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.root.Close()
}

// Rebuild builds the whole site again, with new options (after config.toml
// changed, or when events were lost).
//
// A rebuild that fails (a full disk) leaves the previous site in place and
// is marked (Behind); Retry tries it again with the same options, backing
// off as for a scan.
func (l *Live) Rebuild(ctx context.Context, o Options) (Change, error) {
	l.mu.Lock()
	reserved := l.reserveGens()
	l.mu.Unlock()
	n, res, err := start(ctx, o, reserved)
	if err != nil {
		l.mu.Lock()
		defer l.mu.Unlock()
		r := l.rebuild
		if r == nil {
			r = &pendingRebuild{since: time.Now()}
			l.rebuild = r
		}
		r.o, r.err = o, fmt.Errorf("the site could not be rebuilt (the previous one stays): %w", err)
		r.backoff = min(max(2*r.backoff, retryFirst), retryMax)
		r.retryAt = time.Now().Add(r.backoff)
		return Change{}, r.err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.root.Close()
	for _, ls := range l.scans {
		ls.stopExport() // its files are gone with the old site
	}
	l.b, l.dir, l.scans = n.b, n.dir, n.scans
	for id, u := range l.ixUsed {
		// Merges of the old site that ran meanwhile.
		nu := n.ixUsed[id]
		n.ixUsed[id] = ixUsed{gen: max(nu.gen, u.gen), seg: max(nu.seg, u.seg)}
	}
	l.ixUsed = n.ixUsed
	for id := range l.exporting {
		// A cancelled job may still replace a download: write it again.
		if ls := l.scans[id]; ls != nil {
			ls.exportsStale, ls.exportsAt, ls.changed = true, 0, time.Now()
			ls.csvAt, ls.logAt = -1, -1
		}
	}
	l.rebuild, l.listFailed = nil, nil
	l.b.o.Logger.Info("site rebuilt", "scans", res.Scans, "elements", res.Elements, "took", res.Duration)
	return Change{Full: true, List: true}, nil
}

// pendingRebuild is a Rebuild that failed, for Retry.
type pendingRebuild struct {
	o       Options
	err     error
	since   time.Time
	retryAt time.Time
	backoff time.Duration
}

// Update brings the site up to date with changed scan files. A scan whose
// update fails does not stop the others: it is marked (Behind) and read
// afresh by its next change or by Retry. The error joins every failure.
func (l *Live) Update(ctx context.Context, changes []ScanChange) (Change, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.update(ctx, changes)
}

// update is Update with l.mu held.
func (l *Live) update(ctx context.Context, changes []ScanChange) (Change, error) {
	var ch Change
	var errs []error
	touched := map[string]bool{} // investigations whose pages change
	for _, c := range changes {
		if scan.ValidID(c.Scan) != nil {
			continue // not a scan directory; List reports it on a rebuild
		}
		if ls := l.scans[c.Scan]; ls != nil && ls.failed != nil {
			c.Dir = true // the model may be ahead of the files: start afresh
		}
		before := l.investigationsOf(c.Scan)
		listChanged, err := l.updateScan(ctx, c)
		if err == nil {
			var moved bool
			moved, err = l.scanChanged(c.Scan, before, touched)
			listChanged = listChanged || moved
		}
		if err != nil {
			err = fmt.Errorf("update scan %s: %w", c.Scan, err)
			l.fail(c.Scan, err)
			errs = append(errs, err)
			listChanged = true
		} else if ls := l.scans[c.Scan]; ls != nil {
			ls.failed, ls.backoff = nil, 0
		}
		ch.Scans = append(ch.Scans, c.Scan)
		ch.List = ch.List || listChanged
	}
	if err := l.writeTouched(touched); err != nil {
		errs = append(errs, err)
	}
	if ch.List || l.listFailed != nil {
		l.listFailed = nil
		if err := l.b.writeList(l.summaries()); err != nil {
			l.listFailed = fmt.Errorf("scan list: %w", err)
			errs = append(errs, l.listFailed)
		}
		ch.List = true
	}
	ch.Paths = l.dir.TakeChanged()
	return ch, errors.Join(errs...)
}

// fail marks a scan whose update failed, for Retry.
func (l *Live) fail(id string, err error) {
	ls := l.scans[id]
	if ls == nil {
		return
	}
	if ls.failed == nil {
		ls.since = time.Now()
	}
	ls.backoff = min(max(2*ls.backoff, retryFirst), retryMax)
	ls.failed, ls.retryAt = err, time.Now().Add(ls.backoff)
	l.b.o.Logger.Warn("site behind a scan; retrying", "scan", id, "in", ls.backoff, "err", err)
}

// Retry reads afresh and writes again the scans whose last update failed
// and whose backoff has passed, and the scan list if it could not be
// written. The preview server calls it every few seconds.
func (l *Live) Retry(ctx context.Context) (Change, error) {
	l.mu.Lock()
	if r := l.rebuild; r != nil {
		due := !time.Now().Before(r.retryAt)
		o := r.o
		l.mu.Unlock()
		if !due {
			return Change{}, nil
		}
		return l.Rebuild(ctx, o)
	}
	defer l.mu.Unlock()
	var due []ScanChange
	now := time.Now()
	for id, ls := range l.scans {
		if ls.failed != nil && !now.Before(ls.retryAt) {
			due = append(due, ScanChange{Scan: id, Dir: true})
		}
	}
	if len(due) == 0 && l.listFailed == nil {
		return Change{}, nil
	}
	sort.Slice(due, func(i, j int) bool { return due[i].Scan < due[j].Scan })
	return l.update(ctx, due)
}

// Behind lists what the site is behind on: the scans whose last update
// failed, and the scan list (Scan "") if it could not be written.
func (l *Live) Behind() []Lag {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Lag
	for id, ls := range l.scans {
		if ls.failed != nil {
			out = append(out, Lag{Scan: id, Reason: ls.failed.Error(), Since: ls.since})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Scan < out[j].Scan })
	if l.listFailed != nil {
		out = append(out, Lag{Reason: l.listFailed.Error()})
	}
	if l.rebuild != nil {
		out = append(out, Lag{Reason: l.rebuild.err.Error(), Since: l.rebuild.since})
	}
	return out
}

func (l *Live) summaries() []pages.ScanSummary {
	out := make([]pages.ScanSummary, 0, len(l.scans))
	ids := make([]string, 0, len(l.scans))
	for id := range l.scans {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		out = append(out, pages.Summarize(l.scans[id].s))
	}
	return out
}

// updateScan applies one scan's changes; it reports whether the scan list
// must be rewritten.
func (l *Live) updateScan(ctx context.Context, c ScanChange) (bool, error) {
	ls := l.scans[c.Scan]
	d, err := l.b.root.Open(c.Scan)
	if err != nil {
		// The directory is gone (or was never a readable scan).
		if ls != nil {
			ls.stopExport()
			delete(l.scans, c.Scan)
			return true, l.dir.RemoveAll("scans/" + c.Scan)
		}
		return false, nil
	}
	defer d.Close()
	files := map[string]bool{}
	for _, f := range c.Files {
		files[f] = true
	}
	if ls == nil || c.Dir {
		return true, l.reload(ctx, c.Scan)
	}
	s := ls.s
	before := make(map[*model.TypeStat]typeCounts, len(s.Types))
	for _, t := range s.Types {
		before[t] = countsOf(t)
	}
	logLines, elements, status := len(s.Log), s.Count(), s.Meta.Status
	metaChanged, reread, err := l.readChanged(s, d, files)
	if err != nil {
		return false, err
	}
	if reread {
		return true, l.reload(ctx, c.Scan)
	}

	// A scan that just finished gets its correlations; elements of HIGH
	// ones become risky, so every chunk is rewritten (once).
	rewriteAll := false
	if metaChanged && !s.CorrelationsRun {
		l.b.correlate(s)
		rewriteAll = s.CorrelationsRun
	}

	// Data files: the chunks that take new rows or whose rows changed, the
	// log chunks, the false positives, the manifest last.
	dataOut := func(name string, data []byte) error { return l.dir.Write(pages.ScanDir(c.Scan)+"data/"+name, data) }
	dirty, changedTypes, relinked := ls.dirtyChunks(before, rewriteAll)
	fpChanged := files[scan.ReviewFile]
	for _, t := range s.Types {
		fpChanged = fpChanged || t.FP != before[t].fp
	}
	if err := ls.writeChunks(dirty, logLines, fpChanged, dataOut); err != nil {
		return false, err
	}
	ls.dataChanged(len(relinked) > 0 || fpChanged)
	// The appended rows go into a new search index segment, with the rows
	// whose source arrived since (their source data changed).
	merge, err := ls.ix.appendRows(l.dir.Root(), s, relinked, dataOut)
	l.noteSegs(c.Scan, ls.ix)
	if err != nil {
		return false, err
	} else if merge {
		l.startMerge(ctx, c.Scan, ls)
	}
	if err := dataOut(chunks.ManifestFile, chunks.Manifest(s, ls.layout)); err != nil {
		return false, err
	}

	// Pages: the scan's own pages, and the element tables whose header
	// counts moved (all of them when the scan's header changed).
	if err := l.b.render.ScanCore(s, l.dir.Write); err != nil {
		return false, err
	}
	if metaChanged {
		changedTypes = nil // every type
	} else if len(changedTypes) == 0 {
		changedTypes = []*model.TypeStat{}
	}
	if err := l.b.render.TypePages(s, changedTypes, l.dir.Write); err != nil {
		return false, err
	}
	if err := ls.graph.Update(s, l.b.graphOptions(), chunks.Out(dataOut)); err != nil {
		return false, err
	}
	return metaChanged || s.Count() != elements || s.Meta.Status != status, nil
}

// typeCounts is what a type's pages and chunks show of it, to tell which
// changed in an update.
type typeCounts struct{ total, unique, risky, fp int }

func countsOf(t *model.TypeStat) typeCounts { return typeCounts{t.Total(), t.Unique, t.Risky, t.FP} }

// readChanged reads what changed in the scan's files into s: scan.toml
// (metaChanged), the notes, and what was appended to the elements, the log
// and review.jsonl. reread says the scan must be read afresh instead (new
// settings may hold new secrets; a file shrank).
func (l *Live) readChanged(s *model.Scan, d *scan.Dir, files map[string]bool) (metaChanged, reread bool, err error) {
	if files[scan.MetaFile] {
		m, err := d.Meta(s.Problems.Add)
		if err != nil {
			s.Problems.Add(scan.Problem{Scan: d.ID, File: d.Rel(scan.MetaFile), Severity: scan.Error, Kind: scan.KindMeta,
				Text: "not read again (the previous metadata stays): " + err.Error()})
		} else {
			s.Meta, metaChanged = model.MaskMeta(s.Mask, m), true
		}
	}
	if files[scan.SettingsFile] {
		// New settings may hold new secrets, which data already written
		// must not show: the scan is read and masked afresh.
		return metaChanged, true, nil
	}
	if files[scan.NotesFile] {
		if err := s.ReadNotes(d); err != nil {
			return metaChanged, false, err
		}
	}
	// A scan that just ended reads its unterminated last lines (scan.Dir.Final).
	if files[scan.ElementsFile] || files[scan.LogFile] || files[scan.ReviewFile] || metaChanged && s.Meta.Done() {
		if err := s.Update(d); err != nil {
			if errors.Is(err, model.ErrTruncated) {
				l.b.o.Logger.Info("a scan file shrank; reading the scan again", "scan", d.ID, "err", err)
				return metaChanged, true, nil
			}
			return metaChanged, false, err
		}
	}
	return metaChanged, false, nil
}

// dirtyChunks finds the element chunks an update changed: those that take
// new rows, those holding elements linked to a source that came later
// (relinked lists those elements), and every chunk when rewriteAll.
// changedTypes are the types whose counts moved since before.
func (ls *liveScan) dirtyChunks(before map[*model.TypeStat]typeCounts, rewriteAll bool) (dirty map[*model.TypeStat]map[int]bool, changedTypes []*model.TypeStat, relinked []int32) {
	s := ls.s
	dirty = map[*model.TypeStat]map[int]bool{}
	mark := func(t *model.TypeStat, ci int) {
		if dirty[t] == nil {
			dirty[t] = map[int]bool{}
		}
		dirty[t][ci] = true
	}
	for _, t := range s.Types {
		b, existed := before[t]
		if !existed || b != countsOf(t) {
			changedTypes = append(changedTypes, t)
		}
		if t.Total() > b.total {
			for _, ci := range ls.layout.Type(t.Slug).Grow(t.Total()) {
				mark(t, ci)
			}
		}
	}
	if rewriteAll {
		for _, t := range s.Types {
			lay := ls.layout.Type(t.Slug)
			for ci := range lay.Chunks {
				if !dirty[t][ci] {
					lay.Touch(ci)
					mark(t, ci)
				}
			}
		}
	}
	moved := s.TakeRelinked()
	for _, i := range moved {
		t := s.Type(i)
		lay := ls.layout.Type(t.Slug)
		if ci := lay.Containing(int(s.Elements[i].Pos)); ci >= 0 && !dirty[t][ci] {
			lay.Touch(ci)
			mark(t, ci)
		}
	}
	return dirty, changedTypes, moved
}

// writeChunks writes the dirty element chunks, the log chunks past
// logLines, and fp.js when the false positives changed.
func (ls *liveScan) writeChunks(dirty map[*model.TypeStat]map[int]bool, logLines int, fpChanged bool, out chunks.Out) error {
	s := ls.s
	var buf []byte
	var err error
	for t, set := range dirty {
		if t.Code == scan.RootID {
			continue
		}
		which := make([]int, 0, len(set))
		for ci := range set {
			which = append(which, ci)
		}
		sort.Ints(which)
		if buf, err = chunks.TypeChunks(s, t, ls.layout.Type(t.Slug), which, buf, out); err != nil {
			return err
		}
	}
	if len(s.Log) > logLines {
		if _, err = chunks.LogChunks(s, ls.layout.Log, ls.layout.Log.Grow(len(s.Log)), buf, out); err != nil {
			return err
		}
	}
	if fpChanged {
		if err := out(chunks.FPFile, chunks.FP(s)); err != nil {
			return err
		}
	}
	return nil
}

// dataChanged notes that the scan's data changed: the downloads fall
// behind, a job writing them stops (its view is out of date), and the
// manifest (its generation raised) says they are behind. rowsChanged says
// rows of the CSV download already written changed (their source or
// false-positive column): it is written whole next time.
func (ls *liveScan) dataChanged(rowsChanged bool) {
	ls.dataGen++
	if rowsChanged {
		ls.csvDirtyGen = ls.dataGen
	}
	ls.exportsStale, ls.changed = true, time.Now()
	ls.stopExport()
	ls.noteDownloads()
	ls.layout.Gen++
}

// reload reads one scan afresh and writes all its files. If the files
// cannot all be written, the scan keeps the model it had (or, new, gets
// the one just read) and the caller marks it failed; the manifest is
// written last, so pages keep reading the previous one until then.
func (l *Live) reload(ctx context.Context, id string) error {
	if old := l.scans[id]; old != nil {
		old.stopExport() // writeScan writes the downloads afresh
	}
	l.forgetLeftOut(id)
	s, err := l.b.load(id)
	if err != nil {
		// As build does: the scan is left out, and the scan list says why.
		l.b.o.Logger.Warn("scan left out", "scan", id, "err", err)
		l.b.skip(id, err)
		if old, ok := l.scans[id]; ok {
			old.stopExport()
			delete(l.scans, id)
			return l.dir.RemoveAll("scans/" + id)
		}
		return nil
	}
	// The search index is written whole as a generation of its own, so a
	// page reading the index the head on disk names keeps reading it.
	rw := l.rewriteIndex(id)
	sl, err := l.b.writeScan(ctx, s, rw.gen)
	if err != nil {
		if l.scans[id] == nil {
			l.scans[id] = &liveScan{s: s, layout: chunks.NewScanLayout(s)}
		}
		return err
	}
	ix, err := rw.done(s)
	if err != nil {
		l.b.o.Logger.Warn("stale search index files not removed", "scan", id, "err", err)
	}
	ls := &liveScan{s: s, layout: sl, exportsAt: s.Count(), csvAt: s.Count(), logAt: len(s.Log), ix: ix}
	if l.exporting[id] {
		// A cancelled job may still replace a download with its older
		// copy: write them once more, whole, after it.
		ls.exportsStale, ls.exportsAt, ls.changed = true, 0, time.Now()
		ls.csvAt, ls.logAt = -1, -1
	}
	l.scans[id] = ls
	return nil
}

// forgetLeftOut drops the scans-root problem saying that scan id was left
// out (it is read again now).
func (l *Live) forgetLeftOut(id string) {
	l.b.rootProblems = slices.DeleteFunc(l.b.rootProblems, func(p scan.Problem) bool {
		if p.Scan == id && p.File == id && p.Kind == scan.KindMeta && strings.HasPrefix(p.Text, leftOut) {
			l.b.rootTotal--
			return true
		}
		return false
	})
}

// StartExports starts rewriting, in the background, the downloads of the
// scans that changed and have since been quiet for at least quiet, or have
// reached a final status. Each job writes from a copy of its scan taken
// now (model.Scan.View), so updates go on meanwhile; one that changes the
// scan cancels the job, and the next StartExports after a quiet spell
// starts another. Every download is replaced atomically. What the jobs
// changed is collected for TakeExported, and ExportsDone is signalled.
//
// The graph files of a large scan (chunks.GraphLive.Flush) are laid out again
// the same way, in the background, when due.
func (l *Live) StartExports(ctx context.Context, quiet time.Duration) (Change, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ch Change
	var errs []error
	ids := make([]string, 0, len(l.scans))
	for id := range l.scans {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ls := l.scans[id]
		if ls.failed != nil {
			continue // Retry writes the whole scan
		}
		// One copy of the scan serves both jobs of a tick.
		var view *model.Scan
		viewOf := func() *model.Scan {
			if view == nil {
				view = ls.s.View()
			}
			return view
		}
		if !l.graphing[id] && ls.graph.Due(ls.s) {
			l.startGraph(ctx, id, ls, viewOf())
		}
		// One job per scan at a time: a cancelled one may still be
		// finishing a file.
		if !ls.exportsStale || l.exporting[id] || (!ls.s.Meta.Done() && time.Since(ls.changed) < quiet) {
			continue
		}
		l.startExport(ctx, id, ls, viewOf())
		ch.Scans = append(ch.Scans, id)
	}
	ch.Paths = l.dir.TakeChanged()
	return ch, errors.Join(errs...)
}

// startExport starts the job that writes the downloads of scan id, with
// l.mu held.
func (l *Live) startExport(ctx context.Context, id string, ls *liveScan, view *model.Scan) {
	jctx, cancel := context.WithCancel(ctx)
	ls.jobSeq++
	ls.cancelExport, ls.exportGen = cancel, ls.dataGen
	job := ls.jobSeq
	b, dir := l.b, l.dir
	// What can be appended to rather than written whole.
	plan := appendPlan{csv: -1, log: -1}
	if ls.csvAt >= 0 && ls.csvDirtyGen <= ls.csvGen && ls.csvAt <= view.Count() {
		plan.csv = ls.csvAt
	}
	if ls.logAt >= 0 && ls.logAt <= len(view.Log) {
		plan.log = ls.logAt
	}
	gen := ls.dataGen
	// Each download written is recorded at once (a job cancelled after
	// it still leaves it on disk), so the next job appends to what is
	// there.
	plan.written = func(format string) {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.scans[id] != ls {
			return
		}
		switch format {
		case pages.FormatCSV:
			ls.csvAt, ls.csvGen = view.Count(), gen
		case pages.FormatLogCSV:
			ls.logAt = len(view.Log)
		}
	}
	// The manifest says the downloads are being written.
	ls.noteDownloads()
	ls.layout.Gen++
	if err := dir.Write(pages.ScanDir(id)+"data/"+chunks.ManifestFile, chunks.Manifest(ls.s, ls.layout)); err != nil {
		b.o.Logger.Warn("manifest not updated", "scan", id, "err", err)
	}
	hook := l.exportHook
	l.exporting[id] = true
	l.jobs.Add(1)
	go func() {
		defer l.jobs.Done()
		defer cancel()
		if hook != nil {
			hook(jctx, id)
		}
		t0 := time.Now()
		err := l.writeDownloads(jctx, b, dir, view, plan)
		l.mu.Lock()
		defer l.mu.Unlock()
		delete(l.exporting, id)
		// The job is current unless newer data stopped it (stopExport),
		// the scan was read afresh or went away, or the site was rebuilt.
		current := l.scans[id] == ls && ls.jobSeq == job && ls.cancelExport != nil
		if !current || ls.exportGen != ls.dataGen || jctx.Err() != nil {
			if current {
				ls.cancelExport = nil
			}
			b.o.Logger.Debug("downloads cancelled", "scan", id, "after", time.Since(t0))
			return
		}
		ls.cancelExport = nil
		if err != nil {
			// Tried again after the next quiet spell (a full disk).
			ls.changed = time.Now()
			b.o.Logger.Error("downloads not updated", "scan", id, "err", err)
		} else {
			ls.exportsStale, ls.exportsAt = false, view.Count()
			b.o.Logger.Debug("downloads written", "scan", id, "elements", view.Count(), "took", time.Since(t0))
		}
		ls.noteDownloads()
		ls.layout.Gen++
		if err := dir.Write(pages.ScanDir(id)+"data/"+chunks.ManifestFile, chunks.Manifest(ls.s, ls.layout)); err != nil {
			b.o.Logger.Warn("manifest not updated", "scan", id, "err", err)
		}
		l.exported.Scans = append(l.exported.Scans, id)
		l.exported.Paths = append(l.exported.Paths, l.dir.TakeChanged()...)
		select {
		case l.exportedReady <- struct{}{}:
		default:
		}
	}()
}

// startGraph lays out and writes the graph files of a large scan in the
// background (chunks.GraphLive.Flush, from a copy of the scan), with l.mu held.
// An update meanwhile marks the graph behind again (chunks.GraphLive.Update), so
// the next quiet tick writes it again; one job per scan at a time, so an
// older layout never replaces a newer one.
func (l *Live) startGraph(ctx context.Context, id string, ls *liveScan, view *model.Scan) {
	o, dir := l.b.graphOptions(), l.dir
	gen := ls.graph.Begin()
	l.graphing[id] = true
	log := l.b.o.Logger
	l.jobs.Add(1)
	go func() {
		defer l.jobs.Done()
		t0 := time.Now()
		err := ctx.Err()
		if err == nil {
			err = chunks.WriteGraphAt(view, o, gen, func(name string, data []byte) error {
				return dir.Write(pages.ScanDir(id)+"data/"+name, data)
			})
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		delete(l.graphing, id)
		if l.scans[id] != ls {
			// Read afresh (or gone) meanwhile: this older layout may have
			// replaced the new one's, so the graph is written again.
			if n := l.scans[id]; n != nil {
				n.graph.Failed()
			}
			return
		}
		if err != nil {
			ls.graph.Failed()
			log.Error("graph not updated", "scan", id, "err", err)
			return
		}
		log.Debug("graph written", "scan", id, "elements", view.Count(), "took", time.Since(t0))
		l.exported.Scans = append(l.exported.Scans, id)
		l.exported.Paths = append(l.exported.Paths, l.dir.TakeChanged()...)
		select {
		case l.exportedReady <- struct{}{}:
		default:
		}
	}()
}

// appendPlan says where the CSV (elements) and log CSV (lines) downloads
// on disk end, -1 for one to write whole; written is told of each
// download written.
type appendPlan struct {
	csv, log int
	written  func(format string)
}

// writeDownloads writes every download of view, one after the other so
// that updates keep a core; the CSV and log CSV get only their new rows
// when the plan allows.
func (l *Live) writeDownloads(ctx context.Context, b *builder, dir *site.Dir, view *model.Scan, plan appendPlan) error {
	id := view.Meta.ID
	// The search index is rebuilt with the downloads (the preview's own
	// pages search what they load; a copy of the folder gets a current index).
	// Its segments, merged in.
	if err := l.writeIndex(ctx, id, view); err != nil {
		return err
	}
	for _, d := range pages.Downloads(id) {
		rel := pages.ScanDir(id) + d.File
		var err error
		switch {
		case d.Format == pages.FormatCSV && plan.csv >= 0:
			err = dir.AppendStream(rel, func(w io.Writer) error {
				return exports.WriteCSVRows(ctxWriter{ctx, w}, view, b.o.DefuseFormulas, plan.csv+1)
			})
		case d.Format == pages.FormatLogCSV && plan.log >= 0:
			err = dir.AppendStream(rel, func(w io.Writer) error {
				return exports.WriteLogCSVRows(ctxWriter{ctx, w}, view, b.o.DefuseFormulas, plan.log)
			})
		}
		if errors.Is(err, fs.ErrNotExist) || err == nil && !appended(d.Format, plan) {
			// Written whole: not appendable, or the file went away.
			err = dir.WriteStream(rel, func(w io.Writer) error {
				return b.export(ctxWriter{ctx, w}, view, d.Format)
			})
		}
		if err != nil {
			return err
		}
		plan.written(d.Format)
	}
	return nil
}

// appended says whether writeDownloads appends to the download of format.
func appended(format string, plan appendPlan) bool {
	return format == pages.FormatCSV && plan.csv >= 0 || format == pages.FormatLogCSV && plan.log >= 0
}

// ctxWriter fails its writes once ctx is done, so a cancelled export stops
// (and its temporary file is removed, leaving the previous download).
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// ExportsDone is signalled when export jobs have finished; TakeExported
// then says what they changed.
func (l *Live) ExportsDone() <-chan struct{} { return l.exportedReady }

// TakeExported returns what the export jobs finished since the last call
// changed.
func (l *Live) TakeExported() Change {
	l.mu.Lock()
	defer l.mu.Unlock()
	ch := l.exported
	l.exported = Change{}
	sort.Strings(ch.Scans)
	ch.Scans = slices.Compact(ch.Scans)
	sort.Strings(ch.Paths)
	ch.Paths = slices.Compact(ch.Paths)
	return ch
}

// FlushExports is StartExports that waits for the jobs to end, and
// returns what they changed too (tests and tools).
func (l *Live) FlushExports(ctx context.Context, quiet time.Duration) (Change, error) {
	ch, err := l.StartExports(ctx, quiet)
	l.jobs.Wait()
	done := l.TakeExported()
	ch.Scans = append(ch.Scans, done.Scans...)
	ch.Paths = append(ch.Paths, done.Paths...)
	sort.Strings(ch.Scans)
	ch.Scans = slices.Compact(ch.Scans)
	sort.Strings(ch.Paths)
	ch.Paths = slices.Compact(ch.Paths)
	return ch, err
}

// stopExport cancels the scan's export job, if one runs.
func (ls *liveScan) stopExport() {
	if ls.cancelExport != nil {
		ls.cancelExport()
		ls.cancelExport = nil
	}
}

// noteDownloads sets what the manifest says of the downloads: nothing when
// they show the data, else the element count they show and whether they
// are being written.
func (ls *liveScan) noteDownloads() {
	if !ls.exportsStale {
		ls.layout.Downloads = nil
		return
	}
	ls.layout.Downloads = &chunks.DownloadsState{Elements: ls.exportsAt, Updating: ls.cancelExport != nil}
}

// View calls fn with the model of scan id while the site holds it still
// (no update runs meanwhile); fn must not keep it. current is false when
// the scan's site files may be behind its model (its last update failed).
// A scan the site does not have is a *model.RefusalError.
func (l *Live) View(id string, fn func(s *model.Scan, current bool) error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	ls := l.scans[id]
	if ls == nil {
		return &model.RefusalError{Text: fmt.Sprintf("no scan %q", id)}
	}
	return fn(ls.s, ls.failed == nil)
}

// ScansRoot is the scans root the site is built from.
func (l *Live) ScansRoot() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.o.ScansRoot
}
