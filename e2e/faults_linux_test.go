//go:build linux

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLiveBehindNotice: when the preview cannot write the site (a full
// disk), open pages say that the site is behind and why; once space
// returns the server catches up by itself and the notice goes.
func TestLiveBehindNotice(t *testing.T) {
	needChromium(t)
	if runtime.GOOS != "linux" || os.Getuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (a real full disk)")
	}
	disk := t.TempDir()
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=24m"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(disk, syscall.MNT_DETACH) })
	dir := t.TempDir()
	scans, siteDir := filepath.Join(dir, "scans"), filepath.Join(disk, "site")
	scanDir := filepath.Join(scans, "live")
	os.MkdirAll(scanDir, 0o755)
	os.WriteFile(filepath.Join(scanDir, "scan.toml"), []byte("name = \"Behind\"\ntarget = \"acme-corp.example\"\nstatus = \"RUNNING\"\n"), 0o644)
	elements := filepath.Join(scanDir, "elements.jsonl")
	os.WriteFile(elements, []byte(`{"id":"ROOT","type":"ROOT","data":"acme-corp.example","source":"ROOT","module":"","generated":"2026-11-20T10:00:00Z"}`+"\n"), 0o644)
	srv := startServe(t, scans, siteDir)
	b := newBrowser(t)
	p := b.open(t, srv.url("scans/live/index.html"))
	waitLive(p)

	// Fill the disk, then let elements arrive.
	filler, err := os.Create(filepath.Join(disk, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 64<<10)
	for {
		if _, err := filler.Write(block); err != nil {
			break
		}
	}
	for {
		if _, err := filler.Write(block[:512]); err != nil {
			break
		}
	}
	filler.Close()
	f, _ := os.OpenFile(elements, os.O_APPEND|os.O_WRONLY, 0)
	for i := range 3000 {
		fmt.Fprintf(f, `{"id":"e%d","type":"IP_ADDRESS","data":"10.0.%d.%d","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}`+"\n", i, i/256, i%256)
	}
	f.Close()
	p.waitFor(`(e => !!e && !e.hidden && e.textContent.includes("no space left on device") && e.textContent.includes("Scan live"))(document.querySelector("#live-behind"))`, 30*time.Second,
		`(document.querySelector("#live-behind") || {}).textContent`)
	// A page opened now hears it in the server's hello.
	p2 := b.open(t, srv.url("index.html"))
	p2.waitFor(`(e => !!e && !e.hidden && e.textContent.includes("behind"))(document.querySelector("#live-behind"))`, 30*time.Second,
		`(document.querySelector("#live-behind") || {}).textContent`)

	// Space returns: the server retries by itself; the notice goes.
	os.Remove(filepath.Join(disk, "filler"))
	p.waitFor(`(e => !e || e.hidden)(document.querySelector("#live-behind"))`, 90*time.Second,
		`(document.querySelector("#live-behind") || {}).textContent`)
	p2.waitFor(`(e => !e || e.hidden)(document.querySelector("#live-behind"))`, 30*time.Second,
		`(document.querySelector("#live-behind") || {}).textContent`)
	converge(t, binary(t), scans, siteDir, "after the disk was full", func(rel string) bool { return strings.Contains(rel, "/downloads/") })
}
