package scanstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/internal/jsonw"
	"github.com/scanreport/scanreport/scan"
)

// Default sealing: a segment holds at most this many lines, and no line
// waits longer than this before its segment is sealed.
const (
	DefaultSegmentLines = 1000
	DefaultSegmentAge   = 2 * time.Second
)

// WriterOptions tune a Writer.
type WriterOptions struct {
	Name         string        // the bucket as the user named it, for messages
	SegmentLines int           // seal a segment at this many lines (DefaultSegmentLines)
	SegmentAge   time.Duration // seal a segment once its first line is this old (DefaultSegmentAge); <0: only by size, Flush and Close
	Retries      int           // tries after the first for a transient failure (default 4)
}

func (o *WriterOptions) defaults() {
	if o.SegmentLines <= 0 {
		o.SegmentLines = DefaultSegmentLines
	}
	if o.SegmentAge == 0 {
		o.SegmentAge = DefaultSegmentAge
	}
	if o.Retries == 0 {
		o.Retries = 4
	}
}

// Writer writes one scan into a bucket: the counterpart of scan.Writer for
// object storage, with the same methods. Elements and log lines are
// buffered and sealed into the next numbered segment (one whole object,
// written with if-none-match so that two writers of the same scan cannot
// overwrite each other's segment) every SegmentLines lines or SegmentAge;
// scan.toml is rewritten after the segments are sealed, so a reader that
// sees FINISHED finds every segment. A Writer is safe for concurrent use.
type Writer struct {
	mu     sync.Mutex
	ctx    context.Context
	b      *blob.Bucket
	o      WriterOptions
	r      retrier
	meta   scan.Meta
	elems  segments
	log    segments
	nextID uint64
	buf    []byte
	err    error // the first failed seal by the timer, returned by the next call

	stop chan struct{}
	done chan struct{}
}

// segments is one sealed-segment stream: the open segment's lines and the
// number the next sealed segment gets.
type segments struct {
	dir   string
	buf   []byte
	lines int
	since time.Time // when the first buffered line came
	next  int
}

// Create starts a new scan in the bucket and writes its scan.toml, which
// must not exist yet (checked with a conditional write where the backend
// has them). Empty fields are filled as scan.Create fills them. ctx bounds
// every later write of the Writer too.
func Create(ctx context.Context, b *blob.Bucket, m scan.Meta, o WriterOptions) (*Writer, error) {
	if err := scan.ValidID(m.ID); err != nil {
		return nil, err
	}
	o.defaults()
	if m.Status == "" {
		m.Status = scan.StatusCreated
	}
	if m.Kind == "" {
		m.Kind = scan.KindAutomated
	}
	if m.Name == "" {
		m.Name = m.ID
	}
	if m.Created.IsZero() {
		m.Created = time.Now().UTC()
	}
	w := newWriter(ctx, b, m, o)
	data, err := scan.MarshalMeta(m)
	if err != nil {
		return nil, err
	}
	key := FileKey(m.ID, scan.MetaFile)
	err = w.r.do(ctx, "write", key, func() error {
		return b.WriteAll(ctx, key, data, &blob.WriterOptions{ContentType: "application/toml", IfNotExist: true})
	})
	if conflict(err) {
		return nil, fmt.Errorf("create scan %s in %s: %s already exists", m.ID, o.Name, key)
	}
	if err != nil {
		return nil, fmt.Errorf("create scan %s: %w", m.ID, err)
	}
	w.start()
	return w, nil
}

// OpenWriter opens a scan already in the bucket to append to it: new
// segments continue after the last one there.
func OpenWriter(ctx context.Context, b *blob.Bucket, id string, o WriterOptions) (*Writer, error) {
	if err := scan.ValidID(id); err != nil {
		return nil, err
	}
	o.defaults()
	r := retrier{name: o.Name, retries: o.Retries}
	key := FileKey(id, scan.MetaFile)
	var data []byte
	err := r.do(ctx, "read", key, func() error {
		var err error
		data, err = b.ReadAll(ctx, key)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("open scan %s: %w", id, err)
	}
	m, err := scan.ParseMeta(data, id, key, nil)
	if err != nil {
		return nil, err
	}
	w := newWriter(ctx, b, m, o)
	for _, s := range []*segments{&w.elems, &w.log} {
		last, err := lastSegment(ctx, b, r, id, s.dir)
		if err != nil {
			return nil, err
		}
		s.next = last + 1
	}
	// Generated ids continue after those of the segments there: counting
	// lines would read the whole scan, so the segment number stands in.
	w.nextID = uint64(w.elems.next-1)*uint64(o.SegmentLines) + 1
	w.start()
	return w, nil
}

// lastSegment is the highest segment number under id/dir (0: none).
func lastSegment(ctx context.Context, b *blob.Bucket, r retrier, id, dir string) (int, error) {
	prefix := id + "/" + dir + "/"
	last := 0
	err := r.do(ctx, "list", prefix, func() error {
		last = 0
		it := b.List(&blob.ListOptions{Prefix: prefix})
		for {
			o, err := it.Next(ctx)
			if err != nil {
				if errors.Is(err, ioEOF) {
					return nil
				}
				return err
			}
			if n, ok := segmentNumber(o.Key[len(prefix):]); ok && n > last {
				last = n
			}
		}
	})
	return last, err
}

func newWriter(ctx context.Context, b *blob.Bucket, m scan.Meta, o WriterOptions) *Writer {
	return &Writer{ctx: ctx, b: b, o: o, r: retrier{name: o.Name, retries: o.Retries}, meta: m,
		elems: segments{dir: ElementsDir, next: 1}, log: segments{dir: LogDir, next: 1}, nextID: 1}
}

// start runs the timer that seals segments by age.
func (w *Writer) start() {
	w.stop, w.done = make(chan struct{}), make(chan struct{})
	if w.o.SegmentAge < 0 {
		close(w.done)
		return
	}
	go func() {
		defer close(w.done)
		t := time.NewTicker(max(w.o.SegmentAge/4, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-w.ctx.Done():
				return
			case now := <-t.C:
				w.mu.Lock()
				for _, s := range []*segments{&w.elems, &w.log} {
					if s.lines > 0 && now.Sub(s.since) >= w.o.SegmentAge && w.err == nil {
						w.err = w.seal(s)
					}
				}
				w.mu.Unlock()
			}
		}
	}()
}

// Meta returns the metadata as last written.
func (w *Writer) Meta() scan.Meta {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.meta
}

// Root writes the ROOT element for the scan's target, at time t.
func (w *Writer) Root(t time.Time) error {
	_, err := w.Add(scan.Element{ID: scan.RootID, Type: scan.RootID, Data: w.Meta().Target, Source: scan.RootID, Generated: t})
	return err
}

// Add appends an element and returns its id, filling defaults as
// scan.Writer.Add does.
func (w *Writer) Add(e scan.Element) (string, error) {
	if e.Confidence == 0 {
		e.Confidence = 100
	}
	if e.Visibility == 0 {
		e.Visibility = 100
	}
	return w.AddExact(e)
}

// AddExact is Add without the defaults for Confidence and Visibility.
func (w *Writer) AddExact(e scan.Element) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if e.Type == "" {
		return "", errors.New("add element: empty type")
	}
	if e.ID == "" {
		e.ID = "e" + strconv.FormatUint(w.nextID, 10)
	}
	w.nextID++
	if e.Source == "" {
		e.Source = scan.RootID
	}
	if e.Generated.IsZero() {
		e.Generated = time.Now()
	}
	w.buf = scan.AppendElementJSON(w.buf[:0], &e)
	return e.ID, w.add(&w.elems, w.buf)
}

// Log appends a log line at time t (now when zero).
func (w *Writer) Log(t time.Time, level, component, message string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if t.IsZero() {
		t = time.Now()
	}
	b := append(w.buf[:0], `{"time":`...)
	b = jsonw.String(b, t.UTC().Format("2006-01-02T15:04:05.000Z07:00"))
	b = append(b, `,"level":`...)
	b = jsonw.String(b, level)
	b = append(b, `,"component":`...)
	b = jsonw.String(b, component)
	b = append(b, `,"message":`...)
	b = jsonw.String(b, message)
	b = append(b, "}\n"...)
	w.buf = b
	return w.add(&w.log, b)
}

// AddLines appends whole lines (each ending in a newline) to the elements
// (log false) or the log as they are: Ship uses it for lines a local
// writer already encoded.
func (w *Writer) AddLines(log bool, lines []byte, n int) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := &w.elems
	if log {
		s = &w.log
	}
	if w.err != nil {
		return w.err
	}
	if s.lines == 0 {
		s.since = time.Now()
	}
	s.buf = append(s.buf, lines...)
	s.lines += n
	w.nextID += uint64(n)
	if s.lines >= w.o.SegmentLines {
		return w.seal(s)
	}
	return nil
}

func (w *Writer) add(s *segments, line []byte) error {
	if w.err != nil {
		return w.err
	}
	if s.lines == 0 {
		s.since = time.Now()
	}
	s.buf = append(s.buf, line...)
	s.lines++
	if s.lines >= w.o.SegmentLines {
		return w.seal(s)
	}
	return nil
}

// seal writes the buffered lines as the next segment. A segment that is
// already there was written by another writer of the same scan: that is an
// error, never an overwrite.
func (w *Writer) seal(s *segments) error {
	if s.lines == 0 {
		return nil
	}
	key := SegmentKey(w.meta.ID, s.dir, s.next)
	err := w.r.do(w.ctx, "write", key, func() error {
		return w.b.WriteAll(w.ctx, key, s.buf, &blob.WriterOptions{ContentType: "application/jsonl", IfNotExist: true})
	})
	if conflict(err) {
		return fmt.Errorf("seal %s: the segment is already in the bucket: another writer is writing scan %s", key, w.meta.ID)
	}
	if err != nil {
		return fmt.Errorf("seal segment: %w", err)
	}
	s.next++
	s.buf = s.buf[:0]
	if cap(s.buf) > 4<<20 {
		s.buf = nil
	}
	s.lines = 0
	return nil
}

// SetStatus records a status change as scan.Writer.SetStatus does, after
// sealing what is buffered.
func (w *Writer) SetStatus(status string, at time.Time) error {
	return w.UpdateMeta(func(m *scan.Meta) {
		m.Status = status
		if at.IsZero() {
			at = time.Now().UTC()
		}
		switch status {
		case scan.StatusStarting, scan.StatusStarted, scan.StatusRunning:
			if m.Started.IsZero() {
				m.Started = at
			}
		case scan.StatusFinished, scan.StatusAborted, scan.StatusErrorFailed:
			if m.Started.IsZero() {
				m.Started = at
			}
			m.Ended = at
		}
	})
}

// UpdateMeta seals the buffered lines, changes the metadata and rewrites
// scan.toml. The id cannot change.
func (w *Writer) UpdateMeta(change func(*scan.Meta)) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.flushLocked(); err != nil {
		return err
	}
	id := w.meta.ID
	change(&w.meta)
	w.meta.ID = id
	data, err := scan.MarshalMeta(w.meta)
	if err != nil {
		return err
	}
	return w.put(FileKey(id, scan.MetaFile), data, "application/toml")
}

// WriteSettings replaces settings.toml.
func (w *Writer) WriteSettings(s scan.Settings) error {
	data, err := scan.MarshalSettings(s)
	if err != nil {
		return err
	}
	return w.put(FileKey(w.meta.ID, scan.SettingsFile), data, "application/toml")
}

// WriteNotes replaces notes.md.
func (w *Writer) WriteNotes(markdown string) error {
	return w.put(FileKey(w.meta.ID, scan.NotesFile), []byte(markdown), "text/markdown; charset=utf-8")
}

func (w *Writer) put(key string, data []byte, ctype string) error {
	return w.r.do(w.ctx, "write", key, func() error {
		return w.b.WriteAll(w.ctx, key, data, &blob.WriterOptions{ContentType: ctype})
	})
}

// Flush seals the buffered elements and log lines.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

func (w *Writer) flushLocked() error {
	if w.err != nil {
		return w.err
	}
	w.err = errors.Join(w.seal(&w.elems), w.seal(&w.log))
	return w.err
}

// Close seals what is buffered and stops the timer. It leaves the status
// as it is (a scan closed while RUNNING stays RUNNING, as on disk).
func (w *Writer) Close() error {
	if w.stop != nil {
		select {
		case <-w.stop:
		default:
			close(w.stop)
		}
		<-w.done
	}
	return w.Flush()
}

// Segments returns how many element and log segments are sealed.
func (w *Writer) Segments() (elements, log int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.elems.next - 1, w.log.next - 1
}

// AppendDecision stores one review decision as an object of its own,
// written with if-none-match: a decision is never lost to another
// analyst's, even on a backend that ignores the condition (the key holds
// the time and 64 random bits).
func AppendDecision(ctx context.Context, b *blob.Bucket, name, id string, d scan.Decision) (string, error) {
	if d.Time.IsZero() {
		d.Time = time.Now().UTC()
	}
	line, err := decisionJSON(d)
	if err != nil {
		return "", err
	}
	return putDecision(ctx, b, retrier{name: name, retries: 4}, id, d.Time, line)
}

func putDecision(ctx context.Context, b *blob.Bucket, r retrier, id string, t time.Time, line []byte) (string, error) {
	for {
		key := ReviewKey(id, t)
		err := r.do(ctx, "write", key, func() error {
			return b.WriteAll(ctx, key, line, &blob.WriterOptions{ContentType: "application/json", IfNotExist: true})
		})
		if conflict(err) {
			continue // the same time and random bits: draw again
		}
		return key, err
	}
}

func decisionJSON(d scan.Decision) ([]byte, error) {
	var buf bytes.Buffer
	if err := jsonEncode(&buf, d); err != nil {
		return nil, fmt.Errorf("encode decision: %w", err)
	}
	return buf.Bytes(), nil
}
