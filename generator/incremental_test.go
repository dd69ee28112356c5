package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// incrementalScans writes three scans; the last one is still running.
func incrementalScans(t *testing.T, scans string) {
	t.Helper()
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i, id := range []string{"alpha", "bravo", "charlie"} {
		st := scan.StatusFinished
		if id == "charlie" {
			st = scan.StatusRunning
		}
		if err := sample.Write(scans, sample.Options{ID: id, Name: id, Target: id + ".example", Elements: 3000, Seed: uint64(i + 7),
			Start: start, Status: st, Investigations: []string{"case-1"}, Notes: "notes of " + id}); err != nil {
			t.Fatal(err)
		}
	}
}

// sameSite fails unless the two folders hold the same files, byte for byte.
func sameSite(t *testing.T, got, want string) {
	t.Helper()
	a, b := testread.Files(t, got), testread.Files(t, want)
	for name, body := range b {
		if g, ok := a[name]; !ok {
			t.Errorf("%s: missing from the incremental build", name)
		} else if !bytes.Equal([]byte(g), []byte(body)) {
			t.Errorf("%s: differs from a clean build", name)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			t.Errorf("%s: only in the incremental build", name)
		}
	}
}

// inode is the file's identity, to tell a reused file from a rewritten one.
func inode(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// A build reuses the files of every scan whose inputs did not change, and
// the site is the one a clean build makes, byte for byte: after nothing
// changed, after one scan got elements, after the title changed, and after
// a scan was removed.
func TestIncrementalBuild(t *testing.T) {
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	incrementalScans(t, scans)
	site := filepath.Join(dir, "site")
	opts := func(out string) Options {
		o := options(scans, out)
		o.Fingerprint = "test config"
		o.InvestigationsDir = filepath.Join(dir, "investigations")
		return o
	}
	build := func(out string) Result {
		t.Helper()
		res, err := Build(context.Background(), opts(out))
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	clean := func(name string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		os.RemoveAll(out)
		build(out)
		return out
	}
	first := build(site)
	page := func(id string) string { return filepath.Join(site, "scans", id, "index.html") }
	before := map[string]os.FileInfo{}
	for _, id := range []string{"alpha", "bravo", "charlie"} {
		before[id] = inode(t, page(id))
	}

	t.Run("nothing changed", func(t *testing.T) {
		res := build(site)
		if res.Scans != first.Scans || res.Elements != first.Elements || res.Problems != first.Problems || res.Files != first.Files || res.Bytes != first.Bytes {
			t.Errorf("result %+v, first build %+v", res, first)
		}
		for id, fi := range before {
			if !os.SameFile(fi, inode(t, page(id))) {
				t.Errorf("%s: its page was written again", id)
			}
		}
		sameSite(t, site, clean("clean-1"))
	})

	t.Run("one scan got elements", func(t *testing.T) {
		w, err := scan.OpenWriter(scans, "charlie")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Add(scan.Element{ID: "added-1", Type: "INTERNET_NAME", Data: "new.charlie.example", Source: "ROOT", Module: "sfp_test",
			Generated: time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		res := build(site)
		if res.Elements != first.Elements+1 {
			t.Errorf("%d elements; want %d", res.Elements, first.Elements+1)
		}
		if os.SameFile(before["charlie"], inode(t, page("charlie"))) {
			t.Error("charlie changed, but its page was reused")
		}
		for _, id := range []string{"alpha", "bravo"} {
			if !os.SameFile(before[id], inode(t, page(id))) {
				t.Errorf("%s: unchanged, but its page was written again", id)
			}
		}
		sameSite(t, site, clean("clean-2"))
	})

	t.Run("the title changed", func(t *testing.T) {
		o := opts(site)
		o.Title = "Another title"
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		if os.SameFile(before["alpha"], inode(t, page("alpha"))) {
			t.Error("the title changed, but alpha's page was reused")
		}
		build(site)
		sameSite(t, site, clean("clean-3"))
	})

	t.Run("a scan was removed", func(t *testing.T) {
		if err := os.RemoveAll(filepath.Join(scans, "bravo")); err != nil {
			t.Fatal(err)
		}
		res := build(site)
		if res.Scans != 2 {
			t.Errorf("%d scans; want 2", res.Scans)
		}
		if _, err := os.Stat(filepath.Join(site, "scans", "bravo")); err == nil {
			t.Error("bravo's folder is still in the site")
		}
		sameSite(t, site, clean("clean-4"))
	})

	t.Run("without a fingerprint every scan is built", func(t *testing.T) {
		fi := inode(t, page("alpha"))
		o := opts(site)
		o.Fingerprint = ""
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		if os.SameFile(fi, inode(t, page("alpha"))) {
			t.Error("alpha's page was reused without a fingerprint")
		}
	})
}
