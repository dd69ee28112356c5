//go:build !unix

package scan

import (
	"fmt"
	"os"
)

// openNoFollow opens name in the directory of r, refusing a symbolic link.
// Without O_NOFOLLOW the check comes before the open; os.Root still keeps
// the open inside the scan directory.
func openNoFollow(r *os.Root, name string, flag int, perm os.FileMode) (*os.File, error) {
	if st, err := r.Lstat(name); err == nil && st.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("open %s: %w", name, errSymlink)
	}
	return r.OpenFile(name, flag, perm)
}
