package static_test

// The colours of the report, checked against WCAG 2.2 contrast minimums
// (1.4.3 text 4.5:1, 1.4.11 non-text 3:1) in the light and dark themes, and
// the table of docs/accessibility.md written from the same computation:
// `go test ./static -run TestContrast -update` rewrites it.

import (
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/graph"
)

var update = flag.Bool("update", false, "rewrite the contrast tables of docs/accessibility.md")

// luminance is WCAG's relative luminance of #rrggbb.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if !regexp.MustCompile(`^#[0-9a-fA-F]{6}$`).MatchString(hex) {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// ratio is WCAG's contrast ratio of two colours.
func ratio(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// block returns the custom properties of the first rule whose text starts
// with head, searching from the index of after (when not "").
func block(t *testing.T, css, after, head string) map[string]string {
	t.Helper()
	from := 0
	if after != "" {
		from = strings.Index(css, after)
		if from < 0 {
			t.Fatalf("style.css has no %q", after)
		}
	}
	i := strings.Index(css[from:], head)
	if i < 0 {
		t.Fatalf("style.css has no %q after %q", head, after)
	}
	body := css[from+i+len(head):]
	body = body[:strings.IndexByte(body, '}')]
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z0-9-]+):\s*([^;]+);`).FindAllStringSubmatch(body, -1) {
		vars[m[1]] = strings.TrimSpace(m[2])
	}
	return vars
}

// readableOn is static/src/ui/a11y.ts readableOn: colour mixed toward white
// (dark background) or black (light) in 5 % steps until it is 3:1 on bg.
func readableOn(t *testing.T, colour, bg string) string {
	to := 0.0
	if luminance(t, bg) < 0.18 {
		to = 255
	}
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(colour[1+2*i:3+2*i], 16, 8)
		c[i] = float64(v)
	}
	out := colour
	for k := 0; k <= 20 && ratio(t, out, bg) < 3; k++ {
		f := float64(k) / 20
		out = "#"
		for _, v := range c {
			out += fmt.Sprintf("%02x", int(math.Round(v+(to-v)*f)))
		}
	}
	return out
}

type pair struct {
	fg, bg string  // custom properties
	min    float64 // WCAG minimum
	what   string
}

// pairs are the colour combinations the stylesheet uses, with the minimum
// each needs.
var pairs = []pair{
	{"--text", "--bg", 4.5, "body text on the page"},
	{"--text", "--surface", 4.5, "text on cards and tables"},
	{"--text", "--surface-2", 4.5, "text on code and hovered rows"},
	{"--muted", "--bg", 4.5, "secondary text"},
	{"--muted", "--surface", 4.5, "secondary text on cards"},
	{"--muted", "--surface-2", 4.5, "secondary text on code"},
	{"--faint", "--bg", 4.5, "labels (Target, ID, Started), footer"},
	{"--faint", "--surface", 4.5, "hints and placeholders on cards"},
	{"--faint", "--surface-2", 4.5, "hints on grey"},
	{"--accent-text", "--bg", 4.5, "links"},
	{"--accent-text", "--surface", 4.5, "links on cards"},
	{"--accent-text", "--accent-weak", 4.5, "current tab and navigation"},
	{"--accent-text", "--row-selected", 4.5, "links in a checked row"},
	{"--ok", "--ok-bg", 4.5, "FINISHED badge"},
	{"--warn", "--warn-bg", 4.5, "warning badge and notice"},
	{"--fail", "--fail-bg", 4.5, "failed badge"},
	{"--run", "--run-bg", 4.5, "RUNNING badge"},
	{"--idle", "--idle-bg", 4.5, "other status badges"},
	{"--high", "--high-bg", 4.5, "HIGH risk badge"},
	{"--medium", "--medium-bg", 4.5, "MEDIUM risk badge"},
	{"--low", "--low-bg", 4.5, "LOW risk badge"},
	{"--info", "--info-bg", 4.5, "INFO risk badge"},
	{"--fail", "--surface", 4.5, "risky counts, errors"},
	{"--focus", "--bg", 3, "focus ring on the page"},
	{"--focus", "--surface", 3, "focus ring on cards"},
	{"--graph-label", "--graph-bg", 4.5, "graph labels"},
	{"--vis-text", "--graph-bg", 4.5, "bubble and discovery labels"},
	{"--vis-root", "--graph-bg", 3, "target node (discovery)"},
	{"--vis-member", "--graph-bg", 3, "elements of the type (discovery)"},
	{"--vis-inner", "--graph-bg", 3, "intermediate nodes (discovery)"},
}

func TestContrast(t *testing.T) {
	b, err := os.ReadFile("src/ui/style.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	light := block(t, css, "", ":root {")
	for k, v := range block(t, css, "/* ---------- graphs:", ":root {") {
		light[k] = v
	}
	dark := block(t, css, "", `@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {`)
	for k, v := range block(t, css, "/* ---------- graphs:", `:root:not([data-theme="light"]) {`) {
		dark[k] = v
	}
	// The button's dark theme is the system's dark theme.
	chosen := block(t, css, "", `:root[data-theme="dark"] {`)
	for k, v := range block(t, css, "/* ---------- graphs:", `:root[data-theme="dark"] {`) {
		chosen[k] = v
	}
	if len(chosen) != len(dark) {
		t.Errorf("the chosen dark theme sets %d colours, the system's %d", len(chosen), len(dark))
	}
	for k, v := range dark {
		if chosen[k] != v {
			t.Errorf("%s: %q in the system's dark theme, %q in the chosen one", k, v, chosen[k])
		}
	}

	var doc strings.Builder
	doc.WriteString("| foreground | background | use | minimum | light | dark |\n|---|---|---|---|---|---|\n")
	for _, p := range pairs {
		row := fmt.Sprintf("| `%s` | `%s` | %s | %.1f:1 |", p.fg, p.bg, p.what, p.min)
		for _, th := range []struct {
			name string
			vars map[string]string
		}{{"light", light}, {"dark", dark}} {
			fg, bg := th.vars[p.fg], th.vars[p.bg]
			if fg == "" || bg == "" {
				t.Fatalf("%s theme: %s or %s is not set", th.name, p.fg, p.bg)
			}
			r := ratio(t, fg, bg)
			if r < p.min {
				t.Errorf("%s theme: %s %s on %s %s is %.2f:1, below %.1f:1 (%s)", th.name, p.fg, fg, p.bg, bg, r, p.min, p.what)
			}
			row += fmt.Sprintf(" %s on %s: **%.2f**:1 |", fg, bg, r)
		}
		doc.WriteString(row + "\n")
	}

	// The graph's node colours against both graph backgrounds, as the data
	// files carry them and as the graph page draws them: on a background
	// where a colour is below 3:1 it is drawn lighter or darker until it
	// reaches 3:1 (ui/a11y.ts readableOn).
	var gdoc strings.Builder
	gdoc.WriteString("| node colour | on light " + light["--graph-bg"] + " | drawn on light | on dark " + dark["--graph-bg"] + " | drawn on dark |\n|---|---|---|---|---|\n")
	nodes := append([]string{graph.TargetColor, graph.GroupColor}, graph.Palette()...)
	for i, c := range nodes {
		name := c
		switch i {
		case 0:
			name += " (target)"
		case 1:
			name += " (more…)"
		}
		row := "| " + name + " |"
		for _, bg := range []string{light["--graph-bg"], dark["--graph-bg"]} {
			drawn := readableOn(t, c, bg)
			r := ratio(t, drawn, bg)
			if r < 3 {
				t.Errorf("node colour %s is drawn as %s on %s: %.2f:1, below 3:1", c, drawn, bg, r)
			}
			row += fmt.Sprintf(" %.2f:1 | %s **%.2f**:1 |", ratio(t, c, bg), drawn, r)
		}
		gdoc.WriteString(row + "\n")
	}

	const docFile = "../docs/accessibility.md"
	want := map[string]string{"css": doc.String(), "graph": gdoc.String()}
	cur, err := os.ReadFile(docFile)
	if err != nil {
		t.Fatal(err)
	}
	text := string(cur)
	for key, table := range want {
		start, end := "<!-- contrast:"+key+" -->\n", "<!-- end contrast:"+key+" -->"
		i, j := strings.Index(text, start), strings.Index(text, end)
		if i < 0 || j < i {
			t.Fatalf("%s has no %q … %q section", docFile, start, end)
		}
		if got := text[i+len(start) : j]; got != table {
			if !*update {
				t.Errorf("the %s table of %s is out of date: go test ./static -run TestContrast -update", key, docFile)
				continue
			}
			text = text[:i+len(start)] + table + text[j:]
		}
	}
	if *update {
		if err := os.WriteFile(docFile, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
