package sitezip

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/internal/testread"
)

// smallSite is a site with visible files in folders and hidden ones (the
// marker, a temporary file, a hidden folder) that a zip leaves out.
var smallSite = map[string]string{
	site.Marker:                       "marker",
	"index.html":                      "<a href=\"scans/a/index.html\">a</a>",
	"data/scans.js":                   "(window.__sr=window.__sr||[]).push({});",
	"assets/icon.6f82721222.svg":      "<svg/>",
	"assets/logo.png":                 "\x89PNG",
	"scans/a/index.html":              "<p>a</p>",
	"scans/a/data/e-ip-0.js":          "(window.__sr=window.__sr||[]).push({k:2});",
	"scans/a/downloads/a.csv":         "a,b\n\"=cmd|' /C calc'!A0\",\"line one\nline two\"\n",
	"scans/a/data/.e-ip-0.js.tmp-123": "half a file",
	".hidden/x.html":                  "no",
}

// TestZip: the zip holds every visible site file under one folder, sorted,
// with fixed times, and is the same bytes when written again.
func TestZip(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	out := filepath.Join(t.TempDir(), "Acme report.zip")
	z, err := Write(dir, out, "")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(out)
	if z.Top != "Acme_report" || z.Files != len(testread.Visible(smallSite)) || z.Bytes != int64(len(first)) {
		t.Errorf("result %+v", z)
	}
	testread.Touch(t, filepath.Join(dir, "index.html"), smallSite["index.html"]) // same bytes, new time
	if _, err := Write(dir, out, ""); err != nil {
		t.Fatal(err)
	}
	if second, _ := os.ReadFile(out); !bytes.Equal(first, second) {
		t.Error("the zip differs when written again")
	}
	r, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names, files []string
	for _, f := range r.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(Time) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
		if !strings.HasPrefix(f.Name, "Acme_report/") {
			t.Errorf("%s is not under the top folder", f.Name)
		}
		if !strings.HasSuffix(f.Name, "/") {
			files = append(files, strings.TrimPrefix(f.Name, "Acme_report/"))
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("entries are not sorted: %q", names)
	}
	if !slices.Equal(files, testread.Visible(smallSite)) {
		t.Errorf("files %q\nwant %q", files, testread.Visible(smallSite))
	}
	rc, err := r.Open("Acme_report/index.html")
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()

	if _, err := Write(dir, filepath.Join(dir, "x.zip"), ""); err == nil {
		t.Error("a zip inside the site was written")
	}
	if _, err := Write(t.TempDir(), out, ""); err == nil {
		t.Error("a folder that is not a site was zipped")
	}
}

// TestZipTop names the folder after the file.
func TestZipTop(t *testing.T) {
	for in, want := range map[string]string{"report.zip": "report", "/a/b/Acme 2026.ZIP": "Acme_2026", "x": "x", ".zip": "report", "é.zip": "report"} {
		if got := topName(in); got != want {
			t.Errorf("topName(%q) = %q, want %q", in, got, want)
		}
	}
}
