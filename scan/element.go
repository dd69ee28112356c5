package scan

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// RootID is the id, type and source of the ROOT element, whose data is the
// scan target. Every chain of sources ends there.
const RootID = "ROOT"

// Element is one data element: something a scanner found, and where it found
// it (Source, the id of the parent element).
type Element struct {
	ID         string
	Type       string // SpiderFoot type code, e.g. INTERNET_NAME
	Data       string
	Source     string // parent element id, or ROOT
	Module     string
	Generated  time.Time
	Confidence int // 0–100, default 100
	Visibility int // 0–100, default 100
	Risk       int // 0–100, default 0
	// Link says how Source was found: "" when the scanner knew it,
	// LinkGuessed when an import rebuilt it from the source's value and
	// another element could have been the source (or none was found).
	Link string
}

// LinkGuessed is the Link of an element whose source was guessed from its
// value (imports of SpiderFoot's exports, which carry no ids).
const LinkGuessed = "guessed"

// IsRoot reports whether e is the ROOT element.
func (e *Element) IsRoot() bool { return e.ID == RootID }

// ElementFunc receives each element read, with its 1-based line number.
type ElementFunc func(e Element, line int) error

// ReadElements reads elements.jsonl from r, which is positioned at from, and
// calls fn for each element of each complete line. Lines that cannot be used
// are reported and skipped; repairable ones are repaired and reported as
// warnings. file names the file in problems. It returns where it stopped, to
// continue from there when more lines arrive.
func ReadElements(r io.Reader, from Position, file string, report Reporter, fn ElementFunc) (Position, error) {
	var ed elementDecoder
	return scanRecords(r, from, file, report, func(line []byte, p Problem) error {
		e, probs, ok := ed.decode(line)
		for _, q := range probs {
			q.File, q.Line = p.File, p.Line
			report.report(q)
		}
		if !ok {
			return nil
		}
		return fn(e, p.Line)
	})
}

type elementDecoder struct {
	d     flatDecoder
	probs []Problem
	// interned holds the type and module names seen, so the few distinct
	// values are not allocated again for every element.
	interned map[string]string
}

// maxInterned bounds the interned names (a hostile file could use millions).
const maxInterned = 4096

func (ed *elementDecoder) intern(field string, v flatValue) (string, bool) {
	if v.kind != kindString {
		return ed.text(field, v)
	}
	if s, ok := ed.interned[string(v.b)]; ok {
		return s, true
	}
	s := string(v.b)
	if ed.interned == nil {
		ed.interned = map[string]string{}
	}
	if len(ed.interned) < maxInterned {
		ed.interned[s] = s
	}
	return s, true
}

func (ed *elementDecoder) warn(kind Kind, format string, args ...any) {
	ed.probs = append(ed.probs, Problem{Severity: Warning, Kind: kind, Text: fmt.Sprintf(format, args...)})
}

// decode turns one line into an element. ok is false when the line cannot be
// used; the problems say why.
func (ed *elementDecoder) decode(line []byte) (e Element, probs []Problem, ok bool) {
	ed.probs = ed.probs[:0]
	e.Confidence, e.Visibility = 100, 100
	var seen uint16
	const (
		hasID = 1 << iota
		hasType
		hasData
		hasSource
		hasGenerated
	)
	err := ed.d.decode(line, func(key []byte, v flatValue) error {
		switch string(key) {
		case "id":
			if s, ok := ed.text("id", v); ok {
				e.ID, seen = s, seen|hasID
			}
		case "type":
			if s, ok := ed.intern("type", v); ok {
				e.Type, seen = s, seen|hasType
			}
		case "data":
			if s, ok := ed.text("data", v); ok {
				e.Data, seen = s, seen|hasData
			}
		case "source":
			if s, ok := ed.text("source", v); ok {
				e.Source, seen = s, seen|hasSource
			}
		case "module":
			if s, ok := ed.intern("module", v); ok {
				e.Module = s
			}
		case "generated":
			if t, ok := ed.time("generated", v); ok {
				e.Generated, seen = t, seen|hasGenerated
			}
		case "confidence":
			e.Confidence = ed.percent("confidence", v, e.Confidence)
		case "visibility":
			e.Visibility = ed.percent("visibility", v, e.Visibility)
		case "risk":
			e.Risk = ed.percent("risk", v, e.Risk)
		case "link":
			if s, ok := ed.intern("link", v); ok {
				e.Link = s
			}
		}
		return nil
	})
	if err != nil {
		return e, []Problem{{Severity: Error, Kind: KindSyntax, Text: "not a JSON object: " + err.Error()}}, false
	}
	if seen&hasType == 0 || e.Type == "" {
		return e, append(ed.probs, Problem{Severity: Error, Kind: KindField, Text: "element has no \"type\"; line skipped"}), false
	}
	if seen&hasID == 0 || e.ID == "" {
		return e, append(ed.probs, Problem{Severity: Error, Kind: KindField, Text: "element has no \"id\"; line skipped"}), false
	}
	if e.ID == RootID || e.Type == RootID {
		if e.ID != RootID || e.Type != RootID {
			return e, append(ed.probs, Problem{Severity: Error, Kind: KindField,
				Text: "only the ROOT element may use id or type \"ROOT\", and it must use both; line skipped"}), false
		}
		e.Source = RootID
	} else if seen&hasSource == 0 || e.Source == "" {
		ed.warn(KindField, "element %s has no \"source\"; attached to ROOT", strconv.Quote(e.ID))
		e.Source = RootID
	}
	if seen&hasData == 0 {
		ed.warn(KindField, "element %s has no \"data\"; empty value used", strconv.Quote(e.ID))
	}
	if seen&hasGenerated == 0 {
		ed.warn(KindField, "element %s has no valid \"generated\" time", strconv.Quote(e.ID))
	}
	return e, ed.probs, true
}

// text accepts a string, or a number or boolean written where a string was
// meant (kept as its literal).
func (ed *elementDecoder) text(field string, v flatValue) (string, bool) {
	switch v.kind {
	case kindString, kindNumber:
		return string(v.b), true
	case kindBool:
		return strconv.FormatBool(v.bit), true
	case kindNull:
		return "", false
	}
	ed.warn(KindField, "%q is an object or array; ignored", field)
	return "", false
}

func (ed *elementDecoder) time(field string, v flatValue) (time.Time, bool) {
	switch v.kind {
	case kindString:
		t, err := time.Parse(time.RFC3339Nano, string(v.b))
		if err == nil {
			return t, true
		}
		ed.warn(KindField, "%q is not an RFC 3339 time: %s", field, strconv.Quote(truncate(string(v.b), 64)))
	case kindNumber:
		// Epoch seconds (SpiderFoot's result times); a value that only makes
		// sense as milliseconds is taken as such.
		f, err := strconv.ParseFloat(string(v.b), 64)
		if err == nil && f >= 0 && f < 1e14 {
			if f > 1e11 {
				f /= 1000
			}
			sec, frac := math.Modf(f)
			return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
		}
		ed.warn(KindField, "%q is not a usable epoch time: %s", field, v.b)
	case kindNull:
	default:
		ed.warn(KindField, "%q must be an RFC 3339 time", field)
	}
	return time.Time{}, false
}

func (ed *elementDecoder) percent(field string, v flatValue, def int) int {
	if v.kind != kindNumber {
		if v.kind != kindNull {
			ed.warn(KindField, "%q must be a number from 0 to 100; %d used", field, def)
		}
		return def
	}
	f, err := strconv.ParseFloat(string(v.b), 64)
	if err != nil {
		ed.warn(KindField, "%q must be a number from 0 to 100; %d used", field, def)
		return def
	}
	if f < 0 || f > 100 {
		c := 0
		if f > 100 {
			c = 100
		}
		ed.warn(KindField, "%q is %s, outside 0–100; %d used", field, truncate(string(v.b), 32), c)
		return c
	}
	return int(math.Round(f))
}

// truncate shortens s to at most n bytes for messages, on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
