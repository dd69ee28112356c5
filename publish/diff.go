package publish

import (
	"bytes"
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Plan is what a publish does: computed by the diff step, printed by
// --dry-run, carried out by the upload and prune steps.
type Plan struct {
	Uploads        []*Local // in upload order (phase, then key)
	UploadBytes    int64
	Unchanged      int
	UnchangedBytes int64
	Stale          []string // objects under the prefix with no local file, sorted (the manifest excepted)
	// Kept are the stale objects a --prune leaves for one more publish:
	// the bucket's copy of a head this publish replaces names them
	// (behind.go). Sorted by key; none without --prune.
	Kept       []Kept
	Deletes    []string // the stale objects the prune step deletes: Stale but Kept with --prune, else none
	NoManifest bool     // the bucket had no publish manifest: compared with the listing
}

// Empty reports whether the plan changes nothing.
func (pl *Plan) Empty() bool { return len(pl.Uploads) == 0 && len(pl.Deletes) == 0 }

// diffStep compares the local files with the bucket.
func (p *Publisher) diffStep(ctx context.Context, files []*Local, r *remote) (*Plan, error) {
	pl := &Plan{NoManifest: r.manifest == nil}
	local := make(map[string]bool, len(files))
	var uncertain []*Local // no manifest: same size and MD5 as listed, headers unknown
	for _, f := range files {
		local[f.Key] = true
		o, inBucket := r.objects[f.Key]
		switch {
		case !inBucket:
			f.Reason = "new"
		case r.manifest != nil:
			e, ok := r.manifest.Objects[f.Key]
			switch {
			case !ok || e.SHA256 != f.SHA256 || e.Size != f.Size:
				f.Reason = "changed"
			case e.Header != f.Header:
				f.Reason = "headers"
			case !e.matches(o):
				f.Reason = "modified in the bucket"
			default:
				f.Reason = ""
			}
		case o.Size == f.Size && len(o.MD5) > 0 && bytes.Equal(o.MD5, f.MD5):
			uncertain = append(uncertain, f)
			continue
		default:
			f.Reason = "changed"
		}
		pl.add(f)
	}
	// Without a manifest, an object with the right bytes may still have the
	// wrong headers (it was uploaded by something else): ask the bucket.
	if err := p.checkHeaders(ctx, uncertain); err != nil {
		return nil, err
	}
	for _, f := range uncertain {
		pl.add(f)
	}
	for key := range r.objects {
		if !local[key] && key != ManifestKey && !p.kept(key) {
			pl.Stale = append(pl.Stale, key)
		}
	}
	sort.Strings(pl.Stale)
	if p.o.Prune {
		kept, err := p.keepStep(ctx, files, r, pl.Stale)
		if err != nil {
			return nil, err
		}
		pl.Kept = kept
		pl.Deletes = slices.DeleteFunc(slices.Clone(pl.Stale), func(k string) bool {
			_, found := slices.BinarySearchFunc(kept, k, func(e Kept, k string) int { return strings.Compare(e.Key, k) })
			return found
		})
	}
	sort.SliceStable(pl.Uploads, func(i, j int) bool {
		a, b := pl.Uploads[i], pl.Uploads[j]
		if a.Phase != b.Phase {
			return a.Phase < b.Phase
		}
		return a.Key < b.Key
	})
	return pl, nil
}

func (pl *Plan) add(f *Local) {
	if f.Reason == "" {
		pl.Unchanged++
		pl.UnchangedBytes += f.Size
		return
	}
	pl.Uploads = append(pl.Uploads, f)
	pl.UploadBytes += f.Size
}

// kept reports keys the prune step never deletes: the raw scan archive
// when this publish does not include it.
func (p *Publisher) kept(key string) bool {
	return p.o.Scans == "" && strings.HasPrefix(key, ArchivePrefix)
}

// checkHeaders reads the attributes of each file's object and marks the
// file for upload when its headers differ.
func (p *Publisher) checkHeaders(ctx context.Context, files []*Local) error {
	if len(files) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	sem := make(chan struct{}, p.o.Jobs)
	for _, f := range files {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			var h Header
			err := p.retry(ctx, "read the attributes of", f.Key, func() error {
				a, err := p.bucket.Attributes(ctx, f.Key)
				if err == nil {
					h = Header{ContentType: a.ContentType, CacheControl: a.CacheControl, ContentDisposition: a.ContentDisposition}
				}
				return err
			})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && first == nil:
				first = err
				cancel()
			case err == nil && h != f.Header:
				f.Reason = "headers"
			case err == nil:
				f.Reason = ""
			}
		}()
	}
	wg.Wait()
	return first
}
