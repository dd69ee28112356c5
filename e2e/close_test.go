package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// TestLiveClose: a RUNNING scan whose scanner is gone says its
// correlations wait for the end; `scanreport close --status FINISHED`
// ends it and the open Correlations tab of `scanreport serve` shows the
// rules' findings, with the status and end time the command set.
func TestLiveClose(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, _ := scanWithStatus(t, scans, scan.StatusRunning)
	// The scanner stopped an hour ago.
	stopped := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, name := range []string{scan.ElementsFile, scan.LogFile} {
		if err := os.Chtimes(filepath.Join(scans, running, name), stopped, stopped); err != nil {
			t.Fatal(err)
		}
	}
	p := b.open(t, srv.url("scans/"+running+"/correlations.html"))
	waitLive(p)
	if txt := p.text("section.correlations .empty"); !strings.Contains(txt, "once the scan has finished") {
		t.Fatalf("running scan's correlations tab: %q", txt)
	}
	out := runBinary(t, "close", "--scans", scans, running, "--status", "FINISHED")
	want := "Closed " + running + ": RUNNING → FINISHED, ended " + stopped.UTC().Format(time.RFC3339)
	if !strings.Contains(out, want) {
		t.Errorf("close said %q, want %q", out, want)
	}
	p.waitThroughReload(`document.querySelectorAll("section.correlations .finding").length > 0`, 30*time.Second)
	if n := p.count(".rules-matched tbody tr"); n == 0 {
		t.Error("no rule listed in the By rule table")
	}
	p.check()

	ov := b.open(t, srv.url("scans/"+running+"/index.html"))
	if got := ov.text(".correlations-summary .risk-counts"); !strings.Contains(got, "high") {
		t.Errorf("overview correlations %q", got)
	}
	ov.check()
}
