package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/sitecmp"
	"github.com/scanreport/scanreport/scan"
)

// TestLiveExportsInBackground: the downloads are written by a job that
// holds no lock updates need. An append that arrives while the job runs is
// applied at once, stops the job (whose half-written files never replace
// the previous downloads), and the manifest says the downloads are behind
// and by how much; the next quiet spell writes them, and the site is then
// the same as a clean build.
func TestLiveExportsInBackground(t *testing.T) {
	l, scans, out := liveSite(t)
	ctx := context.Background()
	csvPath := filepath.Join(out, "scans", "good", "downloads", "good.csv")
	before, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	elements := filepath.Join(scans, "good", scan.ElementsFile)
	update := func() {
		t.Helper()
		if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}}); err != nil {
			t.Fatal(err)
		}
	}
	appendLines(t, elements, elementLines(0, 50)...)
	update()
	m := manifest(t, out, "good")
	d, ok := m["downloads"].(map[string]any)
	if !ok || d["n"].(float64) != 2 || d["updating"] != false {
		t.Fatalf("manifest after an append says downloads %v, want behind at 2 elements, not updating", m["downloads"])
	}

	// The job stops before writing until the test lets it go on.
	started, release := make(chan context.Context), make(chan struct{})
	l.exportHook = func(jctx context.Context, _ string) {
		started <- jctx
		<-release
	}
	ch, err := l.StartExports(ctx, 0)
	if err != nil || len(ch.Scans) != 1 {
		t.Fatalf("no export started: %+v %v", ch, err)
	}
	jctx := <-started
	if d, _ := manifest(t, out, "good")["downloads"].(map[string]any); d == nil || d["updating"] != true {
		t.Errorf("manifest while the job runs says downloads %v, want updating", d)
	}
	// More data while the job runs: applied without waiting for it.
	appendLines(t, elements, elementLines(50, 50)...)
	done := make(chan struct{})
	go func() {
		update()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		close(release)
		t.Fatal("the update waits for the export job")
	}
	if jctx.Err() == nil {
		t.Error("the new data did not cancel the export job")
	}
	if n := manifest(t, out, "good")["count"].(float64); n != 102 {
		t.Errorf("manifest count %v after the second append, want 102", n)
	}
	close(release)
	l.jobs.Wait()
	after, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("the cancelled job replaced the CSV download")
	}
	if left, _ := filepath.Glob(filepath.Join(out, "scans", "good", "downloads", ".*tmp*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
	if d, _ := manifest(t, out, "good")["downloads"].(map[string]any); d == nil || d["n"].(float64) != 2 || d["updating"] != false {
		t.Errorf("manifest after the cancelled job says downloads %v, want behind at 2 elements", d)
	}

	// The downloads follow (the scan has finished: no quiet spell needed).
	l.exportHook = nil
	ch, err = l.FlushExports(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(ch.Paths, " "), "scans/good/downloads/good.csv") || !strings.Contains(strings.Join(ch.Paths, " "), "scans/good/data/manifest.js") {
		t.Errorf("the finished job changed %v, want the downloads and the manifest", ch.Paths)
	}
	select {
	case <-l.ExportsDone():
	default:
		t.Error("ExportsDone was not signalled")
	}
	if _, ok := manifest(t, out, "good")["downloads"]; ok {
		t.Error("the manifest still says the downloads are behind")
	}
	csv, _ := os.ReadFile(csvPath)
	if !strings.Contains(string(csv), "10.0.0.99") {
		t.Error("the CSV lacks the appended elements")
	}
	sameAsCleanBuild(t, scans, out)
}

// BenchmarkLiveBurstyAppends runs the preview's loop (cmd/scanreport
// serve: updates and a 2 s tick that writes the downloads of scans quiet
// for 10 s, on one goroutine) over a scan of 1,000,000 elements, appends
// bursts of 1,000 elements with quiet gaps of 5–15 s, and reports write →
// site updated (the manifest a page reads) per burst. "blocking" writes
// the downloads on the loop as before (FlushExports), "background" starts
// them (StartExports). Run with -benchtime=1x: each run is ~2 minutes.
func BenchmarkLiveBurstyAppends(b *testing.B) {
	if testing.Short() {
		b.Skip("short")
	}
	dir := b.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	const size = 1_000_000
	writeBig(b, scans, size)
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	path := filepath.Join(scans, "big", scan.ElementsFile)
	next := size
	gaps := []time.Duration{5, 12, 7, 15, 9, 13, 6, 11} // seconds
	for _, mode := range []string{"blocking", "background"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				writes := make(chan time.Time)
				lat := make(chan time.Duration, len(gaps))
				loopDone := make(chan struct{})
				var waited []float64 // write → the loop starts the update
				var tickMax float64  // the longest tick (graph flush, exports started or written)
				go func() {          // the serve loop
					defer close(loopDone)
					tick := time.NewTicker(2 * time.Second)
					defer tick.Stop()
					for {
						select {
						case <-ctx.Done():
							return
						case t0 := <-writes:
							t1 := time.Now()
							if _, err := l.Update(ctx, []ScanChange{{Scan: "big", Files: []string{scan.ElementsFile}}}); err != nil {
								b.Error(err)
							}
							waited = append(waited, float64(t1.Sub(t0).Microseconds())/1000)
							lat <- time.Since(t0)
						case <-l.ExportsDone():
							l.TakeExported()
						case <-tick.C:
							t1 := time.Now()
							if mode == "blocking" {
								_, err = l.FlushExports(ctx, 10*time.Second)
							} else {
								_, err = l.StartExports(ctx, 10*time.Second)
							}
							if err != nil && ctx.Err() == nil {
								b.Error(err)
							}
							tickMax = max(tickMax, float64(time.Since(t1).Microseconds())/1000)
						}
					}
				}()
				var got []float64
				for _, gap := range gaps {
					time.Sleep(gap * time.Second)
					lines := make([]string, 1000)
					for i := range lines {
						next++
						lines[i] = fmt.Sprintf(`{"id":"n%d","type":"%s","data":"new-%d.example.com","source":"e%d","module":"sfp_new","generated":"2026-11-20T12:00:00Z"}`,
							next, []string{"INTERNET_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "EMAILADDR"}[next%4], next, next%size+1)
					}
					appendLines(b, path, lines...)
					// The watcher's own delay is left out: the write is
					// handed to the loop at once.
					writes <- time.Now()
					got = append(got, float64((<-lat).Microseconds())/1000)
				}
				cancel()
				<-loopDone
				l.jobs.Wait()
				slices.Sort(got)
				b.ReportMetric(got[len(got)/2], "p50-ms")
				b.ReportMetric(got[len(got)*95/100], "p95-ms")
				b.ReportMetric(got[len(got)-1], "max-ms")
				b.Logf("%s: write → site updated, ms, sorted: %v", mode, got)
				slices.Sort(waited)
				b.Logf("%s: of which waiting for the loop, ms, sorted: %v; longest tick %.0f ms", mode, waited, tickMax)
			}
		})
	}
}

// TestLiveDownloadsAppended: new elements and log lines are appended to
// the CSV and log CSV downloads; rows already written that change (a
// source that arrives later, a false positive) make the CSV be written
// whole. After each step the downloads are those of a clean build.
func TestLiveDownloadsAppended(t *testing.T) {
	l, scans, out := liveSite(t)
	ctx := context.Background()
	elements := filepath.Join(scans, "good", scan.ElementsFile)
	step := func(what string, files ...string) {
		t.Helper()
		if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: files}}); err != nil {
			t.Fatal(err)
		}
		plan := l.scans["good"]
		appendable := plan.csvAt >= 0 && plan.csvDirtyGen <= plan.csvGen
		if _, err := l.FlushExports(ctx, 0); err != nil {
			t.Fatal(err)
		}
		if ls := l.scans["good"]; ls.csvAt != ls.s.Count() || ls.logAt != len(ls.s.Log) {
			t.Errorf("%s: the downloads are recorded at %d elements, %d log lines; want %d, %d", what, ls.csvAt, ls.logAt, ls.s.Count(), len(ls.s.Log))
		}
		t.Logf("%s: CSV appended: %v", what, appendable)
		// The downloads as a clean build writes them (the pages may
		// differ: a live site keeps the problems it met on the way).
		clean := filepath.Join(t.TempDir(), "clean")
		if _, err := Build(ctx, options(scans, clean)); err != nil {
			t.Fatal(err)
		}
		diff, err := sitecmp.Diff(clean, out, func(rel string) bool { return !strings.Contains(rel, "/downloads/") })
		if err != nil {
			t.Fatal(err)
		}
		if len(diff) > 0 {
			t.Errorf("%s: the downloads differ from a clean build's: %v", what, diff)
		}
	}
	appendLines(t, elements, elementLines(0, 50)...)
	step("50 elements", scan.ElementsFile)
	// A child whose source arrives later: the child's row changes.
	appendLines(t, elements,
		`{"id":"kid","type":"IP_ADDRESS","data":"10.9.9.9","source":"later","module":"m","generated":"2026-11-20T10:02:00Z"}`)
	step("an element before its source", scan.ElementsFile)
	appendLines(t, elements,
		`{"id":"later","type":"INTERNET_NAME","data":"later.example.com","source":"a","module":"m","generated":"2026-11-20T10:02:01Z"}`)
	if l.scans["good"].csvDirtyGen != 0 {
		t.Fatal("dirty before the relink")
	}
	step("its source", scan.ElementsFile)
	if ls := l.scans["good"]; ls.csvDirtyGen == 0 {
		t.Error("the relink did not mark the CSV to be written whole")
	}
	appendLines(t, elements, elementLines(50, 10)...)
	appendLines(t, filepath.Join(scans, "good", scan.LogFile),
		`{"time":"2026-11-20T10:03:00Z","level":"INFO","component":"m","message":"more, with \"quotes\", commas\nand a newline"}`)
	step("10 elements and a log line", scan.ElementsFile, scan.LogFile)
	if err := scan.AppendDecision(filepath.Join(scans, "good"), scan.Decision{Op: scan.OpFPSet, Elements: []string{"x3"}, By: "t"}); err != nil {
		t.Fatal(err)
	}
	step("a false positive", scan.ReviewFile)
	csv, _ := os.ReadFile(filepath.Join(out, "scans", "good", "downloads", "good.csv"))
	n := 0
	for _, line := range strings.Split(string(csv), "\n") {
		if strings.HasSuffix(strings.TrimSuffix(line, "\r"), ",10.0.0.3") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the CSV has the element x3 %d times", n)
	}
}
