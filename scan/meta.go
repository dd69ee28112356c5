package scan

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// Scan statuses, as SpiderFoot names them.
const (
	StatusCreated        = "CREATED"
	StatusInitializing   = "INITIALIZING"
	StatusStarting       = "STARTING"
	StatusStarted        = "STARTED"
	StatusRunning        = "RUNNING"
	StatusAbortRequested = "ABORT-REQUESTED"
	StatusAborting       = "ABORTING"
	StatusAborted        = "ABORTED"
	StatusFinished       = "FINISHED"
	StatusErrorFailed    = "ERROR-FAILED"
)

// Statuses lists every known status in lifecycle order.
var Statuses = []string{StatusCreated, StatusInitializing, StatusStarting, StatusStarted, StatusRunning,
	StatusAbortRequested, StatusAborting, StatusAborted, StatusFinished, StatusErrorFailed}

// Scan kinds.
const (
	KindAutomated = "automated"
	KindManual    = "manual"
)

// Meta is scan.toml: what the scan is and where it stands.
type Meta struct {
	ID             string
	Name           string
	Target         string
	TargetType     string
	Kind           string
	Status         string
	Created        time.Time
	Started        time.Time
	Ended          time.Time
	Modules        []string
	Investigations []string
}

// Done reports whether the status is final: FINISHED, ABORTED or
// ERROR-FAILED. Only such scans accept false-positive decisions.
func (m *Meta) Done() bool {
	switch m.Status {
	case StatusFinished, StatusAborted, StatusErrorFailed:
		return true
	}
	return false
}

// Partial reports whether the results are incomplete: the scan is still
// going, or it ended without finishing.
func (m *Meta) Partial() bool { return m.Status != StatusFinished }

// metaFile is scan.toml as written. Times are decoded by hand so that local
// date-times (without an offset) are read as UTC on every machine.
type metaFile struct {
	ID             string   `toml:"id,omitempty"`
	Name           string   `toml:"name"`
	Target         string   `toml:"target"`
	TargetType     string   `toml:"target_type"`
	Kind           string   `toml:"kind"`
	Status         string   `toml:"status"`
	Created        any      `toml:"created,omitempty"`
	Started        any      `toml:"started,omitempty"`
	Ended          any      `toml:"ended,omitempty"`
	Modules        []string `toml:"modules"`
	Investigations []string `toml:"investigations"`
}

// ParseMeta decodes scan.toml. id is the directory name. Unknown keys and odd
// values are reported as warnings; an error return means the file cannot be
// used at all.
func ParseMeta(data []byte, id, file string, report Reporter) (Meta, error) {
	var mf metaFile
	warn := func(line int, format string, args ...any) {
		report.report(Problem{Scan: id, File: file, Line: line, Severity: Warning, Kind: KindMeta, Text: fmt.Sprintf(format, args...)})
	}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&mf); err != nil {
		var strict *toml.StrictMissingError
		if !errors.As(err, &strict) {
			return Meta{}, tomlError(file, err)
		}
		for _, e := range strict.Errors {
			row, _ := e.Position()
			warn(row, "unknown key %s ignored", strconv.Quote(strings.Join(e.Key(), ".")))
		}
	}
	m := Meta{ID: id, Name: mf.Name, Target: mf.Target, TargetType: mf.TargetType, Kind: mf.Kind,
		Status: strings.ToUpper(strings.TrimSpace(mf.Status)), Modules: mf.Modules, Investigations: mf.Investigations}
	if mf.ID != "" && mf.ID != id {
		warn(0, "id %s differs from the directory name; the directory name %s is used", strconv.Quote(mf.ID), strconv.Quote(id))
	}
	if m.Name == "" {
		m.Name = id
	}
	if m.Target == "" {
		warn(0, "no target; the ROOT element's data is used")
	}
	switch m.Kind {
	case KindAutomated, KindManual:
	case "":
		m.Kind = KindAutomated
	default:
		warn(0, "unknown kind %s; automated used", strconv.Quote(m.Kind))
		m.Kind = KindAutomated
	}
	if m.Status == "" {
		warn(0, "no status; CREATED used")
		m.Status = StatusCreated
	} else if !knownStatus(m.Status) {
		warn(0, "unknown status %s", strconv.Quote(m.Status))
	}
	for _, t := range []struct {
		name string
		v    any
		dst  *time.Time
	}{{"created", mf.Created, &m.Created}, {"started", mf.Started, &m.Started}, {"ended", mf.Ended, &m.Ended}} {
		tm, ok := tomlTime(t.v)
		if !ok {
			warn(0, "%s is not a date-time; ignored", t.name)
		}
		*t.dst = tm
	}
	return m, nil
}

func knownStatus(s string) bool {
	for _, k := range Statuses {
		if k == s {
			return true
		}
	}
	return false
}

// tomlTime converts what go-toml decodes for a date-time. Local date-times
// and dates are taken as UTC. A missing value is the zero time.
func tomlTime(v any) (time.Time, bool) {
	switch t := v.(type) {
	case nil:
		return time.Time{}, true
	case time.Time:
		return t, true
	case toml.LocalDateTime:
		return time.Date(t.Year, time.Month(t.Month), t.Day, t.Hour, t.Minute, t.Second, t.Nanosecond, time.UTC), true
	case toml.LocalDate:
		return time.Date(t.Year, time.Month(t.Month), t.Day, 0, 0, 0, 0, time.UTC), true
	case int64:
		// Epoch seconds: tolerated, 0 meaning "not yet" as in SpiderFoot.
		if t <= 0 {
			return time.Time{}, true
		}
		return time.Unix(t, 0).UTC(), true
	}
	return time.Time{}, false
}

// tomlError turns a go-toml error into one that names the file and line.
func tomlError(file string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return fmt.Errorf("%s:%d:%d: %s", file, row, col, de.Error())
	}
	return fmt.Errorf("%s: %w", file, err)
}

// MarshalMeta encodes m as scan.toml.
func MarshalMeta(m Meta) ([]byte, error) {
	mf := metaFile{ID: m.ID, Name: m.Name, Target: m.Target, TargetType: m.TargetType, Kind: m.Kind,
		Status: m.Status, Modules: m.Modules, Investigations: m.Investigations}
	if mf.Modules == nil {
		mf.Modules = []string{}
	}
	if mf.Investigations == nil {
		mf.Investigations = []string{}
	}
	for _, t := range []struct {
		src time.Time
		dst *any
	}{{m.Created, &mf.Created}, {m.Started, &mf.Started}, {m.Ended, &mf.Ended}} {
		if !t.src.IsZero() {
			*t.dst = t.src.UTC()
		}
	}
	var b bytes.Buffer
	b.WriteString("# scan metadata: see docs/scan-format.md\n")
	enc := toml.NewEncoder(&b)
	if err := enc.Encode(mf); err != nil {
		return nil, fmt.Errorf("encode scan.toml: %w", err)
	}
	return b.Bytes(), nil
}
