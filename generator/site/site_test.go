package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func build(t *testing.T, out string, files map[string]string) {
	t.Helper()
	b, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	for rel, data := range files {
		if err := b.Write(rel, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(data)
}

func TestBuildSwap(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	build(t, out, map[string]string{"index.html": "one", "a/b/c.js": "x"})
	build(t, out, map[string]string{"index.html": "two"})
	if got := read(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("index.html = %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "a")); err == nil {
		t.Error("a file of the old site survived the swap")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// Link keeps a file of the previous site in the new one: the same bytes
// (the same file where links work), counted; a path outside the site or
// a missing file is refused.
func TestLink(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	build(t, out, map[string]string{"scans/a/data/ix3-d0.js": "generation 3\n<SFURL>x</SFURL>"})
	b, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	old := filepath.Join(b.Previous(), "scans", "a", "data", "ix3-d0.js")
	if err := b.Link("scans/a/data/ix3-d0.js", old); err != nil {
		t.Fatal(err)
	}
	if err := b.Link("../x.js", old); err == nil {
		t.Error("a path outside the site was linked")
	}
	if err := b.Link("scans/a/data/ix3-d1.js", old+".missing"); err == nil {
		t.Error("a missing file was linked")
	}
	if err := b.Write("scans/a/data/ix4-d0.js", []byte("generation 4")); err != nil {
		t.Fatal(err)
	}
	if b.Files() != 3 || b.Bytes() != int64(len("generation 3\n<SFURL>x</SFURL>")+len("generation 4")+len(read(t, filepath.Join(out, Marker)))) {
		t.Errorf("%d files, %d bytes counted", b.Files(), b.Bytes())
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"ix3-d0.js": "generation 3\n<SFURL>x</SFURL>", "ix4-d0.js": "generation 4"} {
		if got := read(t, filepath.Join(out, "scans", "a", "data", name)); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// An interrupted build (never committed) leaves the old site, and the next
// build cleans up after it.
func TestInterruptedBuild(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	build(t, out, map[string]string{"index.html": "one"})
	b, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Write("index.html", []byte("half")); err != nil {
		t.Fatal(err)
	}
	// the process dies here: no Commit, no Abort
	if got := read(t, filepath.Join(out, "index.html")); got != "one" {
		t.Errorf("old site changed: %q", got)
	}
	build(t, out, map[string]string{"index.html": "three"})
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || read(t, filepath.Join(out, "index.html")) != "three" {
		t.Errorf("after recovery: %v", entries)
	}
	// A swap cut short between its two renames: the old site is put back.
	if err := os.Rename(out, filepath.Join(dir, ".site.old-123")); err != nil {
		t.Fatal(err)
	}
	b, err = Start(out)
	if err != nil {
		t.Fatal(err)
	}
	b.Abort()
	if got := read(t, filepath.Join(out, "index.html")); got != "three" {
		t.Errorf("old site not restored: %q", got)
	}
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Start(dir); err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Errorf("Start on a foreign folder: %v", err)
	}
	b, err := Start(filepath.Join(dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	for _, bad := range []string{"../x", "/etc/x", "a/../../x", "a//b", "a\\b", ""} {
		if err := b.Write(bad, nil); err == nil {
			t.Errorf("Write(%q) accepted", bad)
		}
	}
}

func TestDirUpdates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	build(t, out, map[string]string{"index.html": "one", "scans/a/data/m.js": "m1"})
	d := OpenDir(out)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(d.Write("index.html", []byte("one")))       // same bytes as on disk: not rewritten
	must(d.Write("scans/a/data/m.js", []byte("m2"))) // changed
	must(d.Write("scans/b/index.html", []byte("b"))) // new folder
	if got := strings.Join(d.TakeChanged(), " "); got != "scans/a/data/m.js scans/b/index.html" {
		t.Errorf("changed = %q", got)
	}
	must(d.Write("scans/a/data/m.js", []byte("m2"))) // known sum: nothing
	if got := d.TakeChanged(); len(got) != 0 {
		t.Errorf("changed again: %v", got)
	}
	must(d.RemoveAll("scans/b"))
	if _, err := os.Stat(filepath.Join(out, "scans/b")); err == nil {
		t.Error("scans/b still there")
	}
	if read(t, filepath.Join(out, "scans/a/data/m.js")) != "m2" {
		t.Error("m.js not replaced")
	}
	entries, _ := os.ReadDir(filepath.Join(out, "scans/a/data"))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := d.Write("../x", nil); err == nil {
		t.Error("wrote outside the site")
	}
}
