package main

import (
	"os"
	"os/user"
	"path/filepath"
	"testing"

	"github.com/scanreport/scanreport/internal/config"
)

// Decisions are recorded under [analyst] name, else the OS user.
func TestAnalystName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("[analyst]\nname = \"Alice Analyst\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := analystName(c); got != "Alice Analyst" {
		t.Errorf("with [analyst] name: %q", got)
	}
	u, err := user.Current()
	if err != nil {
		t.Skip(err)
	}
	if got := analystName(config.Default()); got != u.Username {
		t.Errorf("without a name: %q, want the OS user %q", got, u.Username)
	}
	if err := os.WriteFile(path, []byte("[analyst]\nnmae = \"typo\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(path); err == nil {
		t.Error("an unknown key in [analyst] was accepted")
	}
}
