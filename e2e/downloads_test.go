package e2e

// Browser tests of the downloads (docs/exports.md): each download is
// clicked in headless Chromium from file://, captured through the
// browser's download events, and its content compared with what the scan
// model says: the per-scan files linked from the scan header, the element
// table's "CSV of this view" and "CSV of checked rows", and the scan list's
// download of several scans as one JSON, CSV or GEXF file.

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/exports"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// downloader captures the files a tab downloads.
type downloader struct {
	p   *tab
	dir string

	mu    sync.Mutex
	names map[string]string // GUID → suggested file name
	done  chan *cdpbrowser.EventDownloadProgress
}

// captureDownloads makes the tab save downloads into a temporary folder
// (each under its GUID) and report them.
func captureDownloads(t *testing.T, p *tab) *downloader {
	t.Helper()
	d := &downloader{p: p, dir: t.TempDir(), names: map[string]string{}, done: make(chan *cdpbrowser.EventDownloadProgress, 16)}
	if err := chromedp.Listen(p.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *cdpbrowser.EventDownloadWillBegin:
			d.mu.Lock()
			d.names[ev.GUID] = ev.SuggestedFilename
			d.mu.Unlock()
		case *cdpbrowser.EventDownloadProgress:
			if ev.State == cdpbrowser.DownloadProgressStateCompleted || ev.State == cdpbrowser.DownloadProgressStateCanceled {
				select {
				case d.done <- ev:
				default:
				}
			}
		}
	}); err != nil {
		t.Fatalf("listen for downloads: %v", err)
	}
	events := true
	if _, err := chromedp.Call(p.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: d.dir, EventsEnabled: &events,
	}); err != nil {
		t.Fatalf("set the download behaviour: %v", err)
	}
	return d
}

// download runs click (which must start exactly one download) and returns
// the file's suggested name and its bytes.
func (d *downloader) download(t *testing.T, what string, click func()) (string, []byte) {
	t.Helper()
	for len(d.done) > 0 { // nothing left over from an earlier download
		<-d.done
	}
	click()
	select {
	case ev := <-d.done:
		if ev.State != cdpbrowser.DownloadProgressStateCompleted {
			t.Fatalf("download of %s: %s", what, ev.State)
		}
		d.mu.Lock()
		name := d.names[ev.GUID]
		d.mu.Unlock()
		b, err := os.ReadFile(filepath.Join(d.dir, ev.GUID))
		if err != nil {
			t.Fatalf("download of %s: %v", what, err)
		}
		return name, b
	case <-time.After(wait):
		t.Fatalf("download of %s: no file after %v (status: %q)", what, wait, d.p.on(t).text(".dl-status"))
	}
	return "", nil
}

// save keeps a downloaded file for tools that read files (python3).
func saveFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// inChunk is a value as the data files carry it, and so as browser-made
// downloads hold it: cut at max bytes on a rune boundary, each invalid
// UTF-8 byte replaced by U+FFFD (internal/jsonw).
func inChunk(s string, max int) string {
	if len(s) > max {
		n := max
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

const (
	maxData   = 64 << 10 // generator/chunks MaxData
	maxSource = 1 << 10  // generator/chunks MaxSourceData
)

// csvOf writes rows with the Go CSV writer (the oracle of every CSV).
func csvOf(rows [][]string, defuse bool) string {
	var b bytes.Buffer
	w := &exports.CSVWriter{W: &b, Defuse: defuse}
	for _, r := range rows {
		_ = w.Row(r...)
	}
	return b.String()
}

// spiderTime is SpiderFoot's Updated column: ROUND(generated), UTC.
func spiderTime(ms int64) string {
	if ms > 0 {
		ms = (ms + 500) / 1000 * 1000
	}
	t := model.Time(ms)
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04:05")
}

func fpFlag(e *model.Element) string {
	if e.Is(model.FlagFP) {
		return "1"
	}
	return "0"
}

// pyCSVRows has Python's csv module read a file and says how many rows it
// has and the fields of row k (JSON); "" when python3 is missing.
func pyCSVRows(t *testing.T, path string, k int) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is needed in CI")
		}
		t.Log("python3 not installed: the CSV is not read back by Python")
		return ""
	}
	script := `import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
k = int(sys.argv[2])
print(len(rows)); print(json.dumps(rows[k] if k < len(rows) else None))`
	out, err := exec.Command(py, "-c", script, path, fmt.Sprint(k)).CombinedOutput()
	if err != nil {
		t.Fatalf("python csv: %v\n%s", err, out)
	}
	return string(out)
}

// checkPyCSV has Python read the CSV and compares row count and one row
// with what the Go parser read.
func checkPyCSV(t *testing.T, name string, data []byte, rows [][]string) {
	t.Helper()
	k := len(rows) - 1
	out := pyCSVRows(t, saveFile(t, name, data), k)
	if out == "" {
		return
	}
	var n int
	var last []string
	lines := strings.SplitN(strings.TrimSpace(out), "\n", 2)
	if len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &n) != nil || json.Unmarshal([]byte(lines[1]), &last) != nil ||
		n != len(rows) || !slices.Equal(last, rows[k]) {
		t.Errorf("Python's csv module reads %s as\n%s\nwant %d rows, the last %q", name, out, len(rows), rows[k])
	}
}

// TestDownloads clicks every download and checks the file.
func TestDownloads(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	opts := sitecheck.BuildOptions(f.Scans, f.Site)

	// Over HTTP (and from object storage) every link downloads its file
	// under its download name. From file:// Chromium ignores the download
	// attribute (the file's origin is not the page's): CSV files download,
	// JSON and GEXF open in the tab (see "per-scan links from file://").
	t.Run("per-scan files", func(t *testing.T) {
		srv := httptest.NewServer(http.FileServer(http.Dir(f.Site)))
		t.Cleanup(srv.Close)
		p := b.open(t, srv.URL+"/scans/"+id+"/index.html")
		d := captureDownloads(t, p)
		want := pages.Downloads(id)
		names := p.attrs(".scan-header .downloads a", "download")
		if len(names) != len(want) {
			t.Fatalf("header download links %q, want %d", names, len(want))
		}
		for k, w := range want {
			if names[k] != w.Name {
				t.Errorf("link %d is named %q, want %q", k, names[k], w.Name)
			}
			name, got := d.download(t, w.Label, func() { p.on(t).click(fmt.Sprintf(`.scan-header .downloads a[data-format=%q]`, w.Format)) })
			if name != w.Name {
				t.Errorf("%s: saved as %q, want %q", w.Label, name, w.Name)
			}
			onDisk, err := os.ReadFile(filepath.Join(f.Site, "scans", id, filepath.FromSlash(w.File)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, onDisk) {
				t.Errorf("%s: the downloaded file (%d bytes) differs from the site's (%d bytes)", w.Label, len(got), len(onDisk))
			}
			var oracle bytes.Buffer
			switch w.Format {
			case pages.FormatCSV:
				_ = exports.WriteCSV(&oracle, s, opts.DefuseFormulas, "", true)
				rows := testread.CSV(t, string(got))
				if len(rows) != s.Count()+1 {
					t.Errorf("CSV: %d rows, want %d elements and the header", len(rows), s.Count())
				}
				checkPyCSV(t, name, got, rows)
			case pages.FormatCorrelationsCSV:
				_ = exports.WriteCorrelationsCSV(&oracle, s, opts.DefuseFormulas)
				if rows := testread.CSV(t, string(got)); len(rows) != len(s.Correlations)+1 {
					t.Errorf("correlations CSV: %d rows, want %d correlations and the header", len(rows), len(s.Correlations))
				}
			case pages.FormatLogCSV:
				_ = exports.WriteLogCSV(&oracle, s, opts.DefuseFormulas)
				if rows := testread.CSV(t, string(got)); len(rows) != len(s.Log)+1 {
					t.Errorf("log CSV: %d rows, want %d lines and the header", len(rows), len(s.Log))
				}
			case pages.FormatJSON:
				_ = exports.WriteJSON(&oracle, s)
				var doc struct {
					Format   string
					Scan     struct{ ID string }
					Elements []json.RawMessage
				}
				if err := json.Unmarshal(got, &doc); err != nil {
					t.Errorf("JSON: %v", err)
				} else if doc.Format != exports.JSONFormat || doc.Scan.ID != id || len(doc.Elements) != len(s.Elements) {
					t.Errorf("JSON: format %q, scan %q, %d elements; want %q, %q, %d", doc.Format, doc.Scan.ID, len(doc.Elements), exports.JSONFormat, id, len(s.Elements))
				}
			case pages.FormatGEXF:
				_ = exports.WriteGEXF(&oracle, s, opts.GEXFVersion)
				g := parseGEXF(t, got)
				eg := entity.Build(s)
				if len(g.Nodes) != len(eg.Nodes) || len(g.Edges) != len(eg.Edges) {
					t.Errorf("GEXF: %d nodes, %d edges; want %d, %d", len(g.Nodes), len(g.Edges), len(eg.Nodes), len(eg.Edges))
				}
			}
			if !bytes.Equal(got, oracle.Bytes()) {
				t.Errorf("%s: the file differs from what the Go writer makes of the scan", w.Label)
			}
		}
		p.check()
	})

	t.Run("per-scan links from file://", func(t *testing.T) {
		p := b.open(t, f.url("scans/"+id+"/index.html"))
		d := captureDownloads(t, p)
		for _, w := range pages.Downloads(id) {
			href := p.attrs(fmt.Sprintf(`.scan-header .downloads a[data-format=%q]`, w.Format), "href")
			if len(href) != 1 || href[0] != w.File {
				t.Errorf("%s links %q, want %q", w.Label, href, w.File)
			}
			if w.Format != pages.FormatCSV && w.Format != pages.FormatLogCSV {
				continue
			}
			name, got := d.download(t, w.Label, func() { p.on(t).click(fmt.Sprintf(`.scan-header .downloads a[data-format=%q]`, w.Format)) })
			onDisk, err := os.ReadFile(filepath.Join(f.Site, "scans", id, filepath.FromSlash(w.File)))
			if err != nil {
				t.Fatal(err)
			}
			if name != w.Name || !bytes.Equal(got, onDisk) {
				t.Errorf("%s from file://: saved as %q (%d bytes), want %q (%d bytes)", w.Label, name, len(got), w.Name, len(onDisk))
			}
		}
		p.check()
	})

	t.Run("element table", func(t *testing.T) { testElementDownloads(t, b, f, id) })
	t.Run("scan list", func(t *testing.T) { testScanListDownloads(t, b, f, id) })
	t.Run("xss scan", func(t *testing.T) { testXSSDownloads(t, b, f) })
}

// elementRow is a CSV row of element i as the element table's downloads
// write it: values as the data files carry them (data cut at 64 KiB, the
// source's data at 1 KiB).
func elementRow(s *model.Scan, i int32) []string {
	e := &s.Elements[i]
	return []string{spiderTime(e.Generated), s.Type(i).Code, s.Module(i), inChunk(s.SourceData(i), maxSource), fpFlag(e), exports.StripSFURL(inChunk(e.Data, maxData))}
}

// waitDownloadsReady waits for the download buttons of the page; it says
// so when app.ts does not mount them (static/src/pages/downloads.ts).
func waitDownloadsReady(p *tab, root string) {
	p.t.Helper()
	ready := `(r => !!r && !r.hidden && r.querySelectorAll("button").length > 0)(document.querySelector(` + jsString(root) + `))`
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](ready, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		p.t.Fatalf("no download buttons in %s on %s: the page does not mount them (app.ts must call mountElementDownloads / mountScanListDownloads from pages/downloads.ts): %v", root, p.location(), err)
	}
}

// clickRowBox clicks the checkbox of the row at view position pos, with
// shift held when shift is set.
func clickRowBox(p *tab, pos int, shift bool) {
	p.t.Helper()
	sel := fmt.Sprintf(`#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="%d"]:not([hidden]) input.row-select`, pos+2)
	p.waitFor(`!!document.querySelector(`+jsString(sel)+`)`, 0, "")
	if !shift {
		p.click(sel)
		return
	}
	ctx, cancel := context.WithTimeout(p.ctx, wait)
	defer cancel()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(sel), chromedp.NodeVisible))
	if err == nil {
		err = chromedp.Do(ctx, chromedp.MouseClickNode(nodes[0], chromedp.ButtonModifiers(chromedp.ModifierShift)))
	}
	if err != nil {
		p.t.Fatalf("shift-click %s: %v", sel, err)
	}
}

// testElementDownloads: on the type with the most false positives, hide
// them and sort by data descending, then download the view, check rows by
// click and shift-click, and download the checked rows.
func testElementDownloads(t *testing.T, b *browser, f *fixture, id string) {
	s := f.scan(t, id)
	var ty *model.TypeStat
	for _, x := range types(s) {
		if x.FP > 0 && x.Total()-x.FP >= 8 && (ty == nil || x.FP > ty.FP) {
			ty = x
		}
	}
	if ty == nil {
		t.Fatal("the finished sample scan has no type with false positives and 8 other elements")
	}
	t.Logf("type %s: %d elements, %d false positives", ty.Code, ty.Total(), ty.FP)
	p := openTypePage(t, b, f, id, ty)
	d := captureDownloads(t, p)
	waitDownloadsReady(p, "#element-downloads")
	if got := p.text(`#element-downloads button[data-download="checked"]`); got != "CSV of checked rows (0)" {
		t.Errorf("checked-rows button says %q with nothing checked", got)
	}
	if !evalT[bool](p, `document.querySelector('#element-downloads button[data-download="checked"]').disabled`) {
		t.Error("the checked-rows button is enabled with nothing checked")
	}

	// The whole type, in arrival order.
	name, got := d.download(t, "CSV of the view", func() { p.click(`#element-downloads button[data-download="view"]`) })
	if want := id + "-" + ty.Slug + ".csv"; name != want {
		t.Errorf("saved as %q, want %q", name, want)
	}
	want := [][]string{exports.CSVHeader}
	for _, i := range ty.Elements {
		want = append(want, elementRow(s, i))
	}
	compareCSV(t, "CSV of the whole type", string(got), csvOf(want, true))

	// Filters and order: hide false positives, sort by data descending.
	p.click("#hide-fp")
	keep := ty.Total() - ty.FP
	p.waitFor(`/^`+regexpNum(keep)+`\b/.test(document.querySelector("#row-count").textContent.trim())`, 0, `document.querySelector("#row-count").textContent`)
	for _, dir := range []string{"ascending", "descending"} {
		p.click(elementHost + " .vt-grid:not([hidden]) .vt-th.c-data button")
		p.waitFor(`document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data").getAttribute("aria-sort") === "`+dir+`"`, 0, "")
	}
	// A search narrows the view further, when the page has the search box.
	match := func(string) bool { return true }
	if p.count("#site-search #search-q") > 0 {
		const q = "*/api/*" // wildcard: the whole value, any case
		match = func(v string) bool { return strings.Contains(strings.ToLower(v), "/api/") }
		n := 0
		for _, i := range ty.Elements {
			if !s.Elements[i].Is(model.FlagFP) && match(s.Elements[i].Data) {
				n++
			}
		}
		if n == 0 || n == keep {
			t.Fatalf("the search %q keeps %d of %d rows: pick another", q, n, keep)
		}
		p.waitSel("#site-search:not([hidden]) #search-q")
		p.typeText("#search-q", q)
		p.waitFor(`/^`+regexpNum(n)+`\b/.test(document.querySelector("#row-count").textContent.trim()) && new URLSearchParams(location.hash.slice(1)).get("q") === `+jsString(q),
			30*time.Second, `document.querySelector("#row-count").textContent + " | " + location.hash`)
		t.Logf("search %q: %d rows", q, n)
	} else {
		t.Log("the page has no search box (#search-q): the view CSV is checked without a search")
	}
	var view []int32
	for _, i := range ty.Elements {
		if !s.Elements[i].Is(model.FlagFP) && match(s.Elements[i].Data) {
			view = append(view, i)
		}
	}
	slices.SortStableFunc(view, func(a, b int32) int {
		return -slices.Compare(utf16.Encode([]rune(inChunk(s.Elements[a].Data, maxData))), utf16.Encode([]rune(inChunk(s.Elements[b].Data, maxData))))
	})
	name, got = d.download(t, "CSV of the filtered view", func() { p.click(`#element-downloads button[data-download="view"]`) })
	want = [][]string{exports.CSVHeader}
	for _, i := range view {
		want = append(want, elementRow(s, i))
	}
	rows := compareCSV(t, "CSV of the filtered, sorted view", string(got), csvOf(want, true))
	checkPyCSV(t, name, got, rows)

	// Check rows 1, shift-click 4 (so 1 to 4), and 7.
	clickRowBox(p, 1, false)
	clickRowBox(p, 4, true)
	clickRowBox(p, 7, false)
	p.waitFor(`document.querySelector('#element-downloads button[data-download="checked"]').textContent === "CSV of checked rows (5)"`, 0,
		`document.querySelector('#element-downloads button[data-download="checked"]').textContent`)
	name, got = d.download(t, "CSV of the checked rows", func() { p.click(`#element-downloads button[data-download="checked"]`) })
	if want := id + "-" + ty.Slug + "-checked.csv"; name != want {
		t.Errorf("saved as %q, want %q", name, want)
	}
	want = [][]string{exports.CSVHeader}
	for _, k := range []int{1, 2, 3, 4, 7} {
		want = append(want, elementRow(s, view[k]))
	}
	compareCSV(t, "CSV of the checked rows", string(got), csvOf(want, true))

	// Defusing off: the same rows, cells as they are.
	p.click("#element-downloads input.dl-defuse")
	_, got = d.download(t, "CSV of the checked rows, not defused", func() { p.click(`#element-downloads button[data-download="checked"]`) })
	compareCSV(t, "CSV of the checked rows, not defused", string(got), csvOf(want, false))
	p.check()
}

// compareCSV parses got strictly, compares it with want and returns its rows.
func compareCSV(t *testing.T, what, got, want string) [][]string {
	t.Helper()
	rows := testread.CSV(t, got)
	if got == want {
		return rows
	}
	wantRows := testread.CSV(t, want)
	if len(rows) != len(wantRows) {
		t.Errorf("%s: %d rows, want %d", what, len(rows), len(wantRows))
	}
	for k := range min(len(rows), len(wantRows)) {
		if !slices.Equal(rows[k], wantRows[k]) {
			t.Errorf("%s: row %d is\n%q\nwant\n%q", what, k, rows[k], wantRows[k])
			break
		}
	}
	t.Errorf("%s: the file (%d bytes) differs from the expected (%d bytes)", what, len(got), len(want))
	return rows
}

// gexfDoc is what the tests read of a GEXF file.
type gexfDoc struct {
	XMLName xml.Name
	Version string `xml:"version,attr"`
	Meta    struct {
		Date        string `xml:"lastmodifieddate,attr"`
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		Type  string `xml:"defaultedgetype,attr"`
		Nodes []struct {
			ID    string `xml:"id,attr"`
			Label string `xml:"label,attr"`
			Atts  []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
			Color struct {
				R int `xml:"r,attr"`
				G int `xml:"g,attr"`
				B int `xml:"b,attr"`
			} `xml:"color"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type gexfGraph struct {
	doc   *gexfDoc
	Nodes []gexfNode
	Edges [][2]int
}

type gexfNode struct {
	Label   string
	Atts    map[string]string
	R, G, B int
}

// parseGEXF reads a GEXF file with encoding/xml, strictly: every node id is
// n<k> in order, every edge joins known nodes.
func parseGEXF(t *testing.T, b []byte) *gexfGraph {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("GEXF is not well-formed XML: %v", err)
		}
	}
	var doc gexfDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GEXF: %v", err)
	}
	g := &gexfGraph{doc: &doc}
	ids := map[string]int{}
	for k, n := range doc.Graph.Nodes {
		if n.ID != fmt.Sprintf("n%d", k) {
			t.Fatalf("node %d has id %q", k, n.ID)
		}
		ids[n.ID] = k
		atts := map[string]string{}
		for _, a := range n.Atts {
			atts[a.For] = a.Value
		}
		g.Nodes = append(g.Nodes, gexfNode{Label: n.Label, Atts: atts, R: n.Color.R, G: n.Color.G, B: n.Color.B})
	}
	for _, e := range doc.Graph.Edges {
		a, ok1 := ids[e.Source]
		z, ok2 := ids[e.Target]
		if !ok1 || !ok2 {
			t.Fatalf("edge %s joins unknown nodes %s → %s", e.ID, e.Source, e.Target)
		}
		g.Edges = append(g.Edges, [2]int{a, z})
	}
	return g
}

// chunkText is a string as the data files carry it when they do not cut it.
func chunkText(s string) string { return inChunk(s, len(s)) }

// multiSource is the source data of element i in the scan list's
// downloads: the source element's data as its chunk carries it (ROOT's as
// the elements under it carry it).
func multiSource(s *model.Scan, i int32) string {
	src := s.Elements[i].Source
	if src <= 0 {
		return inChunk(s.Elements[0].Data, maxSource)
	}
	return inChunk(s.Elements[src].Data, maxData)
}

// multiCSV is the expected multi-scan CSV.
func multiCSV(scans []*model.Scan, defuse bool) string {
	rows := [][]string{exports.CSVMultiHeader}
	for _, s := range scans {
		for i := int32(1); i < int32(len(s.Elements)); i++ {
			e := &s.Elements[i]
			rows = append(rows, []string{s.Meta.Name, spiderTime(e.Generated), chunkText(s.Type(i).Code), chunkText(s.Module(i)), multiSource(s, i), fpFlag(e), exports.StripSFURL(inChunk(e.Data, maxData))})
		}
	}
	return csvOf(rows, defuse)
}

// jsonElement is an element of the multi-scan JSON.
type jsonElement struct {
	ID            string   `json:"id"`
	Type          string   `json:"type"`
	Data          string   `json:"data"`
	SourceID      string   `json:"source_id"`
	SourceData    string   `json:"source_data"`
	Module        string   `json:"module"`
	Generated     *string  `json:"generated"`
	Confidence    int      `json:"confidence"`
	Visibility    int      `json:"visibility"`
	Risk          int      `json:"risk"`
	Risky         bool     `json:"risky"`
	FalsePositive bool     `json:"false_positive"`
	Notes         []string `json:"notes"`
}

type jsonScans struct {
	Format string `json:"format"`
	Scans  []struct {
		Scan struct {
			ID             string   `json:"id"`
			Name           string   `json:"name"`
			Target         string   `json:"target"`
			Kind           string   `json:"kind"`
			Status         string   `json:"status"`
			Created        *string  `json:"created"`
			Started        *string  `json:"started"`
			Ended          *string  `json:"ended"`
			ElementModules []string `json:"element_modules"`
			Investigations []string `json:"investigations"`
			Elements       int      `json:"elements"`
		} `json:"scan"`
		Types    map[string]struct{ Description, Category string } `json:"types"`
		Elements []jsonElement                                     `json:"elements"`
	} `json:"scans"`
}

func jsonTime(ms int64) *string {
	t := model.Time(ms)
	if t.IsZero() {
		return nil
	}
	v := t.Format("2006-01-02T15:04:05.000Z07:00")
	return &v
}

// wantElement is element i as the multi-scan JSON holds it.
func wantElement(s *model.Scan, i int32) jsonElement {
	e := &s.Elements[i]
	w := jsonElement{ID: chunkText(e.ID), Type: chunkText(s.Type(i).Code), Data: inChunk(e.Data, maxData), SourceID: "ROOT", SourceData: multiSource(s, i),
		Module: chunkText(s.Module(i)), Generated: jsonTime(e.Generated), Confidence: int(e.Confidence), Visibility: int(e.Visibility), Risk: int(e.Risk),
		Risky: e.Is(model.FlagRisky), FalsePositive: e.Is(model.FlagFP)}
	if i == 0 {
		w.Data = inChunk(e.Data, maxSource)
		w.Generated = jsonTime(s.Meta.Started.Truncate(time.Second).UnixMilli())
	}
	if e.Source > 0 {
		w.SourceID = chunkText(s.Elements[e.Source].ID)
	}
	for _, n := range []struct {
		on   bool
		note string
	}{{e.Is(model.FlagOrphan), "source-missing"}, {e.Is(model.FlagCycle), "source-cycle"}, {e.Is(model.FlagRenamed), "id-reused"}, {len(e.Data) > maxData && i > 0, "data-cut"}} {
		if n.on {
			w.Notes = append(w.Notes, n.note)
		}
	}
	return w
}

// mergedGraph is the expected graph of several scans: each scan's
// EntityGraph, merged by value (labels as the data files carry them).
func mergedGraph(scans []*model.Scan) *entity.Graph {
	g := &entity.Graph{}
	byLabel := map[string]int32{}
	seen := map[[2]int32]bool{}
	for _, s := range scans {
		eg := entity.Build(s)
		local := make([]int32, len(eg.Nodes))
		for k, n := range eg.Nodes {
			n.Label = inChunk(n.Label, maxData)
			if n.Type == scan.RootID {
				n.Label = inChunk(n.Label, maxSource)
				n.FirstSeen = s.Meta.Started.Truncate(time.Second).UnixMilli()
			}
			n.Type, n.Module = chunkText(n.Type), chunkText(n.Module)
			id, ok := byLabel[n.Label]
			if !ok {
				id = int32(len(g.Nodes))
				byLabel[n.Label] = id
				g.Nodes = append(g.Nodes, n)
			} else {
				m := &g.Nodes[id]
				m.Count += n.Count
				m.Risky = m.Risky || n.Risky
				m.Target = m.Target || n.Target
				if n.FirstSeen > 0 && (m.FirstSeen == 0 || n.FirstSeen < m.FirstSeen) {
					m.FirstSeen = n.FirstSeen
				}
			}
			local[k] = id
		}
		for _, e := range eg.Edges {
			ge := [2]int32{local[e[0]], local[e[1]]}
			k := [2]int32{min(ge[0], ge[1]), max(ge[0], ge[1])} // undirected, as SpiderFoot's
			if !seen[k] && ge[0] != ge[1] {
				seen[k] = true
				g.Edges = append(g.Edges, ge)
			}
		}
	}
	return g
}

// xmlClean is a value after a GEXF round trip: characters XML forbids dropped.
func xmlClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return -1
	}, s)
}

// checkGraph compares a parsed GEXF with the expected graph.
func checkGraph(t *testing.T, got *gexfGraph, want *entity.Graph) {
	t.Helper()
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Errorf("GEXF: %d nodes, %d edges; want %d nodes, %d edges", len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	bad := 0
	for k := range min(len(got.Nodes), len(want.Nodes)) {
		g, w := got.Nodes[k], want.Nodes[k]
		first := ""
		if t := model.Time(w.FirstSeen); !t.IsZero() {
			first = t.Format(time.RFC3339)
		}
		r, gr, b := 31, 119, 180
		if w.Target {
			r, gr, b = 255, 0, 0
		} else if w.Risky {
			r, gr, b = 255, 140, 0
		}
		wantAtts := map[string]string{"type": xmlClean(w.Type), "category": w.Category, "module": xmlClean(w.Module), "first_seen": first,
			"risky": fmt.Sprint(w.Risky), "elements": fmt.Sprint(w.Count)}
		if g.Label != xmlClean(w.Label) || fmt.Sprint(g.Atts) != fmt.Sprint(wantAtts) || g.R != r || g.G != gr || g.B != b {
			if bad++; bad <= 5 {
				t.Errorf("GEXF node n%d: %q %v rgb(%d,%d,%d)\nwant %q %v rgb(%d,%d,%d)", k, g.Label, g.Atts, g.R, g.G, g.B, xmlClean(w.Label), wantAtts, r, gr, b)
			}
		}
	}
	for k := range min(len(got.Edges), len(want.Edges)) {
		if got.Edges[k] != [2]int{int(want.Edges[k][0]), int(want.Edges[k][1])} {
			if bad++; bad <= 5 {
				t.Errorf("GEXF edge %d: %v, want %v", k, got.Edges[k], want.Edges[k])
			}
		}
	}
}

// pyGEXF has NetworkX read a GEXF file: "nodes edges directed", or "" when
// python3 with networkx is missing (a failure in CI).
func pyGEXF(t *testing.T, path string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(py, "-c", "import networkx").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with networkx is needed in CI: %v", err)
		}
		t.Log("python3 with networkx not installed: the GEXF is not read back by NetworkX")
		return ""
	}
	out, err := exec.Command(py, "-c", `import sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(g.number_of_nodes(), g.number_of_edges(), g.is_directed())`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("NetworkX cannot read the GEXF: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// checkMultiDownloads downloads the checked scans of the scan list as CSV,
// JSON and GEXF and checks each file against the scans' models.
func checkMultiDownloads(t *testing.T, p *tab, d *downloader, scans []*model.Scan) {
	t.Helper()
	var ids, names []string
	for _, s := range scans {
		ids = append(ids, s.Meta.ID)
		names = append(names, s.Meta.Name)
	}
	stem := "scans-" + strings.Join(ids, "+")

	name, got := d.download(t, "CSV of the selected scans", func() { p.click(`#scan-downloads button[data-download="csv"]`) })
	if name != stem+".csv" {
		t.Errorf("CSV saved as %q, want %q", name, stem+".csv")
	}
	rows := compareCSV(t, "CSV of the selected scans", string(got), multiCSV(scans, true))
	checkPyCSV(t, name, got, rows)
	for k, r := range rows[1:] {
		if exports.Dangerous(r[6]) || exports.Dangerous(r[0]) || exports.Dangerous(r[4]) {
			t.Errorf("CSV row %d has a cell a spreadsheet would run: %q", k+1, r)
		}
	}

	name, got = d.download(t, "JSON of the selected scans", func() { p.click(`#scan-downloads button[data-download="json"]`) })
	if name != stem+".json" {
		t.Errorf("JSON saved as %q, want %q", name, stem+".json")
	}
	var doc jsonScans
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatalf("JSON of the selected scans: %v", err)
	}
	if doc.Format != "scanreport-scans/1" || len(doc.Scans) != len(scans) {
		t.Fatalf("JSON: format %q with %d scans, want scanreport-scans/1 with %d", doc.Format, len(doc.Scans), len(scans))
	}
	for k, s := range scans {
		js := doc.Scans[k]
		m := &s.Meta
		sec := func(t time.Time) string {
			if t.IsZero() {
				return deref(nil)
			}
			return deref(jsonTime(t.Truncate(time.Second).UnixMilli()))
		}
		if js.Scan.ID != m.ID || js.Scan.Name != m.Name || js.Scan.Target != m.Target || js.Scan.Kind != m.Kind || js.Scan.Status != m.Status ||
			js.Scan.Elements != s.Count() || deref(js.Scan.Created)+deref(js.Scan.Started)+deref(js.Scan.Ended) != sec(m.Created)+sec(m.Started)+sec(m.Ended) ||
			!slices.Equal(js.Scan.Investigations, s.Investigations()) {
			t.Errorf("JSON scan %d: %+v\nwant %s %q %q %s %s, %d elements, %v", k, js.Scan, m.ID, m.Name, m.Target, m.Kind, m.Status, s.Count(), s.Investigations())
		}
		for _, ty := range s.Types {
			if jt, ok := js.Types[chunkText(ty.Code)]; !ok || jt.Category != ty.Category || jt.Description != chunkText(ty.Description) {
				t.Errorf("JSON scan %s: type %q is %+v", m.ID, ty.Code, jt)
			}
		}
		if len(js.Elements) != len(s.Elements) {
			t.Errorf("JSON scan %s: %d elements, want %d (ROOT included)", m.ID, len(js.Elements), len(s.Elements))
			continue
		}
		bad := 0
		for i := range s.Elements {
			w := wantElement(s, int32(i))
			g := js.Elements[i]
			gt, wt := deref(g.Generated), deref(w.Generated)
			g.Generated, w.Generated = nil, nil
			if fmt.Sprintf("%+v %s", g, gt) != fmt.Sprintf("%+v %s", w, wt) {
				if bad++; bad <= 3 {
					t.Errorf("JSON scan %s element %d:\n%+v %s\nwant\n%+v %s", m.ID, i, g, gt, w, wt)
				}
			}
		}
	}

	name, got = d.download(t, "GEXF of the selected scans", func() { p.click(`#scan-downloads button[data-download="gexf"]`) })
	if name != stem+".gexf" {
		t.Errorf("GEXF saved as %q, want %q", name, stem+".gexf")
	}
	g := parseGEXF(t, got)
	if g.doc.Version != "1.2" || g.doc.XMLName.Space != "http://www.gexf.net/1.2draft" || g.doc.Graph.Type != "directed" {
		t.Errorf("GEXF: version %q, namespace %q, edges %q; want 1.2, 1.2draft, directed", g.doc.Version, g.doc.XMLName.Space, g.doc.Graph.Type)
	}
	wantDescr := names[0]
	if len(names) > 1 {
		wantDescr = fmt.Sprintf("%d scans: %s", len(names), strings.Join(names, ", "))
	}
	if g.doc.Meta.Description != xmlClean(wantDescr) {
		t.Errorf("GEXF description %q, want %q", g.doc.Meta.Description, wantDescr)
	}
	want := mergedGraph(scans)
	checkGraph(t, g, want)
	if out := pyGEXF(t, saveFile(t, name, got)); out != "" && out != fmt.Sprintf("%d %d True", len(want.Nodes), len(want.Edges)) {
		t.Errorf("NetworkX reads %q, want %d nodes, %d edges, directed", out, len(want.Nodes), len(want.Edges))
	}
}

// selectScans checks the scans on the scan list and returns their models
// in the order the page lists them.
func selectScans(t *testing.T, p *tab, f *fixture, ids ...string) []*model.Scan {
	t.Helper()
	for _, id := range ids {
		p.click(fmt.Sprintf(`input.scan-select[value=%q]`, id))
	}
	p.waitFor(fmt.Sprintf(`document.querySelectorAll("input.scan-select:checked").length === %d && !document.querySelector('#scan-downloads button[data-download="csv"]').disabled`, len(ids)), 0, "")
	var scans []*model.Scan
	for _, id := range p.attrs("input.scan-select:checked", "value") {
		scans = append(scans, f.scan(t, id))
	}
	return scans
}

// testScanListDownloads downloads two sample scans together.
func testScanListDownloads(t *testing.T, b *browser, f *fixture, id string) {
	other := f.find(t, "second", func(m *scan.Meta) bool { return m.ID != id && m.Kind == scan.KindAutomated })
	p := b.open(t, f.url("index.html"))
	d := captureDownloads(t, p)
	waitDownloadsReady(p, "#scan-downloads")
	if !evalT[bool](p, `[...document.querySelectorAll("#scan-downloads button[data-download]")].every(b => b.disabled)`) {
		t.Error("download buttons are enabled with no scan selected")
	}
	scans := selectScans(t, p, f, id, other)
	checkMultiDownloads(t, p, d, scans)

	// Too many elements for the page: a message with each scan's own file
	// instead, and no download.
	total := scans[0].Count() + scans[1].Count()
	evalT[bool](p, fmt.Sprintf(`(document.querySelector("#scan-downloads").setAttribute("data-limit", "%d"), true)`, total-1))
	p.click(`#scan-downloads button[data-download="gexf"]`)
	p.waitFor(`!!document.querySelector(".dl-message:not([hidden])") && !document.querySelector("#scan-downloads[aria-busy]")`, 0, "")
	msg := p.text(".dl-message")
	if !strings.Contains(msg, thousands(total)+" elements together") {
		t.Errorf("the too-big message says %q", msg)
	}
	var wantLinks []string
	for _, s := range scans {
		wantLinks = append(wantLinks, "scans/"+s.Meta.ID+"/downloads/"+s.Meta.ID+".gexf")
	}
	if got := p.attrs(".dl-message a[download]", "href"); !slices.Equal(got, wantLinks) {
		t.Errorf("the too-big message links %q, want %q", got, wantLinks)
	}
	for _, h := range wantLinks {
		if _, err := os.Stat(filepath.Join(f.Site, filepath.FromSlash(h))); err != nil {
			t.Errorf("the too-big message links a missing file: %v", err)
		}
	}
	select {
	case ev := <-d.done:
		t.Errorf("a download started although the scans are too big: %+v", ev)
	case <-time.After(300 * time.Millisecond):
	}
	p.check()
}

// thousands formats n with thousands separators, as the page does.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// testXSSDownloads downloads the XSS scan's elements through the browser:
// formula payloads are defused, XML-forbidden characters dropped, and no
// payload runs.
func testXSSDownloads(t *testing.T, b *browser, f *fixture) {
	s := f.scan(t, xssID)
	var ty *model.TypeStat
	for _, x := range s.Types {
		if x.Code == "LINKED_URL_EXTERNAL" {
			ty = x
		}
	}
	if ty == nil {
		t.Fatal("the XSS scan has no LINKED_URL_EXTERNAL elements")
	}
	p := openTypePage(t, b, f, xssID, ty)
	d := captureDownloads(t, p)
	waitDownloadsReady(p, "#element-downloads")
	_, got := d.download(t, "CSV of the XSS type", func() { p.click(`#element-downloads button[data-download="view"]`) })
	want := [][]string{exports.CSVHeader}
	for _, i := range ty.Elements {
		want = append(want, elementRow(s, i))
	}
	rows := compareCSV(t, "CSV of the XSS type", string(got), csvOf(want, true))
	defused := 0
	for k, r := range rows[1:] {
		for _, c := range r {
			if exports.Dangerous(c) {
				t.Errorf("row %d has a cell a spreadsheet would run: %q", k+1, c)
			}
		}
		if strings.HasPrefix(r[5], "'=") || strings.HasPrefix(r[5], "'+") || strings.HasPrefix(r[5], "'@") || strings.HasPrefix(r[5], "'-") {
			defused++
		}
	}
	if defused == 0 {
		t.Error("no formula payload was defused: the test does not test anything")
	}
	// With defusing off the cells are as the scan has them.
	p.click("#element-downloads input.dl-defuse")
	_, raw := d.download(t, "CSV of the XSS type, not defused", func() { p.click(`#element-downloads button[data-download="view"]`) })
	compareCSV(t, "CSV of the XSS type, not defused", string(raw), csvOf(want, false))
	if bytes.Equal(raw, got) {
		t.Error("turning defusing off changed nothing")
	}

	q := b.open(t, f.url("index.html"))
	dq := captureDownloads(t, q)
	waitDownloadsReady(q, "#scan-downloads")
	scans := selectScans(t, q, f, xssID)
	checkMultiDownloads(t, q, dq, scans)
	for _, x := range []*tab{p, q} {
		if v := evalT[string](x, `String(window.__xss)`); v != "undefined" {
			t.Errorf("a payload ran: window.__xss = %s", v)
		}
		if n := x.dialogCount(); n != 0 {
			t.Errorf("%d JavaScript dialogs opened", n)
		}
		x.check()
	}
}

// TestBenchDownloads1M measures the browser-made downloads on a
// 1,000,000-element scan (with make bench-browser: SCANREPORT_BENCH=1):
// the largest type's "CSV of this view", and the whole scan as CSV, JSON
// and GEXF from the scan list. Row and node counts are checked.
func TestBenchDownloads1M(t *testing.T) {
	if os.Getenv("SCANREPORT_BENCH") != "1" {
		t.Skip("set SCANREPORT_BENCH=1 to run the browser benchmark (make bench-browser)")
	}
	needChromium(t)
	const n = 1_000_000
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := os.MkdirAll(scans, 0o755); err != nil {
		t.Fatal(err)
	}
	err := sample.Write(scans, sample.Options{ID: "bench-1m", Name: "Benchmark, one million elements", Target: "bench.example",
		Kind: scan.KindAutomated, Status: scan.StatusFinished, Elements: n, Seed: 1,
		Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), FalsePositives: 10})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Build(context.Background(), sitecheck.BuildOptions(scans, out)); err != nil {
		t.Fatal(err)
	}
	s, err := loadModel(scans, "bench-1m")
	if err != nil {
		t.Fatal(err)
	}
	big := types(s)[0]
	b := newBrowser(t)

	p := b.open(t, fileURL(out, "scans/bench-1m/types/"+big.Slug+".html"))
	waitLoaded(p, big.Total(), 60*time.Second)
	waitDownloadsReady(p, "#element-downloads")
	d := captureDownloads(t, p)
	t0 := time.Now()
	_, got := d.download(t, "CSV of the largest type", func() { p.click(`#element-downloads button[data-download="view"]`) })
	t.Logf("%-40s %6.0f ms  %d rows, %.1f MB", "CSV of the view ("+big.Code+")", float64(time.Since(t0).Milliseconds()), big.Total(), float64(len(got))/1e6)
	if rows := bytes.Count(got, []byte("\r\n")); rows < big.Total()+1 {
		t.Errorf("CSV of the view: %d line ends for %d rows", rows, big.Total())
	}

	q := b.open(t, fileURL(out, "index.html"))
	waitDownloadsReady(q, "#scan-downloads")
	dq := captureDownloads(t, q)
	q.click(`input.scan-select[value="bench-1m"]`)
	for _, format := range []string{"csv", "json", "gexf"} {
		t0 := time.Now()
		_, got := dq.download(t, format, func() { q.click(`#scan-downloads button[data-download="` + format + `"]`) })
		t.Logf("%-40s %6.0f ms  %.1f MB", "whole scan as "+format+" (scan list)", float64(time.Since(t0).Milliseconds()), float64(len(got))/1e6)
		switch format {
		case "csv":
			if rows := len(testread.CSV(t, string(got))); rows != n+1 {
				t.Errorf("CSV: %d rows, want %d", rows, n+1)
			}
		case "json":
			var doc jsonScans
			if err := json.Unmarshal(got, &doc); err != nil || len(doc.Scans) != 1 || len(doc.Scans[0].Elements) != n+1 {
				t.Errorf("JSON: %v", err)
			}
		case "gexf":
			g := parseGEXF(t, got)
			eg := entity.Build(s)
			if len(g.Nodes) != len(eg.Nodes) || len(g.Edges) != len(eg.Edges) {
				t.Errorf("GEXF: %d nodes, %d edges; want %d, %d", len(g.Nodes), len(g.Edges), len(eg.Nodes), len(eg.Edges))
			}
		}
	}
	heap := evalT[float64](q, `performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1`)
	t.Logf("%-40s %6.0f MB", "JS heap after the downloads", heap)
	p.check()
	q.check()
}
