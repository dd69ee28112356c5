package spiderfoot

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// A re-import (a running scan's export taken again, with more rows and in
// another order) keeps the analyst's decisions and notes, and the decisions
// still name the same elements.
func TestReimportKeepsAnalystWork(t *testing.T) {
	root := t.TempDir()
	first := byData(exportRows[:8])
	o := Options{ScansRoot: root, Name: "acme", Status: scan.StatusRunning}
	sum, err := ImportCSV(context.Background(), bytes.NewReader(pythonCSV(csvHeader, first, false)), o)
	if err != nil {
		t.Fatal(err)
	}
	id := sum.Scans[0].ID
	dir := filepath.Join(root, id)
	rb := testread.Scan(t, root, id)
	var ipID string
	for _, e := range rb.Elements {
		if e.Data == "192.0.2.1" {
			ipID = e.ID
		}
	}
	// The analyst's work: a decision (the scan is closed for it), notes, a
	// file of their own.
	if err := scan.AppendDecision(dir, scan.Decision{Time: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Op: scan.OpInvestigationAdd, Investigation: "acme-case", By: "analyst"}); err != nil {
		t.Fatal(err)
	}
	if err := scan.AppendDecision(dir, scan.Decision{Time: time.Date(2030, 1, 1, 0, 0, 1, 0, time.UTC), Op: scan.OpFPSet, Element: ipID, By: "analyst"}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, scan.NotesFile), []byte("# Acme\nchecked the IP\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "evidence.txt"), []byte("mine"), 0o644)

	// The export again, later: every row, in reverse order.
	all := byData(exportRows)
	slices.Reverse(all)
	o.Status = scan.StatusFinished
	sum, err = ImportCSV(context.Background(), bytes.NewReader(pythonCSV(csvHeader, all, false)), o)
	if err != nil {
		t.Fatal(err)
	}
	text := summaryText(sum)
	t.Log(text)
	if sum.Scans[0].ID != id {
		t.Fatalf("the refreshed scan got id %s, not %s", sum.Scans[0].ID, id)
	}
	contains(t, text, `replaced: the earlier import of "acme" (target "acme.example", 9 elements)`)
	contains(t, text, "kept: 2 analyst decisions in review.jsonl, evidence.txt, notes.md")
	if got, _ := os.ReadFile(filepath.Join(dir, scan.NotesFile)); string(got) != "# Acme\nchecked the IP\n" {
		t.Errorf("notes.md = %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "evidence.txt")); string(got) != "mine" {
		t.Errorf("evidence.txt = %q", got)
	}
	rb = testread.Scan(t, root, id)
	var analyst []scan.Decision
	imports := 0
	for _, d := range rb.Review {
		if d.By == ReviewBy {
			imports++
		} else {
			analyst = append(analyst, d)
		}
	}
	if imports != 1 || len(analyst) != 2 {
		t.Fatalf("decisions = %+v", rb.Review)
	}
	if e, ok := rb.ByID[analyst[1].Element]; !ok || e.Data != "192.0.2.1" {
		t.Errorf("the analyst's false positive names %q, now %+v", analyst[1].Element, e)
	}
	if len(rb.Elements) != len(exportRows)+1 {
		t.Errorf("%d elements", len(rb.Elements))
	}
	// A third import of the same rows changes nothing.
	before := testread.Files(t, root)
	if _, err := ImportCSV(context.Background(), bytes.NewReader(pythonCSV(csvHeader, all, false)), o); err != nil {
		t.Fatal(err)
	}
	if after := testread.Files(t, root); !equalMaps(before, after) {
		t.Error("importing the same rows again changed the files")
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Element ids depend on the rows' content only: any order of the same rows
// gives the same files; true duplicates get -2, -3.
func TestExportIDsFromContent(t *testing.T) {
	rows := byData(append(append([]sfRow{}, exportRows...), exportRows[3], exportRows[3]))
	rev := slices.Clone(rows)
	slices.Reverse(rev)
	a, b := t.TempDir(), t.TempDir()
	for _, c := range []struct {
		root string
		rows [][]string
	}{{a, rows}, {b, rev}} {
		if _, err := ImportCSV(context.Background(), bytes.NewReader(pythonCSV(csvHeader, c.rows, false)), Options{ScansRoot: c.root, Name: "acme"}); err != nil {
			t.Fatal(err)
		}
	}
	sa, sb := testread.Files(t, a), testread.Files(t, b)
	for k, v := range sa {
		if k == "sf-acme-20231114-221320/"+MarkerFile {
			continue
		}
		if sb[k] != v {
			t.Errorf("%s differs between two orders of the same rows:\n%s\n%s", k, v, sb[k])
		}
	}
	els := sa["sf-acme-20231114-221320/"+scan.ElementsFile]
	if !strings.Contains(els, `-2","type":"INTERNET_NAME","data":"www.acme.example"`) || !strings.Contains(els, `-3","type":"INTERNET_NAME","data":"www.acme.example"`) {
		t.Errorf("duplicates not counted:\n%s", els)
	}
}

// Two different scans downloaded as SpiderFoot.csv get two directories; a
// scan of another target under the same id is refused without --force.
func TestExportScanIDs(t *testing.T) {
	root := t.TempDir()
	one := "Updated,Type,Module,Source,F/P,Data\r\n2026-11-20 10:00:00,INTERNET_NAME,SpiderFoot UI,acme.example,0,acme.example\r\n"
	two := "Updated,Type,Module,Source,F/P,Data\r\n2026-11-21 10:00:00,INTERNET_NAME,SpiderFoot UI,globex.example,0,globex.example\r\n"
	var ids []string
	for _, in := range []string{one, two} {
		sum, err := ImportCSV(context.Background(), strings.NewReader(in), Options{ScansRoot: root, Name: "SpiderFoot", Source: "SpiderFoot.csv"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sum.Scans[0].ID)
	}
	if !slices.Equal(ids, []string{"sf-acme.example-20261120-100000", "sf-globex.example-20261121-100000"}) {
		t.Errorf("ids = %q", ids)
	}
	_, err := ImportCSV(context.Background(), strings.NewReader(two), Options{ScansRoot: root, Name: "SpiderFoot", ID: ids[0]})
	if err == nil || !strings.Contains(err.Error(), `a scan of target "acme.example", not "globex.example"`) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("another target replaced without --force: %v", err)
	}
	sum, err := ImportCSV(context.Background(), strings.NewReader(two), Options{ScansRoot: root, Name: "SpiderFoot", ID: ids[0], Force: true})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, summaryText(sum), `replaced: the earlier import of "SpiderFoot" (target "acme.example", 2 elements)`)
}

// The CSV reader keeps CR LF inside quoted fields, as SpiderFoot wrote
// them; and it stays strict about quoting.
func TestCSVReaderKeepsCRLF(t *testing.T) {
	in := "a,\"x\r\ny\",\"q\"\"uote\",\r\n\r\n\"\",b\"c,d\r\ne,\"f\"g,h\r\n\"last\r\nline\",z"
	r := newCSVReader(bufioReader(in), ',')
	var got [][]string
	var errs int
	for {
		rec, err := r.read()
		if err != nil {
			if err == errCSVQuote {
				errs++
				continue
			}
			break
		}
		got = append(got, slices.Clone(rec))
	}
	want := [][]string{{"a", "x\r\ny", "q\"uote", ""}, {"last\r\nline", "z"}}
	if len(got) != len(want) || errs != 2 {
		t.Fatalf("got %q, %d errors", got, errs)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("record %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func bufioReader(s string) *bufio.Reader { return bufio.NewReader(strings.NewReader(s)) }
