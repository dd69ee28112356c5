package scanstore

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	"gocloud.dev/blob/memblob"

	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// values with the shapes real data has.
var hard = []string{
	"line one\nline two <SFURL>https://x.example/a?key=AKIA0123456789ABCDEF</SFURL>",
	`<script>alert("x")</script>`,
	"/.*admin.*/",
	"caf\xc3\xa9 \x01 \u2028",
}

func newMem(t *testing.T) *blob.Bucket {
	t.Helper()
	b := memblob.OpenBucket(nil)
	t.Cleanup(func() { b.Close() })
	return b
}

// readLocal reads a mirrored scan with the scan package's own readers.
func readLocal(t *testing.T, root, id string) (scan.Meta, []scan.Element, int, []scan.Problem) {
	t.Helper()
	s := testread.Scan(t, root, id)
	return s.Meta, s.Elements, len(s.Log), s.Problems
}

func keys(t *testing.T, b *blob.Bucket, prefix string) []string {
	t.Helper()
	var out []string
	it := b.List(&blob.ListOptions{Prefix: prefix})
	for {
		o, err := it.Next(context.Background())
		if err != nil {
			break
		}
		out = append(out, o.Key)
	}
	return out
}

func TestWriterSealsSegmentsAndMirrorAppendsThem(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	w, err := Create(ctx, b, scan.Meta{ID: "s1", Target: "acme.example", Status: scan.StatusRunning}, WriterOptions{SegmentLines: 3, SegmentAge: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Root(time.Time{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 7; i++ {
		if _, err := w.Add(scan.Element{Type: "INTERNET_NAME", Data: hard[i%len(hard)] + fmt.Sprint(i), Module: "sfp_dns"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Log(time.Time{}, "INFO", "sfp_dns", "started\nwith a newline"); err != nil {
		t.Fatal(err)
	}
	// 8 elements at 3 a segment: two sealed, two buffered and invisible.
	got := keys(t, b, "s1/elements/")
	if want := []string{"s1/elements/000001.jsonl", "s1/elements/000002.jsonl"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("segments %v, want %v", got, want)
	}
	local := t.TempDir()
	m, err := NewMirror(b, local, MirrorOptions{Name: "mem://"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	meta, els, logs, probs := readLocal(t, local, "s1")
	if meta.Status != scan.StatusRunning || len(els) != 6 || logs != 0 || len(probs) != 0 {
		t.Fatalf("after the first sync: status %s, %d elements, %d log lines, problems %v", meta.Status, len(els), logs, probs)
	}
	if err := w.SetStatus(scan.StatusFinished, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	reads := m.Stats.Reads.Load()
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	meta, els, logs, probs = readLocal(t, local, "s1")
	if meta.Status != scan.StatusFinished || len(els) != 8 || logs != 1 || len(probs) != 0 {
		t.Fatalf("after FINISHED: status %s, %d elements, %d log lines, problems %v", meta.Status, len(els), logs, probs)
	}
	// Only the new segments were read: scan.toml, element segment 3, log
	// segment 1, and one miss each for the next numbers.
	if n := m.Stats.Reads.Load() - reads; n != 5 {
		t.Errorf("second sync read %d objects, want 5 (O(appended))", n)
	}
	for i, e := range els {
		if i == 0 && e.ID != scan.RootID {
			t.Fatalf("first element %q, want ROOT", e.ID)
		}
		if i > 0 && e.Data != hard[(i-1)%len(hard)]+fmt.Sprint(i-1) && !strings.HasPrefix(e.Data, "caf") {
			t.Errorf("element %d data %q: order or content lost", i, e.Data)
		}
	}
}

func TestSegmentAgeSealsAQuietSegment(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	w, err := Create(ctx, b, scan.Meta{ID: "slow", Target: "t.example"}, WriterOptions{SegmentLines: 1000, SegmentAge: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Add(scan.Element{Type: "IP_ADDRESS", Data: "192.0.2.1"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(keys(t, b, "slow/elements/")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the segment was not sealed by age")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestTwoWritersOfOneScanNeverOverwrite(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	if _, err := Create(ctx, b, scan.Meta{ID: "dup"}, WriterOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(ctx, b, scan.Meta{ID: "dup"}, WriterOptions{Name: "mem://x"}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second Create: %v, want already exists", err)
	}
	w1, err := OpenWriter(ctx, b, "dup", WriterOptions{SegmentLines: 1, SegmentAge: -1})
	if err != nil {
		t.Fatal(err)
	}
	w2, err := OpenWriter(ctx, b, "dup", WriterOptions{SegmentLines: 1, SegmentAge: -1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w1.Add(scan.Element{ID: "a", Type: "IP_ADDRESS", Data: "1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w2.Add(scan.Element{ID: "b", Type: "IP_ADDRESS", Data: "2"}); err == nil || !strings.Contains(err.Error(), "another writer") {
		t.Fatalf("second writer sealed segment 1 again: %v", err)
	}
	data, err := b.ReadAll(ctx, "dup/elements/000001.jsonl")
	if err != nil || !bytes.Contains(data, []byte(`"id":"a"`)) {
		t.Fatalf("segment 1 = %q, %v: the first writer's element was lost", data, err)
	}
}

func TestMirrorWaitsForAGap(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	meta, _ := scan.MarshalMeta(scan.Meta{ID: "gap", Name: "gap", Target: "t.example", Kind: scan.KindAutomated, Status: scan.StatusRunning, Created: time.Now()})
	put := func(k, v string) {
		if err := b.WriteAll(ctx, k, []byte(v), nil); err != nil {
			t.Fatal(err)
		}
	}
	line := func(id string) string {
		return fmt.Sprintf(`{"id":%q,"type":"IP_ADDRESS","data":"192.0.2.1","source":"ROOT","module":"m","generated":"2026-01-01T00:00:00Z"}`+"\n", id)
	}
	put("gap/scan.toml", string(meta))
	put("gap/elements/000001.jsonl", line("a"))
	put("gap/elements/000003.jsonl", line("c"))
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	_, els, _, _ := readLocal(t, local, "gap")
	if len(els) != 1 || els[0].ID != "a" {
		t.Fatalf("with segment 2 missing the mirror has %d elements, want only segment 1", len(els))
	}
	// Segment 2 without its final newline: the mirror ends the line so
	// segment 3's line does not glue onto it.
	put("gap/elements/000002.jsonl", strings.TrimSuffix(line("b"), "\n"))
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	_, els, _, probs := readLocal(t, local, "gap")
	if len(els) != 3 || els[1].ID != "b" || els[2].ID != "c" || len(probs) != 0 {
		t.Fatalf("after the gap filled: %d elements %v, problems %v", len(els), els, probs)
	}
}

func TestMirrorCutsOffAHalfAppendAfterACrash(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	w, err := Create(ctx, b, scan.Meta{ID: "c1", Target: "t"}, WriterOptions{SegmentLines: 2, SegmentAge: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		w.Add(scan.Element{Type: "IP_ADDRESS", Data: fmt.Sprint(i)})
	}
	w.Close()
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	// A crash while appending: half a segment more than the cursor says.
	f, _ := os.OpenFile(filepath.Join(local, "c1", scan.ElementsFile), os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"id":"half","type":"IP_ADD`)
	f.Close()
	m2, _ := NewMirror(b, local, MirrorOptions{})
	w2, _ := OpenWriter(ctx, b, "c1", WriterOptions{SegmentLines: 2, SegmentAge: -1})
	w2.Add(scan.Element{ID: "x", Type: "IP_ADDRESS", Data: "x"})
	w2.Close()
	if _, err := m2.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	_, els, _, probs := readLocal(t, local, "c1")
	if len(els) != 5 || els[4].ID != "x" || len(probs) != 0 {
		t.Fatalf("after restart: %d elements, last %q, problems %v", len(els), els[len(els)-1].ID, probs)
	}
}

func TestReviewDecisionsBothWays(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	w, _ := Create(ctx, b, scan.Meta{ID: "r1", Target: "t"}, WriterOptions{SegmentAge: -1})
	w.Add(scan.Element{ID: "e1", Type: "IP_ADDRESS", Data: "1"})
	w.SetStatus(scan.StatusFinished, time.Time{})
	w.Close()
	// Two analysts decide at the same instant: two objects, none lost.
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, by := range []string{"ann", "bob"} {
		if _, err := AppendDecision(ctx, b, "mem://", "r1", scan.Decision{Time: at, Op: scan.OpFPSet, Element: "e1", By: by}); err != nil {
			t.Fatal(err)
		}
	}
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	// A decision made locally (serve, 'scanreport fp') goes up.
	if err := scan.AppendDecision(filepath.Join(local, "r1"), scan.Decision{Op: scan.OpFPUnset, Element: "e1", By: "local"}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(keys(t, b, "r1/review/")); n != 3 {
		t.Fatalf("%d decisions in the bucket, want 3", n)
	}
	data, _ := os.ReadFile(filepath.Join(local, "r1", scan.ReviewFile))
	if strings.Count(string(data), "\n") != 3 {
		t.Fatalf("local review.jsonl:\n%s\nwant 3 decisions, the local one not repeated", data)
	}
	// Another machine's mirror sees all three.
	local2 := t.TempDir()
	m2, _ := NewMirror(b, local2, MirrorOptions{})
	if _, err := m2.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	data2, _ := os.ReadFile(filepath.Join(local2, "r1", scan.ReviewFile))
	if strings.Count(string(data2), "\n") != 3 || !strings.Contains(string(data2), `"by":"local"`) {
		t.Fatalf("second mirror's review.jsonl:\n%s", data2)
	}
}

func TestUploadAndMirrorThroughAFolder(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	lw, err := scan.Create(src, scan.Meta{ID: "acme", Target: "acme.example", Status: scan.StatusRunning})
	if err != nil {
		t.Fatal(err)
	}
	lw.Root(time.Time{})
	for i := 0; i < 250; i++ {
		lw.Add(scan.Element{Type: "INTERNET_NAME", Data: hard[i%len(hard)]})
	}
	lw.Log(time.Time{}, "INFO", "x", "y")
	lw.WriteNotes("# Notes\n")
	lw.SetStatus(scan.StatusFinished, time.Time{})
	lw.Close()
	scan.AppendDecision(filepath.Join(src, "acme"), scan.Decision{Op: scan.OpFPSet, Element: "e3"})

	bucketDir := t.TempDir()
	b, err := fileblob.OpenBucket(bucketDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := Upload(ctx, b, src, "acme", WriterOptions{SegmentLines: 100}); err != nil {
		t.Fatal(err)
	}
	if err := Upload(ctx, b, src, "acme", WriterOptions{}); err == nil {
		t.Fatal("a second upload of the same scan was not refused")
	}
	if got := len(keys(t, b, "acme/elements/")); got != 3 {
		t.Fatalf("%d element segments, want 3 (251 lines at 100)", got)
	}
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{Jobs: 2})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{scan.ElementsFile, scan.LogFile, scan.NotesFile, scan.MetaFile} {
		a, _ := os.ReadFile(filepath.Join(src, "acme", name))
		c, _ := os.ReadFile(filepath.Join(local, "acme", name))
		if !bytes.Equal(a, c) {
			t.Errorf("%s differs after upload and mirror", name)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(local, "acme", scan.ReviewFile)); !bytes.Contains(data, []byte(`"e3"`)) {
		t.Errorf("review decision not mirrored: %q", data)
	}
}

func TestShipperFollowsALocalWriter(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	b := newMem(t)
	lw, _ := scan.Create(src, scan.Meta{ID: "live", Target: "t", Status: scan.StatusRunning})
	s, err := NewShipper(ctx, b, src, "live", WriterOptions{SegmentLines: 10, SegmentAge: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 25; i++ {
		lw.Add(scan.Element{Type: "IP_ADDRESS", Data: fmt.Sprint(i)})
	}
	lw.Flush()
	// A line still being written is not shipped.
	f, _ := os.OpenFile(filepath.Join(src, "live", scan.ElementsFile), os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"id":"partial"`)
	if err := s.Step(); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Segments(); e != 2 {
		t.Fatalf("%d segments sealed, want 2", e)
	}
	f.WriteString(`,"type":"IP_ADDRESS","data":"p","source":"ROOT","module":"m","generated":"2026-01-01T00:00:00Z"}` + "\n")
	f.Close()
	lw.SetStatus(scan.StatusFinished, time.Time{})
	lw.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	m.Sync(ctx)
	meta, els, _, probs := readLocal(t, local, "live")
	if meta.Status != scan.StatusFinished || len(els) != 26 || els[25].ID != "partial" || len(probs) != 0 {
		t.Fatalf("status %s, %d elements, problems %v", meta.Status, len(els), probs)
	}
}

func TestUploadKeepsTheOrderOfSameTimeDecisions(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	lw, _ := scan.Create(src, scan.Meta{ID: "ord", Target: "t", Status: scan.StatusFinished})
	lw.Add(scan.Element{ID: "e1", Type: "IP_ADDRESS", Data: "1"})
	lw.Close()
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, op := range []string{scan.OpFPSet, scan.OpFPUnset, scan.OpFPSet, scan.OpFPUnset} {
		scan.AppendDecision(filepath.Join(src, "ord"), scan.Decision{Time: at, Op: op, Element: "e1"})
	}
	b := newMem(t)
	if err := Upload(ctx, b, src, "ord", WriterOptions{}); err != nil {
		t.Fatal(err)
	}
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	m.Sync(ctx)
	a, _ := os.ReadFile(filepath.Join(src, "ord", scan.ReviewFile))
	c, _ := os.ReadFile(filepath.Join(local, "ord", scan.ReviewFile))
	if string(a) != string(c) {
		t.Fatalf("decisions out of order after upload and mirror:\n%s\nwant\n%s", c, a)
	}
}

func TestMirrorDropsAScanDeletedFromTheBucket(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	for _, id := range []string{"keep", "drop"} {
		w, _ := Create(ctx, b, scan.Meta{ID: id, Target: "t"}, WriterOptions{SegmentAge: -1})
		w.Add(scan.Element{Type: "IP_ADDRESS", Data: "1"})
		w.Close()
	}
	local := t.TempDir()
	mine := filepath.Join(local, "by-hand")
	os.MkdirAll(mine, 0o755)
	m, _ := NewMirror(b, local, MirrorOptions{})
	m.Sync(ctx)
	for _, k := range keys(t, b, "drop/") {
		b.Delete(ctx, k)
	}
	// A later run (a new Mirror over the same folder) notices.
	m2, _ := NewMirror(b, local, MirrorOptions{})
	if _, err := m2.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(local, "drop")); !os.IsNotExist(err) {
		t.Errorf("the deleted scan's local copy is still there: %v", err)
	}
	for _, p := range []string{filepath.Join(local, "keep", scan.ElementsFile), mine} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestFollowSendsLocalDecisionsAtOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := newMem(t)
	w, _ := Create(ctx, b, scan.Meta{ID: "fin", Target: "t"}, WriterOptions{SegmentAge: -1})
	w.Add(scan.Element{ID: "e1", Type: "IP_ADDRESS", Data: "1"})
	w.SetStatus(scan.StatusFinished, time.Time{})
	w.Close()
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{Interval: 20 * time.Millisecond, FinishedInterval: time.Hour})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); m.Follow(ctx) }()
	defer func() { cancel(); <-done }()
	// The finished scan is not due for an hour; serve's button appends here.
	scan.AppendDecision(filepath.Join(local, "fin"), scan.Decision{Op: scan.OpFPSet, Element: "e1", By: "serve"})
	deadline := time.Now().Add(10 * time.Second)
	for len(keys(t, b, "fin/review/")) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("the local decision was not sent up while the scan was not due")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAFinishedScanCostsTwoListsALook(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	w, _ := Create(ctx, b, scan.Meta{ID: "done", Target: "t"}, WriterOptions{SegmentAge: -1})
	w.Add(scan.Element{Type: "IP_ADDRESS", Data: "1"})
	w.SetStatus(scan.StatusFinished, time.Time{})
	w.Close()
	m, _ := NewMirror(b, t.TempDir(), MirrorOptions{})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	l0, r0 := m.Stats.Lists.Load(), m.Stats.Reads.Load()
	if _, err := m.syncScan(ctx, "done", m.scans["done"], false); err != nil {
		t.Fatal(err)
	}
	if l, r := m.Stats.Lists.Load()-l0, m.Stats.Reads.Load()-r0; l != 2 || r != 0 {
		t.Errorf("a look at a finished scan: %d lists, %d reads; want 2 and 0", l, r)
	}
	// A running scan's look: one list and one read per stream.
	w2, _ := Create(ctx, b, scan.Meta{ID: "run", Target: "t", Status: scan.StatusRunning}, WriterOptions{SegmentAge: -1})
	w2.Add(scan.Element{Type: "IP_ADDRESS", Data: "1"})
	w2.Close()
	m.Sync(ctx)
	l0, r0 = m.Stats.Lists.Load(), m.Stats.Reads.Load()
	m.syncScan(ctx, "run", m.scans["run"], false)
	if l, r := m.Stats.Lists.Load()-l0, m.Stats.Reads.Load()-r0; l != 1 || r != 2 {
		t.Errorf("a look at a quiet running scan: %d lists, %d reads; want 1 and 2", l, r)
	}
}

func TestMirrorMakesNoFolderForAScanWithoutScanToml(t *testing.T) {
	ctx := context.Background()
	b := newMem(t)
	// A writer that has sealed a segment but whose scan.toml is not there
	// (written by hand, or deleted): no local folder, so no broken scan.
	b.WriteAll(ctx, "early/elements/000001.jsonl", []byte(`{"id":"a","type":"IP_ADDRESS","data":"1","source":"ROOT","module":"m","generated":"2026-01-01T00:00:00Z"}`+"\n"), nil)
	local := t.TempDir()
	m, _ := NewMirror(b, local, MirrorOptions{})
	if _, err := m.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(local, "early")); !os.IsNotExist(err) {
		t.Errorf("a folder was made for a scan without scan.toml: %v", err)
	}
	meta, _ := scan.MarshalMeta(scan.Meta{ID: "early", Name: "early", Target: "t", Kind: scan.KindAutomated, Status: scan.StatusRunning, Created: time.Now()})
	b.WriteAll(ctx, "early/scan.toml", meta, nil)
	m.Sync(ctx)
	if _, els, _, _ := readLocal(t, local, "early"); len(els) != 1 {
		t.Errorf("once scan.toml came: %d elements, want 1", len(els))
	}
}
