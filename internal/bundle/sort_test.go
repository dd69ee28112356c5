package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// TestSortOrderAgreesWithTable is the differential test of the sort the
// element table hands to the search worker (static/src/table/sort-order.ts): on
// awkward values (case, accents, CJK, emoji, numbers as text, empty, many
// equal keys) the order is the one OrderedView gives with the table's own
// comparator, both directions, equal keys in arrival order.
// testdata/sortdiff.js runs it in node (V8).
func TestSortOrderAgreesWithTable(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is needed (it installs the npm packages too): %v", err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:   []string{"internal/bundle/testdata/sortdiff.js"},
		AbsWorkingDir: root,
		Bundle:        true,
		Format:        api.FormatIIFE,
		Platform:      api.PlatformNode,
		Target:        api.ES2020,
		LogLevel:      api.LogLevelSilent,
		Write:         false,
		Outfile:       "sortdiff.out.js",
	})
	for _, m := range res.Errors {
		t.Errorf("esbuild: %s", m.Text)
	}
	if len(res.OutputFiles) != 1 {
		t.Fatalf("esbuild produced %d files", len(res.OutputFiles))
	}
	script := filepath.Join(t.TempDir(), "sortdiff.js")
	if err := os.WriteFile(script, res.OutputFiles[0].Contents, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, script).Output()
	if err != nil {
		t.Fatalf("node %s: %v", script, err)
	}
	var r struct {
		Lists, Items int
		Mismatches   []map[string]any
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("reading the result: %v\n%s", err, out)
	}
	t.Logf("%d lists, %d items compared", r.Lists, r.Items)
	if r.Lists < 20 || r.Items < 100000 {
		t.Errorf("too little compared: %d lists, %d items", r.Lists, r.Items)
	}
	for _, m := range r.Mismatches {
		t.Errorf("mismatch: %v", m)
	}
}
