package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/scanreport/scanreport/internal/jsonw"
)

// Writer writes a scan directory the way readers expect: elements and log
// lines are appended whole (a reader never sees half a line from a Writer,
// and a line cut short by an earlier crash is closed off before new lines
// follow it), and scan.toml and settings.toml are replaced atomically.
// It never follows a symbolic link: not for the scan directory, not for a
// file in it (O_NOFOLLOW, inside an os.Root of the directory).
// A Writer is safe for concurrent use.
type Writer struct {
	mu     sync.Mutex
	dir    string
	root   *os.Root // the scan directory: every file is opened inside it, never through a link
	meta   Meta
	elems  lineFile
	log    lineFile
	nextID uint64
	buf    []byte
}

// FlushSize is how many buffered bytes make a Writer flush on its own.
const FlushSize = 256 << 10

// Create makes a new scan directory root/m.ID and writes its scan.toml. It
// fails if the directory already holds a scan.toml. An empty status becomes
// CREATED and an empty kind automated.
func Create(root string, m Meta) (*Writer, error) {
	if err := ValidID(m.ID); err != nil {
		return nil, err
	}
	dir := filepath.Join(root, m.ID)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("create scan %s: %w", m.ID, err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("create scan %s: %w", m.ID, err)
	}
	r, err := openScanDir(root, m.ID)
	if err != nil {
		return nil, fmt.Errorf("create scan %s: %w", m.ID, err)
	}
	if _, err := r.Lstat(MetaFile); err == nil {
		r.Close()
		return nil, fmt.Errorf("create scan %s: %s already exists", m.ID, MetaFile)
	}
	if m.Status == "" {
		m.Status = StatusCreated
	}
	if m.Kind == "" {
		m.Kind = KindAutomated
	}
	if m.Name == "" {
		m.Name = m.ID
	}
	if m.Created.IsZero() {
		m.Created = time.Now().UTC()
	}
	w := &Writer{dir: dir, root: r, meta: m}
	if err := w.writeMeta(); err != nil {
		r.Close()
		return nil, err
	}
	if err := w.open(); err != nil {
		r.Close()
		return nil, err
	}
	return w, nil
}

// OpenWriter opens an existing scan directory to append to it.
func OpenWriter(root, id string) (*Writer, error) {
	if err := ValidID(id); err != nil {
		return nil, err
	}
	dir := filepath.Join(root, id)
	r, err := openScanDir(root, id)
	if err != nil {
		return nil, fmt.Errorf("open scan %s: %w", id, err)
	}
	f, err := openNoFollow(r, MetaFile, os.O_RDONLY, 0)
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("open scan %s: %w", id, err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("open scan %s: %w", id, err)
	}
	m, err := ParseMeta(data, id, id+"/"+MetaFile, nil)
	if err != nil {
		r.Close()
		return nil, err
	}
	w := &Writer{dir: dir, root: r, meta: m}
	if err := w.open(); err != nil {
		r.Close()
		return nil, err
	}
	return w, nil
}

func (w *Writer) open() error {
	if err := w.elems.open(w.root, w.dir, ElementsFile); err != nil {
		return err
	}
	if err := w.log.open(w.root, w.dir, LogFile); err != nil {
		w.elems.close()
		return err
	}
	// Generated ids continue after the lines already in the file, prefixed so
	// they cannot meet ids a scanner chose itself.
	w.nextID = uint64(w.elems.lines) + 1
	return nil
}

// Dir is the scan directory's path.
func (w *Writer) Dir() string { return w.dir }

// Meta returns the metadata as last written.
func (w *Writer) Meta() Meta {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.meta
}

// Root writes the ROOT element for the scan's target, at time t.
func (w *Writer) Root(t time.Time) error {
	_, err := w.Add(Element{ID: RootID, Type: RootID, Data: w.Meta().Target, Source: RootID, Generated: t})
	return err
}

// Add appends an element and returns its id. An empty ID is filled in
// ("e" and a sequence number); an empty Source means ROOT; a zero Generated
// means now; zero Confidence and Visibility mean the default 100 (use
// AddExact to write a real 0).
func (w *Writer) Add(e Element) (string, error) {
	if e.Confidence == 0 {
		e.Confidence = 100
	}
	if e.Visibility == 0 {
		e.Visibility = 100
	}
	return w.AddExact(e)
}

// AddExact is Add without the defaults for Confidence and Visibility: they
// are written as given, 0 included. Importers that carry a scanner's own
// values use it.
func (w *Writer) AddExact(e Element) (string, error) {
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
		e.Source = RootID
	}
	if e.Generated.IsZero() {
		e.Generated = time.Now()
	}
	w.buf = AppendElementJSON(w.buf[:0], &e)
	return e.ID, w.elems.add(w.buf)
}

// Log appends a log line at time t (now when zero).
func (w *Writer) Log(t time.Time, level, component, message string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if t.IsZero() {
		t = time.Now()
	}
	b := append(w.buf[:0], `{"time":`...)
	b = jsonw.String(b, t.UTC().Format(timeLayout))
	b = append(b, `,"level":`...)
	b = jsonw.String(b, level)
	b = append(b, `,"component":`...)
	b = jsonw.String(b, component)
	b = append(b, `,"message":`...)
	b = jsonw.String(b, message)
	b = append(b, "}\n"...)
	w.buf = b
	return w.log.add(b)
}

// SetStatus records a status change: started is set when the scan starts
// running, ended when it reaches a final status. Buffered lines are flushed
// first, so a reader that sees FINISHED also sees every element.
func (w *Writer) SetStatus(status string, at time.Time) error {
	return w.UpdateMeta(func(m *Meta) {
		m.Status = status
		if at.IsZero() {
			at = time.Now().UTC()
		}
		switch status {
		case StatusStarting, StatusStarted, StatusRunning:
			if m.Started.IsZero() {
				m.Started = at
			}
		case StatusFinished, StatusAborted, StatusErrorFailed:
			if m.Started.IsZero() {
				m.Started = at
			}
			m.Ended = at
		}
	})
}

// UpdateMeta changes the metadata and rewrites scan.toml atomically, after
// flushing buffered lines. The id cannot change.
func (w *Writer) UpdateMeta(change func(*Meta)) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.flushLocked(); err != nil {
		return err
	}
	id := w.meta.ID
	change(&w.meta)
	w.meta.ID = id
	return w.writeMeta()
}

func (w *Writer) writeMeta() error {
	data, err := MarshalMeta(w.meta)
	if err != nil {
		return err
	}
	return writeAtomic(w.root, MetaFile, data, 0o644)
}

// WriteSettings replaces settings.toml atomically.
func (w *Writer) WriteSettings(s Settings) error {
	data, err := MarshalSettings(s)
	if err != nil {
		return err
	}
	return writeAtomic(w.root, SettingsFile, data, 0o644)
}

// WriteNotes replaces notes.md atomically.
func (w *Writer) WriteNotes(markdown string) error {
	return writeAtomic(w.root, NotesFile, []byte(markdown), 0o644)
}

// Flush writes buffered lines to the files.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

func (w *Writer) flushLocked() error {
	return errors.Join(w.elems.flush(), w.log.flush())
}

// Close flushes and closes the files.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := errors.Join(w.flushLocked(), w.elems.close(), w.log.close())
	if w.root != nil {
		w.root.Close()
		w.root = nil
	}
	return err
}

// AppendDecision appends one decision to review.jsonl of the scan at dir.
// Each decision is one write of one whole line. Like Writer, it follows no
// symbolic link (the scan directory and review.jsonl must be real).
func AppendDecision(dir string, d Decision) error {
	if d.Time.IsZero() {
		d.Time = time.Now().UTC()
	}
	line, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode decision: %w", err)
	}
	dir = filepath.Clean(dir)
	r, err := openScanDir(filepath.Dir(dir), filepath.Base(dir))
	if err != nil {
		return fmt.Errorf("append decision: %w", err)
	}
	defer r.Close()
	var lf lineFile
	if err := lf.open(r, dir, ReviewFile); err != nil {
		return err
	}
	if err := lf.add(append(line, '\n')); err != nil {
		lf.close()
		return err
	}
	return errors.Join(lf.flush(), lf.close())
}

// lineFile buffers whole lines and appends them with one write per flush.
type lineFile struct {
	f     *os.File
	path  string
	buf   []byte
	lines int // complete lines found when opened
}

func (l *lineFile) open(r *os.Root, dir, name string) error {
	path := filepath.Join(dir, name)
	f, err := openNoFollow(r, name, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	l.f, l.path = f, path
	// Count existing lines and close off a line cut short by a crash, so the
	// next line does not glue onto it.
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("stat %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return fmt.Errorf("open %s: not a regular file", path)
	}
	if st.Size() > 0 {
		pos, err := scanLines(io.NewSectionReader(f, 0, st.Size()), Position{}, -1, func([]byte, int, bool) error { return nil })
		if err != nil {
			f.Close()
			return fmt.Errorf("read %s: %w", path, err)
		}
		l.lines = pos.Line
		if pos.Offset < st.Size() {
			l.buf = append(l.buf, '\n')
		}
	}
	return nil
}

func (l *lineFile) add(line []byte) error {
	l.buf = append(l.buf, line...)
	if len(l.buf) >= FlushSize {
		return l.flush()
	}
	return nil
}

func (l *lineFile) flush() error {
	if len(l.buf) == 0 || l.f == nil {
		return nil
	}
	if _, err := l.f.Write(l.buf); err != nil {
		return fmt.Errorf("append to %s: %w", l.path, err)
	}
	l.buf = l.buf[:0]
	return nil
}

func (l *lineFile) close() error {
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	if err != nil && !errors.Is(err, fs.ErrClosed) {
		return fmt.Errorf("close %s: %w", l.path, err)
	}
	return nil
}

// timeLayout is RFC 3339 with milliseconds, the form written for times.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// AppendElementJSON appends e as one elements.jsonl line, newline included.
// Default confidence, visibility and risk are left out.
func AppendElementJSON(b []byte, e *Element) []byte {
	b = append(b, `{"id":`...)
	b = jsonw.String(b, e.ID)
	b = append(b, `,"type":`...)
	b = jsonw.String(b, e.Type)
	b = append(b, `,"data":`...)
	b = jsonw.String(b, e.Data)
	b = append(b, `,"source":`...)
	b = jsonw.String(b, e.Source)
	b = append(b, `,"module":`...)
	b = jsonw.String(b, e.Module)
	b = append(b, `,"generated":"`...)
	b = e.Generated.UTC().AppendFormat(b, timeLayout)
	b = append(b, '"')
	if e.Confidence != 100 {
		b = append(b, `,"confidence":`...)
		b = strconv.AppendInt(b, int64(e.Confidence), 10)
	}
	if e.Visibility != 100 {
		b = append(b, `,"visibility":`...)
		b = strconv.AppendInt(b, int64(e.Visibility), 10)
	}
	if e.Risk != 0 {
		b = append(b, `,"risk":`...)
		b = strconv.AppendInt(b, int64(e.Risk), 10)
	}
	if e.Link != "" {
		b = append(b, `,"link":`...)
		b = jsonw.String(b, e.Link)
	}
	return append(b, "}\n"...)
}
