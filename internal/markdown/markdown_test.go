package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRenderIsInert(t *testing.T) {
	r := New()
	src := "# Title\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n" +
		"[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [vb](vbscript:x) [ok](https://example.com/a?b=1)\n\n" +
		"![pixel](https://tracker.example/p.png \"t\") bad \xff\xfe utf8\n\n| a | b |\n|---|---|\n| <b>x</b> | y |\n\n- [x] done\n- [ ] todo\n\n<iframe src=\"https://evil.example\"></iframe>\n"
	out, err := r.Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	if !utf8.ValidString(html) {
		t.Error("output is not valid UTF-8")
	}
	for _, bad := range []string{"<script", "onerror", "javascript:", "vbscript:", "<iframe", "data:text/html", "<b>", "<img"} {
		if strings.Contains(strings.ToLower(html), bad) {
			t.Errorf("output contains %q:\n%s", bad, html)
		}
	}
	for _, good := range []string{`<h1 id="note-title">Title</h1>`, `<a href="https://tracker.example/p.png" title="t">pixel</a>`, `href="https://example.com/a?b=1"`, "<table>", `type="checkbox"`} {
		if !strings.Contains(html, good) {
			t.Errorf("output lacks %q:\n%s", good, html)
		}
	}
}

// Heading ids are prefixed, so "# search" cannot take the page's id="search"
// (nor clobber a global of that name); repeats and empty headings get ids too.
func TestHeadingIDs(t *testing.T) {
	out, err := New().Render([]byte("# search\n\n## Search!\n\n## ***\n\n### Ünïcode & <b>HTML</b> 2026\n\n# __proto__\n"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, want := range []string{`id="note-search"`, `id="note-search-2"`, `id="note-ünïcode-b-html-b-2026"`, `id="note-proto"`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, `id="search"`) {
		t.Errorf("unprefixed id:\n%s", html)
	}
}

// Task list boxes carry a label (axe-core's "label" rule, WCAG 4.1.2): done
// or not, and nothing else of goldmark's rendering changes.
func TestTaskListLabels(t *testing.T) {
	out, err := New().Render([]byte("- [x] rotate the *leaked* key\n- [ ] ask the registrar\n- plain item\n"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, want := range []string{
		`<li><input checked="" disabled="" type="checkbox" aria-label="Done"> rotate the <em>leaked</em> key</li>`,
		`<li><input disabled="" type="checkbox" aria-label="Not done"> ask the registrar</li>`,
		`<li>plain item</li>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	if n := strings.Count(html, "<input"); n != 2 {
		t.Errorf("%d inputs, want 2:\n%s", n, html)
	}
}
