package e2e

// Browser tests of search (docs/site-format.md, "Search"): the header's
// search box filtering an element table in place, the search page of a
// scan, the search over all scans, and hostile values. Every expectation is
// computed here in Go from the scan model.

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/net/html"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/internal/testread"
)

// matcher is a search box query as the page reads it, in Go: exact (the
// whole value, any case), wildcard (* is any run, anchored at both ends, any
// case) or /regex/flags (found anywhere).
func matcher(t testing.TB, q string) func(string) bool {
	t.Helper()
	if m := regexp.MustCompile(`^/(.+)/([imsu]*)$`).FindStringSubmatch(q); m != nil {
		flags := strings.ReplaceAll(m[2], "u", "")
		pre := ""
		if flags != "" {
			pre = "(?" + flags + ")"
		}
		re := regexp.MustCompile(pre + m[1])
		return re.MatchString
	}
	if strings.Contains(q, "*") {
		parts := strings.Split(q, "*")
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		re := regexp.MustCompile(`(?is)^` + strings.Join(parts, ".*") + `$`)
		return re.MatchString
	}
	return func(v string) bool { return strings.EqualFold(v, q) }
}

// searchResult is what the box says after a search.
type searchResult struct {
	Count string // #search-count
	Error string // #search-error
}

// search types q into the header's search box (replacing what is there),
// waits until the page has searched it, and returns what the box says.
func search(p *tab, q string) searchResult {
	p.t.Helper()
	evalT[bool](p, `(i => (i.value = "", i.focus(), true))(document.querySelector("#search-q"))`)
	p.typeText("#search-q", q)
	return waitSearch(p, q)
}

// waitSearch waits until the box has handed q to the page and the page
// has answered (a count or an error under the box).
func waitSearch(p *tab, q string) searchResult {
	p.t.Helper()
	p.waitFor(`(() => {
		const h = new URLSearchParams(location.hash.slice(1)).get("q") || "";
		const box = document.querySelector("#site-search"), c = document.querySelector("#search-count"), e = document.querySelector("#search-error");
		return h === `+jsString(q)+` && !box.hasAttribute("aria-busy") && ((!c.hidden && /^[\d,]+ /.test(c.textContent) && !/so far/.test(c.textContent)) || !e.hidden);
	})()`, 30*time.Second, `document.querySelector("#search-count").textContent + " | " + document.querySelector("#search-error").textContent + " | " + location.hash`)
	return evalT[searchResult](p, `({Count: (e => e.hidden ? "" : e.textContent)(document.querySelector("#search-count")),
		Error: (e => e.hidden ? "" : e.textContent)(document.querySelector("#search-error"))})`)
}

var countRe = regexp.MustCompile(`^([\d,]+) (match|matches|matching value|matching values) in [\d.,]+ ms`)

// matches reads the number of matches the box reports; it fails the test
// when the box shows an error or no count.
func matches(t testing.TB, r searchResult) int {
	t.Helper()
	m := countRe.FindStringSubmatch(r.Count)
	if m == nil || r.Error != "" {
		t.Fatalf("no match count under the search box: count %q, error %q", r.Count, r.Error)
	}
	return num(m[1])
}

// pressKey sends one key to the focused element.
func pressKey(p *tab, key string) {
	p.t.Helper()
	p.run("press "+key, chromedp.KeyEvent(key))
}

// enterNav presses Enter in the focused element and waits for the page it
// opens to load.
func enterNav(p *tab) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, wait)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		p.t.Fatalf("press Enter and wait for the next page: %v", err)
	}
}

// typeOf returns the scan's type with the given code.
func typeOf(t testing.TB, s *model.Scan, code string) *model.TypeStat {
	t.Helper()
	for _, ty := range types(s) {
		if ty.Code == code {
			return ty
		}
	}
	t.Fatalf("scan %s has no %s elements", s.Meta.ID, code)
	return nil
}

// expectRows lists the type's rows that q matches, in arrival order: their
// data, as a table cell shows it.
func expectRows(t testing.TB, s *model.Scan, ty *model.TypeStat, q string, alsoSource bool, keep func(i int32) bool) []string {
	match := matcher(t, q)
	var out []string
	for _, i := range ty.Elements {
		if (match(s.Elements[i].Data) || (alsoSource && match(s.SourceData(i)))) && (keep == nil || keep(i)) {
			out = append(out, shown(s.Elements[i].Data))
		}
	}
	return out
}

func cellsOf(rs []row, col string) []string {
	out := make([]string, len(rs))
	for k, r := range rs {
		out[k] = r.Cells[col]
	}
	return out
}

// TestSearchElementTable types each kind of search into the element table
// of the finished sample scan and checks the rows against the model.
func TestSearchElementTable(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)

	check := func(t *testing.T, p *tab, ty *model.TypeStat, q string, src bool, want []string) {
		t.Helper()
		r := search(p.on(t), q)
		if n := matches(t, r); n != len(want) {
			t.Errorf("%q: the box says %d matches (%q), want %d", q, n, r.Count, len(want))
		}
		got := cellsOf(scrollAll(p.on(t), elementHost), "c-data")
		if !slices.Equal(got, want) {
			t.Errorf("%q: rows %q,\nwant %q", q, got, want)
		}
		if rc := num(p.on(t).text("#row-count")); rc != len(want) {
			t.Errorf("%q: #row-count says %d", q, rc)
		}
		if !strings.Contains(p.on(t).text("#row-count"), fmt.Sprintf(" of %s", commaInt(ty.Total()))) && len(want) != ty.Total() {
			t.Errorf("%q: #row-count %q does not say of how many", q, p.on(t).text("#row-count"))
		}
	}

	t.Run("exact 404 in HTTP Status Code", func(t *testing.T) {
		ty := typeOf(t, s, "HTTP_CODE")
		p := openTypePage(t, b, f, id, ty)
		want := expectRows(t, s, ty, "404", false, nil)
		if len(want) == 0 || len(want) == ty.Total() {
			t.Fatalf("the sample scan has %d pages not found of %d: not a useful test", len(want), ty.Total())
		}
		check(t, p, ty, "404", false, want)
		// Exact means equal: "40" matches nothing, not every 40x.
		check(t, p, ty, "40", false, nil)
		p.check()
	})

	t.Run("wildcard *:22 in Open TCP Port", func(t *testing.T) {
		ty := typeOf(t, s, "TCP_PORT_OPEN")
		p := openTypePage(t, b, f, id, ty)
		want := expectRows(t, s, ty, "*:22", false, nil)
		if len(want) == 0 || len(want) == ty.Total() {
			t.Fatalf("%d of %d ports are 22: not a useful test", len(want), ty.Total())
		}
		for _, v := range want {
			if !strings.HasSuffix(v, ":22") {
				t.Fatalf("the expectation holds %q", v)
			}
		}
		check(t, p, ty, "*:22", false, want)
		// Anchored at both ends: ":22" alone (no star) is an exact value.
		check(t, p, ty, ":22", false, nil)
		p.check()
	})

	t.Run("regex with flags and an invalid regex", func(t *testing.T) {
		ty := typeOf(t, s, "INTERNET_NAME")
		p := openTypePage(t, b, f, id, ty)
		upper := `/^WWW\.ACME/`
		check(t, p, ty, upper, false, nil) // case matters without i
		want := expectRows(t, s, ty, `/^WWW\.ACME/i`, false, nil)
		if len(want) == 0 {
			t.Fatal("no www.acme… names in the sample scan")
		}
		check(t, p, ty, `/^WWW\.ACME/i`, false, want)

		r := search(p.on(t), `/(/`)
		if !strings.Contains(r.Error, "Invalid regular expression") || r.Count != "" {
			t.Errorf(`/(/: count %q, error %q; want an error and no count`, r.Count, r.Error)
		}
		if strings.Contains(r.Error, "/(/") {
			t.Errorf("the error repeats the pattern: %q", r.Error)
		}
		if !evalT[bool](p, `document.querySelector("#search-q").getAttribute("aria-invalid") === "true"`) {
			t.Error("the box is not marked invalid")
		}
		for _, bad := range []string{`/a/g`, `//`} {
			if r := search(p.on(t), bad); r.Error == "" {
				t.Errorf("%s: no error (count %q)", bad, r.Count)
			}
		}
		// A linear-time automaton runs every pattern (static/src/search/regex.ts): a leading .*
		// and nested quantifiers are searched like any other; what it
		// cannot run is refused with a sentence naming the construct.
		check(t, p, ty, `/.*acme.*/`, false, expectRows(t, s, ty, `/.*acme.*/`, false, nil))
		check(t, p, ty, `/^(w+)+\.(\w+\.?)+$/i`, false, expectRows(t, s, ty, `/^(w+)+\.(\w+\.?)+$/i`, false, nil))
		for q, want := range map[string]string{
			`/(a)\1/`:      "A backreference (\\1) is not supported",
			`/www(?=\.)/`:  "Lookahead (?=…) is not supported",
			`/(?<!x)acme/`: "Negative lookbehind (?<!…) is not supported",
		} {
			r := search(p.on(t), q)
			if !strings.HasPrefix(r.Error, want) || r.Count != "" {
				t.Errorf("%s: count %q, error %q; want an error starting %q", q, r.Count, r.Error, want)
			}
		}
		p.check()
	})

	t.Run("source toggle", func(t *testing.T) {
		ty := typeOf(t, s, "HTTP_CODE")
		p := openTypePage(t, b, f, id, ty)
		q := "*/careers*"
		without := expectRows(t, s, ty, q, false, nil)
		with := expectRows(t, s, ty, q, true, nil)
		if len(without) != 0 || len(with) == 0 {
			t.Fatalf("%q: %d rows by data, %d by source too: not a useful test", q, len(without), len(with))
		}
		check(t, p, ty, q, false, without)
		p.click("#search-source")
		r := waitSearch(p, q)
		if n := matches(t, r); n != len(with) {
			t.Errorf("with the source: %d matches, want %d", n, len(with))
		}
		rs := scrollAll(p, elementHost)
		if got := cellsOf(rs, "c-data"); !slices.Equal(got, with) {
			t.Errorf("with the source: rows %q, want %q", got, with)
		}
		for _, x := range rs {
			if !strings.Contains(strings.ToLower(x.Cells["c-source"]), "/careers") {
				t.Errorf("row %d: source %q does not match", x.Pos, x.Cells["c-source"])
			}
		}
		if !strings.Contains(p.location(), "src=1") {
			t.Errorf("the hash does not keep the toggle: %s", p.location())
		}
		// The state survives a reload.
		p.nav(p.location())
		waitLoaded(p, len(with), 0)
		if got := cellsOf(scrollAll(p, elementHost), "c-data"); !slices.Equal(got, with) || evalT[string](p, `document.querySelector("#search-q").value`) != q || !evalT[bool](p, `document.querySelector("#search-source").checked`) {
			t.Errorf("after a reload: %d rows, box %q", len(got), evalT[string](p, `document.querySelector("#search-q").value`))
		}
		p.check()
	})

	t.Run("hide false positives and the unique view", func(t *testing.T) {
		var ty *model.TypeStat
		var q string
		for _, x := range types(s) {
			if x.FP == 0 {
				continue
			}
			for _, i := range x.Elements {
				d := s.Elements[i].Data
				if s.Elements[i].Is(model.FlagFP) && !strings.ContainsAny(d, "*/") && strings.TrimSpace(d) == d && d != "" {
					n := len(expectRows(t, s, x, d, false, nil))
					if n > 1 && (ty == nil || n > len(expectRows(t, s, ty, q, false, nil))) {
						ty, q = x, d
					}
				}
			}
		}
		if ty == nil {
			t.Fatal("no false positive whose value occurs more than once")
		}
		notFP := func(i int32) bool { return !s.Elements[i].Is(model.FlagFP) }
		all := expectRows(t, s, ty, q, false, nil)
		kept := expectRows(t, s, ty, q, false, notFP)
		t.Logf("type %s, value %q: %d rows, %d not false positives", ty.Code, q, len(all), len(kept))
		p := openTypePage(t, b, f, id, ty)
		check(t, p, ty, q, false, all)
		p.click("#hide-fp")
		p.waitFor(`/^`+regexpNum(len(kept))+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0, `document.querySelector("#row-count").textContent`)
		if got := cellsOf(scrollAll(p, elementHost), "c-data"); !slices.Equal(got, kept) {
			t.Errorf("search and hide FP: rows %q, want %q", got, kept)
		}
		if n := num(p.text("#search-count")); n != len(kept) {
			t.Errorf("search and hide FP: the box says %q, want %d", p.text("#search-count"), len(kept))
		}
		// Unique view: the distinct values among the kept rows.
		distinct := slices.Compact(slices.Sorted(slices.Values(kept)))
		p.click(`input[name=view][value=unique]`)
		p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-unique:not([hidden])") && /^`+regexpNum(len(distinct))+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0, `document.querySelector("#row-count").textContent`)
		u := scrollAll(p, elementHost)
		got := slices.Sorted(slices.Values(cellsOf(u, "c-data")))
		if !slices.Equal(got, distinct) {
			t.Errorf("unique view: %q, want %q", got, distinct)
		}
		sum := 0
		for _, x := range u {
			sum += num(x.Cells["c-count"])
		}
		if sum != len(kept) {
			t.Errorf("unique view: counts add up to %d, want %d", sum, len(kept))
		}
		if !strings.Contains(p.text("#search-count"), "matching value") {
			t.Errorf("unique view: the box says %q", p.text("#search-count"))
		}
		p.click(`input[name=view][value=full]`)
		p.click("#hide-fp")
		p.waitFor(`/^`+regexpNum(len(all))+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0, `document.querySelector("#row-count").textContent`)
		p.check()
	})

	t.Run("clearing restores the view", func(t *testing.T) {
		ty := types(s)[0]
		p := openTypePage(t, b, f, id, ty)
		// Sort descending by data, scroll down, check a row.
		for range 2 {
			p.click(elementHost + " .vt-grid:not([hidden]) .vt-th.c-data button")
		}
		p.waitFor(`document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data").getAttribute("aria-sort") === "descending"`, 0, "")
		top := evalT[int](p, `(g => (g.scrollTop = 40 * g.querySelector(".vt-body .vt-row").offsetHeight, g.scrollTop))(__e2e.grid("#element-table"))`)
		p.waitFor(`__e2e.rows("#element-table")[0]?.pos > 20`, 0, "")
		first := rows(p, elementHost)[12]
		p.click(fmt.Sprintf(`#element-table .vt-row[aria-rowindex="%d"]:not([hidden]) input.row-select`, first.Pos+2))
		p.waitFor(`/1 selected/.test(document.querySelector("#row-count").textContent)`, 0, `document.querySelector("#row-count").textContent`)
		before := rows(p, elementHost)

		q := "*" + strings.ToUpper(s.Meta.Target[:3]) + "*"
		n := len(expectRows(t, s, ty, q, false, nil))
		r := search(p, q)
		if matches(t, r) != n {
			t.Errorf("%q: %q, want %d matches", q, r.Count, n)
		}
		if st := evalT[int](p, `__e2e.grid("#element-table").scrollTop`); st != 0 && n > 0 {
			t.Errorf("the results start scrolled to %d", st)
		}
		pressKey(p, kb.Escape)
		p.waitFor(`!new URLSearchParams(location.hash.slice(1)).has("q") && document.querySelector("#search-count").hidden && document.querySelector("#search-q").value === ""`, 0, "location.hash")
		p.waitFor(`/^`+regexpNum(ty.Total())+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0, `document.querySelector("#row-count").textContent`)
		if got := evalT[int](p, `__e2e.grid("#element-table").scrollTop`); got != top {
			t.Errorf("scrollTop %d after clearing, want %d", got, top)
		}
		p.waitFor(`__e2e.rows("#element-table")[0]?.pos === `+fmt.Sprint(before[0].Pos), 0, `JSON.stringify(__e2e.rows("#element-table")[0])`)
		after := rows(p, elementHost)
		if !slices.Equal(cellsOf(after, "c-data"), cellsOf(before, "c-data")) {
			t.Errorf("rows after clearing differ from before the search")
		}
		if dir := evalT[string](p, `document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data").getAttribute("aria-sort")`); dir != "descending" {
			t.Errorf("sort after clearing: %q", dir)
		}
		if !strings.Contains(p.text("#row-count"), "1 selected") {
			t.Errorf("selection after clearing: %q", p.text("#row-count"))
		}
		if strings.Contains(p.location(), "q=") {
			t.Errorf("the hash keeps the cleared search: %s", p.location())
		}
		p.check()
	})
}

func commaInt(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// waitSearchPage waits until a search page has loaded every element and
// handed it to the search worker.
func waitSearchPage(p *tab, total int) {
	p.t.Helper()
	p.waitFor(`(e => !!e && !e.hasAttribute("aria-busy") && e.getAttribute("data-rows") === "`+fmt.Sprint(total)+`")(document.querySelector("#search-results"))`, time.Minute,
		`document.querySelector("#search-progress").textContent`)
}

// TestSearchScanPage searches every element of a scan: a regex over all
// types (the Type column says which), then opens a result.
func TestSearchScanPage(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)

	// From the overview: Enter opens the scan's search page with the query.
	p := b.open(t, f.url("scans/"+id+"/index.html"))
	q := `/\d+\.\d+\.\d+\.\d+/`
	p.waitSel("#site-search:not([hidden]) #search-q")
	p.typeText("#search-q", q)
	enterNav(p)
	if !strings.HasSuffix(strings.Split(p.location(), "#")[0], "scans/"+id+"/search.html") {
		t.Fatalf("Enter on the overview opened %s", p.location())
	}
	waitSearchPage(p, s.Count())
	r := waitSearch(p, q)

	match := matcher(t, q)
	type hit struct{ Type, Data string }
	var want []hit
	// The page lists the manifest's types in order, each in arrival order.
	m := testread.ReadManifest(t, f.Site, id)
	for _, mt := range m.Types {
		var ty *model.TypeStat
		for _, x := range s.Types {
			if x.Slug == mt.Slug {
				ty = x
			}
		}
		for _, i := range ty.Elements {
			if match(s.Elements[i].Data) {
				want = append(want, hit{ty.Description, shown(s.Elements[i].Data)})
			}
		}
	}
	typesHit := map[string]bool{}
	for _, h := range want {
		typesHit[h.Type] = true
	}
	t.Logf("%s: %d matches in %d types", q, len(want), len(typesHit))
	if len(typesHit) < 2 {
		t.Errorf("the regex finds matches in %d types: not a test across types", len(typesHit))
	}
	if n := matches(t, r); n != len(want) {
		t.Errorf("the box says %d matches, want %d", n, len(want))
	}
	var got []hit
	for _, x := range scrollAll(p, "#search-results") {
		got = append(got, hit{x.Cells["c-type"], x.Cells["c-data"]})
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d rows; want %d (first difference at %d)", len(got), len(want), firstDiff(got, want))
	}

	// A row opens its detail, which links to its element table.
	openRow(p, "#search-results", 0, ".c-data")
	p.waitFor(`!!document.querySelector("#search-detail:not([hidden])")`, 0, "")
	href := evalT[string](p, `document.querySelector("#search-detail a.detail-open").getAttribute("href")`)
	if want := "types/" + typeSlug(s, want[0].Type) + ".html"; href != want {
		t.Errorf("the detail links to %q, want %q", href, want)
	}
	if got := p.text("#search-detail .detail-data"); shown(got) != want[0].Data {
		t.Errorf("the detail shows %q, want %q", got, want[0].Data)
	}
	p.clickNav("#search-detail a.detail-open")
	if !strings.Contains(p.location(), "/types/") {
		t.Errorf("the link opened %s", p.location())
	}
	p.check()
}

func typeSlug(s *model.Scan, descr string) string {
	for _, ty := range s.Types {
		if ty.Description == descr {
			return ty.Slug
		}
	}
	return ""
}

func firstDiff[T comparable](a, b []T) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestSearchAllScans searches from the scan list: results over every scan,
// grouped by scan under a header row, in the order of data/scans.js.
func TestSearchAllScans(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	var list struct {
		Scans []struct {
			ID, Name, Target, Data string
			Count                  int
		}
	}
	testread.Payload(t, filepath.Join(f.Site, "data", "scans.js"), &list)
	total := 0
	for _, sc := range list.Scans {
		total += sc.Count
	}

	p := b.open(t, f.url("index.html"))
	q := `/\d+\.\d+\.\d+\.\d+/`
	p.waitSel("#site-search:not([hidden]) #search-q")
	p.typeText("#search-q", q)
	enterNav(p)
	if !strings.HasSuffix(strings.Split(p.location(), "#")[0], "/search.html") || strings.Contains(p.location(), "/scans/") {
		t.Fatalf("Enter on the scan list opened %s", p.location())
	}
	waitSearchPage(p, total)
	r := waitSearch(p, q)

	match := matcher(t, q)
	type group struct {
		Name string
		Rows []string
	}
	var want []group
	sum := 0
	for _, sc := range list.Scans {
		s := f.scan(t, sc.ID)
		m := testread.ReadManifest(t, f.Site, sc.ID)
		g := group{Name: sc.Name}
		for _, mt := range m.Types {
			for _, ty := range s.Types {
				if ty.Slug != mt.Slug {
					continue
				}
				for _, i := range ty.Elements {
					if match(s.Elements[i].Data) {
						g.Rows = append(g.Rows, shown(s.Elements[i].Data))
					}
				}
			}
		}
		if len(g.Rows) > 0 {
			want = append(want, g)
			sum += len(g.Rows)
		}
	}
	if len(want) < 2 {
		t.Fatalf("matches in %d scans: not a test of grouping", len(want))
	}
	if n := matches(t, r); n != sum {
		t.Errorf("the box says %d matches, want %d", n, sum)
	}
	if !strings.Contains(r.Count, fmt.Sprintf("in %d scans", len(want))) {
		t.Errorf("the box says %q, want it to say in how many scans", r.Count)
	}
	var got []group
	for _, x := range scrollAll(p, "#search-results") {
		if strings.Contains(x.Cls, "vt-group") {
			got = append(got, group{Name: x.Cells["c-scan"]})
			continue
		}
		if len(got) == 0 {
			t.Fatalf("row %d comes before any scan header", x.Pos)
		}
		g := &got[len(got)-1]
		if !strings.HasPrefix(g.Name, x.Cells["c-scan"]+" · ") {
			t.Errorf("row %d of scan %q is under the header %q", x.Pos, x.Cells["c-scan"], g.Name)
		}
		g.Rows = append(g.Rows, x.Cells["c-data"])
	}
	if len(got) != len(want) {
		t.Fatalf("%d scan groups, want %d", len(got), len(want))
	}
	for k := range want {
		if !strings.HasPrefix(got[k].Name, want[k].Name+" · ") || !strings.HasSuffix(got[k].Name, fmt.Sprintf(" · %s %s", commaInt(len(want[k].Rows)), map[bool]string{true: "match", false: "matches"}[len(want[k].Rows) == 1])) {
			t.Errorf("group %d: header %q, want %q with %d matches", k, got[k].Name, want[k].Name, len(want[k].Rows))
		}
		if !slices.Equal(got[k].Rows, want[k].Rows) {
			t.Errorf("group %q: %d rows, want %d", want[k].Name, len(got[k].Rows), len(want[k].Rows))
		}
	}

	// A result opens its detail, with links to its scan and its table.
	openRow(p, "#search-results", 1, ".c-data")
	p.waitFor(`!!document.querySelector("#search-detail:not([hidden])")`, 0, "")
	href := evalT[string](p, `document.querySelector("#search-detail a.detail-open").getAttribute("href")`)
	if !regexp.MustCompile(`^scans/[A-Za-z0-9._-]+/types/[A-Za-z0-9._-]+\.html$`).MatchString(href) {
		t.Errorf("the detail links to %q", href)
	}
	p.clickNav("#search-detail a.detail-open")
	p.waitFor(`__e2e.rows("#element-table").length > 0`, 0, "")
	p.check()
}

// TestSearchXSS searches the XSS scan for payloads: the results show them
// as text and nothing runs; a pattern that hangs is stopped and reported,
// and the next search works.
func TestSearchXSS(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	s := f.scan(t, xssID)
	p := b.open(t, f.url("scans/"+xssID+"/search.html"))
	waitSearchPage(p, s.Count())

	for _, q := range []string{"*<script>*", `*"><svg*`, "/<img[^>]+onerror/i"} {
		t.Run(q, func(t *testing.T) {
			p := p.on(t)
			r := search(p, q)
			match := matcher(t, q)
			want := 0
			for i := 1; i < len(s.Elements); i++ {
				if match(strings.ToValidUTF8(s.Elements[i].Data, "\uFFFD")) {
					want++
				}
			}
			if n := matches(t, r); n != want || n == 0 {
				t.Errorf("%q: %d matches, want %d (> 0)", q, n, want)
			}
			all := scrollAll(p, "#search-results")
			for _, x := range all[:min(len(all), 50)] {
				if !match(x.Cells["c-data"]) && len(x.Cells["c-data"]) < 400 {
					t.Errorf("row %d shows %q, which does not match", x.Pos, x.Cells["c-data"])
				}
			}
			openRow(p, "#search-results", 0, ".c-data")
			p.waitFor(`!!document.querySelector("#search-detail:not([hidden])")`, 0, "")
			pressKey(p, kb.Escape)
			noXSS(p)
		})
	}

	t.Run("a pattern that hung the browser's RegExp", func(t *testing.T) {
		p := p.on(t)
		// Catastrophic backtracking on the long values, made of runs of A:
		// seconds per value in V8, so the page used to stop the worker.
		// The search's automaton (static/src/search/match.ts) is linear in
		// each value: it answers, and with what Go's (linear) regexp finds.
		q := `/((A+)+)+B/`
		match := matcher(t, q)
		want := 0
		for i := 1; i < len(s.Elements); i++ {
			if match(strings.ToValidUTF8(s.Elements[i].Data, "\uFFFD")) {
				want++
			}
		}
		t0 := time.Now()
		r := search(p, q)
		t.Logf("answered after %v", time.Since(t0).Round(time.Millisecond))
		if n := matches(t, r); n != want {
			t.Errorf("%s: %d matches, want %d", q, n, want)
		}
		r = search(p, "*<script>*")
		if matches(t, r) == 0 {
			t.Error("no search after it")
		}
		noXSS(p)
	})
	p.check()

	// Over all scans, through the scan list's box.
	q := "*__xss*"
	pa := b.open(t, f.url("search.html")+"#q="+strings.ReplaceAll(q, "*", "%2A"))
	waitSearchPage(pa, totalElements(f))
	r := waitSearch(pa, q)
	if matches(t, r) == 0 {
		t.Error("no payload found over all scans")
	}
	for _, x := range scrollAll(pa, "#search-results") {
		if strings.Contains(x.Cls, "vt-group") && !strings.HasPrefix(x.Cells["c-scan"], f.scan(t, xssID).Meta.Name) {
			t.Errorf("a scan without payloads matched: %q", x.Cells["c-scan"])
		}
	}
	openRow(pa, "#search-results", 1, ".c-data")
	pa.waitFor(`!!document.querySelector("#search-detail:not([hidden])")`, 0, "")
	noXSS(pa)
	pa.check()
}

func totalElements(f *fixture) int {
	n := 0
	for _, id := range f.ids {
		n += f.scans[id].Count()
	}
	return n
}

// TestSearchBoxMarkup checks the header's search box in every built page:
// present once, hidden until the bundle runs, with the scope of the page,
// and the search page Enter opens where it does not search in place.
func TestSearchBoxMarkup(t *testing.T) {
	f := site(t)
	for _, rel := range testread.HTMLFiles(t, f.Site) {
		doc := sitecheck.ParseHTML(t, f.Site, rel)
		var boxes []*html.Node
		var kind string
		ids := map[string]int{}
		sitecheck.Walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			if id, ok := sitecheck.Attr(n, "id"); ok {
				ids[id]++
				if id == "site-search" {
					boxes = append(boxes, n)
				}
			}
			if n.Data == "body" {
				kind, _ = sitecheck.Attr(n, "data-page")
			}
		})
		if len(boxes) != 1 {
			t.Errorf("%s: %d search boxes", rel, len(boxes))
			continue
		}
		box := boxes[0]
		for _, id := range []string{"search-q", "search-source", "search-count", "search-error"} {
			if ids[id] != 1 {
				t.Errorf("%s: %d #%s", rel, ids[id], id)
			}
		}
		if _, hidden := sitecheck.Attr(box, "hidden"); !hidden {
			t.Errorf("%s: the search box shows before the bundle runs", rel)
		}
		if role, _ := sitecheck.Attr(box, "role"); role != "search" {
			t.Errorf("%s: role=%q", rel, role)
		}
		scope, _ := sitecheck.Attr(box, "data-scope")
		target, hasTarget := sitecheck.Attr(box, "data-target")
		want := map[string][2]string{ // kind → scope, target
			"scans":           {"all", "search.html"},
			"search-all":      {"all", ""},
			"overview":        {"scan", "search.html"},
			"browse":          {"scan", "search.html"},
			"settings":        {"scan", "search.html"},
			"log":             {"scan", "search.html"},
			"search":          {"scan", ""},
			"elements":        {"type", ""},
			"correlations":    {"scan", "search.html"},
			"global-settings": {"all", "search.html"},
			// docs/investigations.md
			"scan-investigations": {"scan", "search.html"},
			"explore":             {"scan", "search.html"},
			"investigations":      {"all", "../search.html"},
			"investigation":       {"all", "../search.html"},
			"compare":             {"all", "search.html"},
			// docs/graphs.md: the graph searches its nodes in place
			"graph":     {"graph", ""},
			"visualise": {"scan", "search.html"},
		}[kind]
		if scope != want[0] || target != want[1] || hasTarget != (want[1] != "") {
			t.Errorf("%s (%s): scope %q target %q; want %q %q", rel, kind, scope, target, want[0], want[1])
		}
		if want[1] != "" {
			if _, err := os.Stat(filepath.Join(f.Site, filepath.FromSlash(path.Join(path.Dir(rel), target)))); err != nil {
				t.Errorf("%s: the box opens %s, which is not in the site", rel, target)
			}
		}
		if (kind == "search" || kind == "search-all") && (ids["search-results"] != 1 || ids["search-detail"] != 1 || ids["search-progress"] != 1 || ids["hide-fp"] != 1) {
			t.Errorf("%s: the search page lacks its hooks: %v", rel, ids)
		}
	}
}

// TestSearchShortcut: "/" outside a form field puts the cursor in the box;
// in the log's filter it is just typed.
func TestSearchShortcut(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	p := b.open(t, f.url("scans/"+id+"/log.html"))
	p.waitSel("#site-search:not([hidden])")
	p.click("#log-filter")
	p.typeText("#log-filter", "a/b")
	if v := evalT[string](p, `document.querySelector("#log-filter").value`); v != "a/b" {
		t.Errorf("the log filter holds %q", v)
	}
	evalT[bool](p, `(document.activeElement.blur(), true)`)
	// One keyDown with its text, as a keyboard sends it (chromedp.KeyEvent
	// sends the text as a separate "char" event, which no page can cancel).
	p.run("press /", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, k := range []input.DispatchKeyEventParams{
			{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", WindowsVirtualKeyCode: 191},
			{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191},
		} {
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, k); err != nil {
				return err
			}
		}
		return nil
	}))
	if !evalT[bool](p, `document.activeElement === document.querySelector("#search-q")`) {
		t.Error(`"/" did not focus the search box`)
	}
	if v := evalT[string](p, `document.querySelector("#search-q").value`); v != "" {
		t.Errorf(`"/" was typed into the box: %q`, v)
	}
	p.check()
}
