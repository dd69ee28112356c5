package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// TestSearchRegexAgreesWithBrowser is the differential test of the search's
// regex engine (static/src/search/regex.ts, search/match.ts): on every
// pattern both the browser's RegExp and the search accept — the patterns of the
// benchmark and docs, edge cases of the syntax, 1,500 random ones — both
// give the same answer for every value of a corpus shaped like scan data;
// backreferences, lookaround and huge repetition counts are refused with
// a sentence naming them. testdata/regexdiff.js runs it in node (V8, the
// engine Chromium has), bundled here with esbuild as the site's bundles are.
func TestSearchRegexAgreesWithBrowser(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is needed (it installs the npm packages too): %v", err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:   []string{"internal/bundle/testdata/regexdiff.js"},
		AbsWorkingDir: root,
		Bundle:        true,
		Format:        api.FormatIIFE,
		Platform:      api.PlatformNode,
		Target:        api.ES2020,
		LogLevel:      api.LogLevelSilent,
		Write:         false,
		Outfile:       "regexdiff.out.js",
	})
	for _, m := range res.Errors {
		t.Errorf("esbuild: %s", m.Text)
	}
	if len(res.OutputFiles) != 1 {
		t.Fatalf("esbuild produced %d files", len(res.OutputFiles))
	}
	script := filepath.Join(t.TempDir(), "regexdiff.js")
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
		Patterns, Both, BrowserOnly, Checked int
		Mismatches                           []struct {
			Pattern, Flags, Why string
			Value               *string
		}
		Refusals []struct{ Pattern, Want, Got string }
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("reading the result: %v\n%s", err, out)
	}
	t.Logf("%d patterns, %d run by both engines, %d pattern×value pairs compared", r.Patterns, r.Both, r.Checked)
	if r.Both < 1000 || r.Checked < 40000 {
		t.Errorf("too few patterns compared: %d patterns, %d pairs", r.Both, r.Checked)
	}
	for _, m := range r.Mismatches {
		v := "(pattern)"
		if m.Value != nil {
			v = strings.ReplaceAll(*m.Value, "\n", `\n`)
		}
		t.Errorf("/%s/%s on %q: %s", m.Pattern, m.Flags, v, m.Why)
	}
	for _, f := range r.Refusals {
		if !strings.HasPrefix(f.Got, f.Want) {
			t.Errorf("/%s/: got %q, want it to start with %q", f.Pattern, f.Got, f.Want)
		}
	}
}
