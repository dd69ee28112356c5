package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLiveFirstScanIntoAnEmptyRoot: a site started over an empty scans
// root (serve over a bucket that has no scan yet) takes its first scan
// (it used to panic on a nil map of investigation members).
func TestLiveFirstScanIntoAnEmptyRoot(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := os.MkdirAll(scans, 0o755); err != nil {
		t.Fatal(err)
	}
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	writeFiles(t, scans, `
-- first/scan.toml --
name = "First"
target = "first.example"
status = "RUNNING"
-- first/elements.jsonl --
{"id":"a","type":"INTERNET_NAME","data":"first.example","source":"ROOT","generated":"2026-11-20T10:00:01Z"}
`)
	ch, err := l.Update(context.Background(), []ScanChange{{Scan: "first", Dir: true}})
	if err != nil || !ch.List {
		t.Fatalf("first scan: %+v %v", ch, err)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), "First") {
		t.Error("the first scan is not in the scan list")
	}
}
