package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/scan"
)

// A running scan's index grows by segments, one per update that adds
// rows, listed in ix.js with the rows they cover; when the scan finishes,
// they are merged: ix.js is the index written whole, and the segment
// files are gone.
func TestLiveIndexSegments(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, `
-- run/scan.toml --
name = "Running"
target = "example.com"
status = "RUNNING"
-- run/elements.jsonl --
{"id":"h","type":"INTERNET_NAME","data":"example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}
`)
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	data := filepath.Join(out, "scans", "run", "data")
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(data, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	whole := read("ix.js")
	for k := range 3 {
		var lines []string
		for i := range 10 {
			lines = append(lines, fmt.Sprintf(`{"id":"n%d-%d","type":"IP_ADDRESS","data":"10.0.%d.%d","source":"h","module":"m","generated":"2026-11-20T10:00:02Z"}`, k, i, k, i))
		}
		appendLines(t, filepath.Join(scans, "run", scan.ElementsFile), lines...)
		ch, err := l.Update(context.Background(), []ScanChange{{Scan: "run", Files: []string{scan.ElementsFile}}})
		if err != nil {
			t.Fatal(err)
		}
		seg := fmt.Sprintf("scans/run/data/ix-g%d.js", k+1)
		if !strings.Contains(strings.Join(ch.Paths, " "), seg) {
			t.Errorf("update %d did not write %s: %v", k, seg, ch.Paths)
		}
		g := read(fmt.Sprintf("ix-g%d.js", k+1))
		if !strings.Contains(g, fmt.Sprintf(`{"slug":"ip_address","s":%d,"n":10}`, k*10)) || !strings.Contains(g, fmt.Sprintf(`"10.0.%d.9"`, k)) {
			t.Errorf("segment %d: %s", k+1, g)
		}
	}
	head := read("ix.js")
	if !strings.HasPrefix(head, whole[:strings.LastIndex(whole, "]}")+1]) ||
		!strings.Contains(head, `"segs":[1,2,3],"cover":[{"slug":"internet_name","n":1},{"slug":"ip_address","n":30}]`) {
		t.Errorf("head after three updates:\n%s\nthe index written whole:\n%s", head, whole)
	}
	// An update with no new rows writes no segment.
	ch, err := l.Update(context.Background(), []ScanChange{{Scan: "run", Files: []string{scan.LogFile}}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(ch.Paths, " "), "ix-") {
		t.Errorf("an update without rows wrote index files: %v", ch.Paths)
	}
	// Finished: merged with the downloads.
	writeFiles(t, scans, "-- run/scan.toml --\nname = \"Running\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n")
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "run", Files: []string{scan.MetaFile}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.FlushExports(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	head = read("ix.js")
	if strings.Contains(head, "segs") || !strings.Contains(head, `{"slug":"ip_address","n":30}`) {
		t.Errorf("head after the merge: %s", head)
	}
	for k := range 3 {
		if _, err := os.Stat(filepath.Join(data, fmt.Sprintf("ix-g%d.js", k+1))); !os.IsNotExist(err) {
			t.Errorf("segment %d left after the merge: %v", k+1, err)
		}
	}
}
