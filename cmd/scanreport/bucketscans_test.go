package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildFromBucketFolder: the four sample scans go into a folder in the
// segment layout (sample --out file://…), and build --scans file://… reads
// them through the mirror into the same site as from the scans folder; a
// second build downloads nothing new, and a second sample into the same
// bucket is refused.
func TestBuildFromBucketFolder(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	bucket := "file://" + filepath.ToSlash(filepath.Join(dir, "bucket"))
	if err := os.MkdirAll(filepath.Join(dir, "bucket"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "sample", "--samples", "--out", bucket, "--segment-lines", "50"); code != 0 {
		t.Fatalf("sample into %s: %d %s %s", bucket, code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "bucket", "acme-corp-2026-11-18", "elements", "000001.jsonl")); err != nil {
		t.Fatalf("no first element segment: %v", err)
	}
	if code, _, _ := runCLI(t, "sample", "--samples", "--out", bucket); code == 0 {
		t.Error("a second sample into the same bucket was not refused")
	}
	local := filepath.Join(dir, "scans")
	if code, out, errs := runCLI(t, "sample", "--samples", "--out", local); code != 0 {
		t.Fatal(code, out, errs)
	}
	_, fromDisk, _ := runCLI(t, "build", "--scans", local, "--out", filepath.Join(dir, "site1"))
	mirror := filepath.Join(dir, "mirror", "scans")
	for i := 0; i < 2; i++ {
		code, out, errs := runCLI(t, "build", "--scans", bucket, "--mirror", mirror, "--out", filepath.Join(dir, "site2"))
		if code != 0 {
			t.Fatalf("build --scans %s: %d %s %s", bucket, code, out, errs)
		}
		first := func(s string) string { return strings.SplitN(s, " into ", 2)[0] }
		if first(out) != first(fromDisk) {
			t.Errorf("from the bucket: %q\nfrom disk: %q", first(out), first(fromDisk))
		}
	}
	for _, f := range []string{"elements.jsonl", "log.jsonl", "scan.toml", "review.jsonl"} {
		a, _ := os.ReadFile(filepath.Join(local, "acme-corp-2026-11-18", f))
		b, _ := os.ReadFile(filepath.Join(mirror, "acme-corp-2026-11-18", f))
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s: the mirror's copy differs from the scan written on disk (%d vs %d bytes)", f, len(b), len(a))
		}
	}
	// fp on a bucket scan: checked against the mirror, sent up as an object.
	reviews := func() int {
		es, _ := os.ReadDir(filepath.Join(dir, "bucket", "acme-corp-2026-11-18", "review"))
		n := 0
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ".json") {
				n++
			}
		}
		return n
	}
	before := reviews()
	data, _ := os.ReadFile(filepath.Join(local, "acme-corp-2026-11-18", "elements.jsonl"))
	second := strings.SplitN(string(data), "\n", 3)[1]
	id := strings.SplitN(strings.TrimPrefix(second, `{"id":"`), `"`, 2)[0]
	if code, out, errs := runCLI(t, "fp", "set", "--scans", bucket, "--mirror", mirror, "acme-corp-2026-11-18", id); code != 0 {
		t.Fatalf("fp set on a bucket scan: %d %s %s", code, out, errs)
	}
	if got := reviews(); got != before+1 {
		t.Errorf("review objects in the bucket: %d, want %d", got, before+1)
	}
	if code, out, errs := runCLI(t, "validate", "--scans", bucket, "--mirror", mirror, "acme-corp-2026-11-18"); code != 0 {
		t.Errorf("validate --scans %s: %d %s %s", bucket, code, out, errs)
	}
}
