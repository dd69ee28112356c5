// Staging an import beside the scans root and swapping it in: the import
// marker, target checks, replacing a scan while keeping its analyst
// decisions.

package spiderfoot

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/scan"
)

// marker is the content of MarkerFile.
func marker(kind, source, key string) []byte {
	again := "importing the same scan again replaces it"
	if kind == "spiderfoot-stream" {
		again = "streaming into the same scan again appends to it"
	}
	return fmt.Appendf(nil, "# This scan directory was written by `scanreport import %s`; %s.\nsource = %s\nfile = %s\nscan = %s\n",
		kind, again, strconv.Quote(kind), strconv.Quote(source), strconv.Quote(key))
}

// imported reports whether dir was written by an import (it has the
// marker).
func imported(dir string) bool {
	st, err := os.Lstat(filepath.Join(dir, MarkerFile))
	return err == nil && st.Mode().IsRegular()
}

// markerOf reads the kind and scan key of a directory's marker.
func markerOf(dir string) (kind, key string) {
	data, err := os.ReadFile(filepath.Join(dir, MarkerFile))
	if err != nil {
		return "", ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, " = ")
		if !ok {
			continue
		}
		if u, err := strconv.Unquote(v); err == nil {
			v = u
		}
		switch k {
		case "source":
			kind = v
		case "scan":
			key = v
		}
	}
	return kind, key
}

// target is a scan directory an import is about to write: its id, the kind
// of import, the SpiderFoot scan (id or name) and the scan's target.
type target struct {
	id, kind, key, scanTarget string
}

// exportKinds are the imports of SpiderFoot's exports: one scan exported as
// CSV, Excel or JSON is the same scan, so one may replace another.
var exportKinds = map[string]bool{"spiderfoot-csv": true, "spiderfoot-xlsx": true, "spiderfoot-json": true}

// checkTargets refuses, before anything is written, to replace a scan
// directory that an import did not create, that an import of another
// SpiderFoot scan created (its id is the same only by a clash of names), or
// that holds a scan of another target. force overrides all three.
func checkTargets(root string, targets []target, force bool) error {
	var refused []string
	for _, t := range targets {
		if err := scan.ValidID(t.id); err != nil {
			return err
		}
		dir := scan.DirPath(root, t.id)
		if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) || force {
			continue
		}
		if !imported(dir) {
			refused = append(refused, t.id+" (not written by scanreport import: no "+MarkerFile+")")
			continue
		}
		kind, key := markerOf(dir)
		if (kind != t.kind && !(exportKinds[kind] && exportKinds[t.kind])) || key != t.key {
			refused = append(refused, fmt.Sprintf("%s (imported from %s scan %q, not %s scan %q)", t.id, kind, key, t.kind, t.key))
			continue
		}
		if old := targetOf(dir); t.scanTarget != "" && old != "" && old != t.scanTarget {
			refused = append(refused, fmt.Sprintf("%s (a scan of target %q, not %q)", t.id, old, t.scanTarget))
		}
	}
	if len(refused) > 0 {
		return fmt.Errorf("refusing to replace in %s: %s; use --force to replace, or choose another --out or --id", root, strings.Join(refused, "; "))
	}
	return nil
}

// targetOf reads the target of the scan in dir ("" when it cannot be read).
func targetOf(dir string) string {
	m, err := readMeta(dir)
	if err != nil {
		return ""
	}
	return m.Target
}

// readMeta reads the scan.toml of dir.
func readMeta(dir string) (scan.Meta, error) {
	data, err := os.ReadFile(filepath.Join(dir, scan.MetaFile))
	if err != nil {
		return scan.Meta{}, err
	}
	return scan.ParseMeta(data, filepath.Base(dir), filepath.Join(dir, scan.MetaFile), nil)
}

// staging is a temporary scans root inside the real one, hidden (its name
// starts with a dot, so scan lists pass over it), where a scan is written
// before it is renamed into place.
type staging struct {
	root, tmp string
}

func newStaging(root string) (*staging, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("create scans root: %w", err)
	}
	tmp, err := os.MkdirTemp(root, ".import-tmp-")
	if err != nil {
		return nil, fmt.Errorf("create staging folder: %w", err)
	}
	return &staging{root: root, tmp: tmp}, nil
}

// cleanup removes whatever is left in the staging folder.
func (s *staging) cleanup() { os.RemoveAll(s.tmp) }

// importOwned are the files an import writes. Everything else in a scan
// directory is the analyst's (notes.md, files put there by hand) and is
// kept when the scan is imported again; review.jsonl is both (the import
// writes SpiderFoot's false-positive flags, the analyst adds decisions) and
// is merged.
var importOwned = map[string]bool{
	scan.MetaFile: true, scan.ElementsFile: true, scan.LogFile: true, scan.SettingsFile: true,
	scan.ReviewFile: true, MarkerFile: true, CorrelationsFile: true, TypesFile: true,
}

// Replacement is what a re-import did to the directory it replaced.
type Replacement struct {
	OldName, OldTarget string
	OldElements        int
	Decisions          int      // the analyst's decisions carried over from review.jsonl
	Kept               []string // the analyst's other files carried over
}

// commit moves the staged scan id into the scans root, replacing an earlier
// import's directory (or any, with force). What the analyst added to the
// earlier directory is kept: their decisions in review.jsonl (every line not
// written by an import) follow the import's own, and every file an import
// does not write (notes.md …) is moved into the new directory. It returns
// what it replaced, or nil.
func (s *staging) commit(id string, force bool) (*Replacement, error) {
	src := filepath.Join(s.tmp, id)
	dst := scan.DirPath(s.root, id)
	if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(src, dst); err != nil {
			return nil, fmt.Errorf("move scan %s into place: %w", id, err)
		}
		return nil, nil
	}
	if !force && !imported(dst) {
		return nil, fmt.Errorf("refusing to replace %s: not written by scanreport import (no %s); use --force", dst, MarkerFile)
	}
	rep := &Replacement{OldElements: -1}
	if m, err := readMeta(dst); err == nil {
		rep.OldName, rep.OldTarget = m.Name, m.Target
	}
	rep.OldElements = countLines(filepath.Join(dst, scan.ElementsFile))
	n, err := mergeReview(filepath.Join(dst, scan.ReviewFile), filepath.Join(src, scan.ReviewFile))
	if err != nil {
		return nil, fmt.Errorf("scan %s: keep the analyst's decisions: %w", id, err)
	}
	rep.Decisions = n
	old := filepath.Join(s.tmp, ".old-"+id+"-"+randomSuffix())
	if err := os.Rename(dst, old); err != nil {
		return nil, fmt.Errorf("move the earlier %s aside: %w", id, err)
	}
	entries, err := os.ReadDir(old)
	if err != nil {
		return nil, s.putBack(id, old, dst, fmt.Errorf("read the earlier %s: %w", id, err))
	}
	for _, e := range entries {
		if importOwned[e.Name()] {
			continue
		}
		if err := os.Rename(filepath.Join(old, e.Name()), filepath.Join(src, e.Name())); err != nil {
			return nil, s.putBack(id, old, dst, fmt.Errorf("keep %s of %s: %w", e.Name(), id, err))
		}
		rep.Kept = append(rep.Kept, e.Name())
	}
	if err := os.Rename(src, dst); err != nil {
		return nil, s.putBack(id, old, dst, fmt.Errorf("move scan %s into place: %w", id, err))
	}
	os.RemoveAll(old)
	return rep, nil
}

// describe says what a re-import replaced and what it kept.
func (r *Replacement) describe() []string {
	old := fmt.Sprintf("replaced: the earlier import of %s (target %s", strconv.Quote(r.OldName), strconv.Quote(r.OldTarget))
	if r.OldElements >= 0 {
		old += fmt.Sprintf(", %s %s", numtext.Thousands(r.OldElements), plural(r.OldElements, "element", "elements"))
	}
	old += ")"
	kept := fmt.Sprintf("kept: %s analyst %s in %s", numtext.Thousands(r.Decisions), plural(r.Decisions, "decision", "decisions"), scan.ReviewFile)
	if len(r.Kept) > 0 {
		kept += ", " + strings.Join(r.Kept, ", ")
	}
	return []string{old, kept}
}

// putBack undoes a failed commit: the analyst's files go back into the
// earlier directory and it goes back into place.
func (s *staging) putBack(id, old, dst string, cause error) error {
	src := filepath.Join(s.tmp, id)
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if !importOwned[e.Name()] {
			os.Rename(filepath.Join(src, e.Name()), filepath.Join(old, e.Name()))
		}
	}
	if err := os.Rename(old, dst); err != nil {
		return fmt.Errorf("%w (and the earlier one could not be put back: %v; it is in %s)", cause, err, old)
	}
	return cause
}

// mergeReview appends to the new review.jsonl every line of the old one
// that an import did not write (the analyst's decisions, and lines it
// cannot read, which are kept as they are). It returns how many.
func mergeReview(oldPath, newPath string) (int, error) {
	data, err := os.ReadFile(oldPath)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var keep []byte
	n := 0
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var d struct {
			By string `json:"by"`
		}
		if json.Unmarshal(line, &d) == nil && d.By == ReviewBy {
			continue
		}
		if line[len(line)-1] != '\n' {
			line = append(line[:len(line):len(line)], '\n')
		}
		keep = append(keep, line...)
		n++
	}
	if n == 0 {
		return 0, nil
	}
	f, err := os.OpenFile(newPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return 0, err
	}
	if _, err := f.Write(keep); err != nil {
		f.Close()
		return 0, err
	}
	return n, f.Close()
}

// countLines counts the lines of a file (-1 when it cannot be read).
func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return -1
	}
	defer f.Close()
	n := 0
	buf := make([]byte, 64<<10)
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte("\n"))
		if err != nil {
			return n
		}
	}
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// writeFPDecisions records SpiderFoot's false-positive flags as fp-set
// decisions, at most 1000 elements to a line.
func writeFPDecisions(dir string, ids []string, at time.Time) error {
	for len(ids) > 0 {
		n := min(len(ids), 1000)
		if err := scan.AppendDecision(dir, scan.Decision{Time: at.UTC(), Op: scan.OpFPSet, Elements: ids[:n], By: ReviewBy}); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}
