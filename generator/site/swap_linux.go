package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges tmp and out in one step (renameat2 RENAME_EXCHANGE), so
// out is never missing, then removes the old site now at tmp.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return swapAside(tmp, out)
	}
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE); err != nil {
		if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
			return swapAside(tmp, out) // file system without exchange
		}
		// renameat2's error names no path: name both folders.
		return fmt.Errorf("swap the new site %s into place at %s: %w", tmp, out, err)
	}
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("remove old site: %w", err)
	}
	return nil
}
