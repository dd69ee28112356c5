package pages

import (
	"html/template"

	"github.com/scanreport/scanreport/generator/scantext"
)

// The view types below are everything templates see: one struct per page,
// plain strings and numbers, no methods that reach back into the model.
// Every string that came from a scan is escaped by html/template; the only
// template.HTML is Notes, produced by the Markdown renderer with raw HTML off.

// Page is what every page has.
type Page struct {
	Title     string // the <title>
	SiteTitle string
	Kind      string // body data-page: scans, overview, browse, elements, settings, log
	Root      string // relative URL of the site root from this page: "" or "../../"
	CSS       string // URL of the stylesheet
	JS        string // URL of the bundle
	Icon      string // URL of the site icon
	Live      string // URL of live.js (preview server settings, or null)
	CSP       string // Content-Security-Policy
	Crumbs    []Crumb
	Scan      *ScanHeader // nil on the scan list
	Tab       string      // the active scan tab: overview, browse, settings, log, search
	Search    *SearchBox  // the header's search box; nil for none
}

// SearchBox is the search box in the page header (docs/site-format.md,
// "Search"). On the element table and the search pages it searches in
// place (Target is empty); elsewhere Enter opens Target, the search page of
// its scope, with the query in the URL hash.
type SearchBox struct {
	Scope       string // type (this element type), scan or all (every scan)
	Target      string // relative URL of the search page to open; "" = in place
	Label       string // accessible name of the input
	Placeholder string
}

// Crumb is one step of the breadcrumb; the last has no URL.
type Crumb struct {
	Label string
	URL   string
}

// Time is a time for display: Text for people, ISO for <time datetime>.
// Both are empty for an unknown time.
type Time = scantext.Time

// Status is a scan status with its badge class: ok (FINISHED), warn
// (aborted), fail (ERROR-FAILED), run (still going), or idle.
type Status struct {
	Text  string
	Class string
}

// ScanHeader is the head of every scan page.
type ScanHeader struct {
	ID, Name, Target, TargetType, Kind string
	Status                             Status
	Created, Started, Ended            Time
	// Partial is set, with a sentence saying why, when the results are not
	// those of a finished scan.
	Partial        bool
	PartialText    string
	Investigations []InvestigationLink
	// URLs relative to the current page.
	OverviewURL, BrowseURL, SettingsURL, LogURL, SearchURL string
	CorrelationsURL                                        string
	InvestigationsURL, ExploreURL                          string // the Investigations tab; Explore (manual scans)
	GraphURL, VisualiseURL                                 string // the Graph and Visualise tabs
	DataURL                                                string // the data/ folder, ending in "/"
	ManifestURL                                            string
	// Downloads of the whole scan, URLs relative to the current page.
	Downloads []Download
}

// Download is one file to download.
type Download struct {
	Label  string // JSON, CSV, GEXF, Log (CSV)
	Format string // json, csv, gexf, log-csv
	File   string // path within the scan folder
	Name   string // suggested file name (the download attribute)
	URL    string // relative to the current page
}

// ScanListPage is index.html.
type ScanListPage struct {
	Page
	Scans    []ScanRow
	Elements int // over all scans
	Problems []Problem
	// ProblemsTotal counts problems of the scans root (refused directories,
	// unreadable scans), which may be more than Problems lists.
	ProblemsTotal int
	// ScansURL is data/scans.js (every scan and its data folder).
	ScansURL string
}

// SearchPage is scans/<id>/search.html: a search over all the scan's
// elements, run in the browser on its data chunks.
type SearchPage struct {
	Page
	Total int // elements in the scan
	Types int // element types
	FP    int // false positives
}

// SearchAllPage is search.html: a search over every scan.
type SearchAllPage struct {
	Page
	Scans    int
	Total    int    // elements over all scans
	ScansURL string // data/scans.js, relative to the page
}

// CorrelationsPage is scans/<id>/correlations.html.
type CorrelationsPage struct {
	Page
	Run      bool   // the rules ran over this scan
	Reason   string // why they did not
	Counts   RiskCounts
	Total    int
	Rules    []RuleCount
	Findings []FindingRow // riskiest first, at most MaxFindingsListed
	More     int          // findings not listed
	// RulesUnread says that correlation rules could not be read (see
	// Options.RulesUnread); "" when all were.
	RulesUnread string
}

// RuleCount is a rule that matched, and how often.
type RuleCount struct {
	ID, Name, Description, Risk, RiskClass string
	Count                                  int
}

// FindingRow is one correlation.
type FindingRow struct {
	Risk, RiskClass, Headline         string
	RuleID, RuleName, RuleDescription string
	Count                             int
	Elements                          []ElementRow // at most MaxFindingElements
	ElementsMore                      int
}

// RulesPage is settings.html at the site root: the correlation rules
// loaded, and the settings the report was built with.
type RulesPage struct {
	Page
	Rules    []RuleRow
	Enabled  bool
	Settings []KeyValue
	Problems []Problem
}

// RuleRow is one loaded correlation rule.
type RuleRow struct {
	ID, Name, Description, Risk, RiskClass, File string
	Set, Replaces                                string // where the rule comes from; the set it replaces
}

// ScanRow is one scan in the scan list.
type ScanRow struct {
	ID, Name, Target, Kind  string
	URL                     string
	Status                  Status
	Created, Started, Ended Time
	Elements                int
	Risky                   int
	// Correlations by risk; nil until correlations have been run.
	Correlations   *RiskCounts
	Investigations []InvestigationLink
	Problems       int
}

// InvestigationLink names an investigation a scan belongs to; URL,
// relative to the page, is empty when the name cannot have a page (it is
// not a valid investigation name).
type InvestigationLink struct {
	Name, URL string
}

// RiskCounts counts correlations by risk.
type RiskCounts struct {
	High, Medium, Low, Info int
}

// Problem is a located problem for display.
type Problem struct {
	Where    string // file:line
	Severity string // error or warning
	Text     string
}

// OverviewPage is scans/<id>/index.html.
type OverviewPage struct {
	Page
	Totals        Totals
	TypeChart     []TypeBar
	Risky         []ElementRow
	RiskyMore     int // risky elements not listed
	RiskyWhy      RiskyWhy
	Modules       []ModuleRow
	ModulesMore   int // modules not listed
	Timeline      Timeline
	Correlations  *RiskCounts // nil when the rules did not run
	RulesUnread   string      // see Options.RulesUnread; set on scans the rules run on
	Notes         template.HTML
	Problems      []Problem
	ProblemsTotal int
}

// RiskyWhy counts the risky elements by their first reason.
type RiskyWhy struct {
	ByType, ByRisk, ByCorrelation int
	MinRisk                       int
}

// Totals are the overview's counters.
type Totals struct {
	Elements, Unique, Types, Risky, FP, Errors, Modules, LogLines int
}

// TypeBar is one bar of the element-type chart: Pct is its length, 0–100,
// relative to the largest type.
type TypeBar struct {
	Code, Descr, Category, URL string
	Total, Unique, Risky       int
	Pct                        string
}

// ElementRow is one element shown in a server-rendered table.
type ElementRow struct {
	Data, SourceData, Module string
	TypeCode, TypeDescr      string
	TypeURL                  string
	URL                      string // the element, selected in its type's table
	Why                      string // why it is risky ("" when it is not)
	Identified               Time
	Risk                     int
	FP                       bool
	Truncated                bool
}

// ModuleRow counts the elements one module found; Pct as in TypeBar.
type ModuleRow struct {
	Name  string
	URL   string // the scan's search page showing this module's elements
	Count int
	Pct   string
}

// Timeline is a column chart of discoveries over time, drawn as SVG with
// the given viewBox Width×Height.
type Timeline struct {
	Width, Height int
	Bars          []TimeBar
	From, To      Time
	Max           int
}

// TimeBar is one column: X, Y, W, H in viewBox units.
type TimeBar struct {
	X, Y, W, H string
	Count      int
	From, To   Time
	URL        string // the scan's search page showing the column's elements
}

// BrowsePage is scans/<id>/browse.html.
type BrowsePage struct {
	Page
	Types []TypeRow
	Total int
}

// TypeRow is one element type of a scan.
type TypeRow struct {
	Code, Descr, Category, Slug string
	URL                         string
	Unique, Total, Risky, FP    int
	LastSeen                    Time
	Known                       bool // in the SpiderFoot catalogue
	// Facts are the type's facts under its heading (the element page).
	Facts []scantext.Fact
}

// ElementsPage is scans/<id>/types/<slug>.html; its rows come from the
// type's data chunks.
type ElementsPage struct {
	Page
	Type TypeRow
}

// SettingsPage is scans/<id>/settings.html.
type SettingsPage struct {
	Page
	Meta    []KeyValue
	Global  []Setting
	Modules []ModuleSettings
	Masking bool // secret masking is on
	Masked  int  // how many values were masked
}

// KeyValue is one row of a two-column table.
type KeyValue struct {
	Key, Value string
}

// Setting is one option; a masked secret has Secret set and Value empty.
type Setting struct {
	Key, Value string
	Secret     bool
}

// ModuleSettings are one module's options.
type ModuleSettings struct {
	Module   string
	Settings []Setting
}

// LogPage is scans/<id>/log.html; its lines come from the log chunks.
type LogPage struct {
	Page
	Total  int
	Levels []LevelCount
}

// LevelCount counts log lines of one level.
type LevelCount struct {
	Level string
	Count int
}
