//go:build linux

package generator

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// smallDisk returns a folder on a file system that can be filled: a 16 MiB
// tmpfs mounted for the test when the test runs as root on Linux (a real
// ENOSPC), else nothing (the caller falls back to a folder it cannot write).
func smallDisk(t *testing.T) (string, bool) {
	t.Helper()
	if runtime.GOOS != "linux" || os.Getuid() != 0 {
		return "", false
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16m"); err != nil {
		t.Logf("no tmpfs (%v): falling back to a read-only folder", err)
		return "", false
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir, true
}

// fill writes a file until the file system is full; remove it to free the
// space again.
func fill(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			break
		}
	}
	// Small writes too, until not a byte fits.
	for {
		if _, err := f.Write(buf[:512]); err != nil {
			break
		}
	}
	return p
}
