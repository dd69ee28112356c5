//go:build linux

package generator

import (
	"fmt"
	"io/fs"
	"syscall"
)

// fileID is a file's device, inode and change time, which change when it
// is replaced or written even if its size and modification time do not.
func fileID(fi fs.FileInfo) string {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d:%d:%d.%d", st.Dev, st.Ino, st.Ctim.Sec, st.Ctim.Nsec)
}
