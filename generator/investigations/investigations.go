// Package investigations reads investigation files and groups scans into
// investigations. An investigation is a named group of scans with a title
// and Markdown notes. Its file is investigations/<name>.md (the folder sits
// beside the scans root unless config.toml says otherwise): optional TOML
// front matter between two "+++" lines, then the notes. A scan joins an
// investigation from its scan.toml or by an analyst's decision in its
// review.jsonl (model.Scan.Investigations applies both); an investigation
// that scans name but that has no file still exists, titled by its name.
// docs/investigations.md describes the format.
//
// The package reads files and computes membership; it renders nothing.
package investigations

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"github.com/scanreport/scanreport/scan"
)

// Ext is the extension of investigation files.
const Ext = ".md"

// MaxFile is the largest investigation file read (1 MiB, as notes.md).
const MaxFile = 1 << 20

// MaxTitle bounds a title (and a summary) in bytes.
const MaxTitle = 300

// KindInvestigation is the problem kind of investigation files and names.
const KindInvestigation scan.Kind = "investigation"

// ValidName reports whether name may name an investigation: the rules of
// scan ids (1 to 128 characters from [A-Za-z0-9._-], starting with a letter
// or digit), and not "index" in any case (investigations/index.html is the
// list). Such a name is safe as a file name and in URLs.
func ValidName(name string) error {
	if err := scan.ValidID(name); err != nil {
		return errors.New(strings.Replace(err.Error(), "scan id", "investigation name", 1))
	}
	if strings.EqualFold(name, "index") {
		return errors.New(`investigation name "index" is reserved (investigations/index.html lists them all)`)
	}
	return nil
}

// Investigation is one investigation file.
type Investigation struct {
	Name    string    // the file's stem
	Title   string    // from the front matter; the name when none
	Summary string    // one line for the list; optional
	Owner   string    // who leads it; optional
	Created time.Time // optional
	Notes   []byte    // Markdown after the front matter
	File    string    // file name as problems name it (investigations/<name>.md)
	// Problem says why the file could not be used in full (its front
	// matter is broken): the investigation then has its name as title and
	// no notes, and the problem shows on its page.
	Problem string
}

// frontMatter is the TOML between the "+++" lines. Every key is optional;
// unknown keys are errors.
type frontMatter struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
	Owner   string `toml:"owner"`
	Created any    `toml:"created"` // a TOML date or date-time
}

// Delim is the line that opens and closes the front matter.
const Delim = "+++"

// Parse reads an investigation file. file names it in errors (with the
// line); name is its stem. A file without front matter is all notes. A
// front matter that is not valid TOML, has an unknown key, a value of the
// wrong type, or is not closed is an error; Parse then still returns the
// investigation, with its name as title and no notes.
func Parse(name string, data []byte, file string) (*Investigation, error) {
	inv := &Investigation{Name: name, Title: name, File: file}
	data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	first, rest, _ := cutLine(data)
	if strings.TrimRight(string(first), " \t") != Delim {
		inv.Notes = data
		return inv, nil
	}
	// Find the closing line; front is what lies between.
	var front []byte
	closed := false
	start := len(data) - len(rest)
	pos := start
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if strings.TrimRight(string(l), " \t") == Delim {
			front = data[start:pos]
			inv.Notes = next
			closed = true
			break
		}
		pos += len(rest) - len(next)
		rest = next
	}
	fail := func(err *Error) (*Investigation, error) {
		inv.Notes, inv.Problem = nil, err.Error()
		return inv, err
	}
	if !closed {
		return fail(&Error{File: file, Line: 1, Text: fmt.Sprintf("the front matter opened by %q is never closed by a %q line", Delim, Delim)})
	}
	var fm frontMatter
	dec := toml.NewDecoder(bytes.NewReader(front))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fm); err != nil {
		return fail(tomlError(file, err))
	}
	created, ok := tomlTime(fm.Created)
	if !ok {
		return fail(&Error{File: file, Line: keyLine(front, "created") + 1, Text: "created: must be a TOML date or date-time, such as 2026-11-17"})
	}
	for _, f := range []struct {
		key string
		v   *string
	}{{"title", &fm.Title}, {"summary", &fm.Summary}, {"owner", &fm.Owner}} {
		v := strings.TrimSpace(*f.v)
		if len(v) > MaxTitle {
			v = clip(v, MaxTitle)
		}
		*f.v = v
	}
	if fm.Title != "" {
		inv.Title = fm.Title
	}
	inv.Summary, inv.Owner, inv.Created = fm.Summary, fm.Owner, created
	return inv, nil
}

// cutLine splits off the first line (without its line end).
func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	line = b[:i]
	return bytes.TrimSuffix(line, []byte("\r")), b[i+1:], true
}

// keyLine finds the 1-based line of the front matter where key is set (0
// when it is not found).
func keyLine(front []byte, key string) int {
	for i, l := range strings.Split(string(front), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, key) && strings.HasPrefix(strings.TrimSpace(l[len(key):]), "=") {
			return i + 1
		}
	}
	return 0
}

// Error is a broken investigation file: where and why.
type Error struct {
	File string
	Line int // 1-based line in the file; 0 for the whole file
	Text string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Text)
	}
	return e.File + ": " + e.Text
}

// tomlError turns a go-toml error into one that names the file and the
// line in the file (the front matter starts on line 2). Of several unknown
// keys, the first is named and the others counted.
func tomlError(file string, err error) *Error {
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict) && len(strict.Errors) > 0:
		e := strict.Errors[0]
		row, _ := e.Position()
		text := fmt.Sprintf("unknown key %q in the front matter (known: title, summary, owner, created)", strings.Join(e.Key(), "."))
		if n := len(strict.Errors) - 1; n > 0 {
			text += fmt.Sprintf(", and %d more", n)
		}
		return &Error{File: file, Line: row + 1, Text: text}
	case errors.As(err, &de):
		row, _ := de.Position()
		return &Error{File: file, Line: row + 1, Text: "front matter: " + de.Error()}
	}
	return &Error{File: file, Text: "front matter: " + err.Error()}
}

func tomlTime(v any) (time.Time, bool) {
	switch t := v.(type) {
	case nil:
		return time.Time{}, true
	case time.Time:
		return t.UTC(), true
	case toml.LocalDateTime:
		return time.Date(t.Year, time.Month(t.Month), t.Day, t.Hour, t.Minute, t.Second, t.Nanosecond, time.UTC), true
	case toml.LocalDate:
		return time.Date(t.Year, time.Month(t.Month), t.Day, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

func clip(v string, n int) string {
	if len(v) <= n {
		return v
	}
	for n > 0 && !utf8.RuneStart(v[n]) {
		n--
	}
	return v[:n] + "…"
}

// Load reads every investigation file in dir (<name>.md). A missing folder
// is no investigations. Files whose stem is not a valid name, symlinks
// leading outside the folder, files too large and broken front matter are
// reported; a broken file still gives its investigation (without notes).
// Hidden files and other extensions are passed over. Problems name files
// as investigations/<file>.
func Load(dir string, report scan.Reporter) ([]*Investigation, error) {
	if report == nil {
		report = func(scan.Problem) {}
	}
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open investigations folder: %w", err)
	}
	defer root.Close()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list investigations folder: %w", err)
	}
	base := filepath.Base(filepath.Clean(dir))
	var out []*Investigation
	seen := map[string]string{}
	for _, e := range entries {
		fname := e.Name()
		if strings.HasPrefix(fname, ".") || !strings.HasSuffix(fname, Ext) {
			continue
		}
		rel := base + "/" + fname
		problem := func(line int, text string) {
			report(scan.Problem{File: rel, Line: line, Severity: scan.Error, Kind: KindInvestigation, Text: text})
		}
		name := strings.TrimSuffix(fname, Ext)
		if err := ValidName(name); err != nil {
			problem(0, "not an investigation file: "+err.Error())
			continue
		}
		if other, dup := seen[strings.ToLower(name)]; dup {
			problem(0, fmt.Sprintf("%s differs from %s only in case; left out (their pages would be the same file on some systems)", strconv.Quote(fname), strconv.Quote(other)))
			continue
		}
		seen[strings.ToLower(name)] = fname
		data, err := readSmall(root, fname)
		if err != nil {
			problem(0, "not read: "+err.Error())
			continue
		}
		inv, err := Parse(name, data, rel)
		var pe *Error
		if errors.As(err, &pe) {
			problem(pe.Line, pe.Text)
		}
		out = append(out, inv)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// readSmall reads a regular file through root, at most MaxFile bytes.
func readSmall(root *os.Root, name string) ([]byte, error) {
	f, err := scan.OpenRegular(root, name, name) // a FIFO must not block
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > MaxFile {
		return nil, fmt.Errorf("%d bytes; at most %d are read", st.Size(), MaxFile)
	}
	return io.ReadAll(io.LimitReader(f, MaxFile))
}

// Member is a scan as membership needs it: its id and its investigations
// (model.Scan.Investigations).
type Member struct {
	Scan           string
	Investigations []string
}

// Group is an investigation with its scans.
type Group struct {
	*Investigation
	HasFile bool     // defined by a file (else only named by scans)
	Scans   []string // ids of its scans, in the order of members given
}

// Catalogue is every investigation: those with a file and those named by
// scans, by name.
type Catalogue struct {
	Groups []*Group // sorted by name
	byName map[string]*Group
	// Invalid are names scans gave that cannot name an investigation
	// (not valid names): they get no page. Sorted.
	Invalid []string
}

// Group returns the investigation named name, or nil.
func (c *Catalogue) Group(name string) *Group { return c.byName[name] }

// Keep adds an empty investigation (no file, no scans) for each name not
// in the catalogue: the watch mode keeps investigations whose pages it has
// written, so an open page of one whose last scan left shows it empty
// rather than vanishing.
func (c *Catalogue) Keep(names []string) {
	added := false
	for _, n := range names {
		if c.byName[n] != nil || ValidName(n) != nil {
			continue
		}
		g := &Group{Investigation: &Investigation{Name: n, Title: n}}
		c.byName[n] = g
		c.Groups = append(c.Groups, g)
		added = true
	}
	if added {
		sort.Slice(c.Groups, func(i, j int) bool { return c.Groups[i].Name < c.Groups[j].Name })
	}
}

// Build makes the catalogue from the files and the scans' memberships.
func Build(files []*Investigation, members []Member) *Catalogue {
	c := &Catalogue{byName: map[string]*Group{}}
	for _, f := range files {
		g := &Group{Investigation: f, HasFile: true}
		c.byName[f.Name] = g
		c.Groups = append(c.Groups, g)
	}
	invalid := map[string]bool{}
	for _, m := range members {
		for _, name := range m.Investigations {
			if ValidName(name) != nil {
				invalid[name] = true
				continue
			}
			g := c.byName[name]
			if g == nil {
				g = &Group{Investigation: &Investigation{Name: name, Title: name}}
				c.byName[name] = g
				c.Groups = append(c.Groups, g)
			}
			g.Scans = append(g.Scans, m.Scan)
		}
	}
	sort.Slice(c.Groups, func(i, j int) bool { return c.Groups[i].Name < c.Groups[j].Name })
	for n := range invalid {
		c.Invalid = append(c.Invalid, n)
	}
	sort.Strings(c.Invalid)
	return c
}
