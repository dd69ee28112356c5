// Package site writes the report folder. A build goes into a temporary
// folder beside the output and is swapped in whole when it is complete, so
// an interrupted build leaves the previous site as it was. Only the standard
// library (and x/sys for the atomic swap on Linux) is used.
package site

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as a site scanreport wrote; a
// folder without it is never replaced.
const Marker = ".scanreport-site"

// Build is a site being written.
type Build struct {
	out, tmp string
	mu       sync.Mutex
	dirs     map[string]bool
	files    int
	bytes    int64
	done     bool
}

// Start begins a build of the site at out. It refuses to replace a folder
// that holds files but was not written by scanreport, and it cleans up what
// an interrupted earlier build left behind.
func Start(out string) (*Build, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	if err := recoverLeftovers(parent, base, out); err != nil {
		return nil, err
	}
	if err := checkReplaceable(out); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".build-")
	if err != nil {
		return nil, fmt.Errorf("create build folder: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("create build folder: %w", err)
	}
	b := &Build{out: out, tmp: tmp, dirs: map[string]bool{".": true}}
	if err := b.Write(Marker, []byte("This folder is a report written by scanreport. `scanreport build` replaces it whole.\n")); err != nil {
		b.Abort()
		return nil, err
	}
	return b, nil
}

// recoverLeftovers removes unfinished builds and, when a swap was cut short
// after the old site was moved aside, puts the old site back.
func recoverLeftovers(parent, base, out string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("read output parent: %w", err)
	}
	var olds []string
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, "."+base+".build-"):
			os.RemoveAll(filepath.Join(parent, name))
		case strings.HasPrefix(name, "."+base+".old-"):
			olds = append(olds, filepath.Join(parent, name))
		}
	}
	sort.Strings(olds)
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		if err := os.Rename(olds[len(olds)-1], out); err != nil {
			return fmt.Errorf("restore previous site: %w", err)
		}
		olds = olds[:len(olds)-1]
	}
	for _, o := range olds {
		os.RemoveAll(o)
	}
	return nil
}

func checkReplaceable(out string) error {
	st, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check output: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("output %s exists and is not a folder; refusing to replace it", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("check output: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("output %s holds files that scanreport did not write (no %s); refusing to replace it: choose another output folder or empty it", out, Marker)
	}
	return nil
}

// Write writes one file; rel is slash-separated and relative to the site
// root. It is safe for concurrent use.
func (b *Build) Write(rel string, data []byte) error {
	if err := b.checkRel(rel); err != nil {
		return err
	}
	if err := b.mkdir(path.Dir(rel)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(b.tmp, filepath.FromSlash(rel)), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	b.mu.Lock()
	b.files++
	b.bytes += int64(len(data))
	b.mu.Unlock()
	return nil
}

// WriteStream writes one file whose content fill streams to w (buffered),
// for files too large to hold in memory. It is safe for concurrent use.
func (b *Build) WriteStream(rel string, fill func(w io.Writer) error) error {
	if err := b.checkRel(rel); err != nil {
		return err
	}
	if err := b.mkdir(path.Dir(rel)); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(b.tmp, filepath.FromSlash(rel)))
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	cw := &countWriter{w: f}
	bw := bufio.NewWriterSize(cw, 256<<10)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	b.mu.Lock()
	b.files++
	b.bytes += cw.n
	b.mu.Unlock()
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (b *Build) checkRel(rel string) error { return checkRel(rel) }

// checkRel accepts only plain slash-separated paths inside the site.
func checkRel(rel string) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, "\\") || path.Clean(rel) != rel {
		return fmt.Errorf("refusing to write %q: not a plain path inside the site", rel)
	}
	return nil
}

func (b *Build) mkdir(dir string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(b.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	for d := dir; d != "." && !b.dirs[d]; d = path.Dir(d) {
		b.dirs[d] = true
	}
	return nil
}

// Files and Bytes count what was written.
func (b *Build) Files() int { b.mu.Lock(); defer b.mu.Unlock(); return b.files }

// Bytes is the total size of the files written.
func (b *Build) Bytes() int64 { b.mu.Lock(); defer b.mu.Unlock(); return b.bytes }

// Commit swaps the new site in for the old one.
func (b *Build) Commit() error {
	if b.done {
		return errors.New("build already finished")
	}
	b.done = true
	if err := swap(b.tmp, b.out); err != nil {
		os.RemoveAll(b.tmp)
		return err
	}
	return nil
}

// Abort throws the build away; the previous site stays.
func (b *Build) Abort() {
	if !b.done {
		b.done = true
		os.RemoveAll(b.tmp)
	}
}

// swapAside puts tmp at out by moving the old site aside first. Between the
// two renames there is no site at out; recoverLeftovers repairs a crash there.
func swapAside(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("move new site into place: %w", err)
		}
		return nil
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	old, err := os.MkdirTemp(parent, "."+base+".old-")
	if err != nil {
		return fmt.Errorf("swap the new site into place at %s: %w", out, err)
	}
	os.Remove(old)
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("move old site aside: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("move new site into place: %w", err)
	}
	os.RemoveAll(old)
	return nil
}

// Reuse puts the previous site's folder rel (a scan's folder, written by an
// earlier build from the same inputs) into this build unchanged: each file
// is hard-linked (copied where links fail), so reusing costs no rewriting.
// It returns false, with nothing added, when the previous site has no such
// folder. Files are never changed in place by scanreport (every update is
// write-beside-then-rename), so sharing them between the two sites is safe.
func (b *Build) Reuse(rel string) (bool, error) {
	if err := b.checkRel(rel); err != nil {
		return false, err
	}
	from := filepath.Join(b.out, filepath.FromSlash(rel))
	if fi, err := os.Lstat(from); err != nil || !fi.IsDir() {
		return false, nil
	}
	to := filepath.Join(b.tmp, filepath.FromSlash(rel))
	if err := b.mkdir(path.Dir(rel)); err != nil {
		return false, err
	}
	var files int
	var bytes int64
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, r)
		switch {
		case d.IsDir():
			return os.Mkdir(dst, 0o755)
		case d.Type().IsRegular():
			fi, err := d.Info()
			if err != nil {
				return err
			}
			if err := os.Link(p, dst); err != nil {
				if err := copyFile(p, dst); err != nil {
					return err
				}
			}
			files++
			bytes += fi.Size()
			return nil
		}
		return fmt.Errorf("%s is neither a file nor a folder", p)
	})
	if err != nil {
		os.RemoveAll(to)
		return false, fmt.Errorf("reuse %s from the previous site: %w", rel, err)
	}
	b.mu.Lock()
	b.files += files
	b.bytes += bytes
	b.dirs[rel] = true
	b.mu.Unlock()
	return true, nil
}

// Link puts the file at from (outside the build: a file of the previous
// site) into this build as rel, hard-linked (copied where links fail).
func (b *Build) Link(rel, from string) error {
	if err := b.checkRel(rel); err != nil {
		return err
	}
	if err := b.mkdir(path.Dir(rel)); err != nil {
		return err
	}
	fi, err := os.Stat(from)
	if err != nil {
		return fmt.Errorf("link %s: %w", rel, err)
	}
	to := filepath.Join(b.tmp, filepath.FromSlash(rel))
	if err := os.Link(from, to); err != nil {
		if err := copyFile(from, to); err != nil {
			return fmt.Errorf("link %s: %w", rel, err)
		}
	}
	b.mu.Lock()
	b.files++
	b.bytes += fi.Size()
	b.mu.Unlock()
	return nil
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// Previous is the site this build replaces ("" when there is none).
func (b *Build) Previous() string {
	if _, err := os.Stat(filepath.Join(b.out, Marker)); err != nil {
		return ""
	}
	return b.out
}

// CheckBuilt refuses a folder that is not a site scanreport built (one that
// holds Marker), so that a publish or a zip never takes a wrong folder.
func CheckBuilt(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("site folder: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("site folder %s is not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s is not a site built by scanreport (it has no %s): run `scanreport build` first, or name the site with --site", dir, Marker)
	} else if err != nil {
		return fmt.Errorf("site folder: %w", err)
	}
	return nil
}
