package scan

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says whether a problem cost data (Error) or was repaired (Warning).
type Severity uint8

const (
	// Warning: the input was odd but nothing was lost (a default was used, a
	// value was clamped, a link was re-attached).
	Warning Severity = iota
	// Error: a line, a file or a whole scan could not be used.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Kind names the class of a problem, so tools can count and filter them.
type Kind string

// The kinds of problems the reader reports.
const (
	KindSyntax      Kind = "syntax"       // a line is not a JSON object
	KindField       Kind = "field"        // a field is missing or has the wrong type or range
	KindDuplicateID Kind = "duplicate-id" // an element id was already used
	KindUnknownSrc  Kind = "unknown-source"
	KindCycle       Kind = "cycle"
	KindUnknownType Kind = "unknown-type"
	KindTooLong     Kind = "too-long"
	KindScanID      Kind = "scan-id"
	KindSymlink     Kind = "symlink"
	KindMeta        Kind = "meta" // scan.toml or settings.toml
	KindIO          Kind = "io"
	KindReview      Kind = "review"
)

// Problem is one located complaint about a scan directory. Line is 1-based;
// 0 means the problem concerns the whole file.
type Problem struct {
	Scan     string // scan id (directory name); may be empty for scans-root problems
	File     string // path relative to the scans root, slash-separated
	Line     int
	Severity Severity
	Kind     Kind
	Text     string
}

// A file name or text with control characters (terminal escape sequences
// from a file name someone chose) is shown escaped: the file name quoted
// (%q), control characters in the text as \x.. escapes.
func (p Problem) String() string {
	var b strings.Builder
	if plain(p.File) {
		b.WriteString(p.File)
	} else {
		b.WriteString(strconv.Quote(p.File))
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	fmt.Fprintf(&b, ": %s: ", p.Severity)
	if plain(p.Text) {
		b.WriteString(p.Text)
	} else {
		q := strconv.Quote(p.Text)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// plain reports whether s is valid UTF-8 with only printable characters
// (spaces included).
func plain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// Reporter receives problems. A nil Reporter drops them.
type Reporter func(Problem)

func (r Reporter) report(p Problem) {
	if r != nil {
		r(p)
	}
}
