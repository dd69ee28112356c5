package e2e

// The same key pages served over HTTP by a plain static file server.

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// notFound records the paths a handler answered with 404.
type notFound struct {
	h     http.Handler
	mu    sync.Mutex
	paths []string
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

func (n *notFound) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w, status: 200}
	n.h.ServeHTTP(sw, r)
	if sw.status == http.StatusNotFound {
		n.mu.Lock()
		n.paths = append(n.paths, r.URL.Path)
		n.mu.Unlock()
	}
}

// TestOverHTTP serves the site with http.FileServer and checks that the
// scan list, an overview, an element table and the log load with their
// content and without a console error, and that the browser asked the
// server for no file it does not have.
func TestOverHTTP(t *testing.T) {
	f := site(t)
	nf := &notFound{h: http.FileServer(http.Dir(f.Site))}
	srv := httptest.NewServer(nf)
	t.Cleanup(srv.Close)
	base := srv.URL + "/"
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	big := types(s)[0]

	t.Run("scan list", func(t *testing.T) {
		p := b.open(t, siteURL(base, "index.html"))
		if got := p.count("#scan-list tbody tr"); got != len(f.ids) {
			t.Errorf("scan list rows: %d, want %d", got, len(f.ids))
		}
		p.click("#select-all")
		p.waitFor(`[...document.querySelectorAll("input.scan-select")].every(c => c.checked)`, 0, "")
		p.clickNav(`#scan-list a[href="scans/` + id + `/index.html"]`)
		if got := evalT[string](p, "document.body.dataset.scan"); got != id {
			t.Errorf("the scan link opened %q", got)
		}
	})
	t.Run("overview", func(t *testing.T) {
		p := b.open(t, siteURL(base, "scans/"+id+"/index.html"))
		if got, want := statValue(p, "elements"), s.Count(); got != want {
			t.Errorf("elements: shown %d, want %d", got, want)
		}
		p.clickNav(`main tr:has(rect) a[href="types/` + big.Slug + `.html"]`)
		waitLoaded(p, big.Total(), 0)
	})
	t.Run("element table", func(t *testing.T) {
		p := b.open(t, siteURL(base, "scans/"+id+"/types/"+big.Slug+".html"))
		waitLoaded(p, big.Total(), 0)
		if all := scrollAll(p, elementHost); len(all) != big.Total() {
			t.Errorf("%d rows, want %d", len(all), big.Total())
		}
	})
	t.Run("log", func(t *testing.T) {
		p := b.open(t, siteURL(base, "scans/"+id+"/log.html"))
		p.waitFor(`__e2e.rows("#log-table").length > 0 && /^`+regexpNum(len(s.Log))+`\b/.test(document.querySelector("#log-count").textContent.trim())`, 0, `document.querySelector("#log-count").textContent`)
	})
	// Search over HTTP reads the index's files with fetch()
	// (data/fetched.ts: no script, so V8 keeps no source) and the display
	// chunks as scripts, and finds what the same page finds from file://,
	// which runs them all as scripts.
	t.Run("search", func(t *testing.T) {
		var total int
		for _, id := range f.ids {
			total += f.scan(t, id).Count()
		}
		p := b.open(t, siteURL(base, "search.html"), watchIndexFiles)
		q := b.open(t, f.url("search.html"), watchIndexFiles)
		waitSearchPage(p, total)
		waitSearchPage(q, total)
		for _, hide := range []bool{false, true} {
			setChecked(p, "#hide-fp", hide)
			setChecked(q, "#hide-fp", hide)
			for _, query := range []string{"chloé wilson", "*wilson", "/<title>Acme/", "mail*.example", "/chlo[eé]/i", "*a*", "no-such-value.example"} {
				got, want := readResult(t, p, query, true), readResult(t, q, query, true)
				if got.Count != want.Count || !slices.Equal(got.Rows, want.Rows) {
					t.Errorf("%q (hide FP %v): over HTTP %d matches %q, from file:// %d %q", query, hide, got.Count, got.Rows, want.Count, want.Rows)
				}
			}
		}
		if n := evalT[int](q, `window.__ix`); n == 0 {
			t.Errorf("from file://, no index file was loaded as a script")
		}
		if n := evalT[int](p, `window.__ix`); n != 0 {
			t.Errorf("over HTTP, %d index files were loaded as scripts, want none", n)
		}
		// What the page loaded from the scans' data folders after the
		// page itself: the index's files fetched, the display chunks run.
		how := evalT[map[string]float64](p, `(() => {
			const n = {};
			for (const e of performance.getEntriesByType("resource")) {
				const m = /\/data\/(ix|e-)[^/]*\.js(\?|$)/.exec(e.name);
				if (m) n[m[1] + " " + e.initiatorType] = (n[m[1] + " " + e.initiatorType] || 0) + 1;
			}
			return n;
		})()`)
		t.Logf("over HTTP, data files by kind and initiator: %v", how)
		if how["ix fetch"] == 0 || how["e- script"] == 0 || len(how) != 2 {
			t.Errorf("over HTTP, the data files loaded by kind and initiator: %v; want the index's fetched, the display chunks' scripts", how)
		}
	})
	// A server whose own CSP leaves fetch() out (no connect-src): the
	// page falls back to running its data files as scripts, and finds the
	// same.
	t.Run("search, fetch refused by the server's CSP", func(t *testing.T) {
		strict := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src blob:")
			http.FileServer(http.Dir(f.Site)).ServeHTTP(w, r)
		}))
		t.Cleanup(strict.Close)
		id := f.finished(t)
		p := b.open(t, strict.URL+"/scans/"+id+"/search.html", watchIndexFiles)
		q := b.open(t, f.url("scans/"+id+"/search.html"))
		waitSearchPage(p, f.scan(t, id).Count())
		// The one fetch() the page tried (and the browser reported).
		refused := 0
		for _, pr := range p.takeProblems() {
			if (strings.Contains(pr, "Content Security Policy") || strings.Contains(pr, "connect-src blocked")) && strings.Contains(pr, "/data/ix.js") {
				refused++
			} else {
				t.Errorf("page problem: %s", pr)
			}
		}
		if refused == 0 {
			t.Errorf("the server's CSP refused no fetch(): the test tests nothing")
		}
		waitSearchPage(q, f.scan(t, id).Count())
		for _, query := range []string{"*wilson", "/<title>Acme/"} {
			got, want := readResult(t, p, query, true), readResult(t, q, query, true)
			if got.Count != want.Count || !slices.Equal(got.Rows, want.Rows) {
				t.Errorf("%q: with fetch refused %d matches %q, from file:// %d %q", query, got.Count, got.Rows, want.Count, want.Rows)
			}
		}
		if n := evalT[int](p, `window.__ix`); n == 0 {
			t.Errorf("with fetch refused, no index file was loaded as a script")
		}
	})
	t.Run("no 404s", func(t *testing.T) {
		nf.mu.Lock()
		defer nf.mu.Unlock()
		if len(nf.paths) > 0 {
			t.Errorf("the browser asked for files the site does not have: %q", slices.Compact(slices.Sorted(slices.Values(nf.paths))))
		}
	})
}
