package e2e

// The same key pages served over HTTP by a plain static file server.

import (
	"net/http"
	"net/http/httptest"
	"slices"
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
	t.Run("no 404s", func(t *testing.T) {
		nf.mu.Lock()
		defer nf.mu.Unlock()
		if len(nf.paths) > 0 {
			t.Errorf("the browser asked for files the site does not have: %q", slices.Compact(slices.Sorted(slices.Values(nf.paths))))
		}
	})
}
