package pages

// Investigations (the index and one page per investigation), a scan's
// Investigations tab, Explore (manual scans) and Compare: views and
// renderers. docs/investigations.md describes what they show.

import (
	"html/template"
	"net/url"
	"slices"
	"sort"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/investigations"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/scan"
)

// Files of the investigations, Explore and Compare.
const (
	// InvestigationsIndex lists every investigation.
	InvestigationsIndex = "investigations/index.html"
	// ScanInvestigationsPage is a scan's Investigations tab, in its folder.
	ScanInvestigationsPage = "investigations.html"
	// ExplorePage is a manual scan's Explore page, in its folder.
	ExplorePage = "explore.html"
	// ComparePage compares two scans, at the site root.
	ComparePage = "compare.html"
)

// InvestigationPage is the page of a valid investigation name, relative to
// the site root.
func InvestigationPage(name string) string { return "investigations/" + name + ".html" }

// investigationLinks links names to their pages; root is the site root
// relative to the page.
func investigationLinks(names []string, root string) []InvestigationLink {
	out := make([]InvestigationLink, len(names))
	for i, n := range names {
		out[i] = InvestigationLink{Name: n}
		if investigations.ValidName(n) == nil {
			out[i].URL = root + InvestigationPage(n)
		}
	}
	return out
}

// InvestigationScan is what the investigation pages need of one scan,
// kept by the generator after the scan's model is dropped: small (the
// type counts and the riskiest elements).
type InvestigationScan struct {
	Summary    ScanSummary
	Types      []TypeTotal
	Risky      []ElementRow // riskiest first, at most MaxRiskyListed; TypeURL relative to the site root
	RiskyTotal int
}

// TypeTotal counts one element type of a scan.
type TypeTotal struct {
	Code, Descr, Category, Slug string
	Total, Unique, Risky        int
}

// InvestigationFacts takes what the investigation pages show of s.
func InvestigationFacts(s *model.Scan) InvestigationScan {
	f := InvestigationScan{Summary: Summarize(s)}
	for _, t := range visibleTypes(s) {
		f.Types = append(f.Types, TypeTotal{Code: t.Code, Descr: t.Description, Category: t.Category, Slug: t.Slug,
			Total: t.Total(), Unique: t.Unique, Risky: t.Risky})
	}
	var more int
	f.Risky, more = riskyRows(s, ScanDir(s.Meta.ID))
	f.RiskyTotal = len(f.Risky) + more
	return f
}

// InvestigationsIndexPage is investigations/index.html.
type InvestigationsIndexPage struct {
	Page
	Investigations []InvestigationRow
	Invalid        []string // names scans gave that cannot be investigations
	Folder         string   // where the files are read from, for people
	Problems       []Problem
}

// InvestigationRow is one investigation in the index.
type InvestigationRow struct {
	Name, Title, Summary, Owner, URL string
	Created                          Time
	HasFile                          bool
	Problem                          bool // its file is broken
	Scans, Running                   int
	Elements, Risky                  int
	Correlations                     *RiskCounts // nil when no scan of it ran the rules
	Latest                           Time        // the newest scan's start
	Targets                          []string
}

// InvestigationView is investigations/<name>.html.
type InvestigationView struct {
	Page
	Name, Title, Summary, Owner string
	Created                     Time
	HasFile                     bool
	File                        string // the file it is read from (or would be)
	Problem                     string // why the file could not be used in full
	Notes                       template.HTML
	Scans                       []ScanRow
	Totals                      InvestigationTotals
	Types                       []InvestigationType
	Risky                       []InvestigationRisky // riskiest first, at most MaxRiskyListed
	RiskyMore                   int
	Compares                    []CompareLink
}

// InvestigationTotals add up an investigation's scans.
type InvestigationTotals struct {
	Scans, Running, Elements, Risky, Types int
	Correlations                           *RiskCounts
}

// InvestigationType is one element type over an investigation's scans.
type InvestigationType struct {
	Code, Descr, Category string
	Total, Risky, Scans   int
	// Unique is the sum of each scan's distinct values (a value found by
	// two scans counts twice).
	Unique int
}

// InvestigationRisky is a risky element of one of the scans.
type InvestigationRisky struct {
	ElementRow
	ScanName, ScanURL string
}

// CompareLink compares the two latest scans of a target.
type CompareLink struct {
	Target, A, B, URL string
}

// ScanInvestigationsView is a scan's Investigations tab.
type ScanInvestigationsView struct {
	Page
	Memberships []Membership
	IndexURL    string
	DataURL     string // data/investigations.js
}

// Membership is one investigation a scan belongs to.
type Membership struct {
	Name, URL string // URL empty: not a valid name, no page
	FromMeta  bool   // set by the scanner in scan.toml (else added by an analyst)
}

// ExploreView is a manual scan's Explore page.
type ExploreView struct {
	Page
	Target, TargetType string
	Elements           int
}

// CompareView is compare.html.
type CompareView struct {
	Page
	ScansURL string
}

// investigationRisky merges the risky rows of scans, riskiest first, then
// in the scans' order.
func investigationRisky(scans []*InvestigationScan, root string) ([]InvestigationRisky, int) {
	var rows []InvestigationRisky
	total := 0
	for _, f := range scans {
		total += f.RiskyTotal
		for _, r := range f.Risky {
			r.TypeURL = root + r.TypeURL
			rows = append(rows, InvestigationRisky{ElementRow: r, ScanName: f.Summary.Meta.Name, ScanURL: root + ScanDir(f.Summary.Meta.ID) + "index.html"})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Risk > rows[j].Risk })
	if len(rows) > MaxRiskyListed {
		rows = rows[:MaxRiskyListed]
	}
	return rows, total - len(rows)
}

// scanRow is one scan in a list of scans; root is the site root relative
// to the page.
func scanRow(s ScanSummary, root string) ScanRow {
	m := s.Meta
	return ScanRow{ID: m.ID, Name: m.Name, Target: m.Target, Kind: m.Kind, URL: root + ScanDir(m.ID) + "index.html",
		Status: StatusOf(m.Status), Created: FormatTime(m.Created), Started: FormatTime(m.Started), Ended: FormatTime(m.Ended),
		Elements: s.Elements, Risky: s.Risky, Investigations: investigationLinks(s.Investigations, root), Problems: s.Problems,
		Correlations: s.Correlations}
}

func addRisk(sum **RiskCounts, c *RiskCounts) {
	if c == nil {
		return
	}
	if *sum == nil {
		*sum = &RiskCounts{}
	}
	(*sum).High += c.High
	(*sum).Medium += c.Medium
	(*sum).Low += c.Low
	(*sum).Info += c.Info
}

// membersOf returns the facts of a group's scans, newest first.
func membersOf(g *investigations.Group, facts map[string]*InvestigationScan) []*InvestigationScan {
	var out []*InvestigationScan
	var sums []ScanSummary
	for _, id := range g.Scans {
		if f := facts[id]; f != nil {
			sums = append(sums, f.Summary)
		}
	}
	for _, s := range sortedSummaries(sums) {
		out = append(out, facts[s.Meta.ID])
	}
	return out
}

// Investigations renders the investigations index and the page of each
// named investigation (every one when names is nil); data/investigations.js
// is chunks' (InvestigationEntries). facts holds every scan of the site by id;
// problems are those of the investigation files; folder says where they
// are read from.
func (r *Renderer) Investigations(c *investigations.Catalogue, facts map[string]*InvestigationScan, names []string, folder string, problems []scan.Problem, out Out) error {
	if err := r.investigationsIndex(c, facts, folder, problems, out); err != nil {
		return err
	}
	for _, g := range c.Groups {
		if names != nil && !slices.Contains(names, g.Name) {
			continue
		}
		if err := r.investigation(g, facts, folder, out); err != nil {
			return err
		}
	}
	return nil
}

func (r *Renderer) investigationsIndex(c *investigations.Catalogue, facts map[string]*InvestigationScan, folder string, problems []scan.Problem, out Out) error {
	rel := InvestigationsIndex
	v := InvestigationsIndexPage{Page: r.page(rel, "investigations", "Investigations · "+r.opts.SiteTitle), Invalid: c.Invalid, Folder: folder}
	v.Crumbs = []Crumb{{Label: "Scans", URL: v.Root + "index.html"}, {Label: "Investigations"}}
	for _, g := range c.Groups {
		row := InvestigationRow{Name: g.Name, Title: g.Title, Summary: g.Summary, Owner: g.Owner, URL: g.Name + ".html",
			Created: FormatTime(g.Created), HasFile: g.HasFile, Problem: g.Problem != ""}
		targets := map[string]bool{}
		for _, f := range membersOf(g, facts) {
			m := f.Summary.Meta
			row.Scans++
			if !m.Done() {
				row.Running++
			}
			row.Elements += f.Summary.Elements
			row.Risky += f.Summary.Risky
			addRisk(&row.Correlations, f.Summary.Correlations)
			if row.Latest.ISO == "" {
				row.Latest = FormatTime(firstTime(m.Started, m.Created))
			}
			if !targets[m.Target] {
				targets[m.Target] = true
				row.Targets = append(row.Targets, m.Target)
			}
		}
		v.Investigations = append(v.Investigations, row)
	}
	v.Problems = problemViews(problems)
	return r.render(out, rel, "investigations", v)
}

func (r *Renderer) investigation(g *investigations.Group, facts map[string]*InvestigationScan, folder string, out Out) error {
	rel := InvestigationPage(g.Name)
	v := InvestigationView{Page: r.page(rel, "investigation", g.Title+" · Investigations · "+r.opts.SiteTitle),
		Name: g.Name, Title: g.Title, Summary: g.Summary, Owner: g.Owner, Created: FormatTime(g.Created), HasFile: g.HasFile,
		File: folder + "/" + g.Name + investigations.Ext, Problem: g.Problem}
	v.Crumbs = []Crumb{{Label: "Scans", URL: v.Root + "index.html"}, {Label: "Investigations", URL: "index.html"}, {Label: g.Title}}
	if len(g.Notes) > 0 {
		html, err := r.md.Render(g.Notes)
		if err != nil {
			return err
		}
		v.Notes = html
	}
	members := membersOf(g, facts)
	byType := map[string]*InvestigationType{}
	types := map[string]bool{}
	byTarget := map[string][]string{}
	var targets []string
	for _, f := range members {
		m := f.Summary.Meta
		v.Scans = append(v.Scans, scanRow(f.Summary, v.Root))
		v.Totals.Scans++
		if !m.Done() {
			v.Totals.Running++
		}
		v.Totals.Elements += f.Summary.Elements
		v.Totals.Risky += f.Summary.Risky
		addRisk(&v.Totals.Correlations, f.Summary.Correlations)
		for _, t := range f.Types {
			it := byType[t.Code]
			if it == nil {
				it = &InvestigationType{Code: t.Code, Descr: t.Descr, Category: t.Category}
				byType[t.Code] = it
			}
			it.Total += t.Total
			it.Unique += t.Unique
			it.Risky += t.Risky
			it.Scans++
			types[t.Code] = true
		}
		if _, ok := byTarget[m.Target]; !ok {
			targets = append(targets, m.Target)
		}
		byTarget[m.Target] = append(byTarget[m.Target], m.ID)
	}
	v.Totals.Types = len(types)
	for _, it := range byType {
		v.Types = append(v.Types, *it)
	}
	sort.Slice(v.Types, func(i, j int) bool {
		if v.Types[i].Total != v.Types[j].Total {
			return v.Types[i].Total > v.Types[j].Total
		}
		return v.Types[i].Code < v.Types[j].Code
	})
	v.Risky, v.RiskyMore = investigationRisky(members, v.Root)
	// Scans are newest first: the first two of a target are its latest runs.
	for _, t := range targets {
		if ids := byTarget[t]; len(ids) >= 2 {
			v.Compares = append(v.Compares, CompareLink{Target: t, A: ids[1], B: ids[0], URL: v.Root + CompareURL(ids[1], ids[0])})
		}
	}
	return r.render(out, rel, "investigation", v)
}

// CompareURL is compare.html comparing scan a (before) with b (after),
// relative to the site root.
func CompareURL(a, b string) string {
	q := url.Values{}
	q.Set("a", a)
	q.Set("b", b)
	return ComparePage + "#" + q.Encode()
}

func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// InvestigationEntries is what data/investigations.js
// (chunks.InvestigationsFile) lists of the investigations.
func InvestigationEntries(c *investigations.Catalogue) []chunks.InvestigationEntry {
	out := make([]chunks.InvestigationEntry, len(c.Groups))
	for i, g := range c.Groups {
		out[i] = chunks.InvestigationEntry{Name: g.Name, Title: g.Title, URL: InvestigationPage(g.Name), Scans: len(g.Scans)}
	}
	return out
}

func (r *Renderer) scanInvestigations(s *model.Scan, rel string, out Out) error {
	v := ScanInvestigationsView{Page: r.scanPage(s, rel, "scan-investigations", "investigations", "Investigations")}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Investigations"})
	v.IndexURL = v.Root + InvestigationsIndex
	v.DataURL = v.Root + chunks.InvestigationsFile
	for _, l := range investigationLinks(s.Investigations(), v.Root) {
		v.Memberships = append(v.Memberships, Membership{Name: l.Name, URL: l.URL, FromMeta: slices.Contains(s.Meta.Investigations, l.Name)})
	}
	return r.render(out, rel, "investigation-tab", v)
}

func (r *Renderer) explore(s *model.Scan, rel string, out Out) error {
	if s.Meta.Kind != scan.KindManual {
		return nil
	}
	v := ExploreView{Page: r.scanPage(s, rel, "explore", "explore", "Explore"), Target: s.Meta.Target, TargetType: s.Meta.TargetType, Elements: s.Count()}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Explore"})
	return r.render(out, rel, "explore", v)
}

// Compare renders compare.html: two scans side by side, computed in the
// browser from their data files (data/scans.js lists them).
func (r *Renderer) Compare(out Out) error {
	v := CompareView{Page: r.page(ComparePage, "compare", "Compare scans · "+r.opts.SiteTitle), ScansURL: chunks.ScansFile}
	v.Crumbs = []Crumb{{Label: "Scans", URL: "index.html"}, {Label: "Compare"}}
	return r.render(out, ComparePage, "compare", v)
}
