// Package pages renders a scan model into the report's HTML pages through
// the templates package: one view struct per page (views.go), filled here
// from the model, escaped by html/template. It writes through an Out func
// and knows nothing of where the bytes go.
package pages

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/scantext"
	"github.com/scanreport/scanreport/internal/markdown"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/templates"
)

// CSP is the Content-Security-Policy of every page: no inline script or
// style, nothing from outside the site, workers only from Blob URLs.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"worker-src blob:; connect-src 'self'; base-uri 'none'; form-action 'none'"

// Out receives a rendered file: its path relative to the site root
// (slash-separated) and its bytes.
type Out func(rel string, data []byte) error

// Options configure a Renderer.
type Options struct {
	SiteTitle string
	CSS, JS   string // asset paths relative to the site root
	// GraphsJS is the bundle of the pages that draw graphs (IsGraphKind);
	// empty means JS.
	GraphsJS string
	Icon     string
	// Templates holds the page templates; nil means the built-in ones.
	Templates fs.FS
	// RulesUnread, when not empty, says on every scan's Correlations tab
	// and overview that correlation rules could not be read (the rules
	// folder of config.toml is missing, say), so that no count of
	// correlations passes for a clean scan.
	RulesUnread string
	// NoRules, when not empty, says why no correlation rule runs although
	// correlations are on (none chosen, or none read); the Correlations
	// tab shows it instead of "turned off".
	NoRules string
}

// Renderer renders pages. It is safe for concurrent use.
type Renderer struct {
	opts Options
	t    *templates.Set
	md   *markdown.Renderer
}

// New parses the templates.
func New(o Options) (*Renderer, error) {
	if o.Templates == nil {
		o.Templates = templates.Embedded()
	}
	t, err := templates.ParseFS(o.Templates)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if o.SiteTitle == "" {
		o.SiteTitle = "scanreport"
	}
	return &Renderer{opts: o, t: t, md: markdown.New()}, nil
}

func (r *Renderer) render(out Out, rel, page string, data any) error {
	var b bytes.Buffer
	if err := r.t.Execute(&b, page, data); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return out(rel, ShowControls(b.Bytes()))
}

// ShowControls replaces control characters that html/template lets through
// (HTML does not allow them) with their Unicode control pictures: \x01
// shows as ␁. Tabs and line ends stay. Only scan values can hold such bytes,
// and they are never part of a multi-byte UTF-8 sequence, so a byte-wise
// pass over the page is exact.
func ShowControls(page []byte) []byte {
	n := 0
	for _, c := range page {
		if isControl(c) {
			n++
		}
	}
	if n == 0 {
		return page
	}
	out := make([]byte, 0, len(page)+2*n)
	for _, c := range page {
		switch {
		case c == 0x7f:
			out = append(out, "\u2421"...)
		case isControl(c):
			out = utf8.AppendRune(out, 0x2400+rune(c))
		default:
			out = append(out, c)
		}
	}
	return out
}

func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
}

// IsGraphKind reports whether a kind of page (body data-page) draws graphs
// and so loads Options.GraphsJS; static/src/app-graphs.ts starts them.
func IsGraphKind(kind string) bool {
	switch kind {
	case "graph", "visualise", "explore":
		return true
	}
	return false
}

// page fills the common part for a page at rel.
func (r *Renderer) page(rel, kind, title string) Page {
	root := strings.Repeat("../", strings.Count(rel, "/"))
	js := r.opts.JS
	if IsGraphKind(kind) && r.opts.GraphsJS != "" {
		js = r.opts.GraphsJS
	}
	return Page{Title: title, SiteTitle: r.opts.SiteTitle, Kind: kind, Root: root, Live: root + chunks.LiveFile,
		CSS: root + r.opts.CSS, JS: root + js, Icon: root + r.opts.Icon, CSP: CSP,
		Search: searchBox(SearchAll, root+"search.html")}
}

// Search scopes of the header's search box.
const (
	SearchType = "type"
	SearchScan = "scan"
	SearchAll  = "all"
)

// searchBox is the header's search box for a scope; target is the search
// page Enter opens, "" to search in place.
func searchBox(scope, target string) *SearchBox {
	b := &SearchBox{Scope: scope, Target: target}
	switch scope {
	case SearchType:
		b.Label, b.Placeholder = "Search this element type", "Search this type: 404, *:22, /regex/"
	case SearchScan:
		b.Label, b.Placeholder = "Search this scan", "Search this scan: value, *wildcard*, /regex/"
	default:
		b.Label, b.Placeholder = "Search all scans", "Search all scans: value, *wildcard*, /regex/"
	}
	return b
}

// ScanDir is where a scan's pages live, relative to the site root.
func ScanDir(id string) string { return "scans/" + id + "/" }

// TypePage is the path of a type's element table within the scan folder.
func TypePage(slug string) string { return "types/" + slug + ".html" }

// Download formats.
const (
	FormatJSON   = "json"
	FormatCSV    = "csv"
	FormatGEXF   = "gexf"
	FormatLogCSV = "log-csv"
	// FormatCorrelationsCSV is the correlations in SpiderFoot's layout.
	FormatCorrelationsCSV = "correlations-csv"
)

// Downloads lists a scan's download files (File relative to its folder).
func Downloads(id string) []Download {
	return []Download{
		{Label: "JSON", Format: FormatJSON, File: "downloads/" + id + ".json", Name: id + ".json"},
		{Label: "CSV", Format: FormatCSV, File: "downloads/" + id + ".csv", Name: id + ".csv"},
		{Label: "GEXF", Format: FormatGEXF, File: "downloads/" + id + ".gexf", Name: id + ".gexf"},
		{Label: "Log (CSV)", Format: FormatLogCSV, File: "downloads/" + id + "-log.csv", Name: id + "-log.csv"},
		{Label: "Correlations (CSV)", Format: FormatCorrelationsCSV, File: "downloads/" + id + "-correlations.csv", Name: id + "-correlations.csv"},
	}
}

// FormatTime formats a time for display, in UTC so the output does not
// depend on the machine that built it.
func FormatTime(t time.Time) Time { return scantext.TimeOf(t) }

func msTime(ms int64) Time { return FormatTime(model.Time(ms)) }

// StatusOf gives a status its badge class (scantext.StatusOf).
func StatusOf(status string) Status {
	st := scantext.StatusOf(status)
	return Status{Text: st.Label, Class: st.Class}
}

// scanPage fills the common part of a scan page at rel (relative to the
// site root), with its header.
func (r *Renderer) scanPage(s *model.Scan, rel, kind, tab, title string) Page {
	p := r.page(rel, kind, title+" · "+s.Meta.Name)
	dir := ScanDir(s.Meta.ID)
	up := strings.Repeat("../", strings.Count(strings.TrimPrefix(rel, dir), "/"))
	m := &s.Meta
	h := &ScanHeader{ID: m.ID, Name: m.Name, Target: m.Target, TargetType: m.TargetType, Kind: m.Kind,
		Status: StatusOf(m.Status), Created: FormatTime(m.Created), Started: FormatTime(m.Started), Ended: FormatTime(m.Ended),
		Partial: m.Partial(), PartialText: scantext.StatusOf(m.Status).Partial, Investigations: investigationLinks(s.Investigations(), p.Root),
		OverviewURL: up + "index.html", BrowseURL: up + "browse.html", SettingsURL: up + "settings.html", LogURL: up + "log.html", SearchURL: up + "search.html",
		CorrelationsURL: up + "correlations.html", DataURL: up + "data/", ManifestURL: up + "data/manifest.js",
		InvestigationsURL: up + ScanInvestigationsPage, ExploreURL: up + ExplorePage,
		GraphURL: up + GraphPage, VisualiseURL: up + VisualisePage}
	for _, d := range Downloads(m.ID) {
		d.URL = up + d.File
		h.Downloads = append(h.Downloads, d)
	}
	p.Scan, p.Tab = h, tab
	p.Search = searchBox(SearchScan, up+"search.html")
	p.Crumbs = []Crumb{{Label: "Scans", URL: p.Root + "index.html"}, {Label: m.Name, URL: h.OverviewURL}}
	return p
}

// Scan renders every page of one scan.
func (r *Renderer) Scan(s *model.Scan, out Out) error {
	if err := r.ScanCore(s, out); err != nil {
		return err
	}
	return r.TypePages(s, nil, out)
}

// ScanCore renders the scan's pages other than the element tables:
// overview, browse, settings, log and search.
func (r *Renderer) ScanCore(s *model.Scan, out Out) error {
	dir := ScanDir(s.Meta.ID)
	for _, step := range []func() error{
		func() error { return r.overview(s, dir+"index.html", out) },
		func() error { return r.browse(s, dir+"browse.html", out) },
		func() error { return r.settings(s, dir+"settings.html", out) },
		func() error { return r.log(s, dir+"log.html", out) },
		func() error { return r.search(s, dir+"search.html", out) },
		func() error { return r.correlations(s, dir+"correlations.html", out) },
		func() error { return r.scanInvestigations(s, dir+ScanInvestigationsPage, out) },
		func() error { return r.explore(s, dir+ExplorePage, out) },
		func() error { return r.graphPages(s, dir, out) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// TypePages renders the element table pages of the given types (all of
// them when types is nil).
func (r *Renderer) TypePages(s *model.Scan, types []*model.TypeStat, out Out) error {
	if types == nil {
		types = s.Types
	}
	dir := ScanDir(s.Meta.ID)
	for _, t := range types {
		if isRoot(t) {
			continue
		}
		if err := r.elements(s, t, dir+TypePage(t.Slug), out); err != nil {
			return err
		}
	}
	return nil
}

func isRoot(t *model.TypeStat) bool { return t.Code == scan.RootID }

// visibleTypes returns the types without ROOT.
func visibleTypes(s *model.Scan) []*model.TypeStat {
	out := make([]*model.TypeStat, 0, len(s.Types))
	for _, t := range s.Types {
		if !isRoot(t) {
			out = append(out, t)
		}
	}
	return out
}

func pct(n, max int) string {
	if max <= 0 {
		return "0"
	}
	return strconv.FormatFloat(math.Round(float64(n)*1000/float64(max))/10, 'f', -1, 64)
}

func problemViews(ps []scan.Problem) []Problem {
	out := make([]Problem, len(ps))
	for i, p := range ps {
		where := p.File
		if p.Line > 0 {
			where += ":" + strconv.Itoa(p.Line)
		}
		out[i] = Problem{Where: where, Severity: p.Severity.String(), Text: p.Text}
	}
	return out
}

// MaxRiskyListed is how many risky elements the overview lists.
const MaxRiskyListed = 100

// MaxModulesListed is how many modules the overview lists.
const MaxModulesListed = 50

func (r *Renderer) overview(s *model.Scan, rel string, out Out) error {
	v := OverviewPage{Page: r.scanPage(s, rel, "overview", "overview", "Overview")}
	v.Crumbs[len(v.Crumbs)-1].URL = ""
	types := visibleTypes(s)
	maxTotal := 0
	for _, t := range types {
		v.Totals.Unique += t.Unique
		v.Totals.Risky += t.Risky
		v.Totals.FP += t.FP
		maxTotal = max(maxTotal, t.Total())
	}
	v.Totals.Elements, v.Totals.Types, v.Totals.Errors, v.Totals.LogLines = s.Count(), len(types), s.Errors(), len(s.Log)
	sorted := append([]*model.TypeStat(nil), types...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Total() != sorted[j].Total() {
			return sorted[i].Total() > sorted[j].Total()
		}
		return sorted[i].Description < sorted[j].Description
	})
	for _, t := range sorted {
		v.TypeChart = append(v.TypeChart, TypeBar{Code: t.Code, Descr: t.Description, Category: t.Category, URL: TypePage(t.Slug),
			Total: t.Total(), Unique: t.Unique, Risky: t.Risky, Pct: pct(t.Total(), maxTotal)})
	}
	v.Risky, v.RiskyMore = riskyRows(s, "")
	v.RiskyWhy = riskyBreakdown(s)
	v.Modules, v.ModulesMore, v.Totals.Modules = moduleRows(s)
	v.Timeline = timeline(s)
	v.Correlations = riskCounts(s)
	if v.Correlations != nil || s.Meta.Status == scan.StatusFinished && s.Meta.Kind == scan.KindAutomated {
		v.RulesUnread = r.opts.RulesUnread
	}
	if len(s.Notes) > 0 {
		html, err := r.md.Render(s.Notes)
		if err != nil {
			return err
		}
		v.Notes = html
	}
	v.Problems, v.ProblemsTotal = problemViews(s.Problems.Sorted()), s.Problems.Total
	return r.render(out, rel, "overview", v)
}

// riskyRows lists the riskiest elements first (then in arrival order).
func riskyRows(s *model.Scan, prefix string) ([]ElementRow, int) {
	var rows []ElementRow
	total := 0
	for level := 100; level >= 0; level-- {
		list := s.RiskyByLevel[level]
		total += len(list)
		for _, i := range list {
			if len(rows) == MaxRiskyListed {
				break
			}
			rows = append(rows, elementRow(s, i, prefix))
		}
	}
	return rows, total - len(rows)
}

// riskyBreakdown counts the risky elements by why they are risky, each
// under its first reason: its type is listed as risky, else its risk score
// reaches min_risk, else only a HIGH correlation names it.
func riskyBreakdown(s *model.Scan) RiskyWhy {
	var w RiskyWhy
	m := s.MinRisk()
	for level := range s.RiskyByLevel {
		for _, i := range s.RiskyByLevel[level] {
			e := &s.Elements[i]
			switch {
			case s.Types[e.Type].RiskyType:
				w.ByType++
			case m > 0 && int(e.Risk) >= m:
				w.ByRisk++
			default:
				w.ByCorrelation++
			}
		}
	}
	w.MinRisk = m
	return w
}

// MaxShown is how much of a value a server-rendered table shows.
const MaxShown = 2000

func elementRow(s *model.Scan, i int32, prefix string) ElementRow {
	e := &s.Elements[i]
	t := s.Type(i)
	data, cut := clip(e.Data, MaxShown)
	src, _ := clip(s.SourceData(i), MaxShown)
	row := ElementRow{Data: data, SourceData: src, Module: s.Module(i), TypeCode: t.Code, TypeDescr: t.Description,
		TypeURL: prefix + TypePage(t.Slug), Identified: msTime(e.Generated), Risk: int(e.Risk), FP: e.Is(model.FlagFP), Truncated: cut}
	// The element itself, selected in its type's table (pages/elements.ts reads #sel).
	row.URL = row.TypeURL + "#sel=" + strconv.Itoa(int(i))
	row.Why = strings.Join(s.RiskReasons(i), "; ")
	return row
}

func clip(v string, n int) (string, bool) {
	if len(v) <= n {
		return v, false
	}
	for n > 0 && v[n]&0xC0 == 0x80 {
		n--
	}
	return v[:n] + "…", true
}

func moduleRows(s *model.Scan) ([]ModuleRow, int, int) {
	type mc struct {
		name  string
		raw   string // as the elements have it ("" for no module)
		count int
	}
	var ms []mc
	rootMod := s.Elements[0].Module
	maxCount := 0
	for i, name := range s.Modules {
		c := s.ModuleCounts[i]
		if uint32(i) == rootMod {
			c-- // ROOT is not a finding
		}
		if c <= 0 {
			continue
		}
		raw := name
		if name == "" {
			name = "(no module)"
		}
		ms = append(ms, mc{name, raw, c})
		maxCount = max(maxCount, c)
	}
	sort.SliceStable(ms, func(a, b int) bool {
		if ms[a].count != ms[b].count {
			return ms[a].count > ms[b].count
		}
		return ms[a].name < ms[b].name
	})
	total := len(ms)
	more := 0
	if len(ms) > MaxModulesListed {
		more = len(ms) - MaxModulesListed
		ms = ms[:MaxModulesListed]
	}
	rows := make([]ModuleRow, len(ms))
	for i, m := range ms {
		rows[i] = ModuleRow{Name: m.name, Count: m.count, Pct: pct(m.count, maxCount),
			URL: "search.html#" + url.Values{"module": {m.raw}}.Encode()}
	}
	return rows, more, total
}

// timeline buckets discoveries into columns between the first and the
// last, from the per-second counts the model keeps (so it costs the number
// of distinct seconds, not of elements).
func timeline(s *model.Scan) Timeline {
	const width, height, bins = 600, 120, 60
	tl := Timeline{Width: width, Height: height}
	if s.LastSeen == 0 {
		return tl
	}
	lo, hi := s.FirstSeen, s.LastSeen
	span := hi - lo + 1
	counts := make([]int, bins)
	for sec, n := range s.Seconds {
		ms := min(max(sec*1000, lo), hi)
		counts[int((ms-lo)*bins/span)] += int(n)
	}
	for _, c := range counts {
		tl.Max = max(tl.Max, c)
	}
	w := float64(width) / bins
	for b, c := range counts {
		if c == 0 {
			continue
		}
		h := math.Max(1, math.Round(float64(c)*float64(height)/float64(tl.Max)*10)/10)
		from := lo + int64(b)*span/bins
		// The elements this column counts, for the search page's #from/#to
		// (pages/search-page.ts): their second, clamped to lo, falls in
		// [lo+⌈b·span/bins⌉, lo+⌈(b+1)·span/bins⌉), as counted above.
		kFrom, kTo := lo+ceilDiv(int64(b)*span, bins), lo+ceilDiv(int64(b+1)*span, bins)
		if b == 0 {
			kFrom = lo / 1000 * 1000
		}
		tl.Bars = append(tl.Bars, TimeBar{X: num(float64(b)*w + 0.5), Y: num(float64(height) - h), W: num(w - 1), H: num(h),
			Count: c, From: msTime(from), To: msTime(lo + int64(b+1)*span/bins),
			URL: "search.html#from=" + strconv.FormatInt(kFrom, 10) + "&to=" + strconv.FormatInt(kTo, 10)})
	}
	tl.From, tl.To = msTime(lo), msTime(hi)
	return tl
}

func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

func num(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

func typeRow(t *model.TypeStat, prefix string) TypeRow {
	return TypeRow{Code: t.Code, Descr: t.Description, Category: t.Category, Slug: t.Slug, URL: prefix + TypePage(t.Slug),
		Unique: t.Unique, Total: t.Total(), Risky: t.Risky, FP: t.FP, LastSeen: msTime(t.LastSeen), Known: t.Known,
		Facts: scantext.TypeFacts(t)}
}

func (r *Renderer) browse(s *model.Scan, rel string, out Out) error {
	v := BrowsePage{Page: r.scanPage(s, rel, "browse", "browse", "Browse")}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Browse"})
	for _, t := range visibleTypes(s) {
		v.Types = append(v.Types, typeRow(t, ""))
		v.Total += t.Total()
	}
	sort.SliceStable(v.Types, func(i, j int) bool { return v.Types[i].Descr < v.Types[j].Descr })
	return r.render(out, rel, "browse", v)
}

func (r *Renderer) elements(s *model.Scan, t *model.TypeStat, rel string, out Out) error {
	v := ElementsPage{Page: r.scanPage(s, rel, "elements", "browse", t.Description), Type: typeRow(t, "")}
	v.Search = searchBox(SearchType, "")
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Browse", URL: v.Scan.BrowseURL}, Crumb{Label: t.Description})
	return r.render(out, rel, "elements", v)
}

func (r *Renderer) settings(s *model.Scan, rel string, out Out) error {
	v := SettingsPage{Page: r.scanPage(s, rel, "settings", "settings", "Settings"), Masking: s.Masking, Masked: s.MaskedSettings}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Settings"})
	m := &s.Meta
	v.Meta = []KeyValue{{"Name", m.Name}, {"Internal ID", m.ID}, {"Target", m.Target}, {"Target type", m.TargetType},
		{"Kind", m.Kind}, {"Status", m.Status}, {"Created", FormatTime(m.Created).Text}, {"Started", FormatTime(m.Started).Text},
		{"Completed", FormatTime(m.Ended).Text}, {"Modules", strings.Join(m.Modules, ", ")},
		{"Investigations", strings.Join(s.Investigations(), ", ")}}
	conv := func(in []scan.Setting) []Setting {
		out := make([]Setting, len(in))
		for i, o := range in {
			out[i] = Setting{Key: o.Key, Value: o.Value}
			if o.Value == redact.Mark { // masked whole by model.MaskSettings
				out[i].Value, out[i].Secret = "", true
			}
		}
		return out
	}
	v.Global = conv(s.Settings.Global)
	for _, ms := range s.Settings.Modules {
		v.Modules = append(v.Modules, ModuleSettings{Module: ms.Module, Settings: conv(ms.Settings)})
	}
	return r.render(out, rel, "settings", v)
}

func (r *Renderer) log(s *model.Scan, rel string, out Out) error {
	v := LogPage{Page: r.scanPage(s, rel, "log", "log", "Log"), Total: len(s.Log)}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Log"})
	seen := map[string]bool{}
	for _, l := range scan.Levels {
		seen[l] = true
		if c := s.LogCounts[l]; c > 0 {
			v.Levels = append(v.Levels, LevelCount{l, c})
		}
	}
	var other []string
	for l := range s.LogCounts {
		if !seen[l] {
			other = append(other, l)
		}
	}
	sort.Strings(other)
	for _, l := range other {
		v.Levels = append(v.Levels, LevelCount{l, s.LogCounts[l]})
	}
	return r.render(out, rel, "log", v)
}

func (r *Renderer) search(s *model.Scan, rel string, out Out) error {
	v := SearchPage{Page: r.scanPage(s, rel, "search", "search", "Search"), Total: s.Count()}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Search"})
	v.Search = searchBox(SearchScan, "")
	for _, t := range visibleTypes(s) {
		v.Types++
		v.FP += t.FP
	}
	return r.render(out, rel, "search", v)
}

// SearchAllPage renders search.html at the site root: a search over every
// scan, whose data folders are listed in data/scans.js (ScanEntries).
func (r *Renderer) SearchAll(scans []ScanSummary, out Out) error {
	v := SearchAllPage{Page: r.page("search.html", "search-all", "Search all scans · "+r.opts.SiteTitle), ScansURL: chunks.ScansFile}
	v.Search = searchBox(SearchAll, "")
	v.Crumbs = []Crumb{{Label: "Scans", URL: "index.html"}, {Label: "Search"}}
	for _, s := range scans {
		v.Total += s.Elements
	}
	v.Scans = len(scans)
	return r.render(out, "search.html", "search-all", v)
}

// ScanEntries is what data/scans.js (chunks.ScansFile) lists of the scans:
// each with its data folder, in the scan list's order.
func ScanEntries(scans []ScanSummary) []chunks.ScanEntry {
	out := make([]chunks.ScanEntry, 0, len(scans))
	for _, s := range sortedSummaries(scans) {
		out = append(out, chunks.ScanEntry{ID: s.Meta.ID, Name: s.Meta.Name, Target: s.Meta.Target, Status: s.Meta.Status,
			Count: s.Elements, Data: ScanDir(s.Meta.ID) + "data/"})
	}
	return out
}

// ScanSummary is what the scan list needs of a scan, kept after the scan's
// model is dropped.
type ScanSummary struct {
	Meta           scan.Meta
	Elements       int
	Risky          int
	Investigations []string
	Problems       int
	Correlations   *RiskCounts // nil when the rules did not run
}

// Summarize takes what the scan list shows of s.
func Summarize(s *model.Scan) ScanSummary {
	risky := 0
	for _, t := range s.Types {
		risky += t.Risky
	}
	return ScanSummary{Meta: s.Meta, Elements: s.Count(), Risky: risky, Investigations: s.Investigations(), Problems: s.Problems.Total,
		Correlations: riskCounts(s)}
}

func riskCounts(s *model.Scan) *RiskCounts {
	if !s.CorrelationsRun {
		return nil
	}
	c := s.CorrelationCounts()
	return &RiskCounts{High: c["HIGH"], Medium: c["MEDIUM"], Low: c["LOW"], Info: c["INFO"]}
}

// riskOrder sorts risks: HIGH first.
func riskOrder(risk string) int {
	switch risk {
	case "HIGH":
		return 0
	case "MEDIUM":
		return 1
	case "LOW":
		return 2
	}
	return 3
}

func riskClass(risk string) string { return "risk-" + strings.ToLower(risk) }

// Limits of the correlations page (the data file has everything).
const (
	MaxFindingsListed  = 1000
	MaxFindingElements = 25
)

func (r *Renderer) correlations(s *model.Scan, rel string, out Out) error {
	v := CorrelationsPage{Page: r.scanPage(s, rel, "correlations", "correlations", "Correlations"), Run: s.CorrelationsRun,
		RulesUnread: r.opts.RulesUnread}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Correlations"})
	switch {
	case s.CorrelationsRun:
	case s.Meta.Kind == scan.KindManual:
		v.Reason = "Correlation rules run on automated scans only; this is a manual scan."
	case !s.Meta.Done():
		v.Reason = "Correlation rules run once the scan has finished; it is " + s.Meta.Status + "."
	case s.Meta.Status != scan.StatusFinished:
		v.Reason = "Correlation rules run on scans that finished normally; this one is " + s.Meta.Status + ", so rules about what was not found would mislead."
	case r.opts.NoRules != "":
		v.Reason = r.opts.NoRules
	default:
		v.Reason = "Correlation rules are turned off in config.toml ([correlations] enabled = false)."
	}
	if c := riskCounts(s); c != nil {
		v.Counts = *c
	}
	v.Total = len(s.Correlations)
	byRule := map[string]*RuleCount{}
	order := make([]int, len(s.Correlations))
	for i, f := range s.Correlations {
		order[i] = i
		rc := byRule[f.RuleID]
		if rc == nil {
			rc = &RuleCount{ID: f.RuleID, Name: f.Name, Description: f.Description, Risk: f.Risk, RiskClass: riskClass(f.Risk)}
			byRule[f.RuleID] = rc
		}
		rc.Count++
	}
	for _, rc := range byRule {
		v.Rules = append(v.Rules, *rc)
	}
	sort.Slice(v.Rules, func(i, j int) bool {
		a, b := v.Rules[i], v.Rules[j]
		if riskOrder(a.Risk) != riskOrder(b.Risk) {
			return riskOrder(a.Risk) < riskOrder(b.Risk)
		}
		return a.ID < b.ID
	})
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &s.Correlations[order[i]], &s.Correlations[order[j]]
		if riskOrder(a.Risk) != riskOrder(b.Risk) {
			return riskOrder(a.Risk) < riskOrder(b.Risk)
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Headline < b.Headline
	})
	if len(order) > MaxFindingsListed {
		v.More = len(order) - MaxFindingsListed
		order = order[:MaxFindingsListed]
	}
	for _, k := range order {
		f := &s.Correlations[k]
		row := FindingRow{Risk: f.Risk, RiskClass: riskClass(f.Risk), Headline: f.Headline, RuleID: f.RuleID, RuleName: f.Name,
			RuleDescription: f.Description, Count: len(f.Elements)}
		for n, i := range f.Elements {
			if n == MaxFindingElements {
				row.ElementsMore = len(f.Elements) - n
				break
			}
			row.Elements = append(row.Elements, elementRow(s, i, ""))
		}
		v.Findings = append(v.Findings, row)
	}
	return r.render(out, rel, "correlations", v)
}

// RuleInfo describes a loaded correlation rule for the settings page.
type RuleInfo struct {
	ID, Name, Description, Risk, File string
	Set                               string // the rule set it comes from, as shown
	Replaces                          string // the set whose rule of the same id it replaces; "" none
}

// Rules renders settings.html at the site root: the loaded correlation
// rules and the settings the report was built with.
func (r *Renderer) Rules(rules []RuleInfo, enabled bool, settings []KeyValue, problems []scan.Problem, out Out) error {
	v := RulesPage{Page: r.page("settings.html", "global-settings", "Settings · "+r.opts.SiteTitle), Enabled: enabled, Settings: settings}
	v.Crumbs = []Crumb{{Label: "Scans", URL: "index.html"}, {Label: "Settings"}}
	for _, ru := range rules {
		v.Rules = append(v.Rules, RuleRow{ID: ru.ID, Name: ru.Name, Description: ru.Description, Risk: ru.Risk, RiskClass: riskClass(ru.Risk), File: ru.File,
			Set: ru.Set, Replaces: ru.Replaces})
	}
	sort.SliceStable(v.Rules, func(i, j int) bool {
		if riskOrder(v.Rules[i].Risk) != riskOrder(v.Rules[j].Risk) {
			return riskOrder(v.Rules[i].Risk) < riskOrder(v.Rules[j].Risk)
		}
		return v.Rules[i].ID < v.Rules[j].ID
	})
	v.Problems = problemViews(problems)
	return r.render(out, "settings.html", "global-settings", v)
}

// sortedSummaries orders scans newest first (then by id).
func sortedSummaries(scans []ScanSummary) []ScanSummary {
	sorted := append([]ScanSummary(nil), scans...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Meta, sorted[j].Meta
		if !a.Created.Equal(b.Created) {
			return a.Created.After(b.Created)
		}
		return a.ID < b.ID
	})
	return sorted
}

// ScanList renders index.html. Scans are listed newest first.
func (r *Renderer) ScanList(scans []ScanSummary, problems []scan.Problem, problemsTotal int, out Out) error {
	v := ScanListPage{Page: r.page("index.html", "scans", r.opts.SiteTitle), ProblemsTotal: problemsTotal}
	v.Crumbs = []Crumb{{Label: "Scans"}}
	v.ScansURL = chunks.ScansFile
	for _, s := range sortedSummaries(scans) {
		m := s.Meta
		v.Scans = append(v.Scans, ScanRow{ID: m.ID, Name: m.Name, Target: m.Target, Kind: m.Kind, URL: ScanDir(m.ID) + "index.html",
			Status: StatusOf(m.Status), Created: FormatTime(m.Created), Started: FormatTime(m.Started), Ended: FormatTime(m.Ended),
			Elements: s.Elements, Risky: s.Risky, Investigations: investigationLinks(s.Investigations, ""), Problems: s.Problems, Correlations: s.Correlations})
		v.Elements += s.Elements
	}
	v.Problems = problemViews(problems)
	return r.render(out, "index.html", "scans", v)
}
