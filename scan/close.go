package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// CloseOptions say how CloseScan ends a scan.
type CloseOptions struct {
	// Status is the final status to set: FINISHED, ABORTED or
	// ERROR-FAILED.
	Status string
	// Ended is the end time; zero means LastWritten (when the scan's
	// writer last appended), or now for a scan with no data files.
	Ended time.Time
	// Force closes a scan that already has a final status (setting it
	// again), or whose files were written within RecentlyWritten.
	Force bool
	// Now is the current time; zero means time.Now.
	Now time.Time
}

// RecentlyWritten is how recently a scan's files may have been appended
// to for CloseScan to take its writer for alive and refuse (without
// Force): closing a scan under a live writer would be undone by the
// writer's next status change.
const RecentlyWritten = 2 * time.Minute

// CloseError is a refusal of CloseScan: Text explains it to a person.
type CloseError struct{ Text string }

func (e *CloseError) Error() string { return e.Text }

// LastWritten is when the scan directory's data files (elements.jsonl,
// log.jsonl) were last modified; zero when there are none.
func LastWritten(dir string) time.Time {
	var last time.Time
	for _, name := range []string{ElementsFile, LogFile} {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.ModTime().After(last) {
			last = st.ModTime()
		}
	}
	return last
}

// CloseScan gives a scan whose writer is gone (a scanner that crashed, a
// database import of a scan left RUNNING) a final status and an end time,
// through the Writer: buffered state is flushed and scan.toml is replaced
// atomically. It returns the metadata before and after. A refusal (a
// status that is not final, a scan already closed, files still being
// written, an end time before the start or in the future) is a
// *CloseError that says what to do.
func CloseScan(root, id string, o CloseOptions) (before, after Meta, err error) {
	status := strings.ToUpper(strings.TrimSpace(o.Status))
	switch status {
	case StatusFinished, StatusAborted, StatusErrorFailed:
	default:
		why := "it is not a status scanreport knows"
		if knownStatus(status) {
			why = "it is not a final status"
		}
		return Meta{}, Meta{}, &CloseError{fmt.Sprintf("cannot close a scan as %q: %s. A closed scan is FINISHED (it ran to the end: correlations run over it), ABORTED (it was stopped: its results are partial) or ERROR-FAILED (it failed)", o.Status, why)}
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	if err := ValidID(id); err != nil {
		return Meta{}, Meta{}, err
	}
	dir := filepath.Join(root, id)
	data, err := os.ReadFile(filepath.Join(dir, MetaFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Meta{}, Meta{}, &CloseError{fmt.Sprintf("no scan %q under %s (no %s)", id, root, filepath.Join(dir, MetaFile))}
	}
	if err != nil {
		return Meta{}, Meta{}, fmt.Errorf("close scan %s: %w", id, err)
	}
	before, err = ParseMeta(data, id, id+"/"+MetaFile, nil)
	if err != nil {
		return Meta{}, Meta{}, err
	}
	last := LastWritten(dir)
	if !o.Force {
		if before.Done() {
			return before, before, &CloseError{fmt.Sprintf("scan %s is already %s (ended %s); pass --force to set its status and end time again",
				id, before.Status, timeText(before.Ended))}
		}
		if !last.IsZero() && now.Sub(last) < RecentlyWritten {
			return before, before, &CloseError{fmt.Sprintf("scan %s was written to %s ago: its scanner may still be running, and would undo the change at its next status. Stop it first, or pass --force",
				id, now.Sub(last).Round(time.Second))}
		}
	}
	ended := o.Ended
	if ended.IsZero() {
		ended = last
		if ended.IsZero() {
			ended = now
		}
	}
	ended = ended.UTC()
	if ended.After(now.Add(time.Minute)) {
		return before, before, &CloseError{fmt.Sprintf("end time %s is in the future", timeText(ended))}
	}
	if !before.Started.IsZero() && ended.Before(before.Started) {
		return before, before, &CloseError{fmt.Sprintf("end time %s is before the scan started (%s)", timeText(ended), timeText(before.Started))}
	}
	w, err := OpenWriter(root, id)
	if err != nil {
		return before, before, err
	}
	err = w.SetStatus(status, ended)
	after = w.Meta()
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return before, before, fmt.Errorf("close scan %s: %w", id, err)
	}
	return before, after, nil
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format(time.RFC3339)
}
