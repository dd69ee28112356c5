// Package model turns what the scan package reads into a Scan ready to
// render: elements linked to their sources, counts by type and module, risky
// and false-positive flags, and the log. It writes no files and knows no
// HTML; every later stage (pages, chunks, exports) reads a Scan.
//
// A Scan grows by Add and is made consistent by Finish, so the same code
// serves a full build and an incremental one: appending k elements costs
// O(k) plus the elements whose sources were still missing.
package model

import (
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/scan"
)

// Element flags.
const (
	FlagRisky     uint8 = 1 << iota // the type is risky or the risk is high
	FlagFP                          // marked false positive (directly or through a parent)
	FlagOrphan                      // the source id never appeared; attached to ROOT
	FlagCycle                       // the source made a cycle; attached to ROOT
	FlagRenamed                     // the id was used before; the element got a new id
	FlagSynthetic                   // made by scanreport (a ROOT the scan did not write)
	FlagGuessed                     // the link to the source was guessed from its value (scan.LinkGuessed)
)

// NoSource is the Source of ROOT.
const NoSource = -1

// Element is one element of a scan, compact: a million of them fit in a few
// hundred megabytes.
type Element struct {
	ID         string
	Data       string
	Source     int32 // index of the parent element; NoSource for ROOT
	Type       uint32
	Module     uint32
	Generated  int64 // Unix milliseconds; 0 when unknown
	Line       int32 // line in elements.jsonl; 0 for synthetic elements
	Pos        int32 // position among the elements of its type
	Risk       uint8
	Confidence uint8
	Visibility uint8
	Flags      uint8
}

// Is reports whether the flag is set.
func (e *Element) Is(flag uint8) bool { return e.Flags&flag != 0 }

// TypeStat gathers one element type of a scan.
type TypeStat struct {
	eltypes.Type
	Slug     string  // file-name-safe, unique within the scan, lower case
	Elements []int32 // indices, in arrival order
	Unique   int     // distinct data values
	Risky    int     // risky elements
	// RiskyType: every element of the type is risky ([risky] types in
	// config.toml), as opposed to risky by its risk score or a finding.
	RiskyType bool
	FP        int   // false positives
	LastSeen  int64 // Unix ms of the newest element
	hashes    map[uint64]struct{}
}

// Total is the number of elements of the type.
func (t *TypeStat) Total() int { return len(t.Elements) }

// LogLine is one log entry.
type LogLine struct {
	Time      int64 // Unix ms
	Level     string
	Component string
	Message   string
}

// Limits against hostile or broken scanners: types and modules beyond these
// are grouped under one name instead of producing a page or row each.
const (
	MaxTypes   = 1000
	MaxModules = 10000
	// OtherType collects elements of types beyond MaxTypes.
	OtherType = "_OTHER_TYPES"
	// OtherModule collects elements of modules beyond MaxModules.
	OtherModule = "(other modules)"
)

// Scan is one scan's results.
type Scan struct {
	Meta     scan.Meta
	Settings scan.Settings
	Notes    []byte

	Elements []Element // Elements[0] is ROOT
	Types    []*TypeStat
	Modules  []string
	// ModuleCounts[i] counts the elements of Modules[i].
	ModuleCounts []int
	Log          []LogLine
	// LogCounts counts log lines by level.
	LogCounts map[string]int
	// Problems found while reading this scan (capped; see Problems.Total).
	Problems Problems
	// RiskyByLevel lists the risky elements (not ROOT) by their risk
	// (0–100), each list in arrival order, so the riskiest are found
	// without sorting.
	RiskyByLevel [101][]int32
	// Seconds counts elements (not ROOT) by the second they were found in
	// (Unix seconds), for the discovery timeline; FirstSeen and LastSeen
	// bound them (Unix ms, 0 when no element has a time).
	Seconds             map[int64]int32
	FirstSeen, LastSeen int64
	// Correlations found by the correlation rules; CorrelationsRun says
	// whether they were run at all (finished automated scans only).
	Correlations    []Finding
	CorrelationsRun bool

	// Mask masks the scan's text as it is read (LoadMasked); nil when
	// masking is off. Masking says whether it is on, MaskedSettings how
	// many setting values it masked.
	Mask           *redact.Masker
	Masking        bool
	MaskedSettings int

	// Positions reached in the append-only files, for incremental reads.
	ElementsPos, LogPos, ReviewPos scan.Position

	cat      *eltypes.Catalogue
	risky    *eltypes.Risky
	seed     maphash.Seed
	ids      map[string]int32
	typeIdx  map[string]uint32
	slugs    map[string]bool
	modIdx   map[string]uint32
	interned map[string]string
	// pending maps a source id not seen yet to the elements waiting for it.
	pending map[string][]int32
	// checkCycles lists elements linked to a later element: only those can
	// take part in a cycle.
	checkCycles []int32
	decisions   []decision
	reviewDirty bool
	// FPMarks: who marked each element that a decision names directly
	// (its descendants are false positives through it), and when.
	FPMarks map[int32]FPMark
	// relinked lists elements whose source changed after they were added.
	relinked []int32
	children *Children
}

// New starts an empty scan. The ROOT element is made from the target until
// the scan's own ROOT line is read.
func New(meta scan.Meta, cat *eltypes.Catalogue, risky *eltypes.Risky) *Scan {
	s := &Scan{
		Meta: meta, cat: cat, risky: risky, seed: maphash.MakeSeed(),
		ids: map[string]int32{}, typeIdx: map[string]uint32{}, slugs: map[string]bool{},
		modIdx: map[string]uint32{}, interned: map[string]string{}, pending: map[string][]int32{},
		LogCounts: map[string]int{}, Seconds: map[int64]int32{},
	}
	root := Element{ID: scan.RootID, Data: meta.Target, Source: NoSource, Flags: FlagSynthetic,
		Type: s.typeOf(scan.RootID, 0), Module: s.moduleOf(""), Confidence: 100, Visibility: 100}
	if !meta.Started.IsZero() {
		root.Generated = meta.Started.UnixMilli()
	}
	s.Elements = append(s.Elements, root)
	s.ids[scan.RootID] = 0
	s.count(0)
	return s
}

// Grow makes room for about n more elements, so a large scan is not
// rehashed and copied while it is read.
func (s *Scan) Grow(n int) {
	if n <= 0 {
		return
	}
	s.Elements = append(make([]Element, 0, len(s.Elements)+n), s.Elements...)
	ids := make(map[string]int32, len(s.ids)+n)
	for k, v := range s.ids {
		ids[k] = v
	}
	s.ids = ids
}

// Catalogue is the type catalogue the scan was built with.
func (s *Scan) Catalogue() *eltypes.Catalogue { return s.cat }

// Add adds one element read from line of elements.jsonl. Call Finish after
// a batch of Adds.
func (s *Scan) Add(e scan.Element, line int) {
	if e.ID == scan.RootID {
		s.addRoot(e, line)
		return
	}
	var flags uint8
	if prev, ok := s.ids[e.ID]; ok {
		p := &s.Elements[prev]
		if p.Data == e.Data && s.Types[p.Type].Code == e.Type && s.sourceID(prev) == e.Source {
			s.problem(line, scan.Warning, scan.KindDuplicateID, "element %s repeats line %d; dropped", strconv.Quote(e.ID), p.Line)
			return
		}
		newID := s.freeID(e.ID, line)
		s.problem(line, scan.Warning, scan.KindDuplicateID, "id %s was used on line %d for another element; this one is kept as %s",
			strconv.Quote(e.ID), p.Line, strconv.Quote(newID))
		e.ID = newID
		flags |= FlagRenamed
	}
	idx := int32(len(s.Elements))
	el := Element{
		ID: e.ID, Data: e.Data, Source: NoSource, Type: s.typeOf(e.Type, line), Module: s.moduleOf(e.Module),
		Line: int32(line), Risk: uint8(e.Risk), Confidence: uint8(e.Confidence), Visibility: uint8(e.Visibility), Flags: flags,
	}
	if !e.Generated.IsZero() {
		el.Generated = e.Generated.UnixMilli()
	}
	if s.risky != nil && s.risky.Element(e.Type, e.Risk) {
		el.Flags |= FlagRisky
	}
	if e.Link == scan.LinkGuessed {
		el.Flags |= FlagGuessed
	}
	if src, ok := s.ids[e.Source]; ok {
		el.Source = src
		el.Flags |= s.Elements[src].Flags & FlagFP // a child of a false positive is one too
	} else {
		s.pending[e.Source] = append(s.pending[e.Source], idx)
	}
	s.Elements = append(s.Elements, el)
	s.ids[e.ID] = idx
	s.count(idx)
	// Elements that waited for this id get their source now.
	if waiting, ok := s.pending[e.ID]; ok {
		delete(s.pending, e.ID)
		for _, w := range waiting {
			s.Elements[w].Source = idx
			s.Elements[w].Flags &^= FlagOrphan
			s.checkCycles = append(s.checkCycles, w)
			s.relinked = append(s.relinked, w)
		}
	}
	s.children = nil
}

func (s *Scan) addRoot(e scan.Element, line int) {
	root := &s.Elements[0]
	if root.Flags&FlagSynthetic == 0 {
		if root.Data != e.Data {
			s.problem(line, scan.Error, scan.KindDuplicateID, "a second ROOT element (first on line %d); dropped", root.Line)
		}
		return
	}
	root.Flags &^= FlagSynthetic
	root.Data, root.Line = e.Data, int32(line)
	if !e.Generated.IsZero() {
		root.Generated = e.Generated.UnixMilli()
	}
	if s.Meta.Target == "" {
		s.Meta.Target = e.Data
	}
}

// freeID finds an id not used yet for a reused id.
func (s *Scan) freeID(id string, line int) string {
	base := id + "#L" + strconv.Itoa(line)
	cand := base
	for n := 2; ; n++ {
		if _, used := s.ids[cand]; !used {
			return cand
		}
		cand = base + "-" + strconv.Itoa(n)
	}
}

func (s *Scan) sourceID(i int32) string {
	src := s.Elements[i].Source
	if src == NoSource {
		return scan.RootID
	}
	return s.Elements[src].ID
}

// count adds element idx to its type's and module's statistics.
func (s *Scan) count(idx int32) {
	e := &s.Elements[idx]
	t := s.Types[e.Type]
	e.Pos = int32(len(t.Elements))
	t.Elements = append(t.Elements, idx)
	h := maphash.String(s.seed, e.Data)
	if _, dup := t.hashes[h]; !dup {
		t.hashes[h] = struct{}{}
		t.Unique++
	}
	if e.Is(FlagRisky) {
		t.Risky++
		if idx > 0 {
			s.RiskyByLevel[e.Risk] = append(s.RiskyByLevel[e.Risk], idx)
		}
	}
	if e.Is(FlagFP) {
		t.FP++
	}
	t.LastSeen = max(t.LastSeen, e.Generated)
	s.ModuleCounts[e.Module]++
	if idx > 0 && e.Generated > 0 {
		s.Seconds[e.Generated/1000]++
		if s.FirstSeen == 0 || e.Generated < s.FirstSeen {
			s.FirstSeen = e.Generated
		}
		s.LastSeen = max(s.LastSeen, e.Generated)
	}
}

func (s *Scan) typeOf(code string, line int) uint32 {
	if i, ok := s.typeIdx[code]; ok {
		return i
	}
	if len(s.Types) >= MaxTypes {
		if code != OtherType {
			s.problem(line, scan.Warning, scan.KindUnknownType, "more than %d element types; type %s is counted under %s",
				MaxTypes, strconv.Quote(truncateText(code, 60)), OtherType)
		}
		if i, ok := s.typeIdx[OtherType]; ok {
			return i
		}
		code = OtherType
	}
	ty := s.cat.Lookup(code)
	if !ty.Known && code != OtherType {
		s.problem(line, scan.Warning, scan.KindUnknownType, "element type %s is not in the SpiderFoot catalogue; kept as is",
			strconv.Quote(truncateText(code, 60)))
	}
	i := uint32(len(s.Types))
	s.Types = append(s.Types, &TypeStat{Type: ty, Slug: s.slug(code), RiskyType: s.risky != nil && s.risky.Type(code), hashes: map[uint64]struct{}{}})
	s.typeIdx[code] = i
	return i
}

// slug makes a file name for a type: the code in lower case when it is
// plain, a hash otherwise; unique without regard to case, so the site also
// works on case-insensitive file systems.
func (s *Scan) slug(code string) string {
	base := strings.ToLower(code)
	plain := len(base) > 0 && len(base) <= 80
	for i := 0; i < len(base) && plain; i++ {
		c := base[i]
		plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
	}
	if !plain || base[0] == '_' {
		base = fmt.Sprintf("t%016x", fnv64(code))
	}
	cand := base
	for n := 2; s.slugs[cand]; n++ {
		cand = base + "-" + strconv.Itoa(n)
	}
	s.slugs[cand] = true
	return cand
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func (s *Scan) moduleOf(name string) uint32 {
	if i, ok := s.modIdx[name]; ok {
		return i
	}
	if len(s.Modules) >= MaxModules {
		name = OtherModule
		if i, ok := s.modIdx[name]; ok {
			return i
		}
	}
	i := uint32(len(s.Modules))
	s.Modules = append(s.Modules, name)
	s.ModuleCounts = append(s.ModuleCounts, 0)
	s.modIdx[name] = i
	return i
}

// Finish makes the scan consistent after a batch of Adds: sources that have
// not appeared are reported and the elements shown under ROOT (a source that
// appears later still links them), cycles are broken, and review decisions
// are applied.
func (s *Scan) Finish() {
	for _, src := range slices.Sorted(maps.Keys(s.pending)) {
		for _, w := range s.pending[src] {
			e := &s.Elements[w]
			if e.Flags&FlagOrphan == 0 {
				e.Flags |= FlagOrphan
				s.problem(int(e.Line), scan.Warning, scan.KindUnknownSrc, "source %s of element %s does not appear (yet); shown under ROOT",
					strconv.Quote(truncateText(src, 80)), strconv.Quote(truncateText(e.ID, 80)))
			}
			e.Source = 0
		}
	}
	s.breakCycles()
	if s.reviewDirty {
		s.applyReview()
	}
}

func (s *Scan) problem(line int, sev scan.Severity, kind scan.Kind, format string, args ...any) {
	s.Problems.Add(scan.Problem{Scan: s.Meta.ID, File: s.Meta.ID + "/" + scan.ElementsFile, Line: line, Severity: sev, Kind: kind, Text: fmt.Sprintf(format, args...)})
}

// breakCycles follows the source chain of every element that was linked to
// a later one; a chain that comes back to itself is cut at that element.
func (s *Scan) breakCycles() {
	if len(s.checkCycles) == 0 {
		return
	}
	state := map[int32]uint8{} // 1: on the current path, 2: known to reach ROOT
	for _, start := range s.checkCycles {
		var path []int32
		i := start
		for {
			if i <= 0 || state[i] == 2 {
				break
			}
			if state[i] == 1 {
				e := &s.Elements[i]
				s.problem(int(e.Line), scan.Warning, scan.KindCycle, "element %s is its own ancestor through its sources; shown under ROOT",
					strconv.Quote(truncateText(e.ID, 80)))
				e.Source = 0
				e.Flags |= FlagCycle
				s.relinked = append(s.relinked, i)
				break
			}
			state[i] = 1
			path = append(path, i)
			i = s.Elements[i].Source
		}
		for _, p := range path {
			state[p] = 2
		}
	}
	s.checkCycles = s.checkCycles[:0]
}

// TakeRelinked returns the elements whose source changed after they were
// first added (a late source arrived, a cycle was cut) since the last call,
// so the files showing them can be rewritten.
func (s *Scan) TakeRelinked() []int32 {
	r := s.relinked
	s.relinked = nil
	return r
}

// AddLog adds one log entry.
func (s *Scan) AddLog(e scan.LogEntry) {
	l := LogLine{Level: s.intern(e.Level), Component: s.intern(e.Component), Message: e.Message}
	if !e.Time.IsZero() {
		l.Time = e.Time.UnixMilli()
	}
	s.Log = append(s.Log, l)
	s.LogCounts[l.Level]++
}

func (s *Scan) intern(v string) string {
	if len(v) > 64 {
		return v
	}
	if i, ok := s.interned[v]; ok {
		return i
	}
	if len(s.interned) < 10000 {
		s.interned[v] = v
	}
	return v
}

// Errors counts ERROR and CRITICAL log lines.
func (s *Scan) Errors() int { return s.LogCounts[scan.LevelError] + s.LogCounts[scan.LevelCritical] }

// Type returns the statistics of element i's type.
func (s *Scan) Type(i int32) *TypeStat { return s.Types[s.Elements[i].Type] }

// Module returns element i's module name.
func (s *Scan) Module(i int32) string { return s.Modules[s.Elements[i].Module] }

// SourceData returns the data of element i's source ("" for ROOT's).
func (s *Scan) SourceData(i int32) string {
	src := s.Elements[i].Source
	if src == NoSource {
		return s.Elements[0].Data
	}
	return s.Elements[src].Data
}

// Count is the number of elements without ROOT.
func (s *Scan) Count() int { return len(s.Elements) - 1 }

// Lookup finds an element by id.
func (s *Scan) Lookup(id string) (int32, bool) {
	i, ok := s.ids[id]
	return i, ok
}

// Time converts Unix milliseconds to a time (zero for 0).
func Time(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
