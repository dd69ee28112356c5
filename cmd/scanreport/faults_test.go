//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/internal/sample"
)

// withDeadline runs fn and fails the test if it does not return within d:
// a FIFO bug would otherwise hang the test binary itself.
func withDeadline(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %s: something blocks (a FIFO opened for reading?)", d)
	}
}

// TestFIFOsDoNotHang puts a FIFO in the place of each file of a scan, and of
// an investigation file, a rule file and config.toml: build and validate
// finish, name the FIFO, and build the other scans.
func TestFIFOsDoNotHang(t *testing.T) {
	cliEnv(t)
	for _, name := range []string{"notes.md", "elements.jsonl", "log.jsonl", "review.jsonl", "settings.toml", "scan.toml"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			scans := filepath.Join(dir, "scans")
			if err := sample.WriteSamples(scans); err != nil {
				t.Fatal(err)
			}
			ids, _ := os.ReadDir(scans)
			victim := filepath.Join(scans, ids[0].Name(), name)
			os.Remove(victim)
			if err := syscall.Mkfifo(victim, 0o644); err != nil {
				t.Fatal(err)
			}
			inv := filepath.Join(dir, "investigations")
			os.MkdirAll(inv, 0o755)
			if err := syscall.Mkfifo(filepath.Join(inv, "pipe.md"), 0o644); err != nil {
				t.Fatal(err)
			}
			var code int
			var stdout, stderr string
			withDeadline(t, 60*time.Second, func() {
				code, stdout, stderr = runCLI(t, "build", "--scans", scans, "--out", filepath.Join(dir, "site"))
			})
			if code != 0 {
				t.Fatalf("build: %d %s %s", code, stdout, stderr)
			}
			if !regexp.MustCompile(`Built \d+ scans`).MatchString(stdout) {
				t.Errorf("build said %q", stdout)
			}
			withDeadline(t, 60*time.Second, func() {
				code, stdout, stderr = runCLI(t, "validate", "--scans", scans)
			})
			if code != 1 || !strings.Contains(stdout, name+": ") || !strings.Contains(stdout, "FIFO") {
				t.Errorf("validate: %d\n%s\n%s", code, stdout, stderr)
			}
			if !strings.Contains(stdout, "pipe.md") {
				t.Errorf("validate does not name the investigation FIFO:\n%s", stdout)
			}
		})
	}
}

// TestBuildAndValidateAgreeOnSeverity: a scan left out, a missing rules
// folder and bad lines are counted the same by both commands.
func TestBuildAndValidateAgreeOnSeverity(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(scans, "broken"), 0o755)
	os.WriteFile(filepath.Join(scans, "broken", "scan.toml"), []byte("status = [\n"), 0o644)
	ids, _ := os.ReadDir(scans)
	f, _ := os.OpenFile(filepath.Join(scans, ids[0].Name(), "elements.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("not json\n[1]\n")
	f.Close()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("[correlations]\nenabled = true\nrules = \"no-such-rules\"\n"), 0o644)

	code, stdout, stderr := runCLI(t, "--config", cfg, "build", "--scans", scans, "--out", filepath.Join(dir, "site"))
	if code != 0 {
		t.Fatalf("build: %d %s %s", code, stdout, stderr)
	}
	m := regexp.MustCompile(`(\d+) problems in the data \((\d+) errors\)`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("build said %q", stdout)
	}
	code, vout, verr := runCLI(t, "--config", cfg, "validate", "--scans", scans)
	if code != 1 {
		t.Fatalf("validate: %d %s %s", code, vout, verr)
	}
	errs := strings.Count(vout, ": error: ")
	warns := strings.Count(vout, ": warning: ")
	if m[2] != itoa(errs) || m[1] != itoa(errs+warns) {
		t.Errorf("build counted %s problems (%s errors), validate listed %d errors and %d warnings:\n%s", m[1], m[2], errs, warns, vout)
	}
	if !strings.Contains(verr, itoa(errs)+" errors, "+itoa(warns)+" warnings") {
		t.Errorf("validate summary %q, listed %d errors and %d warnings", verr, errs, warns)
	}
	if errs < 3 {
		t.Errorf("expected the scan left out, the rules folder and the bad lines as errors, got %d:\n%s", errs, vout)
	}
}

func itoa(n int) string { return strings.TrimSpace(numtext.Thousands(n)) }

// TestPublishPrefixIsAFolder publishes with a prefix given without its
// trailing slash, in the URL forms there are, with --prune, beside other
// reports whose names start alike: the site lands under team/acme/, and
// nothing outside that folder is touched.
func TestPublishPrefixIsAFolder(t *testing.T) {
	cliEnv(t)
	_, siteDir, _ := builtSite(t)
	for i, form := range []string{"?prefix=team/acme", "?prefix=/team/acme//"} {
		t.Run(fmt.Sprint("form", i), func(t *testing.T) {
			dest := t.TempDir()
			others := []string{"team/acme-old/index.html", "team/acme2/data/x.js", "team/acmeindex.html", "team/other.txt"}
			for _, o := range others {
				p := filepath.Join(dest, filepath.FromSlash(o))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte("another report"), 0o644)
			}
			to := "file://" + filepath.ToSlash(dest) + form
			code, out, errOut := runCLI(t, "publish", "--site", siteDir, "--to", to, "--prune", "--max-deletes", "100000")
			if code != 0 {
				t.Fatalf("publish: %d\n%s\n%s", code, out, errOut)
			}
			if _, err := os.Stat(filepath.Join(dest, "team", "acme", "index.html")); err != nil {
				t.Errorf("no team/acme/index.html: %v", err)
			}
			for _, o := range others {
				data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(o)))
				if err != nil || string(data) != "another report" {
					t.Errorf("%s outside the prefix was touched: %v", o, err)
				}
			}
		})
	}
}

// TestPublishRefusesNestedTargets: a file:// target inside the site folder
// (or the scans root it archives), or a site inside the target, is refused
// before anything is written.
func TestPublishRefusesNestedTargets(t *testing.T) {
	cliEnv(t)
	scans, siteDir, _ := builtSite(t)
	parent := filepath.Dir(siteDir)
	for _, c := range []struct {
		to   string
		args []string
		want string
	}{
		{"file://" + filepath.ToSlash(filepath.Join(siteDir, "copy")), nil, "inside the site folder"},
		{"file://" + filepath.ToSlash(siteDir), nil, "inside the site folder"},
		{"file://" + filepath.ToSlash(parent), nil, "is inside --to"},
		{"file://" + filepath.ToSlash(parent) + "?prefix=" + filepath.Base(siteDir), nil, "inside the site folder"},
		{"file://" + filepath.ToSlash(filepath.Join(scans, "pub")), []string{"--with-scans", "--scans", scans}, "inside the scans root"},
	} {
		before := listTree(t, parent)
		args := append([]string{"publish", "--site", siteDir, "--to", c.to, "--prune"}, c.args...)
		code, out, errOut := runCLI(t, args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, %q %q; want %q", c.to, code, out, errOut, c.want)
		}
		if after := listTree(t, parent); after != before {
			t.Errorf("%s: a refused publish changed files", c.to)
		}
	}
}

func listTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			fmt.Fprintf(&b, "%s %d\n", p, info.Size())
		}
		return nil
	})
	return b.String()
}
