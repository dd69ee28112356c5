package e2e

// Browser tests of the element table (virtual scrolling over data chunks)
// and of the log view.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/templates"
)

// row is a rendered row of a virtual table, as __e2e.rows returns it.
type row struct {
	Pos   int               `json:"pos"`
	Cls   string            `json:"cls"`
	Cells map[string]string `json:"cells"`
}

const elementHost = "#element-table"

// rows reads the rendered rows of the visible grid inside host.
func rows(p *tab, host string) []row {
	p.t.Helper()
	return evalT[[]row](p, "__e2e.rows("+jsString(host)+")")
}

// scrollAll scrolls the grid inside host through and returns every row.
func scrollAll(p *tab, host string) []row {
	p.t.Helper()
	return evalWithin[[]row](p, "__e2e.scrollAll("+jsString(host)+")", 4*wait)
}

// shown is a value as a table cell shows it: on one line, cut at 400
// UTF-16 units (static/src/ui/format.ts oneLine).
func shown(v string) string {
	u := utf16.Encode([]rune(v))
	if len(u) > 400 {
		v = string(utf16.Decode(u[:400]))
	}
	v = controlRun.ReplaceAllString(v, " ")
	// <SFURL> markers are links: the cell's text is the URL between them.
	var b strings.Builder
	for _, part := range templates.SFURL(v) {
		b.WriteString(part.Text)
	}
	return b.String()
}

var controlRun = regexp.MustCompile(`[\r\n\t\f\v]+`)

// utf16Less orders strings as JavaScript's < does.
func utf16Less(a, b string) bool {
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b))) < 0
}

// dataOf lists a type's element data in arrival order.
func dataOf(s *model.Scan, ty *model.TypeStat) []string {
	out := make([]string, len(ty.Elements))
	for k, i := range ty.Elements {
		out[k] = s.Elements[i].Data
	}
	return out
}

// openTypePage opens a type's element table and waits until every chunk
// has loaded: rows shown, #row-count says the total, nothing busy.
func openTypePage(t *testing.T, b *browser, f *fixture, id string, ty *model.TypeStat) *tab {
	t.Helper()
	p := b.open(t, f.url("scans/"+id+"/types/"+ty.Slug+".html"))
	waitLoaded(p, ty.Total(), 0)
	return p
}

// waitLoaded waits until the element table shows rows and #row-count
// starts with total, and the table is no longer busy.
func waitLoaded(p *tab, total int, d time.Duration) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf(`__e2e.rows(%s).length > 0 && !document.querySelector("#element-table[aria-busy=true]") &&
		/^%s\b/.test(document.querySelector("#row-count").textContent.trim())`, jsString(elementHost), regexpNum(total)), d,
		`document.querySelector("#row-count").textContent + " / " + document.querySelector(".load-status")?.textContent`)
}

// regexpNum matches n as the page writes it, with or without commas.
func regexpNum(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(",?")
		}
		b.WriteRune(c)
	}
	return b.String()
}

// TestElementTable checks the finished sample scan's element tables: the
// largest type (virtual scrolling, scrolling to the end, sorting, the
// unique view), a small type (every row, the unique view's counts, the
// detail panel) and a type with false positives (hiding them).
func TestElementTable(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	ts := types(s)
	big := ts[0]
	var small *model.TypeStat
	for k := len(ts) - 1; k >= 0; k-- {
		if ts[k].Total() >= 3 && ts[k].Unique < ts[k].Total() {
			small = ts[k]
			break
		}
	}
	if small == nil {
		small = ts[len(ts)-1]
	}
	t.Logf("largest type %s (%d), small type %s (%d)", big.Code, big.Total(), small.Code, small.Total())

	t.Run("largest type", func(t *testing.T) {
		p := openTypePage(t, b, f, id, big)
		data := dataOf(s, big)

		// Virtual scrolling: far fewer row nodes than rows.
		nodes := p.count(elementHost + " .vt-row")
		t.Logf("%d row nodes for %d rows", nodes, big.Total())
		if nodes >= big.Total()/2 || nodes > 200 {
			t.Errorf("%d row nodes in the DOM for %d rows: not virtual", nodes, big.Total())
		}
		// Arrival order first.
		r := rows(p, elementHost)
		if r[0].Pos != 0 || r[0].Cells["c-data"] != shown(data[0]) {
			t.Errorf("first row %d %q, want 0 %q", r[0].Pos, r[0].Cells["c-data"], shown(data[0]))
		}
		// Scrolling to the bottom shows the last rows, on screen.
		evalT[bool](p, `(g => (g.scrollTop = g.scrollHeight, true))(__e2e.grid("#element-table"))`)
		last := big.Total() - 1
		p.waitFor(fmt.Sprintf(`__e2e.rows("#element-table").some(r => r.pos === %d)`, last), 0, `JSON.stringify(__e2e.rows("#element-table").map(r => r.pos))`)
		r = rows(p, elementHost)
		if got := r[len(r)-1]; got.Pos != last || got.Cells["c-data"] != shown(data[last]) {
			t.Errorf("last row %d %q, want %d %q", got.Pos, got.Cells["c-data"], last, shown(data[last]))
		}
		visible := evalT[bool](p, `(() => { const g = __e2e.grid("#element-table"), b = g.getBoundingClientRect();
			const r = [...g.querySelectorAll(".vt-row[aria-rowindex]")].find(r => !r.hidden && +r.getAttribute("aria-rowindex") === `+fmt.Sprint(last+2)+`);
			const x = r.getBoundingClientRect(); return x.top >= b.top - 1 && x.bottom <= b.bottom + 1 && x.height > 0; })()`)
		if !visible {
			t.Error("the last row is rendered but not on screen")
		}

		// Sorting by Data Element orders all rows, both ways.
		sorted := slices.Clone(data)
		slices.SortStableFunc(sorted, func(a, b string) int { return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b))) })
		for _, dir := range []string{"ascending", "descending"} {
			p.click(elementHost + " .vt-grid:not([hidden]) .vt-th.c-data button")
			p.waitFor(`document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data").getAttribute("aria-sort") === "`+dir+`"`, 0, "")
			p.waitFor(`__e2e.rows("#element-table")[0]?.pos === 0`, 0, "")
			r := rows(p, elementHost)
			got := make([]string, len(r))
			for k, x := range r {
				got[k] = x.Cells["c-data"]
			}
			want := sorted
			if dir == "descending" {
				want = slices.Clone(sorted)
				slices.Reverse(want)
			}
			for k := range min(len(got), 10) {
				if got[k] != shown(want[k]) {
					t.Errorf("sorted %s: row %d is %q, want %q", dir, k, got[k], shown(want[k]))
				}
			}
		}

		// The unique view: distinct values with their counts.
		counts := map[string]int{}
		for _, d := range data {
			counts[d]++
		}
		p.click(`input[name=view][value=unique]`)
		p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-unique:not([hidden])") && /^`+regexpNum(big.Unique)+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0,
			`document.querySelector("#row-count").textContent`)
		seen := map[string]bool{}
		for _, x := range rows(p, elementHost) {
			v := x.Cells["c-data"]
			if seen[v] {
				t.Errorf("unique view shows %q twice", v)
			}
			seen[v] = true
			if want, ok := counts[v]; !ok || num(x.Cells["c-count"]) != want {
				t.Errorf("unique value %q: count %q, want %d", v, x.Cells["c-count"], want)
			}
		}
		p.click(`input[name=view][value=full]`)
		p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-elements:not([hidden])")`, 0, "")
		p.check()
	})

	t.Run("small type", func(t *testing.T) {
		p := openTypePage(t, b, f, id, small)
		data := dataOf(s, small)
		hidden := evalT[bool](p, `(e => !e || !!e.closest("[hidden]") || e.offsetParent === null)(document.querySelector("#hide-fp"))`)
		if (small.FP == 0) != hidden {
			t.Errorf("type with %d false positives: #hide-fp hidden = %v", small.FP, hidden)
		}
		all := scrollAll(p, elementHost)
		if len(all) != len(data) {
			t.Fatalf("%d rows shown, want %d", len(all), len(data))
		}
		for k, x := range all {
			if x.Pos != k || x.Cells["c-data"] != shown(data[k]) {
				t.Errorf("row %d: %d %q, want %q", k, x.Pos, x.Cells["c-data"], shown(data[k]))
			}
		}
		// Unique view: every distinct value once, counts adding up.
		p.click(`input[name=view][value=unique]`)
		p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-unique:not([hidden])")`, 0, "")
		u := scrollAll(p, elementHost)
		sum := 0
		for _, x := range u {
			sum += num(x.Cells["c-count"])
		}
		if len(u) != small.Unique || sum != small.Total() {
			t.Errorf("unique view: %d values adding up to %d; want %d values adding up to %d", len(u), sum, small.Unique, small.Total())
		}
		p.click(`input[name=view][value=full]`)
		p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-elements:not([hidden])")`, 0, "")

		// Clicking a row opens the detail panel with the full value.
		if p.count("#element-detail:not([hidden])") != 0 {
			t.Error("the detail panel is open before any click")
		}
		k := len(data) - 1
		evalT[bool](p, `(g => (g.scrollTop = g.scrollHeight, true))(__e2e.grid("#element-table"))`)
		p.waitFor(fmt.Sprintf(`!!document.querySelector('#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="%d"]:not([hidden])')`, k+2), 0, "")
		// Any cell of the row opens it, not only the data cell.
		p.click(fmt.Sprintf(`#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="%d"]:not([hidden]) .c-module`, k+2))
		p.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
		e := &s.Elements[small.Elements[k]]
		detail := p.text("#element-detail")
		if got := p.text("#element-detail .detail-data"); got != e.Data {
			t.Errorf("detail value %q, want %q", got, e.Data)
		}
		for _, want := range []string{s.SourceData(small.Elements[k]), s.Module(small.Elements[k]), small.Code} {
			if !strings.Contains(detail, want) {
				t.Errorf("the detail panel does not show %q:\n%s", want, detail)
			}
		}
		p.check()
	})

	t.Run("longest value in full", func(t *testing.T) {
		// The element with the longest value: the table cuts it, the
		// detail panel shows all of it.
		best := int32(1)
		for i := int32(1); i < int32(len(s.Elements)); i++ {
			if len(s.Elements[i].Data) > len(s.Elements[best].Data) {
				best = i
			}
		}
		e := &s.Elements[best]
		ty := s.Type(best)
		pos := slices.Index(ty.Elements, best)
		t.Logf("%s element %s: %d bytes, row %d of %d", ty.Code, e.ID, len(e.Data), pos, ty.Total())
		p := openTypePage(t, b, f, id, ty)
		evalT[bool](p, fmt.Sprintf(`(g => { const h = g.querySelector(".vt-body .vt-row").offsetHeight; g.scrollTop = %d * h; return true; })(__e2e.grid("#element-table"))`, pos))
		sel := fmt.Sprintf(`#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="%d"]:not([hidden]) .c-data`, pos+2)
		p.waitFor(`!!document.querySelector(`+jsString(sel)+`)`, 0, "")
		p.click(sel)
		p.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
		if got := p.text("#element-detail .detail-data"); got != e.Data {
			t.Errorf("detail value (%d bytes) is not the element's value (%d bytes)", len(got), len(e.Data))
		}
		p.check()
	})

	t.Run("hide false positives", func(t *testing.T) {
		m := testread.ReadManifest(t, f.Site, id)
		var fpType *model.TypeStat
		for _, mt := range m.Types {
			if mt.FP > 0 {
				for _, ty := range ts {
					if ty.Slug == mt.Slug && (fpType == nil || ty.Total() > fpType.Total()) {
						fpType = ty
					}
				}
			}
		}
		if fpType == nil {
			t.Fatal("the finished sample scan has no type with false positives")
		}
		fpData := map[string]bool{}
		keepData := map[string]bool{}
		for _, i := range fpType.Elements {
			if s.Elements[i].Is(model.FlagFP) {
				fpData[shown(s.Elements[i].Data)] = true
			} else {
				keepData[shown(s.Elements[i].Data)] = true
			}
		}
		t.Logf("type %s: %d of %d false positives", fpType.Code, fpType.FP, fpType.Total())
		p := openTypePage(t, b, f, id, fpType)
		if !evalT[bool](p, `(e => !!e && !e.closest("[hidden]") && e.offsetParent !== null)(document.querySelector("#hide-fp"))`) {
			t.Fatal("#hide-fp is not shown for a type with false positives")
		}
		before := scrollAll(p, elementHost)
		marked := 0
		for _, x := range before {
			if strings.TrimSpace(x.Cells["c-fp"]) != "" {
				marked++
				if !fpData[x.Cells["c-data"]] {
					t.Errorf("row %d %q is flagged F/P but is not a false positive", x.Pos, x.Cells["c-data"])
				}
			}
		}
		if marked != fpType.FP {
			t.Errorf("%d rows flagged F/P, want %d", marked, fpType.FP)
		}
		p.click("#hide-fp")
		want := fpType.Total() - fpType.FP
		p.waitFor(`/^`+regexpNum(want)+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0, `document.querySelector("#row-count").textContent`)
		after := scrollAll(p, elementHost)
		if len(after) != want {
			t.Errorf("%d rows with false positives hidden, want %d", len(after), want)
		}
		for _, x := range after {
			if strings.TrimSpace(x.Cells["c-fp"]) != "" || (fpData[x.Cells["c-data"]] && !keepData[x.Cells["c-data"]]) {
				t.Errorf("row %d %q is a false positive and still shown", x.Pos, x.Cells["c-data"])
			}
		}
		p.click("#hide-fp")
		waitLoaded(p, fpType.Total(), 0)
		p.check()
	})
}

// TestLog checks the log view: every line rendered; the level dropdown
// shows only that level; the filter narrows; #log-count follows.
func TestLog(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	if len(s.Log) == 0 {
		t.Fatal("the finished sample scan has no log")
	}
	const host = "#log-table"
	p := b.open(t, f.url("scans/"+id+"/log.html"))
	countIs := func(n int) string {
		return `/^` + regexpNum(n) + `\b/.test(document.querySelector("#log-count").textContent.trim())`
	}
	p.waitFor(`__e2e.rows("#log-table").length > 0 && `+countIs(len(s.Log)), 0, `document.querySelector("#log-count").textContent`)

	all := scrollAll(p, host)
	if len(all) != len(s.Log) {
		t.Errorf("%d log rows rendered, want %d", len(all), len(s.Log))
	}
	for k, x := range all {
		if k < len(s.Log) && (x.Cells["c-msg"] != shown(s.Log[k].Message) || x.Cells["c-level"] != s.Log[k].Level) {
			t.Errorf("log row %d: %s %q, want %s %q", k, x.Cells["c-level"], x.Cells["c-msg"], s.Log[k].Level, shown(s.Log[k].Message))
			break
		}
	}

	t.Run("level", func(t *testing.T) {
		p := p.on(t)
		for _, level := range []string{"ERROR", "WARNING"} {
			want := 0
			for _, l := range s.Log {
				if l.Level == level {
					want++
				}
			}
			if want == 0 {
				continue
			}
			p.selectValue("#log-level", level)
			p.waitFor(countIs(want), 0, `document.querySelector("#log-count").textContent`)
			got := scrollAll(p, host)
			if len(got) != want {
				t.Errorf("%s: %d rows, want %d", level, len(got), want)
			}
			for _, x := range got {
				if x.Cells["c-level"] != level {
					t.Errorf("%s filter shows a %s line: %q", level, x.Cells["c-level"], x.Cells["c-msg"])
				}
			}
		}
		p.selectValue("#log-level", "ALL")
		p.waitFor(countIs(len(s.Log)), 0, `document.querySelector("#log-count").textContent`)
	})

	t.Run("filter", func(t *testing.T) {
		p := p.on(t)
		word, want := filterWord(s)
		if word == "" {
			t.Skip("no word narrows the log")
		}
		t.Logf("filter %q: %d of %d lines", word, want, len(s.Log))
		p.typeText("#log-filter", word)
		p.waitFor(countIs(want), 0, `document.querySelector("#log-count").textContent`)
		got := scrollAll(p, host)
		if len(got) != want {
			t.Errorf("filter %q: %d rows, want %d", word, len(got), want)
		}
		for _, x := range got {
			if !strings.Contains(strings.ToLower(x.Cells["c-msg"]+" "+x.Cells["c-comp"]), strings.ToLower(word)) {
				t.Errorf("filter %q shows %q", word, x.Cells["c-msg"])
			}
		}
		// Level and filter together.
		p.selectValue("#log-level", "INFO")
		both := 0
		for _, l := range s.Log {
			if l.Level == "INFO" && strings.Contains(strings.ToLower(l.Message), strings.ToLower(word)) {
				both++
			}
		}
		p.waitFor(countIs(both)+` || (`+fmt.Sprint(both)+` === 0 && /^0\b/.test(document.querySelector("#log-count").textContent.trim()))`, 0, `document.querySelector("#log-count").textContent`)
	})
	p.check()
}

// filterWord picks a word of the log's messages that is in no component
// name and matches some lines but not most, and says how many lines have it.
func filterWord(s *model.Scan) (string, int) {
	comps := map[string]bool{}
	for _, l := range s.Log {
		comps[strings.ToLower(l.Component)] = true
	}
	best, bestN := "", 0
	for _, l := range s.Log {
		for _, w := range strings.Fields(l.Message) {
			w = strings.Trim(w, ".,:;()[]'\"")
			if len(w) < 5 || strings.ContainsAny(w, "\\/") {
				continue
			}
			lw := strings.ToLower(w)
			inComp := false
			for c := range comps {
				if strings.Contains(c, lw) {
					inComp = true
				}
			}
			if inComp {
				continue
			}
			n := 0
			for _, m := range s.Log {
				if strings.Contains(strings.ToLower(m.Message), lw) {
					n++
				}
			}
			if n >= 2 && n <= len(s.Log)/3 && n > bestN {
				best, bestN = w, n
			}
		}
	}
	return best, bestN
}
