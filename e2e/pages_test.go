package e2e

// Browser tests of the server-rendered pages: scan list, overview, browse
// and settings, opened from file://.

import (
	"fmt"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/pelletier/go-toml/v2"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/scan"
)

// num reads a displayed number ("12,345 elements" → 12345); -1 when none.
func num(s string) int {
	m := regexp.MustCompile(`\d[\d,]*`).FindString(s)
	if m == "" {
		return -1
	}
	n, err := strconv.Atoi(strings.ReplaceAll(m, ",", ""))
	if err != nil {
		return -1
	}
	return n
}

// cell is one cell of a server-rendered table.
type cell struct {
	Text  string
	Value *string
	Href  *string
}

// htmlTable is a <table> as the page shows it now.
type htmlTable struct {
	Head []string // header texts, lower case
	Rows [][]cell
}

// readTable reads the first table matching sel.
func readTable(p *tab, sel string) htmlTable {
	p.t.Helper()
	tb := evalT[*htmlTable](p, "__e2e.table("+jsString(sel)+")")
	if tb == nil {
		p.t.Fatalf("no table %s", sel)
	}
	return *tb
}

// col is the index of the column whose header is name (case-insensitive).
func (tb htmlTable) col(t testing.TB, name string) int {
	t.Helper()
	for i, h := range tb.Head {
		if h == strings.ToLower(name) {
			return i
		}
	}
	t.Fatalf("no column %q in %q", name, tb.Head)
	return -1
}

// column is every row's cell of the column named name.
func (tb htmlTable) column(t testing.TB, name string) []cell {
	t.Helper()
	i := tb.col(t, name)
	out := make([]cell, len(tb.Rows))
	for k, r := range tb.Rows {
		if i < len(r) {
			out[k] = r[i]
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestScanList: one row per scan with its name, target, status badge and
// element count; each name opens the scan's overview; select-all checks
// (and unchecks) every scan.
func TestScanList(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	p := b.open(t, f.url("index.html"))

	if got := p.count("#scan-list tbody tr"); got != len(f.ids) {
		t.Fatalf("scan list rows: got %d, want %d (%v)", got, len(f.ids), f.ids)
	}
	total := 0
	for _, id := range f.ids {
		total += f.scan(t, id).Count()
	}
	if got := num(p.text("p.lead")); !strings.Contains(p.text("p.lead"), fmt.Sprintf("%d scans", len(f.ids))) || got != len(f.ids) {
		t.Errorf("lead %q: want %d scans", p.text("p.lead"), len(f.ids))
	}
	if !strings.Contains(strings.ReplaceAll(p.text("p.lead"), ",", ""), fmt.Sprintf("%d elements", total)) {
		t.Errorf("lead %q: want %d elements", p.text("p.lead"), total)
	}

	tb := readTable(p, "#scan-list")
	names, targets, statuses, elements := tb.column(t, "name"), tb.column(t, "target"), tb.column(t, "status"), tb.column(t, "elements")
	boxes := p.attrs("#scan-list tbody tr input.scan-select", "value")
	for _, id := range f.ids {
		t.Run(id, func(t *testing.T) {
			s := f.scan(t, id)
			k := slices.Index(boxes, id)
			if k < 0 {
				t.Fatalf("no checkbox for %s (have %q)", id, boxes)
			}
			if !strings.HasPrefix(names[k].Text, s.Meta.Name) || targets[k].Text != s.Meta.Target || statuses[k].Text != s.Meta.Status {
				t.Errorf("row: name %q target %q status %q; want %q %q %q", names[k].Text, targets[k].Text, statuses[k].Text, s.Meta.Name, s.Meta.Target, s.Meta.Status)
			}
			if num(elements[k].Text) != s.Count() || deref(elements[k].Value) != strconv.Itoa(s.Count()) {
				t.Errorf("elements cell %q (data-value %s), want %d", elements[k].Text, deref(elements[k].Value), s.Count())
			}
			if deref(names[k].Href) != "scans/"+id+"/index.html" {
				t.Errorf("link %s", deref(names[k].Href))
			}
		})
	}
	for _, st := range []string{scan.StatusFinished, scan.StatusRunning, scan.StatusAborted} {
		if !slices.Contains(p.texts("#scan-list .badge[class*=status-]"), st) {
			t.Errorf("no %s status badge in the scan list", st)
		}
	}

	t.Run("select-all", func(t *testing.T) {
		p := p.on(t)
		p.click("#select-all")
		p.waitFor(`[...document.querySelectorAll("input.scan-select")].every(c => c.checked)`, 0,
			`[...document.querySelectorAll("input.scan-select")].filter(c => c.checked).length + " checked"`)
		p.click("#select-all")
		p.waitFor(`[...document.querySelectorAll("input.scan-select")].every(c => !c.checked)`, 0,
			`[...document.querySelectorAll("input.scan-select")].filter(c => c.checked).length + " checked"`)
		// Checking every scan by hand checks select-all.
		for _, id := range f.ids {
			p.click("input.scan-select[value=" + jsString(id) + "]")
		}
		p.waitFor(`document.querySelector("#select-all").checked`, 0, "")
	})

	t.Run("links", func(t *testing.T) {
		p := p.on(t)
		for _, id := range f.ids {
			p.nav(f.url("index.html"))
			p.clickNav(fmt.Sprintf(`#scan-list a[href="scans/%s/index.html"]`, id))
			got := evalT[[]string](p, `[document.body.dataset.page, document.body.dataset.scan, document.querySelector(".scan-header .scan-name").textContent]`)
			if want := []string{"overview", id, f.scan(t, id).Meta.Name}; !slices.Equal(got, want) {
				t.Errorf("after clicking %s: page, scan, name = %q, want %q", id, got, want)
			}
		}
	})
	p.check()
}

// statValue reads the overview's counter with a label.
func statValue(p *tab, label string) int {
	p.t.Helper()
	v := evalT[string](p, fmt.Sprintf(`(() => { for (const s of document.querySelectorAll(".totals .stat"))
		if (s.querySelector(".label").textContent.trim().toLowerCase() === %s) return s.querySelector(".value").textContent; return ""; })()`, jsString(label)))
	return num(v)
}

// TestOverview checks every sample scan's overview: totals, the type
// chart, risky results, the partial-results notice, notes and the
// timeline; clicking a type opens its element table.
func TestOverview(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	for _, id := range f.ids {
		if id == xssID {
			continue
		}
		t.Run(id, func(t *testing.T) {
			s := f.scan(t, id)
			want := totalsOf(s)
			p := b.open(t, f.url("scans/"+id+"/index.html"))

			t.Run("header", func(t *testing.T) {
				p := p.on(t)
				if got := p.text(".scan-header .scan-name"); got != s.Meta.Name {
					t.Errorf("name %q, want %q", got, s.Meta.Name)
				}
				if got := strings.TrimSpace(p.text(".scan-header .badge[class*=status-]")); got != s.Meta.Status {
					t.Errorf("status badge %q, want %q", got, s.Meta.Status)
				}
				notice := p.count(".notice.partial")
				if partial := s.Meta.Status != scan.StatusFinished; partial != (notice == 1) {
					t.Errorf("status %s: %d partial-results notices", s.Meta.Status, notice)
				} else if partial && !strings.Contains(strings.ToLower(p.text(".notice.partial")), "partial") {
					t.Errorf("partial notice %q does not say the results are partial", p.text(".notice.partial"))
				}
			})

			t.Run("totals", func(t *testing.T) {
				p := p.on(t)
				for _, c := range []struct {
					label string
					want  int
				}{{"elements", want.Elements}, {"unique", want.Unique}, {"types", want.Types}, {"risky", want.Risky}, {"false positives", want.FP}} {
					if got := statValue(p, c.label); got != c.want {
						t.Errorf("%s: shown %d, want %d", c.label, got, c.want)
					}
				}
			})

			t.Run("type chart", func(t *testing.T) {
				p := p.on(t)
				ts := types(s)
				bars := evalT[[]struct {
					Href, Label, Total string
					Bar                bool
				}](p, `[...document.querySelectorAll("main tr")].filter(tr => tr.querySelector('a[href^="types/"]') && tr.querySelector("rect")).map(tr => ({Href: tr.querySelector("a").getAttribute("href"),
					Label: tr.querySelector("a").textContent, Total: tr.querySelector("td.num").textContent,
					Bar: !!tr.querySelector("rect")}))`)
				if len(bars) != len(ts) {
					t.Fatalf("chart bars: %d, want one per type: %d", len(bars), len(ts))
				}
				bySlug := map[string]*model.TypeStat{}
				for _, ty := range ts {
					bySlug[ty.Slug] = ty
				}
				for _, bar := range bars {
					ty := bySlug[strings.TrimSuffix(strings.TrimPrefix(bar.Href, "types/"), ".html")]
					if ty == nil || !bar.Bar {
						t.Errorf("bar %+v names no type of the scan", bar)
						continue
					}
					if num(bar.Total) != ty.Total() || !strings.HasPrefix(bar.Label, ty.Description) {
						t.Errorf("bar %s: %q %s, want %q %d", ty.Code, bar.Label, bar.Total, ty.Description, ty.Total())
					}
				}
				if len(ts) == 0 {
					return
				}
				// Click the smallest type's link, then the largest type's bar:
				// each opens that type's element table.
				for _, c := range []struct {
					ty  *model.TypeStat
					sel string
				}{
					{ts[len(ts)-1], `main tr:has(rect) th a[href="types/` + ts[len(ts)-1].Slug + `.html"]`},
					{ts[0], `main tr:has(rect) td.bar a[href="types/` + ts[0].Slug + `.html"] svg`},
				} {
					p.clickNav(c.sel)
					if got := evalT[[]string](p, `[document.body.dataset.page, document.body.dataset.type]`); !slices.Equal(got, []string{"elements", c.ty.Slug}) {
						t.Errorf("after clicking %s: page %q", c.sel, got)
					}
					p.nav(f.url("scans/" + id + "/index.html"))
				}
			})

			t.Run("risky", func(t *testing.T) {
				p := p.on(t)
				shown := evalT[int](p, `(() => { for (const s of document.querySelectorAll("main section"))
					if (/^risky results/i.test(s.querySelector("h2")?.textContent ?? "")) return s.querySelectorAll("tbody tr").length; return -1; })()`)
				if wantRows := min(want.Risky, 100); shown != wantRows {
					t.Errorf("risky results listed: %d, want %d (of %d risky)", shown, wantRows, want.Risky)
				}
				if want.Risky > 0 {
					first := riskiest(s)
					got := evalT[string](p, `(() => { for (const s of document.querySelectorAll("main section"))
						if (/^risky results/i.test(s.querySelector("h2")?.textContent ?? "")) return s.querySelector("tbody tr td.data").firstChild.textContent; })()`)
					if got != first.Data {
						t.Errorf("first risky result %q, want the riskiest element %q", got, first.Data)
					}
				}
			})

			t.Run("notes", func(t *testing.T) {
				p := p.on(t)
				notes := string(s.Notes)
				if strings.TrimSpace(notes) == "" {
					if p.count("section.notes") != 0 {
						t.Error("a notes section for a scan without notes")
					}
					return
				}
				if p.count("section.notes :is(h1,h2,h3,h4,h5,h6)") == 0 {
					t.Fatal("the notes have no heading")
				}
				headings := p.texts("section.notes :is(h1,h2,h3,h4,h5,h6)")
				for _, line := range strings.Split(notes, "\n") {
					if m := regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`).FindStringSubmatch(line); m != nil {
						if !slices.Contains(headings, stripInlineMarkdown(m[1])) {
							t.Errorf("notes heading %q not rendered (headings %q)", m[1], headings)
						}
					}
				}
				bad := evalT[[]string](p, `[...document.querySelectorAll("section.notes *")].filter(e =>
					/^(SCRIPT|IFRAME|OBJECT|EMBED|IMG|STYLE|FORM|SVG|MATH|BASE|LINK|META|TEXTAREA|SELECT|BUTTON)$/i.test(e.tagName) ||
					(e.tagName === "INPUT" && !(e.type === "checkbox" && e.disabled)) ||
					[...e.attributes].some(a => /^on/i.test(a.name) || a.name === "style" || /^\s*javascript:/i.test(a.value))).map(e => e.outerHTML)`)
				if len(bad) > 0 {
					t.Errorf("raw HTML from notes.md made it into the page: %q", bad)
				}
			})

			t.Run("timeline", func(t *testing.T) {
				p := p.on(t)
				timed := 0
				for i := 1; i < len(s.Elements); i++ {
					if s.Elements[i].Generated > 0 {
						timed++
					}
				}
				titles := p.texts("svg.timeline rect title")
				if timed == 0 {
					return
				}
				if len(titles) == 0 || len(titles) > 600 {
					t.Fatalf("timeline has %d bars for %d timed elements", len(titles), timed)
				}
				sum := 0
				for _, ti := range titles {
					m := regexp.MustCompile(`:\s*(\d[\d,]*)\D*$`).FindStringSubmatch(ti)
					if m == nil {
						t.Fatalf("bar title %q has no count", ti)
					}
					sum += num(m[1])
				}
				if sum != timed {
					t.Errorf("timeline bars add up to %d, want %d timed elements", sum, timed)
				}
			})
			p.check()
		})
	}
}

// stripInlineMarkdown removes the emphasis and code marks of a heading.
func stripInlineMarkdown(s string) string {
	return strings.NewReplacer("`", "", "**", "", "__", "", "*", "", "_", "").Replace(s)
}

// riskiest is the element the overview lists first: highest risk, then
// arrival order.
func riskiest(s *model.Scan) *model.Element {
	var best *model.Element
	for i := range s.Elements {
		e := &s.Elements[i]
		if e.Is(model.FlagRisky) && (best == nil || e.Risk > best.Risk) {
			best = e
		}
	}
	return best
}

// TestBrowse: one row per type (no ROOT) with its counts and link; sorting
// by a header orders the rows and a second click reverses them.
func TestBrowse(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	p := b.open(t, f.url("scans/"+id+"/browse.html"))

	const table = "#type-list"
	tb := readTable(p, table)
	ts := types(s)
	if len(tb.Rows) != len(ts) {
		t.Fatalf("browse rows: %d, want one per type: %d", len(tb.Rows), len(ts))
	}
	descr, codes, uniq, total, risky := tb.column(t, "type"), tb.column(t, "code"), tb.column(t, "unique"), tb.column(t, "total"), tb.column(t, "risky")
	row := map[string]int{}
	for k, c := range codes {
		row[strings.Fields(c.Text)[0]] = k
	}
	if _, ok := row[scan.RootID]; ok {
		t.Error("browse lists ROOT")
	}
	for _, ty := range ts {
		k, ok := row[ty.Code]
		if !ok {
			t.Errorf("type %s missing", ty.Code)
			continue
		}
		if deref(total[k].Value) != strconv.Itoa(ty.Total()) || deref(uniq[k].Value) != strconv.Itoa(ty.Unique) || deref(risky[k].Value) != strconv.Itoa(ty.Risky) ||
			deref(descr[k].Href) != "types/"+ty.Slug+".html" || descr[k].Text != ty.Description {
			t.Errorf("type %s: %q %s, total %s unique %s risky %s; want %q types/%s.html, %d %d %d", ty.Code, descr[k].Text, deref(descr[k].Href),
				deref(total[k].Value), deref(uniq[k].Value), deref(risky[k].Value), ty.Description, ty.Slug, ty.Total(), ty.Unique, ty.Risky)
		}
	}

	// Sorting by a numeric header orders the rows; clicking again reverses.
	col := tb.col(t, "total") + 1
	values := fmt.Sprintf(`[...document.querySelectorAll("%s tbody tr")].map(tr => +tr.cells[%d].dataset.value)`, table, col-1)
	up := `(v => v.every((x, i) => i === 0 || v[i-1] <= x))(` + values + `)`
	down := `(v => v.every((x, i) => i === 0 || v[i-1] >= x))(` + values + `)`
	if evalT[bool](p, up) && evalT[bool](p, down) {
		t.Skip("every type has the same total: nothing to sort")
	}
	header := fmt.Sprintf("%s thead th:nth-child(%d) button, %s thead th:nth-child(%d)", table, col, table, col)
	p.click(header)
	p.waitFor(up+" || "+down, 0, values)
	first := evalT[bool](p, up)
	p.click(header)
	if first {
		p.waitFor(down, 0, values)
	} else {
		p.waitFor(up, 0, values)
	}
	if got := p.count(table + " tbody tr"); got != len(ts) {
		t.Errorf("after sorting: %d rows, want %d", got, len(ts))
	}
	// Sorting by the code (text) column orders the codes.
	ccol := tb.col(t, "code") + 1
	codesJS := fmt.Sprintf(`[...document.querySelectorAll("%s tbody tr")].map(tr => tr.cells[%d].textContent.trim().toLowerCase())`, table, ccol-1)
	p.click(fmt.Sprintf("%s thead th:nth-child(%d) button, %s thead th:nth-child(%d)", table, ccol, table, ccol))
	p.waitFor(`(v => v.every((x, i) => i === 0 || v[i-1].localeCompare(x) <= 0) || v.every((x, i) => i === 0 || v[i-1].localeCompare(x) >= 0))(`+codesJS+`)`, 0, codesJS)
	p.check()
}

// secretsIn lists the secret string values of a settings.toml, by the
// default config's rules, as the file has them (not through scanreport's
// settings parser).
func secretsIn(t testing.TB, file string) (secrets, plain []string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := toml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	// A value is secret when the masking rules mask it in its table: its
	// key is secret, or it is the user name beside a secret.
	c := config.Default()
	rules := redact.New(c.Secrets.IsSecret)
	var table func(m map[string]any)
	table = func(m map[string]any) {
		masked := maps.Clone(m)
		rules.Table(masked, nil)
		for k, x := range m {
			switch v := x.(type) {
			case map[string]any:
				table(v)
			case string:
				if masked[k] == redact.Mark {
					if v != "" {
						secrets = append(secrets, v)
					}
				} else if len(v) >= 4 {
					plain = append(plain, v)
				}
			}
		}
	}
	for section, v := range doc {
		if m, ok := v.(map[string]any); ok {
			if section == "modules" {
				for _, mod := range m {
					if mm, ok := mod.(map[string]any); ok {
						table(mm)
					}
				}
				continue
			}
			table(m)
		}
	}
	slices.Sort(secrets)
	slices.Sort(plain)
	return secrets, plain
}

// TestSettings: secrets from settings.toml appear nowhere in the page's
// file or DOM, a masked marker takes their place, and other values show.
func TestSettings(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	for _, id := range f.ids {
		secrets, plain := secretsIn(t, filepath.Join(f.Scans, id, scan.SettingsFile))
		if len(secrets) == 0 {
			continue
		}
		t.Run(id, func(t *testing.T) {
			page := filepath.Join(f.Site, "scans", id, "settings.html")
			raw, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			p := b.open(t, f.url("scans/"+id+"/settings.html"))
			dom := p.html()
			all := p.text("html")
			text := p.text("main")
			checked := 0
			for _, sec := range secrets {
				if slices.Contains(plain, sec) || len(sec) < 4 {
					continue // the same text is also a plain value: cannot tell
				}
				checked++
				for _, form := range []string{sec, escapeHTML(sec), template.HTMLEscapeString(sec)} {
					if strings.Contains(string(raw), form) {
						t.Errorf("settings.html holds the secret %q", sec)
					}
				}
				if strings.Contains(dom, sec) || strings.Contains(dom, template.HTMLEscapeString(sec)) || strings.Contains(all, sec) {
					t.Errorf("the settings page's DOM holds the secret %q", sec)
				}
			}
			if checked == 0 {
				t.Fatalf("no secret of %s could be checked", id)
			}
			if n := p.count(".masked"); n < len(secrets) {
				t.Errorf("%d masked markers for %d secrets", n, len(secrets))
			}
			if !strings.Contains(strings.ToLower(p.text(".masked")), "masked") {
				t.Errorf("masked marker %q does not say so", p.text(".masked"))
			}
			shown := 0
			for _, v := range plain {
				// Control characters are shown as control pictures (␁).
				if strings.Contains(text, string(pages.ShowControls([]byte(v)))) {
					shown++
				} else {
					t.Errorf("non-secret value %q is not shown", v)
				}
			}
			if shown == 0 {
				t.Error("no non-secret setting is shown")
			}
			p.check()
		})
	}
}

// escapeHTML escapes s as html/template does in text.
func escapeHTML(s string) string {
	var b strings.Builder
	if err := template.Must(template.New("").Parse("{{.}}")).Execute(&b, s); err != nil {
		panic(err)
	}
	return b.String()
}

// On narrower screens (a small laptop, a tablet, a phone) no page is wider
// than the window: wide tables scroll inside their own box, the header wraps.
func TestNarrowScreens(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	s := f.scan(t, "acme-corp-2026-11-18")
	ty := types(s)[0]
	pages := []string{"index.html", "search.html", "investigations/index.html", "compare.html",
		"scans/acme-corp-2026-11-18/index.html", "scans/acme-corp-2026-11-18/browse.html",
		"scans/acme-corp-2026-11-18/types/" + ty.Slug + ".html", "scans/acme-corp-2026-11-18/correlations.html",
		"scans/acme-corp-2026-11-18/settings.html", "scans/acme-corp-2026-11-18/log.html",
		"scans/acme-corp-2026-11-18/search.html", "scans/acme-corp-2026-11-18/graph.html",
		"scans/acme-corp-2026-11-18/visualise.html", "scans/acme-corp-2026-11-18/investigations.html",
		"investigations/" + acmeInv + ".html", "scans/j-smith-mailbox-2026-11-22/explore.html"}
	for _, w := range []int64{1024, 800, 390} {
		p := b.open(t, "about:blank")
		if _, err := chromedp.Call(p.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: w, Height: 800, DeviceScaleFactor: 1, Mobile: w < 500}); err != nil {
			t.Fatal(err)
		}
		for _, rel := range pages {
			p.nav(f.url(rel))
			over := evalT[float64](p, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
			if over > 0 {
				// The widest culprits: elements past the edge with no scrolling
				// or clipping box around them.
				wide := evalT[string](p, `(() => {
  const W = document.documentElement.clientWidth;
  const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (["auto", "hidden", "scroll", "clip"].includes(getComputedStyle(a).overflowX)) return true; return false; };
  return [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > W + 1 && !clipped(e)).slice(0, 3)
    .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.split(" ").join(".") : "")).join(", ");
})()`)
				t.Errorf("%d px: %s is %.0f px wider than the window (%s)", w, rel, over, wide)
			}
		}
	}
}
