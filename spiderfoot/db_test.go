package spiderfoot

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

const (
	guidDone    = "3F2A1B4C"
	guidRunning = "77AA00FF"
	// The name as SpiderFoot stored it: html.escape'd by cleanUserInput,
	// then &amp; and &quot; turned back.
	escapedName = `Acme &lt;external&gt; & "O&#x27;Brien"`
	plainName   = `Acme <external> & "O'Brien"`
)

var (
	h1 = strings.Repeat("1", 64)
	h2 = strings.Repeat("2", 64)
	h3 = strings.Repeat("3", 64)
	h4 = strings.Repeat("4", 64)
	h5 = strings.Repeat("5", 64)
	h6 = strings.Repeat("6", 64)
	h7 = strings.Repeat("7", 64)
	h8 = strings.Repeat("8", 64)
	h9 = strings.Repeat("9", 64)
	ha = strings.Repeat("a", 64)
)

// fillDB writes two scans: a finished one with every trap, and one still
// running (ended = 0).
func fillDB(t testing.TB, db *sql.DB, v4 bool) {
	t.Helper()
	// Scan times in milliseconds (floats, as time.time()*1000 gives them).
	mustExec(t, db, `INSERT INTO tbl_scan_instance VALUES (?, ?, ?, ?, ?, ?, ?)`, guidDone, escapedName, "acme.example",
		1700000000000.25, 1700000000100.5, 1700000100000.75, "FINISHED")
	mustExec(t, db, `INSERT INTO tbl_scan_instance VALUES (?, ?, ?, ?, ?, ?, ?)`, guidRunning, "still going", "192.0.2.99",
		1700001000000.0, 1700001000500.0, 0, "RUNNING")
	// Results: generated in seconds (REAL).
	insertResults(t, db, guidDone, []sfResult{
		{hash: "ROOT", typ: "ROOT", gen: 1700000000.5, module: "", data: "acme.example", source: "ROOT"},
		{hash: h1, typ: "INTERNET_NAME", gen: 1700000000.6, module: "SpiderFoot UI", data: "acme.example", source: "ROOT"},
		{hash: h2, typ: "DOMAIN_NAME", gen: 1700000000.7, module: "SpiderFoot UI", data: "acme.example", source: "ROOT"},
		{hash: h3, typ: "IP_ADDRESS", gen: 1700000001.234, module: "sfp_dnsresolve", data: "192.0.2.1", source: h1},
		{hash: h4, typ: "INTERNET_NAME", gen: 1700000002, module: "sfp_spider", data: "www.acme.example", source: h1, fp: 1},
		{hash: h5, typ: "IP_ADDRESS", gen: 1700000003, module: "sfp_dnsresolve", data: "192.0.2.2", source: h4, fp: 1},
		{hash: h6, typ: "TCP_PORT_OPEN", gen: 1700000004, module: "sfp_portscan_tcp", data: "192.0.2.2:80", source: h5},
		{hash: h7, typ: "MALICIOUS_IPADDR", gen: 1700000005, module: "sfp_malware", data: "Listed <SFURL>https://bl.example/192.0.2.1</SFURL>", source: h3, risk: 80, conf: 50},
		{hash: h8, typ: "CUSTOM_THING", gen: 1700000006, module: "sfp_custom", data: "custom", source: h3, conf: -1},
		{hash: h9, typ: "RAW_RIR_DATA", gen: 1700000007, module: "sfp_whois", data: strings.Repeat("x", 1024), source: "deadbeef"},
	})
	insertResults(t, db, guidRunning, []sfResult{
		{hash: "ROOT", typ: "ROOT", gen: 1700001000.6, module: "", data: "192.0.2.99", source: "ROOT"},
		{hash: ha, typ: "IP_ADDRESS", gen: 1700001000.7, module: "SpiderFoot UI", data: "192.0.2.99", source: "ROOT"},
	})
	// The log: milliseconds.
	for _, l := range []struct {
		gen             float64
		comp, typ, mess string
	}{
		{1700000000200, "sfscan", "STATUS", "Scan [3F2A1B4C] initiated."},
		{1700000050000.5, "sfp_portscan_tcp", "ERROR", "Timed out"},
		{1700000000300, "sflib", "DEBUG", "debug line"},
		{1700000099000, "correlation", "WARNING", "rule skipped"},
		{1700000099500, "SpiderFoot", "CRITICAL", "bad"},
	} {
		mustExec(t, db, `INSERT INTO tbl_scan_log VALUES (?, ?, ?, ?, ?)`, guidDone, l.gen, l.comp, l.typ, l.mess)
	}
	mustExec(t, db, `INSERT INTO tbl_scan_log VALUES (?, ?, ?, ?, ?)`, guidRunning, 1700001000600.0, "sfscan", "STATUS", "running")
	// The scan's settings: GLOBAL and per module, API key in plaintext.
	for _, c := range [][3]string{
		{"GLOBAL", "_modulesenabled", "sfp_dnsresolve,sfp_spider,sfp_shodan"},
		{"GLOBAL", "_useragent", "Mozilla/5.0"},
		{"GLOBAL", "_maxthreads", "3"},
		{"sfp_shodan", "api_key", "SECRET123"},
		{"sfp_dnsresolve", "validatereverse", "1"},
	} {
		mustExec(t, db, `INSERT INTO tbl_scan_config VALUES (?, ?, ?, ?)`, guidDone, c[0], c[1], c[2])
	}
	if v4 {
		mustExec(t, db, `INSERT INTO tbl_scan_correlation_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, "c0ffee", guidDone,
			`<img src=x onerror=alert(1)> is malicious`, "HIGH", "malicious_ip", "Malicious IP", "An IP is listed", "id: malicious_ip\n")
		mustExec(t, db, `INSERT INTO tbl_scan_correlation_results_events VALUES (?, ?)`, "c0ffee", h7)
		mustExec(t, db, `INSERT INTO tbl_scan_correlation_results_events VALUES (?, ?)`, "c0ffee", h3)
		// Orphaned correlation of a deleted scan: ignored.
		mustExec(t, db, `INSERT INTO tbl_scan_correlation_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, "dead", "GONE", "t", "LOW", "r", "n", "d", "l")
	}
}

func TestImportDB(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spiderfoot.db")
	db := createDB(t, path, true)
	fillDB(t, db, true)
	root := filepath.Join(dir, "scans")
	sum, err := ImportDB(context.Background(), path, Options{ScansRoot: root})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Scans) != 2 {
		t.Fatalf("scans = %d", len(sum.Scans))
	}
	text := summaryText(sum)
	t.Log(text)
	contains(t, text, "Imported 2 scans (12 elements, 6 log lines)")
	contains(t, text, `"CUSTOM_THING" ×1`)
	contains(t, text, "1 SpiderFoot correlations kept")

	rb := testread.Scan(t, root, "sf-"+guidDone)
	m := rb.Meta
	if m.Name != plainName || m.Target != "acme.example" || m.TargetType != "INTERNET_NAME" || m.Status != scan.StatusFinished {
		t.Errorf("meta = %+v", m)
	}
	// Milliseconds for the scan's times.
	if want := time.UnixMilli(1700000000000).UTC(); !m.Created.Equal(want) {
		t.Errorf("created = %v, want %v", m.Created, want)
	}
	if want := time.UnixMilli(1700000000101).UTC(); !m.Started.Equal(want) {
		t.Errorf("started = %v, want %v", m.Started, want)
	}
	if want := time.UnixMilli(1700000100001).UTC(); !m.Ended.Equal(want) {
		t.Errorf("ended = %v, want %v", m.Ended, want)
	}
	if !reflect.DeepEqual(m.Modules, []string{"sfp_dnsresolve", "sfp_spider", "sfp_shodan"}) {
		t.Errorf("modules = %v", m.Modules)
	}
	// Elements: ROOT first, hashes as ids, source hashes as sources.
	if len(rb.Elements) != 10 {
		t.Fatalf("elements = %d", len(rb.Elements))
	}
	if e := rb.Elements[0]; e.ID != "ROOT" || e.Type != "ROOT" || e.Source != "ROOT" || e.Data != "acme.example" {
		t.Errorf("ROOT = %+v", e)
	}
	for id, src := range map[string]string{h1: "ROOT", h2: "ROOT", h3: h1, h4: h1, h5: h4, h6: h5, h7: h3, h8: h3, h9: "deadbeef"} {
		if got := rb.ByID[id].Source; got != src {
			t.Errorf("source of %s… = %s, want %s", id[:4], got, src)
		}
	}
	// Seconds for the results' times.
	if got, want := rb.ByID[h3].Generated, time.UnixMilli(1700000001234); !got.Equal(want) {
		t.Errorf("generated = %v, want %v", got, want)
	}
	if e := rb.ByID[h7]; e.Risk != 80 || e.Confidence != 50 || !strings.Contains(e.Data, "<SFURL>") {
		t.Errorf("h7 = %+v", e)
	}
	if e := rb.ByID[h8]; e.Type != "CUSTOM_THING" || e.Confidence != 0 {
		t.Errorf("unknown type not kept: %+v", e)
	}
	if len(rb.ByID[h9].Data) != 1024 {
		t.Errorf("data not kept as stored")
	}
	// Log: milliseconds, every level, oldest first.
	if len(rb.Log) != 5 {
		t.Fatalf("log = %d lines", len(rb.Log))
	}
	if l := rb.Log[0]; l.Level != "STATUS" || l.Component != "sfscan" || !l.Time.Equal(time.UnixMilli(1700000000200)) {
		t.Errorf("log[0] = %+v", l)
	}
	var levels []string
	for _, l := range rb.Log {
		levels = append(levels, l.Level)
	}
	if !reflect.DeepEqual(levels, []string{"STATUS", "DEBUG", "ERROR", "WARNING", "CRITICAL"}) {
		t.Errorf("levels = %v", levels)
	}
	// Settings: GLOBAL → [global], modules → [modules.NAME].
	if len(rb.Settings.Global) != 3 || len(rb.Settings.Modules) != 2 {
		t.Errorf("settings = %+v", rb.Settings)
	}
	found := false
	for _, ms := range rb.Settings.Modules {
		for _, s := range ms.Settings {
			if ms.Module == "sfp_shodan" && s.Key == "api_key" && s.Value == "SECRET123" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("module setting missing: %+v", rb.Settings.Modules)
	}
	// False positives: one decision naming h4 only (h5 follows by cascade);
	// h6, unflagged under a flagged parent, becomes one too.
	if len(rb.Review) != 1 || rb.Review[0].Op != scan.OpFPSet || !reflect.DeepEqual(rb.Review[0].IDs(), []string{h4}) || rb.Review[0].By != ReviewBy {
		t.Errorf("decisions = %+v", rb.Review)
	}
	if !rb.Review[0].Time.Equal(m.Ended) {
		t.Errorf("decision time = %v", rb.Review[0].Time)
	}
	ss := sum.Scans[0]
	if ss.ID != "sf-"+guidDone || ss.FalsePositives != 2 || ss.FPDecisions != 1 || ss.FPUnsynced != 1 || ss.DanglingSources != 1 || ss.Correlations != 1 {
		t.Errorf("summary = %+v", ss)
	}
	ms := loadModel(t, root, "sf-"+guidDone)
	if got := fpIDs(ms); !reflect.DeepEqual(got, []string{h4, h5, h6}) {
		t.Errorf("model false positives = %v", got)
	}
	// SpiderFoot's correlations, kept.
	doc, err := ReadCorrelations(filepath.Join(root, "sf-"+guidDone))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Correlations) != 1 || doc.Correlations[0].RuleID != "malicious_ip" || !reflect.DeepEqual(doc.Correlations[0].Elements, []string{h3, h7}) {
		t.Errorf("correlations = %+v", doc)
	}
	raw, _ := os.ReadFile(filepath.Join(root, "sf-"+guidDone, CorrelationsFile))
	if strings.Contains(string(raw), "<img") {
		t.Errorf("correlation title written unescaped: %s", raw)
	}
	if _, err := os.Stat(filepath.Join(root, "sf-"+guidDone, MarkerFile)); err != nil {
		t.Error(err)
	}

	// The running scan: no end time, status kept.
	rr := testread.Scan(t, root, "sf-"+guidRunning)
	if rr.Meta.Status != scan.StatusRunning || !rr.Meta.Ended.IsZero() || rr.Meta.TargetType != "IP_ADDRESS" {
		t.Errorf("running meta = %+v", rr.Meta)
	}
	if len(rr.Elements) != 2 || len(rr.Log) != 1 {
		t.Errorf("running: %d elements, %d log", len(rr.Elements), len(rr.Log))
	}
	if _, err := os.Stat(filepath.Join(root, "sf-"+guidRunning, scan.SettingsFile)); err == nil {
		t.Error("settings.toml written for a scan without settings")
	}
	// Nothing left behind in the scans root.
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("scans root holds %d entries", len(entries))
	}
}

func TestImportDBOldSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	db := createDB(t, path, false)
	fillDB(t, db, false)
	root := filepath.Join(dir, "scans")
	sum, err := ImportDB(context.Background(), path, Options{ScansRoot: root, Scans: []string{plainName}})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, summaryText(sum), "before 4.0")
	if len(sum.Scans) != 1 || sum.Scans[0].Elements != 10 || sum.Scans[0].Correlations != -1 {
		t.Errorf("summary = %+v", sum.Scans)
	}
	if _, err := ReadCorrelations(filepath.Join(root, "sf-"+guidDone)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("correlations file in an old-schema import: %v", err)
	}
}

// TestImportDBWAL: writes still in the -wal file (not checkpointed) are read,
// with the -shm beside it (SpiderFoot running) and without it (a copy, or
// SpiderFoot killed).
func TestImportDBWAL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spiderfoot.db")
	db := createDB(t, path, true)
	mustExec(t, db, `PRAGMA wal_autocheckpoint=0`)
	mustExec(t, db, `PRAGMA wal_checkpoint(TRUNCATE)`)
	fillDB(t, db, true) // stays in the WAL: the connection is open and never checkpoints
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("no WAL: %v", err)
	}
	// The main file alone has no scans yet.
	alone := filepath.Join(dir, "alone")
	os.Mkdir(alone, 0o755)
	if err := copyFile(path, filepath.Join(alone, "spiderfoot.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportDB(context.Background(), filepath.Join(alone, "spiderfoot.db"), Options{ScansRoot: filepath.Join(dir, "s0"), Scans: []string{guidDone}}); err == nil {
		t.Fatal("the main file alone should not have the scan: the test does not exercise the WAL")
	}

	// -shm present (SpiderFoot running): the user's files are not touched,
	// not even the -shm index.
	if _, err := os.Stat(path + "-shm"); err != nil {
		t.Fatalf("no -shm: %v", err)
	}
	before := fileSums(t, dir)
	sum, err := ImportDB(context.Background(), path, Options{ScansRoot: filepath.Join(dir, "s1")})
	if err != nil {
		t.Fatal(err)
	}
	if after := fileSums(t, dir); !reflect.DeepEqual(before, after) {
		t.Errorf("the import changed the database's files:\nbefore %v\nafter  %v", before, after)
	}
	if el, _ := sum.Totals(); el != 12 {
		t.Errorf("in place: %d elements", el)
	}
	// A copy of the database and its -wal, without the -shm.
	cp := filepath.Join(dir, "copy")
	os.Mkdir(cp, 0o755)
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, filepath.Join(cp, "spiderfoot.db"+suffix)); err != nil {
			t.Fatal(err)
		}
	}
	sum, err = ImportDB(context.Background(), filepath.Join(cp, "spiderfoot.db"), Options{ScansRoot: filepath.Join(dir, "s2")})
	if err != nil {
		t.Fatal(err)
	}
	if el, _ := sum.Totals(); el != 12 {
		t.Errorf("copy: %d elements", el)
	}
	contains(t, sum.Source, "copy")
	if _, err := os.Stat(filepath.Join(cp, "spiderfoot.db-shm")); err == nil {
		t.Error("an -shm was created beside the user's database")
	}
	// Same scans either way.
	a, b := testread.Files(t, filepath.Join(dir, "s1")), testread.Files(t, filepath.Join(dir, "s2"))
	for k := range a {
		if strings.HasSuffix(k, MarkerFile) {
			continue
		}
		if a[k] != b[k] {
			t.Errorf("%s differs between in-place and copy", k)
		}
	}
}

func TestImportDBRerun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spiderfoot.db")
	db := createDB(t, path, true)
	fillDB(t, db, true)
	root := filepath.Join(dir, "scans")
	ctx := context.Background()
	if _, err := ImportDB(ctx, path, Options{ScansRoot: root}); err != nil {
		t.Fatal(err)
	}
	first := testread.Files(t, root)
	sum, err := ImportDB(ctx, path, Options{ScansRoot: root})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Scans[0].Replaced == nil {
		t.Error("not reported as replaced")
	}
	if second := testread.Files(t, root); !reflect.DeepEqual(first, second) {
		t.Error("re-import gave different files")
	}
	// The running scan refreshed ("import again"): the analyst's notes and
	// decisions stay, on the same elements.
	running := filepath.Join(root, "sf-"+guidRunning)
	os.WriteFile(filepath.Join(running, scan.NotesFile), []byte("watch this one\n"), 0o644)
	if err := scan.AppendDecision(running, scan.Decision{Time: time.Now().UTC(), Op: scan.OpInvestigationAdd, Investigation: "case", By: "analyst"}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, `INSERT INTO tbl_scan_results VALUES (?, ?, ?, ?, 100, 100, 0, ?, ?, 0, ?)`, guidRunning, "feed1", "INTERNET_NAME", 1700001001.0, "sfp_dns", "new.example", ha)
	sum, err = ImportDB(ctx, path, Options{ScansRoot: root, Scans: []string{guidRunning}})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, summaryText(sum), "kept: 1 analyst decision in review.jsonl, notes.md")
	if got, _ := os.ReadFile(filepath.Join(running, scan.NotesFile)); string(got) != "watch this one\n" {
		t.Errorf("notes.md = %q", got)
	}
	if rb := testread.Scan(t, root, "sf-"+guidRunning); len(rb.Elements) != 3 || len(rb.Review) != 1 {
		t.Errorf("%d elements, decisions %+v", len(rb.Elements), rb.Review)
	}
	first = testread.Files(t, root)

	// A directory scanreport import did not write is not replaced...
	foreign := filepath.Join(root, "sf-"+guidRunning)
	os.Remove(filepath.Join(foreign, MarkerFile))
	if _, err := ImportDB(ctx, path, Options{ScansRoot: root}); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("foreign directory: err = %v", err)
	}
	// ...and nothing at all was written (the check comes first).
	if _, err := os.Stat(filepath.Join(foreign, MarkerFile)); err == nil {
		t.Error("foreign directory touched")
	}
	// ...unless forced.
	if _, err := ImportDB(ctx, path, Options{ScansRoot: root, Force: true}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, testread.Files(t, root)) {
		t.Error("forced re-import differs")
	}
	// An unknown scan is an error naming what there is.
	if _, err := ImportDB(ctx, path, Options{ScansRoot: root, Scans: []string{"nope"}}); err == nil || !strings.Contains(err.Error(), guidDone) {
		t.Errorf("unknown scan: %v", err)
	}
	// Not a SpiderFoot database.
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, []byte("hello"), 0o644)
	if _, err := ImportDB(ctx, bad, Options{ScansRoot: root}); err == nil {
		t.Error("a text file imported")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Fatal("setup")
	}
	if _, err := ImportDB(ctx, filepath.Join(dir, "missing.db"), Options{ScansRoot: root}); err == nil {
		t.Error("a missing file imported")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("opening a missing database created it")
	}
	// No staging folders left behind.
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestScanID(t *testing.T) {
	for in, want := range map[string]string{
		"3F2A1B4C":               "sf-3F2A1B4C",
		"example":                "sf-example",
		"a b/c":                  "sf-a-b-c-",
		"":                       "sf-",
		"../../etc":              "sf-..-..-etc-",
		strings.Repeat("x", 300): "sf-" + strings.Repeat("x", 116) + "-",
	} {
		got := ScanID(in)
		if !strings.HasPrefix(got, want) {
			t.Errorf("ScanID(%q) = %q, want prefix %q", in, got, want)
		}
		if err := scan.ValidID(got); err != nil {
			t.Errorf("ScanID(%q) = %q: %v", in, got, err)
		}
		if got != ScanID(in) {
			t.Error("not deterministic")
		}
	}
	if ScanID("a b") == ScanID("a/b") {
		t.Error("different names, same id")
	}
}

// fileSums checksums the files directly in dir (name → SHA-256, size, time).
func fileSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		info, _ := e.Info()
		out[e.Name()] = fmt.Sprintf("%x %d %s", sha256.Sum256(data), len(data), info.ModTime())
	}
	return out
}

// --status closes a scan left RUNNING: the status given, ended at its last
// result; the summary says so.
func TestImportDBStatus(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spiderfoot.db")
	db := createDB(t, path, true)
	fillDB(t, db, true)
	db.Close()
	root := filepath.Join(dir, "scans")
	sum, err := ImportDB(context.Background(), path, Options{ScansRoot: root, Scans: []string{guidRunning}, Status: scan.StatusAborted})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, summaryText(sum), "scans given the status ABORTED by --status")
	rb := testread.Scan(t, root, "sf-"+guidRunning)
	var last time.Time
	for _, e := range rb.Elements {
		if e.Generated.After(last) {
			last = e.Generated
		}
	}
	if rb.Meta.Status != scan.StatusAborted || !rb.Meta.Ended.Equal(last) || last.IsZero() {
		t.Errorf("status %s, ended %v, last result %v", rb.Meta.Status, rb.Meta.Ended, last)
	}
}
