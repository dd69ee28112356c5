package sitecheck

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/testread"
)

// recorder collects what a check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Helper() {}

func TestCheckRef(t *testing.T) {
	files := map[string]bool{"index.html": true, "scans/a/index.html": true, "scans/a/data/manifest.js": true}
	ids := map[string]bool{"top": true}
	for _, c := range []struct{ page, ref, want string }{
		{"index.html", "scans/a/index.html", ""},
		{"scans/a/index.html", "../../index.html", ""},
		{"index.html", "#top", ""},
		{"index.html", "#q=admin", ""}, // the page's own state
		{"index.html", "#nowhere", "fragment names no element"},
		{"index.html", "", "empty URL"},
		{"index.html", "https://evil.example/", "not a relative URL"},
		{"index.html", "//evil.example/x.js", "protocol-relative"},
		{"index.html", "/index.html", "root-absolute"},
		{"index.html", "scans/a/", "names a folder"},
		{"scans/a/index.html", "../../../etc/passwd", "leaves the site"},
		{"index.html", "scans/b/index.html", "no such file"},
		{"index.html", "scans\\a\\index.html", "backslashes"},
		{"index.html", "javascript:alert(1)", "not a relative URL"},
	} {
		got := CheckRef(c.page, c.ref, files, ids)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("CheckRef(%q, %q) = %q, want %q", c.page, c.ref, got, c.want)
		}
	}
}

// TestChecksFindProblems: the checks report a broken site, not only pass a
// good one.
func TestChecksFindProblems(t *testing.T) {
	site := testread.WriteSite(t, map[string]string{
		"index.html": `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src *"></head>` +
			`<body data-page="scans"><a href="missing.html">x</a><img src="x" onerror="alert(1)"><script>alert(1)</script></body></html>`,
		"data/scans.js": "(window.__sr=window.__sr||[]).push({\"k\":\"scans\",\"scans\":[],\"x\":\"<b>\"});",
	})
	r := &recorder{TB: t}
	Links(r, site)
	PageHooks(r, site)
	ScriptSafe(r, site)
	DataShapes(r, site)
	all := strings.Join(r.errs, "\n")
	for _, want := range []string{"no such file in the site (missing.html)", "CSP metas", "unexpected <img>", "onerror", "a <script> that is not the site's own", `raw '<'`, `unknown field "x"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no report of %q in:\n%s", want, all)
		}
	}
}

func TestSameFiles(t *testing.T) {
	a := testread.WriteSite(t, map[string]string{"index.html": "same", "data/x.js": "one"})
	b := filepath.Join(t.TempDir(), "b")
	testread.WriteTree(t, b, map[string]string{"index.html": "same", "data/x.js": "two"})
	r := &recorder{TB: t}
	SameFiles(r, a, b)
	if len(r.errs) != 2 || !strings.Contains(r.errs[0], "data/x.js differs at byte 0") {
		t.Errorf("reports %q", r.errs)
	}
}
