// Package chunks writes the data files the report's scripts read: a small
// manifest per scan, element chunks per type, log chunks, the list of false
// positives, the graph and tree files (graph.go: the layout package graph
// computes), and the site's lists of scans and investigations and live.js
// (site.go: the entries package pages computes). Each is a classic script
// that hands its JSON payload to window.__sr (ScriptPrefix, ScriptSuffix),
// so it loads from file:// as well as from a server or a bucket. The search
// index's shards (package searchindex) use the same wrapper.
// docs/site-format.md is the format's specification.
package chunks

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/scantext"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/jsonw"
	"github.com/scanreport/scanreport/scan"
)

// Rows is the most rows an element or log chunk holds.
const Rows = 10000

// Cuts applied to values in chunks; the flag FlagCut marks a cut data value.
const (
	MaxData       = 64 << 10
	MaxSourceData = 1 << 10
	// FlagCut is the chunk flag of a data value cut at MaxData.
	FlagCut = 32
)

// flagMask keeps the model flags that belong in chunks (not FP: it changes
// without the elements changing and lives in fp.js).
const flagMask = model.FlagRisky | model.FlagOrphan | model.FlagCycle | model.FlagRenamed | model.FlagGuessed

// Out receives a data file: its path relative to the scan's data folder,
// and its bytes.
type Out func(name string, data []byte) error

// ScriptPrefix and ScriptSuffix wrap the JSON payload of every data file:
// a classic script that hands it to window.__sr.
const (
	ScriptPrefix = datafile.Prefix
	ScriptSuffix = datafile.Suffix

	prefix = ScriptPrefix
	suffix = ScriptSuffix
)

// ElementChunk is the file name of chunk seq of a type.
func ElementChunk(slug string, seq int) string {
	return "e-" + slug + "-" + strconv.Itoa(seq) + ".js"
}

// LogChunk is the file name of log chunk seq.
func LogChunk(seq int) string { return "log-" + strconv.Itoa(seq) + ".js" }

// FPFile is the name of the false-positive list.
const FPFile = "fp.js"

// ManifestFile is the name of the manifest.
const ManifestFile = "manifest.js"

// Manifest encodes the scan's manifest for the given layout.
func Manifest(s *model.Scan, sl *ScanLayout) []byte {
	b := append([]byte(nil), prefix...)
	b = append(b, `{"k":"manifest","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"gen":`...)
	b = jsonw.Int(b, int64(sl.Gen))
	b = append(b, `,"status":`...)
	b = jsonw.String(b, s.Meta.Status)
	st := scantext.StatusOf(s.Meta.Status)
	b = append(b, `,"badge":{"label":`...)
	b = jsonw.String(b, st.Label)
	b = append(b, `,"class":`...)
	b = jsonw.String(b, st.Class)
	b = append(b, `,"partial":`...)
	b = jsonw.String(b, st.Partial)
	b = append(b, `},"done":`...)
	b = strconv.AppendBool(b, s.Meta.Done())
	b = append(b, `,"count":`...)
	b = jsonw.Int(b, int64(s.Count()))
	b = append(b, `,"modules":`...)
	b = jsonw.Strings(b, s.Modules)
	b = append(b, `,"types":[`...)
	first := true
	for _, t := range s.Types {
		if t.Code == "ROOT" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, `{"code":`...)
		b = jsonw.String(b, t.Code)
		b = append(b, `,"slug":`...)
		b = jsonw.String(b, t.Slug)
		b = append(b, `,"descr":`...)
		b = jsonw.String(b, t.Description)
		b = append(b, `,"cat":`...)
		b = jsonw.String(b, t.Category)
		for _, kv := range []struct {
			k string
			v int64
		}{{"total", int64(t.Total())}, {"unique", int64(t.Unique)}, {"risky", int64(t.Risky)}, {"fp", int64(t.FP)}, {"last", t.LastSeen}} {
			b = append(b, `,"`...)
			b = append(b, kv.k...)
			b = append(b, `":`...)
			b = jsonw.Int(b, kv.v)
		}
		b = append(b, `,"chunks":`...)
		b = chunkList(b, sl.Type(t.Slug), func(seq int) string { return ElementChunk(t.Slug, seq) })
		b = append(b, `,"facts":`...)
		b = typeFacts(b, scantext.TypeFacts(t))
		b = append(b, '}')
	}
	b = append(b, `],"log":{"total":`...)
	b = jsonw.Int(b, int64(len(s.Log)))
	b = append(b, `,"chunks":`...)
	b = chunkList(b, sl.Log, LogChunk)
	b = append(b, `},"fp":{"f":`...)
	b = jsonw.String(b, FPFile)
	b = append(b, `,"n":`...)
	fps := 0
	for _, t := range s.Types {
		fps += t.FP
	}
	b = jsonw.Int(b, int64(fps))
	b = append(b, '}')
	if d := sl.Downloads; d != nil {
		b = append(b, `,"downloads":{"n":`...)
		b = jsonw.Int(b, int64(d.Elements))
		b = append(b, `,"updating":`...)
		b = strconv.AppendBool(b, d.Updating)
		b = append(b, '}')
	}
	b = append(b, '}')
	return append(b, suffix...)
}

// typeFacts appends an element type's facts (sitefmt.TypeFact).
func typeFacts(b []byte, facts []scantext.Fact) []byte {
	b = append(b, '[')
	for i, f := range facts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		if f.N != "" {
			b = append(b, `"n":`...)
			b = jsonw.String(b, f.N)
			b = append(b, ',')
		}
		b = append(b, `"label":`...)
		b = jsonw.String(b, f.Label)
		if f.Time.Text != "" {
			b = append(b, `,"time":`...)
			b = jsonw.String(b, f.Time.Text)
			b = append(b, `,"iso":`...)
			b = jsonw.String(b, f.Time.ISO)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func chunkList(b []byte, l *Layout, name func(int) string) []byte {
	b = append(b, '[')
	for i, c := range l.Chunks {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"f":`...)
		b = jsonw.String(b, name(c.Seq))
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(c.N))
		b = append(b, `,"s":`...)
		b = jsonw.Int(b, int64(c.Start))
		if c.Ver > 0 {
			b = append(b, `,"v":`...)
			b = jsonw.Int(b, int64(c.Ver))
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// TypeChunks writes the chunks of a type whose indexes (into l.Chunks) are
// given, or all of them when which is nil. buf is scratch space to reuse.
func TypeChunks(s *model.Scan, t *model.TypeStat, l *Layout, which []int, buf []byte, out Out) ([]byte, error) {
	if which == nil {
		which = all(l)
	}
	for _, ci := range which {
		c := l.Chunks[ci]
		buf = ElementChunkBytes(buf[:0], s, t, c.Seq, t.Elements[c.Start:c.Start+c.N])
		if err := out(ElementChunk(t.Slug, c.Seq), buf); err != nil {
			return buf, err
		}
	}
	return buf, nil
}

func all(l *Layout) []int {
	idx := make([]int, len(l.Chunks))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// ElementChunkBytes encodes one element chunk of the elements idx.
// It is a packed file holding its JSON (internal/datafile): a page may load
// a hundred chunks, and Chromium keeps the source and the constants of
// every script it ran; a comment costs only its source.
func ElementChunkBytes(b []byte, s *model.Scan, t *model.TypeStat, seq int, idx []int32) []byte {
	b, at := datafile.OpenJSON(b, s.Meta.ID)
	b = append(b, `{"k":"elements","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"type":`...)
	b = jsonw.String(b, t.Slug)
	b = append(b, `,"seq":`...)
	b = jsonw.Int(b, int64(seq))
	b = append(b, `,"n":`...)
	b = jsonw.Int(b, int64(len(idx)))
	b = intColumn(b, "i", idx, func(i int32) int64 { return int64(i) })
	b = strColumn(b, "id", idx, func(i int32) string { return s.Elements[i].ID })
	b = append(b, `,"d":[`...)
	for k, i := range idx {
		if k > 0 {
			b = append(b, ',')
		}
		b, _ = jsonw.Truncated(b, s.Elements[i].Data, MaxData)
	}
	b = append(b, ']')
	b = intColumn(b, "s", idx, func(i int32) int64 { return int64(max(s.Elements[i].Source, 0)) })
	b = append(b, `,"sd":[`...)
	for k, i := range idx {
		if k > 0 {
			b = append(b, ',')
		}
		b, _ = jsonw.Truncated(b, s.SourceData(i), MaxSourceData)
	}
	b = append(b, ']')
	b = intColumn(b, "m", idx, func(i int32) int64 { return int64(s.Elements[i].Module) })
	b = intColumn(b, "t", idx, func(i int32) int64 { return s.Elements[i].Generated })
	b = intColumn(b, "r", idx, func(i int32) int64 { return int64(s.Elements[i].Risk) })
	b = intColumn(b, "c", idx, func(i int32) int64 { return int64(s.Elements[i].Confidence) })
	b = intColumn(b, "v", idx, func(i int32) int64 { return int64(s.Elements[i].Visibility) })
	b = intColumn(b, "f", idx, func(i int32) int64 {
		f := int64(s.Elements[i].Flags & flagMask)
		if len(s.Elements[i].Data) > MaxData {
			f |= FlagCut
		}
		return f
	})
	b = append(b, '}')
	return datafile.CloseJSON(b, at)
}

func intColumn(b []byte, name string, idx []int32, v func(int32) int64) []byte {
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":[`...)
	for k, i := range idx {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonw.Int(b, v(i))
	}
	return append(b, ']')
}

func strColumn(b []byte, name string, idx []int32, v func(int32) string) []byte {
	b = append(b, `,"`...)
	b = append(b, name...)
	b = append(b, `":[`...)
	for k, i := range idx {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonw.String(b, v(i))
	}
	return append(b, ']')
}

// LogChunks writes the log chunks whose indexes are given, or all of them
// when which is nil.
func LogChunks(s *model.Scan, l *Layout, which []int, buf []byte, out Out) ([]byte, error) {
	if which == nil {
		which = all(l)
	}
	for _, ci := range which {
		c := l.Chunks[ci]
		buf = LogChunkBytes(buf[:0], s.Meta.ID, c.Seq, s.Log[c.Start:c.Start+c.N])
		if err := out(LogChunk(c.Seq), buf); err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// LogChunkBytes encodes one log chunk, a packed file holding its JSON
// (as the element chunks).
func LogChunkBytes(b []byte, id string, seq int, lines []model.LogLine) []byte {
	b, at := datafile.OpenJSON(b, id)
	b = append(b, `{"k":"log","scan":`...)
	b = jsonw.String(b, id)
	b = fmt.Appendf(b, `,"seq":%d,"n":%d,"t":[`, seq, len(lines))
	for k, l := range lines {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonw.Int(b, l.Time)
	}
	for _, col := range []struct {
		name string
		v    func(*model.LogLine) string
	}{{"l", func(l *model.LogLine) string { return l.Level }}, {"c", func(l *model.LogLine) string { return l.Component }},
		{"m", func(l *model.LogLine) string { return l.Message }}} {
		b = append(b, `],"`...)
		b = append(b, col.name...)
		b = append(b, `":[`...)
		for k := range lines {
			if k > 0 {
				b = append(b, ',')
			}
			b, _ = jsonw.Truncated(b, col.v(&lines[k]), MaxData)
		}
	}
	b = append(b, "]}"...)
	return datafile.CloseJSON(b, at)
}

// FP encodes fp.js.
func FP(s *model.Scan) []byte {
	b := append([]byte(nil), prefix...)
	b = append(b, `{"k":"fp","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"i":[`...)
	// rows: each type's false positives by row (ROOT has no rows), for
	// readers that know a row's position but not its element index.
	rows := map[uint32][]int32{}
	first := true
	for i := range s.Elements {
		e := &s.Elements[i]
		if e.Is(model.FlagFP) {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = jsonw.Int(b, int64(i))
			if s.Types[e.Type].Code != scan.RootID {
				rows[e.Type] = append(rows[e.Type], e.Pos)
			}
		}
	}
	b = append(b, ']')
	// "r": the same false positives as rows of their types, {slug: [rows
	// ascending]}, the types in the manifest's order.
	b = append(b, `,"r":{`...)
	first = true
	for ti, t := range s.Types {
		r := rows[uint32(ti)]
		if len(r) == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		slices.Sort(r)
		b = jsonw.String(b, t.Slug)
		b = append(b, ':', '[')
		for k, row := range r {
			if k > 0 {
				b = append(b, ',')
			}
			b = jsonw.Int(b, int64(row))
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	// "d": the decisions behind them, [element, by, time (Unix ms, 0 when
	// unknown)] for each element a decision names, in element order.
	b = append(b, `,"d":[`...)
	marks := make([]int32, 0, len(s.FPMarks))
	for i := range s.FPMarks {
		if s.Elements[i].Is(model.FlagFP) {
			marks = append(marks, i)
		}
	}
	slices.Sort(marks)
	for k, i := range marks {
		if k > 0 {
			b = append(b, ',')
		}
		m := s.FPMarks[i]
		b = append(b, '[')
		b = jsonw.Int(b, int64(i))
		b = append(b, ',')
		b, _ = jsonw.Truncated(b, m.By, 200)
		b = append(b, ',')
		var ms int64
		if !m.Time.IsZero() {
			ms = m.Time.UnixMilli()
		}
		b = jsonw.Int(b, ms)
		b = append(b, ']')
	}
	b = append(b, "]}"...)
	return append(b, suffix...)
}
