package pages

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/scanreport/scanreport/scan"
)

var updateStatus = flag.Bool("update", false, "rewrite testdata/status-texts.json")

// statusVector is one scan status as the pages show it: the badge's class
// and the partial-results notice.
type statusVector struct {
	Status  string `json:"status"`
	Class   string `json:"class"`
	Partial string `json:"partial"`
}

// The status badge and the partial-results text exist here (the pages)
// and in the browser, which rewrites the scan header of a built site from
// the manifest while the scan runs (static/src/live/status.ts). This test
// writes the Go side's texts to testdata/status-texts.json;
// static/test/status.test.ts checks that the browser's are the same.
func TestStatusTextVectors(t *testing.T) {
	statuses := []string{
		scan.StatusCreated, scan.StatusInitializing, scan.StatusStarting, scan.StatusStarted, scan.StatusRunning,
		scan.StatusAbortRequested, scan.StatusAborting, scan.StatusAborted, scan.StatusFinished, scan.StatusErrorFailed,
		// Statuses no scanner of ours writes: scan.toml is untrusted.
		"", "running", "PAUSED", `SAY "HI"`, `back\slash`, "tab\there", "new\nline", "nul\x00", "bell\x07", "del\x7f",
		"ünïcödé", "日本語", "emoji 😀", "rtl \u202e", "line sep \u2028", "<script>alert(1)</script>", "nbsp\u00a0", "soft\u00adhyphen",
	}
	var vs []statusVector
	for _, s := range statuses {
		vs = append(vs, statusVector{Status: s, Class: StatusOf(s).Class, Partial: partialText(&scan.Meta{Status: s})})
	}
	b, err := json.MarshalIndent(map[string]any{
		"comment": "Scan statuses as the pages show them (generator/pages StatusOf, partialText), checked against the browser's (static/src/live/status.ts) by static/test/status.test.ts. Rewrite: go test ./generator/pages -run TestStatusTextVectors -update",
		"vectors": vs,
	}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	file := filepath.Join("testdata", "status-texts.json")
	if *updateStatus {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(b) {
		t.Errorf("%s is out of date: go test ./generator/pages -run TestStatusTextVectors -update", file)
	}
}
