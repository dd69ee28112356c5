//go:build unix

package lookup

import (
	"os/exec"
	"syscall"
)

// killGroup runs the command in a process group of its own and, when the
// context ends, kills the whole group: a script's children go too.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
