package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/internal/testread"
)

func TestHeaders(t *testing.T) {
	for _, c := range []struct {
		key, ctype, cache, disp string
		phase                   Phase
	}{
		{"assets/app.7b47915165.js", "text/javascript; charset=utf-8", CacheImmutable, "", PhaseAssets},
		{"assets/app.a86ef436c0.css", "text/css; charset=utf-8", CacheImmutable, "", PhaseAssets},
		{"assets/icon.6f82721222.svg", "image/svg+xml", CacheImmutable, "", PhaseAssets},
		{"assets/logo.png", "image/png", CacheRevalidate, "", PhaseData}, // not content-hashed
		{"index.html", "text/html; charset=utf-8", CacheRevalidate, "", PhaseRoot},
		{"search.html", "text/html; charset=utf-8", CacheRevalidate, "", PhasePages},
		{"scans/a/index.html", "text/html; charset=utf-8", CacheRevalidate, "", PhasePages},
		{"scans/a/types/ip_address.html", "text/html; charset=utf-8", CacheRevalidate, "", PhasePages},
		{"live.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhasePages},
		{"data/scans.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseIndex},
		{"scans/a/data/manifest.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseIndex},
		{"scans/a/data/graph.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseIndex},
		{"scans/a/data/tree.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseIndex},
		{"scans/a/data/ix.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseIndex},
		{"scans/a/data/ix0-d3.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseData},
		{"scans/a/data/graph-0.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseData},
		{"scans/a/data/e-ip_address-0.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseData},
		{"scans/a/data/fp.js", "text/javascript; charset=utf-8", CacheRevalidate, "", PhaseData},
		{"scans/a/downloads/a.gexf", "application/gexf+xml", CacheRevalidate, `attachment; filename=a.gexf`, PhaseData},
		{"scans/a/downloads/a-log.csv", "text/csv; charset=utf-8", CacheRevalidate, `attachment; filename=a-log.csv`, PhaseData},
		{"scans/a/downloads/a.json", "application/json", CacheRevalidate, `attachment; filename=a.json`, PhaseData},
		{"scans/a/downloads/a.zip", "application/zip", CacheRevalidate, `attachment; filename=a.zip`, PhaseData},
		{"notes/x.unknown", "application/octet-stream", CacheRevalidate, "", PhaseData},
	} {
		h, ph := siteHeader(c.key)
		if h.ContentType != c.ctype || h.CacheControl != c.cache || h.ContentDisposition != c.disp || ph != c.phase {
			t.Errorf("%s: got %+v %s; want %q %q %q %s", c.key, h, ph, c.ctype, c.cache, c.disp, c.phase)
		}
	}
	for key, name := range map[string]string{
		ArchivePrefix + "a/elements.jsonl": "elements.jsonl",
		ArchivePrefix + "a/scan.toml":      "scan.toml",
		ArchivePrefix + "a/notes.md":       "notes.md",
	} {
		h, ph := archiveHeader(key)
		if h.ContentType != "text/plain; charset=utf-8" || h.CacheControl != CacheRevalidate || ph != PhaseData ||
			h.ContentDisposition != "attachment; filename="+name || !h.NoSniff {
			t.Errorf("%s: got %+v %s", key, h, ph)
		}
	}
}

// TestFirstPublish publishes the small site to memblob: every visible
// file, nothing hidden, each with its headers; a second publish sends
// nothing.
func TestFirstPublish(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	res := mustPublish(t, b, Options{Site: dir})
	want := testread.Visible(smallSite)
	if got := uploadedKeys(res); !slices.Equal(got, want) {
		t.Errorf("uploaded %q\nwant %q", got, want)
	}
	if res.Uploaded != len(want) || !res.ManifestWritten || !res.Plan.NoManifest {
		t.Errorf("result %+v", res)
	}
	if got := bucketKeys(t, b); !slices.Equal(got, append([]string{ManifestKey}, want...)) {
		t.Errorf("bucket holds %q", got)
	}
	expectHeader(t, b, "assets/app.0123456789.js", "text/javascript; charset=utf-8", CacheImmutable, "")
	expectHeader(t, b, "assets/app.abcdef0123.css", "text/css; charset=utf-8", CacheImmutable, "")
	expectHeader(t, b, "index.html", "text/html; charset=utf-8", CacheRevalidate, "")
	expectHeader(t, b, "scans/a/data/manifest.js", "text/javascript; charset=utf-8", CacheRevalidate, "")
	expectHeader(t, b, "scans/a/downloads/a.gexf", "application/gexf+xml", CacheRevalidate, "attachment; filename=a.gexf")
	expectHeader(t, b, ManifestKey, "application/json", CacheRevalidate, "")

	again := mustPublish(t, b, Options{Site: dir})
	if len(again.Plan.Uploads) != 0 || again.Plan.Unchanged != len(want) || again.ManifestWritten || again.Plan.NoManifest {
		t.Errorf("second publish: uploads %q, unchanged %d, manifest written %v", uploadedKeys(again), again.Plan.Unchanged, again.ManifestWritten)
	}
}

// TestUploadOrder records the writes an S3 server receives: phases never
// go backwards, index.html is the last page, the manifest the last write.
func TestUploadOrder(t *testing.T) {
	f := newFakeS3(t, true)
	b := f.open(t)
	mustPublish(t, b, Options{Site: testread.WriteSite(t, smallSite), Jobs: 3})
	puts := f.written()
	if len(puts) != len(testread.Visible(smallSite))+1 {
		t.Fatalf("%d writes: %q", len(puts), puts)
	}
	if puts[len(puts)-1] != ManifestKey || puts[len(puts)-2] != "index.html" {
		t.Errorf("the last writes are %q; want index.html, then %s", puts[len(puts)-2:], ManifestKey)
	}
	last := PhaseAssets
	for _, k := range puts[:len(puts)-1] {
		_, ph := siteHeader(k)
		if ph < last {
			t.Errorf("%s (%s) written after a file of phase %s: %q", k, ph, last, puts)
		}
		last = ph
	}
	// gofakes3 keeps Content-Type and Content-Disposition (not Cache-Control).
	expectHeader(t, b, "assets/app.0123456789.js", "text/javascript; charset=utf-8", "-", "")
	expectHeader(t, b, "assets/app.abcdef0123.css", "text/css; charset=utf-8", "-", "")
	expectHeader(t, b, "index.html", "text/html; charset=utf-8", "-", "")
	expectHeader(t, b, "scans/a/downloads/a.gexf", "application/gexf+xml", "-", "attachment; filename=a.gexf")
	expectHeader(t, b, "scans/a/downloads/a.csv", "text/csv; charset=utf-8", "-", "attachment; filename=a.csv")
}

// TestRepublishOneChange changes one file: only it (and the manifest)
// move, on memblob, fileblob and S3.
func TestRepublishOneChange(t *testing.T) {
	f := newFakeS3(t, true)
	fb, _ := fileBucket(t)
	for name, b := range map[string]*blob.Bucket{"mem": memBucket(t), "file": fb, "s3": f.open(t)} {
		t.Run(name, func(t *testing.T) {
			dir := testread.WriteSite(t, smallSite)
			mustPublish(t, b, Options{Site: dir})
			testread.Touch(t, filepath.Join(dir, "scans/a/data/manifest.js"), "(window.__sr=window.__sr||[]).push({k:3});")
			res := mustPublish(t, b, Options{Site: dir})
			if got := uploadedKeys(res); !slices.Equal(got, []string{"scans/a/data/manifest.js"}) || res.Plan.Uploads[0].Reason != "changed" {
				t.Errorf("uploaded %q", got)
			}
			if res.Plan.Unchanged != len(testread.Visible(smallSite))-1 || !res.ManifestWritten {
				t.Errorf("unchanged %d, manifest written %v", res.Plan.Unchanged, res.ManifestWritten)
			}
			got, err := b.ReadAll(context.Background(), "scans/a/data/manifest.js")
			if err != nil || !strings.Contains(string(got), "k:3") {
				t.Errorf("the bucket holds %q, %v", got, err)
			}
		})
	}
}

// TestModifiedInBucket: an object overwritten behind publish's back is
// uploaded again, although the manifest still says it is current.
func TestModifiedInBucket(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	mustPublish(t, b, Options{Site: dir})
	time.Sleep(5 * time.Millisecond) // a new modification time
	if err := b.WriteAll(context.Background(), "search.html", []byte("<p>search</p>"), writerOptions(Header{ContentType: "text/html; charset=utf-8", CacheControl: CacheRevalidate})); err != nil {
		t.Fatal(err)
	}
	res := mustPublish(t, b, Options{Site: dir})
	if got := uploadedKeys(res); !slices.Equal(got, []string{"search.html"}) || res.Plan.Uploads[0].Reason != "modified in the bucket" {
		t.Errorf("uploaded %q", got)
	}
}

// TestNoManifest: without the manifest the listing's MD5s decide, and an
// object with the right bytes but the wrong headers is uploaded again.
func TestNoManifest(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	mustPublish(t, b, Options{Site: dir})
	ctx := context.Background()
	if err := b.Delete(ctx, ManifestKey); err != nil {
		t.Fatal(err)
	}
	// Sniffed as text/plain, as gocloud does without a Content-Type.
	if err := b.WriteAll(ctx, "assets/app.0123456789.js", []byte("console.log(1)"), nil); err != nil {
		t.Fatal(err)
	}
	res := mustPublish(t, b, Options{Site: dir})
	if got := uploadedKeys(res); !slices.Equal(got, []string{"assets/app.0123456789.js"}) || res.Plan.Uploads[0].Reason != "headers" {
		t.Errorf("uploaded %q", got)
	}
	if !res.Plan.NoManifest || !res.ManifestWritten {
		t.Errorf("no manifest %v, written %v", res.Plan.NoManifest, res.ManifestWritten)
	}
	expectHeader(t, b, "assets/app.0123456789.js", "text/javascript; charset=utf-8", CacheImmutable, "")
}

// TestDryRun plans uploads and deletes and changes nothing.
func TestDryRun(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	ctx := context.Background()
	b.WriteAll(ctx, "old.html", []byte("x"), writerOptions(Header{ContentType: "text/html"}))
	var planned *Plan
	res := mustPublish(t, b, Options{Site: dir, DryRun: true, Prune: true, MaxDeletes: 10, OnPlan: func(p *Plan) { planned = p }})
	if planned == nil || planned != res.Plan {
		t.Fatal("OnPlan was not called with the plan")
	}
	if len(res.Plan.Uploads) != len(testread.Visible(smallSite)) || !slices.Equal(res.Plan.Deletes, []string{"old.html"}) {
		t.Errorf("plan: %q, deletes %q", uploadedKeys(res), res.Plan.Deletes)
	}
	if res.Uploaded != 0 || res.Deleted != 0 || res.ManifestWritten {
		t.Errorf("a dry run changed something: %+v", res)
	}
	if got := bucketKeys(t, b); !slices.Equal(got, []string{"old.html"}) {
		t.Errorf("bucket after a dry run: %q", got)
	}
}

// TestPrune: stale objects stay without --prune, go with it, and a prune
// above the limit refuses the whole publish. The raw scan archive is not
// pruned by a publish without --with-scans.
func TestPrune(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	ctx := context.Background()
	stale := []string{"old/a.html", "old/b.html", "scans/gone/index.html"}
	for _, k := range append(stale, ArchivePrefix+"a/scan.toml") {
		b.WriteAll(ctx, k, []byte("x"), writerOptions(Header{ContentType: "text/html"}))
	}

	res := mustPublish(t, b, Options{Site: dir})
	if !slices.Equal(res.Plan.Stale, stale) || len(res.Plan.Deletes) != 0 || res.Deleted != 0 {
		t.Errorf("without --prune: stale %q, deletes %q", res.Plan.Stale, res.Plan.Deletes)
	}

	testread.Touch(t, filepath.Join(dir, "index.html"), "changed")
	res, err := publishOnce(t, b, Options{Site: dir, Prune: true, MaxDeletes: 2})
	var tooMany *TooManyDeletesError
	if !errors.As(err, &tooMany) || tooMany.Stale != 3 || tooMany.Max != 2 {
		t.Fatalf("over the limit: %v", err)
	}
	if !strings.Contains(err.Error(), "nothing was changed") || res.Uploaded != 0 || res.Deleted != 0 {
		t.Errorf("over the limit: %v, %+v", err, res)
	}
	if got, _ := b.ReadAll(ctx, "index.html"); string(got) == "changed" {
		t.Error("a refused publish uploaded index.html")
	}
	var shown *Plan
	_, err = publishOnce(t, b, Options{Site: dir, Prune: true, MaxDeletes: 2, DryRun: true, OnPlan: func(p *Plan) { shown = p }})
	if !errors.As(err, &tooMany) || shown == nil || len(shown.Deletes) != 3 {
		t.Errorf("a dry run over the limit: %v, plan shown: %v", err, shown != nil)
	}

	res = mustPublish(t, b, Options{Site: dir, Prune: true, MaxDeletes: 3})
	if res.Deleted != 3 || !slices.Equal(uploadedKeys(res), []string{"index.html"}) {
		t.Errorf("deleted %d, uploaded %q", res.Deleted, uploadedKeys(res))
	}
	want := append([]string{ManifestKey}, testread.Visible(smallSite)...)
	want = append(want, ArchivePrefix+"a/scan.toml")
	if got := bucketKeys(t, b); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("bucket after prune: %q", got)
	}
}

// TestPruneZeroLimit: --max-deletes 0 refuses any delete.
func TestPruneZeroLimit(t *testing.T) {
	b := memBucket(t)
	b.WriteAll(context.Background(), "x.html", []byte("x"), writerOptions(Header{ContentType: "text/html"}))
	if _, err := publishOnce(t, b, Options{Site: testread.WriteSite(t, smallSite), Prune: true}); err == nil {
		t.Error("a prune with MaxDeletes 0 deleted")
	}
	if _, err := publishOnce(t, b, Options{Site: testread.WriteSite(t, smallSite), Prune: true, MaxDeletes: -1}); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

// TestWithScans archives the scan directories with valid ids under
// ArchivePrefix, and prunes the archive only when it is published.
func TestWithScans(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	scans := filepath.Join(t.TempDir(), "scans")
	testread.WriteTree(t, scans, map[string]string{
		"acme-1/scan.toml":      "id = 'acme-1'",
		"acme-1/elements.jsonl": "{}\n",
		"acme-1/.lock":          "",
		"globex/notes.md":       "# notes",
		".cache/x":              "no",
		"-bad/scan.toml":        "no",
		"README.txt":            "no",
	})
	b := memBucket(t)
	mustPublish(t, b, Options{Site: dir, Scans: scans})
	for _, k := range []string{"acme-1/scan.toml", "acme-1/elements.jsonl", "globex/notes.md"} {
		if _, err := b.Attributes(context.Background(), ArchivePrefix+k); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
	if n := len(bucketKeys(t, b)); n != len(testread.Visible(smallSite))+3+1 {
		t.Errorf("%d objects: %q", n, bucketKeys(t, b))
	}
	expectHeader(t, b, ArchivePrefix+"acme-1/elements.jsonl", "text/plain; charset=utf-8", CacheRevalidate, "attachment; filename=elements.jsonl")
	if a, err := b.Attributes(context.Background(), ArchivePrefix+"acme-1/elements.jsonl"); err != nil || a.Metadata["x-content-type-options"] != "nosniff" {
		t.Errorf("nosniff metadata: %v %v", a, err)
	}

	os.RemoveAll(filepath.Join(scans, "globex"))
	res := mustPublish(t, b, Options{Site: dir, Prune: true, MaxDeletes: 5})
	if res.Deleted != 0 {
		t.Errorf("a publish without the archive deleted %d objects", res.Deleted)
	}
	res = mustPublish(t, b, Options{Site: dir, Scans: scans, Prune: true, MaxDeletes: 5})
	if !slices.Equal(res.Plan.Deletes, []string{ArchivePrefix + "globex/notes.md"}) || res.Deleted != 1 {
		t.Errorf("deletes %q", res.Plan.Deletes)
	}
	// The publish without the archive kept its manifest entries.
	if len(res.Plan.Uploads) != 0 {
		t.Errorf("the archive was uploaded again: %q", uploadedKeys(res))
	}
}

// TestNotASite refuses a folder without the site marker.
func TestNotASite(t *testing.T) {
	dir := t.TempDir()
	testread.WriteTree(t, dir, map[string]string{"index.html": "x"})
	_, err := publishOnce(t, memBucket(t), Options{Site: dir})
	if err == nil || !strings.Contains(err.Error(), ".scanreport-site") {
		t.Errorf("got %v", err)
	}
}

// TestTransientRetried: writes that fail with 503 SlowDown are retried
// and the publish completes.
func TestTransientRetried(t *testing.T) {
	f := newFakeS3(t, true)
	b := f.open(t)
	f.failNext(3, 503, "SlowDown")
	res := mustPublish(t, b, Options{Site: testread.WriteSite(t, smallSite), Jobs: 1})
	if res.Retries != 3 {
		t.Errorf("%d retries, want 3", res.Retries)
	}
	if got := bucketKeys(t, b); len(got) != len(testread.Visible(smallSite))+1 {
		t.Errorf("bucket holds %q", got)
	}
}

// TestTransientGivesUp: a failure that outlasts the retries stops the
// publish before later phases.
func TestTransientGivesUp(t *testing.T) {
	f := newFakeS3(t, true)
	b := f.open(t)
	f.failNext(1000, 503, "ServiceUnavailable")
	_, err := publishOnce(t, b, Options{Site: testread.WriteSite(t, smallSite), Retries: 2})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindUnavailable || pe.Attempts != 3 {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "after 3 attempts") {
		t.Errorf("message: %v", err)
	}
}

// TestPermissionDenied: a 403 is not retried, says what to check, and
// leaves no index.html or manifest behind.
func TestPermissionDenied(t *testing.T) {
	f := newFakeS3(t, true)
	b := f.open(t)
	f.failNext(1000, 403, "AccessDenied")
	res, err := publishOnce(t, b, Options{Site: testread.WriteSite(t, smallSite)})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindPermission || pe.Attempts != 1 || res.Retries != 0 {
		t.Fatalf("got %v (retries %d)", err, res.Retries)
	}
	msg := err.Error()
	for _, want := range []string{"permission denied", "may not write assets/", "AccessDenied", "AWS_ACCESS_KEY_ID", "GOOGLE_APPLICATION_CREDENTIALS", "AZURE_STORAGE_KEY"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q: %s", want, msg)
		}
	}
	if !IsFatal(err) {
		t.Error("a permission error is not fatal")
	}
	if got := bucketKeys(t, b); len(got) != 0 {
		t.Errorf("bucket holds %q", got)
	}
}

// TestBadCredentials: InvalidAccessKeyId says so.
func TestBadCredentials(t *testing.T) {
	f := newFakeS3(t, true)
	f.failNext(1000, 403, "InvalidAccessKeyId")
	_, err := publishOnce(t, f.open(t), Options{Site: testread.WriteSite(t, smallSite)})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindCredentials || !strings.Contains(err.Error(), "no usable credentials") {
		t.Fatalf("got %v", err)
	}
}

// TestNoBucket: the bucket does not exist.
func TestNoBucket(t *testing.T) {
	f := newFakeS3(t, false)
	_, err := publishOnce(t, f.open(t), Options{Site: testread.WriteSite(t, smallSite), Name: "s3://reports"})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindNotFound || !strings.Contains(err.Error(), "bucket not found: cannot list the bucket s3://reports") {
		t.Fatalf("got %v", err)
	}
}

// TestNetworkError: nothing listens at the endpoint.
func TestNetworkError(t *testing.T) {
	f := newFakeS3(t, true)
	b := f.open(t)
	f.srv.Close()
	_, err := publishOnce(t, b, Options{Site: testread.WriteSite(t, smallSite), Retries: 1})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindNetwork || pe.Attempts != 2 || !strings.Contains(err.Error(), "network error") {
		t.Fatalf("got %v", err)
	}
	if IsFatal(err) {
		t.Error("a network error is fatal")
	}
}

// TestChangedDuringUpload: the manifest records the bytes uploaded, not
// the ones hashed by the walk, when a file changes in between.
func TestChangedDuringUpload(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	o := Options{Site: dir}
	o.OnPlan = func(*Plan) { testread.Touch(t, filepath.Join(dir, "search.html"), "<p>newer</p>") }
	mustPublish(t, b, o)
	res := mustPublish(t, b, Options{Site: dir})
	if len(res.Plan.Uploads) != 0 {
		t.Errorf("uploaded again: %q", uploadedKeys(res))
	}
	if got, _ := b.ReadAll(context.Background(), "search.html"); string(got) != "<p>newer</p>" {
		t.Errorf("bucket holds %q", got)
	}
}

// TestWatch: after the first publish, a changed file is published once
// the site is quiet, and only it.
func TestWatch(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make(chan Result, 10)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := New(b, Options{Site: dir}).Watch(ctx, WatchOptions{Interval: 20 * time.Millisecond}, func(r Result, err error) error {
			if err != nil {
				t.Errorf("watch: %v", err)
			}
			results <- r
			return nil
		})
		if err != nil {
			t.Errorf("watch: %v", err)
		}
	}()
	first := <-results
	if first.Uploaded != len(testread.Visible(smallSite)) {
		t.Errorf("first publish uploaded %d", first.Uploaded)
	}
	testread.Touch(t, filepath.Join(dir, "scans/a/data/e-ip-0.js"), "(window.__sr=window.__sr||[]).push({k:9});")
	select {
	case r := <-results:
		if got := uploadedKeys(r); !slices.Equal(got, []string{"scans/a/data/e-ip-0.js"}) {
			t.Errorf("the watch uploaded %q", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the change was not published")
	}
	cancel()
	wg.Wait()
}

// TestInterrupted: a publish cancelled after its first upload leaves no
// index.html and no manifest; the next one completes the bucket.
func TestInterrupted(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	b := memBucket(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := New(b, Options{Site: dir, Jobs: 1, OnUpload: func(*Local) { cancel() }}).Publish(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	keys := bucketKeys(t, b)
	if slices.Contains(keys, "index.html") || slices.Contains(keys, ManifestKey) || len(keys) == 0 || len(keys) >= len(testread.Visible(smallSite)) {
		t.Errorf("after the interruption the bucket holds %q", keys)
	}
	res := mustPublish(t, b, Options{Site: dir})
	if res.Uploaded+len(keys) != len(testread.Visible(smallSite)) || !res.ManifestWritten {
		t.Errorf("the second publish uploaded %q", uploadedKeys(res))
	}
}

// TestWithScansAllowListMasked archives only the files of the scan format
// (no stray page.html, no sub-folder, no symlink) and, with Redact, masks
// them: settings.toml by name at any depth, the other files through the
// scan's secret values and URL query secrets.
func TestWithScansAllowListMasked(t *testing.T) {
	dir := testread.WriteSite(t, smallSite)
	scans := filepath.Join(t.TempDir(), "scans")
	outside := filepath.Join(t.TempDir(), "outside.txt")
	if err := os.WriteFile(outside, []byte("OUTSIDE-SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	testread.WriteTree(t, scans, map[string]string{
		"acme/scan.toml":      "id = 'acme'\nname = 'uses SHODANKEY123456'\n",
		"acme/settings.toml":  "[global]\n_socks5pwd = 'S0CKSPASSWORD'\n[modules.sfp_shodan]\napi_key = 'SHODANKEY123456'\nconfig = {token = 'NESTEDTOKEN99'}\n",
		"acme/elements.jsonl": `{"id":"e1","data":"https://t.example/?token=TARGETTOKEN1&x=1"}` + "\n",
		"acme/log.jsonl":      `{"message":"Fetching: https://api.shodan.io/?key=SHODANKEY123456"}` + "\n" + `{"message":"partial S0CKSPASSWORD`,
		"acme/review.jsonl":   "",
		"acme/notes.md":       "key SHODANKEY123456",
		"acme/page.html":      "<script>fetch('settings.toml')</script>",
		"acme/sub/x.jsonl":    "{}",
		"acme/elements.js":    "alert(1)",
	})
	if err := os.Symlink(outside, filepath.Join(scans, "acme", "extra.txt")); err != nil {
		t.Fatal(err)
	}
	b := memBucket(t)
	mustPublish(t, b, Options{Site: dir, Scans: scans, Redact: redact.New(nil)})
	var archived []string
	for _, k := range bucketKeys(t, b) {
		if !strings.HasPrefix(k, ArchivePrefix) {
			continue
		}
		archived = append(archived, k)
		data, err := b.ReadAll(context.Background(), k)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"SHODANKEY123456", "S0CKSPASSWORD", "NESTEDTOKEN99", "TARGETTOKEN1", "OUTSIDE-SECRET", "<script>"} {
			if strings.Contains(string(data), secret) {
				t.Errorf("%s holds %s:\n%s", k, secret, data)
			}
		}
	}
	want := []string{"acme/elements.jsonl", "acme/log.jsonl", "acme/notes.md", "acme/review.jsonl", "acme/scan.toml", "acme/settings.toml"}
	for i := range want {
		want[i] = ArchivePrefix + want[i]
	}
	if !slices.Equal(archived, want) {
		t.Errorf("archived %q\nwant %q", archived, want)
	}
	// The masked files still read as the scan format.
	data, _ := b.ReadAll(context.Background(), ArchivePrefix+"acme/elements.jsonl")
	if string(data) != `{"id":"e1","data":"https://t.example/?token=[masked]&x=1"}`+"\n" {
		t.Errorf("masked elements.jsonl: %s", data)
	}
	// A second publish sends nothing (the masked bytes hash the same).
	if res := mustPublish(t, b, Options{Site: dir, Scans: scans, Redact: redact.New(nil)}); len(res.Plan.Uploads) != 0 {
		t.Errorf("uploaded again: %q", uploadedKeys(res))
	}
	// Without Redact (the --with-raw-settings flag) the files go as they are.
	res := mustPublish(t, b, Options{Site: dir, Scans: scans})
	data, _ = b.ReadAll(context.Background(), ArchivePrefix+"acme/settings.toml")
	if !strings.Contains(string(data), "S0CKSPASSWORD") || len(res.Plan.Uploads) == 0 {
		t.Errorf("raw archive: %s", data)
	}
}
