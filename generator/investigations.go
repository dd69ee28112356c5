package generator

// Investigations in the build and the watch mode: the investigation files
// are read once per build (and again in the watch mode when the folder
// changes, RefreshInvestigations), each scan leaves a small summary of what
// the investigation pages show of it, and the pages of the investigations a
// scan belongs to are rewritten when the scan changes. The preview server's
// state changes are here too: membership (SetInvestigation) and the
// children a lookup found (LookupTarget, AddChildren).

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/investigations"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/scan"
)

// invState is what the builder keeps of investigations.
type invState struct {
	files    []*investigations.Investigation
	problems []scan.Problem // of the investigation files
	stamp    string         // the folder as last read (names, sizes, times)
	facts    map[string]*pages.InvestigationScan
	members  map[string][]string // every scan's investigations
	written  map[string]bool     // investigation pages in the site
}

// investigationsFolder is the folder of investigation files.
func (b *builder) investigationsFolder() string {
	if b.o.InvestigationsDir != "" {
		return b.o.InvestigationsDir
	}
	return filepath.Join(filepath.Dir(filepath.Clean(b.o.ScansRoot)), "investigations")
}

// loadInvestigations reads the investigation files; their problems go
// with the scans root's.
func (b *builder) loadInvestigations() {
	dir := b.investigationsFolder()
	b.inv.stamp = folderStamp(dir)
	b.inv.problems = nil
	files, err := investigations.Load(dir, func(p scan.Problem) {
		b.inv.problems = append(b.inv.problems, p)
		b.rootProblem(p)
	})
	if err != nil {
		p := scan.Problem{File: filepath.Base(dir), Severity: scan.Error, Kind: investigations.KindInvestigation, Text: err.Error()}
		b.inv.problems = append(b.inv.problems, p)
		b.rootProblem(p)
	}
	b.inv.files = files
}

// folderStamp fingerprints the investigation files of dir (cheap: one
// directory read), to tell whether they changed.
func folderStamp(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "none"
	}
	var sb strings.Builder
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), investigations.Ext) {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil {
			fmt.Fprintf(&sb, "%s?\n", e.Name())
			continue
		}
		fmt.Fprintf(&sb, "%s %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
	}
	return sb.String()
}

// noteScan keeps what the investigation pages show of s.
func (b *builder) noteScan(s *model.Scan) {
	f := pages.InvestigationFacts(s)
	b.noteFacts(s.Meta.ID, &f)
}

// noteFacts keeps f, what the investigation pages show of scan id.
func (b *builder) noteFacts(id string, f *pages.InvestigationScan) {
	if b.inv.facts == nil {
		b.inv.facts = map[string]*pages.InvestigationScan{}
	}
	if b.inv.members == nil { // a site started with no scans has facts but no members yet
		b.inv.members = map[string][]string{}
	}
	b.inv.facts[id] = f
	b.inv.members[id] = f.Summary.Investigations
}

// forgetScan drops a scan that left the site.
func (b *builder) forgetScan(id string) {
	delete(b.inv.facts, id)
	delete(b.inv.members, id)
}

// catalogue groups the scans into investigations.
func (b *builder) catalogue() *investigations.Catalogue {
	ids := make([]string, 0, len(b.inv.members))
	for id := range b.inv.members {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	members := make([]investigations.Member, len(ids))
	for i, id := range ids {
		members[i] = investigations.Member{Scan: id, Investigations: b.inv.members[id]}
	}
	return investigations.Build(b.inv.files, members)
}

// writeInvestigations writes the investigations index, its data file,
// compare.html and the pages of the named investigations (all when names
// is nil). Investigations whose pages were written before stay (empty)
// even when no file and no scan names them any more: in the watch mode an
// open page then shows that, instead of going missing; the next build
// leaves them out.
func (b *builder) writeInvestigations(names []string) error {
	c := b.catalogue()
	kept := make([]string, 0, len(b.inv.written))
	for n := range b.inv.written {
		kept = append(kept, n)
	}
	c.Keep(kept)
	if b.inv.facts == nil {
		b.inv.facts = map[string]*pages.InvestigationScan{}
	}
	folder := filepath.Base(filepath.Clean(b.investigationsFolder()))
	if err := b.render.Investigations(c, b.inv.facts, names, folder, b.inv.problems, b.out.Write); err != nil {
		return err
	}
	if err := b.out.Write(chunks.InvestigationsFile, chunks.Investigations(pages.InvestigationEntries(c))); err != nil {
		return err
	}
	if err := b.render.Compare(b.out.Write); err != nil {
		return err
	}
	b.inv.written = map[string]bool{}
	for _, g := range c.Groups {
		b.inv.written[g.Name] = true
	}
	return nil
}

// ---- the watch mode ----

// investigationsOf returns the investigations scan id belongs to now (nil
// when it is not in the site).
func (l *Live) investigationsOf(id string) []string {
	if ls := l.scans[id]; ls != nil {
		return ls.s.Investigations()
	}
	return nil
}

// scanChanged brings the investigation summary of scan id up to date after
// an update, given its investigations before; touched collects the
// investigations whose pages change. It reports whether the scan's
// membership changed, in which case every page of the scan (their headers
// name its investigations) has been rewritten.
func (l *Live) scanChanged(id string, before []string, touched map[string]bool) (bool, error) {
	ls := l.scans[id]
	var after []string
	if ls == nil {
		l.b.forgetScan(id)
	} else {
		after = ls.s.Investigations()
		if len(before) > 0 || len(after) > 0 || l.b.inv.facts[id] == nil {
			l.b.noteScan(ls.s)
		} else {
			l.b.inv.members[id] = after
		}
	}
	for _, n := range before {
		touched[n] = true
	}
	for _, n := range after {
		touched[n] = true
	}
	if slices.Equal(before, after) {
		return false, nil
	}
	if ls != nil {
		if err := l.b.render.TypePages(ls.s, nil, l.dir.Write); err != nil {
			return true, err
		}
	}
	return true, nil
}

// writeTouched rewrites the pages of the touched investigations (and the
// index), if any.
func (l *Live) writeTouched(touched map[string]bool) error {
	if len(touched) == 0 {
		return nil
	}
	names := make([]string, 0, len(touched))
	for n := range touched {
		names = append(names, n)
	}
	return l.b.writeInvestigations(names)
}

// RefreshInvestigations reads the investigation files again when their
// folder changed since the last read, and rewrites the investigation
// pages. The preview server calls it every few seconds (the watcher
// follows the scans root only).
func (l *Live) RefreshInvestigations() (Change, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if folderStamp(l.b.investigationsFolder()) == l.b.inv.stamp {
		return Change{}, nil
	}
	before := len(l.b.rootProblems)
	l.b.rootProblems = slices.DeleteFunc(l.b.rootProblems, func(p scan.Problem) bool { return p.Kind == investigations.KindInvestigation })
	l.b.rootTotal -= before - len(l.b.rootProblems)
	l.b.loadInvestigations()
	if err := l.b.writeInvestigations(nil); err != nil {
		return Change{}, err
	}
	// The scan list shows the problems of investigation files.
	if err := l.b.writeList(l.summaries()); err != nil {
		return Change{}, err
	}
	return Change{Paths: l.dir.TakeChanged(), List: true}, nil
}
