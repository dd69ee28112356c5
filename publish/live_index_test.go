package publish

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// The preview server's site published as its search index changes
// (segments, merges, full rewrites of the scan), to memblob and to an S3
// server: after each publish with --prune the bucket's head is the site's,
// every file it names is in the bucket and was uploaded before it, every
// file the head it replaced named is still there (a page that read that
// head moments before the publish goes on to load them: "One rule for
// every whole index", one publish behind), and the bucket holds exactly
// those and the site's index files (no generation accumulates).
func TestPublishLiveIndexGenerations(t *testing.T) {
	for _, c := range []struct {
		name string
		open func(t *testing.T) *blob.Bucket
	}{
		{"memblob", func(t *testing.T) *blob.Bucket { return memBucket(t) }},
		{"s3", func(t *testing.T) *blob.Bucket { return newFakeS3(t, true).open(t) }},
	} {
		t.Run(c.name, func(t *testing.T) { publishLiveIndexGenerations(t, c.open(t)) })
	}
}

func publishLiveIndexGenerations(t *testing.T, b *blob.Bucket) {
	dir := t.TempDir()
	scans, site := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	run := filepath.Join(scans, "run")
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	el := func(id, data string) string {
		return fmt.Sprintf(`{"id":%q,"type":"IP_ADDRESS","data":%q,"source":"h","module":"m","generated":"2026-11-20T10:00:02Z"}`, id, data)
	}
	lines := []string{`{"id":"h","type":"INTERNET_NAME","data":"example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}`}
	for i := range 5 {
		lines = append(lines, el(fmt.Sprintf("a%d", i), fmt.Sprintf("10.0.0.%d", i)))
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(run, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(scan.MetaFile, "name = \"Running\"\ntarget = \"example.com\"\nstatus = \"RUNNING\"\n")
	write(scan.ElementsFile, strings.Join(lines, "\n")+"\n")
	c := config.Default()
	l, _, err := generator.Start(context.Background(), generator.Options{
		ScansRoot: scans, Output: site, Title: "publish test",
		RiskyTypes: c.Risky.Types, MinRisk: c.Risky.MinRisk, IsSecret: c.Secrets.IsSecret,
		DefuseFormulas: c.Exports.DefuseFormulas, GEXFVersion: c.Exports.GEXFVersion,
		SearchBlockBytes: 64,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	data := filepath.Join(site, "scans", "run", "data")
	const prefix = "scans/run/data/"
	// indexKeys lists the index files (the head excluded) of the data
	// folder, as keys.
	indexKeys := func() []string {
		ents, err := os.ReadDir(data)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range ents {
			if _, ok := searchindex.FileGen(e.Name()); ok {
				out = append(out, prefix+e.Name())
			}
		}
		return out
	}
	// headFiles are the keys of the files a head names.
	headFiles := func(head []byte) []string {
		var m sitefmt.IndexMeta
		testread.Decode(t, "ix.js", head, &m)
		var keys []string
		for _, n := range searchindex.HeadFiles(m.Gen, m.Blocks, m.Shards.T, m.Shards.X, m.Segs) {
			keys = append(keys, prefix+n)
		}
		return keys
	}
	bucketIndexKeys := func() []string {
		var out []string
		for _, k := range bucketKeys(t, b) {
			if _, ok := searchindex.FileGen(strings.TrimPrefix(k, prefix)); ok && strings.HasPrefix(k, prefix) {
				out = append(out, k)
			}
		}
		return out
	}
	check := func(what string) {
		t.Helper()
		// A reader reads the bucket's head just before the publish.
		before := bucketIndexKeys()
		var read []string
		if head, err := b.ReadAll(context.Background(), prefix+searchindex.MetaFile); err == nil {
			read = headFiles(head)
		}
		var order []string
		mustPublish(t, b, Options{Site: site, Prune: true, MaxDeletes: -1, OnUpload: func(f *Local) { order = append(order, f.Key) }})
		local, err := os.ReadFile(filepath.Join(data, searchindex.MetaFile))
		if err != nil {
			t.Fatal(err)
		}
		remote, err := b.ReadAll(context.Background(), prefix+searchindex.MetaFile)
		if err != nil || !bytes.Equal(local, remote) {
			t.Fatalf("%s: the bucket's head is not the site's (%v)", what, err)
		}
		named := headFiles(local)
		headAt := slices.Index(order, prefix+searchindex.MetaFile)
		after := bucketIndexKeys()
		for _, n := range named {
			if !slices.Contains(after, n) {
				t.Errorf("%s: the bucket's head names %s, which the bucket lacks", what, n)
			}
			if at := slices.Index(order, n); at >= 0 && (headAt < 0 || at > headAt) {
				t.Errorf("%s: %s uploaded after the head that names it (upload order %v)", what, n, order)
			}
		}
		want := indexKeys()
		for _, n := range read {
			if !slices.Contains(after, n) {
				t.Errorf("%s: a page that read the bucket's previous head loads %s, which the publish deleted", what, n)
			}
			if slices.Contains(before, n) && !slices.Contains(want, n) {
				want = append(want, n)
			}
		}
		slices.Sort(want)
		if !slices.Equal(after, want) {
			t.Errorf("%s: the bucket's index files %v; the site's and the previous head's %v", what, after, want)
		}
	}
	update := func(ch generator.ScanChange) {
		t.Helper()
		ch.Scan = "run"
		if _, err := l.Update(context.Background(), []generator.ScanChange{ch}); err != nil {
			t.Fatal(err)
		}
	}
	add := func(k int) {
		f, err := os.OpenFile(filepath.Join(run, scan.ElementsFile), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fmt.Fprintln(f, el(fmt.Sprintf("n%d", k), fmt.Sprintf("10.1.0.%d", k))); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		update(generator.ScanChange{Files: []string{scan.ElementsFile}})
	}
	flush := func() {
		if _, err := l.FlushExports(context.Background(), 0); err != nil {
			t.Fatal(err)
		}
	}
	check("the site as started")
	for k := range 3 {
		add(k)
		check(fmt.Sprintf("segment %d", k))
		update(generator.ScanChange{Dir: true})
		check(fmt.Sprintf("rewrite %d", k))
		add(10 + k)
		flush()
		check(fmt.Sprintf("merge %d", k))
	}
	update(generator.ScanChange{Dir: true})
	update(generator.ScanChange{Dir: true})
	check("two rewrites between publishes")
	// The generation kept for the readers of the replaced head goes now:
	// no head in the bucket names it.
	check("the next publish")
}

// TestPublishHeadReadBeforeListing: a merge that lands while a publish
// uploads (a new generation's files, then the head naming them) does not
// reach the bucket half: the bucket's head is the one read before the
// listing, whose files the publish uploaded; the next publish brings the
// new generation whole.
func TestPublishHeadReadBeforeListing(t *testing.T) {
	files := map[string]string{}
	for k, v := range smallSite {
		files[k] = v
	}
	files["scans/a/data/ix.js"] = `(window.__sr=window.__sr||[]).push({"k":"ix","gen":0,"names":"ix0-d0.js"});`
	files["scans/a/data/ix0-d0.js"] = `(window.__sr=window.__sr||[]).push({"k":"ixd","gen":0});`
	dir := testread.WriteSite(t, files)
	data := filepath.Join(dir, "scans", "a", "data")
	newHead := `(window.__sr=window.__sr||[]).push({"k":"ix","gen":1,"names":"ix1-d0.js"});`
	merged := false
	merge := func(f *Local) {
		if merged || f.Phase != PhaseData {
			return
		}
		merged = true
		// The preview server's order: the generation's files, then the head.
		if err := os.WriteFile(filepath.Join(data, "ix1-d0.js"), []byte(`(window.__sr=window.__sr||[]).push({"k":"ixd","gen":1});`), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, "ix.js"), []byte(newHead), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := memBucket(t)
	mustPublish(t, b, Options{Site: dir, OnUpload: merge})
	if !merged {
		t.Fatal("no data file was uploaded")
	}
	names := func() (string, []string) {
		head, err := b.ReadAll(context.Background(), "scans/a/data/ix.js")
		if err != nil {
			t.Fatal(err)
		}
		return string(head), bucketKeys(t, b)
	}
	head, keys := names()
	if head != files["scans/a/data/ix.js"] {
		t.Errorf("the bucket's head is %s, not the one read before the listing", head)
	}
	if !slices.Contains(keys, "scans/a/data/ix0-d0.js") {
		t.Errorf("the head's file is not in the bucket: %q", keys)
	}
	// The next publish takes the new generation, its file first.
	mustPublish(t, b, Options{Site: dir})
	head, keys = names()
	if head != newHead || !slices.Contains(keys, "scans/a/data/ix1-d0.js") {
		t.Errorf("after the next publish: head %s, bucket %q", head, keys)
	}
}
