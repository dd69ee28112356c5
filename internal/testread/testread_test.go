package testread

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/scanreport/scanreport/scan"
)

func TestCSV(t *testing.T) {
	text := "a,b\r\n\"x, \"\"y\"\"\r\nz\",\r\n\"=cmd|' /C calc'!A0\",\"<SFURL>https://e.example/?k=1</SFURL>\"\r\n"
	got := CSV(t, text)
	want := [][]string{{"a", "b"}, {"x, \"y\"\r\nz", ""}, {"=cmd|' /C calc'!A0", "<SFURL>https://e.example/?k=1</SFURL>"}}
	if len(got) != len(want) {
		t.Fatalf("rows %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestPayloadAndFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "scans", "s", "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := DataPrefix + `{"k":"manifest","scan":"s","count":2,"types":[{"Code":"IP_ADDRESS","Total":2,"Chunks":[{"f":"e-ip-0.js","n":2}]}]}` + DataSuffix + "\n"
	if err := os.WriteFile(filepath.Join(dir, "scans", "s", "data", "manifest.js"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := ReadManifest(t, dir, "s")
	if m.K != "manifest" || m.Count != 2 || len(m.Types) != 1 || m.Types[0].Chunks[0] != (ChunkRef{F: "e-ip-0.js", N: 2}) {
		t.Errorf("manifest %+v", m)
	}
	if got := SiteFiles(t, dir); !slices.Equal(got, []string{"index.html", "scans/s/data/manifest.js"}) {
		t.Errorf("SiteFiles: %q", got)
	}
	if got := HTMLFiles(t, dir); !slices.Equal(got, []string{"index.html"}) {
		t.Errorf("HTMLFiles: %q", got)
	}
	if got := Files(t, dir); len(got) != 2 || got["index.html"] != "<!doctype html>" {
		t.Errorf("Files: %q", got)
	}
}

func TestScan(t *testing.T) {
	root := t.TempDir()
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	w, err := scan.Create(root, scan.Meta{ID: "s1", Target: "acme.example", Status: scan.StatusRunning})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Root(at); err != nil {
		t.Fatal(err)
	}
	data := "GET /?api_key=sk_live_1 HTTP/1.1\n<SFURL>https://acme.example/admin</SFURL>"
	id, err := w.Add(scan.Element{Type: "RAW_RIR_DATA", Data: data, Source: scan.RootID, Module: "sfp_x", Generated: at})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Log(at, "INFO", "sfp_x", "Ünïcode log line"); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteNotes("# Notes\n"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s := Scan(t, root, "s1")
	if s.Meta.ID != "s1" || s.Meta.Target != "acme.example" {
		t.Errorf("meta %+v", s.Meta)
	}
	if len(s.Elements) != 2 || s.Elements[0].ID != scan.RootID || s.ByID[id].Data != data {
		t.Errorf("elements %+v", s.Elements)
	}
	if len(s.Log) != 1 || s.Log[0].Message != "Ünïcode log line" || string(s.Notes) != "# Notes\n" || len(s.Problems) != 0 {
		t.Errorf("log %+v, notes %q, problems %v", s.Log, s.Notes, s.Problems)
	}
}
