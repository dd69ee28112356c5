package scanstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/internal/atomicfile"
	"github.com/scanreport/scanreport/scan"
)

// stateDir is the hidden folder of the mirror's cursors, inside the local
// scans root (readers and the watcher pass over hidden entries).
const stateDir = ".scanreport-mirror"

// MirrorOptions tune a Mirror. Zero values take the defaults in brackets.
type MirrorOptions struct {
	Name string // the bucket as the user named it, for messages

	// Interval is how often a RUNNING scan is looked at while it changes
	// (1 s); a scan that stays quiet is looked at less and less often, up
	// to MaxInterval (15 s). FinishedInterval is how often a finished scan
	// is looked at for a status change and review decisions (5 min), and
	// ListInterval how often the bucket is listed for new scans (10 s).
	Interval, MaxInterval, FinishedInterval, ListInterval time.Duration

	Jobs    int // segments downloaded at once when a scan has a backlog (8)
	Retries int // tries after the first for a transient failure (4)
	Logger  *slog.Logger
	// OnSync, when set, is called after each pass with the scans whose
	// local copy changed (the watcher sees the files change as well).
	OnSync func(changed []string)
}

func (o *MirrorOptions) defaults() {
	if o.Interval <= 0 {
		o.Interval = time.Second
	}
	if o.MaxInterval < o.Interval {
		o.MaxInterval = max(15*time.Second, o.Interval)
	}
	if o.FinishedInterval <= 0 {
		o.FinishedInterval = 5 * time.Minute
	}
	if o.ListInterval <= 0 {
		o.ListInterval = 10 * time.Second
	}
	if o.Jobs <= 0 {
		o.Jobs = 8
	}
	if o.Retries == 0 {
		o.Retries = 4
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Stats counts the requests a Mirror sent.
type Stats struct {
	Lists   atomic.Int64 // list requests (one per page)
	Reads   atomic.Int64 // object reads, found or not
	Missing atomic.Int64 // reads of a segment that is not there yet
	Writes  atomic.Int64 // review decisions sent up
	Bytes   atomic.Int64 // bytes downloaded
}

// Mirror keeps a local scans root in step with a bucket. Each scan's
// elements and log segments are downloaded once, in numeric order, and
// appended to elements.jsonl and log.jsonl; scan.toml, settings.toml and
// notes.md are replaced atomically when their object changes, scan.toml
// last (so a local reader that sees FINISHED has every segment); review
// decisions from the bucket are appended to review.jsonl, and decisions
// appended to the local review.jsonl (by serve or 'scanreport fp') are sent
// up as objects of their own.
//
// A segment becomes visible only once its object is whole (object writes
// are atomic), and a missing number is waited for, never skipped: the
// local files are always a prefix of the scan. A cursor per scan
// (Dir/.scanreport-mirror/<id>.json) records what was appended, so a
// restarted mirror continues where it was and cuts off anything it had
// half appended.
type Mirror struct {
	b     *blob.Bucket
	dir   string
	o     MirrorOptions
	r     retrier
	Stats Stats

	mu    sync.Mutex // one pass at a time
	scans map[string]*scanState
	// bad remembers names in the bucket that are not scan ids (warned once).
	bad map[string]bool
}

// scanState is what the mirror knows of one scan.
type scanState struct {
	c        cursor
	loaded   bool
	done     bool // status final
	next     time.Time
	nextFull time.Time
	wait     time.Duration
	// lastChange is when a pass last found something new: a scan that
	// changed within ten intervals is looked at every Interval, a quieter
	// one less and less often.
	lastChange time.Time
}

// cursor is what the local copy of a scan holds, saved after each pass.
type cursor struct {
	Elements     int               `json:"elements"`      // element segments appended
	ElementsSize int64             `json:"elements_size"` // elements.jsonl's size after them
	Log          int               `json:"log"`
	LogSize      int64             `json:"log_size"`
	Files        map[string]string `json:"files"`       // scan.toml, settings.toml, notes.md → the object's signature
	Review       []string          `json:"review"`      // review keys appended or sent, sorted
	ReviewSize   int64             `json:"review_size"` // review.jsonl's size after them
}

// NewMirror mirrors bucket b into the local folder dir (created if needed).
func NewMirror(b *blob.Bucket, dir string, o MirrorOptions) (*Mirror, error) {
	o.defaults()
	if err := os.MkdirAll(filepath.Join(dir, stateDir), 0o755); err != nil {
		return nil, fmt.Errorf("mirror folder: %w", err)
	}
	return &Mirror{b: b, dir: dir, o: o, r: retrier{name: o.Name, retries: o.Retries},
		scans: map[string]*scanState{}, bad: map[string]bool{}}, nil
}

// Dir is the local scans root the mirror fills.
func (m *Mirror) Dir() string { return m.dir }

// Sync brings every scan of the bucket into the local folder once, whole.
// Only a failure to list the bucket is returned; a scan that cannot be
// read is logged and left as it was (the others go on).
func (m *Mirror) Sync(ctx context.Context) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ids, err := m.listRoot(ctx)
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, id := range ids {
		st := m.state(id)
		ch, err := m.syncScan(ctx, id, st, true)
		m.schedule(st, time.Now(), ch, err) // a Follow after Sync does not look again at once
		if err != nil {
			if ctx.Err() != nil {
				return changed, ctx.Err()
			}
			m.o.Logger.Warn("scan not mirrored", "scan", id, "err", err)
			continue
		}
		if ch {
			changed = append(changed, id)
		}
	}
	m.removeGone(ids)
	return changed, nil
}

// Follow keeps the local folder in step until ctx ends: RUNNING scans are
// looked at every Interval (backing off to MaxInterval while they are
// quiet), finished scans every FinishedInterval, the bucket's list of scans
// every ListInterval. Errors are logged and retried with backoff; Follow
// returns only when ctx ends.
func (m *Mirror) Follow(ctx context.Context) error {
	nextList := time.Time{}
	listWait := m.o.ListInterval
	for {
		now := time.Now()
		m.mu.Lock()
		if !now.Before(nextList) {
			ids, err := m.listRoot(ctx)
			if err != nil {
				if ctx.Err() != nil {
					m.mu.Unlock()
					return nil
				}
				m.o.Logger.Warn("cannot list the scans in the bucket", "err", err)
				listWait = min(listWait*2, 5*time.Minute)
			} else {
				listWait = m.o.ListInterval
				for _, id := range ids {
					m.state(id)
				}
				m.removeGone(ids)
			}
			nextList = now.Add(listWait)
		}
		var changed []string
		for _, id := range m.sortedIDs() {
			st := m.scans[id]
			if now.Before(st.next) {
				// Not due: only send up decisions made here since (a stat
				// when there are none).
				if st.loaded {
					if pushed, err := m.pushReview(ctx, id, filepath.Join(m.dir, id), st); err != nil {
						m.o.Logger.Warn("review decisions not sent", "scan", id, "err", err)
					} else if pushed {
						if err := m.save(id, &st.c); err != nil {
							m.o.Logger.Warn("mirror cursor not saved", "scan", id, "err", err)
						}
					}
				}
				continue
			}
			// A finished scan's look is two lists (its files, its decisions);
			// the segment folders are listed again only when it reopens.
			full := !st.loaded || (!st.done && !now.Before(st.nextFull))
			ch, err := m.syncScan(ctx, id, st, full)
			if ctx.Err() != nil {
				m.mu.Unlock()
				return nil
			}
			m.schedule(st, now, ch, err)
			if err != nil {
				m.o.Logger.Warn("scan not mirrored", "scan", id, "err", err, "retry_in", st.wait)
			}
			if ch {
				changed = append(changed, id)
			}
		}
		// Wake at least every Interval: decisions made here go up at once.
		wake := nextList
		if soon := now.Add(m.o.Interval); soon.Before(wake) {
			wake = soon
		}
		for _, st := range m.scans {
			if st.next.Before(wake) {
				wake = st.next
			}
		}
		m.mu.Unlock()
		if len(changed) > 0 && m.o.OnSync != nil {
			m.o.OnSync(changed)
		}
		t := time.NewTimer(max(time.Until(wake), 10*time.Millisecond))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// schedule sets when a scan is looked at next.
func (m *Mirror) schedule(st *scanState, now time.Time, changed bool, err error) {
	switch {
	case err != nil:
		st.wait = min(max(st.wait*2, m.o.Interval), m.o.MaxInterval)
	case st.done:
		st.wait = m.o.FinishedInterval
	case changed:
		st.wait = m.o.Interval
		st.lastChange = now
	case now.Sub(st.lastChange) < 10*m.o.Interval:
		st.wait = m.o.Interval // changed lately: keep looking often
	default:
		st.wait = min(max(st.wait*2, m.o.Interval), m.o.MaxInterval)
	}
	st.next = now.Add(st.wait)
}

func (m *Mirror) sortedIDs() []string {
	ids := make([]string, 0, len(m.scans))
	for id := range m.scans {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// state returns (and creates) the state of a scan.
func (m *Mirror) state(id string) *scanState {
	st := m.scans[id]
	if st == nil {
		st = &scanState{}
		m.scans[id] = st
	}
	return st
}

// removeGone drops the local copy of scans the bucket no longer lists
// (deleted there): those in memory and those a cursor file says an earlier
// run mirrored. Folders the mirror did not make are left alone.
func (m *Mirror) removeGone(ids []string) {
	gone := map[string]bool{}
	for id := range m.scans {
		gone[id] = true
	}
	if entries, err := os.ReadDir(filepath.Join(m.dir, stateDir)); err == nil {
		for _, e := range entries {
			if id, ok := strings.CutSuffix(e.Name(), ".json"); ok && scan.ValidID(id) == nil {
				gone[id] = true
			}
		}
	}
	for id := range gone {
		if _, found := slices.BinarySearch(ids, id); found {
			continue
		}
		delete(m.scans, id)
		m.o.Logger.Info("scan gone from the bucket: removing its local copy", "scan", id)
		_ = os.RemoveAll(filepath.Join(m.dir, id))
		_ = os.Remove(m.cursorPath(id))
	}
}

// listRoot lists the scan ids in the bucket (its "folders"), sorted.
func (m *Mirror) listRoot(ctx context.Context) ([]string, error) {
	var ids []string
	err := m.r.do(ctx, "list", "", func() error {
		ids = ids[:0]
		it := m.b.List(&blob.ListOptions{Delimiter: "/"})
		m.Stats.Lists.Add(1)
		n := 0
		for {
			o, err := it.Next(ctx)
			if errors.Is(err, ioEOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if n++; n%1000 == 0 {
				m.Stats.Lists.Add(1)
			}
			if !o.IsDir {
				continue
			}
			id := strings.TrimSuffix(o.Key, "/")
			if err := scan.ValidID(id); err != nil {
				if !m.bad[id] && !strings.HasPrefix(id, ".") {
					m.bad[id] = true
					m.o.Logger.Warn("passed over: not a scan id", "key", strconv.QuoteToASCII(o.Key), "err", err)
				}
				continue
			}
			ids = append(ids, id)
		}
	})
	slices.Sort(ids)
	return ids, err
}

// listKeys lists the objects under prefix: key → signature.
func (m *Mirror) listKeys(ctx context.Context, prefix, delim string) (map[string]string, error) {
	var out map[string]string
	err := m.r.do(ctx, "list", prefix, func() error {
		out = map[string]string{}
		it := m.b.List(&blob.ListOptions{Prefix: prefix, Delimiter: delim})
		m.Stats.Lists.Add(1)
		n := 0
		for {
			o, err := it.Next(ctx)
			if errors.Is(err, ioEOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if n++; n%1000 == 0 {
				m.Stats.Lists.Add(1)
			}
			if o.IsDir {
				continue
			}
			out[o.Key[len(prefix):]] = fmt.Sprintf("%d/%d/%x", o.Size, o.ModTime.UnixNano(), o.MD5)
		}
	})
	return out, err
}

// read reads one object; found is false when it is not there.
func (m *Mirror) read(ctx context.Context, key string) (data []byte, found bool, err error) {
	err = m.r.do(ctx, "read", key, func() error {
		m.Stats.Reads.Add(1)
		var err error
		data, err = m.b.ReadAll(ctx, key)
		if err != nil && missingObject(err) {
			found = false
			return nil
		}
		found = err == nil
		return err
	})
	if found {
		m.Stats.Bytes.Add(int64(len(data)))
	}
	return data, found, err
}

func (m *Mirror) cursorPath(id string) string {
	return filepath.Join(m.dir, stateDir, id+".json")
}

// load reads a scan's cursor and makes the local files agree with it: a
// file longer than the cursor says was cut off mid-append by a crash and
// is truncated; a file shorter than it (the cache was cleared) starts over.
func (m *Mirror) load(id string, st *scanState) error {
	st.loaded = true
	st.c = cursor{}
	if data, err := os.ReadFile(m.cursorPath(id)); err == nil {
		if err := json.Unmarshal(data, &st.c); err != nil {
			m.o.Logger.Warn("mirror cursor unreadable: the scan is downloaded again", "scan", id, "err", err)
			st.c = cursor{}
		}
	}
	dir := filepath.Join(m.dir, id)
	fix := func(name string, n *int, size *int64) error {
		p := filepath.Join(dir, name)
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			*n, *size = 0, 0
			return nil
		case err != nil:
			return err
		case !fi.Mode().IsRegular():
			return fmt.Errorf("mirror %s: %s is not a regular file", id, p)
		case fi.Size() < *size:
			*n, *size = 0, 0
			return os.Truncate(p, 0)
		case fi.Size() > *size:
			return os.Truncate(p, *size)
		}
		return nil
	}
	if err := fix(scan.ElementsFile, &st.c.Elements, &st.c.ElementsSize); err != nil {
		return err
	}
	if err := fix(scan.LogFile, &st.c.Log, &st.c.LogSize); err != nil {
		return err
	}
	if st.c.Files == nil {
		st.c.Files = map[string]string{}
	}
	if fi, err := os.Lstat(filepath.Join(dir, scan.ReviewFile)); err != nil || fi.Size() < st.c.ReviewSize {
		st.c.Review, st.c.ReviewSize = nil, 0 // review.jsonl was removed: every decision again
		_ = os.Remove(filepath.Join(dir, scan.ReviewFile))
	}
	// A missing scan.toml is written again.
	if _, err := os.Lstat(filepath.Join(dir, scan.MetaFile)); err != nil {
		delete(st.c.Files, scan.MetaFile)
	}
	return nil
}

func (m *Mirror) save(id string, c *cursor) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return atomicfile.Write(m.cursorPath(id), data, 0o644)
}

// syncScan brings one scan up to date. full lists the segment folders (to
// download a backlog in parallel and to notice a gap) and the review
// decisions; otherwise only the next segment of each stream is asked for.
func (m *Mirror) syncScan(ctx context.Context, id string, st *scanState, full bool) (changed bool, err error) {
	if !st.loaded {
		if err := m.load(id, st); err != nil {
			return false, err
		}
	}
	before := st.c
	before.Review = slices.Clone(st.c.Review)
	dir := filepath.Join(m.dir, id)
	defer func() {
		if changed || st.c.ElementsSize != before.ElementsSize || st.c.LogSize != before.LogSize || st.c.ReviewSize != before.ReviewSize {
			if serr := m.save(id, &st.c); serr != nil && err == nil {
				err = serr
			}
		}
	}()
	top, err := m.listKeys(ctx, id+"/", "/")
	if err != nil {
		return false, err
	}
	metaSig, ok := top[scan.MetaFile]
	if !ok {
		return false, nil // not a scan yet (or no longer): no local folder either
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("mirror %s: %w", id, err)
	}
	var metaData []byte
	if metaSig != st.c.Files[scan.MetaFile] {
		data, found, err := m.read(ctx, FileKey(id, scan.MetaFile))
		if err != nil {
			return false, err
		}
		if found {
			metaData = data
			if meta, err := scan.ParseMeta(data, id, FileKey(id, scan.MetaFile), nil); err == nil {
				st.done = meta.Done()
			}
			full = full || !st.done
		}
	}
	if st.done && !full && metaData == nil {
		// A finished scan that did not change: only its review decisions.
		ch, err := m.syncReview(ctx, id, dir, st)
		st.nextFull = time.Now().Add(m.o.FinishedInterval)
		return ch, err
	}
	for _, s := range []struct {
		dir, file string
		n         *int
		size      *int64
	}{{ElementsDir, scan.ElementsFile, &st.c.Elements, &st.c.ElementsSize}, {LogDir, scan.LogFile, &st.c.Log, &st.c.LogSize}} {
		ch, err := m.pull(ctx, id, s.dir, filepath.Join(dir, s.file), s.n, s.size, full)
		changed = changed || ch
		if err != nil {
			return changed, err
		}
	}
	for _, name := range wholeFiles {
		sig, there := top[name]
		if sig == st.c.Files[name] {
			continue
		}
		p := filepath.Join(dir, name)
		if !there {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return changed, err
			}
			delete(st.c.Files, name)
			changed = true
			continue
		}
		data, found, err := m.read(ctx, FileKey(id, name))
		if err != nil {
			return changed, err
		}
		if !found {
			continue
		}
		if err := atomicfile.Write(p, data, 0o644); err != nil {
			return changed, err
		}
		st.c.Files[name] = sig
		changed = true
	}
	if full {
		ch, err := m.syncReview(ctx, id, dir, st)
		changed = changed || ch
		if err != nil {
			return changed, err
		}
		st.nextFull = time.Now().Add(m.o.FinishedInterval)
	} else if ch, err := m.pushReview(ctx, id, dir, st); err != nil {
		return changed, err
	} else {
		changed = changed || ch
	}
	if metaData != nil {
		if err := atomicfile.Write(filepath.Join(dir, scan.MetaFile), metaData, 0o644); err != nil {
			return changed, err
		}
		st.c.Files[scan.MetaFile] = metaSig
		changed = true
	}
	return changed, nil
}

// pull appends the segments after *n to the local file. With full it lists
// the folder first and downloads the run of consecutive segments that are
// there with Jobs requests at once; then it asks for the next numbers one
// by one until one is not there yet.
func (m *Mirror) pull(ctx context.Context, id, sdir, path string, n *int, size *int64, full bool) (bool, error) {
	var f *os.File
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	appendSeg := func(data []byte) error {
		if f == nil {
			var err error
			f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
			if err != nil {
				return fmt.Errorf("mirror: %w", err)
			}
		}
		if len(data) > 0 && data[len(data)-1] != '\n' {
			data = append(data, '\n') // a segment always ends its last line
		}
		if _, err := f.Write(data); err != nil {
			return fmt.Errorf("mirror: append to %s: %w", path, err)
		}
		*n++
		*size += int64(len(data))
		return nil
	}
	changed := false
	if full {
		prefix := id + "/" + sdir + "/"
		keys, err := m.listKeys(ctx, prefix, "")
		if err != nil {
			return false, err
		}
		there := map[int]bool{}
		highest := 0
		for k := range keys {
			if num, ok := segmentNumber(k); ok {
				there[num] = true
				highest = max(highest, num)
			}
		}
		last := *n
		for there[last+1] {
			last++
		}
		if highest > last+1 {
			m.o.Logger.Warn("segment missing: the segments after it wait for it", "key", SegmentKey(id, sdir, last+1), "waiting", highest-last-1)
		}
		if last > *n {
			err := m.fetchRun(ctx, id, sdir, *n+1, last, appendSeg)
			changed = true
			if err != nil {
				return changed, err
			}
		}
	}
	for {
		data, found, err := m.read(ctx, SegmentKey(id, sdir, *n+1))
		if err != nil {
			return changed, err
		}
		if !found {
			m.Stats.Missing.Add(1)
			return changed, nil
		}
		if err := appendSeg(data); err != nil {
			return changed, err
		}
		changed = true
	}
}

// fetchRun downloads segments from..to with Jobs requests at once and hands
// them to fn in order.
func (m *Mirror) fetchRun(ctx context.Context, id, sdir string, from, to int, fn func([]byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		data  []byte
		found bool
		err   error
	}
	pending := make([]chan result, 0, m.o.Jobs)
	next := from
	launch := func() {
		ch := make(chan result, 1)
		num := next
		next++
		pending = append(pending, ch)
		go func() {
			d, found, err := m.read(ctx, SegmentKey(id, sdir, num))
			ch <- result{d, found, err}
		}()
	}
	for next <= to && len(pending) < m.o.Jobs {
		launch()
	}
	for len(pending) > 0 {
		r := <-pending[0]
		pending = pending[1:]
		if r.err != nil {
			return r.err
		}
		if !r.found {
			return nil // gone since the listing: asked for again one by one
		}
		if err := fn(r.data); err != nil {
			return err
		}
		if next <= to {
			launch()
		}
	}
	return nil
}

// syncReview sends local decisions up, then appends the bucket's decisions
// that are not here yet, in key (time) order.
func (m *Mirror) syncReview(ctx context.Context, id, dir string, st *scanState) (bool, error) {
	changed, err := m.pushReview(ctx, id, dir, st)
	if err != nil {
		return changed, err
	}
	keys, err := m.listKeys(ctx, id+"/"+ReviewDir+"/", "")
	if err != nil {
		return changed, err
	}
	var fresh []string
	for k := range keys {
		full := id + "/" + ReviewDir + "/" + k
		if _, seen := slices.BinarySearch(st.c.Review, full); !seen && strings.HasSuffix(k, ".json") {
			fresh = append(fresh, full)
		}
	}
	if len(fresh) == 0 {
		return changed, nil
	}
	slices.Sort(fresh)
	var buf []byte
	for _, k := range fresh {
		data, found, err := m.read(ctx, k)
		if err != nil {
			return changed, err
		}
		if !found {
			continue
		}
		data = bytes.TrimRight(data, "\r\n")
		if bytes.IndexByte(data, '\n') >= 0 {
			m.o.Logger.Warn("review decision passed over: more than one line", "key", k)
		} else {
			buf = append(append(buf, data...), '\n')
		}
		st.c.Review = append(st.c.Review, k)
	}
	slices.Sort(st.c.Review)
	if len(buf) > 0 {
		f, err := os.OpenFile(filepath.Join(dir, scan.ReviewFile), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return changed, fmt.Errorf("mirror: %w", err)
		}
		_, werr := f.Write(buf)
		if err := errors.Join(werr, f.Close()); err != nil {
			return changed, fmt.Errorf("mirror: append decisions: %w", err)
		}
		st.c.ReviewSize += int64(len(buf))
		changed = true
	}
	return changed, nil
}

// pushReview sends the whole lines appended to the local review.jsonl
// since the cursor (decisions made on this machine) to the bucket, one
// object each.
func (m *Mirror) pushReview(ctx context.Context, id, dir string, st *scanState) (bool, error) {
	p := filepath.Join(dir, scan.ReviewFile)
	fi, err := os.Lstat(p)
	if err != nil || fi.Size() <= st.c.ReviewSize || !fi.Mode().IsRegular() {
		return false, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return false, fmt.Errorf("mirror: %w", err)
	}
	defer f.Close()
	data := make([]byte, fi.Size()-st.c.ReviewSize)
	if _, err := f.ReadAt(data, st.c.ReviewSize); err != nil {
		return false, fmt.Errorf("mirror: read %s: %w", p, err)
	}
	pushed := false
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return pushed, nil // the rest is a line still being written
		}
		line := data[:i+1]
		data = data[i+1:]
		var d scan.Decision
		t := time.Now()
		if json.Unmarshal(line, &d) == nil && !d.Time.IsZero() {
			t = d.Time
		}
		key, err := putDecision(ctx, m.b, m.r, id, t, line)
		if err != nil {
			return pushed, err
		}
		pushed = true
		m.Stats.Writes.Add(1)
		st.c.Review = append(st.c.Review, key)
		slices.Sort(st.c.Review)
		st.c.ReviewSize += int64(len(line))
	}
}
