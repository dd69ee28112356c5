package testread

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/sitefiles"
	"github.com/scanreport/scanreport/internal/sitefmt"
)

// The data file statement of docs/site-format.md.
const (
	DataPrefix = datafile.Prefix
	DataSuffix = ");"
)

// Payload reads a data file of a site and decodes its JSON payload into v.
// A file that is not one DataPrefix…DataSuffix statement fails the test.
func Payload(t testing.TB, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	Decode(t, file, b, v)
}

// Decode decodes the payload of the data file b (named name in messages),
// plain or packed, into v (its binary body, if any, into v's body field:
// sitefmt.Unmarshal), as Payload does for a file on disk.
func Decode(t testing.TB, name string, b []byte, v any) {
	t.Helper()
	pl, err := datafile.Payload(b, 0)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := sitefmt.Unmarshal(pl, v); err != nil {
		t.Fatalf("%s: payload: %v", name, err)
	}
}

// SiteFiles lists the files of a site folder, relative and slash-separated,
// sorted.
func SiteFiles(t testing.TB, site string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(site, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// HTMLFiles lists the site's HTML files as SiteFiles does; a site without
// any fails the test.
func HTMLFiles(t testing.TB, site string) []string {
	t.Helper()
	var out []string
	for _, f := range SiteFiles(t, site) {
		if strings.HasSuffix(f, ".html") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatal("the site has no HTML files")
	}
	return out
}

// ReadManifest reads scans/<id>/data/manifest.js of a site.
func ReadManifest(t testing.TB, site, id string) Manifest {
	t.Helper()
	var m Manifest
	Payload(t, filepath.Join(site, "scans", id, "data", "manifest.js"), &m)
	return m
}

// Files reads every file under dir, by slash-separated relative path.
func Files(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// WriteTree writes files (slash-separated path → content) under dir,
// making the folders they need.
func WriteTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// WriteSite writes files (slash-separated path → content) into a new
// folder "site" of the test's temporary folder and returns it.
func WriteSite(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	WriteTree(t, dir, files)
	return dir
}

// Visible lists, sorted, the paths of files that a walk of the site
// (sitefiles.List: what publish uploads and a zip holds) keeps.
func Visible(files map[string]string) []string {
	var keys []string
	for k := range files {
		if !sitefiles.Hidden(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// Touch rewrites a file with content and moves its modification time two
// seconds on (some file systems keep seconds only).
func Touch(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}
