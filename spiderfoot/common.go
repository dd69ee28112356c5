package spiderfoot

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/scan"
)

// MarkerFile marks a scan directory that an import created. Its content
// says where the scan came from. A re-import replaces a directory that has
// it; a directory without it is left alone unless Options.Force is set.
const MarkerFile = ".imported-from"

// CorrelationsFile holds the correlations SpiderFoot stored for a scan
// (database imports only). scanreport computes its own; this keeps
// SpiderFoot's.
const CorrelationsFile = "spiderfoot-correlations.json"

// TypesFile declares the element types of a scan that the built-in
// catalogue does not know (database imports of older SpiderFoot versions).
const TypesFile = scan.TypesFile

// ReviewBy is the "by" of the false-positive decisions an import writes.
const ReviewBy = "spiderfoot-import"

// rootModule is the module SpiderFoot gives the first events (the target).
const rootModule = "SpiderFoot UI"

// Options are what every import takes.
type Options struct {
	ScansRoot string   // where scan directories go
	Scans     []string // only these scans: ids or names (database), names (CSV, JSON); all when empty
	Force     bool     // replace a directory even if no import created it
	// Location is the time zone of the "YYYY-MM-DD HH:MM:SS" times in
	// exports and of the CLI's log lines: SpiderFoot writes server-local
	// time. Nil means UTC.
	Location *time.Location
	// Name names the scan of a single-scan CSV export (and the stream); ID,
	// when set, is its scan id instead of the one derived from the name.
	Name, ID string
	// Target is the scan target when the input does not say (CSV exports,
	// the CLI's csv and tab output). Empty means: work it out.
	Target string
	// Status is the status given to scans from exports, which do not say
	// (default FINISHED).
	Status string
	// Catalogue maps type descriptions to codes; nil loads the built-in one.
	Catalogue *eltypes.Catalogue
	// Source describes the input in the marker file and the summary (default:
	// the file name).
	Source string
}

func (o *Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func (o *Options) catalogue() *eltypes.Catalogue {
	if o.Catalogue == nil {
		o.Catalogue = eltypes.MustLoad()
	}
	return o.Catalogue
}

// Summary is what an import did.
type Summary struct {
	Source    string // what was imported
	ScansRoot string
	Scans     []ScanSummary
	// Skipped counts input that was not imported, by reason.
	Skipped map[string]int
	// Notes counts input that was imported but had to be guessed at or
	// repaired, by what was done.
	Notes   map[string]int
	Elapsed time.Duration
}

// ScanSummary is what an import did to one scan.
type ScanSummary struct {
	ID, Name, Status string
	Elements         int // ROOT included
	LogLines         int
	Settings         int
	FalsePositives   int // elements flagged in SpiderFoot
	FPDecisions      int // elements named in fp-set decisions (the others follow by cascade)
	FPUnsynced       int // elements SpiderFoot did not flag that sit under a flagged one (flagged here)
	Correlations     int // SpiderFoot's stored correlations, -1 when the database has none
	AmbiguousLinks   int // sources that matched several earlier elements
	UnmatchedLinks   int // sources that matched none (put under ROOT)
	DanglingSources  int // database sources naming a hash not in the scan
	DuplicateIDs     int // database rows whose hash repeats an earlier row's
	BadTimes         int // times that could not be read
	UnknownTypes     map[string]int
	DeclaredTypes    int          // unknown types the database's tbl_event_types describes (written to types.tsv)
	Replaced         *Replacement // the earlier import's directory this one replaced
	Appended         bool         // the stream added to an existing scan
}

func (s *Summary) skip(reason string, n int) {
	if n == 0 {
		return
	}
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[reason] += n
}

func (s *Summary) note(what string, n int) {
	if n == 0 {
		return
	}
	if s.Notes == nil {
		s.Notes = map[string]int{}
	}
	s.Notes[what] += n
}

func (ss *ScanSummary) unknownType(t string) {
	if ss.UnknownTypes == nil {
		ss.UnknownTypes = map[string]int{}
	}
	ss.UnknownTypes[t]++
}

// Totals adds up the scans' counts.
func (s *Summary) Totals() (elements, logLines int) {
	for _, sc := range s.Scans {
		elements += sc.Elements
		logLines += sc.LogLines
	}
	return
}

// WriteText prints the summary for a person.
func (s *Summary) WriteText(w io.Writer) {
	el, ll := s.Totals()
	fmt.Fprintf(w, "Imported %d %s (%s %s, %s %s) from %s into %s in %s.\n",
		len(s.Scans), plural(len(s.Scans), "scan", "scans"), numtext.Thousands(el), plural(el, "element", "elements"), numtext.Thousands(ll), plural(ll, "log line", "log lines"),
		s.Source, s.ScansRoot, s.Elapsed.Round(time.Millisecond))
	for _, sc := range s.Scans {
		var extra []string
		if sc.Settings > 0 {
			extra = append(extra, numtext.Thousands(sc.Settings)+" settings")
		}
		if sc.FalsePositives > 0 || sc.FPDecisions > 0 {
			extra = append(extra, fmt.Sprintf("%s false positives (%s named in decisions)", numtext.Thousands(sc.FalsePositives), numtext.Thousands(sc.FPDecisions)))
		}
		if sc.FPUnsynced > 0 {
			extra = append(extra, fmt.Sprintf("%s unflagged elements under a false positive (now false positives too)", numtext.Thousands(sc.FPUnsynced)))
		}
		if sc.Correlations >= 0 {
			extra = append(extra, fmt.Sprintf("%s SpiderFoot correlations kept in %s", numtext.Thousands(sc.Correlations), CorrelationsFile))
		}
		if sc.AmbiguousLinks > 0 {
			extra = append(extra, numtext.Thousands(sc.AmbiguousLinks)+" ambiguous links (resolved by the rule)")
		}
		if sc.UnmatchedLinks > 0 {
			extra = append(extra, numtext.Thousands(sc.UnmatchedLinks)+" unmatched sources (put under ROOT)")
		}
		if sc.DanglingSources > 0 {
			extra = append(extra, numtext.Thousands(sc.DanglingSources)+" sources naming no element (shown under ROOT)")
		}
		if sc.DuplicateIDs > 0 {
			extra = append(extra, numtext.Thousands(sc.DuplicateIDs)+" repeated hashes")
		}
		if sc.BadTimes > 0 {
			extra = append(extra, numtext.Thousands(sc.BadTimes)+" unreadable times")
		}
		if len(sc.UnknownTypes) > 0 {
			var parts []string
			for _, t := range slices.Sorted(maps.Keys(sc.UnknownTypes)) {
				parts = append(parts, fmt.Sprintf("%s ×%d", strconv.Quote(t), sc.UnknownTypes[t]))
			}
			extra = append(extra, "unknown types kept: "+strings.Join(parts, ", "))
		}
		if sc.DeclaredTypes > 0 {
			extra = append(extra, fmt.Sprintf("%s of them named, with their categories, by the database's tbl_event_types (in %s)", numtext.Thousands(sc.DeclaredTypes), TypesFile))
		}
		how := ""
		switch {
		case sc.Replaced != nil:
			how = " (replaced the earlier import)"
			extra = append(extra, sc.Replaced.describe()...)
		case sc.Appended:
			how = " (appended)"
		}
		fmt.Fprintf(w, "  %s  %s  %s: %s %s, %s %s%s\n", sc.ID, strconv.Quote(sc.Name), sc.Status,
			numtext.Thousands(sc.Elements), plural(sc.Elements, "element", "elements"), numtext.Thousands(sc.LogLines), plural(sc.LogLines, "log line", "log lines"), how)
		for _, e := range extra {
			fmt.Fprintf(w, "      %s\n", e)
		}
	}
	if len(s.Skipped) > 0 {
		total := 0
		for _, n := range s.Skipped {
			total += n
		}
		fmt.Fprintf(w, "Skipped %s:\n", numtext.Thousands(total))
		for _, r := range slices.Sorted(maps.Keys(s.Skipped)) {
			fmt.Fprintf(w, "  %8s  %s\n", numtext.Thousands(s.Skipped[r]), r)
		}
	}
	if len(s.Notes) > 0 {
		fmt.Fprintln(w, "Imported, with a guess or a repair:")
		for _, r := range slices.Sorted(maps.Keys(s.Notes)) {
			fmt.Fprintf(w, "  %8s  %s\n", numtext.Thousands(s.Notes[r]), r)
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ScanID derives a scan id from a SpiderFoot scan id or a scan name: "sf-"
// and the text, with every character a scan id cannot hold replaced by '-'.
// When the text had to be changed (or cut to fit), the first 8 hex digits of
// its SHA-256 are appended, so that different texts keep different ids. The
// same text always gives the same id.
func ScanID(text string) string {
	var b strings.Builder
	b.WriteString("sf-")
	changed := text == ""
	dash := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
		if !ok {
			changed = true
			if !dash {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		b.WriteByte(c)
		dash = false
	}
	id := b.String()
	const keep = scan.MaxIDLen - 9 // room for "-" and 8 hex digits
	if len(id) > keep {
		id, changed = id[:keep], true
	}
	if changed {
		sum := sha256.Sum256([]byte(text))
		id = strings.TrimRight(id, "-.") + "-" + hex.EncodeToString(sum[:4])
	}
	return id
}

// unescapeName undoes what SpiderFoot's cleanUserInput did to scan names
// and targets typed into its web UI: html.escape, then &amp; and &quot;
// turned back. What is left to undo is &lt;, &gt; and &#x27;.
func unescapeName(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#x27;", "'").Replace(s)
}

// typeCode maps a type as SpiderFoot wrote it (a code, or a description as
// in the CLI's output) to a code. Unknown types are kept as given, ok false.
func typeCode(cat *eltypes.Catalogue, t string) (code string, ok bool) {
	if k := cat.Lookup(t); k.Known {
		return k.Code, true
	}
	if k, found := cat.ByDescription(t); found {
		return k.Code, true
	}
	if k := cat.Lookup(strings.ToUpper(strings.TrimSpace(t))); k.Known {
		return k.Code, true
	}
	return t, false
}

func isEntityType(cat *eltypes.Catalogue, code string) bool {
	c := cat.Lookup(code).Category
	return c == eltypes.Entity || c == eltypes.Internal
}

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

// secondsTime converts epoch seconds (SpiderFoot's result times, float) to
// a time, to the millisecond.
func secondsTime(s float64) time.Time {
	return time.UnixMilli(int64(s*1000 + 0.5)).UTC()
}

// millisTime converts epoch milliseconds (SpiderFoot's scan and log times,
// float) to a time; 0 (SpiderFoot's "not yet") is the zero time.
func millisTime(ms float64) time.Time {
	if ms <= 0 {
		return time.Time{}
	}
	return time.UnixMilli(int64(ms + 0.5)).UTC()
}

// exportTimeLayout is how SpiderFoot's exports write times (server-local).
const exportTimeLayout = "2006-01-02 15:04:05"
