package model

import (
	"errors"
	"fmt"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// ErrTruncated means an append-only file is now shorter than what was read
// from it, or is another file (scan.ErrReplaced): it was truncated or
// replaced, and the scan must be read afresh.
var ErrTruncated = errors.New("an append-only file shrank")

// replaced makes a replaced file an ErrTruncated as well.
func replaced(err error) error {
	if errors.Is(err, scan.ErrReplaced) {
		return fmt.Errorf("%w: %w", ErrTruncated, err)
	}
	return err
}

// Load reads a whole scan directory. A scan.toml that cannot be read is an
// error (the scan cannot be shown); every other problem is recorded in the
// scan's Problems and passed to report.
func Load(d *scan.Dir, cat *eltypes.Catalogue, risky *eltypes.Risky, report scan.Reporter) (*Scan, error) {
	var early []scan.Problem
	meta, err := d.Meta(func(p scan.Problem) { early = append(early, p) })
	if err != nil {
		for _, p := range early {
			if report != nil {
				report(p)
			}
		}
		return nil, err
	}
	s := New(meta, cat, risky)
	s.Problems.Report = report
	for _, p := range early {
		s.Problems.Add(p)
	}
	if settings, err := d.Settings(s.Problems.Add); err != nil {
		s.Problems.Add(scan.Problem{Scan: d.ID, File: d.Rel(scan.SettingsFile), Severity: scan.Error, Kind: scan.KindMeta,
			Text: "settings not shown: " + err.Error()})
	} else {
		s.Settings = settings
	}
	if err := s.ReadNotes(d); err != nil {
		return nil, err
	}
	if size, err := d.Size(scan.ElementsFile); err == nil {
		s.Grow(int(size / 200)) // a typical line is 150–250 bytes
	}
	if err := s.Update(d); err != nil {
		return nil, err
	}
	return s, nil
}

// ReadNotes (re)reads notes.md.
func (s *Scan) ReadNotes(d *scan.Dir) error {
	notes, err := d.Notes(s.Problems.Add)
	if err != nil {
		s.Problems.Add(scan.Problem{Scan: d.ID, File: d.Rel(scan.NotesFile), Severity: scan.Error, Kind: scan.KindIO,
			Text: "notes not shown: " + err.Error()})
	}
	s.Notes = notes
	return nil
}

// Update reads what was appended to elements.jsonl, log.jsonl and
// review.jsonl since the last read, and finishes the scan. It returns
// ErrTruncated when a file shrank.
func (s *Scan) Update(d *scan.Dir) error {
	for _, f := range []struct {
		name string
		pos  scan.Position
	}{{scan.ElementsFile, s.ElementsPos}, {scan.LogFile, s.LogPos}, {scan.ReviewFile, s.ReviewPos}} {
		size, err := d.Size(f.name)
		if err != nil {
			return err
		}
		if size < f.pos.Offset {
			return fmt.Errorf("%s: %w", d.Rel(f.name), ErrTruncated)
		}
	}
	// A finished scan will not grow: its unterminated last line is read.
	d.Final = s.Meta.Done()
	var err error
	s.ElementsPos, err = d.Elements(s.ElementsPos, s.Problems.Add, func(e scan.Element, line int) error {
		s.Add(e, line)
		return nil
	})
	if err != nil {
		return replaced(err)
	}
	s.LogPos, err = d.Log(s.LogPos, s.Problems.Add, func(e scan.LogEntry, _ int) error {
		s.AddLog(e)
		return nil
	})
	if err != nil {
		return replaced(err)
	}
	s.ReviewPos, err = d.Review(s.ReviewPos, s.Problems.Add, func(dec scan.Decision, line int) error {
		s.AddDecision(dec, line)
		return nil
	})
	if err != nil {
		return replaced(err)
	}
	s.Finish()
	return nil
}
