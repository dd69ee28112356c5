// Package exports writes a scan's downloads, streamed so that a
// million-element scan never sits in memory twice: JSON (every field),
// CSV in SpiderFoot's layout (formula injection defused), GEXF (the entity
// graph, for Gephi and NetworkX) and the log as CSV. docs/exports.md
// describes each format.
package exports

import (
	"io"
	"strconv"
	"strings"

	"github.com/scanreport/scanreport/generator/model"
)

// CSVHeader is SpiderFoot's header for a single scan's elements.
var CSVHeader = []string{"Updated", "Type", "Module", "Source", "F/P", "Data"}

// CSVMultiHeader is SpiderFoot's header for several scans in one file.
var CSVMultiHeader = append([]string{"Scan Name"}, CSVHeader...)

// LogCSVHeader is SpiderFoot's header for the log download.
var LogCSVHeader = []string{"Date", "Component", "Type", "Event", "Event ID"}

// CSVWriter writes rows the way Python's csv module does with its default
// "excel" dialect, as SpiderFoot's exports do: comma, CRLF line ends, a field
// quoted only when it holds a comma, a quote, CR or LF (quotes doubled),
// line breaks inside fields written as they are. With Defuse, every place
// where a spreadsheet could start a formula gets an apostrophe (Defuse).
type CSVWriter struct {
	W      io.Writer
	Defuse bool
	buf    []byte
}

// Row writes one row.
func (c *CSVWriter) Row(fields ...string) error {
	b := c.buf[:0]
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendCSVField(b, f, c.Defuse)
	}
	b = append(b, '\r', '\n')
	c.buf = b
	_, err := c.W.Write(b)
	return err
}

// AppendCSVField appends one field, quoted and defused as CSVWriter says.
func AppendCSVField(b []byte, f string, defuse bool) []byte {
	if defuse {
		f = Defuse(f)
	}
	if !strings.ContainsAny(f, ",\"\r\n") {
		return append(b, f...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(f, '"')
		if i < 0 {
			break
		}
		b = append(b, f[:i+1]...)
		b = append(b, '"')
		f = f[i+1:]
	}
	b = append(b, f...)
	return append(b, '"')
}

// Dangerous reports whether a spreadsheet could treat some of the cell as
// a formula: Defuse would change it.
func Dangerous(f string) bool { return Defuse(f) != f }

// Defuse neutralises every place in a cell where a spreadsheet could start
// a formula (docs/exports.md, "Formula defusing"; the browser's
// static/src/export/csv-defuse.ts follows the same rule and the same test table,
// testdata/csv-defuse.json):
//
//   - a cell whose first character is a tab or CR, or whose first
//     character after leading whitespace (space, tab, CR, LF, VT, FF) is a
//     formula character (= + - @, or their full-width forms ＝ ＋ － ＠),
//     gets a leading apostrophe: ` =1+1` → `' =1+1`;
//   - after a list separator a spreadsheet may split cells on (, ; | tab
//     CR LF) and any whitespace, a formula character gets an apostrophe
//     before it: `x;=cmd|' /C calc'!A0` → `x;'=cmd|' /C calc'!A0`, so a
//     spreadsheet set to a semicolon list separator (German, French …) or
//     an importer splitting lines sees text there too.
func Defuse(f string) string {
	if f == "" || !maybeFormula(f) {
		return f
	}
	var b strings.Builder
	lead := f[0] == '\t' || f[0] == '\r'
	if i := skipSpace(f, 0); !lead && i < len(f) && formulaAt(f, i) > 0 {
		lead = true
	}
	if lead {
		b.WriteByte('\'')
	}
	last := 0
	for j := 0; j < len(f); j++ {
		if !csvSeparator(f[j]) {
			continue
		}
		k := skipSpace(f, j+1)
		if k < len(f) && formulaAt(f, k) > 0 {
			b.WriteString(f[last:k])
			b.WriteByte('\'')
			last = k
		}
		j = k - 1
	}
	if !lead && last == 0 {
		return f
	}
	b.WriteString(f[last:])
	return b.String()
}

// maybeFormula is Defuse's quick test: a cell with no separator whose first
// byte is neither whitespace nor a formula character is left alone.
func maybeFormula(f string) bool {
	switch f[0] {
	case '=', '+', '-', '@', ' ', '\t', '\r', '\n', '\v', '\f', 0xEF:
		return true
	}
	return strings.ContainsAny(f, ",;|\t\r\n")
}

func skipSpace(f string, i int) int {
	for i < len(f) {
		switch f[i] {
		case ' ', '\t', '\r', '\n', '\v', '\f':
			i++
			continue
		}
		break
	}
	return i
}

func csvSeparator(c byte) bool {
	switch c {
	case ',', ';', '|', '\t', '\r', '\n':
		return true
	}
	return false
}

// formulaAt returns the length of the formula character at f[i], 0 if
// there is none.
func formulaAt(f string, i int) int {
	switch f[i] {
	case '=', '+', '-', '@':
		return 1
	case 0xEF: // ＝ ＋ － ＠ are EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0
		if i+2 < len(f) && f[i+1] == 0xBC {
			switch f[i+2] {
			case 0x9D, 0x8B, 0x8D, 0xA0:
				return 3
			}
		}
	}
	return 0
}

// StripSFURL removes SpiderFoot's <SFURL> and </SFURL> markers, as its
// exports do for the data column.
func StripSFURL(s string) string {
	if !strings.Contains(s, "SFURL>") {
		return s
	}
	return strings.NewReplacer("<SFURL>", "", "</SFURL>", "").Replace(s)
}

// csvTime is SpiderFoot's time format; we write UTC. Like SpiderFoot's
// ROUND(generated), the time is rounded to the nearest second (half up),
// not cut: an element found at 10:00:00.6 is shown as 10:00:01.
func csvTime(ms int64) string {
	if ms > 0 {
		ms = (ms + 500) / 1000 * 1000
	}
	t := model.Time(ms)
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04:05")
}

// WriteCSV writes the scan's elements (all but ROOT, false positives
// included and marked) in arrival order. scanName, when not empty, adds
// SpiderFoot's multi-scan "Scan Name" column; header says whether to write
// the header row.
func WriteCSV(w io.Writer, s *model.Scan, defuse bool, scanName string, header bool) error {
	c := &CSVWriter{W: w, Defuse: defuse}
	multi := scanName != ""
	if header {
		h := CSVHeader
		if multi {
			h = CSVMultiHeader
		}
		if err := c.Row(h...); err != nil {
			return err
		}
	}
	return writeCSVRows(c, s, scanName, 1)
}

// WriteCSVRows writes the rows WriteCSV writes for the elements from
// index from on (1 is the first after ROOT), without the header: what
// WriteCSV(s) adds to WriteCSV of the scan when it had from-1 elements, as
// long as those did not change (their false-positive flag, their source).
func WriteCSVRows(w io.Writer, s *model.Scan, defuse bool, from int) error {
	return writeCSVRows(&CSVWriter{W: w, Defuse: defuse}, s, "", max(from, 1))
}

func writeCSVRows(c *CSVWriter, s *model.Scan, scanName string, from int) error {
	multi := scanName != ""
	row := make([]string, 0, 7)
	for i := from; i < len(s.Elements); i++ {
		e := &s.Elements[i]
		row = row[:0]
		if multi {
			row = append(row, scanName)
		}
		fp := "0"
		if e.Is(model.FlagFP) {
			fp = "1"
		}
		row = append(row, csvTime(e.Generated), s.Types[e.Type].Code, s.Modules[e.Module], s.SourceData(int32(i)), fp, StripSFURL(e.Data))
		if err := c.Row(row...); err != nil {
			return err
		}
	}
	return nil
}

// WriteLogCSV writes the log, oldest first, with SpiderFoot's columns.
func WriteLogCSV(w io.Writer, s *model.Scan, defuse bool) error {
	c := &CSVWriter{W: w, Defuse: defuse}
	if err := c.Row(LogCSVHeader...); err != nil {
		return err
	}
	return writeLogRows(c, s, 0)
}

// WriteLogCSVRows writes the rows WriteLogCSV writes for the log lines from
// index from on, without the header (the log only grows).
func WriteLogCSVRows(w io.Writer, s *model.Scan, defuse bool, from int) error {
	return writeLogRows(&CSVWriter{W: w, Defuse: defuse}, s, max(from, 0))
}

func writeLogRows(c *CSVWriter, s *model.Scan, from int) error {
	for i := from; i < len(s.Log); i++ {
		l := &s.Log[i]
		if err := c.Row(csvTime(l.Time), l.Component, l.Level, l.Message, strconv.Itoa(i+1)); err != nil {
			return err
		}
	}
	return nil
}

// CorrelationsCSVHeader is SpiderFoot's header for correlations, with two
// columns added: the rule's id (SpiderFoot wrote the id under "Rule Name")
// and the number of elements.
var CorrelationsCSVHeader = []string{"Rule Name", "Correlation", "Risk", "Description", "Rule ID", "Elements"}

// WriteCorrelationsCSV writes the scan's correlations.
func WriteCorrelationsCSV(w io.Writer, s *model.Scan, defuse bool) error {
	c := &CSVWriter{W: w, Defuse: defuse}
	if err := c.Row(CorrelationsCSVHeader...); err != nil {
		return err
	}
	for _, f := range s.Correlations {
		if err := c.Row(f.Name, f.Headline, f.Risk, f.Description, f.RuleID, strconv.Itoa(len(f.Elements))); err != nil {
			return err
		}
	}
	return nil
}
