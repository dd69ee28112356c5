package scanstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/scan"
)

// Shipper copies a scan directory that a local writer fills (scan.Writer,
// the importers, a scanner in another language) into a bucket: each Step
// sends the complete lines appended since the last one through a Writer,
// which seals them into segments, and the whole files that changed;
// scan.toml goes last, after the segments are sealed. A line without its
// newline yet waits for the next Step.
type Shipper struct {
	w       *Writer
	b       *blob.Bucket
	dir, id string
	offsets [2]int64 // elements.jsonl, log.jsonl: bytes sent
	sigs    map[string]string
}

// NewShipper starts shipping scan id of the local scans root to the
// bucket. The scan must not be in the bucket yet (refused otherwise, with
// a conditional write where the backend has them).
func NewShipper(ctx context.Context, b *blob.Bucket, root, id string, o WriterOptions) (*Shipper, error) {
	if err := scan.ValidID(id); err != nil {
		return nil, err
	}
	o.defaults()
	dir := scan.DirPath(root, id)
	meta, err := os.ReadFile(filepath.Join(dir, scan.MetaFile))
	if err != nil {
		return nil, fmt.Errorf("ship scan %s: %w", id, err)
	}
	m, err := scan.ParseMeta(meta, id, id+"/"+scan.MetaFile, nil)
	if err != nil {
		return nil, err
	}
	w := newWriter(ctx, b, m, o)
	key := FileKey(id, scan.MetaFile)
	err = w.r.do(ctx, "write", key, func() error {
		return b.WriteAll(ctx, key, meta, &blob.WriterOptions{ContentType: "application/toml", IfNotExist: true})
	})
	if conflict(err) {
		return nil, fmt.Errorf("ship scan %s to %s: %s already exists there", id, o.Name, key)
	}
	if err != nil {
		return nil, fmt.Errorf("ship scan %s: %w", id, err)
	}
	w.start()
	return &Shipper{w: w, b: b, dir: dir, id: id, sigs: map[string]string{scan.MetaFile: fileSig(filepath.Join(dir, scan.MetaFile))}}, nil
}

// fileSig is a file's size and modification time ("" when missing).
func fileSig(p string) string {
	fi, err := os.Stat(p)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", fi.Size(), fi.ModTime().UnixNano())
}

// Step sends what changed since the last Step.
func (s *Shipper) Step() error {
	// scan.toml is looked at first and sent last: a local writer flushes
	// its lines before it writes FINISHED, so every line it had is read
	// below and sealed before the new status goes up.
	metaPath := filepath.Join(s.dir, scan.MetaFile)
	metaSig := fileSig(metaPath)
	var meta []byte
	if metaSig != s.sigs[scan.MetaFile] {
		var err error
		if meta, err = os.ReadFile(metaPath); err != nil {
			return fmt.Errorf("ship: %w", err)
		}
	}
	for i, name := range []string{scan.ElementsFile, scan.LogFile} {
		if err := s.lines(i == 1, filepath.Join(s.dir, name), &s.offsets[i]); err != nil {
			return err
		}
	}
	for _, name := range wholeFiles {
		p := filepath.Join(s.dir, name)
		sig := fileSig(p)
		if sig == s.sigs[name] || sig == "" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("ship: %w", err)
		}
		if err := s.w.put(FileKey(s.id, name), data, contentType(name)); err != nil {
			return err
		}
		s.sigs[name] = sig
	}
	if meta != nil {
		if err := s.w.Flush(); err != nil { // every segment before the new status
			return err
		}
		if err := s.w.put(FileKey(s.id, scan.MetaFile), meta, "application/toml"); err != nil {
			return err
		}
		s.sigs[scan.MetaFile] = metaSig
	}
	return nil
}

func contentType(name string) string {
	if name == scan.NotesFile {
		return "text/markdown; charset=utf-8"
	}
	return "application/toml"
}

// lines sends the complete lines of the file after *off.
func (s *Shipper) lines(log bool, p string, off *int64) error {
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ship: %w", err)
	}
	defer f.Close()
	buf := make([]byte, 4<<20)
	var carry []byte
	for {
		n, err := f.ReadAt(buf, *off+int64(len(carry)))
		chunk := append(carry, buf[:n]...)
		last := bytes.LastIndexByte(chunk, '\n')
		if last >= 0 {
			whole := chunk[:last+1]
			for len(whole) > 0 {
				i := bytes.IndexByte(whole, '\n')
				if aerr := s.w.AddLines(log, whole[:i+1], 1); aerr != nil {
					return aerr
				}
				*off += int64(i + 1)
				whole = whole[i+1:]
			}
			carry = append([]byte(nil), chunk[last+1:]...)
		} else {
			carry = chunk
		}
		if err == io.EOF || n == 0 {
			return nil
		}
		if err != nil {
			return fmt.Errorf("ship: read %s: %w", p, err)
		}
	}
}

// Close sends what is left, seals the last segments and sends the review
// decisions of review.jsonl, one object each.
func (s *Shipper) Close() error {
	err := s.Step()
	if err = errors.Join(err, s.w.Close()); err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(s.dir, scan.ReviewFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ship: %w", err)
	}
	// Keys sort by time, and replaying decisions depends on their order:
	// decisions with the same time get keys a nanosecond apart, in file order.
	var last time.Time
	_, err = scan.ReadReview(bytes.NewReader(data), scan.Position{}, s.id+"/"+scan.ReviewFile, nil, func(d scan.Decision, _ int) error {
		if d.Time.IsZero() {
			d.Time = time.Now().UTC()
		}
		line, err := decisionJSON(d)
		if err != nil {
			return err
		}
		at := d.Time
		if !at.After(last) {
			at = last.Add(time.Nanosecond)
		}
		last = at
		_, err = putDecision(s.w.ctx, s.b, s.w.r, s.id, at, line)
		return err
	})
	return err
}

// Segments returns how many element and log segments are sealed.
func (s *Shipper) Segments() (elements, log int) { return s.w.Segments() }

// Upload copies a whole local scan directory into the bucket: the elements
// and log in segments of o.SegmentLines lines, the review decisions one
// object each, scan.toml last.
func Upload(ctx context.Context, b *blob.Bucket, root, id string, o WriterOptions) error {
	o.SegmentAge = -1
	s, err := NewShipper(ctx, b, root, id, o)
	if err != nil {
		return err
	}
	return s.Close()
}
