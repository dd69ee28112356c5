package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
