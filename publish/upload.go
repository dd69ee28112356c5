package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sync"

	"gocloud.dev/gcerrors"
)

// uploadStep stores the plan's uploads phase by phase, a few at a time
// (Options.Jobs). A phase starts only when the previous one is complete,
// and the first failure (after retries) stops the upload: nothing of a
// later phase is sent, so index.html and the manifest never name what is
// not there. The bytes sent are hashed as they go, and the file's entry
// is corrected when it changed after the walk (the watch mode publishes a
// site that is being written).
func (p *Publisher) uploadStep(ctx context.Context, pl *Plan) (int, int64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu    sync.Mutex
		first error
		done  int
		bytes int64
	)
	for start := 0; start < len(pl.Uploads); {
		end := start
		for end < len(pl.Uploads) && pl.Uploads[end].Phase == pl.Uploads[start].Phase {
			end++
		}
		var wg sync.WaitGroup
		sem := make(chan struct{}, p.o.Jobs)
		for _, f := range pl.Uploads[start:end] {
			sem <- struct{}{}
			if ctx.Err() != nil {
				<-sem
				break
			}
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				err := p.retry(ctx, "write", f.Key, func() error { return p.put(ctx, f) })
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					if first == nil {
						first = err
						cancel()
					}
					return
				}
				done++
				bytes += f.Size
				if p.o.OnUpload != nil {
					p.o.OnUpload(f)
				}
			}()
		}
		wg.Wait()
		if first != nil {
			return done, bytes, first
		}
		if err := ctx.Err(); err != nil {
			return done, bytes, err
		}
		p.log.Debug("phase uploaded", "phase", pl.Uploads[start].Phase.String(), "files", end-start)
		start = end
	}
	return done, bytes, nil
}

// put uploads one file with its headers. Progress counts the bytes as they
// are read; a failed attempt takes its bytes back.
func (p *Publisher) put(ctx context.Context, f *Local) error {
	file, err := f.open()
	if err != nil {
		return fmt.Errorf("open %s: %w", f.Path, err)
	}
	defer file.Close()
	h := sha256.New()
	r := &progressReader{r: io.TeeReader(file, h), p: p}
	err = p.bucket.Upload(ctx, f.Key, r, writerOptions(f.Header))
	if err != nil {
		p.progress(-r.n)
		return err
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 || r.n != f.Size {
		// The file changed after the walk: the bucket holds what was read.
		p.progress(r.n - f.Size)
		p.mu.Lock()
		f.SHA256, f.Size = sum, r.n
		delete(p.cache, f.cacheKey())
		p.mu.Unlock()
	}
	return nil
}

type progressReader struct {
	r io.Reader
	p *Publisher
	n int64
}

func (r *progressReader) Read(b []byte) (int, error) {
	n, err := r.r.Read(b)
	r.n += int64(n)
	r.p.progress(int64(n))
	return n, err
}

// progress adds n bytes to what has been sent and reports it.
func (p *Publisher) progress(n int64) {
	done := p.sent.Add(n)
	if p.o.Progress != nil {
		p.o.Progress(done, p.total.Load())
	}
}

// pruneStep deletes the plan's stale objects, a few at a time. An object
// that is already gone is fine.
func (p *Publisher) pruneStep(ctx context.Context, pl *Plan) (int, error) {
	var (
		mu    sync.Mutex
		first error
		done  int
		wg    sync.WaitGroup
	)
	sem := make(chan struct{}, p.o.Jobs)
	for _, key := range pl.Deletes {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			err := p.retry(ctx, "delete", key, func() error {
				err := p.bucket.Delete(ctx, key)
				if gcerrors.Code(err) == gcerrors.NotFound {
					return nil
				}
				return err
			})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = err
				}
				return
			}
			done++
			if p.o.OnDelete != nil {
				p.o.OnDelete(key)
			}
		}()
	}
	wg.Wait()
	return done, first
}
