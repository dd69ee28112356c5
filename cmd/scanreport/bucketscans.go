package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/scanstore"
)

// isBucketURL reports whether a scans root is a bucket URL (s3://, gs://,
// azblob://, file://, mem://) rather than a folder.
func isBucketURL(s string) bool { return strings.Contains(s, "://") }

// openScansBucket opens the bucket a --scans or --out URL names. A path
// after the bucket becomes its prefix, as for publish --to.
func openScansBucket(ctx context.Context, raw string) (*blob.Bucket, error) {
	u, err := bucketURL(raw)
	if err != nil {
		return nil, errors.New(strings.Replace(err.Error(), "--to", "--scans", 1))
	}
	if err := checkDriver(u); err != nil {
		return nil, errors.New(strings.Replace(err.Error(), "--to", "--scans", 1))
	}
	b, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", raw, err)
	}
	return b, nil
}

// mirrorDir is the local copy of a bucket's scans: the --mirror folder, or
// one per URL under the user's cache folder, kept between runs so that a
// later build or serve downloads only new segments.
func mirrorDir(raw, flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder for the mirror of %s (set --mirror): %w", raw, err)
	}
	h := sha256.Sum256([]byte(raw))
	return filepath.Join(base, "scanreport", "mirror", hex.EncodeToString(h[:8]), "scans"), nil
}

// mirrorScans opens the bucket behind a --scans URL and brings its scans
// into the local mirror once. The caller closes the bucket.
func (a *app) mirrorScans(ctx context.Context, raw, dir string, o scanstore.MirrorOptions) (*scanstore.Mirror, *blob.Bucket, error) {
	dir, err := mirrorDir(raw, dir)
	if err != nil {
		return nil, nil, err
	}
	b, err := openScansBucket(ctx, raw)
	if err != nil {
		return nil, nil, err
	}
	o.Name, o.Logger = raw, a.log
	m, err := scanstore.NewMirror(b, dir, o)
	if err != nil {
		b.Close()
		return nil, nil, err
	}
	t0 := time.Now()
	changed, err := m.Sync(ctx)
	if err != nil {
		b.Close()
		return nil, nil, fmt.Errorf("scans from %s: %w", raw, err)
	}
	a.log.Info("scans mirrored", "from", raw, "into", dir, "changed", len(changed),
		"lists", m.Stats.Lists.Load(), "reads", m.Stats.Reads.Load(), "bytes", m.Stats.Bytes.Load(), "took", time.Since(t0))
	return m, b, nil
}

// shipStaged ships every scan that appears in the staging folder to the
// bucket while work runs, sealing segments as they fill or age, then
// sends the rest once work is done. It is how the importers and sample,
// which write scan directories, write into a bucket.
func (a *app) shipStaged(ctx context.Context, raw, stage string, o scanstore.WriterOptions, work func() error) error {
	b, err := openScansBucket(ctx, raw)
	if err != nil {
		return err
	}
	defer b.Close()
	o.Name = raw
	ships := map[string]*scanstore.Shipper{}
	step := func() error {
		entries, _ := os.ReadDir(stage)
		for _, e := range entries {
			id := e.Name()
			if !e.IsDir() || scan.ValidID(id) != nil {
				continue
			}
			s := ships[id]
			if s == nil {
				if _, err := os.Stat(filepath.Join(stage, id, scan.MetaFile)); err != nil {
					continue
				}
				if s, err = scanstore.NewShipper(ctx, b, stage, id, o); err != nil {
					return err
				}
				ships[id] = s
			}
			if err := s.Step(); err != nil {
				return err
			}
		}
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- work() }()
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	var werr error
loop:
	for {
		select {
		case werr = <-done:
			break loop
		case <-tick.C:
			if err := step(); err != nil {
				<-done
				return err
			}
		}
	}
	serr := step()
	for _, s := range ships {
		serr = errors.Join(serr, s.Close())
	}
	return errors.Join(werr, serr)
}

// bucketScans returns the bucket URL of the scans root, from --scans or
// config.toml's [site] scans, or "" when the scans root is a folder.
func (a *app) bucketScans(f siteFlags) string {
	if f.scans != "" {
		if isBucketURL(f.scans) {
			return f.scans
		}
		return ""
	}
	if c, err := a.loadConfig(); err == nil && isBucketURL(c.Site.Scans) {
		return c.Site.Scans
	}
	return ""
}

// useMirror mirrors a bucket scans root once (build, publish --with-scans)
// and points the flags at the mirror. It does nothing for a folder.
func (a *app) useMirror(ctx context.Context, f *siteFlags) error {
	raw := a.bucketScans(*f)
	if raw == "" {
		return nil
	}
	m, b, err := a.mirrorScans(ctx, raw, f.mirror, scanstore.MirrorOptions{})
	if err != nil {
		return err
	}
	b.Close()
	f.scans = m.Dir()
	return nil
}
