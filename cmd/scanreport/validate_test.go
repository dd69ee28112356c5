package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
