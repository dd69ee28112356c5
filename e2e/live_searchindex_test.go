package e2e

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/internal/testread"
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
	// A source that arrives after its child: the child is written first
	// (its source unknown), the index or a segment lists it so, then the
	// source arrives and the server relinks the child in the next
	// segment's late list. "+ source" finds the child through it, and no
	// longer by its old source data.
	// (The page runs its query again on each live update.)
	child := addElement(t, scans, running, scan.Element{ID: "late-child-e2e", Type: ty.Code, Data: "late-child-e2e.example", Source: "late-parent-e2e", Module: "sfp_live_e2e"})
	search(sp, child)
	waitMatches(sp, 1, 30*time.Second)
	parent := addElement(t, scans, running, scan.Element{ID: "late-parent-e2e", Type: ty.Code, Data: "late-parent-e2e.example", Module: "sfp_live_e2e"})
	search(sp, parent)
	waitMatches(sp, 1, 30*time.Second)
	setChecked(sp, "#search-source", true)
	// The parent by its data, the child by its source data.
	waitMatches(sp, 2, 30*time.Second)
	rows := scrollAll(sp, "#search-results")
	if len(rows) != 2 || rows[0].Cells["c-data"] != child || rows[1].Cells["c-data"] != parent || rows[0].Cells["c-source"] != parent {
		t.Errorf("%s with + source: rows %v; want the child (source %s), then the parent", parent, rows, parent)
	}
	// The child was found through a segment's late list (no merge since).
	var now sitefmt.IndexMeta
	testread.Payload(t, head, &now)
	late := false
	for _, n := range now.Segs {
		var g sitefmt.IndexSegment
		testread.Payload(t, filepath.Join(filepath.Dir(head), fmt.Sprintf("ix-g%d.js", n)), &g)
		late = late || (g.Late != "" && g.Late != "AA==")
	}
	if !late {
		t.Errorf("no segment of ix.js (segs %v) lists a late row: the relink was not tested", now.Segs)
	}
	setChecked(sp, "#search-source", false)
	// The element table of the type searches its own rows (no index).
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
	rewriteDuringQueries(t, sp, scans, running, head, len(data)+len(more), len(data))
	for _, p := range []*tab{sp, pp, et} {
		for _, pr := range p.takeProblems() {
			// The copy's page looks for ix.js, finds none, and loads every element.
			if p != pp || !strings.Contains(pr, "/data/ix.js") {
				t.Errorf("page problem: %s", pr)
			}
		}
	}
}

// rewriteDuringQueries rewrites the running scan's elements file without
// the seg-e2e-more rows (it shrinks: the server reads the scan afresh and
// writes its index whole) while the search page, showing *seg-e2e*, runs
// its query again on each live update: every count it shows is the one
// before (was) or after (is), never a mix of the two indexes, and no error;
// the index is a new generation, and the data folder holds the files of
// at most one generation besides it (kept for a page mid-query).
func rewriteDuringQueries(t *testing.T, sp *tab, scans, running, head string, was, is int) {
	t.Helper()
	if n := matches(t, search(sp, "*seg-e2e*")); n != was {
		t.Fatalf("*seg-e2e* before the rewrite: %d matches, want %d", n, was)
	}
	var before sitefmt.IndexMeta
	testread.Payload(t, head, &before)
	elements := filepath.Join(scans, running, scan.ElementsFile)
	raw, err := os.ReadFile(elements)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if !strings.Contains(line, "seg-e2e-more") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(elements, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Dir(head)
	shown := map[string]bool{}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if time.Now().After(deadline) {
			t.Fatalf("after the rewrite the page shows %v (generation %d before)", shown, before.Gen)
		}
		c := evalT[string](sp, `(c => c.hidden ? "" : c.textContent)(document.querySelector("#search-count")) + "|" + (e => e.hidden ? "" : e.textContent)(document.querySelector("#search-error"))`)
		shown[c] = true
		var now sitefmt.IndexMeta
		testread.Payload(t, head, &now)
		gens := map[string]bool{}
		ents, err := os.ReadDir(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if g, _, ok := strings.Cut(strings.TrimPrefix(e.Name(), "ix"), "-"); ok && strings.HasPrefix(e.Name(), "ix") && g != "" {
				gens[g] = true
			}
		}
		if now.Gen > before.Gen && len(now.Segs) == 0 && len(gens) <= 2 && strings.HasPrefix(c, fmt.Sprintf("%d match", is)) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("rewrite: generation %d before; the page showed %v", before.Gen, slices.Sorted(maps.Keys(shown)))
	for c := range shown {
		count, errText, _ := strings.Cut(c, "|")
		if errText != "" {
			t.Errorf("the search page showed an error during the rewrite: %q", errText)
		}
		if count == "" || strings.Contains(count, "so far") {
			continue
		}
		if !strings.HasPrefix(count, fmt.Sprintf("%d match", was)) && !strings.HasPrefix(count, fmt.Sprintf("%d match", is)) {
			t.Errorf("the search page showed %q during the rewrite; want %d or %d matches", count, was, is)
		}
	}
	if cand := evalT[string](sp, `document.querySelector("#search-results").getAttribute("data-candidates") || ""`); cand == "scan" || cand == "" {
		t.Errorf("after the rewrite the page searched every element (data-candidates %q), not through the index", cand)
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

// addElement appends one element to a running scan; it returns its data.
func addElement(t *testing.T, scans, id string, e scan.Element) string {
	t.Helper()
	w, err := scan.OpenWriter(scans, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add(e); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return e.Data
}

// TestLiveSearchHidesMarkedFP: on the preview server, a scan's indexed
// search page with false positives hidden follows the analysts' decisions:
// an element marked while the page is open drops out of the results once
// fp.js is read again (it names the false positives by type and row, so no
// display chunk is needed to tell), shows as F/P with them shown, and
// comes back when unmarked.
func TestLiveSearchHidesMarkedFP(t *testing.T) {
	srv, b, scans := serveSamples(t)
	finished, s := scanWithStatus(t, scans, scan.StatusFinished)
	// A leaf (marking it marks nothing else) past its type's first row,
	// whose value no other element has: an exact query finds it alone.
	kids := s.Children()
	same := map[string]int{}
	for i := range s.Elements {
		same[strings.ToLower(s.Elements[i].Data)]++
	}
	victim := -1
	for i := 1; i < len(s.Elements); i++ {
		e := &s.Elements[i]
		if !e.Is(model.FlagFP) && e.Pos > 0 && len(kids.Of(int32(i))) == 0 && same[strings.ToLower(e.Data)] == 1 &&
			len(e.Data) > 3 && !strings.ContainsAny(e.Data, "\n*/\\<") {
			victim = i
			break
		}
	}
	if victim < 0 {
		t.Fatal("no leaf with a unique one-line value in the finished scan")
	}
	v := s.Elements[victim]
	sp := b.open(t, srv.url("scans/"+finished+"/search.html#hidefp=1"))
	waitLive(sp)
	sp.waitFor(`(e => !!e && !e.hasAttribute("aria-busy") && e.getAttribute("data-index") === "1")(document.querySelector("#search-results"))`, time.Minute,
		`document.querySelector("#search-progress").textContent`)
	setMarker(sp)
	if !evalT[bool](sp, `document.querySelector("#hide-fp").checked`) {
		t.Fatal("#hide-fp is not checked from the hash")
	}
	if n := matches(t, search(sp, v.Data)); n != 1 {
		t.Fatalf("%q: %d matches before marking, want 1", v.Data, n)
	}
	mark := func(fp bool) {
		t.Helper()
		status := evalT[int](sp, `fetch(window.__srLive.fp, {method: "POST", headers: {"Content-Type": "application/json", "X-SR-Token": window.__srLive.token},
			body: JSON.stringify({scan: `+jsString(finished)+`, ids: [`+jsString(v.ID)+`], fp: `+fmt.Sprint(fp)+`})}).then(r => r.status)`)
		if status != 200 {
			t.Fatalf("fp %v on %s: HTTP %d", fp, v.ID, status)
		}
	}
	mark(true)
	// fp.js names it by its row.
	var fp sitefmt.FPList
	testread.Payload(t, filepath.Join(srv.site, "scans", finished, "data", "fp.js"), &fp)
	ty := s.Type(int32(victim))
	if !slices.Contains(fp.R[ty.Slug], int(v.Pos)) {
		t.Fatalf("fp.js rows of %s: %v, want row %d among them", ty.Slug, fp.R[ty.Slug], v.Pos)
	}
	waitMatches(sp, 0, 15*time.Second)
	checkMarker(sp, "the search page after marking")
	// Shown again with false positives shown, as one.
	setChecked(sp, "#hide-fp", false)
	waitMatches(sp, 1, 10*time.Second)
	sp.waitFor(`(r => !!r && r.querySelector(".c-fp").textContent === "F/P")(document.querySelector("#search-results .vt-body .vt-row:not([hidden]):not(.is-pending)"))`, 10*time.Second,
		`document.querySelector("#search-results .vt-body").textContent`)
	setChecked(sp, "#hide-fp", true)
	waitMatches(sp, 0, 10*time.Second)
	mark(false)
	waitMatches(sp, 1, 15*time.Second)
	checkMarker(sp, "the search page after unmarking")
}
