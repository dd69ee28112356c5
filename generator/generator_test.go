package generator

import (
	"bytes"
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/static"
	"github.com/scanreport/scanreport/templates"
)

// writeFiles writes "-- path --" sections (txtar-like) under dir.
func writeFiles(t *testing.T, dir, archive string) {
	t.Helper()
	parts := regexp.MustCompile(`(?m)^-- (.+) --\n`).Split(archive, -1)
	names := regexp.MustCompile(`(?m)^-- (.+) --\n`).FindAllStringSubmatch(archive, -1)
	for i, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n[1]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(parts[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fakeBundle(name string) ([]byte, error) {
	switch name {
	case static.AppJS:
		return []byte("/* js */"), nil
	case static.AppGraphsJS:
		return []byte("/* graphs js */"), nil
	case static.Icon:
		return []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), nil
	}
	return []byte("/* css */"), nil
}

func options(scans, out string) Options {
	c := config.Default()
	return Options{ScansRoot: scans, Output: out, Title: "Test report", RiskyTypes: c.Risky.Types, MinRisk: c.Risky.MinRisk,
		IsSecret: c.Secrets.IsSecret, Bundle: fakeBundle, DefuseFormulas: true, GEXFVersion: c.Exports.GEXFVersion}
}

const goodScan = `
-- good/scan.toml --
name = "Good scan"
target = "example.com"
status = "FINISHED"
-- good/elements.jsonl --
{"id":"ROOT","type":"ROOT","data":"example.com","source":"ROOT","module":"","generated":"2026-11-20T10:00:00Z"}
{"id":"a","type":"INTERNET_NAME","data":"www.example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}
{"id":"b","type":"MALICIOUS_IPADDR","data":"1.2.3.4","source":"a","module":"m","generated":"2026-11-20T10:00:02Z"}
-- good/settings.toml --
[global]
user_agent = "ua"
[modules.sfp_x]
api_key = "TOPSECRET-1234"
`

func TestBuildLeavesBrokenScansOut(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, goodScan+`
-- broken/scan.toml --
name = "Broken"
status = [
-- broken/elements.jsonl --
{"id":"a","type":"X","data":"x","source":"ROOT"}
-- messy/scan.toml --
name = "Messy"
status = "RUNNING"
-- messy/elements.jsonl --
{"id":"a","type":"INTERNET_NAME","data":"h","source":"ROOT","generated":"2026-11-20T10:00:01Z"}
{not json
{"id":"b","type":"IP_ADDRESS","data":"1.1.1.1","source":"gone","generated":"2026-11-20T10:00:02Z"}
{"id":"c","type":"IP_ADDRESS","data":"2.2.2.2","source":"a","gene
-- bad name/scan.toml --
name = "x"
`)
	if err := os.Symlink(dir, filepath.Join(scans, "escape")); err != nil {
		t.Fatal(err)
	}
	var probs []string
	o := options(scans, out)
	o.Report = func(p scan.Problem) { probs = append(probs, p.String()) }
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Scans != 2 || res.Skipped != 1 || res.Elements != 4 {
		t.Errorf("result = %+v", res)
	}
	all := strings.Join(probs, "\n")
	for _, want := range []string{
		"broken: error: scan left out: broken/scan.toml:2:",
		"messy/elements.jsonl:2: error: not a JSON object",
		`messy/elements.jsonl:3: warning: source "gone" of element "b" does not appear (yet)`,
		`"bad name": error: directory refused`,
		"escape: error: symlink refused",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem %q in:\n%s", want, all)
		}
	}
	site := testread.Files(t, out)
	if !strings.Contains(site["index.html"], "Good scan") || !strings.Contains(site["index.html"], "broken/scan.toml:2") {
		t.Errorf("scan list lacks the good scan or the broken one's problem")
	}
	if _, ok := site["scans/broken/index.html"]; ok {
		t.Error("the broken scan has pages")
	}
	messy := site["scans/messy/index.html"]
	if !strings.Contains(messy, "messy/elements.jsonl:2") || !strings.Contains(messy, "still running") {
		t.Errorf("messy overview lacks its problems or the partial notice")
	}
	// The incomplete last line is not an element yet.
	if strings.Contains(site["scans/messy/data/e-ip_address-0.js"], "2.2.2.2") {
		t.Error("an incomplete line was read")
	}
}

func TestBuildEscapesAndMasks(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	payload := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	writeFiles(t, scans, goodScan+`
-- x/scan.toml --
name = "`+strings.ReplaceAll(payload, `"`, `\"`)+`"
target = "javascript:alert(3)"
status = "FINISHED"
-- x/elements.jsonl --
{"id":"a","type":"<svg onload=alert(4)>","data":"`+strings.ReplaceAll(payload, `"`, `\"`)+`","source":"ROOT","module":"</script><script>alert(5)</script>","generated":"2026-11-20T10:00:01Z"}
-- x/log.jsonl --
{"time":"2026-11-20T10:00:01Z","level":"ERROR","component":"<b>c</b>","message":"`+strings.ReplaceAll(payload, `"`, `\"`)+`"}
-- x/settings.toml --
[global]
"<i>k</i>" = "<script>alert(6)</script>"
-- x/notes.md --
# Notes <script>alert(7)</script>
[x](javascript:alert(8))
`)
	if _, err := Build(context.Background(), options(scans, out)); err != nil {
		t.Fatal(err)
	}
	scriptTag := regexp.MustCompile(`(?i)<script(\s|>)`)
	for name, body := range testread.Files(t, out) {
		if strings.Contains(body, "TOPSECRET-1234") {
			t.Errorf("%s contains a masked secret", name)
		}
		if strings.HasSuffix(name, ".html") {
			for _, m := range scriptTag.FindAllStringIndex(body, -1) {
				if tag := body[m[0]:min(len(body), m[0]+60)]; !strings.HasPrefix(tag, "<script src=\"") {
					t.Errorf("%s: script tag not ours: %q", name, tag)
				}
			}
			for _, bad := range []string{"<img src=x", "<svg onload", "href=\"javascript:", "<b>c</b>", "<i>k</i>"} {
				if strings.Contains(body, bad) {
					t.Errorf("%s: unescaped %q", name, bad)
				}
			}
		}
		if strings.HasSuffix(name, ".js") && strings.Contains(name, "/data/") && strings.ContainsAny(body, "<>") {
			t.Errorf("%s: raw < or > in a data file", name)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	writeFiles(t, scans, goodScan)
	for _, out := range []string{"a", "b"} {
		if _, err := Build(context.Background(), options(scans, filepath.Join(dir, out))); err != nil {
			t.Fatal(err)
		}
	}
	a, b := testread.Files(t, filepath.Join(dir, "a")), testread.Files(t, filepath.Join(dir, "b"))
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for name, body := range a {
		if !bytes.Equal([]byte(body), []byte(b[name])) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	writeFiles(t, scans, goodScan)
	o := options(scans, filepath.Join(dir, "site"))
	res, err := Check(context.Background(), o)
	if err != nil || res.Scans != 1 || res.Elements != 2 {
		t.Fatalf("Check = %+v, %v", res, err)
	}
	if _, err := os.Stat(o.Output); err == nil {
		t.Error("Check wrote a site")
	}
}

// Every page loads exactly one bundle: the graph pages the graph bundle, the
// others the main one; both are written under their content hash.
func TestPagesLoadTheirBundle(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, goodScan)
	if _, err := Build(context.Background(), options(scans, out)); err != nil {
		t.Fatal(err)
	}
	site := testread.Files(t, out)
	script := regexp.MustCompile(`<script src="(?:\.\./)*(assets/app[^"]*\.js)"></script>`)
	count := 0
	for rel, body := range site {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		count++
		m := script.FindAllStringSubmatch(body, -1)
		if len(m) != 1 {
			t.Errorf("%s loads %d bundles", rel, len(m))
			continue
		}
		kind := regexp.MustCompile(`<body data-page="([^"]*)"`).FindStringSubmatch(body)
		if kind == nil {
			t.Errorf("%s has no data-page", rel)
			continue
		}
		wantGraphs := pages.IsGraphKind(kind[1])
		if got := strings.HasPrefix(m[0][1], "assets/app-graphs."); got != wantGraphs {
			t.Errorf("%s (%s) loads %s", rel, kind[1], m[0][1])
		}
		if site[m[0][1]] == "" {
			t.Errorf("%s loads %s, which is not written", rel, m[0][1])
		}
	}
	for _, rel := range []string{"scans/good/graph.html", "scans/good/visualise.html", "scans/good/index.html"} {
		if _, ok := site[rel]; !ok {
			t.Errorf("no %s", rel)
		}
	}
	if count < 5 {
		t.Errorf("only %d pages", count)
	}
}

// An operator's templates folder: its overview.html replaces the built-in
// one (scan values still escaped by html/template), the other pages keep
// theirs; a folder that is not there is an error, not the built-in look.
func TestBuildWithTemplatesDir(t *testing.T) {
	dir := t.TempDir()
	scans, out, tdir := filepath.Join(dir, "scans"), filepath.Join(dir, "site"), filepath.Join(dir, "tmpl")
	writeFiles(t, scans, goodScan)
	orig, err := fs.ReadFile(templates.Embedded(), "overview.html")
	if err != nil {
		t.Fatal(err)
	}
	custom := strings.Replace(string(orig), `{{define "content"}}`, `{{define "content"}}<p class="house">Acme red team: {{.Scan.Target}}</p>`, 1)
	writeFiles(t, tdir, "-- overview.html --\n"+custom+"\n-- overveiw.html --\ntypo\n")
	o := options(scans, out)
	o.TemplatesDir = tdir
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	site := testread.Files(t, out)
	if !strings.Contains(site["scans/good/index.html"], `<p class="house">Acme red team: `) {
		t.Error("the folder's overview.html was not used")
	}
	if strings.Contains(site["scans/good/browse.html"], `class="house"`) {
		t.Error("another page used the folder's overview.html")
	}
	o.TemplatesDir = filepath.Join(dir, "nope")
	if _, err := Build(context.Background(), o); err == nil || !strings.Contains(err.Error(), "templates folder") {
		t.Errorf("missing templates folder: %v", err)
	}
}

// The build's progress goes on while the site is written, not only while
// scans are read: it grows, ends at its total, and half of it comes from
// writing (each byte of a scan file counts once read, once written).
func TestBuildProgressCoversWriting(t *testing.T) {
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	for i, id := range []string{"one", "two"} {
		if err := sample.Write(scans, sample.Options{ID: id, Name: id, Target: "acme.example", Elements: 20_000, Seed: uint64(i + 1), Start: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var calls [][2]int64
	var readEnd int64 // progress when the last scan file byte was read
	o := options(scans, filepath.Join(dir, "site"))
	o.Progress = func(done, total int64) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, [2]int64{done, total})
	}
	o.Report = func(scan.Problem) {}
	o.Logger = slog.New(slog.DiscardHandler)
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if len(calls) < 4 {
		t.Fatalf("%d progress calls: %v", len(calls), calls)
	}
	last := calls[len(calls)-1]
	if last[0] != last[1] || last[1] == 0 {
		t.Errorf("last progress %d of %d; want done = total", last[0], last[1])
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v then %v", calls[i-1], calls[i])
		}
	}
	var bytesIn int64
	for _, id := range []string{"one", "two"} {
		for _, f := range []string{scan.ElementsFile, scan.LogFile, scan.ReviewFile} {
			if fi, err := os.Stat(filepath.Join(scans, id, f)); err == nil {
				bytesIn += fi.Size()
			}
		}
	}
	if last[1] != 2*bytesIn {
		t.Errorf("total %d; want twice the %d bytes of scan files (read, then written)", last[1], bytesIn)
	}
	// Scan two is read after scan one is written: the progress made while
	// writing scan one comes before the bytes of scan two are read.
	readEnd = last[1] / 2
	afterRead := 0
	for _, c := range calls {
		if c[0] > readEnd {
			afterRead++
		}
	}
	if afterRead < 2 {
		t.Errorf("only %d progress calls past the reading half: %v", afterRead, calls)
	}
}
