package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

// TestCloseCommand: a RUNNING scan whose scanner is gone refuses false
// positives and gets no correlations; 'close' refuses what makes no sense
// with an explanation, then sets FINISHED with the time its files were
// last written, after which false positives are accepted and the build
// runs the correlation rules over it.
func TestCloseCommand(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	const id = "globex-2026-11-24"
	stopped := time.Date(2026, 11, 24, 16, 2, 3, 0, time.UTC)
	for _, name := range []string{scan.ElementsFile, scan.LogFile} {
		if err := os.Chtimes(filepath.Join(scans, id, name), stopped, stopped); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCLI(t, "fp", "set", "--scans", scans, id, "e3"); code != 2 || !strings.Contains(stderr, "refused") {
		t.Fatalf("fp on the running scan: %d %s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{id, "--status", "RUNNING"}, 2, `refused: cannot close a scan as "RUNNING": it is not a final status. A closed scan is FINISHED`},
		{[]string{id, "--status", "COMPLETE"}, 2, "it is not a status scanreport knows"},
		{[]string{id}, 1, "--status is required: FINISHED, ABORTED or ERROR-FAILED"},
		{[]string{id, "--status", "FINISHED", "--ended", "yesterday"}, 1, `--ended "yesterday": a time such as 2024-05-01T10:20:00Z`},
		{[]string{"no-such-scan", "--status", "FINISHED"}, 2, `refused: no scan "no-such-scan" under ` + scans},
		{[]string{"acme-corp-2026-11-18", "--status", "ABORTED"}, 2, "is already FINISHED (ended 2026-11-18T"},
	} {
		code, _, stderr := runCLI(t, append([]string{"close", "--scans", scans}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("close %v: %d %q, want %d %q", c.args, code, stderr, c.code, c.want)
		}
	}

	code, stdout, stderr := runCLI(t, "close", "--scans", scans, id, "--status", "FINISHED")
	if code != 0 || !strings.Contains(stdout, "Closed "+id+": RUNNING → FINISHED, ended 2026-11-24T16:02:03Z.") ||
		!strings.Contains(stdout, "correlations run at the next 'scanreport build'") {
		t.Fatalf("close: %d %q %q", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, "fp", "set", "--scans", scans, id, "e3"); code != 0 {
		t.Errorf("fp after close: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, "build", "--scans", scans, "--out", out); code != 0 {
		t.Fatalf("build: %d %s %s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "scans", id, "correlations.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "Correlation rules run once the scan has finished") || !strings.Contains(string(page), `class="finding"`) {
		t.Errorf("the closed scan has no correlations:\n%s", page)
	}
	if code, stdout, _ := runCLI(t, "validate", "--scans", scans); code != 0 {
		t.Errorf("validate after close: %d %s", code, stdout)
	}
}
