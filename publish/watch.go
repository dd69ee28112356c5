package publish

import (
	"context"
	"maps"
	"time"
)

// WatchOptions configure Watch.
type WatchOptions struct {
	// Interval is how often the folders are looked at (default 1 s). A
	// change is published once the folders have not changed for one
	// interval.
	Interval time.Duration
	// MaxDelay publishes a change at the latest this long after it was
	// first seen, even if files keep changing (a busy running scan).
	// Default 10 s.
	MaxDelay time.Duration
}

// Watch publishes, then keeps the bucket in step with the site (and the
// scans root, with Options.Scans) until ctx ends: each change is published
// once the folders are quiet, only changed files move. done is called after
// each publish with its result; a non-nil return stops Watch with that
// error. After a failed publish the next try waits longer each time (up to
// a minute).
//
// Watch polls: it compares each file's size and modification time, without
// reading it, every Interval. File-system events would not do here:
// `scanreport build` swaps in a whole new site folder (a watch on the old
// one then sees nothing), and the site is several levels deep.
func (p *Publisher) Watch(ctx context.Context, w WatchOptions, done func(Result, error) error) error {
	if w.Interval <= 0 {
		w.Interval = time.Second
	}
	if w.MaxDelay <= 0 {
		w.MaxDelay = 10 * time.Second
	}
	var (
		published map[string]sig // what the last successful publish saw
		prev      map[string]sig // the previous look
		first     time.Time      // when the pending change was first seen
		backoff   time.Duration
		notBefore time.Time
	)
	publish := func(snap map[string]sig) error {
		res, err := p.Publish(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if stop := done(res, err); stop != nil {
			return stop
		}
		first = time.Time{}
		if err != nil {
			published = nil
			backoff = min(max(2*backoff, 2*w.Interval), time.Minute)
			notBefore = time.Now().Add(backoff)
			return nil
		}
		published, backoff = snap, 0
		return nil
	}
	snap, _ := p.snapshot()
	if err := publish(snap); err != nil {
		return err
	}
	prev = snap
	tick := time.NewTicker(w.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		cur, err := p.snapshot()
		if err != nil { // the site is being swapped, or is gone: look again
			prev = nil
			continue
		}
		if published != nil && maps.Equal(cur, published) {
			prev, first = cur, time.Time{}
			continue
		}
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		quiet := prev != nil && maps.Equal(cur, prev)
		prev = cur
		if (quiet || now.Sub(first) >= w.MaxDelay) && !now.Before(notBefore) {
			if err := publish(cur); err != nil {
				return err
			}
		}
	}
}

// snapshot stats the files of every source.
func (p *Publisher) snapshot() (map[string]sig, error) {
	if err := checkSite(p.o.Site); err != nil {
		return nil, err
	}
	m := map[string]sig{}
	for _, src := range p.sources() {
		files, err := listSource(src, p.o.Redact)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			m[f.Key] = sig{size: f.Size, mod: f.mod.UnixNano()}
		}
	}
	return m, nil
}
