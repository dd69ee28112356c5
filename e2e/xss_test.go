package e2e

// The XSS scan (internal/sample.WriteXSS) opened in the browser: every
// page, every row of every element table, detail panels; no payload may
// run (window.__xss stays undefined, no dialog, no console error) and the
// payloads must show as literal text.

import (
	"fmt"

	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/testread"
)

// noXSS fails the test when a payload ran on the page.
func noXSS(p *tab) {
	p.t.Helper()
	// Give timers, image errors and focus handlers a moment to fire.
	evalT[bool](p, `new Promise(r => setTimeout(() => requestAnimationFrame(() => r(true)), 150))`)
	if v := evalT[string](p, `typeof window.__xss + " " + String(window.__xss)`); v != "undefined undefined" {
		p.t.Errorf("a payload ran: window.__xss is %s", v)
	}
	if n := p.dialogCount(); n != 0 {
		p.t.Errorf("%d JavaScript dialogs opened", n)
	}
}

// TestXSS opens every page of the XSS scan and the scan list.
func TestXSS(t *testing.T) {
	f := site(t)
	s := f.scan(t, xssID)
	b := newBrowser(t)

	pages := []string{"index.html"}
	for _, rel := range testread.SiteFiles(t, f.Site) {
		if strings.HasPrefix(rel, "scans/"+xssID+"/") && strings.HasSuffix(rel, ".html") {
			pages = append(pages, rel)
		}
	}
	bySlug := map[string]*model.TypeStat{}
	for _, ty := range types(s) {
		bySlug[ty.Slug] = ty
	}
	if len(pages) < 5+len(bySlug) {
		t.Fatalf("the XSS scan has %d pages for %d types", len(pages), len(bySlug))
	}

	var mu sync.Mutex
	var tableText strings.Builder // every element table cell seen
	var pageText strings.Builder  // every page's text

	t.Run("pages", func(t *testing.T) {
		for _, rel := range pages {
			t.Run(strings.TrimPrefix(rel, "scans/"+xssID+"/"), func(t *testing.T) {
				t.Parallel()
				p := b.open(t, f.url(rel))
				var cells []string
				switch kind := evalT[string](p, "document.body.dataset.page"); kind {
				case "elements":
					ty := bySlug[evalT[string](p, "document.body.dataset.type")]
					if ty == nil {
						t.Fatal("an element page of no type")
					}
					cells = xssElementPage(p, s, ty)
				case "log":
					p.waitFor(`__e2e.rows("#log-table").length > 0`, 0, "")
					all := scrollAll(p, "#log-table")
					if len(all) != len(s.Log) {
						t.Errorf("%d log rows, want %d", len(all), len(s.Log))
					}
					for _, r := range all {
						cells = append(cells, r.Cells["c-msg"], r.Cells["c-comp"], r.Cells["c-level"])
					}
					// Open a few lines in the detail panel.
					for _, k := range []int{0, len(s.Log) / 2, len(s.Log) - 1} {
						openRow(p, "#log-table", k, ".c-msg")
						p.waitFor(`!!document.querySelector("#log-detail:not([hidden])")`, 0, "")
					}
				case "correlations":
					// Open every correlation: headlines and their elements are scan data.
					evalT[bool](p, `(() => { document.querySelectorAll("details").forEach(d => d.open = true); return true })()`)
				case "graph", "visualise":
					xssGraphPage(p, kind) // graph_test.go
				case "scans", "overview", "browse", "settings", "search", "search-all", "global-settings", "scan-investigations":
				default:
					t.Errorf("unknown page kind %q", kind)
				}
				noXSS(p)
				text := p.text("body")
				mu.Lock()
				pageText.WriteString(text)
				for _, c := range cells {
					tableText.WriteString(c)
					tableText.WriteByte('\n')
				}
				mu.Unlock()
				p.check()
			})
		}
	})

	// The payloads are there, as text.
	if !strings.Contains(tableText.String(), "<script>") {
		t.Error(`no element table shows the text "<script>"`)
	}
	shownN := 0
	var missing []string
	for _, pl := range sample.XSSPayloads[:len(sample.XSSPayloads)-1] {
		if !utf8.ValidString(pl) || strings.ContainsFunc(pl, func(r rune) bool { return r < 0x20 || r == 0x2028 || r == 0x2029 }) {
			continue
		}
		if strings.Contains(tableText.String(), pl) || strings.Contains(pageText.String(), pl) {
			shownN++
		} else {
			missing = append(missing, pl)
		}
	}
	t.Logf("%d payloads found verbatim as text; not found: %q", shownN, missing)
	for _, must := range []string{`<script>window.__xss=(window.__xss||0)+1</script>`, `<img src=x onerror=alert(1)>`, `"><svg onload="window.__xss=(window.__xss||0)+1">`} {
		if !strings.Contains(tableText.String(), must) {
			t.Errorf("the element tables do not show %q as text", must)
		}
	}
}

// xssElementPage loads a type's table of the XSS scan, scrolls through
// every row, sorts, opens the detail panel of a few rows and the unique
// view, and returns the cell texts it saw.
func xssElementPage(p *tab, s *model.Scan, ty *model.TypeStat) []string {
	p.t.Helper()
	waitLoaded(p, ty.Total(), time.Minute)
	all := scrollAll(p, elementHost)
	if len(all) != ty.Total() {
		p.t.Errorf("%d rows, want %d", len(all), ty.Total())
	}
	var cells []string
	for _, r := range all {
		cells = append(cells, r.Cells["c-data"], r.Cells["c-source"], r.Cells["c-module"])
	}
	// Detail panels: the first and last rows, and rows holding markup.
	open := []int{0, ty.Total() - 1}
	longest := 0
	for k, i := range ty.Elements {
		if len(s.Elements[i].Data) > len(s.Elements[ty.Elements[longest]].Data) {
			longest = k
		}
	}
	open = append(open, longest)
	for k, i := range ty.Elements {
		if strings.Contains(s.Elements[i].Data, "<") && len(open) < 5 {
			open = append(open, k)
		}
	}
	slices.Sort(open)
	for _, k := range slices.Compact(open) {
		openRow(p, elementHost, k, ".c-data")
		p.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
		e := &s.Elements[ty.Elements[k]]
		got := p.text("#element-detail .detail-data")
		if len(e.Data) <= 64<<10 && got != strings.ToValidUTF8(e.Data, "\uFFFD") && got != e.Data {
			p.t.Errorf("row %d: the detail panel shows %d bytes, not the value (%d bytes)", k, len(got), len(e.Data))
		}
		if len(e.Data) > 64<<10 {
			if len(got) > 64<<10+4 || len(got) < 60<<10 {
				p.t.Errorf("row %d: a %d-byte value shows as %d bytes; want it cut at 64 KiB", k, len(e.Data), len(got))
			}
			if !strings.Contains(strings.ToLower(p.text("#element-detail")), "64 kib") {
				p.t.Errorf("row %d: a cut value without a note that it is cut", k)
			}
		}
		cells = append(cells, got)
	}
	// Sort by data, then the unique view.
	p.click(elementHost + " .vt-grid:not([hidden]) .vt-th.c-data button")
	p.waitFor(`!!document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data[aria-sort]")`, 0, "")
	p.click(`input[name=view][value=unique]`)
	p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-unique:not([hidden])")`, 0, "")
	for _, r := range scrollAll(p, elementHost) {
		cells = append(cells, r.Cells["c-data"])
	}
	return cells
}

// openRow scrolls row k of the grid in host into view and clicks its cell.
func openRow(p *tab, host string, k int, cellSel string) {
	p.t.Helper()
	evalT[bool](p, fmt.Sprintf(`(g => { const h = g.querySelector(".vt-body .vt-row").offsetHeight || 30; g.scrollTop = Math.max(0, %d * h - 20); return true; })(__e2e.grid(%s))`, k, jsString(host)))
	sel := fmt.Sprintf(`%s .vt-grid:not([hidden]) .vt-row[aria-rowindex="%d"]:not([hidden]) %s`, host, k+2, cellSel)
	p.waitFor(`!!document.querySelector(`+jsString(sel)+`)`, 0, "")
	p.click(sel)
}
