// Package publish copies a built report site, and on request the raw scan
// directories beside it, to object storage through gocloud.dev/blob: S3 and
// S3-compatible servers, Google Cloud Storage, Azure Blob Storage, a local
// folder. Like Hugo's deploy, a publish runs in named steps:
//
//	walk    the site folder (and the scans root): keys, sizes, SHA-256, headers
//	list    the bucket, and read the manifest the last publish left (ManifestKey)
//	diff    local files against it: what to upload, what is stale, what is unchanged
//	upload  in phases: content-hashed assets, data, data manifests, pages,
//	        index.html, then the new publish manifest; each object with an
//	        explicit Content-Type and Cache-Control (headers.go)
//	prune   stale objects, only with Options.Prune and never more than
//	        Options.MaxDeletes (above it the publish is refused whole); the
//	        stale objects that the bucket's copies of the heads this
//	        publish replaces name are kept for one more publish (behind.go)
//
// ETags are not trusted to be MD5s (multipart uploads and SSE-KMS break
// that): the diff compares SHA-256s with the publish manifest, and falls
// back to the listing's MD5s only when the bucket has no manifest. Watch
// keeps a bucket in step with a site that `scanreport serve` or repeated
// builds keep rewriting (`build --zip` is package sitezip). The package never opens buckets or reads credentials: the caller
// hands it a *blob.Bucket. See docs/publish.md.
package publish

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/internal/redact"
)

// DefaultMaxDeletes is the default of --max-deletes.
const DefaultMaxDeletes = 100

// Options configure a publish.
type Options struct {
	Site  string // the site folder (it must hold the site marker)
	Scans string // the scans root to archive under ArchivePrefix; "" archives nothing (and never prunes the archive)
	Name  string // the bucket as the user named it, for messages (a URL)
	// Redact masks the archived scan files (settings.toml by name at any
	// depth, every file through the masker of the scan's secret values);
	// nil archives them as they are, secrets included.
	Redact *redact.Rules

	Prune      bool // delete stale objects
	MaxDeletes int  // with Prune, refuse a publish that would delete more than this (negative: no limit)
	DryRun     bool // stop after the diff: Result.Plan says what would happen

	Jobs    int           // uploads at once (default 4)
	Retries int           // retries of a transient failure (default 4; negative: none)
	Backoff time.Duration // the first wait before a retry, doubled each time (default 250 ms)

	Logger   *slog.Logger
	OnPlan   func(*Plan)             // called with the plan before anything is changed
	Progress func(sent, total int64) // bytes uploaded so far, of the plan's total (called concurrently)
	OnUpload func(*Local)            // called after each upload (not concurrently)
	OnDelete func(key string)        // called after each delete (not concurrently)
}

// Result says what a publish did.
type Result struct {
	Plan            *Plan
	Uploaded        int
	UploadedBytes   int64
	Deleted         int
	Retries         int
	ManifestWritten bool
	Duration        time.Duration
}

// TooManyDeletesError refuses a publish whose prune would delete more
// objects than Options.MaxDeletes. Nothing was changed.
type TooManyDeletesError struct{ Stale, Max int }

func (e *TooManyDeletesError) Error() string {
	return fmt.Sprintf("refusing to publish: --prune would delete %d objects, more than --max-deletes %d; nothing was changed. "+
		"Check that the URL names the bucket and prefix of this report (run with --dry-run to list them), then raise --max-deletes or publish without --prune", e.Stale, e.Max)
}

// Publisher publishes one site to one bucket, again and again: it keeps
// the checksums of files that did not change since the last walk.
type Publisher struct {
	bucket *blob.Bucket
	o      Options
	log    *slog.Logger

	mu    sync.Mutex
	cache map[string]hashed // by local path

	sent, total atomic.Int64
	retries     atomic.Int64
}

// New returns a Publisher. The caller opens the bucket (and closes it).
func New(bucket *blob.Bucket, o Options) *Publisher {
	if o.Jobs <= 0 {
		o.Jobs = 4
	}
	if o.Retries == 0 {
		o.Retries = 4
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = 250 * time.Millisecond
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Publisher{bucket: bucket, o: o, log: log, cache: map[string]hashed{}}
}

// Publish runs the steps once. On an error the bucket may hold part of the
// new files, never a manifest or index.html that names missing ones; the
// next publish completes it.
func (p *Publisher) Publish(ctx context.Context) (Result, error) {
	start := time.Now()
	p.retries.Store(0)
	res := Result{}
	finish := func(err error) (Result, error) {
		res.Retries = int(p.retries.Load())
		res.Duration = time.Since(start)
		return res, err
	}

	if err := checkSite(p.o.Site); err != nil {
		return finish(err)
	}
	files, err := p.walkStep()
	if err != nil {
		return finish(err)
	}
	r, err := p.listStep(ctx)
	if err != nil {
		return finish(err)
	}
	pl, err := p.diffStep(ctx, files, r)
	if err != nil {
		return finish(err)
	}
	res.Plan = pl
	var refuse error
	if p.o.Prune && p.o.MaxDeletes >= 0 && len(pl.Deletes) > p.o.MaxDeletes {
		refuse = &TooManyDeletesError{Stale: len(pl.Deletes), Max: p.o.MaxDeletes}
	}
	// A dry run shows the plan even when it would be refused.
	if p.o.OnPlan != nil && (refuse == nil || p.o.DryRun) {
		p.o.OnPlan(pl)
	}
	if refuse != nil || p.o.DryRun {
		return finish(refuse)
	}

	p.sent.Store(0)
	p.total.Store(pl.UploadBytes)
	res.Uploaded, res.UploadedBytes, err = p.uploadStep(ctx, pl)
	if err != nil {
		return finish(err)
	}

	// The manifest records each object as the bucket lists it now.
	objs := r.objects
	if len(pl.Uploads) > 0 {
		if objs, err = p.listObjects(ctx); err != nil {
			return finish(err)
		}
	}
	raw, err := newManifest(files, objs, p.keptEntries(r, objs))
	if err != nil {
		return finish(err)
	}
	if res.ManifestWritten, err = p.writeManifestStep(ctx, raw, r.manifestRaw); err != nil {
		return finish(err)
	}

	res.Deleted, err = p.pruneStep(ctx, pl)
	return finish(err)
}

// keptEntries carries over the old manifest's entries for objects this
// publish leaves alone (the scan archive, without --with-scans), so that
// they are not uploaded again by the next publish that includes them.
func (p *Publisher) keptEntries(r *remote, objs map[string]remoteObject) map[string]Entry {
	if r.manifest == nil {
		return nil
	}
	keep := map[string]Entry{}
	for k, e := range r.manifest.Objects {
		if _, ok := objs[k]; ok && p.kept(k) {
			keep[k] = e
		}
	}
	return keep
}

// IsFatal reports errors that retrying later will not cure: missing or
// refused credentials, a refused permission, a missing bucket.
func IsFatal(err error) bool {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind == KindPermission || e.Kind == KindCredentials || e.Kind == KindNotFound
	}
	return false
}
