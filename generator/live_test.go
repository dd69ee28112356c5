package generator

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// liveSite starts a live site over goodScan.
func liveSite(t *testing.T) (*Live, string, string) {
	t.Helper()
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, goodScan)
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, scans, out
}

// scanOf returns the model of scan id (nil when the site has none), for
// a test to read while no update runs.
func scanOf(l *Live, id string) *model.Scan {
	var out *model.Scan
	_ = l.View(id, func(s *model.Scan, _ bool) error { out = s; return nil })
	return out
}

func appendLines(t testing.TB, path string, lines ...string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, l := range lines {
		if _, err := f.WriteString(l + "\n"); err != nil {
			t.Fatal(err)
		}
	}
}

func manifest(t *testing.T, out, id string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "scans", id, "data", "manifest.js"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	s = s[strings.Index(s, "(")+1:]
	s = s[strings.Index(s, "(")+1 : strings.LastIndex(s, ")")]
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return m
}

func TestLiveAppend(t *testing.T) {
	l, scans, out := liveSite(t)
	appendLines(t, filepath.Join(scans, "good", "elements.jsonl"),
		`{"id":"c","type":"IP_ADDRESS","data":"5.6.7.8","source":"later","module":"m","generated":"2026-11-20T10:00:03Z"}`,
		`{"id":"d","type":"TCP_PORT_OPEN","data":"5.6.7.8:22","source":"c","module":"m","generated":"2026-11-20T10:00:04Z"}`)
	ch, err := l.Update(context.Background(), []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}})
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(ch.Paths, " ")
	for _, want := range []string{"scans/good/data/e-ip_address-0.js", "scans/good/data/e-tcp_port_open-0.js", "scans/good/data/manifest.js",
		"scans/good/index.html", "scans/good/types/ip_address.html", "index.html", "data/scans.js"} {
		if !strings.Contains(joined, want) {
			t.Errorf("changed paths lack %s: %v", want, ch.Paths)
		}
	}
	if strings.Contains(joined, "e-internet_name") || strings.Contains(joined, "downloads/") {
		t.Errorf("unchanged chunk or downloads rewritten: %v", ch.Paths)
	}
	m := manifest(t, out, "good")
	if m["count"].(float64) != 4 || m["gen"].(float64) != 1 {
		t.Errorf("manifest count %v gen %v", m["count"], m["gen"])
	}
	// The source of c arrives later: c's chunk is rewritten (version 1).
	appendLines(t, filepath.Join(scans, "good", "elements.jsonl"),
		`{"id":"later","type":"INTERNET_NAME","data":"later.example.com","source":"a","module":"m","generated":"2026-11-20T10:00:05Z"}`)
	ch, err = l.Update(context.Background(), []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(ch.Paths, " "), "e-ip_address-0.js") {
		t.Errorf("the relinked element's chunk was not rewritten: %v", ch.Paths)
	}
	chunk, _ := os.ReadFile(filepath.Join(out, "scans", "good", "data", "e-ip_address-0.js"))
	if !strings.Contains(string(chunk), `"later.example.com"`) {
		t.Errorf("chunk does not show the new source: %s", chunk)
	}
	// Downloads follow once the scan is quiet.
	ch, err = l.FlushExports(context.Background(), 0)
	if err != nil || !strings.Contains(strings.Join(ch.Paths, " "), "downloads/good.csv") {
		t.Errorf("exports: %v %v", ch.Paths, err)
	}
	csv, _ := os.ReadFile(filepath.Join(out, "scans", "good", "downloads", "good.csv"))
	if !strings.Contains(string(csv), "5.6.7.8:22") {
		t.Errorf("CSV lacks the new element")
	}
	// So does the search index: every row, and the relinked source's value.
	ix, _ := os.ReadFile(filepath.Join(out, "scans", "good", "data", "ix.js"))
	if !strings.Contains(string(ix), `{"slug":"ip_address","n":1}`) || !strings.Contains(string(ix), `{"slug":"tcp_port_open","n":1}`) {
		t.Errorf("the index does not cover the new rows: %s", ix)
	}
	var head sitefmt.IndexMeta
	testread.Payload(t, filepath.Join(out, "scans", "good", "data", "ix.js"), &head)
	found := false
	for n := range head.Blocks {
		var blk sitefmt.IndexBlock
		testread.Payload(t, filepath.Join(out, "scans", "good", "data", searchindex.BlockFile(head.Gen, n)), &blk)
		d, err := blk.Dict()
		if err != nil {
			t.Fatalf("block %d: %v", n, err)
		}
		found = found || slices.Contains(d.E, "later.example.com")
	}
	if !found {
		t.Errorf("the index's dictionary lacks later.example.com")
	}
}

func TestLiveScansComeAndGo(t *testing.T) {
	l, scans, out := liveSite(t)
	writeFiles(t, scans, `
-- fresh/scan.toml --
name = "Fresh"
target = "fresh.example"
status = "RUNNING"
-- fresh/elements.jsonl --
{"id":"a","type":"INTERNET_NAME","data":"fresh.example","source":"ROOT","generated":"2026-11-20T10:00:01Z"}
`)
	ch, err := l.Update(context.Background(), []ScanChange{{Scan: "fresh", Dir: true}})
	if err != nil || !ch.List {
		t.Fatalf("new scan: %+v %v", ch, err)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), "Fresh") {
		t.Error("the new scan is not in the scan list")
	}
	// Status change: the badge moves.
	writeFiles(t, scans, "-- fresh/scan.toml --\nname = \"Fresh\"\ntarget = \"fresh.example\"\nstatus = \"FINISHED\"\n")
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "fresh", Files: []string{scan.MetaFile}}}); err != nil {
		t.Fatal(err)
	}
	if m := manifest(t, out, "fresh"); m["status"] != "FINISHED" || m["done"] != true {
		t.Errorf("manifest after status change: %v %v", m["status"], m["done"])
	}
	// Truncated file: the scan is read again.
	if err := os.WriteFile(filepath.Join(scans, "fresh", "elements.jsonl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "fresh", Files: []string{scan.ElementsFile}}}); err != nil {
		t.Fatal(err)
	}
	if m := manifest(t, out, "fresh"); m["count"].(float64) != 0 {
		t.Errorf("after truncation count = %v", m["count"])
	}
	// Removed.
	if err := os.RemoveAll(filepath.Join(scans, "fresh")); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "fresh", Dir: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "scans", "fresh")); err == nil {
		t.Error("the removed scan's pages remain")
	}
	index, _ = os.ReadFile(filepath.Join(out, "index.html"))
	if strings.Contains(string(index), "Fresh") {
		t.Error("the removed scan is still listed")
	}
}

func asRefusal(err error, target **model.RefusalError) bool {
	r, ok := err.(*model.RefusalError)
	if ok {
		*target = r
	}
	return ok
}

// BenchmarkLiveAppend appends 1,000 elements to a scan of 10,000 and of
// 1,000,000 elements and times the update of the site (read, chunks,
// manifest, pages), which should not grow with the scan.
func BenchmarkLiveAppend(b *testing.B) {
	for _, size := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			if testing.Short() && size > 100_000 {
				b.Skip("short")
			}
			dir := b.TempDir()
			scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
			writeBig(b, scans, size)
			l, _, err := Start(context.Background(), options(scans, out))
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close()
			path := filepath.Join(scans, "big", scan.ElementsFile)
			next := size
			var total time.Duration
			for b.Loop() {
				b.StopTimer()
				lines := make([]string, 1000)
				for i := range lines {
					next++
					lines[i] = fmt.Sprintf(`{"id":"n%d","type":"%s","data":"new-%d.example.com","source":"e%d","module":"sfp_new","generated":"2026-11-20T12:00:00Z"}`,
						next, []string{"INTERNET_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "EMAILADDR"}[next%4], next, next%size+1)
				}
				appendLines(b, path, lines...)
				b.StartTimer()
				t0 := time.Now()
				if _, err := l.Update(context.Background(), []ScanChange{{Scan: "big", Files: []string{scan.ElementsFile}}}); err != nil {
					b.Fatal(err)
				}
				total += time.Since(t0)
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/update")
		})
	}
}

func writeBig(b *testing.B, scans string, n int) {
	b.Helper()
	w, err := scan.Create(scans, scan.Meta{ID: "big", Target: "big.example", Status: scan.StatusRunning})
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	types := []string{"INTERNET_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "EMAILADDR", "LINKED_URL_INTERNAL", "MALICIOUS_IPADDR"}
	for i := 1; i <= n; i++ {
		src := "ROOT"
		if i > 1 {
			src = fmt.Sprintf("e%d", i/2)
		}
		if _, err := w.Add(scan.Element{ID: fmt.Sprintf("e%d", i), Type: types[i%len(types)], Data: fmt.Sprintf("v%d.big.example", i),
			Source: src, Module: "sfp_x", Generated: t0.Add(time.Duration(i) * time.Millisecond)}); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}

// A scan that finishes while served gets its correlations.
func TestLiveCorrelationsWhenFinished(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, `
-- run/scan.toml --
name = "Running"
target = "example.com"
status = "RUNNING"
-- run/elements.jsonl --
{"id":"h","type":"INTERNET_NAME","data":"example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}
{"id":"p","type":"TCP_PORT_OPEN","data":"1.2.3.4:3389","source":"h","module":"sfp_portscan_tcp","generated":"2026-11-20T10:00:02Z"}
`)
	o := options(scans, out)
	o.Correlations = Correlations{Enabled: true} // the built-in rules
	l, _, err := Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if s := scanOf(l, "run"); s.CorrelationsRun {
		t.Fatal("correlations ran on a running scan")
	}
	writeFiles(t, scans, "-- run/scan.toml --\nname = \"Running\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n")
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "run", Files: []string{scan.MetaFile}}}); err != nil {
		t.Fatal(err)
	}
	s := scanOf(l, "run")
	if !s.CorrelationsRun || len(s.Correlations) == 0 {
		t.Fatalf("no correlations after the scan finished: %+v", s.Correlations)
	}
	page, _ := os.ReadFile(filepath.Join(out, "scans", "run", "correlations.html"))
	if !strings.Contains(string(page), "3389") {
		t.Errorf("correlations page does not show the remote desktop port")
	}
}
