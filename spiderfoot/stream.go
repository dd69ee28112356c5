package spiderfoot

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// Formats of the CLI's output (sf.py -o FORMAT).
const (
	FormatAuto = ""
	FormatJSON = "json"
	FormatCSV  = "csv"
	FormatTab  = "tab"
)

// StreamOptions are the stream import's own options.
type StreamOptions struct {
	Format  string // FormatAuto, FormatJSON, FormatCSV or FormatTab
	Replace bool   // start the scan afresh instead of appending to it
	// OnFlush, when set, is called after each flush (tests watch the
	// directory grow).
	OnFlush func()
}

// maxStreamLine bounds one line of the CLI's output; longer lines are
// skipped without being held in memory.
const maxStreamLine = 64 << 20

// Reasons for skipping input in the stream, as the summary prints them.
const (
	skipLogLine      = "SpiderFoot log lines between events (kept in log.jsonl)"
	skipText         = "lines or text that are not events"
	skipNotEvent     = "JSON values that are not events"
	skipCutShort     = "events cut short (incomplete JSON)"
	skipLongLine     = "lines longer than 64 MiB"
	noteNoSource     = "events without source data (tab output without -r): put under ROOT"
	noteGuessedSplit = "csv rows with a delimiter inside source data or data: split where the source is a known value"
)

// consoleLog matches SpiderFoot's console log format,
// "%(asctime)s [%(levelname)s] %(module)s : %(message)s".
var consoleLog = regexp.MustCompile(`(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:,(\d{3}))? \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] (\S*) : `)

// streamModule is what a module name in csv and tab output looks like.
var streamModule = regexp.MustCompile(`^(sfp_[A-Za-z0-9_]+|SpiderFoot UI)$`)

// ImportStream reads the output of `sf.py -o json|csv|tab` from r while the
// scan runs and appends each event to the scan directory o.Name (or o.ID)
// as it arrives, flushing whenever the input pauses, so that `scanreport
// serve` shows the scan live. The status is RUNNING while reading; at the
// end of the input it becomes FINISHED if the JSON list was closed (csv and
// tab output have no end marker: their end of input is FINISHED), ABORTED
// if not or if ctx is cancelled.
//
// Unlike the other imports it appends: run twice on the same input, it adds
// the events twice (StreamOptions.Replace starts afresh instead).
func ImportStream(ctx context.Context, r io.Reader, o Options, so StreamOptions) (*Summary, error) {
	start := time.Now()
	if o.Name == "" && o.ID == "" {
		return nil, errors.New("the stream import needs a scan name (--scan)")
	}
	if o.Name == "" {
		o.Name = o.ID
	}
	id := o.ID
	if id == "" {
		id = ScanID(o.Name)
	}
	if err := scan.ValidID(id); err != nil {
		return nil, err
	}
	src := o.Source
	if src == "" {
		src = "standard input"
	}
	st := &streamImport{cat: o.catalogue(), loc: o.loc(), so: so, format: so.Format,
		sum: &Summary{Source: src + " (sf.py output)", ScansRoot: o.ScansRoot},
		ss:  ScanSummary{ID: id, Name: o.Name, Correlations: -1}}
	w, linker, err := openStreamScan(id, src, &o, so, &st.ss)
	if err != nil {
		return nil, err
	}
	closed := false
	defer func() {
		if !closed {
			w.Close()
		}
	}()
	st.w, st.linker = w, linker
	st.target = w.Meta().Target
	if st.target == "" {
		st.target = o.Target
	}
	linker.target = st.target
	st.hasRoot = st.ss.Elements > 0
	st.modules = map[string]bool{}
	for _, m := range w.Meta().Modules {
		st.modules[m] = true
	}
	if st.format != FormatAuto {
		st.setFormat(st.format)
	}

	aborted, err := st.read(ctx, r)
	if err != nil {
		return nil, err
	}
	status, err := st.end(aborted)
	if err != nil {
		return nil, err
	}
	closed = true
	if err := w.Close(); err != nil {
		return nil, err
	}
	if so.OnFlush != nil {
		so.OnFlush()
	}
	ss, sum := st.ss, st.sum
	ss.Status = status
	ss.AmbiguousLinks, ss.UnmatchedLinks = st.lst.ambiguous, st.lst.unmatched
	sum.Scans = append(sum.Scans, ss)
	sum.Elapsed = time.Since(start)
	if st.format != "" {
		sum.Source += ", " + st.format
	}
	return sum, nil
}

// streamImport is one run of ImportStream: the scan being written and
// what it has learnt of the input so far.
type streamImport struct {
	w       *scan.Writer
	linker  *liveLinker
	cat     *eltypes.Catalogue
	loc     *time.Location
	so      StreamOptions
	sum     *Summary
	ss      ScanSummary
	target  string
	hasRoot bool
	lst     linkStats
	modules map[string]bool // the scan's modules: those that found something

	p         streamParser // nil until the format is known
	format    string
	undecided [][]byte // lines read before the format is known
}

// emit appends one event to the scan (ROOT first, from the first event
// when the target is not known), linking it to its source and noting its
// module and, for the target itself, the target's type.
func (st *streamImport) emit(ev streamEvent) error {
	w, linker := st.w, st.linker
	if !st.hasRoot {
		if err := st.addRoot(ev); err != nil {
			return err
		}
	}
	code, known := typeCode(st.cat, ev.typ)
	if !known {
		st.ss.unknownType(code)
	}
	source := scan.RootID
	link := ""
	if ev.hasSource {
		before := st.lst
		source = linker.link(ev.source, ev.module, &st.lst)
		if st.lst != before { // ambiguous or unmatched
			link = scan.LinkGuessed
		}
	} else {
		st.sum.note(noteNoSource, 1)
	}
	if ev.t.IsZero() {
		ev.t = time.Now()
	}
	eid, err := w.Add(scan.Element{Type: code, Data: ev.data, Source: source, Module: ev.module, Generated: ev.t, Link: link})
	if err != nil {
		return err
	}
	linker.add(eid, ev.data, isEntityType(st.cat, code))
	st.ss.Elements++
	if ev.module != "" && ev.module != rootModule && !st.modules[ev.module] {
		st.modules[ev.module] = true
		if err := w.UpdateMeta(func(m *scan.Meta) { m.Modules = append(m.Modules, ev.module) }); err != nil {
			return err
		}
	}
	if ev.module == rootModule && source == scan.RootID && ev.data == st.target && w.Meta().TargetType == "" {
		if err := w.UpdateMeta(func(m *scan.Meta) { m.TargetType = code }); err != nil {
			return err
		}
	}
	return nil
}

// addRoot writes the ROOT element before the first event; without a known
// target, the first event's source (or data) is the target.
func (st *streamImport) addRoot(ev streamEvent) error {
	if st.target == "" {
		st.target = ev.data
		if ev.source != "" {
			st.target = ev.source
		}
		st.linker.target = st.target
	}
	if err := st.w.UpdateMeta(func(m *scan.Meta) { m.Target = st.target }); err != nil {
		return err
	}
	if _, err := st.w.Add(scan.Element{ID: scan.RootID, Type: scan.RootID, Data: st.target, Source: scan.RootID, Generated: ev.t}); err != nil {
		return err
	}
	st.hasRoot = true
	st.ss.Elements++
	return nil
}

// junk takes text that is not an event: a SpiderFoot log line goes to the
// log, anything else is counted as skipped.
func (st *streamImport) junk(text []byte) error {
	text = bytes.TrimSpace(text)
	if len(text) == 0 {
		return nil
	}
	if m := consoleLog.FindSubmatchIndex(text); m != nil && m[0] == 0 {
		t, err := time.ParseInLocation(exportTimeLayout, string(text[m[2]:m[3]]), st.loc)
		if err != nil {
			t = time.Now()
		}
		if m[4] >= 0 {
			ms, _ := strconv.Atoi(string(text[m[4]:m[5]]))
			t = t.Add(time.Duration(ms) * time.Millisecond)
		}
		level := string(text[m[6]:m[7]])
		if err := st.w.Log(t, level, string(text[m[8]:m[9]]), string(text[m[1]:])); err != nil {
			return err
		}
		st.ss.LogLines++
		st.sum.skip(skipLogLine, 1)
		return nil
	}
	st.sum.skip(skipText, 1)
	return nil
}

// setFormat chooses the parser of format f.
func (st *streamImport) setFormat(f string) {
	st.format = f
	switch f {
	case FormatJSON:
		st.p = &jsonStream{emit: st.emit, junk: st.junk, sum: st.sum}
	default:
		st.p = &textStream{format: f, emit: st.emit, junk: st.junk, sum: st.sum, linker: st.linker, delim: ',', ss: &st.ss}
	}
}

// decide sets format f and parses the lines read while it was not known.
func (st *streamImport) decide(f string) error {
	st.setFormat(f)
	for _, l := range st.undecided {
		if err := st.p.line(l); err != nil {
			return err
		}
	}
	st.undecided = nil
	return nil
}

// line takes one line of input: until the format is known it is detected
// from the lines (JSON after 1,000 lines that say nothing), then each line
// goes to the parser. parsed is false while the format is being decided
// (and for the line that decided it by count): no flush then.
func (st *streamImport) line(line []byte) (parsed bool, err error) {
	if st.p == nil {
		if f := detectFormat(line); f != "" {
			if err := st.decide(f); err != nil {
				return false, err
			}
		} else {
			st.undecided = append(st.undecided, line)
			if len(st.undecided) < 1000 {
				return false, nil
			}
			return false, st.decide(FormatJSON)
		}
	}
	return true, st.p.line(line)
}

// flush writes what was parsed (the input paused).
func (st *streamImport) flush() error {
	if st.p != nil {
		if err := st.p.idle(); err != nil {
			return err
		}
	}
	if err := st.w.Flush(); err != nil {
		return err
	}
	if st.so.OnFlush != nil {
		st.so.OnFlush()
	}
	return nil
}

// read takes r's lines until its end or ctx's cancellation (aborted),
// flushing whenever no line is waiting.
func (st *streamImport) read(ctx context.Context, r io.Reader) (aborted bool, err error) {
	lines := make(chan []byte, 1024)
	readDone := make(chan readResult, 1)
	go readLines(r, lines, readDone)
	for {
		var line []byte
		var ok bool
		select {
		case <-ctx.Done():
			return true, nil
		case line, ok = <-lines:
		}
		if !ok {
			break
		}
		parsed, err := st.line(line)
		if err != nil {
			return false, err
		}
		if parsed && len(lines) == 0 {
			if err := st.flush(); err != nil {
				return false, err
			}
		}
	}
	res := <-readDone
	if res.err != nil {
		return false, fmt.Errorf("read: %w", res.err)
	}
	st.sum.skip(skipLongLine, res.tooLong)
	return false, nil
}

// end parses what is left and sets the scan's final status: FINISHED when
// the input ended cleanly and was not aborted, else ABORTED.
func (st *streamImport) end(aborted bool) (string, error) {
	if st.p == nil {
		if err := st.decide(FormatJSON); err != nil {
			return "", err
		}
	}
	clean, err := st.p.end()
	if err != nil {
		return "", err
	}
	status := scan.StatusAborted
	if clean && !aborted {
		status = scan.StatusFinished
	}
	return status, st.w.SetStatus(status, time.Now())
}

// openStreamScan creates the scan directory, or opens it to append (then
// the linker learns the elements already there).
func openStreamScan(id, src string, o *Options, so StreamOptions, ss *ScanSummary) (*scan.Writer, *liveLinker, error) {
	dir := scan.DirPath(o.ScansRoot, id)
	linker := newLiveLinker("")
	_, err := os.Lstat(dir)
	exists := err == nil
	if exists {
		if err := checkTargets(o.ScansRoot, []target{{id, "spiderfoot-stream", o.Name, o.Target}}, o.Force); err != nil {
			return nil, nil, err
		}
	}
	var aside string // the replaced directory, whose analyst files are kept
	if exists && so.Replace {
		aside = filepath.Join(o.ScansRoot, ".import-tmp-replaced-"+id+"-"+randomSuffix())
		if err := os.Rename(dir, aside); err != nil {
			return nil, nil, fmt.Errorf("move the earlier %s aside: %w", id, err)
		}
		exists = false
	}
	now := time.Now().UTC()
	if !exists {
		if err := os.MkdirAll(o.ScansRoot, 0o755); err != nil {
			return nil, nil, err
		}
		w, err := scan.Create(o.ScansRoot, scan.Meta{ID: id, Name: o.Name, Target: o.Target, Kind: scan.KindAutomated,
			Status: scan.StatusRunning, Created: now, Started: now})
		if err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, MarkerFile), marker("spiderfoot-stream", src, o.Name), 0o644); err != nil {
			w.Close()
			return nil, nil, err
		}
		if aside != "" {
			// --replace starts the scan afresh, not the analyst's work:
			// their decisions and files come along.
			if err := keepAnalystFiles(aside, dir); err != nil {
				w.Close()
				return nil, nil, err
			}
		}
		return w, linker, nil
	}
	// Append: learn what is there.
	cat := o.catalogue()
	root, err := scan.OpenRoot(o.ScansRoot)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	d, err := root.Open(id)
	if err != nil {
		return nil, nil, err
	}
	defer d.Close()
	_, err = d.Elements(scan.Position{}, nil, func(e scan.Element, _ int) error {
		ss.Elements++
		if e.ID != scan.RootID {
			linker.add(e.ID, e.Data, isEntityType(cat, e.Type))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	had := ss.Elements
	ss.Appended = true
	w, err := scan.OpenWriter(o.ScansRoot, id)
	if err != nil {
		return nil, nil, err
	}
	if err := w.UpdateMeta(func(m *scan.Meta) {
		m.Status = scan.StatusRunning
		m.Ended = time.Time{}
		if m.Started.IsZero() {
			m.Started = now
		}
	}); err != nil {
		w.Close()
		return nil, nil, err
	}
	// Elements counts this run's elements plus the ones already there.
	ss.Elements = had
	return w, linker, nil
}

// readResult is how reading the input ended.
type readResult struct {
	err     error // nil at the end of input
	tooLong int   // lines skipped for their length
}

// readLines sends the input's lines (without the line break; a final line
// without one too) to lines, then closes it and sends how reading ended.
func readLines(r io.Reader, lines chan<- []byte, done chan<- readResult) {
	defer close(lines)
	br := bufio.NewReaderSize(r, 1<<20)
	var buf []byte
	var res readResult
	tooLong := false
	for {
		part, err := br.ReadSlice('\n')
		switch {
		case tooLong:
		case len(buf)+len(part) > maxStreamLine:
			tooLong, buf = true, nil
		default:
			buf = append(buf, part...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			res.tooLong++
		} else if len(buf) > 0 {
			lines <- bytes.Clone(bytes.TrimRight(buf, "\r\n"))
		}
		buf, tooLong = buf[:0], false
		if err != nil {
			if err != io.EOF {
				res.err = err
			}
			done <- res
			return
		}
	}
}

// detectFormat tells the format from a line, or "" when the line does not
// tell (a log line, say).
func detectFormat(line []byte) string {
	s := strings.TrimSpace(string(line))
	if s == "" {
		return ""
	}
	if m := consoleLog.FindStringIndex(s); m != nil {
		if strings.TrimSpace(s[:m[0]]) == "[" {
			return FormatJSON
		}
		return ""
	}
	if s == "[" || strings.HasPrefix(s, "[{") || strings.HasPrefix(s, `{"`) || strings.HasPrefix(s, "[ {") {
		return FormatJSON
	}
	if strings.HasPrefix(s, "Source") && len(s) > 6 {
		switch c := s[6]; {
		case c == ' ' || c == '\t':
			return FormatTab
		default:
			return FormatCSV
		}
	}
	if f := strings.SplitN(s, "\t", 3); len(f) == 3 && streamModule.MatchString(strings.TrimRight(f[0], " ")) {
		return FormatTab
	}
	if f := strings.SplitN(s, ",", 3); len(f) == 3 && streamModule.MatchString(f[0]) {
		return FormatCSV
	}
	return ""
}

// streamEvent is one event of the CLI's output.
type streamEvent struct {
	t                         time.Time // zero: now
	typ, data, module, source string
	hasSource                 bool
}

type streamParser interface {
	line(b []byte) error
	idle() error        // the input paused
	end() (bool, error) // the input ended: was it a clean end?
}

// jsonStream parses `sf.py -o json`: "[", then event objects separated by
// ",\n", then "]" when the scan ends. Text between objects (log lines,
// issue #1609) is skipped; an object cut by a log line is joined again
// when the rest follows within a few lines.
type jsonStream struct {
	emit       func(streamEvent) error
	junk       func([]byte) error
	sum        *Summary
	pending    []byte // the start of an object the line did not finish
	pendingAge int
	sawClose   bool // "]" seen after the last event
}

type objStatus int

const (
	objOK objStatus = iota
	objIncomplete
	objBad
)

// objectAt decodes the JSON value starting at b[i] ('{').
func objectAt(b []byte, i int) (int, objStatus) {
	dec := json.NewDecoder(bytes.NewReader(b[i:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return 0, objIncomplete
		}
		return 0, objBad
	}
	return i + int(dec.InputOffset()), objOK
}

func (js *jsonStream) line(b []byte) error {
	if js.pending != nil {
		// Events hold no raw line breaks: a pending start is only joined
		// with a line that completes it. Lines in between (log lines) are
		// taken on their own.
		joined := append(js.pending, b...)
		if end, st := objectAt(joined, 0); st == objOK {
			js.pending = nil
			if err := js.object(joined[:end]); err != nil {
				return err
			}
			return js.pieces(joined[end:])
		}
		js.pendingAge++
		if t := bytes.TrimSpace(b); js.pendingAge > 3 || bytes.HasPrefix(t, []byte(`{"`)) || bytes.HasPrefix(t, []byte(`[{"`)) {
			js.pending = nil
			js.sum.skip(skipCutShort, 1)
		}
	}
	return js.pieces(b)
}

// pieces handles a line: events, structure ("[", ",", "]") and junk.
func (js *jsonStream) pieces(b []byte) error {
	for i := 0; i < len(b); {
		switch b[i] {
		case ' ', '\t', '\r', '\n', ',', '[':
			i++
			continue
		case ']':
			js.sawClose = true
			i++
			continue
		case '{':
			end, st := objectAt(b, i)
			switch st {
			case objOK:
				if err := js.object(b[i:end]); err != nil {
					return err
				}
				i = end
				continue
			case objIncomplete:
				frag := b[i:]
				if m := consoleLog.FindIndex(frag); m != nil && m[0] > 0 {
					if err := js.junk(frag[m[0]:]); err != nil {
						return err
					}
					frag = frag[:m[0]]
				}
				if js.pending != nil {
					js.sum.skip(skipCutShort, 1)
				}
				js.pending = bytes.Clone(frag)
				js.pendingAge = 0
				return nil
			}
		}
		// Junk up to the next object.
		end := len(b)
		if j := bytes.Index(b[i+1:], []byte(`{"`)); j >= 0 {
			end = i + 1 + j
		}
		if err := js.junk(b[i:end]); err != nil {
			return err
		}
		i = end
	}
	return nil
}

// cliEvent is SpiderFootEvent.asDict() with the type's description.
type cliEvent struct {
	Generated json.Number `json:"generated"`
	Type      *string     `json:"type"`
	Data      *string     `json:"data"`
	Module    string      `json:"module"`
	Source    *string     `json:"source"`
}

func (js *jsonStream) object(raw []byte) error {
	var e cliEvent
	if err := json.Unmarshal(raw, &e); err != nil || e.Type == nil || e.Data == nil {
		js.sum.skip(skipNotEvent, 1)
		return nil
	}
	js.sawClose = false
	ev := streamEvent{typ: strings.TrimSpace(*e.Type), data: *e.Data, module: e.Module, hasSource: true}
	if e.Source != nil {
		ev.source = *e.Source
	}
	if f, err := e.Generated.Float64(); err == nil && f > 0 {
		ev.t = secondsTime(f)
	}
	return js.emit(ev)
}

func (js *jsonStream) idle() error { return nil }

func (js *jsonStream) end() (bool, error) {
	if js.pending != nil {
		js.pending = nil
		js.sum.skip(skipCutShort, 1)
		return false, nil
	}
	return js.sawClose, nil
}

// textStream parses `sf.py -o csv` (module,description,source data,data,
// unquoted; the header names 3 columns, rows have 4) and `-o tab` (module
// and description padded to 30 and 45 characters, tab-separated; source
// data only with -r). A value with line breaks continues on the next lines,
// so an event is written when the next one begins or the input pauses.
type textStream struct {
	format     string
	delim      byte
	showSource bool // tab: the header has a Source Data column
	header     bool
	emit       func(streamEvent) error
	junk       func([]byte) error
	sum        *Summary
	linker     *liveLinker
	ss         *ScanSummary
	pending    *streamEvent
}

func (ts *textStream) line(b []byte) error {
	s := string(b)
	if !ts.header && strings.HasPrefix(s, "Source") && ts.pending == nil {
		ts.header = true
		if ts.format == FormatCSV && len(s) > 6 {
			ts.delim = s[6]
		}
		if ts.format == FormatTab {
			ts.showSource = len(strings.Split(s, "\t")) >= 4
		}
		return nil
	}
	if m := consoleLog.FindStringIndex(s); m != nil && m[0] == 0 {
		if err := ts.flushPending(); err != nil {
			return err
		}
		return ts.junk(b)
	}
	if ev, ok := ts.parse(s); ok {
		if err := ts.flushPending(); err != nil {
			return err
		}
		ts.pending = &ev
		return nil
	}
	if ts.pending != nil {
		ts.pending.data += "\n" + s
		return nil
	}
	return ts.junk(b)
}

func (ts *textStream) parse(s string) (streamEvent, bool) {
	if ts.format == FormatTab {
		f := strings.Split(s, "\t")
		if len(f) < 3 || (ts.showSource && len(f) < 4) {
			return streamEvent{}, false
		}
		ev := streamEvent{module: strings.TrimRight(f[0], " "), typ: strings.TrimRight(f[1], " ")}
		if !streamModule.MatchString(ev.module) || ev.typ == "" {
			return streamEvent{}, false
		}
		if ts.showSource {
			ev.source, ev.data, ev.hasSource = f[2], strings.Join(f[3:], "\t"), true
		} else {
			ev.data = strings.Join(f[2:], "\t")
		}
		return ev, true
	}
	d := string(ts.delim)
	f := strings.SplitN(s, d, 3)
	if len(f) < 3 || !streamModule.MatchString(f[0]) || f[1] == "" {
		return streamEvent{}, false
	}
	ev := streamEvent{module: f[0], typ: f[1], hasSource: true}
	rest := f[2]
	// Source data and data are not quoted: split at the delimiter after
	// which the source is the data of a known element (or the target),
	// the longest such; if none is known, at the first delimiter.
	first := strings.Index(rest, d)
	if first < 0 {
		ev.data = rest
		return ev, true
	}
	split := first
	if strings.Count(rest, d) > 1 {
		ts.sum.note(noteGuessedSplit, 1)
		for k := first; k >= 0; {
			if src := rest[:k]; src == ts.linker.target || ts.linker.byData[src] != nil {
				split = k
			}
			next := strings.Index(rest[k+1:], d)
			if next < 0 {
				break
			}
			k += 1 + next
		}
	}
	ev.source, ev.data = rest[:split], rest[split+1:]
	return ev, true
}

func (ts *textStream) flushPending() error {
	if ts.pending == nil {
		return nil
	}
	ev := *ts.pending
	ts.pending = nil
	return ts.emit(ev)
}

func (ts *textStream) idle() error { return ts.flushPending() }

func (ts *textStream) end() (bool, error) { return true, ts.flushPending() }

// keepAnalystFiles moves what the analyst added to a scan directory (their
// decisions in review.jsonl, notes.md, any file an import does not write)
// from old into the new directory dir, then removes old.
func keepAnalystFiles(old, dir string) error {
	if _, err := mergeReview(filepath.Join(old, scan.ReviewFile), filepath.Join(dir, scan.ReviewFile)); err != nil {
		return fmt.Errorf("keep the analyst's decisions (the earlier scan is in %s): %w", old, err)
	}
	entries, err := os.ReadDir(old)
	if err != nil {
		return fmt.Errorf("read the earlier scan in %s: %w", old, err)
	}
	for _, e := range entries {
		if importOwned[e.Name()] {
			continue
		}
		if err := os.Rename(filepath.Join(old, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("keep %s (the earlier scan is in %s): %w", e.Name(), old, err)
		}
	}
	return os.RemoveAll(old)
}
