package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHarnessCatchesProblems proves the harness sees what it must fail on:
// a console error, an uncaught exception, an inline script refused by the
// site's CSP, a missing script file and an alert.
func TestHarnessCatchesProblems(t *testing.T) {
	dir := t.TempDir()
	const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src blob:; connect-src 'self'; base-uri 'none'; form-action 'none'"
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="`+csp+`"></head>
<body><p id="x">x</p><script>window.__inline = 1</script><script src="missing.js"></script><script src="boom.js"></script></body></html>`)
	write("boom.js", `console.error("boom-console"); setTimeout(() => { alert("boom-alert"); document.body.dataset.done = "1"; throw new Error("boom-throw"); }, 0);`)

	b := newBrowser(t)
	p := b.open(t, fileURL(dir, "index.html"))
	p.waitFor(`document.body.dataset.done === "1"`, 0, "")
	got := strings.Join(p.takeProblems(), "\n")
	for _, want := range []string{"boom-console", "boom-throw", "CSP violation", "missing.js", "boom-alert"} {
		if !strings.Contains(got, want) {
			t.Errorf("the harness missed %q; it recorded:\n%s", want, got)
		}
	}
	if p.dialogCount() != 1 {
		t.Errorf("dialogs: got %d, want 1", p.dialogCount())
	}
	if v := evalT[bool](p, "window.__inline === undefined"); !v {
		t.Error("the inline script ran despite the CSP")
	}

	// The browser is like a user's: no file access from file:// pages.
	proc := chromedp.FromContext(b.ctx).Browser.Process()
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", proc.Pid))
	if err == nil && strings.Contains(string(cmdline), "allow-file-access-from-files") {
		t.Error("the browser runs with --allow-file-access-from-files")
	}
	if v := evalT[string](p, `fetch("boom.js").then(() => "fetched", e => "refused")`); v != "refused" {
		t.Errorf("fetch() of a local file from file:// was %s; users' browsers refuse it", v)
	}
	p.takeProblems() // the refused fetch logs an error
}
