package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/internal/sitefmt"
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
					if (src || hide) && !strings.ContainsAny(q, "éÉ<") && q != "80" && q != "admin" && !(hide && (q == "*a*" || q == "/\\d+\\.\\d+\\.\\d+\\.\\d+/")) {
						continue // every query once; the variants on a few (and false positives hidden on queries that find some)
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
					if hide {
						t.Logf("%s: %d matches, %d rows compared", what, got.Count, len(got.Rows))
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
		// Sorted by a column the index does not give (the page loads the
		// chunks of every hit first), and by data with rows found only by
		// their source data: the same rows in the same order.
		for _, p := range []*tab{ps.index, ps.plain} {
			setChecked(p, "#search-source", true)
			setChecked(p, "#hide-fp", false)
		}
		for _, so := range []struct{ col, dir string }{{"c-source", "ascending"}, {"c-time", "descending"}, {"c-module", "ascending"}, {"c-data", "descending"}, {"c-fp", "descending"}} {
			for _, q := range []string{"/<title>Acme/", "*wilson", "/chlo[eé]/i", "*.acme-corp.example"} {
				var res [2]pageResult
				for k, p := range []*tab{ps.index, ps.plain} {
					search(p, q)
					sorted := func() string {
						return evalT[string](p, `document.querySelector("#search-results .vt-th.`+so.col+`").getAttribute("aria-sort") || ""`)
					}
					for i := 0; i < 2 && sorted() != so.dir; i++ {
						p.click("#search-results .vt-th." + so.col + " .vt-sort")
					}
					if sorted() != so.dir {
						t.Fatalf("%s: the table is not sorted by %s %s", ps.what, so.col, so.dir)
					}
					res[k] = readResult(t, p, q, true)
				}
				if k := firstDiff(res[0].Rows, res[1].Rows); res[0].Count != res[1].Count || len(res[0].Rows) != len(res[1].Rows) || k != len(res[0].Rows) {
					t.Errorf("%s, %q sorted by %s %s: %d vs %d matches, rows differ at %d: %q vs %q", ps.what, q, so.col, so.dir, res[0].Count, res[1].Count, k, at(res[0].Rows, k), at(res[1].Rows, k))
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

// noFPRowsSite copies a site with its fp.js files as a site written before
// fp.js named false positives by row ("r"): element indices only.
func noFPRowsSite(t *testing.T, site string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(site)); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "scans", "*", "data", "fp.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fp.js in the site (%v)", err)
	}
	for _, p := range files {
		var v map[string]json.RawMessage
		testread.Payload(t, p, &v)
		if _, ok := v["r"]; !ok {
			t.Fatalf("%s has no rows (r)", p)
		}
		delete(v, "r")
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(chunks.ScriptPrefix+string(b)+chunks.ScriptSuffix), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// watchTypesShown notes the type of every row the results table renders
// (window.__types, a set to clear before a query): the table asks for the
// display chunks of the rows it renders, and no others unless a sort or a
// filter needs them. Every Text node a type cell is given is seen, even
// one replaced before the next frame.
const watchTypesShown = `window.__types = new Set(); new MutationObserver(ms => { for (const m of ms) for (const n of m.addedNodes) { const cell = n.nodeType === 3 ? n.parentElement : n; if (cell && cell.closest && cell.closest("#search-results .vt-body .c-type")) window.__types.add(n.textContent); } }).observe(document, {childList: true, subtree: true});`

// watchIndexFiles counts the index files a page loads (window.__ix): data
// files load as script elements, added and removed, and file:// has no
// resource timing, so an observer from the start counts them.
const watchIndexFiles = `window.__ix = 0; new MutationObserver(ms => { for (const m of ms) for (const n of m.addedNodes) if (n.src && /\/ix[^/]*\.js(\?|$)/.test(n.src)) window.__ix++; }).observe(document, {childList: true, subtree: true});`

// TestSearchIndexFetches: a selective query loads a few dictionary blocks
// (data-blocks) and, with its rows loaded lazily, a few display chunks
// (data-chunks); a query with no usable trigram tests every block, and
// still loads only the chunks of the rows in view. The element table of a
// type does not ask the index at all.
func TestSearchIndexFetches(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	m := testread.ReadManifest(t, f.Site, id)
	chunks := 0
	for _, ty := range m.Types {
		chunks += len(ty.Chunks)
	}
	var head sitefmt.IndexMeta
	testread.Payload(t, filepath.Join(f.Site, "scans", id, "data", "ix.js"), &head)
	p := b.open(t, f.url("scans/"+id+"/search.html"), watchIndexFiles, watchTypesShown)
	waitSearchPage(p, f.scan(t, id).Count())
	attr := func(name string) string {
		return evalT[string](p, `document.querySelector("#search-results").getAttribute(`+jsString(name)+`) || ""`)
	}
	shownCount := map[string]int{}
	for _, c := range []struct {
		q    string
		scan bool
	}{{"chloé wilson", false}, {"/<title>Acme/", false}, {"*wilson", false}, {"admin", false}, {"*a*", true}, {"/\\d/", true}} {
		n := matches(t, search(p, c.q))
		// The rows in view have their cells (their chunks loaded).
		p.waitFor(`!document.querySelector("#search-results .vt-row.is-pending:not([hidden])")`, 30*time.Second, `document.querySelector("#search-progress").textContent`)
		blocks, loaded := num(attr("data-blocks")), num(attr("data-chunks"))
		if c.scan {
			if attr("data-candidates") != "scan" || blocks != head.Blocks {
				t.Errorf("%q: candidates %q, %d of %d blocks; want every block tested", c.q, attr("data-candidates"), blocks, head.Blocks)
			}
		} else if attr("data-candidates") == "scan" || blocks >= head.Blocks || blocks == 0 && n > 0 {
			t.Errorf("%q: candidates %q, %d of %d blocks for %d matches; want a few blocks", c.q, attr("data-candidates"), blocks, head.Blocks, n)
		}
		// (A chunk a query before loaded is taken from the cache.)
		if loaded*4 > chunks {
			t.Errorf("%q: %d of %d display chunks loaded for %d matches; want the few of the rows in view", c.q, loaded, chunks, n)
		}
		t.Logf("%q: %d matches, %s candidates, %d of %d blocks, %d of %d chunks", c.q, n, attr("data-candidates"), blocks, head.Blocks, loaded, chunks)
		shownCount[c.q] = n
	}

	// False positives hidden: a hit's key says whether it is one (fp.js
	// "r"), so the count is exact with no display chunk but those of the
	// rows the table rendered. A copy whose fp.js lacks "r" (a site written
	// before it) falls back to the chunks of the hits in types with false
	// positives, and counts the same.
	chunksOf := map[string]int{} // by type name, as the Type column shows it
	for _, ty := range m.Types {
		chunksOf[ty.Descr] += len(ty.Chunks)
	}
	old := b.open(t, fileURL(noFPRowsSite(t, f.Site), "scans/"+id+"/search.html"))
	waitSearchPage(old, f.scan(t, id).Count())
	setChecked(p, "#hide-fp", true)
	setChecked(old, "#hide-fp", true)
	fewer := 0
	for _, q := range []string{"admin", "*a*", "/\\d/", "*wilson"} {
		evalT[bool](p, `(window.__types.clear(), true)`)
		n := matches(t, search(p, q))
		p.waitFor(`!document.querySelector("#search-results .vt-row.is-pending:not([hidden])")`, 30*time.Second, `document.querySelector("#search-progress").textContent`)
		loaded := num(attr("data-chunks"))
		allowed := 0
		for _, ty := range evalT[[]string](p, `[...window.__types]`) {
			allowed += chunksOf[ty]
		}
		if loaded > allowed {
			t.Errorf("%q, false positives hidden: %d display chunks loaded; the rows rendered are in %d", q, loaded, allowed)
		}
		if n > shownCount[q] {
			t.Errorf("%q: %d matches with false positives hidden, %d shown", q, n, shownCount[q])
		}
		if n < shownCount[q] {
			fewer++
		}
		on := matches(t, search(old, q))
		if on != n {
			t.Errorf("%q, false positives hidden: %d matches; %d on the site whose fp.js lacks rows", q, n, on)
		}
		t.Logf("%q, false positives hidden: %d matches (%d shown), %d chunks loaded, rows rendered in %d; %d chunks without fp.js rows", q, n, shownCount[q], loaded, allowed,
			num(evalT[string](old, `document.querySelector("#search-results").getAttribute("data-chunks") || ""`)))
	}
	if fewer == 0 {
		t.Error("no query found a false positive: the test shows nothing")
	}
	old.check()
	if n := evalT[int](p, `window.__ix`); n < 3 {
		t.Errorf("the search page loaded %d index files (the count of them is broken)", n)
	}
	p.check()
	// The element table: its own rows, no index file.
	s := f.scan(t, id)
	ty := types(s)[0]
	et := b.open(t, f.url("scans/"+id+"/types/"+ty.Slug+".html"), watchIndexFiles)
	waitLoaded(et, ty.Total(), 0)
	for _, q := range []string{"admin", "*a*", "/<title>Acme/"} {
		search(et, q)
	}
	if n := evalT[int](et, `window.__ix`); n != 0 {
		t.Errorf("the element table loaded %d index files", n)
	}
	et.check()
}
