package scan

import (
	"fmt"
	"strings"
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

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	fmt.Fprintf(&b, ": %s: %s", p.Severity, p.Text)
	return b.String()
}

// Reporter receives problems. A nil Reporter drops them.
type Reporter func(Problem)

func (r Reporter) report(p Problem) {
	if r != nil {
		r(p)
	}
}
