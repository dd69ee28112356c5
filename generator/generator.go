// Package generator turns a scans root into the report site. It is the thin
// face of the pipeline: scan (read) → model (link and count) → pages, chunks
// (render) → site (write and swap), wired here in that order. It knows
// nothing of servers, watchers or terminals: callers pass functions for
// problems and progress. It writes nothing into scans: the analysts'
// decisions are package decisions', which reads a live site's models through
// Live.View and applies what it recorded through Live.Update.
package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/correlate"
	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/exports"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/redact"
	defaultrules "github.com/scanreport/scanreport/rules"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/static"
	"github.com/scanreport/scanreport/templates"
)

// Options say what to build.
type Options struct {
	ScansRoot string // folder of scan directories
	Output    string // site folder, replaced whole on success
	Title     string // site title
	// RiskyTypes and MinRisk decide which elements are risky.
	RiskyTypes []string
	MinRisk    int
	// IsSecret says which settings (at any depth) and URL query parameters
	// are secret; nil masks nothing. Secret values are then masked wherever
	// they occur in the scan's text (internal/redact, docs/secrets.md).
	IsSecret func(key string) bool
	// Report receives every problem as it is found; may be nil.
	Report scan.Reporter
	// Progress is told the work done so far and the total, in bytes of
	// scan files: Build counts each byte once when it is read and once when
	// the scan's site files are written (Check only reads); may be nil, and
	// may be called from several goroutines, one call at a time.
	Progress func(done, total int64)
	// Workers bounds the files rendered at once; 0 means GOMAXPROCS.
	Workers int
	// DefuseFormulas prefixes CSV cells that a spreadsheet would run as a
	// formula with an apostrophe.
	DefuseFormulas bool
	// GEXFVersion is exports.GEXF12 (default) or exports.GEXF13.
	GEXFVersion string
	// Correlations says whether and which correlation rules run.
	Correlations Correlations
	// InvestigationsDir is the folder of investigation files
	// (docs/investigations.md); "" means "investigations" beside ScansRoot.
	InvestigationsDir string
	// TemplatesDir is a folder of the operator's own page templates; each
	// .html file there replaces the built-in template of the same name
	// (templates.Overlay). "" means the built-in templates only.
	TemplatesDir string
	// Bundle returns a browser bundle by name (static.AppJS, static.AppCSS);
	// nil means the bundles embedded in the binary.
	Bundle func(name string) ([]byte, error)
	Logger *slog.Logger
	// Fingerprint describes what else shapes the output and Options cannot
	// show (the config behind IsSecret). When it is set, Build keeps the
	// files of every scan whose inputs did not change since the previous
	// site (incremental.go); when it is "", every scan is built anew.
	Fingerprint string
	// NoSearchIndex leaves the search index out (the search pages then load
	// every element); only for measuring what the index costs
	// (bench.BenchmarkBuild1MNoIndex).
	NoSearchIndex bool
	// SearchBlockBytes is the size of the search index's dictionary
	// blocks; 0 is the default (128 KiB). Test sites set it small so that
	// their small scans have several blocks.
	SearchBlockBytes int
}

// Correlations configure the correlation rules (generator/correlate).
type Correlations struct {
	Enabled bool
	// Sets names the built-in rule sets (package rules) that run; nil
	// means all of them (rules.DefaultSets), an empty non-nil slice none.
	Sets []string
	// Disable lists ids of rules that do not run.
	Disable []string
	// RulesDir is a folder of the operator's rule files, added to the sets
	// (a file of a built-in rule's id replaces it); "" means none.
	RulesDir string
	CacheDir string // where results are kept per scan; "" means no cache
	// Where names where a key ("correlations.rules") is written, for
	// messages, e.g. "config.toml:52"; nil means "config.toml".
	Where func(key string) string
}

// selection is the rule selection c makes.
func (c Correlations) selection() correlate.Selection {
	sel := correlate.Selection{Sets: c.Sets, Dir: c.RulesDir, Disable: c.Disable, Where: c.Where}
	if c.Sets == nil {
		sel.Sets = correlate.DefaultSelection().Sets
	}
	return sel
}

// Result says what a build did.
type Result struct {
	Scans    int // scans in the site
	Skipped  int // scan directories that could not be read
	Elements int // elements over all scans
	Files    int
	Bytes    int64
	Problems int // problems over all scans and the scans root
	Errors   int // of which errors (data lost)
	Duration time.Duration
}

// Build writes the site for every scan under ScansRoot into Output. A scan
// that cannot be read is reported and left out; the others are built. The
// previous site stays until the new one is complete.
func Build(ctx context.Context, o Options) (Result, error) {
	res, _, err := build(ctx, o, nil, nil)
	return res, err
}

// build writes the whole site; keep, when not nil, receives each scan's
// model and layout instead of letting them go (the watch mode keeps them),
// and ixGen, when not nil, gives the generation each scan's search index
// is written as (else 0).
func build(ctx context.Context, o Options, keep func(*model.Scan, *chunks.ScanLayout), ixGen func(id string) int) (Result, *builder, error) {
	start := time.Now()
	b := newBuilder(o)
	if err := b.prepare(); err != nil {
		return Result{}, nil, err
	}
	out, err := site.Start(o.Output)
	if err != nil {
		b.root.Close()
		return Result{}, nil, err
	}
	defer out.Abort()
	b.out = out
	if err := b.writeAssets(); err != nil {
		b.root.Close()
		return Result{}, nil, err
	}
	ids, err := b.root.List(b.rootProblem)
	if err != nil {
		b.root.Close()
		return Result{}, nil, err
	}
	b.total = 2 * b.sizes(ids) // read once, written once
	b.loadInvestigations()
	siteKey := ""
	if keep == nil { // the watch mode needs every model: it reads every scan
		siteKey = b.siteKey()
	}
	var summaries []pages.ScanSummary
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			b.root.Close()
			return Result{}, nil, err
		}
		key := b.scanKey(siteKey, id)
		if r, ok := b.reuse(key, id); ok {
			summaries = append(summaries, r.Facts.Summary)
			b.noteFacts(id, &r.Facts)
			b.res.Scans++
			b.res.Elements += r.Facts.Summary.Elements
			b.tally.addCounts(r.Problems, r.Errors) // not read again, so not reported again
			b.progress(2 * b.sizes([]string{id}))
			continue
		}
		s, err := b.load(id)
		if err != nil {
			b.skip(id, err)
			continue
		}
		gen := 0
		if ixGen != nil {
			gen = ixGen(id)
		}
		sl, err := b.writeScan(ctx, s, gen)
		if err != nil {
			b.root.Close()
			return Result{}, nil, err
		}
		if ixGen != nil && !o.NoSearchIndex {
			if err := carryIndex(out, id); err != nil {
				b.o.Logger.Warn("the previous site's search index files not kept", "scan", id, "err", err)
			}
		}
		facts := pages.InvestigationFacts(s)
		if err := b.writeRecord(key, s, facts); err != nil {
			b.root.Close()
			return Result{}, nil, err
		}
		summaries = append(summaries, facts.Summary)
		b.noteFacts(id, &facts)
		b.count(s)
		if keep != nil {
			keep(s, sl)
		}
	}
	if err := b.writeInvestigations(nil); err != nil {
		b.root.Close()
		return Result{}, nil, err
	}
	if err := b.writeList(summaries); err != nil {
		b.root.Close()
		return Result{}, nil, err
	}
	if err := out.Commit(); err != nil {
		b.root.Close()
		return Result{}, nil, err
	}
	b.res.Files, b.res.Bytes = out.Files(), out.Bytes()
	b.res.Problems, b.res.Errors = b.tally.counts()
	b.res.Duration = time.Since(start)
	if keep == nil {
		b.root.Close()
	}
	return b.res, b, nil
}

// leftOut begins the scans-root problem of a scan that could not be read.
const leftOut = "scan left out: "

// skip records a scan that could not be read.
func (b *builder) skip(id string, err error) {
	b.rootProblem(scan.Problem{Scan: id, File: id, Severity: scan.Error, Kind: scan.KindMeta, Text: leftOut + err.Error()})
	b.res.Skipped++
}

func (b *builder) count(s *model.Scan) {
	b.res.Scans++
	b.res.Elements += s.Count()
}

// writeList writes the pages and data about all scans: the scan list, the
// search over all scans and data/scans.js.
func (b *builder) writeList(summaries []pages.ScanSummary) error {
	if err := b.render.ScanList(summaries, b.rootProblems, b.rootTotal, b.out.Write); err != nil {
		return err
	}
	if err := b.render.SearchAll(summaries, b.out.Write); err != nil {
		return err
	}
	if err := b.out.Write(chunks.LiveFile, chunks.LiveStatic); err != nil {
		return err
	}
	if err := b.writeRules(); err != nil {
		return err
	}
	return b.out.Write(chunks.ScansFile, chunks.Scans(pages.ScanEntries(summaries)))
}

// LoadScan reads one scan as Build does (correlations included), for tools
// and tests that need the model the site was made from.
func LoadScan(o Options, id string) (*model.Scan, error) {
	b := newBuilder(o)
	if err := b.prepareModel(); err != nil {
		return nil, err
	}
	defer b.root.Close()
	return b.load(id)
}

// Check reads every scan as Build does and reports its problems, writing
// nothing.
func Check(ctx context.Context, o Options) (Result, error) {
	return CheckScans(ctx, o, nil)
}

// UnknownScansError is CheckScans's answer to scan ids that name no scan
// directory of the scans root.
type UnknownScansError struct {
	Root string
	IDs  []string
}

func (e *UnknownScansError) Error() string {
	quoted := make([]string, len(e.IDs))
	for i, id := range e.IDs {
		quoted[i] = strconv.Quote(id)
	}
	what := "no scan"
	if len(e.IDs) > 1 {
		what = "no scans"
	}
	return fmt.Sprintf("%s %s in the scans root %s ('scanreport validate' with no id checks them all)", what, strings.Join(quoted, ", "), e.Root)
}

// CheckScans is Check of the scans ids only (every scan when ids is
// empty); problems of the scans root that concern other scans are left
// out, those of the correlation rules and investigations are kept. An id
// that names no scan directory is an *UnknownScansError, before anything
// is read.
func CheckScans(ctx context.Context, o Options, ids []string) (Result, error) {
	start := time.Now()
	b := newBuilder(o)
	var all []string
	if len(ids) > 0 {
		// Find unknown ids first: a typo should not cost a full check.
		root, err := scan.OpenRoot(o.ScansRoot)
		if err != nil {
			return Result{}, err
		}
		all, err = root.List(nil)
		root.Close()
		if err != nil {
			return Result{}, err
		}
		var unknown []string
		for _, id := range ids {
			if _, ok := slices.BinarySearch(all, id); !ok {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			return Result{}, &UnknownScansError{Root: o.ScansRoot, IDs: unknown}
		}
	}
	if err := b.prepareModel(); err != nil {
		return Result{}, err
	}
	defer b.root.Close()
	if len(ids) == 0 {
		var err error
		if ids, err = b.root.List(b.rootProblem); err != nil {
			return Result{}, err
		}
	} else {
		ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	}
	b.total = b.sizes(ids)
	b.loadInvestigations()
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		s, err := b.load(id)
		if err != nil {
			b.skip(id, err)
			continue
		}
		b.count(s)
	}
	b.res.Problems, b.res.Errors = b.tally.counts()
	b.res.Duration = time.Since(start)
	return b.res, nil
}

// sink is where files go: a new site folder (site.Build) or, in watch
// mode, the site updated in place (site.Dir).
type sink interface {
	Write(rel string, data []byte) error
	WriteStream(rel string, fill func(w io.Writer) error) error
}

type builder struct {
	o      Options
	res    Result
	cat    *eltypes.Catalogue
	root   *scan.Root
	render *pages.Renderer
	out    sink
	// assets maps each asset's site path (content-hashed) to its bundle
	// name in the static package.
	assets map[string]string

	rules []*correlate.Rule
	cache *correlate.Cache
	// rulesUnread says, on the scans' pages, that the rules folder could
	// not be read; "" when it was (or none is configured).
	rulesUnread string
	noRules     string   // why no rule runs, when none does though correlations are on
	inv         invState // investigations (investigations.go)

	rootProblems []scan.Problem
	rootTotal    int
	tally        *tally // every problem reported, for Result

	pmu         sync.Mutex // progress: done and total, calls to Options.Progress
	done, total int64
	told        int64 // done when Options.Progress was last called
}

// progress adds n bytes of work done and tells Options.Progress at most
// once per MiB (and at the end); it returns the work done so far.
func (b *builder) progress(n int64) int64 {
	if b.o.Progress == nil {
		return 0
	}
	b.pmu.Lock()
	defer b.pmu.Unlock()
	b.done += n
	if b.done > b.total {
		b.total = b.done // a scanner appended while we read
	}
	if b.done-b.told >= 1<<20 || b.done == b.total {
		b.told = b.done
		b.o.Progress(b.done, b.total)
	}
	return b.done
}

func newBuilder(o Options) *builder {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	t := &tally{}
	report := o.Report
	o.Report = func(p scan.Problem) {
		t.add(p)
		if report != nil {
			report(p)
		}
	}
	return &builder{o: o, tally: t}
}

// tally counts the problems reported, by severity. Result's counts come
// from it alone, so build's summary and validate's list (which sees the
// same problems through Options.Report) never disagree on what is an
// error.
type tally struct {
	mu             sync.Mutex
	problems, errs int
}

func (t *tally) add(p scan.Problem) {
	t.mu.Lock()
	t.problems++
	if p.Severity == scan.Error {
		t.errs++
	}
	t.mu.Unlock()
}

// addCounts counts the problems of a scan reused from the previous build.
func (t *tally) addCounts(problems, errs int) {
	t.mu.Lock()
	t.problems += problems
	t.errs += errs
	t.mu.Unlock()
}

func (t *tally) counts() (problems, errs int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.problems, t.errs
}

func (b *builder) prepareModel() error {
	cat, err := eltypes.Load()
	if err != nil {
		return err
	}
	if _, err := eltypes.NewRisky(b.o.RiskyTypes, b.o.MinRisk); err != nil {
		return err
	}
	b.cat = cat
	if c := b.o.Correlations; c.Enabled {
		got := correlate.LoadSelection(c.selection())
		b.rules = got.Rules
		for _, p := range got.Problems {
			b.rootProblem(p)
		}
		if got.Unread != nil {
			b.rulesUnread = fmt.Sprintf("Correlation rules not read: %v. None of that folder's rules ran", got.Unread)
			if n := len(got.Rules); n > 0 {
				b.rulesUnread += fmt.Sprintf("; the correlations shown come from the other %d rules only.", n)
			} else {
				b.rulesUnread += "; no rule ran at all, so no correlations can be shown."
			}
		}
		switch {
		case len(b.rules) > 0:
			b.cache = &correlate.Cache{Dir: c.CacheDir}
		case got.Unread != nil:
			b.noRules = "No correlation rules ran: the rules folder could not be read (see above), and config.toml chooses no built-in rule set."
		default:
			// Not run rather than run and found nothing: zero counts would
			// pass for a clean scan.
			b.noRules = "No correlation rules ran: config.toml chooses none ([correlations] sets = [] and no rules folder, or every rule is in disable)."
		}
	}
	root, err := scan.OpenRoot(b.o.ScansRoot)
	if err != nil {
		return err
	}
	b.root = root
	return nil
}

func (b *builder) prepare() error {
	if err := b.prepareModel(); err != nil {
		return err
	}
	if b.o.Bundle == nil {
		b.o.Bundle = static.Bundle
	}
	b.assets = map[string]string{}
	paths := map[string]string{}
	for _, a := range []struct{ name, base, ext string }{
		{static.AppJS, "assets/app", ".js"},
		{static.AppGraphsJS, "assets/app-graphs", ".js"},
		{static.AppCSS, "assets/app", ".css"},
		{static.Icon, "assets/icon", ".svg"},
	} {
		data, err := b.o.Bundle(a.name)
		if err != nil {
			b.root.Close()
			return err
		}
		p := hashed(a.base, a.ext, data)
		b.assets[p], paths[a.name] = a.name, p
	}
	tmpl := templates.Embedded()
	if b.o.TemplatesDir != "" {
		if err := b.checkTemplatesDir(); err != nil {
			b.root.Close()
			return err
		}
		tmpl = templates.Overlay(b.o.TemplatesDir)
	}
	r, err := pages.New(pages.Options{SiteTitle: b.o.Title, CSS: paths[static.AppCSS], JS: paths[static.AppJS],
		GraphsJS: paths[static.AppGraphsJS], Icon: paths[static.Icon], Templates: tmpl,
		RulesUnread: b.rulesUnread, NoRules: b.noRules})
	if err != nil {
		b.root.Close()
		return err
	}
	b.render = r
	return nil
}

// checkTemplatesDir refuses a templates folder that is not there (a typo
// would otherwise give the built-in look without a word) and warns about
// .html files that replace no template.
func (b *builder) checkTemplatesDir() error {
	entries, err := os.ReadDir(b.o.TemplatesDir)
	if err != nil {
		return fmt.Errorf("templates folder: %w", err)
	}
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, ".html") && !templates.Known(name) {
			b.o.Logger.Warn("template file replaces no built-in template; it is not used", "file", filepath.Join(b.o.TemplatesDir, name))
		}
	}
	return nil
}

func (b *builder) writeAssets() error {
	for name, bundle := range b.assets {
		data, err := b.o.Bundle(bundle)
		if err != nil {
			return err
		}
		if err := b.out.Write(name, data); err != nil {
			return err
		}
	}
	return nil
}

// hashed names an asset after its content, so it can be cached for ever.
func hashed(base, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return base + "." + hex.EncodeToString(sum[:5]) + ext
}

const maxRootProblems = 200

func (b *builder) rootProblem(p scan.Problem) {
	b.rootTotal++
	if len(b.rootProblems) < maxRootProblems {
		b.rootProblems = append(b.rootProblems, p)
	}
	if b.o.Report != nil {
		b.o.Report(p)
	}
}

// sizes adds up the append-only files, for progress.
func (b *builder) sizes(ids []string) int64 {
	var total int64
	for _, id := range ids {
		d, err := b.root.Open(id)
		if err != nil {
			continue
		}
		for _, f := range []string{scan.ElementsFile, scan.LogFile, scan.ReviewFile} {
			n, _ := d.Size(f)
			total += n
		}
		d.Close()
	}
	return total
}

func (b *builder) load(id string) (*model.Scan, error) {
	d, err := b.root.Open(id)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	if b.o.Progress != nil {
		d.OnRead = func(n int) { b.progress(int64(n)) }
	}
	risky, err := eltypes.NewRisky(b.o.RiskyTypes, b.o.MinRisk)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	s, err := model.LoadMasked(d, b.cat, risky, b.redact(), b.o.Report)
	if err != nil {
		return nil, err
	}
	b.o.Logger.Debug("scan read", "scan", id, "elements", s.Count(), "took", time.Since(t0))
	b.correlate(s)
	return s, nil
}

// redact returns the masking rules, nil when masking is off.
func (b *builder) redact() *redact.Rules {
	if b.o.IsSecret == nil {
		return nil
	}
	return redact.New(b.o.IsSecret)
}

// writeRules writes the site's settings page: the correlation rules and
// the options the site was built with.
func (b *builder) writeRules() error {
	titles := map[string]string{correlate.FolderSet: "your folder"}
	for _, set := range defaultrules.Sets() {
		titles[set.Name] = set.Title
	}
	if d := b.o.Correlations.RulesDir; d != "" {
		titles[correlate.FolderSet] = filepath.Base(d) + "/ (your folder)"
	}
	infos := make([]pages.RuleInfo, len(b.rules))
	perSet := map[string]int{}
	for i, r := range b.rules {
		infos[i] = pages.RuleInfo{ID: r.ID, Name: r.Name, Description: r.Description, Risk: r.Risk, File: filepath.Base(r.File),
			Set: titles[r.Set]}
		if r.Replaces != "" {
			infos[i].Replaces = titles[r.Replaces]
		}
		perSet[r.Set]++
	}
	var from []string
	for _, name := range append(b.o.Correlations.selection().Sets, correlate.FolderSet) {
		if n := perSet[name]; n > 0 {
			from = append(from, fmt.Sprintf("%s %d", titles[name], n))
			perSet[name] = 0
		}
	}
	if len(b.o.Correlations.Disable) > 0 {
		from = append(from, fmt.Sprintf("turned off: %s", strings.Join(b.o.Correlations.Disable, ", ")))
	}
	yesNo := func(v bool) string {
		if v {
			return "yes"
		}
		return "no"
	}
	settings := []pages.KeyValue{
		{Key: "Risky element types", Value: strings.Join(b.o.RiskyTypes, ", ")},
		{Key: "Risky from element risk", Value: fmt.Sprintf("%d and above", b.o.MinRisk)},
		{Key: "Secrets masked", Value: yesNo(b.o.IsSecret != nil)},
		{Key: "CSV formula defusing", Value: yesNo(b.o.DefuseFormulas)},
		{Key: "GEXF version", Value: b.o.GEXFVersion},
		{Key: "Correlation rules", Value: fmt.Sprintf("%d (%s)", len(b.rules), strings.Join(from, "; "))},
	}
	if !b.o.Correlations.Enabled {
		settings[len(settings)-1].Value = "off ([correlations] enabled = false)"
	}
	var probs []scan.Problem
	for _, p := range b.rootProblems {
		if p.Kind == "correlation-rule" {
			probs = append(probs, p)
		}
	}
	return b.render.Rules(infos, b.o.Correlations.Enabled, settings, probs, b.out.Write)
}

// correlate runs the correlation rules over a scan they apply to (finished
// automated scans), from the cache when the scan and rules are unchanged.
func (b *builder) correlate(s *model.Scan) {
	if b.cache == nil || !correlate.Eligible(s) {
		return
	}
	t0 := time.Now()
	var results []correlate.Result
	var cached bool
	var err error
	if b.cache.Dir == "" {
		results = correlate.Run(s, b.rules)
	} else if results, cached, err = b.cache.Run(s, b.rules); err != nil {
		b.o.Logger.Warn("correlation cache not written", "scan", s.Meta.ID, "err", err)
	}
	findings := make([]model.Finding, len(results))
	for i, r := range results {
		findings[i] = model.Finding{RuleID: r.Rule.ID, Name: r.Rule.Name, Description: r.Rule.Description, Risk: r.Rule.Risk,
			Headline: r.Headline, Elements: r.Elements}
	}
	s.SetCorrelations(findings)
	b.o.Logger.Debug("correlations", "scan", s.Meta.ID, "found", len(findings), "cached", cached, "took", time.Since(t0))
}

// writeScan renders one scan's pages and data files, several at a time,
// and returns the chunk layout it used; the search index is written as
// generation ixGen (a build writes 0, the preview's full rewrite of a
// scan the next unused one).
func (b *builder) writeScan(ctx context.Context, s *model.Scan, ixGen int) (*chunks.ScanLayout, error) {
	t0 := time.Now()
	dir := pages.ScanDir(s.Meta.ID)
	pageOut := b.out.Write
	dataOut := func(name string, data []byte) error { return b.out.Write(dir+"data/"+name, data) }
	sl := chunks.NewScanLayout(s)
	// The entity graph feeds the graph page's data and the GEXF download:
	// built once, by whichever of the two jobs runs first.
	eg := sync.OnceValue(func() *entity.Graph { return entity.Build(s) })
	jobs := []func(buf []byte) ([]byte, error){
		func(buf []byte) ([]byte, error) { return buf, b.render.Scan(s, pageOut) },
		func(buf []byte) ([]byte, error) { return buf, dataOut(chunks.FPFile, chunks.FP(s)) },
		func(buf []byte) ([]byte, error) { return chunks.LogChunks(s, sl.Log, nil, buf, dataOut) },
		func(buf []byte) ([]byte, error) {
			return chunks.WriteGraphs(s, eg(), b.graphOptions(), buf, chunks.Out(dataOut))
		},
	}
	if !b.o.NoSearchIndex {
		jobs = append(jobs, func(buf []byte) ([]byte, error) {
			_, err := searchindex.WriteSized(s, ixGen, b.o.SearchBlockBytes, searchindex.Out(dataOut))
			return buf, err
		})
	}
	for _, t := range s.Types {
		if t.Code == scan.RootID {
			continue
		}
		jobs = append(jobs, func(buf []byte) ([]byte, error) { return chunks.TypeChunks(s, t, sl.Type(t.Slug), nil, buf, dataOut) })
	}
	for _, d := range pages.Downloads(s.Meta.ID) {
		jobs = append(jobs, func(buf []byte) ([]byte, error) {
			return buf, b.out.WriteStream(dir+d.File, func(w io.Writer) error {
				if d.Format == pages.FormatGEXF {
					return exports.WriteEntityGEXF(w, s, eg(), b.o.GEXFVersion)
				}
				return b.export(w, s, d.Format)
			})
		})
	}
	if b.o.Progress != nil {
		// Writing moves the progress by the scan's bytes, a share per file.
		weight := b.sizes([]string{s.Meta.ID})
		var finished atomic.Int64
		n := int64(len(jobs))
		for i, job := range jobs {
			jobs[i] = func(buf []byte) ([]byte, error) {
				buf, err := job(buf)
				k := finished.Add(1)
				b.progress(weight*k/n - weight*(k-1)/n)
				return buf, err
			}
		}
	}
	err := runJobs(ctx, b.workers(), jobs)
	if err == nil {
		// Last: pages that read the manifest find every file it names
		// (in the preview, where files are replaced in place).
		err = dataOut(chunks.ManifestFile, chunks.Manifest(s, sl))
	}
	b.o.Logger.Debug("scan written", "scan", s.Meta.ID, "took", time.Since(t0))
	return sl, err
}

// export writes one download of s.
func (b *builder) export(w io.Writer, s *model.Scan, format string) error {
	switch format {
	case pages.FormatJSON:
		return exports.WriteJSON(w, s)
	case pages.FormatCSV:
		return exports.WriteCSV(w, s, b.o.DefuseFormulas, "", true)
	case pages.FormatGEXF:
		return exports.WriteGEXF(w, s, b.o.GEXFVersion)
	case pages.FormatLogCSV:
		return exports.WriteLogCSV(w, s, b.o.DefuseFormulas)
	case pages.FormatCorrelationsCSV:
		return exports.WriteCorrelationsCSV(w, s, b.o.DefuseFormulas)
	}
	return fmt.Errorf("unknown download format %q", format)
}

func (b *builder) workers() int {
	if b.o.Workers > 0 {
		return b.o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// runJobs runs jobs on n goroutines, each with its own scratch buffer, and
// returns the first error.
func runJobs(ctx context.Context, n int, jobs []func([]byte) ([]byte, error)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, n)
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) || ctx.Err() != nil {
					return
				}
				var err error
				if buf, err = jobs[i](buf); err != nil {
					errs[w] = err
					next.Store(int64(len(jobs)))
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("build cancelled: %w", err)
	}
	return nil
}
