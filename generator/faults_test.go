//go:build unix

package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/sitecmp"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

func elementLines(from, n int) []string {
	var out []string
	for i := from; i < from+n; i++ {
		out = append(out, fmt.Sprintf(`{"id":"x%d","type":"IP_ADDRESS","data":"10.0.%d.%d","source":"a","module":"m","generated":"2026-11-20T10:01:00Z"}`, i, i/256, i%256))
	}
	return out
}

// sameAsCleanBuild builds scans afresh into a new folder and compares it
// with the live site as a reader sees them (internal/sitecmp).
func sameAsCleanBuild(t *testing.T, scans, live string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	if _, err := Build(context.Background(), options(scans, clean)); err != nil {
		t.Fatal(err)
	}
	diff, err := sitecmp.Diff(clean, live, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(diff) > 0 {
		t.Errorf("the live site differs from a clean build in %d files: %s", len(diff), strings.Join(diff[:min(len(diff), 20)], ", "))
	}
}

// TestLiveDiskFull: an update that fails half-way (a full disk) leaves the
// scan marked behind, with the reason; once space returns, the next change
// or Retry writes the scan afresh, and the site equals a clean build of the
// same files: no element is left out.
func TestLiveDiskFull(t *testing.T) {
	disk, real := smallDisk(t)
	if disk == "" {
		disk = t.TempDir()
	}
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(disk, "site")
	writeFiles(t, scans, goodScan)
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	elements := filepath.Join(scans, "good", scan.ElementsFile)
	var filler string
	dataDir := filepath.Join(out, "scans", "good", "data")
	if real {
		filler = fill(t, disk)
	} else if err := os.Chmod(dataDir, 0o555); err != nil {
		t.Fatal(err)
	}

	appendLines(t, elements, elementLines(0, 3000)...)
	_, err = l.Update(context.Background(), []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}})
	if err == nil {
		t.Fatal("an update on a full disk reported no error")
	}
	if real && !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("error %v, want ENOSPC", err)
	}
	lags := l.Behind()
	if len(lags) == 0 || lags[0].Scan != "good" || !strings.Contains(lags[0].Reason, "good") {
		t.Fatalf("Behind() = %+v, want scan good with its reason", lags)
	}
	// Still full: more elements, another failure, still behind.
	appendLines(t, elements, elementLines(3000, 500)...)
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}}); err == nil {
		t.Error("second update on a full disk reported no error")
	}
	if len(l.Behind()) == 0 {
		t.Error("no longer behind while the disk is still full")
	}

	// A decision recorded while the disk is full: the update fails, and
	// the decision waits in review.jsonl (package decisions answers "recorded,
	// not applied yet").
	if err := scan.AppendDecision(filepath.Join(scans, "good"), scan.Decision{Op: scan.OpFPSet, Elements: []string{"a"}, By: "t"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "good", Files: []string{scan.ReviewFile}}}); err == nil {
		t.Error("applying a decision on a full disk reported no error")
	}

	// The comparison used below sees what is missing now.
	clean := filepath.Join(t.TempDir(), "clean")
	if _, err := Build(context.Background(), options(scans, clean)); err != nil {
		t.Fatal(err)
	}
	if diff, err := sitecmp.Diff(clean, out, nil); err != nil || len(diff) == 0 {
		t.Errorf("the site behind a full disk compares equal to a clean build (%v)", err)
	}

	// Space returns; Retry (its backoff passed) catches up without a change.
	if real {
		os.Remove(filler)
	} else {
		os.Chmod(dataDir, 0o755)
	}
	for _, ls := range l.scans {
		ls.retryAt = ls.retryAt.Add(-retryMax)
	}
	ch, err := l.Retry(context.Background())
	if err != nil {
		t.Fatalf("retry with space: %v", err)
	}
	if !strings.Contains(strings.Join(ch.Paths, " "), "scans/good/data/manifest.js") {
		t.Errorf("retry did not rewrite the scan: %v", ch.Paths)
	}
	if lags := l.Behind(); len(lags) != 0 {
		t.Errorf("still behind after the retry: %+v", lags)
	}
	if m := manifest(t, out, "good"); m["count"].(float64) != 3502 {
		t.Errorf("manifest count %v, want 3502 (and ROOT)", m["count"])
	}
	// More elements arrive: the ordinary path again.
	appendLines(t, elements, elementLines(3500, 100)...)
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.FlushExports(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	sameAsCleanBuild(t, scans, out)
}

// TestFinishedScanLastLineWithoutNewline: a scan that will not grow any
// more reads its unterminated last line (an element when it is a complete
// object, a problem naming the line when not); a running scan leaves it
// for its writer, and reads it once its status turns final.
func TestFinishedScanLastLineWithoutNewline(t *testing.T) {
	const last = `{"id":"z","type":"IP_ADDRESS","data":"9.9.9.9","source":"a","module":"m","generated":"2026-11-20T10:00:09Z"}`
	for _, c := range []struct {
		name, tail string
		count      int
		problem    string
	}{
		{"object", last, 3, ""},
		{"object+CR", last + "\r", 3, ""},
		{"torn", last[:40], 2, "good/elements.jsonl:4: error: not a JSON object: column 41"},
		{"garbage", "Traceback (most recent call last):", 2, "good/elements.jsonl:4: error: not a JSON object: column 1: expected '{', found 'T'"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			scans := filepath.Join(dir, "scans")
			writeFiles(t, scans, goodScan)
			f, _ := os.OpenFile(filepath.Join(scans, "good", scan.ElementsFile), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString(c.tail)
			f.Close()
			var probs []string
			o := options(scans, filepath.Join(dir, "site"))
			o.Report = func(p scan.Problem) { probs = append(probs, p.String()) }
			res, err := Check(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			if res.Elements != c.count {
				t.Errorf("%d elements, want %d", res.Elements, c.count)
			}
			got := strings.Join(probs, "\n")
			if c.problem == "" && got != "" || c.problem != "" && !strings.Contains(got, c.problem) {
				t.Errorf("problems:\n%s\nwant %q", got, c.problem)
			}
		})
	}

	// Running: the line is the writer's until the scan ends.
	l, scans, out := liveSite(t)
	writeFiles(t, scans, "-- good/scan.toml --\nname = \"Good scan\"\ntarget = \"example.com\"\nstatus = \"RUNNING\"\n")
	ctx := context.Background()
	if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: []string{scan.MetaFile}}}); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(filepath.Join(scans, "good", scan.ElementsFile), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(last)
	f.Close()
	if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}}); err != nil {
		t.Fatal(err)
	}
	if n := scanOf(l, "good").Count(); n != 2 {
		t.Errorf("a running scan read its unfinished last line: %d elements", n)
	}
	writeFiles(t, scans, "-- good/scan.toml --\nname = \"Good scan\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n")
	if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: []string{scan.MetaFile}}}); err != nil {
		t.Fatal(err)
	}
	if n := scanOf(l, "good").Count(); n != 3 {
		t.Errorf("the finished scan has %d elements, want 3 (its last line without newline)", n)
	}
	// A newline that comes after all the same adds nothing and breaks nothing.
	appendLines(t, filepath.Join(scans, "good", scan.ElementsFile), "")
	if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}}); err != nil {
		t.Fatal(err)
	}
	if n := scanOf(l, "good").Count(); n != 3 {
		t.Errorf("after the late newline: %d elements, want 3", n)
	}
	if _, err := l.FlushExports(ctx, 0); err != nil {
		t.Fatal(err)
	}
	sameAsCleanBuild(t, scans, out)
}

// TestLiveReplacedFile: elements.jsonl replaced by another, longer file
// (renamed over it, or rewritten in place) while serving is read afresh:
// the site shows the new file's elements only, as a clean build does.
func TestLiveReplacedFile(t *testing.T) {
	ctx := context.Background()
	other := []string{
		`{"id":"ROOT","type":"ROOT","data":"example.org","source":"ROOT","module":"","generated":"2026-11-21T10:00:00Z"}`,
		`{"id":"n1","type":"INTERNET_NAME","data":"mail.example.org","source":"ROOT","module":"m2","generated":"2026-11-21T10:00:01Z"}`,
		`{"id":"n2","type":"INTERNET_NAME","data":"vpn.example.org","source":"ROOT","module":"m2","generated":"2026-11-21T10:00:02Z"}`,
		`{"id":"n3","type":"IP_ADDRESS","data":"192.0.2.7","source":"n1","module":"m2","generated":"2026-11-21T10:00:03Z"}`,
		`{"id":"n4","type":"IP_ADDRESS","data":"192.0.2.8","source":"n2","module":"m2","generated":"2026-11-21T10:00:04Z"}`,
	}
	for _, how := range []string{"rename", "in place"} {
		t.Run(how, func(t *testing.T) {
			l, scans, out := liveSite(t)
			path := filepath.Join(scans, "good", scan.ElementsFile)
			data := strings.Join(other, "\n") + "\n"
			if how == "rename" {
				tmp := path + ".new"
				if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(tmp, path); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(path, []byte(data), 0o644); err != nil { // O_TRUNC: same inode
				t.Fatal(err)
			}
			if _, err := l.Update(ctx, []ScanChange{{Scan: "good", Files: []string{scan.ElementsFile}}}); err != nil {
				t.Fatal(err)
			}
			s := scanOf(l, "good")
			if s.Count() != 4 {
				t.Errorf("%d elements after the replacement, want the new file's 4", s.Count())
			}
			if _, err := l.FlushExports(ctx, 0); err != nil {
				t.Fatal(err)
			}
			sameAsCleanBuild(t, scans, out)
		})
	}
}

// TestLiveFIFODoesNotStopOtherScans: in the preview, a FIFO that takes the
// place of one scan's elements.jsonl neither blocks the update nor stops
// the other scans of the same batch; that scan is left out, as build
// leaves it out.
func TestLiveFIFODoesNotStopOtherScans(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, goodScan+strings.ReplaceAll(goodScan, "-- good/", "-- other/"))
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	fifo := filepath.Join(scans, "good", scan.ElementsFile)
	os.Remove(fifo)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	appendLines(t, filepath.Join(scans, "other", scan.ElementsFile), elementLines(0, 10)...)
	done := make(chan error, 1)
	go func() {
		_, err := l.Update(context.Background(), []ScanChange{
			{Scan: "good", Files: []string{scan.ElementsFile}},
			{Scan: "other", Files: []string{scan.ElementsFile}},
		})
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the update blocks on the FIFO")
	}
	if err != nil {
		t.Errorf("update: %v", err)
	}
	// As build does, the scan whose elements cannot be read is left out.
	if scanOf(l, "good") != nil {
		t.Error("the scan with a FIFO for elements.jsonl is still shown")
	}
	if _, err := os.Stat(filepath.Join(out, "scans", "good")); err == nil {
		t.Error("the site still holds the scan with a FIFO")
	}
	if m := manifest(t, out, "other"); m["count"].(float64) != 12 {
		t.Errorf("the other scan has %v elements on the site, want 12", m["count"])
	}
	if _, err := l.FlushExports(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	sameAsCleanBuild(t, scans, out) // the scan list says why the scan is left out
	// The FIFO goes, the file comes back: the scan is shown again, once.
	os.Remove(fifo)
	writeFiles(t, scans, goodScan)
	if _, err := l.Update(context.Background(), []ScanChange{{Scan: "good", Dir: true}}); err != nil {
		t.Fatal(err)
	}
	if scanOf(l, "good") == nil {
		t.Error("the scan is not shown again")
	}
	if _, err := l.FlushExports(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	sameAsCleanBuild(t, scans, out)
}

// TestLiveRebuildOnFullDisk: a full rebuild (config.toml changed) that
// fails on a full disk keeps the previous site, is reported behind, and is
// tried again by Retry once space returns.
func TestLiveRebuildOnFullDisk(t *testing.T) {
	disk, real := smallDisk(t)
	if !real {
		t.Skip("needs a tmpfs (root on Linux) for a real full disk")
	}
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(disk, "site")
	writeFiles(t, scans, goodScan)
	l, _, err := Start(context.Background(), options(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	before := testread.Files(t, out)
	filler := fill(t, disk)
	o := options(scans, out)
	o.Title = "Renamed report"
	if _, err := l.Rebuild(context.Background(), o); err == nil {
		t.Fatal("a rebuild on a full disk reported no error")
	}
	if lags := l.Behind(); len(lags) != 1 || !strings.Contains(lags[0].Reason, "could not be rebuilt") {
		t.Errorf("Behind() = %+v", lags)
	}
	after := testread.Files(t, out)
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed by a failed rebuild", name)
		}
	}
	os.Remove(filler)
	l.rebuild.retryAt = time.Now()
	ch, err := l.Retry(context.Background())
	if err != nil || !ch.Full {
		t.Fatalf("retry: %+v %v", ch, err)
	}
	if lags := l.Behind(); len(lags) != 0 {
		t.Errorf("still behind after the rebuild: %+v", lags)
	}
	if idx, _ := os.ReadFile(filepath.Join(out, "index.html")); !strings.Contains(string(idx), "Renamed report") {
		t.Error("the retried rebuild did not take the new options")
	}
}
