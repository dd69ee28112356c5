package e2e

// Accessibility: axe-core (npm devDependency, read from node_modules at
// test time and evaluated in the page through the DevTools protocol, so it
// is never part of the site) audits every kind of page for WCAG 2.2 A and
// AA in both themes and in the states that matter.

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// axeSource is axe-core's browser build from the repository's node_modules
// (`npm ci` installs it).
func axeSource(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(filepath.Join("..", "node_modules", "axe-core", "axe.min.js"))
		axeSrc = string(b)
	})
	if axeErr != nil {
		t.Fatalf("axe-core is not installed (run npm ci): %v", axeErr)
	}
	return axeSrc
}

// axeViolation is one rule axe found broken, with the nodes that break it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeTags are the rule sets audited: WCAG 2.0, 2.1 and 2.2, levels A and AA.
const axeTags = `["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22a","wcag22aa"]`

// audit runs axe-core over the page as it is now and returns what it finds.
func audit(p *tab) []axeViolation {
	p.t.Helper()
	if !evalT[bool](p, `typeof window.axe === "object"`) {
		ctx, cancel := context.WithTimeout(p.ctx, wait)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource(p.t))); err != nil {
			p.t.Fatalf("inject axe-core: %v", err)
		}
	}
	return evalT[[]axeViolation](p, `axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"], preload: false}).then(r =>
		r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
			nodes: v.nodes.slice(0, 6).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 300))})))`)
}

// setScheme makes the tab render in a colour scheme: the system preference
// (prefers-color-scheme, emulated), with no choice stored by the toggle.
func setScheme(p *tab, scheme string) {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
		p.t.Fatalf("emulate prefers-color-scheme %s: %v", scheme, err)
	}
}

// a11yPage is one page of the audit and how to bring it into the state
// that is audited.
type a11yPage struct {
	name  string
	rel   string
	frag  string // the URL's fragment (the page's state), with its #
	ready func(p *tab)
}

// a11yPages are one page of every kind, in the states that matter.
func a11yPages(t *testing.T, f *fixture) []a11yPage {
	fin := f.finished(t)
	run := f.withStatus(t, "RUNNING")
	man := f.find(t, "manual", func(m *scan.Meta) bool { return m.Kind == scan.KindManual })
	s := f.scan(t, fin)
	ty := types(s)[0]
	rs := f.scan(t, run)
	rty := types(rs)[0]
	detail := func(host, cell, panel string) func(p *tab) {
		return func(p *tab) {
			p.waitFor(`__e2e.rows(`+jsString(host)+`).length > 0`, 0, "")
			openRow(p, host, 0, cell)
			p.waitFor(`!!document.querySelector("`+panel+`:not([hidden])")`, 0, "")
		}
	}
	searched := func(q string) func(p *tab) {
		return func(p *tab) {
			p.waitFor(`!document.querySelector("#site-search").hidden`, 0, "")
			if r := search(p, q); r.Count == "" {
				p.t.Fatalf("search %q found nothing: %+v", q, r)
			}
		}
	}
	openList := func(p *tab, id string) { // the list of what is drawn, open
		evalT[bool](p, `(document.getElementById("`+id+`").open = true, true)`)
		p.waitFor(`document.querySelectorAll("#`+id+` li").length > 0`, 0, "")
	}
	graph := func(p *tab) {
		p.waitFor(`document.querySelector("#graph[data-complete]") !== null`, time.Minute, `document.querySelector("#graph-status").textContent`)
		openList(p, "graph-drawn")
	}
	vis := func(p *tab) { waitVis(p); openList(p, "vis-drawn") }
	corr := func(p *tab) {
		evalT[bool](p, `(() => { document.querySelectorAll("details").forEach(d => d.open = true); return true })()`)
	}
	live := func(p *tab) {
		p.waitFor(`!document.querySelector("#live-status").hidden`, 0, "")
	}
	sc := "scans/" + fin + "/"
	return []a11yPage{
		{"scan list", "index.html", "", nil},
		{"search all scans", "search.html", "", searched("*.example*")},
		{"rules and settings", "settings.html", "", nil},
		{"compare", "compare.html", "", nil},
		{"investigations", "investigations/index.html", "", nil},
		{"investigation", firstUnder(t, f, "investigations/", "index.html"), "", nil},
		{"overview", sc + "index.html", "", nil},
		{"browse", sc + "browse.html", "", nil},
		{"elements with detail", sc + "types/" + ty.Slug + ".html", "", detail(elementHost, ".c-data", "#element-detail")},
		{"elements searched", sc + "types/" + ty.Slug + ".html", "", searched("*a*")},
		{"correlations", sc + "correlations.html", "", corr},
		{"graph", sc + "graph.html", "", graph},
		{"visualise bubbles", sc + "visualise.html", "", vis},
		{"visualise discovery", sc + "visualise.html", "#type=" + ty.Slug + "&view=discovery", vis},
		{"scan settings", sc + "settings.html", "", nil},
		{"log with detail", sc + "log.html", "", detail("#log-table", ".c-msg", "#log-detail")},
		{"scan search", sc + "search.html", "", searched("*a*")},
		{"scan investigations", sc + "investigations.html", "", nil},
		{"explore", "scans/" + man + "/explore.html", "", nil},
		{"running overview (live notice)", "scans/" + run + "/index.html", "", live},
		{"running elements (live notice)", "scans/" + run + "/types/" + rty.Slug + ".html", "", live},
	}
}

// firstUnder is the first HTML page of the site under dir that is not skip.
func firstUnder(t *testing.T, f *fixture, dir, skip string) string {
	for _, p := range testread.HTMLFiles(t, f.Site) {
		if strings.HasPrefix(p, dir) && p != dir+skip {
			return p
		}
	}
	t.Fatalf("no page under %s", dir)
	return ""
}

// TestAccessibility audits every kind of page with axe-core in the light
// and the dark theme: no WCAG 2.2 A/AA violation.
func TestAccessibility(t *testing.T) {
	f := site(t)
	axeSource(t)
	b := newBrowser(t)
	pages := a11yPages(t, f)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			for _, pg := range pages {
				t.Run(pg.name, func(t *testing.T) {
					p := b.open(t, "about:blank")
					setScheme(p, scheme)
					p.nav(f.url(pg.rel) + pg.frag)
					if pg.ready != nil {
						pg.ready(p)
					}
					// Let transitions settle before colours are measured.
					evalT[bool](p, `new Promise(r => setTimeout(() => r(true), 250))`)
					got := evalT[string](p, `getComputedStyle(document.body).backgroundColor`)
					if dark := isDarkColor(got); dark != (scheme == "dark") {
						t.Errorf("the %s scheme renders a page background of %s", scheme, got)
					}
					vs := audit(p)
					sort.Slice(vs, func(i, j int) bool { return vs[i].ID < vs[j].ID })
					for _, v := range vs {
						t.Errorf("%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
					}
				})
			}
		})
	}
}

// isDarkColor tells whether a CSS rgb()/rgba() colour is dark.
func isDarkColor(css string) bool {
	var r, g, b float64
	inner := css[strings.IndexByte(css, '(')+1:]
	if _, err := fmt.Sscanf(strings.ReplaceAll(inner, ",", " "), "%g %g %g", &r, &g, &b); err != nil {
		return false
	}
	return 0.2126*r+0.7152*g+0.0722*b < 128
}

// TestThemeButton: the footer's theme button goes system → light → dark,
// the choice is kept by the browser (a new tab opens in it) and beats the
// system's scheme both ways; the chosen themes pass axe-core too.
func TestThemeButton(t *testing.T) {
	f := site(t)
	axeSource(t)
	b := newBrowser(t)
	fin := f.finished(t)
	ty := types(f.scan(t, fin))[0]
	overview := f.url("scans/" + fin + "/index.html")
	elements := f.url("scans/" + fin + "/types/" + ty.Slug + ".html")

	p := b.open(t, "about:blank")
	setScheme(p, "light")
	p.nav(overview)
	p.waitSel("#theme-toggle")
	state := func(p *tab) (choice, attr string, dark bool) {
		return p.attrs("#theme-toggle", "data-theme-choice")[0],
			evalT[string](p, `document.documentElement.getAttribute("data-theme") || ""`),
			isDarkColor(evalT[string](p, `getComputedStyle(document.body).backgroundColor`))
	}
	if c, a, d := state(p); c != "system" || a != "" || d {
		t.Fatalf("at first: choice %q, data-theme %q, dark %v; want the system's light", c, a, d)
	}
	p.click("#theme-toggle")
	if c, a, d := state(p); c != "light" || a != "light" || d {
		t.Errorf("after one press: choice %q, data-theme %q, dark %v", c, a, d)
	}
	p.click("#theme-toggle")
	if c, a, d := state(p); c != "dark" || a != "dark" || !d {
		t.Errorf("after two presses: choice %q, data-theme %q, dark %v", c, a, d)
	}
	if got := p.text("#theme-toggle"); got != "Theme: dark" {
		t.Errorf("button says %q", got)
	}

	// Kept: a new tab (system light) opens dark, and passes axe-core.
	q := b.open(t, "about:blank")
	setScheme(q, "light")
	q.nav(elements)
	if _, a, d := state(q); a != "dark" || !d {
		t.Errorf("a new tab after choosing dark: data-theme %q, dark %v", a, d)
	}
	q.waitFor(`__e2e.rows(`+jsString(elementHost)+`).length > 0`, 0, "")
	for _, v := range audit(q) {
		t.Errorf("chosen dark: %s (%s): %s\n    %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
	}

	// The chosen light beats a dark system.
	p.click("#theme-toggle") // → system
	p.click("#theme-toggle") // → light
	r := b.open(t, "about:blank")
	setScheme(r, "dark")
	r.nav(overview)
	if c, a, d := state(r); c != "light" || a != "light" || d {
		t.Errorf("chosen light on a dark system: choice %q, data-theme %q, dark %v", c, a, d)
	}
	for _, v := range audit(r) {
		t.Errorf("chosen light on a dark system: %s (%s): %s\n    %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
	}
	r.click("#theme-toggle") // → dark
	r.click("#theme-toggle") // → system: dark again, nothing stored
	if c, a, d := state(r); c != "system" || a != "" || !d {
		t.Errorf("back to the system's (dark): choice %q, data-theme %q, dark %v", c, a, d)
	}
	if got := evalT[string](r, `localStorage.getItem("scanreport.theme") || ""`); got != "" {
		t.Errorf("following the system stores %q", got)
	}
}

// TestPrintReport prints the sample overview to PDF with headless
// Chromium's Page.printToPDF: the header (scan, target, dates) is there and
// navigation, buttons and downloads are not. The overview's "Print report"
// button calls the browser's print. With SCANREPORT_E2E_KEEP=dir the PDF is
// kept as dir/overview.pdf.
func TestPrintReport(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	fin := f.finished(t)
	s := f.scan(t, fin)
	p := b.open(t, f.url("scans/"+fin+"/index.html"))

	// The button, with the browser's print counted instead of opened.
	p.waitSel("#print-report")
	evalT[bool](p, `(window.__printed = 0, window.print = () => { window.__printed++ }, true)`)
	p.click("#print-report")
	if n := evalT[int](p, `window.__printed`); n != 1 {
		t.Errorf("Print report called print %d times", n)
	}

	// The print layout, in the DOM.
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	for _, sel := range []string{".site-header", ".tabs", ".downloads", "#print-report", "#theme-toggle", ".site-footer"} {
		if d := evalT[string](p, `(e => e ? getComputedStyle(e).display : "none")(document.querySelector(`+jsString(sel)+`))`); d != "none" {
			t.Errorf("%s prints (display %s)", sel, d)
		}
	}
	for _, sel := range []string{".scan-header", ".scan-meta", ".printed-on", ".totals", "#h-risky", ".notes"} {
		if d := evalT[string](p, `(e => e ? getComputedStyle(e).display : "missing")(document.querySelector(`+jsString(sel)+`))`); d == "none" || d == "missing" {
			t.Errorf("%s does not print (%s)", sel, d)
		}
	}
	if d := evalT[string](p, `getComputedStyle(document.querySelector("section[aria-labelledby=h-risky] thead")).display`); d != "table-header-group" {
		t.Errorf("the risky table's header is %q in print, not repeated on every page", d)
	}

	// The PDF.
	yes := true
	res, err := chromedp.Call(p.ctx, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: &yes, PreferCSSPageSize: &yes})
	var pdf []byte
	if err == nil {
		pdf = res.Data
	}
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	dir := t.TempDir()
	if keep := os.Getenv("SCANREPORT_E2E_KEEP"); keep != "" {
		dir = keep
	}
	file := filepath.Join(dir, "overview.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is missing: CI must install it")
		}
		t.Skip("no pdftotext (poppler-utils): the PDF's text is not checked")
	}
	out, err := exec.Command(exe, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	lower := strings.ToLower(text) // headings are upper case by CSS
	pages := strings.Count(text, "\f")
	t.Logf("%s: %d bytes, %d pages", file, len(pdf), pages)
	for _, want := range []string{s.Meta.Name, s.Meta.Target, s.Meta.ID, "Started", "Ended", "Printed", "Risky results", "Elements by module", "Notes"} {
		if !strings.Contains(lower, strings.ToLower(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, nav := range []string{"Rules & settings", "Print report", "Theme:", "Download", "Report generated by", "Browse\n", "Visualise"} {
		if strings.Contains(text, nav) {
			t.Errorf("the PDF shows %q (navigation, buttons or footer)", nav)
		}
	}
	// The risky table's header is repeated on each page it runs onto (the
	// pages after the first with three or more times of discovery).
	tablePages := 0
	for i, pg := range strings.Split(lower, "\f") {
		if i == 0 || strings.Count(pg, " utc") < 3 {
			continue
		}
		tablePages++
		if !strings.Contains(pg, "source data element") {
			t.Errorf("page %d continues the risky table without its header row", i+1)
		}
	}
	if tablePages < 2 {
		t.Errorf("the risky table runs over %d pages; the check of its repeated header needs 2 or more", tablePages)
	}

	// Correlations print opened: the elements inside each one are there.
	c := b.open(t, f.url("scans/"+fin+"/correlations.html"))
	cres, err := chromedp.Call(c.ctx, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: &yes})
	if err != nil {
		t.Fatal(err)
	}
	cfile := filepath.Join(dir, "correlations.pdf")
	if err := os.WriteFile(cfile, cres.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	cout, err := exec.Command(exe, "-layout", cfile, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if n, closed := strings.Count(strings.ToLower(string(cout)), "source data element"), c.count("details:not([open])"); n < 2 || closed == 0 {
		t.Errorf("the printed correlations show %d element tables (want every correlation opened), %d closed on screen after printing", n, closed)
	}
}

// TestReducedMotion: with prefers-reduced-motion the graph's camera jumps
// where it glides otherwise (search, fit), and nothing on the page animates.
func TestReducedMotion(t *testing.T) {
	f := site(t)
	fin := f.finished(t)
	b := newBrowser(t)
	// ratioAfterFocus focuses a node and reads the camera in the same task.
	const ratioAfterFocus = `(() => { const v = document.getElementById("graph").graphView;
		const k = v.graph.nodes().find(k => !v.graph.getNodeAttribute(k, "hidden"));
		v.focus(k, 0.15); return v.renderer.getCamera().getState().ratio; })()`
	for _, reduce := range []bool{false, true} {
		t.Run(fmt.Sprint("reduce=", reduce), func(t *testing.T) {
			p := b.open(t, "about:blank")
			if reduce {
				if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}); err != nil {
					t.Fatal(err)
				}
			}
			p.nav(f.url("scans/" + fin + "/graph.html"))
			p.waitFor(`document.querySelector("#graph[data-complete]") !== null`, time.Minute, `document.querySelector("#graph-status").textContent`)
			r := evalT[float64](p, ratioAfterFocus)
			if jumped := math.Abs(r-0.15) < 1e-9; jumped != reduce {
				t.Errorf("camera ratio right after focus: %g (reduced motion %v: it should %s)", r, reduce, map[bool]string{true: "jump to 0.15", false: "glide there"}[reduce])
			}
			if reduce {
				// No CSS animation runs (the running badge's pulse, the loading dots).
				if n := evalT[int](p, `document.getAnimations().filter(a => a.playState === "running" && a.effect && a.effect.getTiming().duration > 0).length`); n != 0 {
					t.Errorf("%d CSS animations running with reduced motion", n)
				}
			}
		})
	}
}

// TestPrintGraph: printing the graph page prints the graph as it is on
// screen, an image copied from its canvases just before printing (canvases
// themselves are left out of print), taken away again afterwards.
func TestPrintGraph(t *testing.T) {
	f := site(t)
	fin := f.finished(t)
	b := newBrowser(t)
	p := openGraph(t, b, f.url("scans/"+fin+"/graph.html"))
	evalT[bool](p, `(window.dispatchEvent(new Event("beforeprint")), true)`)
	p.waitFor(`(i => !!i && i.complete && i.naturalWidth > 0)(document.querySelector("#graph img.print-snapshot"))`, 0, "")
	// Not blank: more than 1 % of its pixels differ from the background.
	inked := evalT[float64](p, `(() => { const i = document.querySelector("#graph img.print-snapshot"), c = document.createElement("canvas");
		c.width = i.naturalWidth; c.height = i.naturalHeight; const x = c.getContext("2d"); x.drawImage(i, 0, 0);
		const d = x.getImageData(0, 0, c.width, c.height).data; let n = 0;
		for (let k = 0; k < d.length; k += 4) if (Math.abs(d[k] - d[0]) + Math.abs(d[k+1] - d[1]) + Math.abs(d[k+2] - d[2]) > 30) n++;
		return n / (d.length / 4); })()`)
	if inked < 0.01 {
		t.Errorf("the print image of the graph is blank (%.4f of its pixels drawn)", inked)
	}
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if d := evalT[string](p, `getComputedStyle(document.querySelector("#graph img.print-snapshot")).display`); d == "none" {
		t.Error("the graph's image does not print")
	}
	if n := evalT[int](p, `[...document.querySelectorAll("#graph canvas")].filter(c => getComputedStyle(c).display !== "none").length`); n != 0 {
		t.Errorf("%d canvases print", n)
	}
	evalT[bool](p, `(window.dispatchEvent(new Event("afterprint")), true)`)
	if n := p.count("img.print-snapshot"); n != 0 {
		t.Errorf("%d print images left after printing", n)
	}
}
