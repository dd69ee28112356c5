package exports

import (
	"io"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/jsonw"
)

// JSONFormat names the JSON download's format and version.
const JSONFormat = "scanreport-scan/1"

// WriteJSON writes the scan's metadata and every element with all its fields
// (ROOT first), one element per line so the file can also be read as a
// stream. docs/exports.md describes the fields.
func WriteJSON(w io.Writer, s *model.Scan) error {
	b := make([]byte, 0, 64<<10)
	flush := func() error {
		_, err := w.Write(b)
		b = b[:0]
		return err
	}
	b = append(b, `{"format":"`+JSONFormat+`",`...)
	b = append(b, "\n\"scan\":"...)
	b = appendMeta(b, s)
	b = append(b, ",\n\"types\":"...)
	b = appendTypes(b, s)
	b = append(b, ",\n\"elements\":[\n"...)
	for i := range s.Elements {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = appendElement(b, s, int32(i))
		if len(b) >= 60<<10 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	b = append(b, "\n],\n\"correlations\":"...)
	b = appendCorrelations(b, s)
	b = append(b, "}\n"...)
	return flush()
}

func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
	return append(b, '"')
}

func appendMeta(b []byte, s *model.Scan) []byte {
	m := &s.Meta
	str := func(k, v string) {
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, `":`...)
		b = jsonw.String(b, v)
		b = append(b, ',')
	}
	b = append(b, '{')
	str("id", m.ID)
	str("name", m.Name)
	str("target", m.Target)
	str("target_type", m.TargetType)
	str("kind", m.Kind)
	str("status", m.Status)
	for _, t := range []struct {
		k string
		v time.Time
	}{{"created", m.Created}, {"started", m.Started}, {"ended", m.Ended}} {
		b = append(b, '"')
		b = append(b, t.k...)
		b = append(b, `":`...)
		b = appendTime(b, t.v)
		b = append(b, ',')
	}
	b = append(b, `"modules":`...)
	b = jsonw.Strings(b, nonNil(m.Modules))
	b = append(b, `,"investigations":`...)
	b = jsonw.Strings(b, nonNil(s.Investigations()))
	b = append(b, `,"elements":`...)
	b = jsonw.Int(b, int64(s.Count()))
	return append(b, '}')
}

// appendCorrelations writes the correlations (null when the rules did not
// run), each with the ids of its elements.
func appendCorrelations(b []byte, s *model.Scan) []byte {
	if !s.CorrelationsRun {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, f := range s.Correlations {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, `{"rule":`...)
		b = jsonw.String(b, f.RuleID)
		b = append(b, `,"name":`...)
		b = jsonw.String(b, f.Name)
		b = append(b, `,"risk":`...)
		b = jsonw.String(b, f.Risk)
		b = append(b, `,"headline":`...)
		b = jsonw.String(b, f.Headline)
		b = append(b, `,"description":`...)
		b = jsonw.String(b, f.Description)
		b = append(b, `,"elements":[`...)
		for k, e := range f.Elements {
			if k > 0 {
				b = append(b, ',')
			}
			b = jsonw.String(b, s.Elements[e].ID)
		}
		b = append(b, "]}"...)
	}
	return append(b, ']')
}

// appendTypes writes the description and category of every type the
// elements use, keyed by code.
func appendTypes(b []byte, s *model.Scan) []byte {
	b = append(b, '{')
	for i, t := range s.Types {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonw.String(b, t.Code)
		b = append(b, `:{"description":`...)
		b = jsonw.String(b, t.Description)
		b = append(b, `,"category":`...)
		b = jsonw.String(b, t.Category)
		b = append(b, '}')
	}
	return append(b, '}')
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

func appendElement(b []byte, s *model.Scan, i int32) []byte {
	e := &s.Elements[i]
	t := s.Types[e.Type]
	b = append(b, `{"id":`...)
	b = jsonw.String(b, e.ID)
	b = append(b, `,"type":`...)
	b = jsonw.String(b, t.Code)
	b = append(b, `,"data":`...)
	b = jsonw.String(b, e.Data)
	b = append(b, `,"source_id":`...)
	if e.Source == model.NoSource {
		b = append(b, `"ROOT"`...)
	} else {
		b = jsonw.String(b, s.Elements[e.Source].ID)
	}
	b = append(b, `,"source_data":`...)
	b = jsonw.String(b, s.SourceData(i))
	b = append(b, `,"module":`...)
	b = jsonw.String(b, s.Modules[e.Module])
	b = append(b, `,"generated":`...)
	b = appendTime(b, model.Time(e.Generated))
	b = append(b, `,"confidence":`...)
	b = jsonw.Int(b, int64(e.Confidence))
	b = append(b, `,"visibility":`...)
	b = jsonw.Int(b, int64(e.Visibility))
	b = append(b, `,"risk":`...)
	b = jsonw.Int(b, int64(e.Risk))
	b = append(b, `,"risky":`...)
	b = appendBool(b, e.Is(model.FlagRisky))
	b = append(b, `,"false_positive":`...)
	b = appendBool(b, e.Is(model.FlagFP))
	if e.Line > 0 {
		b = append(b, `,"line":`...)
		b = jsonw.Int(b, int64(e.Line))
	}
	var notes []string
	if e.Is(model.FlagOrphan) {
		notes = append(notes, "source-missing")
	}
	if e.Is(model.FlagCycle) {
		notes = append(notes, "source-cycle")
	}
	if e.Is(model.FlagRenamed) {
		notes = append(notes, "id-reused")
	}
	if e.Is(model.FlagSynthetic) {
		notes = append(notes, "synthetic")
	}
	if e.Is(model.FlagGuessed) {
		notes = append(notes, "link-guessed")
	}
	if notes != nil {
		b = append(b, `,"notes":`...)
		b = jsonw.Strings(b, notes)
	}
	return append(b, '}')
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}
