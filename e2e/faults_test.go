package e2e

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/sitecmp"
)

// The writer process of TestFaultInjection: the test binary run again with
// these variables set appends elements to a scan the way a buffered writer
// does (pieces of lines, a pause between writes) until it is killed, so a
// kill lands in the middle of a line.
const (
	envWriterFile = "SCANREPORT_FAULT_WRITER_FILE"
	envWriterTag  = "SCANREPORT_FAULT_WRITER_TAG"
)

func TestFaultWriterProcess(t *testing.T) {
	path := os.Getenv(envWriterFile)
	if path == "" {
		t.Skip("the writer of TestFaultInjection; it runs only as its child process")
	}
	tag := os.Getenv(envWriterTag)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(len(tag)), uint64(time.Now().UnixNano())))
	var pending []byte
	for i := 0; ; i++ {
		src := "ROOT"
		if i > 0 && r.IntN(3) > 0 {
			src = fmt.Sprintf("%s-%d", tag, r.IntN(i))
		}
		// Real shapes: SFURL markers and newlines in values, API keys in URLs.
		data := fmt.Sprintf("host-%s-%d.acme-corp.example", tag, i)
		typ := "INTERNET_NAME"
		switch i % 4 {
		case 1:
			typ, data = "IP_ADDRESS", fmt.Sprintf("10.%d.%d.%d", i%250, r.IntN(250), r.IntN(250))
		case 2:
			typ, data = "MALICIOUS_IPADDR", fmt.Sprintf("AbuseIPDB [10.0.0.%d]\\n<SFURL>https://www.abuseipdb.com/check/10.0.0.%d?key=SECRET%d</SFURL>", i%250, i%250, i)
		case 3:
			typ = "LINKED_URL_INTERNAL"
			data = fmt.Sprintf("https://acme-corp.example/admin/%d?api_key=K%d&x=<b>", i, i)
		}
		pending = fmt.Appendf(pending, `{"id":"%s-%d","type":"%s","data":"%s","source":"%s","module":"sfp_fault","generated":"2026-11-20T10:%02d:%02d.%03dZ","risk":%d}`+"\n",
			tag, i, typ, data, src, (i/60)%60, i%60, i%1000, r.IntN(101))
		// Flush pieces of arbitrary size, as a buffered writer does.
		for len(pending) > 0 && r.IntN(2) == 0 {
			n := 1 + r.IntN(len(pending))
			if _, err := f.Write(pending[:n]); err != nil {
				t.Fatal(err)
			}
			pending = pending[n:]
			time.Sleep(time.Duration(r.IntN(800)) * time.Microsecond)
		}
	}
}

// TestFaultInjection kills writers mid-line and `scanreport serve` mid-update
// in a loop; after each round the site serve keeps must show what a clean
// build of the same files shows (internal/sitecmp: data by content, the
// rest byte for byte), downloads aside (they follow a quiet period). At the
// end the scan finishes and the downloads are compared too.
func TestFaultInjection(t *testing.T) {
	rounds := 30
	if s := os.Getenv("SCANREPORT_FAULT_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	bin := binary(t)
	dir := t.TempDir()
	scans, siteDir := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	scanDir := filepath.Join(scans, "live")
	if err := os.MkdirAll(scanDir, 0o755); err != nil {
		t.Fatal(err)
	}
	meta := func(status string) {
		t.Helper()
		toml := fmt.Sprintf("name = \"Fault injection\"\ntarget = \"acme-corp.example\"\nstatus = %q\n", status)
		if err := os.WriteFile(filepath.Join(scanDir, "scan.toml.tmp"), []byte(toml), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(scanDir, "scan.toml.tmp"), filepath.Join(scanDir, "scan.toml")); err != nil {
			t.Fatal(err)
		}
	}
	meta("RUNNING")
	elements := filepath.Join(scanDir, "elements.jsonl")
	root := `{"id":"ROOT","type":"ROOT","data":"acme-corp.example","source":"ROOT","module":"","generated":"2026-11-20T10:00:00Z"}` + "\n"
	if err := os.WriteFile(elements, []byte(root), 0o644); err != nil {
		t.Fatal(err)
	}

	srv := startKillable(t, bin, scans, siteDir)
	defer func() { srv.stop(t) }()
	start := time.Now()
	r := rand.New(rand.NewPCG(1, 2))
	serveKills, waits := 0, time.Duration(0)
	for round := range rounds {
		// A writer, killed (SIGKILL) after a while: mid-line, mostly.
		w := exec.Command(os.Args[0], "-test.run=^TestFaultWriterProcess$")
		w.Env = append(os.Environ(), envWriterFile+"="+elements, envWriterTag+"="+fmt.Sprintf("r%d", round))
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(30+r.IntN(250)) * time.Millisecond)
		// Every third round, serve is killed too, in the middle of its
		// updates, and started again.
		if round%3 == 2 {
			srv.kill()
			serveKills++
		}
		time.Sleep(time.Duration(r.IntN(60)) * time.Millisecond)
		_ = w.Process.Kill()
		_ = w.Wait()
		if srv.cmd == nil {
			srv = startKillable(t, bin, scans, siteDir)
		}
		t0 := time.Now()
		converge(t, bin, scans, siteDir, fmt.Sprintf("round %d", round), func(rel string) bool { return strings.Contains(rel, "/downloads/") })
		waits += time.Since(t0)
	}
	// The scan ends: its downloads are written at once, and compared too.
	meta("FINISHED")
	converge(t, bin, scans, siteDir, "finished", nil)
	info, _ := os.Stat(elements)
	t.Logf("%d rounds (%d serve kills) in %s, %d bytes written; serve caught up in %s on average",
		rounds, serveKills, time.Since(start).Round(time.Millisecond), info.Size(), (waits / time.Duration(max(rounds, 1))).Round(time.Millisecond))
}

// converge builds the scans root afresh and waits (at most 20 s) until the
// served site shows the same.
func converge(t *testing.T, bin, scans, siteDir, what string, skip func(string) bool) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	cmd := exec.Command(bin, "build", "--quiet", "--scans", scans, "--out", clean)
	cmd.Dir = t.TempDir()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: clean build: %v\n%s", what, err, out)
	}
	deadline := time.Now().Add(20 * time.Second)
	var diff []string
	var err error
	for {
		diff, err = sitecmp.Diff(clean, siteDir, skip)
		if err == nil && len(diff) == 0 {
			return
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: the served site still differs from a clean build after 20 s (%v): %s", what, err, strings.Join(diff[:min(len(diff), 15)], ", "))
}

// killable is `scanreport serve` that the test kills with SIGKILL.
type killable struct {
	cmd  *exec.Cmd
	logs *lockedBuffer
	done chan error
}

func startKillable(t *testing.T, bin, scans, siteDir string) *killable {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--verbose", "--scans", scans, "--out", siteDir, "--port", "0")
	cmd.Dir = t.TempDir()
	k := &killable{cmd: cmd, logs: &lockedBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = k.logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			fmt.Fprintln(k.logs, "stdout:", sc.Text())
			if servingLine.MatchString(sc.Text()) {
				found <- true
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	go func() { k.done <- cmd.Wait() }()
	select {
	case <-found:
	case err := <-k.done:
		t.Fatalf("scanreport serve exited: %v\n%s", err, k.logs.String())
	case <-time.After(time.Minute):
		t.Fatalf("scanreport serve did not start within a minute:\n%s", k.logs.String())
	}
	return k
}

func (k *killable) kill() {
	if k.cmd == nil {
		return
	}
	_ = k.cmd.Process.Kill()
	<-k.done
	k.cmd = nil
}

func (k *killable) stop(t *testing.T) {
	if k.cmd == nil {
		return
	}
	_ = k.cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-k.done:
		if err != nil {
			t.Errorf("scanreport serve did not stop cleanly on Ctrl-C: %v", err)
		}
	case <-time.After(15 * time.Second):
		_ = k.cmd.Process.Kill()
		t.Errorf("scanreport serve did not stop within 15 s of Ctrl-C")
	}
	if t.Failed() {
		t.Logf("scanreport serve log:\n%s", k.logs.String())
	}
	k.cmd = nil
}
