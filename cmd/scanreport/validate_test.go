package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/sample"
)

// TestValidateScanIDs: validate checks only the scans named, as its usage
// says; an unknown id is refused with the id and the scans root named;
// with no id every scan is checked.
func TestValidateScanIDs(t *testing.T) {
	cliEnv(t)
	scans := filepath.Join(t.TempDir(), "scans")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(scans, "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(broken, "scan.toml"), []byte("name = \"Broken\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n"), 0o644)
	os.WriteFile(filepath.Join(broken, "elements.jsonl"), []byte("{\"id\":\"a\",\"type\":\"INTERNET_NAME\",\"data\":\"x\n"+"not json\n"), 0o644)
	// A directory that cannot be a scan: a problem of the whole root.
	if err := os.MkdirAll(filepath.Join(scans, "bad name"), 0o755); err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr := runCLI(t, "validate", "--scans", scans, "acme-corp-2026-11-18", "globex-2026-11-24")
	if code != 0 || strings.Contains(stdout, "broken") || strings.Contains(stdout, "bad name") || !strings.Contains(stderr, "2 scans,") {
		t.Errorf("validate of two good scans: %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "validate", "--scans", scans, "broken")
	if code != 1 || !strings.Contains(stdout, "broken/elements.jsonl:1: error:") || strings.Contains(stdout, "acme") || !strings.Contains(stderr, "1 scans,") {
		t.Errorf("validate of the broken scan: %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "validate", "--scans", scans, "acme-corp-2026-11-18", "no-such-scan", "../etc")
	if code != 2 || stdout != "" || !strings.Contains(stderr, `no scans "no-such-scan", "../etc" in the scans root `+scans) {
		t.Errorf("validate of unknown ids: %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "validate", "--scans", scans)
	if code != 1 || !strings.Contains(stdout, "broken/elements.jsonl:1") || !strings.Contains(stdout, `"bad name": error: directory refused`) || !strings.Contains(stderr, "5 scans,") {
		t.Errorf("validate of all: %d %q %q", code, stdout, stderr)
	}
}

// TestValidateQuotesFileNames: an investigation file whose name holds a
// terminal escape sequence is named quoted in validate's output.
func TestValidateQuotesFileNames(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	scans, inv := filepath.Join(dir, "scans"), filepath.Join(dir, "investigations")
	for _, d := range []string{scans, inv} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(inv, "\x1b[2J\x1b]0;owned\x07.md"), []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "validate", "--scans", scans)
	if strings.ContainsAny(out+errOut, "\x1b\x07") {
		t.Errorf("raw escape sequence printed: %q %q", out, errOut)
	}
	if code != 1 || !strings.Contains(out, `"investigations/\x1b[2J\x1b]0;owned\a.md": error: not an investigation file`) {
		t.Errorf("validate: %d %q %q", code, out, errOut)
	}
}
