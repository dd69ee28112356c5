package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

func TestInvestigationCommand(t *testing.T) {
	cliEnv(t)
	scans := filepath.Join(t.TempDir(), "scans")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	review := func(id string) string {
		b, _ := os.ReadFile(filepath.Join(scans, id, scan.ReviewFile))
		return string(b)
	}
	code, out, errOut := runCLI(t, "investigation", "add", "case-7", "globex-2026-11-24", "initech-2026-11-21", "--scans", scans, "--by", "ana")
	if code != 0 || strings.Count(out, "Added") != 2 {
		t.Fatalf("add: %d %q %q", code, out, errOut)
	}
	if !strings.Contains(review("globex-2026-11-24"), `"op":"investigation-add","investigation":"case-7","by":"ana"`) {
		t.Errorf("review.jsonl: %s", review("globex-2026-11-24"))
	}
	// Already a member: nothing recorded, exit status 2.
	before := review("globex-2026-11-24")
	if code, _, errOut := runCLI(t, "investigation", "add", "case-7", "globex-2026-11-24", "--scans", scans); code != 2 || !strings.Contains(errOut, "already") {
		t.Errorf("add again: %d %q", code, errOut)
	}
	if review("globex-2026-11-24") != before {
		t.Error("a refused decision was recorded")
	}
	// Remove one named by scan.toml.
	if code, out, errOut := runCLI(t, "investigation", "remove", "acme-external-2026q4", "acme-corp-2026-11-18", "--scans", scans); code != 0 || !strings.Contains(out, "Removed") {
		t.Errorf("remove: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "investigation", "remove", "case-7", "acme-corp-2026-11-18", "--scans", scans); code != 2 || !strings.Contains(errOut, "not in") {
		t.Errorf("remove a non-member: %d %q", code, errOut)
	}
	// Names are checked before anything is read or written.
	for _, args := range [][]string{
		{"investigation", "add", "../x", "globex-2026-11-24"},
		{"investigation", "add", "index", "globex-2026-11-24"},
		{"investigation", "add", "ok", "../globex"},
		{"investigation", "join", "ok", "globex-2026-11-24"},
		{"investigation", "add", "ok", "no-such-scan"},
	} {
		if code, _, _ := runCLI(t, append(args, "--scans", scans)...); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
	}
}
