// Command bundle builds the report's browser bundles with esbuild's Go API:
// static/src/app.ts (TypeScript, IIFE) → static/gen/app.js for most pages and
// static/src/app-graphs.ts → static/gen/app-graphs.js for the pages that
// draw graphs (the same code plus sigma, graphology and d3-hierarchy), with
// the search worker (static/src/search/worker.ts, its own IIFE bundle)
// inlined into both as the string constant __SEARCH_WORKER__ (file:// refuses worker URLs, so
// the page starts the worker from a Blob of that string), and
// static/src/ui/style.css → static/gen/app.css, both minified, and copies
// static/src/ui/icon.svg → static/gen/icon.svg; the static package embeds them. It prints esbuild's messages as file:line:col and
// exits non-zero on an error; a file is written only when its bytes change.
//
//	go run ./internal/bundle        (from anywhere in the repository)
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/scanreport/scanreport/internal/atomicfile"
)

// Paths relative to the repository root.
const (
	jsEntry  = "static/src/app.ts"
	cssEntry = "static/src/ui/style.css"
	jsOut    = "static/gen/app.js"
	// The graph pages' bundle.
	graphsEntry = "static/src/app-graphs.ts"
	graphsOut   = "static/gen/app-graphs.js"
	cssOut      = "static/gen/app.css"
	iconSrc     = "static/src/ui/icon.svg"
	iconOut     = "static/gen/icon.svg"
)

// The search worker, bundled on its own and inlined into app.js as the
// string constant workerConst (never written as a file of its own).
const (
	workerEntry = "static/src/search/worker.ts"
	workerConst = "__SEARCH_WORKER__"
)

func main() {
	root := flag.String("root", "", "repository root (default: the nearest folder above the working directory with go.mod)")
	flag.Parse()
	os.Exit(run(*root, os.Stdout, os.Stderr))
}

func run(root string, stdout, stderr io.Writer) int {
	if root == "" {
		wd, err := os.Getwd()
		if err == nil {
			root, err = findRoot(wd)
		}
		if err != nil {
			fmt.Fprintln(stderr, "bundle:", err)
			return 2
		}
	}
	outs, msgs, err := build(root)
	for _, m := range msgs {
		fmt.Fprintln(stderr, m)
	}
	if err != nil {
		fmt.Fprintln(stderr, "bundle:", err)
		return 1
	}
	for _, o := range outs {
		changed, err := writeIfChanged(filepath.Join(root, o.path), o.data)
		if err != nil {
			fmt.Fprintln(stderr, "bundle:", err)
			return 1
		}
		state := "unchanged"
		if changed {
			state = "written"
		}
		fmt.Fprintf(stdout, "%s %d bytes (%s)\n", o.path, len(o.data), state)
	}
	return 0
}

// output is one bundle: its path relative to the root and its bytes.
type output struct {
	path string
	data []byte
}

// build runs esbuild for the script and the stylesheet. It returns the
// outputs, esbuild's messages as "file:line:col: kind: text" lines, and an
// error when any build failed.
func build(root string) ([]output, []string, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	script := func(entry, out string, define map[string]string) api.BuildResult {
		return api.Build(api.BuildOptions{
			EntryPoints:       []string{entry},
			Outfile:           out,
			AbsWorkingDir:     root,
			Bundle:            true,
			Format:            api.FormatIIFE,
			Platform:          api.PlatformBrowser,
			Target:            api.ES2020,
			MinifyWhitespace:  true,
			MinifyIdentifiers: true,
			MinifySyntax:      true,
			Sourcemap:         api.SourceMapNone,
			LegalComments:     api.LegalCommentsEndOfFile,
			Charset:           api.CharsetASCII,
			LogLevel:          api.LogLevelSilent,
			Define:            define,
			Write:             false,
		})
	}
	// The worker first: its code becomes a string constant of the page's
	// bundle. A worker that does not build leaves the constant empty, so
	// that the page's own errors are reported too.
	var msgs []string
	failed := false
	report := func(r api.BuildResult) {
		for _, m := range r.Errors {
			msgs = append(msgs, format(root, "error", m))
			failed = true
		}
		for _, m := range r.Warnings {
			msgs = append(msgs, format(root, "warning", m))
		}
	}
	worker := script(workerEntry, "static/gen/search-worker.js", nil)
	report(worker)
	var workerSrc []byte
	if len(worker.OutputFiles) == 1 {
		workerSrc = worker.OutputFiles[0].Contents
	} else if !failed {
		return nil, msgs, fmt.Errorf("esbuild produced %d files for %s", len(worker.OutputFiles), workerEntry)
	}
	workerLit, err := json.Marshal(string(workerSrc))
	if err != nil {
		return nil, msgs, err
	}
	js := script(jsEntry, jsOut, map[string]string{workerConst: string(workerLit)})
	graphs := script(graphsEntry, graphsOut, map[string]string{workerConst: string(workerLit)})
	css := api.Build(api.BuildOptions{
		EntryPoints:       []string{cssEntry},
		Outfile:           cssOut,
		AbsWorkingDir:     root,
		Bundle:            true,
		Loader:            map[string]api.Loader{".css": api.LoaderCSS},
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Sourcemap:         api.SourceMapNone,
		LegalComments:     api.LegalCommentsEndOfFile,
		Charset:           api.CharsetASCII,
		LogLevel:          api.LogLevelSilent,
		Write:             false,
	})
	report(js)
	report(graphs)
	report(css)
	if failed {
		return nil, msgs, errors.New("esbuild reported errors; nothing written")
	}
	var outs []output
	for _, p := range []struct {
		r    api.BuildResult
		path string
	}{{js, jsOut}, {css, cssOut}, {graphs, graphsOut}} {
		want := filepath.Join(root, filepath.FromSlash(p.path))
		found := false
		for _, f := range p.r.OutputFiles {
			if f.Path == want {
				outs = append(outs, output{p.path, f.Contents})
				found = true
			}
		}
		if !found {
			return nil, msgs, fmt.Errorf("esbuild produced no %s", p.path)
		}
	}
	icon, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(iconSrc)))
	if err != nil {
		return nil, msgs, err
	}
	outs = append(outs, output{iconOut, icon})
	return outs, msgs, nil
}

// format renders a message as "file:line:col: kind: text", with the file
// relative to root and a 1-based column, plus its notes on following lines.
func format(root, kind string, m api.Message) string {
	var b bytes.Buffer
	writeLoc(&b, root, m.Location)
	fmt.Fprintf(&b, "%s: %s", kind, m.Text)
	for _, n := range m.Notes {
		b.WriteString("\n\t")
		writeLoc(&b, root, n.Location)
		fmt.Fprintf(&b, "note: %s", n.Text)
	}
	return b.String()
}

func writeLoc(b *bytes.Buffer, root string, l *api.Location) {
	if l == nil {
		return
	}
	file := l.File
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(root, file); err == nil {
			file = rel
		}
	}
	fmt.Fprintf(b, "%s:%d:%d: ", filepath.ToSlash(file), l.Line, l.Column+1)
}

// writeIfChanged writes data to path (atomically, through a temporary file)
// unless the file already holds exactly data. It reports whether it wrote.
func writeIfChanged(path string, data []byte) (bool, error) {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, err
	}
	if err := atomicfile.Write(path, data, 0o644); err != nil {
		return false, err
	}
	return true, nil
}

// findRoot walks up from dir to the folder holding go.mod and the sources.
func findRoot(dir string) (string, error) {
	for d := dir; ; {
		if fileExists(filepath.Join(d, "go.mod")) && fileExists(filepath.Join(d, filepath.FromSlash(jsEntry))) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no repository root (go.mod with %s) above %s", jsEntry, dir)
		}
		d = parent
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
