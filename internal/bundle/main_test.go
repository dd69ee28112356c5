package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := findRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// The real sources bundle without messages, into an IIFE, the same bytes
// twice.
func TestBuildSources(t *testing.T) {
	root := repoRoot(t)
	a, msgs, err := build(root)
	if err != nil || len(msgs) > 0 {
		t.Fatalf("build: %v %q", err, msgs)
	}
	b, _, err := build(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 4 || a[0].path != jsOut || a[1].path != cssOut || a[2].path != graphsOut || a[3].path != iconOut {
		t.Fatalf("outputs %+v", a)
	}
	for i := range a {
		if !bytes.Equal(a[i].data, b[i].data) {
			t.Errorf("%s differs between two builds", a[i].path)
		}
		if len(a[i].data) < 200 {
			t.Errorf("%s is only %d bytes", a[i].path, len(a[i].data))
		}
	}
	for _, o := range []output{a[0], a[2]} {
		js := string(o.data)
		if !strings.HasPrefix(strings.TrimPrefix(js, `"use strict";`), "(()=>{") {
			t.Errorf("%s is not an IIFE: %.40q", o.path, js)
		}
		if strings.Contains(js, "sourceMappingURL") {
			t.Errorf("%s refers to a source map", o.path)
		}
		for _, b := range js {
			if b > 0x7e {
				t.Errorf("%s holds a non-ASCII character %q", o.path, b)
				break
			}
		}
	}
	// The graph libraries (sigma's WebGL programs, ForceAtlas2's worker)
	// are in the graph pages' bundle only.
	for _, marker := range []string{"gl_Position", "barnesHutTheta"} {
		if strings.Contains(string(a[0].data), marker) {
			t.Errorf("app.js holds %q: the graph libraries leaked into the main bundle", marker)
		}
		if !strings.Contains(string(a[2].data), marker) {
			t.Errorf("app-graphs.js lacks %q", marker)
		}
	}
	if len(a[0].data)*3/2 > len(a[2].data) {
		t.Errorf("app.js is %d bytes, app-graphs.js %d: the split saves too little", len(a[0].data), len(a[2].data))
	}
}

// Errors come out as file:line:col and nothing is written.
func TestBuildErrors(t *testing.T) {
	root := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module x\n")
	write(jsEntry, "import { nope } from \"./missing\";\nconsole.log(nope);\n")
	write(graphsEntry, "console.log(1);\n")
	write(cssEntry, "body { color: red }\n")
	write(iconSrc, "<svg/>")
	var out, errb bytes.Buffer
	if code := run(root, &out, &errb); code == 0 {
		t.Fatal("run succeeded on broken sources")
	}
	msg := errb.String()
	if want := "static/src/app.ts:1:22: error: Could not resolve \"./missing\""; !strings.Contains(msg, want) {
		t.Errorf("stderr lacks %q:\n%s", want, msg)
	}
	write(jsEntry, "let x = ;\n")
	errb.Reset()
	if code := run(root, &out, &errb); code == 0 || !strings.Contains(errb.String(), "static/src/app.ts:1:9: error: Unexpected \";\"") {
		t.Errorf("syntax error: code %d, stderr:\n%s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(root, jsOut)); err == nil {
		t.Error("a bundle was written despite errors")
	}
}

// writeIfChanged leaves an identical file alone.
func TestWriteIfChanged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gen", "a.js")
	for i, want := range []bool{true, false, true} {
		data := []byte("x")
		if i == 2 {
			data = []byte("y")
		}
		changed, err := writeIfChanged(p, data)
		if err != nil || changed != want {
			t.Fatalf("write %d: changed %v, %v; want %v", i, changed, err, want)
		}
	}
}

// The browser sources never parse markup, evaluate strings as code or set
// inline styles through attributes: scan values are hostile (see app.ts).
func TestSourcesAvoidUnsafeAPIs(t *testing.T) {
	root := repoRoot(t)
	var files []string
	err := filepath.WalkDir(filepath.Join(root, "static", "src"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".ts") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no sources: %v", err)
	}
	bad := regexp.MustCompile(`\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|\beval\s*\(|new\s+Function\b|set(Timeout|Interval)\(\s*["'` + "`" + `]|setAttribute\(\s*["'](style|href|src|srcdoc|on\w+)["']|\.cssText\b|createContextualFragment|DOMParser`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			code, _, _ := strings.Cut(line, "//")
			if m := bad.FindString(code); m != "" {
				// One exception: live/serve.ts parses pages of this site that the
				// preview server just rewrote (html/template output, every
				// scan value escaped) to import their changed regions; it
				// strips scripts and handler attributes first.
				if rel, _ := filepath.Rel(root, f); m == "DOMParser" && filepath.ToSlash(rel) == "static/src/live/serve.ts" {
					continue
				}
				t.Errorf("%s:%d: %s", f, i+1, m)
			}
		}
	}
}

// The search worker is built on its own and inlined into app.js as a
// string (the page starts it from a Blob: file:// refuses worker URLs);
// no worker file is written and the constant's name is gone.
func TestWorkerInlined(t *testing.T) {
	root := repoRoot(t)
	outs, _, err := build(root)
	if err != nil {
		t.Fatal(err)
	}
	js := string(outs[0].data)
	if strings.Contains(js, workerConst) {
		t.Errorf("app.js still names %s: the worker was not inlined", workerConst)
	}
	// The worker's code is a string literal: its message handler is text.
	lit := regexp.MustCompile(`"[^"]*MessageChannel[^"]*onmessage[^"]*"|"[^"]*onmessage[^"]*MessageChannel[^"]*"`)
	if !lit.MatchString(js) {
		t.Error("app.js holds no string with the worker's code")
	}
	if !strings.Contains(js, "createObjectURL") || !strings.Contains(js, "new Worker(") {
		t.Error("app.js does not start a worker from a Blob URL")
	}
	for _, o := range outs {
		if strings.Contains(o.path, "worker") {
			t.Errorf("a worker file is written: %s", o.path)
		}
	}
}

// An error in the worker's sources is reported as file:line:col too.
func TestWorkerBuildErrors(t *testing.T) {
	root := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module x\n")
	write(jsEntry, "declare const __SEARCH_WORKER__: string;\nconsole.log(__SEARCH_WORKER__);\n")
	write(graphsEntry, "declare const __SEARCH_WORKER__: string;\nconsole.log(__SEARCH_WORKER__);\n")
	write(workerEntry, "self.onmessage = (e) => {;\n")
	write(cssEntry, "body { color: red }\n")
	write(iconSrc, "<svg/>")
	var out, errb bytes.Buffer
	if code := run(root, &out, &errb); code == 0 {
		t.Fatal("run succeeded on a broken worker")
	}
	if !strings.Contains(errb.String(), workerEntry+":") {
		t.Errorf("stderr does not name the worker's file:\n%s", errb.String())
	}
	// Fixed, it builds and the page's bundle holds the worker's code.
	write(workerEntry, "self.onmessage = (e) => { postMessage(e.data + 'marker-42'); };\n")
	errb.Reset()
	if code := run(root, &out, &errb); code != 0 {
		t.Fatalf("run failed: %s", errb.String())
	}
	b, err := os.ReadFile(filepath.Join(root, jsOut))
	if err != nil || !strings.Contains(string(b), "marker-42") {
		t.Errorf("app.js lacks the worker's code: %v\n%s", err, b)
	}
}
