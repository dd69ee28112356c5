package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSwapErrorNamesTheFolders: a swap that fails (here the build folder is
// gone) says which folders it was swapping.
func TestSwapErrorNamesTheFolders(t *testing.T) {
	dir := t.TempDir()
	tmp, out := filepath.Join(dir, ".site.build-1"), filepath.Join(dir, "site")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	err := swap(tmp, out)
	if err == nil {
		t.Fatal("the swap of a missing build folder succeeded")
	}
	if !strings.Contains(err.Error(), out) || !strings.Contains(err.Error(), tmp) {
		t.Errorf("error %q does not name %s and %s", err, tmp, out)
	}
}
