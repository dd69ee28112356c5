package main

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// folderOrder is the layering of static/src (docs/architecture.md): a
// module imports only from its own folder and the folders before it.
// "" is the root (the bundles' entry points).
var folderOrder = []string{"ui", "data", "export", "graph", "table", "search", "live", "pages", ""}

var importRE = regexp.MustCompile(`(?m)(?:^import|^export|\bfrom|\bimport\()\s*[^"';]*?["'](\.{1,2}/[^"']+)["']`)

// The browser sources keep the folder layering: no folder imports from a
// folder after it (pages from nothing of theirs, ui from nothing else),
// and every folder is a known one.
func TestSourceFolderLayering(t *testing.T) {
	root := filepath.Join(repoRoot(t), "static", "src")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".ts") {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		from := folderOf(rel)
		if !slices.Contains(folderOrder, from) {
			t.Errorf("%s: folder %q is not in the layering (internal/bundle/layout_test.go, docs/architecture.md)", rel, from)
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range importRE.FindAllStringSubmatch(string(b), -1) {
			n++
			to := folderOf(path.Join(path.Dir(rel), m[1]))
			if slices.Index(folderOrder, to) > slices.Index(folderOrder, from) {
				t.Errorf("%s imports %s: %s/ may not import from %s/", rel, m[1], from, to)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d imports found: the pattern misses them", n)
	}
}

// folderOf is the top folder of a path relative to static/src ("" at the root).
func folderOf(rel string) string {
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}
