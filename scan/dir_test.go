package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func collect(probs *[]string) Reporter {
	return func(p Problem) { *probs = append(*probs, p.String()) }
}

func TestParseMeta(t *testing.T) {
	var probs []string
	m, err := ParseMeta([]byte(`name = "n"
target = "example.com"
status = "running"
colour = "blue"
created = 2026-11-20T09:59:58Z
started = 2026-11-20T10:00:00
`), "s1", "s1/scan.toml", collect(&probs))
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != StatusRunning || m.Kind != KindAutomated || m.ID != "s1" {
		t.Errorf("meta = %+v", m)
	}
	if !m.Started.Equal(time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("local date-time read as %v, want UTC", m.Started)
	}
	want := `s1/scan.toml:4: warning: unknown key "colour" ignored`
	if strings.Join(probs, "\n") != want {
		t.Errorf("problems = %q", probs)
	}
	_, err = ParseMeta([]byte("name = \"n\"\nstatus = [1\n"), "s1", "s1/scan.toml", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "s1/scan.toml:2:") {
		t.Errorf("broken TOML error = %v, want it to name line 2", err)
	}
	_, err = ParseMeta([]byte("name = 5\n"), "s1", "s1/scan.toml", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "s1/scan.toml:1:") {
		t.Errorf("wrong type error = %v, want it to name line 1", err)
	}
}

func TestMetaRoundTrip(t *testing.T) {
	m := Meta{ID: "x", Name: "n \"q\"", Target: "t", TargetType: "INTERNET_NAME", Kind: KindManual, Status: StatusFinished,
		Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Modules: []string{"a"}}
	data, err := MarshalMeta(m)
	if err != nil {
		t.Fatal(err)
	}
	var probs []string
	got, err := ParseMeta(data, "x", "x/scan.toml", collect(&probs))
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v\n%s", err, probs, data)
	}
	if got.Name != m.Name || !got.Created.Equal(m.Created) || !got.Started.IsZero() || got.Kind != KindManual {
		t.Errorf("round trip: %+v\n%s", got, data)
	}
}

func TestValidID(t *testing.T) {
	for _, ok := range []string{"a", "example-com-2026-11-20", "A.b_c-1", strings.Repeat("x", 128)} {
		if err := ValidID(ok); err != nil {
			t.Errorf("ValidID(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", ".", "..", ".hidden", "-x", "a/b", "a b", "é", "a\x00", strings.Repeat("x", 129), "<script>"} {
		if ValidID(bad) == nil {
			t.Errorf("ValidID(%q) accepted", bad)
		}
	}
}

func TestRootListAndSymlinks(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "scans")
	outside := filepath.Join(base, "outside")
	must(t, os.MkdirAll(filepath.Join(root, "good"), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, "bad name"), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, ".git"), 0o755))
	must(t, os.MkdirAll(outside, 0o755))
	must(t, os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "README"), nil, 0o644))
	must(t, os.Symlink(outside, filepath.Join(root, "escape")))
	must(t, os.Symlink("good", filepath.Join(root, "alias")))
	must(t, os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "good", "notes.md")))

	r, err := OpenRoot(root)
	must(t, err)
	defer r.Close()
	var probs []string
	ids, err := r.List(collect(&probs))
	must(t, err)
	if strings.Join(ids, ",") != "alias,good" {
		t.Errorf("ids = %v", ids)
	}
	want := `"bad name": error: directory refused: scan id "bad name" may only contain letters, digits, '.', '_' and '-'` + "\n" +
		`escape: error: symlink refused: it leads outside the scans root or nowhere`
	if strings.Join(probs, "\n") != want {
		t.Errorf("problems:\n%s", strings.Join(probs, "\n"))
	}
	d, err := r.Open("good")
	must(t, err)
	defer d.Close()
	if _, err := d.Notes(nil); err == nil || !strings.Contains(err.Error(), "symlink refused") {
		t.Errorf("notes.md through an escaping symlink: err = %v", err)
	}
	if _, err := r.Open("escape"); err == nil {
		t.Error("opened a scan directory outside the root")
	}
}

func TestWriterAndReader(t *testing.T) {
	root := t.TempDir()
	w, err := Create(root, Meta{ID: "s", Target: "example.com", TargetType: "INTERNET_NAME"})
	must(t, err)
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	must(t, w.SetStatus(StatusRunning, t0))
	must(t, w.Root(t0))
	id, err := w.Add(Element{Type: "IP_ADDRESS", Data: "1.2.3.4\n<b>", Module: "m", Generated: t0, Risk: 10})
	must(t, err)
	_, err = w.Add(Element{ID: "x", Type: "TCP_PORT_OPEN", Data: "1.2.3.4:22", Source: id, Generated: t0})
	must(t, err)
	// AddExact keeps a real 0; Add reads 0 as "not set".
	_, err = w.AddExact(Element{ID: "z", Type: "RAW_RIR_DATA", Data: "z", Source: id, Generated: t0, Confidence: 0, Visibility: 40})
	must(t, err)
	must(t, w.Log(t0, LevelError, "m", "boom \"quoted\""))
	must(t, w.WriteSettings(Settings{Global: []Setting{{Key: "k", Value: "v"}}}))
	must(t, w.SetStatus(StatusFinished, t0.Add(time.Minute)))
	must(t, w.Close())

	r, err := OpenRoot(root)
	must(t, err)
	defer r.Close()
	d, err := r.Open("s")
	must(t, err)
	defer d.Close()
	var probs []string
	m, err := d.Meta(collect(&probs))
	must(t, err)
	if m.Status != StatusFinished || !m.Started.Equal(t0) || !m.Ended.Equal(t0.Add(time.Minute)) {
		t.Errorf("meta = %+v", m)
	}
	var els []Element
	_, err = d.Elements(Position{}, collect(&probs), func(e Element, _ int) error { els = append(els, e); return nil })
	must(t, err)
	if len(els) != 4 || els[1].ID != id || els[1].Data != "1.2.3.4\n<b>" || els[1].Risk != 10 || els[2].Source != id {
		t.Errorf("elements = %+v", els)
	} else if els[2].Confidence != 100 || els[2].Visibility != 100 || els[3].Confidence != 0 || els[3].Visibility != 40 {
		t.Errorf("confidence/visibility = %d/%d, %d/%d; want 100/100, 0/40", els[2].Confidence, els[2].Visibility, els[3].Confidence, els[3].Visibility)
	}
	var logs []LogEntry
	_, err = d.Log(Position{}, collect(&probs), func(e LogEntry, _ int) error { logs = append(logs, e); return nil })
	must(t, err)
	if len(logs) != 1 || logs[0].Message != `boom "quoted"` || logs[0].Level != LevelError {
		t.Errorf("log = %+v", logs)
	}
	s, err := d.Settings(collect(&probs))
	must(t, err)
	if len(s.Global) != 1 || s.Global[0].Value != "v" {
		t.Errorf("settings = %+v", s)
	}
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}
}

// A scanner killed mid-line leaves a partial line; a new Writer closes it off
// so the lines that follow stay whole, and nothing complete is lost.
func TestWriterAfterCrash(t *testing.T) {
	root := t.TempDir()
	w, err := Create(root, Meta{ID: "s", Target: "t"})
	must(t, err)
	_, err = w.Add(Element{ID: "a", Type: "X", Data: "1"})
	must(t, err)
	must(t, w.Close())
	f, err := os.OpenFile(filepath.Join(root, "s", ElementsFile), os.O_APPEND|os.O_WRONLY, 0)
	must(t, err)
	_, err = f.WriteString(`{"id":"b","type":"X","da`)
	must(t, err)
	must(t, f.Close())

	w, err = OpenWriter(root, "s")
	must(t, err)
	_, err = w.Add(Element{ID: "c", Type: "X", Data: "3"})
	must(t, err)
	must(t, w.Close())
	data, err := os.ReadFile(filepath.Join(root, "s", ElementsFile))
	must(t, err)
	els, probs, _ := readAll(t, string(data))
	if len(els) != 2 || els[0].ID != "a" || els[1].ID != "c" {
		t.Errorf("elements after crash = %+v", els)
	}
	if len(probs) != 1 || !strings.Contains(probs[0], ":2: error: not a JSON object") {
		t.Errorf("problems = %v", probs)
	}
}

func TestReview(t *testing.T) {
	dir := t.TempDir()
	must(t, AppendDecision(dir, Decision{Op: OpFPSet, Element: "e9"}))
	must(t, AppendDecision(dir, Decision{Op: OpFPUnset, Elements: []string{"e9", "e10"}}))
	f, err := os.OpenFile(filepath.Join(dir, ReviewFile), os.O_APPEND|os.O_WRONLY, 0)
	must(t, err)
	_, err = f.WriteString("{\"op\":\"explode\"}\n{\"op\":\"fp-set\"}\n")
	must(t, err)
	must(t, f.Close())
	data, _ := os.ReadFile(filepath.Join(dir, ReviewFile))
	var probs, ops []string
	_, err = ReadReview(strings.NewReader(string(data)), Position{}, "r", collect(&probs), func(d Decision, _ int) error {
		ops = append(ops, d.Op+":"+strings.Join(d.IDs(), "+"))
		return nil
	})
	must(t, err)
	if strings.Join(ops, " ") != "fp-set:e9 fp-unset:e9+e10" {
		t.Errorf("ops = %v", ops)
	}
	if strings.Join(probs, "\n") != "r:3: error: unknown op \"explode\"; skipped\nr:4: error: fp-set names no element; skipped" {
		t.Errorf("problems = %v", probs)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
