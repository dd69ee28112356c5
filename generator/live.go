package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/graph"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/scan"
)

// Live is a built site kept up to date while scans are written: the watch
// mode of `scanreport serve`. It keeps every scan's model in memory, reads
// only what was appended to a scan's files, and rewrites only the files that
// change: the chunks that take the new rows, the manifest, the pages whose
// counts moved. Downloads (JSON, CSV, GEXF) are rewritten later, once a scan
// has been quiet for a while or has finished (FlushExports), because they
// are as large as the scan. Live is safe for concurrent use.
type Live struct {
	mu    sync.Mutex
	b     *builder
	dir   *site.Dir
	scans map[string]*liveScan
}

type liveScan struct {
	s            *model.Scan
	layout       *chunks.ScanLayout
	exportsStale bool
	changed      time.Time
	graph        graph.Live // the graph and tree data files
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
	l := &Live{scans: map[string]*liveScan{}}
	res, b, err := build(ctx, o, func(s *model.Scan, sl *chunks.ScanLayout) {
		l.scans[s.Meta.ID] = &liveScan{s: s, layout: sl}
	})
	if err != nil {
		return nil, Result{}, err
	}
	l.b, l.dir = b, site.OpenDir(o.Output)
	b.out = l.dir
	return l, res, nil
}

// Close releases the scans root.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.root.Close()
}

// Rebuild builds the whole site again, with new options (after config.toml
// changed, or when events were lost).
func (l *Live) Rebuild(ctx context.Context, o Options) (Change, error) {
	n, res, err := Start(ctx, o)
	if err != nil {
		return Change{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.root.Close()
	l.b, l.dir, l.scans = n.b, n.dir, n.scans
	l.b.o.Logger.Info("site rebuilt", "scans", res.Scans, "elements", res.Elements, "took", res.Duration)
	return Change{Full: true, List: true}, nil
}

// Update brings the site up to date with changed scan files.
func (l *Live) Update(ctx context.Context, changes []ScanChange) (Change, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ch Change
	touched := map[string]bool{} // investigations whose pages change
	for _, c := range changes {
		if scan.ValidID(c.Scan) != nil {
			continue // not a scan directory; List reports it on a rebuild
		}
		before := l.investigationsOf(c.Scan)
		listChanged, err := l.updateScan(ctx, c)
		if err != nil {
			return ch, fmt.Errorf("update scan %s: %w", c.Scan, err)
		}
		moved, err := l.scanChanged(c.Scan, before, touched)
		if err != nil {
			return ch, fmt.Errorf("update scan %s: %w", c.Scan, err)
		}
		ch.Scans = append(ch.Scans, c.Scan)
		ch.List = ch.List || listChanged || moved
	}
	if err := l.writeTouched(touched); err != nil {
		return ch, err
	}
	if ch.List {
		if err := l.b.writeList(l.summaries()); err != nil {
			return ch, err
		}
	}
	ch.Paths = l.dir.TakeChanged()
	return ch, nil
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
	type counts struct{ total, unique, risky, fp int }
	before := make(map[*model.TypeStat]counts, len(s.Types))
	for _, t := range s.Types {
		before[t] = counts{t.Total(), t.Unique, t.Risky, t.FP}
	}
	logLines, elements, status := len(s.Log), s.Count(), s.Meta.Status
	metaChanged := false
	if files[scan.MetaFile] {
		m, err := d.Meta(s.Problems.Add)
		if err != nil {
			s.Problems.Add(scan.Problem{Scan: c.Scan, File: d.Rel(scan.MetaFile), Severity: scan.Error, Kind: scan.KindMeta,
				Text: "not read again (the previous metadata stays): " + err.Error()})
		} else {
			s.Meta, metaChanged = model.MaskMeta(s.Mask, m), true
		}
	}
	if files[scan.SettingsFile] {
		// New settings may hold new secrets, which data already written
		// must not show: the scan is read and masked afresh.
		return true, l.reload(ctx, c.Scan)
	}
	if files[scan.NotesFile] {
		if err := s.ReadNotes(d); err != nil {
			return false, err
		}
	}
	if files[scan.ElementsFile] || files[scan.LogFile] || files[scan.ReviewFile] {
		if err := s.Update(d); err != nil {
			if errors.Is(err, model.ErrTruncated) {
				l.b.o.Logger.Info("a scan file shrank; reading the scan again", "scan", c.Scan, "err", err)
				return true, l.reload(ctx, c.Scan)
			}
			return false, err
		}
	}

	// A scan that just finished gets its correlations; elements of HIGH
	// ones become risky, so every chunk is rewritten (once).
	rewriteAll := false
	if metaChanged && !s.CorrelationsRun {
		l.b.correlate(s)
		rewriteAll = s.CorrelationsRun
	}

	// Data files: the chunks that take new rows or whose rows changed.
	dataOut := func(name string, data []byte) error { return l.dir.Write(pages.ScanDir(c.Scan)+"data/"+name, data) }
	dirty := map[*model.TypeStat]map[int]bool{}
	mark := func(t *model.TypeStat, ci int) {
		if dirty[t] == nil {
			dirty[t] = map[int]bool{}
		}
		dirty[t][ci] = true
	}
	var changedTypes []*model.TypeStat
	for _, t := range s.Types {
		b, existed := before[t]
		if !existed || b != (counts{t.Total(), t.Unique, t.Risky, t.FP}) {
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
	for _, i := range s.TakeRelinked() {
		t := s.Type(i)
		lay := ls.layout.Type(t.Slug)
		if ci := lay.Containing(int(s.Elements[i].Pos)); ci >= 0 && !dirty[t][ci] {
			lay.Touch(ci)
			mark(t, ci)
		}
	}
	var buf []byte
	for t, set := range dirty {
		if t.Code == scan.RootID {
			continue
		}
		which := make([]int, 0, len(set))
		for ci := range set {
			which = append(which, ci)
		}
		sort.Ints(which)
		if buf, err = chunks.TypeChunks(s, t, ls.layout.Type(t.Slug), which, buf, dataOut); err != nil {
			return false, err
		}
	}
	if len(s.Log) > logLines {
		if _, err = chunks.LogChunks(s, ls.layout.Log, ls.layout.Log.Grow(len(s.Log)), buf, dataOut); err != nil {
			return false, err
		}
	}
	fpChanged := files[scan.ReviewFile]
	for _, t := range s.Types {
		fpChanged = fpChanged || t.FP != before[t].fp
	}
	if fpChanged {
		if err := dataOut(chunks.FPFile, chunks.FP(s)); err != nil {
			return false, err
		}
	}
	ls.layout.Gen++
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
	ls.exportsStale, ls.changed = true, time.Now()
	if err := ls.graph.Update(s, l.b.graphOptions(), graph.Out(dataOut)); err != nil {
		return false, err
	}
	return metaChanged || s.Count() != elements || s.Meta.Status != status, nil
}

// reload reads one scan afresh and writes all its files.
func (l *Live) reload(ctx context.Context, id string) error {
	s, err := l.b.load(id)
	if err != nil {
		l.b.o.Logger.Warn("scan left out", "scan", id, "err", err)
		if _, ok := l.scans[id]; ok {
			delete(l.scans, id)
			return l.dir.RemoveAll("scans/" + id)
		}
		return nil
	}
	sl, err := l.b.writeScan(ctx, s)
	if err != nil {
		return err
	}
	l.scans[id] = &liveScan{s: s, layout: sl}
	return nil
}

// FlushExports rewrites the downloads of scans that changed and have since
// been quiet for at least quiet, or have reached a final status.
func (l *Live) FlushExports(ctx context.Context, quiet time.Duration) (Change, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ch Change
	for id, ls := range l.scans {
		if _, err := ls.graph.Flush(ls.s, l.b.graphOptions(), func(name string, data []byte) error {
			return l.dir.Write(pages.ScanDir(id)+"data/"+name, data)
		}); err != nil {
			return ch, err
		}
		if !ls.exportsStale || (!ls.s.Meta.Done() && time.Since(ls.changed) < quiet) {
			continue
		}
		// The search index is rebuilt with the downloads (the preview's own
		// pages search what they load; a copy of the folder gets a current index).
		jobs := []func([]byte) ([]byte, error){func(buf []byte) ([]byte, error) {
			_, err := searchindex.Write(ls.s, func(name string, data []byte) error { return l.dir.Write(pages.ScanDir(id)+"data/"+name, data) })
			return buf, err
		}}
		for _, d := range pages.Downloads(id) {
			jobs = append(jobs, func(buf []byte) ([]byte, error) {
				return buf, l.dir.WriteStream(pages.ScanDir(id)+d.File, func(w io.Writer) error { return l.b.export(w, ls.s, d.Format) })
			})
		}
		if err := runJobs(ctx, l.b.workers(), jobs); err != nil {
			return ch, err
		}
		ls.exportsStale = false
		ch.Scans = append(ch.Scans, id)
	}
	sort.Strings(ch.Scans)
	ch.Paths = l.dir.TakeChanged()
	return ch, nil
}

// SetFP records a false-positive decision on elements of a scan, after
// checking the rules (model.CheckFP), and applies it to the site at once.
// A decision the rules refuse is a *model.RefusalError.
func (l *Live) SetFP(ctx context.Context, id string, ids []string, fp bool, by string) (Change, error) {
	l.mu.Lock()
	ls := l.scans[id]
	if ls == nil {
		l.mu.Unlock()
		return Change{}, &model.RefusalError{Text: fmt.Sprintf("no scan %q", id)}
	}
	if _, err := ls.s.CheckFP(ids, fp); err != nil {
		l.mu.Unlock()
		return Change{}, err
	}
	op := scan.OpFPSet
	if !fp {
		op = scan.OpFPUnset
	}
	err := scan.AppendDecision(filepath.Join(l.b.o.ScansRoot, id), scan.Decision{Op: op, Elements: ids, By: by})
	l.mu.Unlock()
	if err != nil {
		return Change{}, err
	}
	return l.Update(ctx, []ScanChange{{Scan: id, Files: []string{scan.ReviewFile}}})
}

// Scan returns a scan's model for reading while holding no lock: only for
// tests and tools that do not run Update at the same time.
func (l *Live) Scan(id string) *model.Scan {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ls := l.scans[id]; ls != nil {
		return ls.s
	}
	return nil
}
