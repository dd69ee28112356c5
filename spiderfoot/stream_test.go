package spiderfoot

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// cliEvents are what `sf.py -s acme.example -o json` prints for a small
// scan, one JSON object each (type descriptions, source data).
var cliEvents = []string{
	`{"generated": 1700000000, "type": "Internet Name", "data": "acme.example", "module": "SpiderFoot UI", "source": "acme.example"}`,
	`{"generated": 1700000000, "type": "Domain Name", "data": "acme.example", "module": "SpiderFoot UI", "source": "acme.example"}`,
	`{"generated": 1700000001, "type": "IP Address", "data": "192.0.2.1", "module": "sfp_dnsresolve", "source": "acme.example"}`,
	`{"generated": 1700000002, "type": "Internet Name", "data": "www.acme.example", "module": "sfp_spider", "source": "acme.example"}`,
	`{"generated": 1700000003, "type": "IP Address", "data": "192.0.2.2", "module": "sfp_dnsresolve", "source": "www.acme.example"}`,
	`{"generated": 1700000004, "type": "Open TCP Port", "data": "192.0.2.2:443", "module": "sfp_portscan_tcp", "source": "192.0.2.2"}`,
	`{"generated": 1700000005, "type": "Raw Data from RIRs/APIs", "data": "{\"a\": [1, 2]}\nmore", "module": "sfp_whois", "source": "192.0.2.1"}`,
	`{"generated": 1700000006, "type": "Custom Thing", "data": "x", "module": "sfp_custom", "source": "192.0.2.1"}`,
}

// sfJSONStream joins events as sfp__stor_stdout prints them: "[" first,
// ",\n" between, "]" at the end (when closed).
func sfJSONStream(events []string, closed bool) string {
	s := "[" + strings.Join(events, ",\n")
	if closed {
		s += "]\n"
	}
	return s
}

func TestImportStreamJSON(t *testing.T) {
	root := t.TempDir()
	sum, err := ImportStream(context.Background(), strings.NewReader(sfJSONStream(cliEvents, true)), Options{ScansRoot: root, Name: "acme"}, StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(summaryText(sum))
	ss := sum.Scans[0]
	if ss.Status != scan.StatusFinished || ss.Elements != len(cliEvents)+1 || len(sum.Skipped) != 0 {
		t.Errorf("summary = %+v, skipped %v", ss, sum.Skipped)
	}
	if ss.UnknownTypes["Custom Thing"] != 1 {
		t.Errorf("unknown types = %v", ss.UnknownTypes)
	}
	rb := testread.Scan(t, root, "sf-acme")
	if rb.Meta.Status != scan.StatusFinished || rb.Meta.Target != "acme.example" || rb.Meta.TargetType != "INTERNET_NAME" || rb.Meta.Ended.IsZero() {
		t.Errorf("meta = %+v", rb.Meta)
	}
	if len(rb.Problems) != 0 {
		t.Errorf("problems: %v", rb.Problems)
	}
	wantTypes := []string{"ROOT", "INTERNET_NAME", "DOMAIN_NAME", "IP_ADDRESS", "INTERNET_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "RAW_RIR_DATA", "Custom Thing"}
	for i, e := range rb.Elements {
		if e.Type != wantTypes[i] {
			t.Errorf("element %d type %s, want %s", i, e.Type, wantTypes[i])
		}
	}
	parent := func(i int) string { return rb.ByID[rb.Elements[i].Source].Data }
	if rb.Elements[1].Source != "ROOT" || rb.Elements[2].Source != "ROOT" || parent(5) != "www.acme.example" || parent(6) != "192.0.2.2" || parent(7) != "192.0.2.1" {
		t.Errorf("links wrong: %+v", rb.Elements)
	}
	// The most recent ENTITY with the value: DOMAIN_NAME acme.example.
	if rb.ByID[rb.Elements[3].Source].Type != "DOMAIN_NAME" {
		t.Errorf("192.0.2.1 under %+v", rb.ByID[rb.Elements[3].Source])
	}
	if !rb.Elements[3].Generated.Equal(time.Unix(1700000001, 0)) {
		t.Errorf("time = %v", rb.Elements[3].Generated)
	}
	if rb.Elements[7].Data != "{\"a\": [1, 2]}\nmore" {
		t.Errorf("data = %q", rb.Elements[7].Data)
	}
}

// TestImportStreamCorrupt: issue #1609's streams: log lines between and
// inside events, text, a JSON value that is no event, the list closed
// early, and an end cut short.
func TestImportStreamCorrupt(t *testing.T) {
	ev := cliEvents
	split := strings.Index(ev[3], `"Internet Name"`) + 6
	stream := "[2023-11-14 22:13:19,001 [INFO] sfscan : Starting scan\n" + // "[" glued to a log line
		ev[0] + ",\n" + ev[1] + ",\n" +
		"2023-11-14 22:13:20,123 [INFO] sfp_dnsresolve : resolving acme.example\n" +
		ev[2] + "2023-11-14 22:13:21,000 [ERROR] sflib : glued after an event\n" +
		",\n" + ev[3][:split] + "2023-11-14 22:13:22,500 [WARNING] sfp_spider : cut an event in two\n" + ev[3][split:] + ",\n" +
		"[*] Scan progress: not a log line\n" +
		`{"progress": 50}` + ",\n" +
		ev[4] + "]\n" + // closed early...
		",\n" + ev[5] + ",\n" + // ...and events go on
		ev[6] + ",\n" +
		ev[7][:30] // cut short: no closing bracket
	root := t.TempDir()
	sum, err := ImportStream(context.Background(), strings.NewReader(stream), Options{ScansRoot: root, Name: "acme"}, StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(summaryText(sum))
	ss := sum.Scans[0]
	if ss.Status != scan.StatusAborted || ss.Elements != 8 || ss.LogLines != 4 {
		t.Errorf("summary = %+v", ss)
	}
	for reason, n := range map[string]int{skipLogLine: 4, skipText: 1, skipNotEvent: 1, skipCutShort: 1} {
		if sum.Skipped[reason] != n {
			t.Errorf("skipped %q = %d, want %d (all: %v)", reason, sum.Skipped[reason], n, sum.Skipped)
		}
	}
	rb := testread.Scan(t, root, "sf-acme")
	if rb.Meta.Status != scan.StatusAborted || len(rb.Elements) != 8 || len(rb.Log) != 4 {
		t.Errorf("read back: %s, %d elements, %d log", rb.Meta.Status, len(rb.Elements), len(rb.Log))
	}
	// The event cut by a log line was joined again.
	found := false
	for _, e := range rb.Elements {
		if e.Data == "www.acme.example" && e.Type == "INTERNET_NAME" {
			found = true
		}
	}
	if !found {
		t.Error("the event cut in two was lost")
	}
	if l := rb.Log[3]; l.Level != "WARNING" || l.Component != "sfp_spider" || l.Message != "cut an event in two" ||
		!l.Time.Equal(time.Date(2023, 11, 14, 22, 13, 22, 500e6, time.UTC)) {
		t.Errorf("log = %+v", l)
	}

	// Closed early, then closed again at the end: FINISHED.
	stream2 := "[" + ev[0] + "]\n,\n" + ev[1] + "]\n"
	sum, err = ImportStream(context.Background(), strings.NewReader(stream2), Options{ScansRoot: root, Name: "acme2"}, StreamOptions{})
	if err != nil || sum.Scans[0].Status != scan.StatusFinished || sum.Scans[0].Elements != 3 {
		t.Errorf("closed twice: %v %+v", err, sum)
	}
	// An event cut by a line break, with other lines before its rest; and
	// one that never gets its rest.
	cut := strings.Index(ev[5], `"data"`)
	stream3 := "[" + ev[0] + ",\n" + ev[5][:cut] + "\n[*] progress\n2023-11-14 22:13:22,500 [INFO] sflib : between\n" + ev[5][cut:] + ",\n" +
		ev[6][:cut] + "\n" + ev[1] + "]\n"
	sum, err = ImportStream(context.Background(), strings.NewReader(stream3), Options{ScansRoot: root, Name: "acme3"}, StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ss := sum.Scans[0]; ss.Status != scan.StatusFinished || ss.Elements != 4 || ss.LogLines != 1 ||
		sum.Skipped[skipText] != 1 || sum.Skipped[skipCutShort] != 1 {
		t.Errorf("joined across lines: %+v, skipped %v", ss, sum.Skipped)
	}
	// Empty input: ABORTED, no elements.
	sum, err = ImportStream(context.Background(), strings.NewReader(""), Options{ScansRoot: root, Name: "empty"}, StreamOptions{})
	if err != nil || sum.Scans[0].Status != scan.StatusAborted {
		t.Errorf("empty: %v %+v", err, sum)
	}
}

// TestImportStreamLive: events appear in the scan directory as they arrive,
// with the status RUNNING, before the stream ends.
func TestImportStreamLive(t *testing.T) {
	root := t.TempDir()
	pr, pw := io.Pipe()
	flushed := make(chan struct{}, 100)
	done := make(chan error, 1)
	var sum *Summary
	go func() {
		var err error
		sum, err = ImportStream(context.Background(), pr, Options{ScansRoot: root, Name: "live"}, StreamOptions{
			OnFlush: func() { flushed <- struct{}{} },
		})
		done <- err
	}()
	dir := filepath.Join(root, "sf-live")
	for i, ev := range cliEvents[:4] {
		text := ev
		if i == 0 {
			text = "[" + ev
		} else {
			text = ",\n" + ev
		}
		if _, err := io.WriteString(pw, text); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			continue // no line break yet: the first line is not complete
		}
		select {
		case <-flushed:
		case <-time.After(10 * time.Second):
			t.Fatal("no flush")
		}
		rb := testread.Scan(t, root, "sf-live")
		if rb.Meta.Status != scan.StatusRunning {
			t.Errorf("status %s while streaming", rb.Meta.Status)
		}
		// ROOT and every event whose line is complete.
		if len(rb.Elements) != i+1 {
			t.Errorf("after %d events: %d elements on disk", i+1, len(rb.Elements))
		}
	}
	io.WriteString(pw, "]\n")
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	rb := testread.Scan(t, root, "sf-live")
	if rb.Meta.Status != scan.StatusFinished || len(rb.Elements) != 5 || sum.Scans[0].Elements != 5 {
		t.Errorf("end: %s, %d elements", rb.Meta.Status, len(rb.Elements))
	}
	if _, err := os.Stat(filepath.Join(dir, MarkerFile)); err != nil {
		t.Error(err)
	}
}

// TestImportStreamAppend: a second stream into the same scan appends, and
// links to what the first one wrote.
func TestImportStreamAppend(t *testing.T) {
	root := t.TempDir()
	o := Options{ScansRoot: root, Name: "acme"}
	if _, err := ImportStream(context.Background(), strings.NewReader(sfJSONStream(cliEvents[:4], false)), o, StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	if st := testread.Scan(t, root, "sf-acme").Meta.Status; st != scan.StatusAborted {
		t.Errorf("first part: %s", st)
	}
	sum, err := ImportStream(context.Background(), strings.NewReader(sfJSONStream(cliEvents[4:], true)), o, StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Scans[0].Appended || sum.Scans[0].Elements != len(cliEvents)+1 {
		t.Errorf("summary = %+v", sum.Scans[0])
	}
	rb := testread.Scan(t, root, "sf-acme")
	if rb.Meta.Status != scan.StatusFinished || len(rb.Elements) != len(cliEvents)+1 || len(rb.Problems) != 0 {
		t.Errorf("%s, %d elements, problems %v", rb.Meta.Status, len(rb.Elements), rb.Problems)
	}
	// 192.0.2.2 (second part) links to www.acme.example (first part).
	for _, e := range rb.Elements {
		if e.Data == "192.0.2.2" && rb.ByID[e.Source].Data != "www.acme.example" {
			t.Errorf("192.0.2.2 under %q", rb.ByID[e.Source].Data)
		}
	}
	// --replace starts afresh, keeping the analyst's notes and decisions.
	dir := filepath.Join(root, "sf-acme")
	os.WriteFile(filepath.Join(dir, scan.NotesFile), []byte("mine\n"), 0o644)
	if err := scan.AppendDecision(dir, scan.Decision{Time: time.Now().UTC(), Op: scan.OpInvestigationAdd, Investigation: "case-1", By: "analyst"}); err != nil {
		t.Fatal(err)
	}
	sum, err = ImportStream(context.Background(), strings.NewReader(sfJSONStream(cliEvents[:2], true)), o, StreamOptions{Replace: true})
	if err != nil || sum.Scans[0].Elements != 3 || len(testread.Scan(t, root, "sf-acme").Elements) != 3 {
		t.Errorf("replace: %v %+v", err, sum)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, scan.NotesFile)); string(got) != "mine\n" {
		t.Errorf("--replace lost notes.md: %q", got)
	}
	if ds := testread.Scan(t, root, "sf-acme").Review; len(ds) != 1 || ds[0].Investigation != "case-1" {
		t.Errorf("--replace lost the analyst's decisions: %+v", ds)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".import-tmp-*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	// A scan directory an import did not write is refused.
	os.MkdirAll(filepath.Join(root, "sf-mine"), 0o755)
	os.WriteFile(filepath.Join(root, "sf-mine", scan.MetaFile), []byte("name = \"mine\"\n"), 0o644)
	if _, err := ImportStream(context.Background(), strings.NewReader("[]"), Options{ScansRoot: root, Name: "mine"}, StreamOptions{}); err == nil {
		t.Error("wrote into a foreign scan directory")
	}
}

func TestImportStreamCSV(t *testing.T) {
	stream := "Source,Type,Data\n" + // 3 columns in the header, 4 in the rows
		"SpiderFoot UI,Internet Name,acme.example,acme.example\n" +
		"sfp_company,Company Name,acme.example,ACME, Inc.\n" +
		"sfp_dnsresolve,IP Address,acme.example,192.0.2.1\n" +
		"2023-11-14 22:13:21,123 [INFO] sflib : a log line\n" +
		"sfp_whois,Raw Data from RIRs/APIs,192.0.2.1,{\"a\": 1,\n\"b\": 2}\n" +
		"sfp_banner,Web Server,192.0.2.1,Apache, with a comma\n" +
		"sfp_email,Email Address,ACME, Inc.,info@acme.example\n"
	root := t.TempDir()
	sum, err := ImportStream(context.Background(), strings.NewReader(stream), Options{ScansRoot: root, Name: "csv"}, StreamOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(summaryText(sum))
	contains(t, sum.Source, "csv")
	rb := testread.Scan(t, root, "sf-csv")
	if rb.Meta.Status != scan.StatusFinished || len(rb.Elements) != 7 || len(rb.Log) != 1 {
		t.Fatalf("%s, %d elements, %d log: %+v", rb.Meta.Status, len(rb.Elements), len(rb.Log), rb.Elements)
	}
	want := map[string][2]string{ // data → type, parent data
		"ACME, Inc.":            {"COMPANY_NAME", "acme.example"},
		"{\"a\": 1,\n\"b\": 2}": {"RAW_RIR_DATA", "192.0.2.1"},
		"Apache, with a comma":  {"WEBSERVER_BANNER", "192.0.2.1"},
		"info@acme.example":     {"EMAILADDR", "ACME, Inc."},
	}
	for _, e := range rb.Elements {
		if w, ok := want[e.Data]; ok {
			if e.Type != w[0] || rb.ByID[e.Source].Data != w[1] {
				t.Errorf("%q: %s under %q, want %s under %q", e.Data, e.Type, rb.ByID[e.Source].Data, w[0], w[1])
			}
			delete(want, e.Data)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing: %v", want)
	}
}

func TestImportStreamTab(t *testing.T) {
	row := func(module, descr string, rest ...string) string {
		return fmt.Sprintf("%-30s\t%-45s\t%s\n", module, descr, strings.Join(rest, "\t"))
	}
	// With -r: a Source Data column.
	stream := row("Source", "Type", "Source Data", "Data") +
		row("SpiderFoot UI", "Internet Name", "acme.example", "acme.example") +
		row("sfp_dnsresolve", "IP Address", "acme.example", "192.0.2.1") +
		row("sfp_banner", "Web Server", "192.0.2.1", "Apache\twith a tab")
	root := t.TempDir()
	if _, err := ImportStream(context.Background(), strings.NewReader(stream), Options{ScansRoot: root, Name: "tab"}, StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	rb := testread.Scan(t, root, "sf-tab")
	if len(rb.Elements) != 4 || rb.Elements[3].Data != "Apache\twith a tab" || rb.ByID[rb.Elements[3].Source].Data != "192.0.2.1" || rb.Elements[2].Type != "IP_ADDRESS" {
		t.Errorf("elements = %+v", rb.Elements)
	}
	// Without -r (the default): no source data, everything under ROOT.
	stream = row("Source", "Type", "Data") +
		row("SpiderFoot UI", "Internet Name", "acme.example") +
		row("sfp_dnsresolve", "IP Address", "192.0.2.1")
	sum, err := ImportStream(context.Background(), strings.NewReader(stream), Options{ScansRoot: root, Name: "tab2", Target: "acme.example"}, StreamOptions{Format: FormatTab})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Notes[noteNoSource] != 2 {
		t.Errorf("skipped = %v", sum.Skipped)
	}
	rb = testread.Scan(t, root, "sf-tab2")
	if len(rb.Elements) != 3 || rb.Elements[2].Source != "ROOT" || rb.Meta.Target != "acme.example" {
		t.Errorf("elements = %+v", rb.Elements)
	}
}

func TestGuessTarget(t *testing.T) {
	rows := []exportRow{
		{data: "1.2.3.4", source: "t.example"},
		{data: "x", source: "1.2.3.4"},
		{data: "y", source: "t.example"},
		{data: "z", source: "other"},
	}
	if got := guessTarget(rows); got != "t.example" {
		t.Errorf("target = %q", got)
	}
	rows = append(rows, exportRow{data: "t.example", source: "t.example", module: rootModule})
	if got := guessTarget(rows); got != "t.example" {
		t.Errorf("target = %q", got)
	}
}

func TestLiveLinker(t *testing.T) {
	l := newLiveLinker("t.example")
	var st linkStats
	l.add("e1", "t.example", true)
	l.add("e2", "https://t.example/a", false)
	l.add("e3", "1.2.3.4", false) // a DESCRIPTOR with the value...
	l.add("e4", "1.2.3.4", true)  // ...and an ENTITY: preferred
	l.add("e5", "1.2.3.4", false)
	for _, c := range []struct{ source, module, want string }{
		{"t.example", rootModule, "ROOT"},
		{"t.example", "sfp_dns", "e1"},
		{"<SFURL>https://t.example/a</SFURL>", "sfp_spider", "e2"},
		{"1.2.3.4", "sfp_x", "e4"},
		{"nowhere", "sfp_x", "ROOT"},
	} {
		if got := l.link(c.source, c.module, &st); got != c.want {
			t.Errorf("link(%q) = %s, want %s", c.source, got, c.want)
		}
	}
	if st.ambiguous != 1 || st.unmatched != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestLinkRowsNoCycle(t *testing.T) {
	// a's source is b's data and b's source is a's data, in the same
	// second: one must link to the other, not both.
	rows := []linkRow{
		{t: 10, data: "a", source: "b", entity: true},
		{t: 10, data: "b", source: "a", entity: true},
		{t: 10, data: "c", source: "c", entity: true}, // its own value
	}
	order, st := linkRows(rows, "t")
	if len(order) != 3 {
		t.Fatal(order)
	}
	if rows[0].parent == 1 && rows[1].parent == 0 {
		t.Error("cycle")
	}
	if rows[2].parent != rootParent || st.unmatched != 2 {
		t.Errorf("rows = %+v, stats %+v", rows, st)
	}
	// Parents come before children in the write order.
	pos := map[int32]int{}
	for i, r := range order {
		pos[r] = i
	}
	for i, r := range rows {
		if r.parent >= 0 && pos[r.parent] > pos[int32(i)] {
			t.Errorf("row %d written before its parent", i)
		}
	}
}

// Random rows with few times and few values (many same-second links, many
// candidates): the links never form a cycle, and every parent is found no
// later than its child. A long chain with one row a second links each row
// to the one before.
func TestLinkRowsNeverCycle(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for round := range 200 {
		n := 2 + rng.IntN(40)
		rows := make([]linkRow, n)
		for i := range rows {
			rows[i] = linkRow{t: int64(rng.IntN(3)), data: fmt.Sprint(rng.IntN(5)), source: fmt.Sprint(rng.IntN(5)), entity: rng.IntN(2) == 0}
		}
		linkRows(rows, "target")
		for i := range rows {
			steps := 0
			for p := int32(i); p >= 0; p = rows[p].parent {
				if q := rows[p].parent; q >= 0 && rows[q].t > rows[p].t {
					t.Fatalf("round %d: row %d's parent %d is later", round, p, q)
				}
				if steps++; steps > n {
					t.Fatalf("round %d: a cycle through row %d: %+v", round, i, rows)
				}
			}
		}
	}
	const n = 5000
	chain := make([]linkRow, n)
	for i := range chain {
		src := "target"
		if i > 0 {
			src = fmt.Sprintf("h%d", i-1)
		}
		chain[i] = linkRow{t: int64(i), data: fmt.Sprintf("h%d", i), source: src, entity: true}
	}
	linkRows(chain, "target")
	for i := 1; i < n; i++ {
		if chain[i].parent != int32(i-1) {
			t.Fatalf("row %d linked to %d", i, chain[i].parent)
		}
	}
}

// TestImportStreamAppendRefusesLinks: appending to a scan directory whose
// log.jsonl is a symbolic link out of the scans root writes nothing there
// (the log holds text the scanned target chose).
func TestImportStreamAppendRefusesLinks(t *testing.T) {
	base := t.TempDir()
	root, outside := filepath.Join(base, "scans"), filepath.Join(base, "outside.txt")
	o := Options{ScansRoot: root, Name: "acme"}
	if _, err := ImportStream(context.Background(), strings.NewReader(sfJSONStream(cliEvents[:4], false)), o, StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(root, "sf-acme", scan.LogFile)
	os.Remove(logFile)
	if err := os.Symlink(outside, logFile); err != nil {
		t.Fatal(err)
	}
	_, err := ImportStream(context.Background(), strings.NewReader(sfJSONStream(cliEvents[4:], true)), o, StreamOptions{})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("append through a linked log.jsonl: %v", err)
	}
	if data, _ := os.ReadFile(outside); string(data) != "precious\n" {
		t.Errorf("written outside the scans root: %q", data)
	}
}
