//go:build unix

package scan

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestAppendDecisionFIFO: a FIFO in place of review.jsonl is refused, not
// written to (which would block).
func TestAppendDecisionFIFO(t *testing.T) {
	_, dir, _ := linkedScan(t)
	if err := syscall.Mkfifo(filepath.Join(dir, ReviewFile), 0o644); err != nil {
		t.Skip(err)
	}
	if err := AppendDecision(dir, Decision{Op: OpFPSet, Elements: []string{"e1"}}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("AppendDecision into a FIFO: %v", err)
	}
}
