package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/scanreport/scanreport/internal/sample"
)

// BenchmarkSearchPatterns1M runs the browser bench's queries, /.*admin.*/
// and nested quantifiers included, over the values of a 1,000,000-element
// sample scan with the search's matcher, and with V8's RegExp for the
// patterns V8 finishes (WITH_SLOW_V8=1 adds /.*admin.*/: about a minute).
// CPU time, best of three, in node (V8, Chromium's engine):
//
//	go test -run '^$' -bench SearchPatterns -benchtime 1x ./internal/bundle/
func BenchmarkSearchPatterns1M(b *testing.B) {
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skip("no node")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := sample.Write(dir, sample.Options{ID: "bench-1m", Name: "bench", Target: "bench.example", Elements: 1_000_000, Seed: 1,
		Start: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
		b.Fatal(err)
	}
	res := api.Build(api.BuildOptions{EntryPoints: []string{"internal/bundle/testdata/regexbench.js"}, AbsWorkingDir: root, Bundle: true,
		Format: api.FormatIIFE, Platform: api.PlatformNode, Target: api.ES2020, LogLevel: api.LogLevelSilent, Outfile: "regexbench.out.js"})
	if len(res.Errors) > 0 || len(res.OutputFiles) != 1 {
		b.Fatalf("esbuild: %v", res.Errors)
	}
	script := filepath.Join(dir, "regexbench.js")
	if err := os.WriteFile(script, res.OutputFiles[0].Contents, 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		out, err := exec.Command(node, "--max-old-space-size=3000", script, filepath.Join(dir, "bench-1m", "elements.jsonl")).Output()
		if err != nil {
			b.Fatalf("node: %v", err)
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			var r struct {
				Query           string
				Values, Matches int
				MS, V8MS        float64
				V8Matches       int `json:"v8matches"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				b.Fatalf("%v: %s", err, sc.Bytes())
			}
			if r.V8MS >= 0 && r.V8Matches != r.Matches {
				b.Errorf("%s: %d matches, V8 %d", r.Query, r.Matches, r.V8Matches)
			}
			v8 := "not run"
			if r.V8MS >= 0 {
				v8 = time.Duration(r.V8MS * float64(time.Millisecond)).Round(time.Millisecond).String()
			}
			b.Logf("%-34s %8d matches  search %6s CPU   V8 RegExp %s", r.Query, r.Matches, time.Duration(r.MS*float64(time.Millisecond)).Round(time.Millisecond), v8)
		}
	}
}
