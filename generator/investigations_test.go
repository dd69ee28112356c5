package generator

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// invScans are three scans: two runs of example.com (the second manual)
// in investigation "case-1", and one that names invalid investigations.
const invScans = `
-- scans/run1/scan.toml --
name = "Run 1"
target = "example.com"
target_type = "INTERNET_NAME"
status = "FINISHED"
created = 2026-11-20T10:00:00Z
investigations = ["case-1"]
-- scans/run1/elements.jsonl --
{"id":"a","type":"INTERNET_NAME","data":"www.example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}
{"id":"b","type":"MALICIOUS_IPADDR","data":"1.2.3.4","source":"a","module":"m","generated":"2026-11-20T10:00:02Z","risk":90}
-- scans/run2/scan.toml --
name = "Run 2 (manual)"
target = "example.com"
target_type = "INTERNET_NAME"
kind = "manual"
status = "FINISHED"
created = 2026-11-21T10:00:00Z
-- scans/run2/elements.jsonl --
{"id":"a","type":"INTERNET_NAME","data":"www.example.com","source":"ROOT","module":"m","generated":"2026-11-21T10:00:01Z"}
{"id":"c","type":"IP_ADDRESS","data":"5.6.7.8","source":"a","module":"m","generated":"2026-11-21T10:00:02Z"}
-- scans/run2/review.jsonl --
{"time":"2026-11-21T11:00:00Z","op":"investigation-add","investigation":"case-1"}
{"time":"2026-11-21T11:00:01Z","op":"investigation-add","investigation":"no-file"}
-- scans/odd/scan.toml --
name = "Odd"
target = "odd.example"
status = "RUNNING"
investigations = ["<script>alert(1)</script>", "javascript:alert(2)", "index"]
-- scans/odd/notes.md --
# Scan notes <script>alert(3)</script>

[click](javascript:alert(4)) <img src=x onerror=alert(5)>
-- investigations/case-1.md --
+++
title = "Case <script>alert(6)</script> one"
summary = "<img src=x onerror=alert(7)>"
owner = "javascript:alert(8)"
created = 2026-11-19
+++
# Findings <script>alert(9)</script>

<script>alert(10)</script>

<iframe src="https://evil.example"></iframe>

<a href="javascript:alert(11)">raw link</a>

[md link](javascript:alert(12)) [vb](vbscript:x) [data](data:text/html,<script>alert(13)</script>) [ok](https://example.com/ok)

![img](javascript:alert(14))

| a | b |
|---|---|
| <b>x</b> | y |

- [x] done
- [ ] todo
-- investigations/broken.md --
+++
title = "Broken"
colour = "red"
+++
notes that are not shown
-- investigations/plain.md --
Just notes, no front matter.
`

func buildInv(t *testing.T) (scans, out string, site map[string]string) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, invScans)
	scans, out = filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if _, err := Build(context.Background(), options(scans, out)); err != nil {
		t.Fatal(err)
	}
	return scans, out, testread.Files(t, out)
}

var scriptTag = regexp.MustCompile(`(?i)<script(\s|>)`)

// inert checks that no markup from the data became active in a page.
func inert(t *testing.T, name, body string) {
	t.Helper()
	for _, m := range scriptTag.FindAllStringIndex(body, -1) {
		if tag := body[m[0]:min(len(body), m[0]+60)]; !strings.HasPrefix(tag, "<script src=\"") {
			t.Errorf("%s: script tag not ours: %q", name, tag)
		}
	}
	low := strings.ToLower(body)
	for _, bad := range []string{"<img", "<iframe", "href=\"javascript:", "href=\"vbscript:", "href=\"data:", "<b>x</b>", "alert(10)</script>"} {
		if strings.Contains(low, bad) {
			t.Errorf("%s: %q made it into the page", name, bad)
		}
	}
}

func TestInvestigationPages(t *testing.T) {
	_, _, site := buildInv(t)
	for _, want := range []string{"investigations/index.html", "investigations/case-1.html", "investigations/no-file.html",
		"investigations/broken.html", "investigations/plain.html", "data/investigations.js", "compare.html",
		"scans/run1/investigations.html", "scans/run2/explore.html"} {
		if _, ok := site[want]; !ok {
			t.Errorf("the site has no %s", want)
		}
	}
	if _, ok := site["scans/run1/explore.html"]; ok {
		t.Error("an automated scan has an Explore page")
	}
	for name := range site {
		if strings.HasPrefix(name, "investigations/") && (strings.Contains(name, "script") || strings.Contains(name, "javascript")) {
			t.Errorf("an invalid investigation name got a page: %s", name)
		}
	}
	for name, body := range site {
		if strings.HasSuffix(name, ".html") {
			inert(t, name, body)
		}
	}

	page := site["investigations/case-1.html"]
	for _, want := range []string{
		`<h1 class="inv-title">Case &lt;script&gt;alert(6)&lt;/script&gt; one</h1>`,
		`&lt;img src=x onerror=alert(7)&gt;`, // the summary, as text
		`<section class="card notes"`,
		`<h1 id="note-findings-script-alert-9-script">Findings`, // heading anchors
		`<table>`, `type="checkbox"`, `href="https://example.com/ok"`,
		`href="../scans/run1/index.html"`, `href="../scans/run2/index.html"`, // its scans
		`data-type="INTERNET_NAME"`, // combined totals by type
		`1.2.3.4`,                   // risky results of its scans
		`href="../compare.html#a=run1&amp;b=run2"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("investigations/case-1.html lacks %s", want)
		}
	}
	// INTERNET_NAME: one in each scan.
	if !regexp.MustCompile(`(?s)data-type="INTERNET_NAME">.*?data-value="2">2</td>.*?data-value="2">2</td>`).MatchString(page) {
		t.Error("combined totals: INTERNET_NAME should count 2 elements in 2 scans")
	}
	if !strings.Contains(site["investigations/broken.html"], "unknown key") || strings.Contains(site["investigations/broken.html"], "notes that are not shown") {
		t.Error("broken.html should show its file's problem and no notes")
	}
	if !strings.Contains(site["investigations/plain.html"], "Just notes, no front matter.") {
		t.Error("plain.html should show its notes")
	}
	index := site["investigations/index.html"]
	for _, want := range []string{`href="case-1.html"`, `href="no-file.html"`, "no notes", "investigations/broken.md", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(index, want) {
			t.Errorf("investigations/index.html lacks %s", want)
		}
	}
	// Scan pages link their investigations; invalid names stay text.
	for _, want := range []string{`href="../../investigations/case-1.html"`, `href="../../investigations/no-file.html"`} {
		if !strings.Contains(site["scans/run2/index.html"], want) {
			t.Errorf("scans/run2/index.html lacks %s", want)
		}
	}
	if !strings.Contains(site["scans/run1/types/internet_name.html"], `href="../../../investigations/case-1.html"`) {
		t.Error("an element page does not link its scan's investigation")
	}
	if !strings.Contains(site["index.html"], `href="investigations/case-1.html"`) || !strings.Contains(site["index.html"], "investigations/broken.md:3") {
		t.Error("the scan list should link investigations and show the broken file with its line")
	}
	// The scan's own notes are rendered the same safe way.
	if ov := site["scans/odd/index.html"]; !strings.Contains(ov, `<section class="card notes"`) || !strings.Contains(ov, "Scan notes") {
		t.Error("the overview does not show the scan's notes")
	}
	tab := site["scans/run2/investigations.html"]
	if !strings.Contains(tab, `data-inv="case-1"`) || !strings.Contains(tab, "added by an analyst") {
		t.Errorf("the Investigations tab does not list the membership: %s", tab)
	}
	if d := site["data/investigations.js"]; !strings.Contains(d, `{"name":"case-1","title":"Case \u003cscript\u003ealert(6)\u003c/script\u003e one"`) {
		t.Errorf("data/investigations.js: %s", d)
	}
}

func TestLiveInvestigationMembership(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, invScans)
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()

	// Membership decisions as package decisions records them: appended to
	// review.jsonl, then applied by Update (the refusals are its tests').
	join := func(id, name string, add bool) (Change, error) {
		t.Helper()
		op := scan.OpInvestigationAdd
		if !add {
			op = scan.OpInvestigationRemove
		}
		if err := scan.AppendDecision(filepath.Join(scans, id), scan.Decision{Op: op, Investigation: name, By: "test"}); err != nil {
			t.Fatal(err)
		}
		return l.Update(ctx, []ScanChange{{Scan: id, Files: []string{scan.ReviewFile}}})
	}
	ch, err := join("run1", "new-case", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"investigations/new-case.html", "investigations/index.html", "data/investigations.js",
		"scans/run1/index.html", "scans/run1/investigations.html", "scans/run1/types/internet_name.html", "index.html"} {
		if !slices.Contains(ch.Paths, want) {
			t.Errorf("adding: changed paths lack %s: %v", want, ch.Paths)
		}
	}
	if !ch.List {
		t.Error("adding: the scan list did not change")
	}
	review, _ := os.ReadFile(filepath.Join(scans, "run1", scan.ReviewFile))
	if !strings.Contains(string(review), `"op":"investigation-add","investigation":"new-case","by":"test"`) {
		t.Errorf("review.jsonl: %s", review)
	}
	if got := scanOf(l, "run1").Investigations(); !slices.Equal(got, []string{"case-1", "new-case"}) {
		t.Errorf("run1 is in %v", got)
	}

	// Leaving: an investigation without a file and without scans stays,
	// empty, while serving (an open page of it shows that).
	if _, err := join("run1", "new-case", false); err != nil {
		t.Fatal(err)
	}
	if page, err := os.ReadFile(filepath.Join(out, "investigations", "new-case.html")); err != nil || strings.Contains(string(page), "scans/run1/index.html") {
		t.Errorf("the page of an investigation nobody is in: %v", err)
	}
	// Leaving one that has a file keeps its page, without the scan.
	if _, err := join("run1", "case-1", false); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "investigations", "case-1.html"))
	if err != nil || strings.Contains(string(page), "scans/run1/index.html") || !strings.Contains(string(page), "scans/run2/index.html") {
		t.Errorf("case-1 after run1 left: %v", err)
	}

	// A new investigation file is picked up by RefreshInvestigations.
	if ch, err := l.RefreshInvestigations(); err != nil || !ch.Empty() {
		t.Errorf("nothing changed, yet %v, %v", ch, err)
	}
	writeFiles(t, dir, "-- investigations/fresh.md --\n+++\ntitle = \"Fresh\"\n+++\nnew\n")
	ch, err = l.RefreshInvestigations()
	if err != nil || !slices.Contains(ch.Paths, "investigations/fresh.html") {
		t.Errorf("new file: %v, %v", ch.Paths, err)
	}
}
