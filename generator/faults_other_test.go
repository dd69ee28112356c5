//go:build unix && !linux

package generator

import "testing"

// smallDisk: no tmpfs to mount here; the caller falls back to a folder it
// cannot write.
func smallDisk(t *testing.T) (string, bool) { return "", false }

func fill(t *testing.T, dir string) string {
	t.Fatal("no small disk to fill")
	return ""
}
