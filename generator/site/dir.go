package site

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"

	"github.com/scanreport/scanreport/internal/atomicfile"
)

// Dir updates a built site in place, for the watch mode: each file is
// replaced atomically (written beside it, then renamed over it), so a
// browser or server never reads half a file; a file whose bytes did not
// change is not rewritten; and the paths that changed are collected so the
// preview server can tell open pages exactly what moved.
type Dir struct {
	root    string
	mu      sync.Mutex
	dirs    map[string]bool
	sums    map[string][sha256.Size]byte
	changed map[string]bool
}

// OpenDir opens the site at root for updates.
func OpenDir(root string) *Dir {
	return &Dir{root: root, dirs: map[string]bool{".": true}, sums: map[string][sha256.Size]byte{}, changed: map[string]bool{}}
}

// Root is the site folder.
func (d *Dir) Root() string { return d.root }

// Write replaces one file if its content changed. It is safe for
// concurrent use.
func (d *Dir) Write(rel string, data []byte) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	d.mu.Lock()
	old, known := d.sums[rel]
	d.mu.Unlock()
	if known && old == sum {
		return nil
	}
	if !known {
		// The first write after a build: compare with what is on disk.
		if cur, err := os.ReadFile(filepath.Join(d.root, filepath.FromSlash(rel))); err == nil && sha256.Sum256(cur) == sum {
			d.remember(rel, sum, false)
			return nil
		}
	}
	err := d.replace(rel, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	d.remember(rel, sum, true)
	return nil
}

// WriteStream replaces one file with what fill writes; it is always counted
// as changed (large files are not hashed).
func (d *Dir) WriteStream(rel string, fill func(w io.Writer) error) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	if err := d.replace(rel, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := fill(bw); err != nil {
			return err
		}
		return bw.Flush()
	}); err != nil {
		return err
	}
	d.mu.Lock()
	delete(d.sums, rel)
	d.changed[rel] = true
	d.mu.Unlock()
	return nil
}

// AppendStream replaces one file with its current bytes followed by what
// fill writes, atomically as WriteStream does (the copy is made beside it,
// by the kernel where it can: copy_file_range). It fails, changing
// nothing, when the file is not there.
func (d *Dir) AppendStream(rel string, fill func(w io.Writer) error) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	old, err := os.Open(filepath.Join(d.root, filepath.FromSlash(rel)))
	if err != nil {
		return fmt.Errorf("append to %s: %w", rel, err)
	}
	defer old.Close()
	if err := d.replace(rel, func(w io.Writer) error {
		if _, err := io.Copy(w, old); err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := fill(bw); err != nil {
			return err
		}
		return bw.Flush()
	}); err != nil {
		return err
	}
	d.mu.Lock()
	delete(d.sums, rel)
	d.changed[rel] = true
	d.mu.Unlock()
	return nil
}

func (d *Dir) remember(rel string, sum [sha256.Size]byte, changed bool) {
	d.mu.Lock()
	d.sums[rel] = sum
	if changed {
		d.changed[rel] = true
	}
	d.mu.Unlock()
}

func (d *Dir) replace(rel string, fill func(io.Writer) error) error {
	dir := path.Dir(rel)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	full := filepath.Join(d.root, filepath.FromSlash(rel))
	if !known {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	if err := atomicfile.WriteFunc(full, 0o644, fill); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// RemoveAll removes a file or folder of the site.
func (d *Dir) RemoveAll(rel string) error {
	if err := checkRel(rel); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(d.root, filepath.FromSlash(rel))); err != nil {
		return fmt.Errorf("remove %s: %w", rel, err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	prefix := rel + "/"
	for k := range d.sums {
		if k == rel || len(k) > len(prefix) && k[:len(prefix)] == prefix {
			delete(d.sums, k)
		}
	}
	for k := range d.dirs {
		if k == rel || len(k) > len(prefix) && k[:len(prefix)] == prefix {
			delete(d.dirs, k)
		}
	}
	d.changed[rel] = true
	return nil
}

// TakeChanged returns the paths written or removed since the last call,
// sorted.
func (d *Dir) TakeChanged() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]string, 0, len(d.changed))
	for k := range d.changed {
		out = append(out, k)
	}
	sort.Strings(out)
	d.changed = map[string]bool{}
	return out
}
