package model

import (
	"errors"
	"fmt"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/redact"
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
	return LoadMasked(d, cat, risky, nil, report)
}

// LoadMasked is Load with secrets masked by rules (nil: none): settings by
// name at any depth, then every text of the scan (metadata, notes,
// elements, log, problems) through the masker made from the secret
// values found (Scan.Mask). This is where scan data enters the site
// pipeline, so every page, data file and download is made from masked text.
func LoadMasked(d *scan.Dir, cat *eltypes.Catalogue, risky *eltypes.Risky, rules *redact.Rules, report scan.Reporter) (*Scan, error) {
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
	// The scan's own types (types.tsv: an older SpiderFoot's, say).
	decls, err := d.Types(func(p scan.Problem) { early = append(early, p) })
	if err != nil {
		early = append(early, scan.Problem{Scan: d.ID, File: d.Rel(scan.TypesFile), Severity: scan.Error, Kind: scan.KindIO,
			Text: "types not read: " + err.Error()})
	}
	if len(decls) > 0 {
		extra := make([]eltypes.Type, len(decls))
		for i, t := range decls {
			extra[i] = eltypes.Type{Code: t.Code, Description: t.Description, Category: t.Category, Raw: t.Raw}
		}
		cat = cat.With(extra)
	}
	var settings scan.Settings
	var settingsErr error
	var settingsProblems []scan.Problem
	settings, settingsErr = d.Settings(func(p scan.Problem) { settingsProblems = append(settingsProblems, p) })
	var mask *redact.Masker
	masked := 0
	if rules != nil {
		settings, masked, mask = MaskSettings(rules, settings)
		meta = MaskMeta(mask, meta)
	}
	s := New(meta, cat, risky)
	s.Mask, s.Masking, s.MaskedSettings = mask, rules != nil, masked
	s.Problems.Report = report
	s.Problems.mask = mask
	for _, p := range append(early, settingsProblems...) {
		s.Problems.Add(p)
	}
	if settingsErr != nil {
		s.Problems.Add(scan.Problem{Scan: d.ID, File: d.Rel(scan.SettingsFile), Severity: scan.Error, Kind: scan.KindMeta,
			Text: "settings not shown: " + settingsErr.Error()})
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
	if s.Mask != nil && len(notes) > 0 {
		notes = []byte(s.Mask.String(string(notes)))
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
		if s.Mask != nil {
			e.Data = s.Mask.String(e.Data)
		}
		s.Add(e, line)
		return nil
	})
	if err != nil {
		return replaced(err)
	}
	s.LogPos, err = d.Log(s.LogPos, s.Problems.Add, func(e scan.LogEntry, _ int) error {
		if s.Mask != nil {
			e.Message, e.Component = s.Mask.String(e.Message), s.Mask.String(e.Component)
		}
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

// MaskSettings masks secret settings by name at any depth and returns the
// masked settings, how many values were masked and a masker for the secret
// values found. A masked value reads redact.Mark.
func MaskSettings(rules *redact.Rules, st scan.Settings) (scan.Settings, int, *redact.Masker) {
	var values []string
	total := 0
	maskList := func(in []scan.Setting) []scan.Setting {
		t := make(map[string]any, len(in))
		for _, o := range in {
			if o.Raw != nil {
				t[o.Key] = o.Raw
			} else {
				t[o.Key] = o.Value
			}
		}
		var n int
		n, values = rules.Table(t, values)
		total += n
		out := make([]scan.Setting, len(in))
		for i, o := range in {
			out[i] = scan.Setting{Key: o.Key, Value: scan.SettingText(t[o.Key]), Raw: t[o.Key]}
		}
		return out
	}
	out := scan.Settings{Global: maskList(st.Global)}
	for _, m := range st.Modules {
		out.Modules = append(out.Modules, scan.ModuleSettings{Module: m.Module, Settings: maskList(m.Settings)})
	}
	mask := rules.Masker(values)
	// A secret may also sit in another setting (a feed URL with the key in it).
	literal := func(list []scan.Setting) {
		for i, o := range list {
			if v := mask.String(o.Value); v != o.Value {
				list[i].Value, list[i].Raw = v, v
			}
		}
	}
	literal(out.Global)
	for _, m := range out.Modules {
		literal(m.Settings)
	}
	return out, total, mask
}

// MaskMeta masks the free texts of scan.toml (name, target); the other
// fields are identifiers, statuses and times.
func MaskMeta(m *redact.Masker, meta scan.Meta) scan.Meta {
	if m == nil {
		return meta
	}
	meta.Name, meta.Target = m.String(meta.Name), m.String(meta.Target)
	return meta
}
