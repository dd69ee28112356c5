package e2e

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// TestLiveSearchIndexSegments: on the preview server, a running scan's
// search page searches through the index; elements appended while it runs
// go into an index segment (ix-g<n>.js, listed in ix.js), and exact,
// wildcard and regex searches find them through it, with the counts of a
// copy of the same site searched without its index.
func TestLiveSearchIndexSegments(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	ty := types(rs)[1]
	sp := b.open(t, srv.url("scans/"+running+"/search.html"))
	waitLive(sp)
	sp.waitFor(`(e => !!e && !e.hasAttribute("aria-busy") && e.getAttribute("data-index") === "1")(document.querySelector("#search-results"))`, time.Minute,
		`document.querySelector("#search-progress").textContent`)
	setMarker(sp)
	data := appendElements(t, scans, running, ty.Code, "seg-e2e", 6)
	head := filepath.Join(srv.site, "scans", running, "data", "ix.js")
	deadline := time.Now().Add(30 * time.Second)
	for {
		b, _ := os.ReadFile(head)
		if strings.Contains(string(b), `"segs":[`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no segment listed in ix.js after the append: %.400s", b)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// A copy of the site as it is now, without its index: today's search.
	plain := filepath.Join(t.TempDir(), "site")
	copySite(t, srv.site, plain)
	ix, _ := filepath.Glob(filepath.Join(plain, "scans", "*", "data", "ix*.js"))
	for _, p := range ix {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	pp := b.open(t, fileURL(plain, "scans/"+running+"/search.html"))
	queries := []struct {
		q    string
		want int // matches among the appended elements
	}{
		{data[3], 1},
		{strings.ToUpper(data[2]), 1},
		{"*seg-e2e*", 6},
		{"/seg-e2e-0[0-4]\\.example/", 5},
		{"/SEG-E2E-05/i", 1},
		{"*.example", -1}, // old rows too
	}
	for _, c := range queries {
		got := search(sp, c.q)
		n := matches(t, got)
		cand := evalT[string](sp, `document.querySelector("#search-results").getAttribute("data-candidates") || ""`)
		if cand == "scan" || cand == "" {
			t.Errorf("%s: searched every element (data-candidates %q), not through the index", c.q, cand)
		}
		want := matches(t, search(pp, c.q))
		if n != want {
			t.Errorf("%s: %d matches through the index and its segments, %d without the index", c.q, n, want)
		}
		if c.want >= 0 && n != c.want {
			t.Errorf("%s: %d matches, want %d", c.q, n, c.want)
		}
	}
	// More rows: the next segment, found at once.
	more := appendElements(t, scans, running, ty.Code, "seg-e2e-more", 3)
	// The page runs its query again on the live update; searched again
	// until the server has taken the rows in.
	deadline = time.Now().Add(30 * time.Second)
	for k, n := 0, 0; n != len(data)+len(more); k++ {
		if time.Now().After(deadline) {
			t.Fatalf("after the second append: %d matches, want %d", n, len(data)+len(more))
		}
		n = matches(t, search(sp, []string{"/seg-e2e/", "*seg-e2e*"}[k%2]))
	}
	checkMarker(sp, "the search page after two appends")
	// The element table of the type narrows its searches through the
	// index and its segments too: the same rows, and a segment loaded.
	et := b.open(t, srv.url("scans/"+running+"/types/"+ty.Slug+".html"))
	waitLive(et)
	for _, c := range []struct {
		q    string
		want int
	}{{"*seg-e2e*", len(data) + len(more)}, {"/seg-e2e-more-0[12]/", 2}, {more[0], 1}} {
		if n := matches(t, search(et, c.q)); n != c.want {
			t.Errorf("element table, %s: %d matches, want %d", c.q, n, c.want)
		}
	}
	if !evalT[bool](et, `performance.getEntriesByType("resource").some(e => /\/data\/ix-g\d+\.js/.test(e.name))`) {
		t.Error("the element table loaded no index segment")
	}
	for _, p := range []*tab{sp, pp, et} {
		for _, pr := range p.takeProblems() {
			// The copy's page looks for ix.js, finds none, and loads every element.
			if p != pp || !strings.Contains(pr, "/data/ix.js") {
				t.Errorf("page problem: %s", pr)
			}
		}
	}
}

// copySite copies a site the preview server is writing: files that go away
// while it copies (the server's temporary files) are left out.
func copySite(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) || strings.Contains(filepath.Base(p), ".tmp-") {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
