// Package watch reports which scan files changed under a scans root, in
// batches. It watches directories, not files (editors and scanners replace
// files by renaming, which would silently end a watch on the file), adds
// watches for scan directories as they appear, drops events that carry no
// change (chmod, editor temp files), and coalesces bursts: a batch goes out
// once events pause for Quiet, or MaxDelay after the first one, whichever
// comes first. When fsnotify cannot be used (no inotify, the watch limit) it
// polls instead. It knows nothing of what the files mean.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Change is what happened in one scan directory during a batch.
type Change struct {
	Scan  string          // the directory name (not checked here)
	Files map[string]bool // names of files created, written, renamed or removed in it
	Dir   bool            // the directory itself appeared, disappeared or was renamed
}

// Batch is a set of changes. Rescan says events were lost (the kernel queue
// overflowed) and everything must be looked at again. Other lists the
// watched files outside the scans root that changed (Options.Files).
type Batch struct {
	Changes []Change
	Other   []string
	Rescan  bool
}

// Options configure a Watcher.
type Options struct {
	Root     string        // the scans root
	Files    []string      // other files to watch, such as config.toml
	Dirs     []string      // other folders whose files are watched (one level), such as a templates folder
	Quiet    time.Duration // a batch goes out after this long without events (default 50 ms)
	MaxDelay time.Duration // and at the latest this long after its first event (default 150 ms)
	Poll     time.Duration // poll at this interval instead of using fsnotify (0: fsnotify)
	// Ready, if set, is called once every watch is in place (or the first
	// snapshot of polling is taken): a change after it is seen. After a
	// fallback from fsnotify to polling it is called again.
	Ready  func()
	Logger *slog.Logger
}

func (o *Options) defaults() {
	if o.Quiet <= 0 {
		o.Quiet = 50 * time.Millisecond
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = 150 * time.Millisecond
	}
	if o.MaxDelay < o.Quiet {
		o.MaxDelay = o.Quiet
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// ErrWatchLimit means the system allows no more inotify watches.
var ErrWatchLimit = errors.New("the system's inotify watch limit is reached (raise fs.inotify.max_user_watches, e.g. `sudo sysctl fs.inotify.max_user_watches=524288`, or use --poll)")

// Run watches until ctx ends, sending batches to out. It returns the error
// that stopped it (nil when ctx ended). If fsnotify cannot start or hits the
// watch limit, Run says so through the logger and polls instead.
func Run(ctx context.Context, o Options, out chan<- Batch) error {
	o.defaults()
	if o.Poll > 0 {
		return poll(ctx, o, out)
	}
	err := notify(ctx, o, out)
	if errors.Is(err, ErrWatchLimit) || errors.Is(err, errNoNotify) {
		o.Logger.Warn("falling back to polling every second", "reason", err)
		o.Poll = time.Second
		return poll(ctx, o, out)
	}
	return err
}

var errNoNotify = errors.New("fsnotify is not available")

// ignored reports names that are never worth a rebuild: editors' and
// tools' temporary and backup files.
func ignored(name string) bool {
	switch {
	case name == "", strings.HasPrefix(name, ".") && name != ".", strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), name == "4913":
		return true
	}
	for _, suf := range []string{".swp", ".swx", ".swo", ".bck", ".tmp", ".part", ".crdownload"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return strings.Contains(name, ".goutputstream") || strings.Contains(name, "jb_old___") || strings.Contains(name, "jb_tmp___")
}

// pending collects events into a batch.
type pending struct {
	root    string
	files   map[string]bool // watched extra files
	dirs    map[string]bool // watched extra folders
	changes map[string]*Change
	other   map[string]bool
	rescan  bool
	first   time.Time
}

func newPending(o Options) *pending {
	p := &pending{root: filepath.Clean(o.Root), files: map[string]bool{}, dirs: map[string]bool{}}
	for _, f := range o.Files {
		p.files[filepath.Clean(f)] = true
	}
	for _, d := range o.Dirs {
		p.dirs[filepath.Clean(d)] = true
	}
	p.reset()
	return p
}

func (p *pending) reset() {
	p.changes, p.other, p.rescan, p.first = map[string]*Change{}, map[string]bool{}, false, time.Time{}
}

func (p *pending) empty() bool { return len(p.changes) == 0 && len(p.other) == 0 && !p.rescan }

// add records a change to path; it returns the scan directory when the
// event says a directory appeared at the top level (it needs a watch).
func (p *pending) add(path string, now time.Time) {
	path = filepath.Clean(path)
	if p.files[path] || p.dirs[filepath.Dir(path)] && !ignored(filepath.Base(path)) {
		p.other[path] = true
		p.mark(now)
		return
	}
	rel, err := filepath.Rel(p.root, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if ignored(parts[0]) || len(parts) > 2 {
		return
	}
	c := p.changes[parts[0]]
	if c == nil {
		c = &Change{Scan: parts[0], Files: map[string]bool{}}
		p.changes[parts[0]] = c
	}
	if len(parts) == 1 {
		c.Dir = true
	} else if ignored(parts[1]) {
		if len(c.Files) == 0 && !c.Dir {
			delete(p.changes, parts[0])
		}
		return
	} else {
		c.Files[parts[1]] = true
	}
	p.mark(now)
}

func (p *pending) mark(now time.Time) {
	if p.first.IsZero() {
		p.first = now
	}
}

func (p *pending) batch() Batch {
	var b Batch
	for _, c := range p.changes {
		b.Changes = append(b.Changes, *c)
	}
	sort.Slice(b.Changes, func(i, j int) bool { return b.Changes[i].Scan < b.Changes[j].Scan })
	for f := range p.other {
		b.Other = append(b.Other, f)
	}
	sort.Strings(b.Other)
	b.Rescan = p.rescan
	p.reset()
	return b
}

func notify(ctx context.Context, o Options, out chan<- Batch) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		if isLimit(err) {
			return ErrWatchLimit
		}
		return fmt.Errorf("%w: %v", errNoNotify, err)
	}
	defer w.Close()
	addDir := func(dir string) error {
		if err := w.Add(dir); err != nil {
			if isLimit(err) {
				return ErrWatchLimit
			}
			return fmt.Errorf("watch %s: %w", dir, err)
		}
		return nil
	}
	if err := addDir(o.Root); err != nil {
		return err
	}
	watchScans := func() error {
		entries, err := os.ReadDir(o.Root)
		if err != nil {
			return fmt.Errorf("read scans root: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() && !ignored(e.Name()) {
				if err := addDir(filepath.Join(o.Root, e.Name())); err != nil {
					if errors.Is(err, ErrWatchLimit) {
						return err
					}
					o.Logger.Warn("cannot watch scan directory", "dir", e.Name(), "err", err)
				}
			}
		}
		return nil
	}
	if err := watchScans(); err != nil {
		return err
	}
	// Extra files are watched through their folders, for the same reason.
	dirs := map[string]bool{}
	for _, f := range o.Files {
		dirs[filepath.Dir(filepath.Clean(f))] = true
	}
	for _, d := range o.Dirs {
		dirs[filepath.Clean(d)] = true
	}
	for d := range dirs {
		if filepath.Clean(d) != filepath.Clean(o.Root) {
			if err := addDir(d); err != nil {
				return err
			}
		}
	}

	if o.Ready != nil {
		o.Ready()
	}
	p := newPending(o)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() bool {
		if p.empty() {
			return true
		}
		select {
		case out <- p.batch():
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				p.rescan = true
				p.mark(time.Now())
				timer.Reset(o.Quiet)
				continue
			}
			o.Logger.Warn("watch error", "err", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			now := time.Now()
			p.add(ev.Name, now)
			// A new directory at the top level (created or renamed into
			// the root) needs its own watch; files already inside it
			// count as changed, since their events came before the watch.
			if ev.Op.Has(fsnotify.Create) && filepath.Dir(filepath.Clean(ev.Name)) == filepath.Clean(o.Root) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && !ignored(filepath.Base(ev.Name)) {
					if err := addDir(ev.Name); err != nil {
						if errors.Is(err, ErrWatchLimit) {
							return err
						}
						o.Logger.Warn("cannot watch new scan directory", "dir", ev.Name, "err", err)
					}
					if entries, err := os.ReadDir(ev.Name); err == nil {
						for _, e := range entries {
							p.add(filepath.Join(ev.Name, e.Name()), now)
						}
					}
				}
			}
			if p.empty() {
				continue
			}
			wait := o.Quiet
			if left := o.MaxDelay - now.Sub(p.first); left < wait {
				wait = max(left, 0)
			}
			timer.Reset(wait)
		case <-timer.C:
			if !flush() {
				return nil
			}
		}
	}
}

func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE)
}

// fileState is what polling compares.
type fileState struct {
	size int64
	mod  time.Time
	dir  bool
}

func snapshot(o Options) map[string]fileState {
	m := map[string]fileState{}
	entries, err := os.ReadDir(o.Root)
	if err == nil {
		for _, e := range entries {
			if ignored(e.Name()) {
				continue
			}
			dir := filepath.Join(o.Root, e.Name())
			st, err := os.Stat(dir)
			if err != nil || !st.IsDir() {
				continue
			}
			m[dir] = fileState{dir: true}
			files, _ := os.ReadDir(dir)
			for _, f := range files {
				if info, err := f.Info(); err == nil && info.Mode().IsRegular() {
					m[filepath.Join(dir, f.Name())] = fileState{size: info.Size(), mod: info.ModTime()}
				}
			}
		}
	}
	for _, f := range o.Files {
		if info, err := os.Stat(f); err == nil {
			m[filepath.Clean(f)] = fileState{size: info.Size(), mod: info.ModTime()}
		}
	}
	for _, d := range o.Dirs {
		files, _ := os.ReadDir(d)
		for _, f := range files {
			if info, err := f.Info(); err == nil && info.Mode().IsRegular() && !ignored(f.Name()) {
				m[filepath.Join(filepath.Clean(d), f.Name())] = fileState{size: info.Size(), mod: info.ModTime()}
			}
		}
	}
	return m
}

func poll(ctx context.Context, o Options, out chan<- Batch) error {
	if _, err := os.Stat(o.Root); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("scans root: %w", err)
	}
	prev := snapshot(o)
	if o.Ready != nil {
		o.Ready()
	}
	tick := time.NewTicker(o.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		cur := snapshot(o)
		p := newPending(o)
		now := time.Now()
		for path, st := range cur {
			if old, ok := prev[path]; !ok || old != st {
				p.add(path, now)
			}
		}
		for path := range prev {
			if _, ok := cur[path]; !ok {
				p.add(path, now)
			}
		}
		prev = cur
		if !p.empty() {
			select {
			case out <- p.batch():
			case <-ctx.Done():
				return nil
			}
		}
	}
}
