package sitefiles_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/sitefiles"
	"github.com/scanreport/scanreport/internal/testread"
)

func keys(files []sitefiles.File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Key)
	}
	return out
}

// TestList: visible regular files only, sorted by key (not walk order),
// with their paths and sizes; hidden files and folders at any depth and
// symlinks are left out.
func TestList(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	tree := map[string]string{
		".scanreport-site":                "marker",
		"index.html":                      "<p>x</p>",
		"a.b":                             "dot name sorts before the folder a/",
		"a/b.js":                          "(window.__sr=window.__sr||[]).push({});",
		"scans/ünïcode-Ω/index.html":      "<p>Ω</p>",
		"scans/a/downloads/a.csv":         "\"=cmd|' /C calc'!A0\",\"line one\nline two\"\r\n",
		"scans/a/data/.e-ip-0.js.tmp-123": "half a file",
		".hidden/x.html":                  "no",
		"scans/.old/index.html":           "no",
	}
	testread.WriteTree(t, dir, tree)
	if err := os.Symlink(filepath.Join(dir, "index.html"), filepath.Join(dir, "link.html")); err != nil {
		t.Fatal(err)
	}
	files, err := sitefiles.List(dir, "an object key")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.b", "a/b.js", "index.html", "scans/a/downloads/a.csv", "scans/ünïcode-Ω/index.html"}
	if got := keys(files); !slices.Equal(got, want) {
		t.Fatalf("keys %q, want %q", got, want)
	}
	for _, f := range files {
		if f.Path != filepath.Join(dir, filepath.FromSlash(f.Key)) || f.Info.Size() != int64(len(tree[f.Key])) {
			t.Errorf("%s: path %s size %d", f.Key, f.Path, f.Info.Size())
		}
	}
	// Hidden agrees with List on every file of the tree.
	for key := range tree {
		if sitefiles.Hidden(key) == slices.Contains(want, key) {
			t.Errorf("sitefiles.Hidden(%q) = %v", key, sitefiles.Hidden(key))
		}
	}
}

// TestListRefusesNames: a name with a control character or a backslash
// fails the walk, naming the file and what it cannot be.
func TestListRefusesNames(t *testing.T) {
	for _, name := range []string{"a\nb.html", "a\\b.html", "x\x7f.js"} {
		dir := t.TempDir()
		testread.WriteTree(t, dir, map[string]string{"scans/" + name: "x", "index.html": "x"})
		_, err := sitefiles.List(dir, "a zip entry")
		if err == nil || !strings.Contains(err.Error(), "the name cannot be a zip entry") || !strings.Contains(err.Error(), "walk "+dir) {
			t.Errorf("%q: %v", name, err)
		}
	}
}

func TestListMissingFolder(t *testing.T) {
	if _, err := sitefiles.List(filepath.Join(t.TempDir(), "none"), "an object key"); err == nil {
		t.Error("a missing folder listed")
	}
}
