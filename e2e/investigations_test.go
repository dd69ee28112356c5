package e2e

// Investigations, Explore, Compare and lookups in Chromium
// (docs/investigations.md). From file:// (the shared fixture): the
// investigations index and an investigation page (notes rendered, scans
// listed, combined totals), a scan header's link to it, Explore on the
// manual sample scan (expand, step back, details, the hash), Compare of two
// runs of the same target picked on the scan list, and the XSS scan wherever
// its data reaches these pages. Through the real preview server: adding a
// scan to an investigation and removing it from its Investigations tab, the
// example lookup run from Explore (new children appear live), a hostile
// lookup whose output carries payloads, and refused requests.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/scan"
)

// The fixture's second acme run and investigations (internal/sample).
const (
	acmeRun2    = sample.FixtureAcmeRun2
	acmeInv     = sample.FixtureAcmeInv
	xssInv      = sample.FixtureXSSInv
	acmeInvFile = sample.FixtureAcmeInvFile
)

// members are the scans of an investigation, from the models.
func (f *fixture) members(name string) []string {
	var out []string
	for _, id := range f.ids {
		if slices.Contains(f.scans[id].Investigations(), name) {
			out = append(out, id)
		}
	}
	return out
}

func TestInvestigationsFromFile(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	members := f.members(acmeInv)
	if len(members) < 3 || !slices.Contains(members, xssID) || !slices.Contains(members, acmeRun2) {
		t.Fatalf("the fixture's %s has %v", acmeInv, members)
	}

	t.Run("index", func(t *testing.T) {
		p := b.open(t, f.url("investigations/index.html"))
		names := p.attrs("#investigation-list tbody tr", "data-name")
		for _, want := range []string{acmeInv, xssInv, "vendor-review-2026"} {
			if !slices.Contains(names, want) {
				t.Errorf("the index lists %v, not %s", names, want)
			}
		}
		// Names the XSS scan gives that cannot be investigations: listed as text.
		if p.count("section.problems li code") == 0 {
			t.Error("the invalid names are not listed")
		}
		noXSS(p)
		p.clickNav(`#investigation-list tr[data-name="` + acmeInv + `"] a`)
		if !strings.HasSuffix(p.location(), "investigations/"+acmeInv+".html") {
			t.Errorf("the index links to %s", p.location())
		}
	})

	t.Run("page", func(t *testing.T) {
		p := b.open(t, f.url("investigations/"+acmeInv+".html"))
		if got := p.text(".inv-title"); got != "ACME external attack surface, Q4 2026" {
			t.Errorf("title %q", got)
		}
		// Notes rendered: heading with its anchor, table, task list.
		if p.count(`section.notes h1#note-scope`) != 1 || p.count("section.notes table") != 1 || p.count(`section.notes input[type="checkbox"]`) != 2 {
			t.Errorf("notes not rendered as Markdown: %s", p.text("section.notes"))
		}
		// Its scans, with their status.
		got := p.attrs("#inv-scans tbody tr", "data-scan")
		sort.Strings(got)
		if !slices.Equal(got, members) {
			t.Errorf("scans listed %v, want %v", got, members)
		}
		if got := p.count("#inv-scans .badge.status-ok"); got != len(members) {
			t.Errorf("%d FINISHED badges for %d finished scans", got, len(members))
		}
		// Combined totals by type, and the element total.
		total := 0
		byType := map[string]int{}
		for _, id := range members {
			s := f.scan(t, id)
			total += s.Count()
			for _, ty := range types(s) {
				byType[ty.Code] += ty.Total()
			}
		}
		if v := statValue(p, "elements"); v != total {
			t.Errorf("elements total %d, want %d", v, total)
		}
		tb := readTable(p, "#inv-types")
		if len(tb.Rows) != len(byType) {
			t.Errorf("%d types listed, want %d", len(tb.Rows), len(byType))
		}
		codes, totals := tb.column(t, "code"), tb.column(t, "elements")
		plain := regexp.MustCompile(`^[A-Z0-9_]+$`) // the XSS scan's made-up codes show differently (control pictures, trimmed)
		for i := range codes {
			if !plain.MatchString(codes[i].Text) {
				continue
			}
			if want := byType[codes[i].Text]; num(totals[i].Text) != want {
				t.Errorf("%s: %s elements, want %d", codes[i].Text, totals[i].Text, want)
			}
		}
		if p.count("#inv-risky tbody tr") == 0 {
			t.Error("no risky results listed")
		}
		if href := p.attrs("a.compare-link", "href"); len(href) != 1 || !strings.Contains(href[0], "a=acme-corp-2026-11-18") || !strings.Contains(href[0], "b="+acmeRun2) {
			t.Errorf("compare link %v", href)
		}
		noXSS(p)
	})

	t.Run("scan header links", func(t *testing.T) {
		p := b.open(t, f.url("scans/acme-corp-2026-11-18/index.html"))
		sel := `.scan-meta a.inv-link[href$="investigations/` + acmeInv + `.html"]`
		if p.count(sel) != 1 {
			t.Fatalf("the scan header does not link %s: %v", acmeInv, p.texts(".scan-meta .tag"))
		}
		p.clickNav(sel)
		if got := p.text(".inv-title"); !strings.Contains(got, "ACME") {
			t.Errorf("the link led to %q", got)
		}
		// The built site's Investigations tab shows the list, no buttons.
		p.nav(f.url("scans/acme-corp-2026-11-18/investigations.html"))
		if got := p.attrs("#inv-members li.inv-member", "data-inv"); !slices.Equal(got, []string{acmeInv}) {
			t.Errorf("tab lists %v", got)
		}
		if evalT[bool](p, `!document.getElementById("inv-tools").hidden || getComputedStyle(document.querySelector("button.inv-remove")).display !== "none"`) {
			t.Error("a built site shows add/remove controls")
		}
	})

	t.Run("xss", func(t *testing.T) {
		p := b.open(t, f.url("investigations/"+xssInv+".html"))
		if got := p.text(".inv-title"); !strings.Contains(got, "<script>window.__xss") {
			t.Errorf("the title is not shown as text: %q", got)
		}
		if n := p.count("section.notes script, section.notes img, section.notes iframe, section.notes style, section.notes a[href^='javascript']"); n != 0 {
			t.Errorf("%d active elements in the notes", n)
		}
		noXSS(p)
		p.nav(f.url("scans/" + xssID + "/investigations.html"))
		noXSS(p)
	})
}

// clickGraphNode clicks element i's node in the explore graph, drawn with
// WebGL (a canvas: at its position, from the renderer) or SVG, until done
// (a JavaScript condition) holds: a WebGL renderer busy with other tests
// may not have drawn the node where the first click lands.
func clickGraphNode(p *tab, i int32, done string) {
	p.t.Helper()
	for try := 0; try < 5; try++ {
		pos := evalT[[]float64](p, fmt.Sprintf(`(async () => { const g = document.getElementById("explore-graph");
		  g.scrollIntoView({block: "center"});
		  for (let k = 0; k < 3; k++) await new Promise(r => requestAnimationFrame(() => r()));
		  if (g.getAttribute("data-renderer") === "svg") { const r = g.querySelector('.ex-node[data-i="%d"]').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }
		  const v = g.graphView, at = v.viewportPosition("%d"), r = v.container.getBoundingClientRect(); return [r.x + at.x, r.y + at.y]; })()`, i, i))
		p.run("click the graph node", chromedp.MouseClickXY(pos[0], pos[1]))
		if evalT[bool](p, `(async () => { for (let k = 0; k < 40; k++) { if (`+done+`) return true; await new Promise(r => setTimeout(r, 50)); } return false; })()`) {
			return
		}
	}
	p.t.Fatalf("clicking node %d in the graph did not lead to %s", i, done)
}

// noWebGL makes a page believe the browser has no WebGL.
const noWebGL = `(() => { const g = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...a) { return /webgl/.test(String(kind)) ? null : g.call(this, kind, ...a); }; })();`

func TestExploreFromFile(t *testing.T) {
	for _, r := range []struct{ name, want, script string }{{"webgl", "webgl", ""}, {"svg", "svg", noWebGL}} {
		t.Run(r.name, func(t *testing.T) { exploreFromFile(t, r.want, r.script) })
	}
}

func exploreFromFile(t *testing.T, renderer, script string) {
	f := site(t)
	id := f.find(t, "manual", func(m *scan.Meta) bool { return m.Kind == scan.KindManual })
	s := f.scan(t, id)
	kids := s.Children()
	// A child of ROOT with children, and one of its children.
	var first, second int32 = -1, -1
	for _, c := range kids.Of(0) {
		if len(kids.Of(c)) > 0 {
			first, second = c, kids.Of(c)[0]
			break
		}
	}
	if first < 0 {
		t.Fatalf("the manual scan %s has no element two levels deep", id)
	}
	b := newBrowser(t)
	var scripts []string
	if script != "" {
		scripts = append(scripts, script)
	}
	p := b.open(t, f.url("scans/"+id+"/explore.html"), scripts...)
	ready := `document.getElementById("explore-graph").getAttribute("aria-busy") === "false"`
	p.waitFor(ready, 0, `document.getElementById("explore-status").textContent`)
	if got := p.attrs("#explore-graph", "data-renderer"); got[0] != renderer {
		t.Fatalf("drawn with %q, want %s", got[0], renderer)
	}
	current := func() string { return p.attrs("#explore-graph", "data-current")[0] }
	isCurrent := func(i int32) string {
		return fmt.Sprintf(`document.getElementById("explore-graph").getAttribute("data-current") === "%d"`, i)
	}
	if current() != "0" {
		t.Fatalf("Explore starts at %s, not the target", current())
	}
	if got := p.text("#explore-detail .detail-data"); got != s.Meta.Target {
		t.Errorf("details of the target: %q", got)
	}
	if got, want := p.count("#explore-children button.ex-child"), len(kids.Of(0)); got != want {
		t.Errorf("%d children listed, want %d", got, want)
	}
	drawn := `(g => g.getAttribute("data-renderer") === "svg" ? g.querySelectorAll(".ex-child").length : g.graphView.graph.nodes().filter(k => /^[0-9]+$/.test(k)).length - document.querySelectorAll("#explore-path li").length)(document.getElementById("explore-graph"))`
	if got, want := evalT[int](p, drawn), min(len(kids.Of(0)), 24); got != want {
		t.Errorf("%d children drawn, want %d", got, want)
	}

	// Expand in the graph, then in the list.
	clickGraphNode(p, first, isCurrent(first))
	if got := p.text("#explore-detail .detail-data"); got != s.Elements[first].Data {
		t.Errorf("details after expanding: %q, want %q", got, s.Elements[first].Data)
	}
	if got, want := p.count("#explore-children button.ex-child"), len(kids.Of(first)); got != want {
		t.Errorf("%d children of the expanded element, want %d", got, want)
	}
	p.click(fmt.Sprintf(`#explore-children button.ex-child[data-i="%d"]`, second))
	p.waitFor(isCurrent(second), 0, "location.hash")
	if got := p.attrs("#explore-path li", "data-i"); !slices.Equal(got, []string{"0", strconv.Itoa(int(first)), strconv.Itoa(int(second))}) {
		t.Errorf("path %v", got)
	}
	if h := evalT[string](p, "location.hash"); h != fmt.Sprintf("#path=0.%d.%d", first, second) {
		t.Errorf("hash %q", h)
	}
	if got := p.text("#explore-detail .detail-data"); got != s.Elements[second].Data {
		t.Errorf("details: %q", got)
	}
	if p.count("#explore-detail a.detail-open") != 1 || p.count("#explore-lookups") != 0 {
		t.Error("details: the element table link, and no lookups in a built site")
	}

	// Step back: the button, then an ancestor in the breadcrumb.
	p.click("#explore-back")
	p.waitFor(isCurrent(first), 0, "location.hash")
	if p.count("#explore-path li") != 2 {
		t.Errorf("path after Back: %v", p.attrs("#explore-path li", "data-i"))
	}
	// The browser's back walks the path too.
	evalT[bool](p, "(history.back(), true)")
	p.waitFor(isCurrent(second), 0, "location.hash")
	// An ancestor in the graph steps back to it.
	clickGraphNode(p, first, isCurrent(first))
	p.click(`#explore-path li[data-i="0"] button`)
	p.waitFor(isCurrent(0), 0, "location.hash")
	if !evalT[bool](p, `document.getElementById("explore-back").disabled`) {
		t.Error("Back is enabled at the target")
	}

	// A shared link opens on its path.
	p.nav(f.url("scans/"+id+"/explore.html") + fmt.Sprintf("#path=0.%d.%d", first, second))
	p.waitFor(isCurrent(second), 0, "location.hash")
	noXSS(p)

	// Only manual scans have the Explore tab.
	p.nav(f.url("scans/" + f.finished(t) + "/index.html"))
	if p.count(`.tabs a[href$="explore.html"]`) != 0 {
		t.Error("an automated scan has an Explore tab")
	}
}

// distinct are a scan's distinct (type, value) pairs.
func distinct(s *model.Scan) map[[2]string]bool {
	out := map[[2]string]bool{}
	for i := 1; i < len(s.Elements); i++ {
		out[[2]string{s.Type(int32(i)).Code, s.Elements[i].Data}] = true
	}
	return out
}

func TestCompareFromFile(t *testing.T) {
	f := site(t)
	a, bID := "acme-corp-2026-11-18", acmeRun2
	da, db := distinct(f.scan(t, a)), distinct(f.scan(t, bID))
	appeared, disappeared, stayed := 0, 0, 0
	typesSeen := map[string]bool{}
	for k := range db {
		typesSeen[k[0]] = true
		if da[k] {
			stayed++
		} else {
			appeared++
		}
	}
	for k := range da {
		typesSeen[k[0]] = true
		if !db[k] {
			disappeared++
		}
	}
	if appeared == 0 || disappeared == 0 || stayed == 0 {
		t.Fatalf("the fixture's two runs should differ both ways and share values: +%d -%d =%d", appeared, disappeared, stayed)
	}
	br := newBrowser(t)
	p := br.open(t, f.url("index.html"))
	p.click(`input.scan-select[value="` + bID + `"]`)
	p.click(`input.scan-select[value="` + a + `"]`)
	href := p.attrs("#scan-compare", "href")[0]
	if href != "compare.html#a="+a+"&b="+bID {
		t.Fatalf("Compare links to %q", href)
	}
	p.clickNav("#scan-compare")
	p.waitFor(`!document.getElementById("compare-summary").hidden`, 0, `document.getElementById("compare-status").textContent`)
	stat := func(cls string) int {
		return num(evalT[string](p, `document.querySelector("#compare-summary .stat.`+cls+` .value").textContent`))
	}
	if stat("cmp-appeared") != appeared || stat("cmp-disappeared") != disappeared || stat("cmp-stayed") != stayed {
		t.Errorf("appeared/disappeared/stayed %d/%d/%d, want %d/%d/%d", stat("cmp-appeared"), stat("cmp-disappeared"), stat("cmp-stayed"), appeared, disappeared, stayed)
	}
	if got := p.count("#compare-types tbody tr"); got != len(typesSeen) {
		t.Errorf("%d types, want %d", got, len(typesSeen))
	}
	if p.text("#compare-hint") != "" {
		t.Errorf("a hint for two runs of one target: %q", p.text("#compare-hint"))
	}

	// The values of one type that disappeared, each linking into the scan before.
	var code string
	var want []string
	for k := range da {
		if !db[k] && k[0] == "INTERNET_NAME" {
			code = k[0]
			want = append(want, k[1])
		}
	}
	if code == "" {
		t.Fatal("no host name disappeared between the runs")
	}
	p.click(`#compare-types button[data-type="INTERNET_NAME"][data-show="disappeared"]`)
	p.waitFor(`location.hash.includes("show=disappeared")`, 0, "location.hash")
	got := p.texts("#compare-list li .cmp-value")
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("disappeared host names %v, want %v", got, want)
	}
	links := p.attrs("#compare-list li a.cmp-open", "href")
	if len(links) != len(want) || !strings.HasPrefix(links[0], "scans/"+a+"/types/internet_name.html#q=") {
		t.Errorf("links %v", links)
	}
	// A link opens the element table searched for that value.
	p.clickNav("#compare-list li a.cmp-open")
	p.waitFor(`(e => e && !e.hidden && /^1 match/.test(e.textContent))(document.getElementById("search-count"))`, 0, `document.getElementById("search-count").textContent`)

	// The XSS scan against another: payloads stay text.
	var xssType string
	for _, ty := range types(f.scan(t, xssID)) {
		xssType = ty.Code
		break
	}
	p.nav(f.url("compare.html") + "#a=" + xssID + "&b=globex-2026-11-24&type=" + xssType + "&show=disappeared")
	p.waitFor(`!document.getElementById("compare-summary").hidden`, 0, `document.getElementById("compare-status").textContent`)
	if !strings.Contains(p.text("#compare-hint"), "different targets") {
		t.Errorf("no hint for different targets: %q", p.text("#compare-hint"))
	}
	if p.count("#compare-list li .cmp-value") == 0 {
		t.Error("no values listed for the XSS scan")
	}
	noXSS(p)
}

// ---- through the preview server ----

// hostileLookup prints payload children, and lines that must be refused.
const hostileLookup = `#!/bin/sh
cat <<'EOF'
{"type":"RAW_RIR_DATA","data":"<script>window.__xss=(window.__xss||0)+1</script><img src=x onerror=\"window.__xss=(window.__xss||0)+1\">","id":"ROOT","source":"nowhere"}
{"type":"<svg onload=alert(1)>","data":"x"}
{"type":"ROOT","data":"x"}
not json
EOF
`

func TestInvestigationsAndLookupsLive(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "investigations"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "investigations", acmeInv+".md"), []byte(acmeInvFile), 0o644); err != nil {
		t.Fatal(err)
	}
	example, err := filepath.Abs(filepath.Join("..", "examples", "lookups", "example-lookup.sh"))
	if err != nil {
		t.Fatal(err)
	}
	hostile := filepath.Join(dir, "hostile-lookup.sh")
	if err := os.WriteFile(hostile, []byte(hostileLookup), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`[lookups]
timeout = "20s"

[[lookups.command]]
name = "example"
label = "Example lookup"
types = ["*"]
argv = [%q, "{type}", "{data}"]

[[lookups.command]]
name = "hostile"
label = "Hostile lookup"
types = ["*"]
argv = [%q, "{type}", "{data}"]
`, example, hostile)), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := startServe(t, scans, filepath.Join(dir, "site"), "--config", cfg)
	b := newBrowser(t)

	t.Run("add and remove", func(t *testing.T) {
		id := "acme-corp-2026-11-18"
		p := b.open(t, srv.url("scans/"+id+"/investigations.html"))
		waitLive(p)
		p.waitFor(`!document.getElementById("inv-tools").hidden`, 0, "")
		setMarker(p)
		if got := p.attrs("#inv-members li.inv-member", "data-inv"); !slices.Equal(got, []string{acmeInv}) {
			t.Fatalf("members %v", got)
		}
		p.allow("409 (Conflict)") // the refusal below
		// A name the rules refuse, then one that is already there.
		p.typeText("#inv-name", "bad name")
		p.click("#inv-add")
		p.waitFor(`!document.getElementById("inv-message").hidden`, 0, "")
		if !strings.Contains(p.text("#inv-message"), "letters, digits") {
			t.Errorf("invalid name: %q", p.text("#inv-message"))
		}
		evalT[bool](p, `(document.getElementById("inv-name").value = "", true)`)
		p.typeText("#inv-name", acmeInv)
		p.click("#inv-add")
		p.waitFor(`document.getElementById("inv-message").textContent.includes("already")`, 0, `document.getElementById("inv-message").textContent`)

		evalT[bool](p, `(document.getElementById("inv-name").value = "", true)`)
		p.typeText("#inv-name", "new-case-1")
		p.click("#inv-add")
		p.waitFor(`document.querySelector('#inv-members li[data-inv="new-case-1"]') !== null`, 0, `document.getElementById("inv-message").textContent`)
		p.waitFor(`document.querySelector('.scan-meta a.inv-link[href$="investigations/new-case-1.html"]') !== null`, 0, "")
		checkMarker(p, "adding")
		review, _ := os.ReadFile(filepath.Join(scans, id, scan.ReviewFile))
		if !strings.Contains(string(review), `"op":"investigation-add","investigation":"new-case-1","by":`+strconv.Quote(osUser(t))) {
			t.Errorf("review.jsonl: %s", review)
		}
		// The new investigation has its page, listing the scan.
		q := b.open(t, srv.url("investigations/new-case-1.html"))
		if got := q.attrs("#inv-scans tbody tr", "data-scan"); !slices.Equal(got, []string{id}) {
			t.Errorf("the new investigation lists %v", got)
		}
		waitLive(q)

		// Remove it again from the tab: the list and the header follow, and
		// the open investigation page empties.
		p.click(`button.inv-remove[data-inv="new-case-1"]`)
		p.waitFor(`document.querySelector('#inv-members li[data-inv="new-case-1"]') === null`, 0, "")
		p.waitFor(`document.querySelector('.scan-meta a.inv-link[href$="investigations/new-case-1.html"]') === null`, 0, "")
		checkMarker(p, "removing")
		q.waitFor(`document.querySelectorAll("#inv-scans tbody tr").length === 0`, 0, "")
		// Remove one from scan.toml: the investigation page updates too.
		p.click(`button.inv-remove[data-inv="` + acmeInv + `"]`)
		p.waitFor(`document.querySelectorAll("#inv-members li.inv-member").length === 0`, 0, "")
		r := b.open(t, srv.url("investigations/"+acmeInv+".html"))
		if slices.Contains(r.attrs("#inv-scans tbody tr", "data-scan"), id) {
			t.Error("the investigation page still lists the removed scan")
		}
	})

	t.Run("lookups", func(t *testing.T) {
		id := "j-smith-mailbox-2026-11-22"
		before := lineCount(t, filepath.Join(scans, id, scan.ElementsFile))
		p := b.open(t, srv.url("scans/"+id+"/explore.html"))
		waitLive(p)
		p.waitFor(`document.querySelector('#explore-lookups button[data-lookup="example"]') !== null`, 0, `document.getElementById("explore-detail").textContent`)
		setMarker(p)
		n0 := p.count("#explore-children button.ex-child")
		p.click(`#explore-lookups button[data-lookup="example"]`)
		p.waitFor(`/new children/.test((document.getElementById("explore-lookup-message") || {}).textContent || "")`, 0,
			`(document.getElementById("explore-lookup-message") || {}).textContent`)
		p.waitFor(fmt.Sprintf(`document.querySelectorAll("#explore-children button.ex-child").length === %d`, n0+2), 0,
			`document.querySelectorAll("#explore-children button.ex-child").length`)
		checkMarker(p, "lookup")
		if got := lineCount(t, filepath.Join(scans, id, scan.ElementsFile)); got != before+2 {
			t.Errorf("elements.jsonl has %d lines, want %d", got, before+2)
		}
		var added []map[string]any
		eachLine(t, filepath.Join(scans, id, scan.ElementsFile), func(line []byte) {
			var e map[string]any
			if json.Unmarshal(line, &e) == nil && strings.HasPrefix(fmt.Sprint(e["id"]), "lk-") {
				added = append(added, e)
			}
		})
		if len(added) != 2 || added[0]["source"] != "ROOT" || added[0]["module"] != "lookup:example" {
			t.Errorf("lines written: %v", added)
		}
		// The new child is in the graph and can be expanded and looked up.
		p.click(`#explore-children button.ex-child[title*="Example Forum"]`)
		p.waitFor(`document.querySelectorAll("#explore-path li").length === 2`, 0, "location.hash")
		p.waitFor(`document.querySelector('#explore-lookups button[data-lookup="example"]') !== null`, 0, "")
		p.click(`#explore-lookups button[data-lookup="example"]`)
		p.waitFor(`document.querySelectorAll("#explore-children button.ex-child").length === 1`, 0, `(document.getElementById("explore-lookup-message") || {}).textContent`)
		// Again on the same element: nothing new.
		p.click(`#explore-lookups button[data-lookup="example"]`)
		p.waitFor(`/nothing new; 1 already known/.test((document.getElementById("explore-lookup-message") || {}).textContent || "")`, 0,
			`(document.getElementById("explore-lookup-message") || {}).textContent`)

		// A hostile lookup: its payload child is text; its bad lines are counted.
		p.click(`#explore-path li[data-i="0"] button`)
		p.waitFor(`document.querySelector('#explore-lookups button[data-lookup="hostile"]') !== null`, 0, "")
		p.click(`#explore-lookups button[data-lookup="hostile"]`)
		p.waitFor(`/1 new child; 3 output lines skipped/.test((document.getElementById("explore-lookup-message") || {}).textContent || "")`, 0,
			`(document.getElementById("explore-lookup-message") || {}).textContent`)
		p.waitFor(`Array.from(document.querySelectorAll("#explore-children .ex-data")).some(e => e.textContent.startsWith("<script>window.__xss"))`, 0, "")
		noXSS(p)
		checkMarker(p, "hostile lookup")
	})

	t.Run("refused requests", func(t *testing.T) {
		token := liveToken(t, srv)
		post := func(path, origin, tok, body string) (int, string) {
			req, _ := http.NewRequest("POST", srv.url(path), strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if origin != "" {
				req.Header.Set("Origin", origin)
			}
			if tok != "" {
				req.Header.Set("X-SR-Token", tok)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		origin := strings.TrimSuffix(srv.base, "/")
		inv := `{"scan":"initech-2026-11-21","investigation":"sneaky","member":true}`
		look := `{"scan":"j-smith-mailbox-2026-11-22","element":"ROOT","lookup":"example"}`
		for _, c := range []struct {
			name, path, origin, token, body string
			code                            int
		}{
			{"investigation, no token", "_sr/api/investigation", origin, "", inv, 403},
			{"investigation, other origin", "_sr/api/investigation", "http://evil.example", token, inv, 403},
			{"lookup, no token", "_sr/api/lookup", origin, "", look, 403},
			{"lookup, other origin", "_sr/api/lookup", "http://evil.example", token, look, 403},
			{"lookup on an automated scan", "_sr/api/lookup", origin, token, `{"scan":"initech-2026-11-21","element":"ROOT","lookup":"example"}`, 409},
			{"unknown lookup", "_sr/api/lookup", origin, token, `{"scan":"j-smith-mailbox-2026-11-22","element":"ROOT","lookup":"nope"}`, 409},
		} {
			if code, body := post(c.path, c.origin, c.token, c.body); code != c.code {
				t.Errorf("%s: %d %s, want %d", c.name, code, body, c.code)
			}
		}
		review, _ := os.ReadFile(filepath.Join(scans, "initech-2026-11-21", scan.ReviewFile))
		if strings.Contains(string(review), "sneaky") {
			t.Error("a refused request was recorded")
		}
	})

	// Editing config.toml takes effect without a restart: the hostile
	// lookup is gone from live.js and refused, the other is relabelled.
	t.Run("config reload", func(t *testing.T) {
		if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`[lookups]
[[lookups.command]]
name = "example"
label = "Example lookup, edited"
types = ["*"]
argv = [%q, "{type}", "{data}"]
`, example)), 0o644); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(15 * time.Second)
		var body string
		for {
			resp, err := http.Get(srv.url("live.js"))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			if strings.Contains(body, "Example lookup, edited") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("live.js still has the old lookups: %s", body)
			}
			time.Sleep(100 * time.Millisecond)
		}
		if strings.Contains(body, "hostile") {
			t.Errorf("the removed lookup is still offered: %s", body)
		}
		req, _ := http.NewRequest("POST", srv.url("_sr/api/lookup"), strings.NewReader(`{"scan":"j-smith-mailbox-2026-11-22","element":"ROOT","lookup":"hostile"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", strings.TrimSuffix(srv.base, "/"))
		req.Header.Set("X-SR-Token", liveToken(t, srv))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 409 || !strings.Contains(string(b), "no lookup") {
			t.Errorf("the removed lookup ran: %d %s", resp.StatusCode, b)
		}
		// The config change rebuilt the site: its pages are served from the
		// new folder.
		for _, rel := range []string{"index.html", "scans/j-smith-mailbox-2026-11-22/explore.html"} {
			resp, err := http.Get(srv.url(rel))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("GET %s after the rebuild: %d", rel, resp.StatusCode)
			}
		}
	})
}

// liveToken reads the server's token from live.js.
func liveToken(t *testing.T, srv *liveServer) string {
	t.Helper()
	resp, err := http.Get(srv.url("live.js"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	s := strings.TrimSuffix(strings.TrimPrefix(string(b), "window.__srLive="), ";\n")
	var cfg struct{ Token string }
	if err := json.Unmarshal([]byte(s), &cfg); err != nil || cfg.Token == "" {
		t.Fatalf("live.js %q: %v", b, err)
	}
	return cfg.Token
}

// TestBenchCompare times Compare on two runs of one target of 700,000
// elements each (the page compares at most 1,500,000 elements together):
// from navigation to the summary on screen, from file://. Only with
// SCANREPORT_BENCH=1.
func TestBenchCompare(t *testing.T) {
	needBench(t)
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	const n = 700_000
	for i, id := range []string{"run-a", "run-b"} {
		if err := sample.Write(scans, sample.Options{ID: id, Name: "Compare benchmark " + id, Target: "bench.example",
			Kind: scan.KindAutomated, Status: scan.StatusFinished, Elements: n, Seed: uint64(1 + i),
			Start: time.Date(2026, 11, 1+7*i, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := generator.Build(context.Background(), sitecheck.BuildOptions(scans, out)); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	var lines []string
	for _, run := range []string{"cold", "warm"} {
		p := b.open(t, fileURL(out, "compare.html")+"#a=run-a&b=run-b")
		p.waitFor(`!document.getElementById("compare-summary").hidden && !document.getElementById("compare-result").hasAttribute("aria-busy")`, 3*time.Minute,
			`document.getElementById("compare-status").textContent`)
		ms := evalT[float64](p, `performance.now()`)
		stat := func(cls string) int {
			return num(evalT[string](p, `document.querySelector("#compare-summary .stat.`+cls+` .value").textContent`))
		}
		heap := evalT[float64](p, `performance.memory ? performance.memory.usedJSHeapSize / 1e6 : 0`)
		lines = append(lines, fmt.Sprintf("compare 2 × %s elements (%s): summary on screen %.0f ms after navigation; %s appeared, %s disappeared, %s stayed; JS heap %.0f MB",
			comma(n), run, ms, comma(stat("cmp-appeared")), comma(stat("cmp-disappeared")), comma(stat("cmp-stayed")), heap))
	}
	for _, l := range lines {
		t.Log(l)
	}
}
