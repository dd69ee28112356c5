package e2e

// The analyst's flow (issue 17): every number and finding one click from
// its elements. Bubbles and value links carry a value exactly into the
// table's search, whatever it holds; <SFURL> markers become links; the
// overview's counts, the risky list and correlations open exactly the
// elements they count; empty searches say so and offer a wider scope.

import (
	"context"
	"fmt"
	"os/user"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/scan"
)

const flowID = "analyst-flow"

// flowValues are MALICIOUS_IPADDR values with what real data holds:
// <SFURL> markers on their own line, URL-special characters, Unicode,
// CR LF, a tab, a *, a value that reads as a regex, spaces at the ends,
// a hostile marker. Each is written as often as its count says; the first
// is also written in upper case once and marked false positive once.
var flowValues = []struct {
	v string
	n int
}{
	{"AlienVault OTX [192.0.2.1]\n<SFURL>https://otx.example/indicator/ip/192.0.2.1</SFURL>", 2},
	{"a#b&c%d=e+f;g?h", 2},
	{" leading and trailing ", 1},
	{"ünïcødé 名前 😀\r\nline two", 2},
	{"star*value", 1},
	{"/looks like a regex/", 1},
	{"tab\there", 1},
	{"bad <SFURL>javascript:alert(1)</SFURL>", 1},
	{"%0A literal & \u2028 separator", 1},
}

type flowFix struct {
	once sync.Once
	site string
	s    *model.Scan
	err  error
}

var flowFixture flowFix

func analystFixture(t *testing.T) *flowFix {
	t.Helper()
	g := &flowFixture
	g.once.Do(func() {
		dir := filepath.Join(tmpRoot, "flow-fixture")
		scans := filepath.Join(dir, "scans")
		t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
		w, err := scan.Create(scans, scan.Meta{ID: flowID, Name: "Analyst flow: a deliberately long scan name, as analysts write them, that goes on and on", Target: "flow.example", TargetType: "INTERNET_NAME",
			Status: scan.StatusFinished, Created: t0, Started: t0, Ended: t0.Add(time.Hour)})
		if err != nil {
			g.err = err
			return
		}
		add := func(id, typ, data, src string) {
			if err == nil {
				_, err = w.Add(scan.Element{ID: id, Type: typ, Data: data, Source: src, Module: "sfp_test", Generated: t0.Add(time.Minute)})
			}
		}
		err = w.Root(t0)
		add("t", "INTERNET_NAME", "flow.example", "ROOT")
		add("ip", "IP_ADDRESS", "192.0.2.1", "t")
		k := 0
		for _, fv := range flowValues {
			for range fv.n {
				k++
				add("m"+strconv.Itoa(k), "MALICIOUS_IPADDR", fv.v, "ip")
			}
		}
		add("upper", "MALICIOUS_IPADDR", strings.ToUpper(flowValues[0].v), "ip")
		add("fp", "MALICIOUS_IPADDR", flowValues[0].v, "ip")
		if err == nil {
			err = w.Close()
		}
		if err == nil {
			err = scan.AppendDecision(filepath.Join(scans, flowID), scan.Decision{Op: scan.OpFPSet, Element: "fp", By: "test", Time: t0.Add(2 * time.Hour)})
		}
		if err != nil {
			g.err = err
			return
		}
		g.site = filepath.Join(dir, "site")
		if _, g.err = generator.Build(context.Background(), sitecheck.BuildOptions(scans, g.site)); g.err != nil {
			return
		}
		g.s, g.err = loadModel(scans, flowID)
	})
	if g.err != nil {
		t.Fatalf("analyst fixture: %v", g.err)
	}
	return g
}

// TestBubbleOpensExactElements clicks every bubble of a type whose values
// hold newlines, #, &, %, Unicode and the rest: the table opens with
// exactly the elements the bubble counts (false positives left out by both).
func TestBubbleOpensExactElements(t *testing.T) {
	g := analystFixture(t)
	b := newBrowser(t)
	vis := fileURL(g.site, "scans/"+flowID+"/visualise.html") + "#type=malicious_ipaddr&view=bubble-data"
	p := openVis(t, b, vis)
	type bub struct {
		Value string
		Count int
	}
	bubbles := evalT[[]bub](p, `document.getElementById("vis-stage").canvasView.chart.set.bubbles.map(b => ({Value: b.value, Count: b.count}))`)
	if len(bubbles) != len(flowValues) {
		t.Fatalf("%d bubbles, want %d", len(bubbles), len(flowValues))
	}
	for k, bb := range bubbles {
		// What the bubble should count: its value ignoring case, no false positives.
		want := 0
		for _, i := range typeElements(g.s, "MALICIOUS_IPADDR") {
			if !g.s.Elements[i].Is(model.FlagFP) && strings.EqualFold(g.s.Elements[i].Data, bb.Value) {
				want++
			}
		}
		if bb.Count != want {
			t.Errorf("bubble %q counts %d, want %d (false positives left out)", bb.Value, bb.Count, want)
		}
		if k > 0 {
			p.nav(vis)
			waitVis(p)
		}
		xy := evalT[[]float64](p, fmt.Sprintf(`(() => { const c = document.getElementById("vis-stage").canvasView, b = c.chart.set.bubbles[%d];
			c.keepPoint(b.x, b.y, c.width / 2, c.height / 2); c.paint();
			const [x, y] = c.toScreen(b.x, b.y), r = c.canvas.getBoundingClientRect(); return [r.left + x, r.top + y]; })()`, k))
		ctx, cancel := context.WithTimeout(p.ctx, wait)
		_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.MouseClickXY(xy[0], xy[1])))
		cancel()
		if err != nil {
			t.Fatalf("click bubble %q: %v", bb.Value, err)
		}
		p.waitFor(`/types\/malicious_ipaddr\.html#/.test(location.href) && !document.querySelector("#site-search").hasAttribute("aria-busy") && /^[\d,]+ match/.test(document.querySelector("#search-count").textContent)`, 30*time.Second,
			`location.href + " | " + document.querySelector("#search-count").textContent`)
		got := num(p.text("#search-count"))
		if got != bb.Count {
			t.Errorf("bubble %q (%d times) opened a table with %q (hash %s)", bb.Value, bb.Count, p.text("#search-count"), p.location())
		}
		if rc := p.text("#row-count"); !strings.HasPrefix(rc, strconv.Itoa(bb.Count)+" of ") {
			t.Errorf("bubble %q: row count %q", bb.Value, rc)
		}
	}
}

func typeElements(s *model.Scan, code string) []int32 {
	for _, ty := range s.Types {
		if ty.Code == code {
			return ty.Elements
		}
	}
	return nil
}

// TestSFURLAsLinks: marked URLs are links (http/https only, noopener
// noreferrer) in the element table, its detail panel, the overview's risky
// list and correlations; labels leave the markers out; the search matches
// the value as stored, markers included.
func TestSFURLAsLinks(t *testing.T) {
	g := analystFixture(t)
	b := newBrowser(t)
	p := b.open(t, fileURL(g.site, "scans/"+flowID+"/types/malicious_ipaddr.html"))
	p.waitFor(`document.querySelectorAll("#element-table .c-data a.sfurl").length > 0`, 30*time.Second, `document.querySelector("#row-count").textContent`)
	links := evalT[[]map[string]string](p, `[...document.querySelectorAll("#element-table a.sfurl")].map(a => ({href: a.getAttribute("href"), rel: a.rel, text: a.textContent}))`)
	for _, l := range links {
		if !strings.HasPrefix(l["href"], "https://otx.example/") || l["rel"] != "noopener noreferrer" || !strings.EqualFold(l["text"], l["href"]) {
			t.Errorf("link %v", l)
		}
	}
	if n := p.count(`a[href^="javascript"]`); n != 0 {
		t.Errorf("%d javascript: links", n)
	}
	if txt := p.html(); !strings.Contains(txt, "bad &lt;SFURL&gt;javascript:alert(1)&lt;/SFURL&gt;") {
		t.Error("the hostile marker is not shown as text")
	}
	// The detail panel of a marked value.
	evalT[bool](p, `(() => { const a = document.querySelector("#element-table .c-data a.sfurl"); a.closest(".vt-row").querySelector(".c-module").click(); return true; })()`)
	p.waitFor(`document.querySelector("#element-detail pre.detail-data a.sfurl") !== null`, 0, `document.querySelector("#element-detail")?.textContent`)
	// Searching the value as stored, markers included, finds it.
	r := search(p, "*<SFURL>https://otx.example/*")
	if num(r.Count) != 4 { // two, one in upper case, one false positive
		t.Errorf("searching the stored marker: %q, want 4 matches", r.Count)
	}

	// Labels: the bubble chart draws the value without markers.
	v := b.open(t, fileURL(g.site, "scans/"+flowID+"/visualise.html")+"#type=malicious_ipaddr&view=bubble-data")
	waitVis(v)
	if !evalT[bool](v, `(() => { const c = document.getElementById("vis-stage").canvasView; const ctx = c.canvas.getContext("2d");
		const seen = []; const orig = ctx.fillText; ctx.fillText = function(s, x, y) { seen.push(String(s)); return orig.call(this, s, x, y); };
		c.paint(); ctx.fillText = orig; window.__labels = seen; return seen.length > 0; })()`) {
		t.Fatal("the bubble chart drew no labels")
	}
	labels := evalT[[]string](v, `window.__labels`)
	for _, l := range labels {
		if strings.Contains(l, "SFURL") {
			t.Errorf("bubble label %q shows the marker", l)
		}
	}

	// The overview's risky list.
	o := b.open(t, fileURL(g.site, "scans/"+flowID+"/index.html"))
	if n := o.count(`section[data-live="risky"] a.sfurl[rel="noopener noreferrer"][href^="https://otx.example/"]`); n == 0 {
		t.Error("the risky list shows no marked URL as a link")
	}
	if n := o.count(`a[href^="javascript"]`); n != 0 {
		t.Errorf("%d javascript: links on the overview", n)
	}
}

// TestOverviewCountsOpenTheirElements follows each count of the overview
// to the elements it counts.
func TestOverviewCountsOpenTheirElements(t *testing.T) {
	f := site(t)
	id := f.finished(t)
	s := f.scan(t, id)
	b := newBrowser(t)
	p := b.open(t, f.url("scans/"+id+"/index.html"))
	tot := totalsOf(s)

	filtered := func(sel string, want int, what string) {
		t.Helper()
		p.nav(f.url("scans/" + id + "/index.html"))
		p.clickNav(sel)
		p.waitFor(`(() => { const e = document.querySelector("#search-filter"); return e && !e.hidden && !/so far/.test(e.textContent) && !document.querySelector("#search-results").hasAttribute("aria-busy"); })()`, 30*time.Second,
			`document.querySelector("#search-filter")?.textContent`)
		if got := shownCount(p); got != want {
			t.Errorf("%s: the search page shows %d (%q), the overview counts %d", what, got, p.text("#search-filter"), want)
		}
	}
	filtered("#stat-risky", tot.Risky, "risky")
	filtered("#stat-fp", tot.FP, "false positives")

	// Module bars: the first listed module.
	p.nav(f.url("scans/" + id + "/index.html"))
	mod := evalT[string](p, `document.querySelector('section[aria-labelledby="h-modules"] th a code').textContent`)
	modCount := 0
	for i := 1; i < len(s.Elements); i++ {
		if s.Module(int32(i)) == mod {
			modCount++
		}
	}
	filtered(`section[aria-labelledby="h-modules"] th a`, modCount, "module "+mod)

	// Every column of the timeline.
	p.nav(f.url("scans/" + id + "/index.html"))
	bars := evalT[[]map[string]string](p, `[...document.querySelectorAll("svg.timeline a")].map(a => ({href: a.getAttribute("href"), title: a.querySelector("title").textContent}))`)
	if len(bars) == 0 {
		t.Fatal("the timeline has no links")
	}
	for k, bar := range bars {
		if k > 3 && k != len(bars)-1 {
			continue // the first few and the last are enough in a browser
		}
		want, _ := strconv.Atoi(regexp.MustCompile(`: (\d+) `).FindStringSubmatch(bar["title"])[1])
		h := strings.SplitN(bar["href"], "#", 2)
		p.nav(f.url("scans/"+id+"/"+h[0]) + "#" + h[1])
		p.waitFor(`(() => { const e = document.querySelector("#search-filter"); return e && !e.hidden && !/so far/.test(e.textContent) && !document.querySelector("#search-results").hasAttribute("aria-busy"); })()`, 30*time.Second,
			`document.querySelector("#search-filter")?.textContent`)
		if got := shownCount(p); got != want {
			t.Errorf("timeline column %d (%s): %d elements shown, the column counts %d", k, bar["title"], got, want)
		}
	}

	// Errors in the log.
	p.nav(f.url("scans/" + id + "/index.html"))
	p.clickNav("#stat-errors")
	p.waitFor(`/ of [\d,]+ lines|^[\d,]+ lines?$/.test(document.querySelector("#log-count").textContent) && document.querySelector("#log-level").value === "errors"`, 30*time.Second, `document.querySelector("#log-count").textContent`)
	if got := num(p.text("#log-count")); got != s.Errors() {
		t.Errorf("errors in log: the log shows %q, the overview counts %d", p.text("#log-count"), s.Errors())
	}

	// A risky row opens its element, and says why it is risky.
	p.nav(f.url("scans/" + id + "/index.html"))
	// The breakdown adds up to the Risky card, and counts the elements that
	// are risky only through a HIGH correlation.
	c := config.Default()
	risky, err := eltypes.NewRisky(c.Risky.Types, c.Risky.MinRisk)
	if err != nil {
		t.Fatal(err)
	}
	byCorr := 0
	for i := 1; i < len(s.Elements); i++ {
		e := &s.Elements[i]
		if e.Is(model.FlagRisky) && !risky.Element(s.Types[e.Type].Code, int(e.Risk)) {
			byCorr++
		}
	}
	why := p.text("#risky-why")
	nums := regexp.MustCompile(`\d[\d,]*`).FindAllString(why, -1)
	if len(nums) != 4 || num(nums[0])+num(nums[1])+num(nums[3]) != tot.Risky || num(nums[3]) != byCorr {
		t.Errorf("risky breakdown %q: want three counts adding up to %d, %d through a HIGH correlation only", why, tot.Risky, byCorr)
	}
	whys := p.texts(`section[data-live="risky"] td.why`)
	for k, w := range whys {
		if w == "" {
			t.Errorf("risky row %d does not say why it is risky", k)
		}
	}
	href := evalT[string](p, `document.querySelector('section[data-live="risky"] a.open-element').getAttribute("href")`)
	m := regexp.MustCompile(`#sel=(\d+)$`).FindStringSubmatch(href)
	if m == nil {
		t.Fatalf("risky row link %q names no element", href)
	}
	idx, _ := strconv.Atoi(m[1])
	p.clickNav(`section[data-live="risky"] a.open-element`)
	p.waitFor(`document.querySelector("#element-detail pre.detail-data") !== null`, 30*time.Second, `location.href`)
	if got, want := p.text("#element-detail pre.detail-data"), s.Elements[idx].Data; got != chunkText(want) {
		t.Errorf("the risky row opened %q, want element %d %q", got, idx, want)
	}
}

// osUser is who scanreport records as deciding when config.toml names no
// analyst: the operating-system user.
func osUser(t testing.TB) string {
	t.Helper()
	u, err := user.Current()
	if err != nil || u.Username == "" {
		t.Skipf("no operating-system user: %v", err)
	}
	return u.Username
}

// shownCount reads how many elements the search page's row filter shows.
func shownCount(p *tab) int {
	p.t.Helper()
	m := regexp.MustCompile(`([\d,]+) elements?\.`).FindStringSubmatch(p.text("#search-filter"))
	if m == nil {
		p.t.Fatalf("the row filter says %q", p.text("#search-filter"))
	}
	return num(m[1])
}

// TestCorrelationsByRule: a rule in the "By rule" table shows only its
// correlations; Back shows them all again; a finding opens its elements.
func TestCorrelationsByRule(t *testing.T) {
	f := site(t)
	id := f.finished(t)
	s := f.scan(t, id)
	if len(s.Correlations) == 0 {
		t.Skip("no correlations in the sample scan")
	}
	b := newBrowser(t)
	p := b.open(t, f.url("scans/"+id+"/correlations.html"))
	all := p.count("li.finding")
	rule := evalT[string](p, `document.querySelector("tr[data-rule]").dataset.rule`)
	want := 0
	for _, c := range s.Correlations {
		if c.RuleID == rule {
			want++
		}
	}
	p.click("tr[data-rule] a.rule-filter")
	p.waitFor(`location.hash.startsWith("#rule=")`, 0, "location.hash")
	shown := evalT[[]string](p, `[...document.querySelectorAll("li.finding:not([hidden])")].map(li => li.dataset.rule)`)
	if len(shown) != min(want, all) {
		t.Errorf("rule %s: %d correlations shown, want %d", rule, len(shown), want)
	}
	for _, r := range shown {
		if r != rule {
			t.Errorf("rule %s shows a correlation of rule %s", rule, r)
		}
	}
	p.run("back", chromedp.NavigateBack())
	p.waitFor(`document.querySelectorAll("li.finding:not([hidden])").length === `+strconv.Itoa(all), 0, `location.hash`)
	// The filter box.
	p.typeText("#corr-filter", "zzz-no-such-correlation")
	p.waitFor(`document.querySelectorAll("li.finding:not([hidden])").length === 0`, 0, "")
	// A finding's element opens that element.
	if n := p.count(`li.finding a.open-element[href*="#sel="]`); n == 0 {
		t.Error("no finding links to its elements")
	}
}

// TestNoMatchesWidens: a search with no match says so and offers the
// whole scan and every scan.
func TestNoMatchesWidens(t *testing.T) {
	g := analystFixture(t)
	b := newBrowser(t)
	p := b.open(t, fileURL(g.site, "scans/"+flowID+"/types/malicious_ipaddr.html"))
	p.waitFor(`/^\d+ elements/.test(document.querySelector("#row-count").textContent)`, 30*time.Second, `document.querySelector("#row-count").textContent`)
	search(p, "192.0.2.1")
	p.waitFor(`document.querySelector("#element-table .no-matches") !== null`, 0, `document.querySelector("#element-table .vt-empty").textContent`)
	if txt := p.text("#element-table .vt-empty"); !strings.Contains(txt, "No matches") || strings.Contains(txt, "Loading") {
		t.Errorf("empty search says %q", txt)
	}
	p.clickNav("#widen-scan")
	p.waitFor(`/^[\d,]+ match/.test(document.querySelector("#search-count").textContent)`, 30*time.Second, `document.querySelector("#search-count").textContent`)
	if got := num(p.text("#search-count")); got != 1 {
		t.Errorf("widened to the scan: %q, want the 1 IP address", p.text("#search-count"))
	}
}

// TestDetailLineage: the detail panel links to the element's source and
// lists its children, each opening that element; the link works within a
// type's own page too (only the fragment changes).
func TestDetailLineage(t *testing.T) {
	g := analystFixture(t)
	s := g.s
	ip := int32(-1)
	for i := range s.Elements {
		if s.Elements[i].ID == "ip" {
			ip = int32(i)
		}
	}
	kids := 0
	for i := range s.Elements {
		if s.Elements[i].Source == ip {
			kids++
		}
	}
	m1 := typeElements(s, "MALICIOUS_IPADDR")[0]
	b := newBrowser(t)
	p := b.open(t, fileURL(g.site, "scans/"+flowID+"/types/malicious_ipaddr.html")+fmt.Sprintf("#sel=%d", m1))
	p.waitFor(`document.querySelector("#element-detail .detail-parent a.related") !== null`, 30*time.Second, `document.querySelector("#element-detail")?.textContent`)
	if got, want := p.text("#element-detail .detail-parent a.related"), "IP Address: 192.0.2.1"; got != want {
		t.Errorf("found from %q, want %q", got, want)
	}
	if got := p.text("#element-detail .detail-lineage"); !strings.Contains(got, "Nothing was found from this element") {
		t.Errorf("children of a leaf: %q", got)
	}
	p.clickNav("#element-detail .detail-parent a.related")
	p.waitFor(`document.querySelectorAll("#element-detail .detail-children a.related").length > 0`, 30*time.Second, `document.querySelector("#element-detail")?.textContent`)
	if got := p.text("#element-detail pre.detail-data"); got != "192.0.2.1" {
		t.Errorf("the source link opened %q", got)
	}
	heading := evalT[string](p, `[...document.querySelectorAll("#element-detail .detail-lineage h3")].map(h => h.textContent).join(" | ")`)
	if !strings.Contains(heading, fmt.Sprintf("Children (%d elements)", kids)) {
		t.Errorf("children heading %q, want %d children", heading, kids)
	}
	items := p.texts("#element-detail .detail-children a.related")
	if len(items) != min(kids, 20) {
		t.Errorf("%d children listed, want %d", len(items), min(kids, 20))
	}
	if len(items) > 0 && items[0] != "Malicious IP Address: "+strings.Join(strings.Fields(flowValues[0].v), " ") {
		t.Errorf("first child %q", items[0])
	}
	// The IP's own source is the target's host name, then the target.
	if got := p.text("#element-detail .detail-parent a.related"); got != "Internet Name: flow.example" {
		t.Errorf("the IP was found from %q", got)
	}
}

// TestReadOnlyFalsePositives: a report opened from a file says how to
// decide, with the command for the checked rows.
func TestReadOnlyFalsePositives(t *testing.T) {
	g := analystFixture(t)
	b := newBrowser(t)
	p := b.open(t, fileURL(g.site, "scans/"+flowID+"/types/malicious_ipaddr.html"))
	p.waitFor(`/^\d+ elements/.test(document.querySelector("#row-count").textContent)`, 30*time.Second, `document.querySelector("#row-count").textContent`)
	note := p.text("#fp-tools:not([hidden]) #fp-readonly")
	if !strings.Contains(note, "Read-only") || !strings.Contains(note, "scanreport serve") || !strings.Contains(note, "scanreport fp set "+flowID) {
		t.Errorf("read-only notice %q", note)
	}
	if n := p.count("#fp-tools button[data-fp]"); n != 0 {
		t.Errorf("%d false-positive buttons in a read-only report", n)
	}
	p.click(`#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="2"] input.row-select`)
	id := evalT[string](p, `(() => { const r = document.querySelector('#element-table .vt-row[aria-rowindex="2"]'); return r.dataset.eid || ""; })()`)
	p.waitFor(`/for the checked rows/.test(document.querySelector("#fp-readonly").textContent)`, 0, `document.querySelector("#fp-readonly").textContent`)
	if note := p.text("#fp-readonly"); !regexp.MustCompile(`scanreport fp set `+flowID+` \S+ for the checked rows`).MatchString(note) || (id != "" && !strings.Contains(note, id)) {
		t.Errorf("with a checked row the notice says %q", note)
	}
}

// TestHeaderOneLine: a long scan name does not wrap the header, and the
// first crumb ("Scans") is never cut.
func TestHeaderOneLine(t *testing.T) {
	g := analystFixture(t)
	b := newBrowser(t)
	for _, w := range []int64{1280, 1024} {
		p := b.open(t, "about:blank")
		if _, err := chromedp.Call(p.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: w, Height: 800, DeviceScaleFactor: 1}); err != nil {
			t.Fatal(err)
		}
		for _, rel := range []string{"index.html", "browse.html", "types/malicious_ipaddr.html"} {
			p.nav(fileURL(g.site, "scans/"+flowID+"/"+rel))
			// The crumbs share the brand's line (below 1180 px the search box
			// has a line of its own, by design), on one line themselves.
			rows := evalT[[]float64](p, `(() => { const r = e => document.querySelector(e).getBoundingClientRect();
				return [r(".brand").top, r(".crumbs").top, r(".crumbs").height, r(".crumbs li:first-child").height]; })()`)
			if rows[1] > rows[0]+24 || rows[2] > rows[3]*1.6 {
				t.Errorf("%d px, %s: the breadcrumb starts %.0f px below the brand and is %.0f px high (one crumb: %.0f)", w, rel, rows[1]-rows[0], rows[2], rows[3])
			}
			// Only the scan's name gives way; "Scans", "Browse" and the page's
			// own name are never cut.
			if cut := evalT[[]string](p, `[...document.querySelectorAll(".crumbs li")].filter((li, k) => k !== 1)
				.map(li => li.querySelector("a, span")).filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)`); len(cut) > 0 {
				t.Errorf("%d px, %s: crumbs cut: %q", w, rel, cut)
			}
		}
	}
}

// TestVisualiseURLState: the fragment is the one source of truth. #el=N
// shows the element's own type (and says so in the fragment), choices on
// the page are history entries that Back and Forward step through, and a
// fragment edited by hand is shown.
func TestVisualiseURLState(t *testing.T) {
	g := analystFixture(t)
	m1 := typeElements(g.s, "MALICIOUS_IPADDR")[0]
	b := newBrowser(t)
	base := fileURL(g.site, "scans/"+flowID+"/visualise.html")
	p := openVis(t, b, base+fmt.Sprintf("#el=%d", m1))
	p.waitFor(`document.querySelectorAll("#vis-chain .chain-step").length > 0`, 0, "")
	state := func() string {
		return evalT[string](p, `[location.hash, document.getElementById("vis-type").value, document.getElementById("vis-stage").dataset.view,
			document.querySelector('input[name="vis-view"]:checked').value].join(" | ")`)
	}
	want := func(what, s string) {
		t.Helper()
		p.waitFor(`(() => { const s = `+jsString(s)+`; const got = [location.hash, document.getElementById("vis-type").value, document.getElementById("vis-stage").dataset.view,
			document.querySelector('input[name="vis-view"]:checked').value].join(" | ");
			return got === s && document.querySelector("#vis-stage[data-ready]:not([aria-busy])") !== null; })()`, 20*time.Second, `location.hash + " | " + document.getElementById("vis-type").value + " | " + document.getElementById("vis-stage").dataset.view`)
		_ = what
	}
	elState := fmt.Sprintf("#type=malicious_ipaddr&view=discovery&el=%d | malicious_ipaddr | discovery | discovery", m1)
	want("an element's own type", elState)
	// Choices on the page: bubbles of the same type, then another type.
	p.click(`input[name="vis-view"][value="bubble-data"]`)
	want("bubbles", "#type=malicious_ipaddr | malicious_ipaddr | bubble-data | bubble-data")
	p.selectValue("#vis-type", "ip_address")
	want("another type", "#type=ip_address | ip_address | bubble-data | bubble-data")
	p.run("back", chromedp.NavigateBack())
	want("back once", "#type=malicious_ipaddr | malicious_ipaddr | bubble-data | bubble-data")
	p.run("back", chromedp.NavigateBack())
	want("back twice", elState)
	p.run("forward", chromedp.NavigateForward())
	want("forward", "#type=malicious_ipaddr | malicious_ipaddr | bubble-data | bubble-data")
	// A fragment edited by hand.
	evalT[bool](p, `(location.hash = "#type=ip_address&view=bubble-source", true)`)
	want("edited by hand", "#type=ip_address&view=bubble-source | ip_address | bubble-source | bubble-source")
	t.Logf("last state: %s", state())
}

// TestGraphAboveTheFold: in a 1280×900 window the graph's canvas starts
// high enough that most of it shows without scrolling.
func TestGraphAboveTheFold(t *testing.T) {
	f := site(t)
	id := f.finished(t)
	b := newBrowser(t)
	p := openGraph(t, b, f.url("scans/"+id+"/graph.html"))
	evalT[bool](p, `(window.scrollTo(0, 0), true)`)
	top := evalT[float64](p, `document.getElementById("graph").getBoundingClientRect().top`)
	inner := evalT[float64](p, `window.innerHeight`)
	t.Logf("the graph starts %.0f px down a %.0f px window", top, inner)
	if top > 330 {
		t.Errorf("the graph starts %.0f px down the page (behind explanatory text)", top)
	}
	if about := p.count("p.graph-about"); about != 1 {
		t.Errorf("the explanation moved below the graph: %d", about)
	}
}

// TestGraphSearchLabelsBestFew: a search with many matches labels only the
// best few on the graph, lists the rest beside it, and steps through them.
func TestGraphSearchLabelsBestFew(t *testing.T) {
	f := site(t)
	id := f.finished(t)
	b := newBrowser(t)
	p := openGraph(t, b, f.url("scans/"+id+"/graph.html"))
	n := searchGraph(p, "*.acme-corp.example")
	if n <= 8 {
		t.Fatalf("%d matches: not a search with many matches", n)
	}
	// What sigma draws: the reducer gives forceLabel to the labelled ones only.
	forced := evalT[int](p, `(() => { const v = document.getElementById("graph").graphView, r = v.renderer, red = r.getSetting("nodeReducer");
		let k = 0; r.getGraph().forEachNode((key, a) => { const o = red ? red(key, a) : a; if (o.forceLabel) k++; }); return k; })()`)
	if forced != 8 {
		t.Errorf("%d of %d matches are labelled on the graph, want the best 8", forced, n)
	}
	if got := p.count("#graph-matches .graph-match-list li"); got != min(n, 200) {
		t.Errorf("%d matches listed beside the graph, want %d", got, min(n, 200))
	}
	// The exact value ranks first when there is one.
	n2 := searchGraph(p, "mail.acme-corp.example")
	if first := p.text("#graph-matches .graph-match-list li button"); n2 >= 1 && first != "mail.acme-corp.example" {
		t.Errorf("first match %q for an exact value", first)
	}
	searchGraph(p, "*.acme-corp.example")
	p.click("#graph-match-next")
	first := evalT[string](p, `document.getElementById("graph").dataset.step`)
	p.click("#graph-match-next")
	second := evalT[string](p, `document.getElementById("graph").dataset.step`)
	if first == "" || first == second {
		t.Errorf("stepping: %q then %q", first, second)
	}
	if at := p.text("#graph-match-at"); !strings.HasPrefix(at, "2 of ") {
		t.Errorf("step counter %q", at)
	}
	p.click("#graph-match-prev")
	if back := evalT[string](p, `document.getElementById("graph").dataset.step`); back != first {
		t.Errorf("previous went to %q, want %q", back, first)
	}
	// The node stepped to is labelled too.
	if !evalT[bool](p, `(() => { const v = document.getElementById("graph").graphView, r = v.renderer, red = r.getSetting("nodeReducer"), k = document.getElementById("graph").dataset.step;
		return !!red(k, r.getGraph().getNodeAttributes(k)).forceLabel; })()`) {
		t.Error("the match stepped to has no label")
	}
}

// TestBenchGraphHover measures the graph page of a 200,000-element scan
// (about 22,000 nodes): time to the first frame, and the time from the
// pointer moving onto a node to the frame that shows its tooltip, for 20
// nodes. Only with SCANREPORT_BENCH=1 (docs/benchmarks.md).
func TestBenchGraphHover(t *testing.T) {
	needBench(t)
	dir := filepath.Join(tmpRoot, "bench-200k")
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := sample.Write(scans, sample.Options{ID: "bench-200k", Name: "Benchmark, 200,000 elements", Target: "bench.example",
		Kind: scan.KindAutomated, Status: scan.StatusFinished, Elements: 200_000, Seed: 1,
		Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), FalsePositives: 10}); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Build(context.Background(), sitecheck.BuildOptions(scans, out)); err != nil {
		t.Fatal(err)
	}
	gm, _ := readGraph(t, out, "bench-200k")
	t.Logf("graph: %d nodes in the entity graph, %d drawn, %d links drawn", gm.Total, gm.Nodes, gm.Edges)
	b := newBrowser(t)
	for _, label := range []string{"cold", "warm"} {
		p := b.open(t, fileURL(out, "scans/bench-200k/graph.html"))
		p.waitFor(`document.querySelector("#graph[data-complete]") !== null`, 5*time.Minute, `document.querySelector("#graph-status").textContent`)
		mark := func(name string) float64 {
			return evalT[float64](p, `(performance.getEntriesByName(`+jsString(name)+`)[0] || {startTime: -1}).startTime`)
		}
		t.Logf("%s: data loaded %.0f ms, nodes indexed %.0f ms, first frame %.0f ms, every link drawn %.0f ms", label,
			mark("sr:graph-data"), mark("sr:graph-built"), mark("sr:graph-drawn"), mark("sr:graph-complete"))
		if label != "warm" {
			continue
		}
		// What a frame costs, and with what left out: one synchronous
		// render (sigma's refresh) each, median of 5.
		cost := evalT[map[string]float64](p, `(() => { const r = document.getElementById("graph").graphView.renderer;
			const time = () => { const ts = []; for (let k = 0; k < 5; k++) { const t0 = performance.now(); r.refresh(); ts.push(performance.now() - t0); } ts.sort((a, b) => a - b); return ts[2]; };
			const out = {}; const lt = r.getSetting("labelRenderedSizeThreshold");
			out.frame = time();
			r.setSetting("labelRenderedSizeThreshold", 1e9); out.noLabels = time(); r.setSetting("labelRenderedSizeThreshold", lt);
			r.setSetting("hideEdgesOnMove", false); const er = r.getSetting("edgeReducer");
			r.setSetting("edgeReducer", (k, a) => ({...a, hidden: true})); out.noEdges = time();
			r.setSetting("labelRenderedSizeThreshold", 1e9); out.nothingButNodes = time();
			r.setSetting("labelRenderedSizeThreshold", lt); r.setSetting("edgeReducer", er); r.refresh();
			return out; })()`)
		t.Logf("one frame (sigma refresh, median of 5): %.0f ms; without labels %.0f ms; without links %.0f ms; without both %.0f ms",
			cost["frame"], cost["noLabels"], cost["noEdges"], cost["nothingButNodes"])
		// In-page clock: from the mousemove that reaches the canvas to the
		// animation frame after the tooltip shows.
		evalT[bool](p, `(() => { window.__hv = []; const tip = document.getElementById("graph-tooltip"); let t0 = 0;
			document.getElementById("graph").addEventListener("mousemove", () => { t0 = performance.now(); }, true);
			new MutationObserver(() => { if (!tip.hidden && t0) { const s = t0; t0 = 0; requestAnimationFrame(() => requestAnimationFrame(() => window.__hv.push(performance.now() - s))); } })
				.observe(tip, {attributes: true, childList: true, subtree: true}); return true; })()`)
		pts := evalT[[][]float64](p, `(() => { const v = document.getElementById("graph").graphView, r = v.renderer, g = r.getGraph(), box = r.getContainer().getBoundingClientRect();
			const out = []; const keys = g.nodes(); for (let k = 0; k < keys.length && out.length < 20; k += Math.floor(keys.length / 25) || 1) {
				const a = g.getNodeAttributes(keys[k]); const q = r.graphToViewport({x: a.x, y: a.y});
				if (q.x > 5 && q.y > 5 && q.x < box.width - 5 && q.y < box.height - 5) out.push([box.left + q.x, box.top + q.y]); }
			return out; })()`)
		for k, pt := range pts {
			hover(p, 2, 2) // away: the tooltip hides
			hover(p, pt[0], pt[1])
			_ = k
		}
		hv := evalT[[]float64](p, `window.__hv`)
		slices.Sort(hv)
		if len(hv) == 0 {
			t.Fatal("no hover measured")
		}
		t.Logf("hover to tooltip frame, %d nodes: median %.1f ms, p95 %.1f ms, max %.1f ms", len(hv), hv[len(hv)/2], hv[len(hv)*95/100], hv[len(hv)-1])
	}
}
