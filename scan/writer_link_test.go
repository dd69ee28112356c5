package scan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// linkedScan makes root/id, a scan with a scan.toml, and a file outside
// the scans root that links can point to.
func linkedScan(t *testing.T) (root, dir, outside string) {
	t.Helper()
	base := t.TempDir()
	root, outside = filepath.Join(base, "scans"), filepath.Join(base, "outside.txt")
	if err := os.WriteFile(outside, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := Create(root, Meta{ID: "s1", Target: "acme.example"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return root, filepath.Join(root, "s1"), outside
}

func unchanged(t *testing.T, outside string) {
	t.Helper()
	data, err := os.ReadFile(outside)
	if err != nil || string(data) != "precious\n" {
		t.Errorf("the file outside the scans root was written: %q %v", data, err)
	}
}

// TestWritersRefuseLinks: elements.jsonl, log.jsonl, review.jsonl or
// scan.toml that is a symbolic link to a file outside the scans root is
// never written through, and neither is a scan directory that is a link.
func TestWritersRefuseLinks(t *testing.T) {
	for _, name := range []string{ElementsFile, LogFile, MetaFile} {
		t.Run(name, func(t *testing.T) {
			root, dir, outside := linkedScan(t)
			os.Remove(filepath.Join(dir, name))
			if err := os.Symlink(outside, filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			w, err := OpenWriter(root, "s1")
			if err == nil {
				w.Log(time.Now(), LevelInfo, "x", "attacker text")
				w.Close()
				t.Fatal("OpenWriter opened a scan whose " + name + " is a link")
			}
			if !strings.Contains(err.Error(), "symbolic link") {
				t.Errorf("error does not say why: %v", err)
			}
			unchanged(t, outside)
		})
	}
	t.Run(ReviewFile, func(t *testing.T) {
		_, dir, outside := linkedScan(t)
		if err := os.Symlink(outside, filepath.Join(dir, ReviewFile)); err != nil {
			t.Fatal(err)
		}
		err := AppendDecision(dir, Decision{Op: OpFPSet, Elements: []string{"e1"}})
		if err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("AppendDecision through a link: %v", err)
		}
		unchanged(t, outside)
	})
	t.Run("scan directory", func(t *testing.T) {
		root, dir, outside := linkedScan(t)
		elsewhere := filepath.Join(filepath.Dir(outside), "elsewhere")
		if err := os.Rename(dir, elsewhere); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(elsewhere, dir); err != nil {
			t.Fatal(err)
		}
		if w, err := OpenWriter(root, "s1"); err == nil {
			w.Close()
			t.Error("OpenWriter followed a linked scan directory")
		}
		if err := AppendDecision(dir, Decision{Op: OpFPSet, Elements: []string{"e1"}}); err == nil {
			t.Error("AppendDecision followed a linked scan directory")
		}
		if _, err := Create(root, Meta{ID: "s1"}); err == nil {
			t.Error("Create followed a linked scan directory")
		}
		if _, err := os.Stat(filepath.Join(elsewhere, ReviewFile)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("review.jsonl written outside: %v", err)
		}
	})
	t.Run("settings replaced, not written through", func(t *testing.T) {
		root, dir, outside := linkedScan(t)
		if err := os.Symlink(outside, filepath.Join(dir, SettingsFile)); err != nil {
			t.Fatal(err)
		}
		w, err := OpenWriter(root, "s1")
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if err := w.WriteSettings(Settings{Global: []Setting{{Key: "k", Value: "v"}}}); err != nil {
			t.Fatal(err)
		}
		unchanged(t, outside)
		if st, err := os.Lstat(filepath.Join(dir, SettingsFile)); err != nil || !st.Mode().IsRegular() {
			t.Errorf("settings.toml after the write: %v %v", st, err)
		}
	})
}

// TestProblemStringEscapes: a file name or text with a terminal escape
// sequence is printed quoted, never raw.
func TestProblemStringEscapes(t *testing.T) {
	p := Problem{File: "investigations/\x1b]0;pwned\x07x.md", Line: 3, Severity: Error, Text: "bad \x1b[31mred"}
	got := p.String()
	if strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("raw control characters: %q", got)
	}
	if want := `"investigations/\x1b]0;pwned\ax.md":3: error: bad \x1b[31mred`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	plainP := Problem{File: "s1/elements.jsonl", Line: 2, Severity: Warning, Text: `id "e1" repeats`}
	if got := plainP.String(); got != `s1/elements.jsonl:2: warning: id "e1" repeats` {
		t.Errorf("plain problem: %s", got)
	}
}
