package scan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// deadScan writes a RUNNING scan whose writer stopped at stopped: its
// files were last written then, and its last element line was cut short.
func deadScan(t *testing.T, root, id string, stopped time.Time) {
	t.Helper()
	started := stopped.Add(-time.Hour)
	w, err := Create(root, Meta{ID: id, Target: "example.com", Status: StatusRunning, Started: started})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Root(started); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add(Element{Type: "INTERNET_NAME", Data: "www.example.com\n<SFURL>http://x</SFURL>", Source: RootID, Generated: stopped}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(root, id, ElementsFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id":"cut","type":"IP_ADDRE`)
	f.Close()
	for _, name := range []string{ElementsFile, LogFile} {
		if err := os.Chtimes(filepath.Join(root, id, name), stopped, stopped); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCloseScan(t *testing.T) {
	root := t.TempDir()
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	stopped := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	deadScan(t, root, "dead", stopped)

	before, after, err := CloseScan(root, "dead", CloseOptions{Status: "finished", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if before.Status != StatusRunning || after.Status != StatusFinished || !after.Ended.Equal(stopped) || !after.Started.Equal(stopped.Add(-time.Hour)) {
		t.Errorf("before %+v\nafter %+v", before, after)
	}
	// scan.toml says so, and the readers see every element and the cut line
	// closed off (a problem, not glued to anything).
	r, err := OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d, err := r.Open("dead")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	m, err := d.Meta(nil)
	if err != nil || m.Status != StatusFinished || !m.Ended.Equal(stopped) || m.Target != "example.com" {
		t.Errorf("scan.toml: %+v %v", m, err)
	}
	var n int
	var probs []Problem
	if _, err := d.Elements(Position{}, func(p Problem) { probs = append(probs, p) }, func(e Element, line int) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 2 || len(probs) != 1 || probs[0].Severity != Error {
		t.Errorf("%d elements, problems %v", n, probs)
	}

	// Already closed: refused unless forced; forced with an end time.
	_, _, err = CloseScan(root, "dead", CloseOptions{Status: "ABORTED", Now: now})
	var ce *CloseError
	if !errors.As(err, &ce) || !strings.Contains(ce.Text, "already FINISHED (ended 2024-03-01T09:30:00Z); pass --force") {
		t.Errorf("closing twice: %v", err)
	}
	end := stopped.Add(time.Minute)
	if _, after, err := CloseScan(root, "dead", CloseOptions{Status: "ABORTED", Ended: end, Force: true, Now: now}); err != nil || after.Status != StatusAborted || !after.Ended.Equal(end) {
		t.Errorf("forced: %+v %v", after, err)
	}
}

func TestCloseScanRefusals(t *testing.T) {
	root := t.TempDir()
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	stopped := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	deadScan(t, root, "dead", stopped)
	meta, _ := os.ReadFile(filepath.Join(root, "dead", MetaFile))
	for _, c := range []struct {
		id   string
		o    CloseOptions
		want string
	}{
		{"dead", CloseOptions{Status: "RUNNING"}, `cannot close a scan as "RUNNING": it is not a final status. A closed scan is FINISHED`},
		{"dead", CloseOptions{Status: "DONE"}, `cannot close a scan as "DONE": it is not a status scanreport knows`},
		{"dead", CloseOptions{Status: ""}, `cannot close a scan as ""`},
		{"nope", CloseOptions{Status: "FINISHED"}, `no scan "nope" under ` + root},
		{"dead", CloseOptions{Status: "FINISHED", Ended: stopped.Add(-2 * time.Hour)}, "end time 2024-03-01T07:30:00Z is before the scan started (2024-03-01T08:30:00Z)"},
		{"dead", CloseOptions{Status: "FINISHED", Ended: now.Add(time.Hour)}, "end time 2026-12-07T13:00:00Z is in the future"},
		{"dead", CloseOptions{Status: "FINISHED", Now: stopped.Add(30 * time.Second)}, "scan dead was written to 30s ago: its scanner may still be running"},
	} {
		if c.o.Now.IsZero() {
			c.o.Now = now
		}
		_, _, err := CloseScan(root, c.id, c.o)
		var ce *CloseError
		if !errors.As(err, &ce) || !strings.Contains(ce.Text, c.want) {
			t.Errorf("%s %+v: %v, want %q", c.id, c.o, err, c.want)
		}
	}
	if _, _, err := CloseScan(root, "../x", CloseOptions{Status: "FINISHED"}); err == nil {
		t.Error("a path as scan id was accepted")
	}
	if got, _ := os.ReadFile(filepath.Join(root, "dead", MetaFile)); string(got) != string(meta) {
		t.Errorf("a refusal changed scan.toml:\n%s", got)
	}
	// Recently written, forced.
	if _, after, err := CloseScan(root, "dead", CloseOptions{Status: "ABORTED", Force: true, Now: stopped.Add(30 * time.Second)}); err != nil || after.Status != StatusAborted || !after.Ended.Equal(stopped) {
		t.Errorf("forced while recent: %+v %v", after, err)
	}
}
