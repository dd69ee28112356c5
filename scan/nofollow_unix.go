//go:build unix

package scan

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// openNoFollow opens name in the directory of r with O_NOFOLLOW: a
// symbolic link there is refused by the kernel (ELOOP) in the same call
// that opens the file, so nothing can swap one in between a check and the
// open. name is one path element.
func openNoFollow(r *os.Root, name string, flag int, perm os.FileMode) (*os.File, error) {
	dir, err := r.Open(".")
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	fd, err := unix.Openat(int(dir.Fd()), name, flag|unix.O_NOFOLLOW|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		if err == unix.ELOOP {
			return nil, fmt.Errorf("open %s: %w", name, errSymlink)
		}
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}
