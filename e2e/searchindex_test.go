package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/testread"
)

// noIndexSite copies the fixture's site without its search index, so its
// search pages load every element and search them as before the index.
func noIndexSite(t *testing.T, f *fixture) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(f.Site)); err != nil {
		t.Fatal(err)
	}
	ix, err := filepath.Glob(filepath.Join(dir, "scans", "*", "data", "ix*.js"))
	if err != nil || len(ix) == 0 {
		t.Fatalf("no index files in the site (%v)", err)
	}
	for _, p := range ix {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pageResult is what a search page shows for a query: the count under the
// box and the rows (cells) in display order.
type pageResult struct {
	Count int
	Rows  []string
}

func readResult(t *testing.T, p *tab, q string, rows bool) pageResult {
	t.Helper()
	r := search(p, q)
	if r.Error != "" {
		return pageResult{Count: -1, Rows: []string{r.Error}}
	}
	res := pageResult{Count: matches(t, r)}
	if rows && res.Count <= 600 {
		for _, x := range scrollAll(p, "#search-results") {
			res.Rows = append(res.Rows, strings.Join([]string{x.Cells["c-scan"], x.Cells["c-type"], x.Cells["c-data"], x.Cells["c-source"], x.Cells["c-fp"]}, " | "))
		}
	}
	return res
}

// TestSearchIndexSameResults runs a set of queries on the search pages of
// the built site (through the index) and of the same site without its
// index (every element loaded and searched, today's search): the counts
// and the rows, in order, must be the same — exact, wildcard and regex
// queries, multi-line values, Unicode case folding, "+ source", false
// positives shown and hidden, and queries with no usable trigram.
func TestSearchIndexSameResults(t *testing.T) {
	f := site(t)
	plain := noIndexSite(t, f)
	b := newBrowser(t)
	// The copy's pages look for ix.js, find none, and load every element.
	noIndex := func(p *tab) *tab {
		p.allow("ix.js")
		return p
	}
	dropMissingIndex := func(p *tab) {
		for _, pr := range p.takeProblems() {
			if !strings.Contains(pr, "/data/ix.js") {
				t.Errorf("page problem: %s", pr)
			}
		}
	}
	queries := []string{
		"chloé wilson", "CHLOÉ WILSON", "*é*", "*wilson", "/chlo[eé]/i", "/CHLOÉ/i", "/Chloé/",
		"/<title>Acme/", "/^\\s*<meta/m", "/head>\\n/", "*<title>*", "/<title>[^<]*\\n?/s",
		"admin", "WWW*", "*.acme-corp.example", "mail*.example", "/\\d+\\.\\d+\\.\\d+\\.\\d+/", "/.*admin.*/", "/(vpn|sso|owa)\\./i",
		"*a*", "/./", "/\\d/", "80", "no-such-value.example", "/<script>/i", "*\"*", "/&lt;|<img/",
	}
	type pageSet struct {
		what   string
		index  *tab
		plain  *tab
		scanID string
	}
	var total int
	for _, id := range f.ids {
		total += f.scan(t, id).Count()
	}
	id := f.finished(t)
	pages := []pageSet{
		{what: "all scans", index: b.open(t, f.url("search.html")), plain: noIndex(b.open(t, fileURL(plain, "search.html")))},
		{what: "scan " + id, index: b.open(t, f.url("scans/"+id+"/search.html")), plain: noIndex(b.open(t, fileURL(plain, "scans/"+id+"/search.html"))), scanID: id},
	}
	for _, ps := range pages {
		want := total
		if ps.scanID != "" {
			want = f.scan(t, ps.scanID).Count()
		}
		waitSearchPage(ps.index, want)
		waitSearchPage(ps.plain, want)
		dropMissingIndex(ps.plain)
		if ps.index.text("#search-results") == "" && evalT[string](ps.index, `document.querySelector("#search-results").getAttribute("data-index") || ""`) != "1" {
			t.Fatalf("%s: the page did not search through the index", ps.what)
		}
		if evalT[string](ps.plain, `document.querySelector("#search-results").getAttribute("data-index") || ""`) != "" {
			t.Fatalf("%s: the copy without an index searched by index", ps.what)
		}
		for _, src := range []bool{false, true} {
			for _, hide := range []bool{false, true} {
				for _, p := range []*tab{ps.index, ps.plain} {
					setChecked(p, "#search-source", src)
					setChecked(p, "#hide-fp", hide)
				}
				for _, q := range queries {
					if (src || hide) && !strings.ContainsAny(q, "éÉ<") && q != "80" && q != "admin" {
						continue // every query once; the variants on a few
					}
					got := readResult(t, ps.index, q, true)
					want := readResult(t, ps.plain, q, true)
					what := fmt.Sprintf("%s, %q (source %v, hide FP %v)", ps.what, q, src, hide)
					if want.Count < 0 && got.Count >= 0 {
						// Today's search stopped the pattern (a RegExp slow on
						// long values); the index confirmed fewer values.
						t.Logf("%s: %d matches through the index; without it: %s", what, got.Count, want.Rows[0])
						continue
					}
					if got.Count != want.Count {
						t.Errorf("%s: %d matches through the index, %d without", what, got.Count, want.Count)
						continue
					}
					if len(got.Rows) != len(want.Rows) || firstDiff(got.Rows, want.Rows) != len(got.Rows) {
						k := firstDiff(got.Rows, want.Rows)
						t.Errorf("%s: rows differ at %d: %q vs %q", what, k, at(got.Rows, k), at(want.Rows, k))
					}
				}
			}
		}
		ps.index.check()
		dropMissingIndex(ps.plain)
	}
}

func at(ss []string, k int) string {
	if k < len(ss) {
		return ss[k]
	}
	return "(none)"
}

// setChecked sets a checkbox as a user would (a click when it differs).
func setChecked(p *tab, sel string, on bool) {
	p.t.Helper()
	if evalT[bool](p, `document.querySelector(`+jsString(sel)+`).checked`) != on {
		p.click(sel)
	}
}

// TestSearchIndexLoadsOnlyCandidates: a selective query loads a few chunks
// (data-chunks), a query with no usable trigram all of them.
func TestSearchIndexLoadsOnlyCandidates(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	m := testread.ReadManifest(t, f.Site, id)
	chunks := 0
	for _, ty := range m.Types {
		chunks += len(ty.Chunks)
	}
	p := b.open(t, f.url("scans/"+id+"/search.html"))
	waitSearchPage(p, f.scan(t, id).Count())
	attr := func(name string) string {
		return evalT[string](p, `document.querySelector("#search-results").getAttribute(`+jsString(name)+`) || ""`)
	}
	for _, c := range []struct {
		q    string
		scan bool
	}{{"chloé wilson", false}, {"/<title>Acme/", false}, {"*wilson", false}, {"*a*", true}, {"/\\d/", true}} {
		search(p, c.q)
		n := num(attr("data-chunks"))
		if c.scan {
			if attr("data-candidates") != "scan" || n != chunks {
				t.Errorf("%q: candidates %q, %d of %d chunks; want a scan of every chunk", c.q, attr("data-candidates"), n, chunks)
			}
		} else if attr("data-candidates") == "scan" || n >= chunks {
			t.Errorf("%q: candidates %q, %d of %d chunks; want fewer chunks than the scan has", c.q, attr("data-candidates"), n, chunks)
		}
		t.Logf("%q: %s candidates, %d of %d chunks", c.q, attr("data-candidates"), n, chunks)
	}
	p.check()
}

// TestSearchIndexTypeScope: the element table of one type searches through
// the scan's index too (the same postings, filtered by the type): on the
// largest types of the finished scan, every query of the set gives the
// same count and rows as the same page of the copy without an index, and
// the page loaded index shards to answer them.
func TestSearchIndexTypeScope(t *testing.T) {
	f := site(t)
	plain := noIndexSite(t, f)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	queries := []string{
		"chloé wilson", "CHLOÉ WILSON", "*wilson", "/chlo[eé]/i", "/CHLOÉ/i", "/<title>Acme/", "/^\\s*<meta/m",
		"admin", "WWW*", "*.acme-corp.example", "mail*.example", "/\\d+\\.\\d+\\.\\d+\\.\\d+/", "/.*admin.*/", "/(vpn|sso|owa)\\./i",
		"*a*", "/./", "80", "no-such-value.example", "/<script>/i",
	}
	// Data files load as script elements, added and removed (file:// has
	// no resource timing): a MutationObserver counts the index shards.
	watchShards := func(p *tab) {
		evalT[bool](p, `(window.__ixShards = 0, new MutationObserver(ms => { for (const m of ms) for (const n of m.addedNodes) if (n.src && /\/ix-[vsx]\d+\.js$/.test(n.src)) window.__ixShards++; }).observe(document.head, {childList: true}), true)`)
	}
	shards := func(p *tab) int { return evalT[int](p, `window.__ixShards`) }
	tys := types(s)
	if len(tys) > 3 {
		tys = tys[:3]
	}
	for _, ty := range tys {
		index := openTypePage(t, b, f, id, ty)
		cp := b.open(t, fileURL(plain, "scans/"+id+"/types/"+ty.Slug+".html"))
		cp.allow("ix.js")
		waitLoaded(cp, ty.Total(), 0)
		watchShards(index)
		watchShards(cp)
		read := func(p *tab, q string) pageResult {
			r := search(p, q)
			if r.Error != "" {
				return pageResult{Count: -1, Rows: []string{r.Error}}
			}
			res := pageResult{Count: matches(t, r)}
			if res.Count <= 600 {
				for _, x := range scrollAll(p, elementHost) {
					res.Rows = append(res.Rows, x.Cells["c-data"]+" | "+x.Cells["c-source"])
				}
			}
			return res
		}
		for _, src := range []bool{false, true} {
			for _, p := range []*tab{index, cp} {
				setChecked(p, "#search-source", src)
			}
			for _, q := range queries {
				got, want := read(index, q), read(cp, q)
				what := fmt.Sprintf("type %s, %q (source %v)", ty.Slug, q, src)
				if got.Count != want.Count {
					t.Errorf("%s: %d matches through the index, %d without", what, got.Count, want.Count)
					continue
				}
				if k := firstDiff(got.Rows, want.Rows); len(got.Rows) != len(want.Rows) || k != len(got.Rows) {
					t.Errorf("%s: rows differ at %d: %q vs %q", what, k, at(got.Rows, k), at(want.Rows, k))
				}
			}
		}
		if n := shards(index); n == 0 {
			t.Errorf("type %s: the element table loaded no index shard", ty.Slug)
		}
		if n := shards(cp); n != 0 {
			t.Errorf("type %s: the copy without an index loaded %d shards", ty.Slug, n)
		}
		index.check()
		for _, pr := range cp.takeProblems() {
			if !strings.Contains(pr, "/data/ix.js") {
				t.Errorf("page problem: %s", pr)
			}
		}
	}
}

// TestBenchTypeSearch1M times searches on the element table of the 1M
// benchmark scan's largest type, through the index (the page narrows to
// the type's candidate rows) and on a copy of the scan's pages without
// its index (the worker tests every row): submit to count under the box,
// median of three.
func TestBenchTypeSearch1M(t *testing.T) {
	needBench(t)
	out, _ := benchSite(t)
	m := testread.ReadManifest(t, out, "bench-1m")
	big := largestType(m)
	// The copy: the scan's folder again, under another id's path, minus ix*.js.
	plain := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(plain, os.DirFS(out)); err != nil {
		t.Fatal(err)
	}
	ix, _ := filepath.Glob(filepath.Join(plain, "scans", "bench-1m", "data", "ix*.js"))
	for _, f := range ix {
		os.Remove(f)
	}
	b := newBrowser(t)
	probe := `async (q) => {
		const box = document.querySelector("#search-q");
		const t0 = performance.now();
		box.value = q;
		box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
		for (;;) {
			await new Promise(r => requestAnimationFrame(() => r()));
			const h = new URLSearchParams(location.hash.slice(1)).get("q");
			const c = document.querySelector("#search-count"), e = document.querySelector("#search-error");
			if (h === q && ((!c.hidden && /^[\d,]+ /.test(c.textContent)) || !e.hidden)) return {ms: performance.now() - t0, count: c.hidden ? e.textContent : c.textContent};
			if (performance.now() - t0 > 60000) return {ms: -1, count: "timeout"};
		}
	}`
	type res struct {
		MS    float64 `json:"ms"`
		Count string  `json:"count"`
	}
	for _, site := range []struct{ what, dir string }{{"through the index", out}, {"every row (no index)", plain}} {
		p := b.open(t, fileURL(site.dir, "scans/bench-1m/types/"+big.Slug+".html"))
		p.allow("ix.js")
		waitLoaded(p, big.Total, 5*time.Minute)
		for _, q := range []string{"404", "*admin*", "mail*.example", `/\d+\.\d+\.\d+\.\d+/`, `/.*admin.*/`, "no-such-value.example"} {
			var ms []float64
			var last res
			for range 3 {
				last = evalT[res](p, `(`+probe+`)(`+jsString(q)+`)`)
				ms = append(ms, last.MS)
				clearSearchBox(p)
			}
			slices.Sort(ms)
			t.Logf("%s, %s (%d rows): %-24s %6.0f ms median, max %6.0f  (%s)", big.Code, site.what, big.Total, q, ms[1], ms[2], strings.SplitN(last.Count, " in ", 2)[0])
		}
		for _, pr := range p.takeProblems() {
			if !strings.Contains(pr, "/data/ix.js") {
				t.Errorf("page problem: %s", pr)
			}
		}
	}
}
