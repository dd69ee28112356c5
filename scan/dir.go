package scan

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// The files of a scan directory.
const (
	MetaFile     = "scan.toml"
	ElementsFile = "elements.jsonl"
	LogFile      = "log.jsonl"
	SettingsFile = "settings.toml"
	ReviewFile   = "review.jsonl"
	NotesFile    = "notes.md"
)

// MaxNotes is the largest notes.md read (1 MiB); the rest is cut off.
const MaxNotes = 1 << 20

// Root is an opened scans root: the folder holding one directory per scan.
// Every file is opened through os.Root, so a symlink that leads outside the
// scans root is refused instead of followed.
type Root struct {
	path string
	root *os.Root
}

// OpenRoot opens the scans root at path.
func OpenRoot(path string) (*Root, error) {
	r, err := os.OpenRoot(path)
	if err != nil {
		return nil, fmt.Errorf("open scans root: %w", err)
	}
	return &Root{path: path, root: r}, nil
}

// Path is the scans root as given to OpenRoot.
func (r *Root) Path() string { return r.path }

// Close releases the root.
func (r *Root) Close() error { return r.root.Close() }

// List returns the ids of the scan directories, sorted. Entries that cannot
// be scans are reported: names that are not valid scan ids and symlinks
// leading outside the root. Hidden entries and plain files are passed over.
func (r *Root) List(report Reporter) ([]string, error) {
	entries, err := os.ReadDir(r.path)
	if err != nil {
		return nil, fmt.Errorf("list scans root: %w", err)
	}
	var ids []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := r.root.Stat(name) // follows the link, inside the root only
			if err != nil {
				report.report(Problem{File: name, Severity: Error, Kind: KindSymlink,
					Text: "symlink refused: it leads outside the scans root or nowhere"})
				continue
			}
			isDir = st.IsDir()
		}
		if !isDir {
			continue
		}
		if err := ValidID(name); err != nil {
			report.report(Problem{File: strconv.QuoteToASCII(name), Severity: Error, Kind: KindScanID,
				Text: "directory refused: " + err.Error()})
			continue
		}
		ids = append(ids, name)
	}
	sort.Strings(ids)
	return ids, nil
}

// Dir is one scan directory.
type Dir struct {
	ID   string
	root *os.Root
	// OnRead, when set, is told how many bytes each read of an append-only
	// file took in (for progress bars).
	OnRead func(n int)
	// Final says the scan will not grow any more (its status is final):
	// a last line of elements.jsonl or log.jsonl without its newline is
	// then read as a line (an element if it is a complete object, a
	// problem naming its line if not) instead of being left for a writer
	// to finish. review.jsonl, which grows after a scan ends, is not
	// concerned.
	Final bool
}

// Open opens the scan directory id.
func (r *Root) Open(id string) (*Dir, error) {
	if err := ValidID(id); err != nil {
		return nil, err
	}
	sub, err := r.root.OpenRoot(id)
	if err != nil {
		return nil, fmt.Errorf("open scan %s: %w", id, err)
	}
	return &Dir{ID: id, root: sub}, nil
}

// Close releases the directory.
func (d *Dir) Close() error { return d.root.Close() }

// Rel names a file of the directory in problems: "<id>/<name>".
func (d *Dir) Rel(name string) string { return d.ID + "/" + name }

// OpenFile opens one of the scan's files for reading. A missing file gives an
// error that satisfies errors.Is(err, fs.ErrNotExist); anything but a regular
// file (a FIFO, a device, a socket, a directory) gives ErrNotRegular.
//
// The file is checked before it is opened, because opening a FIFO for reading
// blocks until a writer comes, and no signal can interrupt that. It is opened
// non-blocking as well, so a file swapped for a FIFO between the check and the
// open does not block either, and checked again once open.
func (d *Dir) OpenFile(name string) (*os.File, error) {
	return OpenRegular(d.root, name, d.Rel(name))
}

// ErrNotRegular is returned for a scan file that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens the regular file name of root for reading without ever
// blocking on a FIFO (see Dir.OpenFile); rel names it in errors.
func OpenRegular(root *os.Root, name, rel string) (*os.File, error) {
	st, err := root.Stat(name) // follows a symlink, inside the root only
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(rel, st.Mode())
	}
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(rel, st.Mode())
	}
	return f, nil
}

func notRegular(rel string, m fs.FileMode) error {
	kind := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	case m.IsDir():
		kind = "a directory"
	}
	return fmt.Errorf("%s: %w: it is %s and is not read", rel, ErrNotRegular, kind)
}

// ReadSmall reads a small file whole, up to limit bytes. truncated is set when
// the file was longer.
func (d *Dir) ReadSmall(name string, limit int64) (data []byte, truncated bool, err error) {
	f, err := d.OpenFile(name)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", d.Rel(name), err)
	}
	if int64(len(data)) > limit {
		return data[:limit], true, nil
	}
	return data, false, nil
}

// Meta reads scan.toml.
func (d *Dir) Meta(report Reporter) (Meta, error) {
	data, _, err := d.ReadSmall(MetaFile, 1<<20)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Meta{}, fmt.Errorf("%s: missing: every scan directory needs one", d.Rel(MetaFile))
		}
		return Meta{}, classifyOpen(d.Rel(MetaFile), err)
	}
	return ParseMeta(data, d.ID, d.Rel(MetaFile), tagScan(report, d.ID))
}

// Settings reads settings.toml; a missing file gives empty settings.
func (d *Dir) Settings(report Reporter) (Settings, error) {
	data, _, err := d.ReadSmall(SettingsFile, 16<<20)
	if errors.Is(err, fs.ErrNotExist) {
		return Settings{}, nil
	}
	if err != nil {
		return Settings{}, classifyOpen(d.Rel(SettingsFile), err)
	}
	return ParseSettings(data, d.ID, d.Rel(SettingsFile), tagScan(report, d.ID))
}

// Notes reads notes.md; a missing file gives nil.
func (d *Dir) Notes(report Reporter) ([]byte, error) {
	data, truncated, err := d.ReadSmall(NotesFile, MaxNotes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, classifyOpen(d.Rel(NotesFile), err)
	}
	if truncated {
		report.report(Problem{Scan: d.ID, File: d.Rel(NotesFile), Severity: Warning, Kind: KindTooLong,
			Text: fmt.Sprintf("longer than %d KiB; the rest is not shown", MaxNotes>>10)})
	}
	return data, nil
}

// Elements reads elements.jsonl from pos. A missing file reads as empty.
func (d *Dir) Elements(from Position, report Reporter, fn ElementFunc) (Position, error) {
	return readFrom(d, ElementsFile, from, func(f io.Reader, file string) (Position, error) {
		return ReadElements(f, from, file, tagScan(report, d.ID), fn)
	})
}

// Log reads log.jsonl from pos. A missing file reads as empty.
func (d *Dir) Log(from Position, report Reporter, fn LogFunc) (Position, error) {
	return readFrom(d, LogFile, from, func(f io.Reader, file string) (Position, error) {
		return ReadLog(f, from, file, tagScan(report, d.ID), fn)
	})
}

// Review reads review.jsonl from pos. A missing file reads as empty.
func (d *Dir) Review(from Position, report Reporter, fn func(Decision, int) error) (Position, error) {
	return readFrom(d, ReviewFile, from, func(f io.Reader, file string) (Position, error) {
		return ReadReview(f, from, file, tagScan(report, d.ID), fn)
	})
}

// Size returns the size of one of the scan's files, 0 if it is missing.
func (d *Dir) Size(name string) (int64, error) {
	st, err := d.root.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, classifyOpen(d.Rel(name), err)
	}
	return st.Size(), nil
}

type countingReader struct {
	r  io.Reader
	fn func(int)
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.fn(n)
	}
	return n, err
}

func readFrom(d *Dir, name string, from Position, read func(io.Reader, string) (Position, error)) (Position, error) {
	f, err := d.OpenFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return from, nil
	}
	if err != nil {
		return from, classifyOpen(d.Rel(name), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return from, fmt.Errorf("read %s: %w", d.Rel(name), err)
	}
	if from.Offset > 0 && from.file != nil {
		// Another file in its place, or other bytes where the part already
		// read ended: not the file that was read, and not to be continued
		// at the old offset.
		if !os.SameFile(from.file, st) {
			return from, fmt.Errorf("%s: %w (another file)", d.Rel(name), ErrReplaced)
		}
		if st.Size() >= from.Offset && tailHash(f, from.Offset) != from.tail {
			return from, fmt.Errorf("%s: %w (the part already read changed)", d.Rel(name), ErrReplaced)
		}
	}
	if from.Offset > 0 {
		if _, err := f.Seek(from.Offset, io.SeekStart); err != nil {
			return from, fmt.Errorf("seek %s: %w", d.Rel(name), err)
		}
	}
	var r io.Reader = f
	if err == nil && st.Size()-from.Offset > readAheadMin {
		ra := newReadAhead(f)
		defer ra.Close()
		r = ra
	}
	if d.OnRead != nil {
		r = countingReader{r, d.OnRead}
	}
	// A finished scan's unterminated last line is a line: the reader is
	// given the newline it lacks, and the position stops at the file's
	// end (a newline appended later reads as a blank line).
	var size int64 = -1
	if d.Final && name != ReviewFile && err == nil && st.Size() > from.Offset && !endsWithNewline(f, st.Size()) {
		size = st.Size()
		r = io.MultiReader(io.LimitReader(r, size-from.Offset), strings.NewReader("\n"))
	}
	pos, err := read(r, d.Rel(name))
	if size >= 0 && pos.Offset > size {
		pos.Offset = size
	}
	if err != nil {
		return pos, fmt.Errorf("read %s: %w", d.Rel(name), err)
	}
	pos.file = st
	if pos.Offset != from.Offset || from.file == nil {
		pos.tail = tailHash(f, pos.Offset)
	}
	return pos, nil
}

// ErrReplaced means an append-only file is not the one read before (it was
// replaced, or rewritten in place): the scan must be read afresh.
var ErrReplaced = errors.New("the file was replaced")

// tailWindow is how much of the part already read is checked again.
const tailWindow = 4 << 10

// tailHash hashes the tailWindow bytes before offset.
func tailHash(f *os.File, offset int64) [sha256.Size]byte {
	start := max(0, offset-tailWindow)
	buf := make([]byte, offset-start)
	n, _ := f.ReadAt(buf, start)
	return sha256.Sum256(buf[:n])
}

// endsWithNewline reports whether the file of size bytes ends with '\n'.
func endsWithNewline(f *os.File, size int64) bool {
	var b [1]byte
	n, err := f.ReadAt(b[:], size-1)
	return n == 1 && err == nil && b[0] == '\n'
}

// classifyOpen names an escape through a symlink for what it is.
func classifyOpen(file string, err error) error {
	if strings.Contains(err.Error(), "escapes from parent") || strings.Contains(err.Error(), "path escapes") {
		return fmt.Errorf("%s: symlink refused: it leads outside the scans root", file)
	}
	return err
}

func tagScan(report Reporter, id string) Reporter {
	if report == nil {
		return nil
	}
	return func(p Problem) {
		if p.Scan == "" {
			p.Scan = id
		}
		report(p)
	}
}

// DirPath returns the filesystem path of scan id under root.
func DirPath(root, id string) string { return filepath.Join(root, id) }
