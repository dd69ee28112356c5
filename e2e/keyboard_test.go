package e2e

// Keyboard only: the element table (arrows, Enter, Escape, Space,
// Shift+Space, End, "/"), the false-positive buttons of the preview server,
// and the lists of what the graph, the bubbles and the discovery tree draw.

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/scanreport/scanreport/scan"
)

// press sends one key to the focused element, with modifiers.
func press(p *tab, key string, mods ...chromedp.Modifier) {
	p.t.Helper()
	var opts []chromedp.KeyOption
	if len(mods) > 0 {
		opts = append(opts, chromedp.KeyModifiers(mods...))
	}
	p.run("press "+fmt.Sprintf("%q", key), chromedp.KeyEvent(key, opts...))
}

// tabTo presses Tab (or Shift+Tab) until the focused element matches sel;
// it fails after limit presses (the element is not reachable).
func tabTo(p *tab, sel string, back bool, limit int) {
	p.t.Helper()
	for i := 0; i < limit; i++ {
		if evalT[bool](p, `!!document.activeElement && document.activeElement.matches(`+jsString(sel)+`)`) {
			return
		}
		if back {
			press(p, kb.Tab, chromedp.ModifierShift)
		} else {
			press(p, kb.Tab)
		}
	}
	p.t.Fatalf("%s not reached in %d presses of Tab (focus is on %s)", sel, limit,
		evalT[string](p, `(e => e ? e.tagName + "#" + e.id + "." + e.className : "nothing")(document.activeElement)`))
}

// activeRow is the aria-rowindex of the focused table row (0 when the focus
// is not on a row).
func activeRow(p *tab) int {
	p.t.Helper()
	return evalT[int](p, `(e => e && e.matches(".vt-row") ? +e.getAttribute("aria-rowindex") : 0)(document.activeElement)`)
}

// focusVisible tells whether the focused element draws a focus outline.
func focusVisible(p *tab) bool {
	p.t.Helper()
	return evalT[bool](p, `(e => !!e && e.matches(":focus-visible") && getComputedStyle(e).outlineStyle !== "none" && parseFloat(getComputedStyle(e).outlineWidth) >= 2)(document.activeElement)`)
}

func checkedRows(p *tab) []int {
	p.t.Helper()
	return evalT[[]int](p, `[...__e2e.grid("#element-table").querySelectorAll(".vt-row:not([hidden])")].filter(r => r.querySelector("input.row-select")?.checked).map(r => +r.getAttribute("aria-rowindex")).sort((a, b) => a - b)`)
}

func TestKeyboardTable(t *testing.T) {
	f := site(t)
	fin := f.finished(t)
	s := f.scan(t, fin)
	ty := types(s)[0]
	b := newBrowser(t)
	p := b.open(t, f.url("scans/"+fin+"/types/"+ty.Slug+".html"))
	waitLoaded(p, ty.Total(), 0)

	// Screen readers: the grid counts its rows, header included, though
	// only a screenful is in the DOM.
	grid := `__e2e.grid("#element-table")`
	if got := evalT[string](p, grid+`.getAttribute("aria-rowcount")`); got != fmt.Sprint(ty.Total()+1) {
		t.Errorf("aria-rowcount %s, want %d", got, ty.Total()+1)
	}
	if n := evalT[int](p, grid+`.querySelectorAll(".vt-body .vt-row:not([hidden])").length`); n >= ty.Total() {
		t.Fatalf("%d rows in the DOM for %d elements: not virtual, pick a bigger type", n, ty.Total())
	}
	if got := evalT[string](p, grid+`.getAttribute("aria-colcount")`); got == "" || got == "0" {
		t.Errorf("aria-colcount %q", got)
	}

	// Tab from the top of the page reaches the table's first row.
	evalT[bool](p, `(document.activeElement && document.activeElement.blur(), true)`)
	tabTo(p, ".vt-body .vt-row", false, 60)
	if got := activeRow(p); got != 2 {
		t.Errorf("Tab reached row %d, want the first (aria-rowindex 2)", got)
	}
	if !focusVisible(p) {
		t.Error("the focused row shows no focus outline")
	}
	press(p, kb.ArrowDown)
	press(p, kb.ArrowDown)
	press(p, kb.ArrowUp)
	if got := activeRow(p); got != 3 {
		t.Errorf("down, down, up: row %d, want 3", got)
	}

	// Enter opens the detail of the row; Escape closes it and the focus
	// goes back to the row (no trap).
	data := evalT[string](p, `document.activeElement.querySelector(".c-data").textContent`)
	press(p, kb.Enter)
	p.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
	if got := p.text("#element-detail .detail-data"); !strings.HasPrefix(shown(got), strings.TrimSuffix(data, "…")) {
		t.Errorf("Enter on %q opened the detail of %q", data, got)
	}
	if evalT[bool](p, `!document.querySelector("#element-detail").contains(document.activeElement)`) {
		t.Error("the detail panel opened without the focus")
	}
	press(p, kb.Escape)
	p.waitFor(`!!document.querySelector("#element-detail[hidden]")`, 0, "")
	if got := activeRow(p); got != 3 {
		t.Errorf("after Escape the focus is on row %d, want 3", got)
	}

	// Space checks the row; Shift+Space three rows down checks the range.
	press(p, " ")
	if got := checkedRows(p); fmt.Sprint(got) != "[3]" {
		t.Errorf("Space checked rows %v, want [3]", got)
	}
	for range 3 {
		press(p, kb.ArrowDown)
	}
	press(p, " ", chromedp.ModifierShift)
	if got := checkedRows(p); fmt.Sprint(got) != "[3 4 5 6]" {
		t.Errorf("Shift+Space checked rows %v, want [3 4 5 6]", got)
	}

	// End goes to the last element, far below what was rendered at first.
	press(p, kb.End)
	p.waitFor(fmt.Sprintf(`(e => e && +e.getAttribute("aria-rowindex") === %d)(document.activeElement)`, ty.Total()+1), 0,
		`document.activeElement.getAttribute("aria-rowindex")`)
	press(p, kb.Home)
	p.waitFor(`(e => e && +e.getAttribute("aria-rowindex") === 2)(document.activeElement)`, 0, `document.activeElement.getAttribute("aria-rowindex")`)

	// "/" goes to the search box.
	press(p, "/")
	if got := evalT[string](p, `document.activeElement.id`); got != "search-q" {
		t.Errorf(`"/" focused #%s, want #search-q`, got)
	}
}

// TestKeyboardFalsePositives marks and unmarks an element with the keyboard
// alone on the preview server.
func TestKeyboardFalsePositives(t *testing.T) {
	srv, b, scans := serveSamples(t)
	finished, fs := scanWithStatus(t, scans, scan.StatusFinished)
	ty := types(fs)[0]
	p := b.open(t, srv.url("scans/"+finished+"/types/"+ty.Slug+".html"))
	waitLive(p)
	waitLoaded(p, ty.Total(), 0)
	review := filepath.Join(scans, finished, scan.ReviewFile)
	lines := lineCount(t, review)

	// A row that is no false positive yet, checked with Space.
	pos := evalT[int](p, `(rs => { const r = rs.find(r => r.cells["c-fp"] === ""); return r ? r.pos : -1 })(__e2e.rows("#element-table"))`)
	if pos < 0 {
		t.Fatal("every visible row is a false positive already")
	}
	evalT[bool](p, fmt.Sprintf(`(__e2e.grid("#element-table").querySelector('.vt-row[aria-rowindex="%d"]').focus(), true)`, pos+2))
	press(p, " ")
	p.waitFor(`!document.querySelector('#fp-tools button[data-fp="set"]').disabled`, 0, "")
	cell := fmt.Sprintf(`(r => r ? r.querySelector(".c-fp").textContent : "?")(__e2e.grid("#element-table").querySelector('.vt-row[aria-rowindex="%d"]'))`, pos+2)

	// Shift+Tab back to "Mark false positive", Enter.
	tabTo(p, `#fp-tools button[data-fp="set"]`, true, 40)
	if !focusVisible(p) {
		t.Error("the focused button shows no focus outline")
	}
	press(p, kb.Enter)
	p.waitFor(cell+` === "F/P"`, 10*time.Second, cell)
	if got := lineCount(t, review); got != lines+1 {
		t.Errorf("review.jsonl: %d lines, want %d", got, lines+1)
	}
	// Tab on to "Unmark", Space.
	tabTo(p, `#fp-tools button[data-fp="unset"]`, false, 5)
	press(p, " ")
	p.waitFor(cell+` === ""`, 10*time.Second, cell)
	if got := lineCount(t, review); got != lines+2 {
		t.Errorf("review.jsonl: %d lines after unmarking, want %d", got, lines+2)
	}
}

// openDrawnList reaches the list of what a canvas draws with Tab, opens it
// with Enter and returns its entries' texts.
func openDrawnList(p *tab, id string) []string {
	p.t.Helper()
	evalT[bool](p, `(document.activeElement && document.activeElement.blur(), true)`)
	tabTo(p, "#"+id+" > summary", false, 80)
	if !focusVisible(p) {
		p.t.Errorf("the focused summary of #%s shows no focus outline", id)
	}
	press(p, kb.Enter)
	p.waitFor(`document.querySelector("#`+id+`").open && document.querySelectorAll("#`+id+` li").length > 0`, 0, "")
	return p.texts("#" + id + " li .drawn-item")
}

// TestKeyboardDrawnLists: the graph, the bubbles and the discovery tree
// each have a list of what they draw that the keyboard reaches, and Enter
// on an entry does what a click on the drawing does.
func TestKeyboardDrawnLists(t *testing.T) {
	f := site(t)
	fin := f.finished(t)
	s := f.scan(t, fin)
	b := newBrowser(t)
	var ip string
	for _, ty := range types(s) {
		if ty.Code == "IP_ADDRESS" {
			ip = ty.Slug
		}
	}
	if ip == "" {
		t.Fatal("no IP_ADDRESS type in the finished scan")
	}

	t.Run("graph", func(t *testing.T) {
		p := openGraph(t, b, f.url("scans/"+fin+"/graph.html"))
		items := openDrawnList(p, "graph-drawn")
		shown := evalT[int](p, `+document.getElementById("graph").dataset.shown`)
		if want := min(shown, 500); len(items) != want {
			t.Errorf("%d entries for %d nodes shown, want %d", len(items), shown, want)
		}
		if len(items) == 0 || items[0] != s.Meta.Target {
			t.Fatalf("the first entry is %q, want the target %q", items[0], s.Meta.Target)
		}
		// The second entry (an entity), with Enter: its element page.
		press(p, kb.Tab)
		press(p, kb.Tab)
		if got := p.text("#graph-drawn li:nth-child(2) .drawn-note"); strings.Contains(got, "more") {
			t.Skipf("the second entry is a group (%q)", got)
		}
		want := evalT[string](p, `document.activeElement.textContent`)
		if want != items[1] {
			t.Fatalf("two Tabs from the summary reached %q, want the second entry %q", want, items[1])
		}
		ctx, cancel := context.WithTimeout(p.ctx, wait)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
			t.Fatalf("Enter on %q: %v", want, err)
		}
		if u := p.location(); !strings.Contains(u, "/types/") {
			t.Errorf("Enter on %q opened %s, not an element page", want, u)
		}
	})

	t.Run("bubbles", func(t *testing.T) {
		p := openVis(t, b, f.url("scans/"+fin+"/visualise.html")+"#type="+ip+"&view=bubble-data")
		items := openDrawnList(p, "vis-drawn")
		if n := evalT[int](p, `+document.getElementById("vis-stage").dataset.bubbles`); len(items) != min(n, 500) {
			t.Errorf("%d entries for %d bubbles", len(items), n)
		}
		press(p, kb.Tab)
		ctx, cancel := context.WithTimeout(p.ctx, wait)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
			t.Fatalf("Enter on the first bubble's entry: %v", err)
		}
		if u := p.location(); !strings.Contains(u, "/types/"+ip+".html#") || !strings.Contains(u, "q=") {
			t.Errorf("Enter on the largest bubble %q opened %s, not the table searched for it", items[0], u)
		}
	})

	t.Run("discovery", func(t *testing.T) {
		p := openVis(t, b, f.url("scans/"+fin+"/visualise.html")+"#type="+ip+"&view=discovery")
		items := openDrawnList(p, "vis-drawn")
		if n := evalT[int](p, `document.getElementById("vis-stage").canvasView.chart.visibleCount`); len(items) != min(n, 500) {
			t.Errorf("%d entries for %d visible tree nodes", len(items), n)
		}
		if items[0] != s.Meta.Target {
			t.Errorf("the first row of the tree is %q, want the target %q", items[0], s.Meta.Target)
		}
		levels := p.attrs("#vis-drawn li", "data-level")
		if levels[0] != "1" || !slices.Contains(levels, "2") {
			t.Errorf("tree levels %v", levels[:min(len(levels), 10)])
		}
	})
}

// TestLiveAnnouncements: while a scan runs, new elements are announced
// politely and together ("50 new elements"), not one by one, and the status
// line's clock is not a live region.
func TestLiveAnnouncements(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	big := types(rs)[0]
	p := b.open(t, srv.url("scans/"+running+"/types/"+big.Slug+".html"))
	waitLive(p)
	waitLoaded(p, big.Total(), 0)
	if role, live := p.attrs("#live-status", "role")[0], p.attrs("#live-status", "aria-live")[0]; role != "" || live != "off" {
		t.Errorf("#live-status role=%q aria-live=%q: its clock would be read out on every refresh", role, live)
	}
	evalT[bool](p, `(() => { window.__said = []; const seen = () => { const e = document.getElementById("live-announce");
		if (!e) return requestAnimationFrame(seen);
		if (e.getAttribute("aria-live") !== "polite") window.__said.push({t: 0, text: "not polite: " + e.getAttribute("aria-live")});
		new MutationObserver(() => window.__said.push({t: performance.now(), text: e.textContent})).observe(e, {childList: true, characterData: true, subtree: true}); };
		seen(); return true; })()`)
	total := 0
	for i := range 5 {
		appendElements(t, scans, running, big.Code, fmt.Sprintf("announce-%d", i), 10)
		total += 10
		time.Sleep(150 * time.Millisecond)
	}
	waitLoaded(p, big.Total()+total, 15*time.Second)
	type said struct {
		T    float64 `json:"t"`
		Text string  `json:"text"`
	}
	sum := `window.__said.reduce((a, s) => a + (+(/^([\d,]+) new elements?$/.exec(s.text) || [0, 0])[1].toString().replace(/,/g, "")), 0)`
	p.waitFor(sum+` === `+fmt.Sprint(total), 15*time.Second, `JSON.stringify(window.__said)`)
	all := evalT[[]said](p, `window.__said`)
	if len(all) > 2 {
		t.Errorf("%d announcements for %d elements in 5 batches, want them together: %+v", len(all), total, all)
	}
	for i := 1; i < len(all); i++ {
		if gap := all[i].T - all[i-1].T; gap < 9000 {
			t.Errorf("announcements %.0f ms apart: %+v", gap, all)
		}
	}
	t.Logf("said: %+v", all)
}

// TestFocusVisible tabs through pages of every main kind: each stop shows
// a focus indicator (an outline of 2 px or more, or the row highlight of
// the tables), and Tab always moves on (no keyboard trap).
func TestFocusVisible(t *testing.T) {
	f := site(t)
	fin := f.finished(t)
	ty := types(f.scan(t, fin))[0]
	b := newBrowser(t)
	sc := "scans/" + fin + "/"
	for _, rel := range []string{"index.html", sc + "index.html", sc + "browse.html", sc + "types/" + ty.Slug + ".html",
		sc + "correlations.html", sc + "graph.html", sc + "visualise.html", sc + "log.html", sc + "settings.html"} {
		t.Run(rel, func(t *testing.T) {
			p := b.open(t, f.url(rel))
			evalT[bool](p, `new Promise(r => setTimeout(() => r(true), 400))`)
			evalT[bool](p, `(document.activeElement && document.activeElement.blur(), true)`)
			seen := map[string]bool{}
			prev := ""
			stuck := 0
			for i := 0; i < 45; i++ {
				press(p, kb.Tab)
				st := evalT[struct {
					Where   string `json:"where"`
					Visible bool   `json:"visible"`
				}](p, `(e => {
					if (!e || e === document.body) return {where: "body", visible: true};
					const cs = getComputedStyle(e);
					const ring = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2;
					const ids = window.__tabIDs || (window.__tabIDs = new WeakMap());
					if (!ids.has(e)) ids.set(e, window.__tabN = (window.__tabN || 0) + 1);
					const where = "#" + ids.get(e) + " " + e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "") + ":" + (e.textContent || "").trim().slice(0, 30);
					return {where, visible: ring && e.matches(":focus-visible")};
				})(document.activeElement)`)
				if !st.Visible {
					t.Errorf("Tab stop %d, %s: no visible focus indicator", i+1, st.Where)
				}
				if st.Where == prev {
					stuck++
					if stuck >= 3 {
						t.Fatalf("Tab stays on %s: a keyboard trap", st.Where)
					}
				} else {
					stuck = 0
				}
				prev = st.Where
				seen[st.Where] = true
			}
			if len(seen) < 5 {
				t.Errorf("45 presses of Tab reached only %d places: %v", len(seen), seen)
			}
		})
	}
}
