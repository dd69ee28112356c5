// Package decisions writes what analysts decide into scans: false-positive
// and investigation decisions, appended to a scan's review.jsonl, and the
// elements a lookup found, appended to its elements.jsonl as children of the
// element looked up. It is the one writer of these: the preview server
// (Site, applying each decision to the live site at once) and the command
// line (Files, checking against the scan's files) both go through it.
//
// Every decision is checked against the rules before it is written
// (model.Scan.CheckFP for false positives, investigations.ValidName and
// membership for investigations), appended as one whole line, and decisions
// on one scan are written one at a time: a value of this package owns a lock
// per scan, so two decisions sent together are each checked against the
// other's outcome. There is no package-level state.
//
// docs/investigations.md and docs/scan-format.md describe review.jsonl.
package decisions

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/scanreport/scanreport/generator/investigations"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/scan"
)

// locks holds one mutex per scan id: the decisions on one scan are checked
// and written one at a time. A scan's entry lives while a decision on it
// holds or waits for its lock, so ids that name no scan leave nothing
// behind. The zero value is ready to use.
type locks struct {
	mu    sync.Mutex
	scans map[string]*scanLock
}

type scanLock struct {
	mu    sync.Mutex
	users int // decisions holding or waiting for mu
}

// lock locks scan id and returns the function that unlocks it.
func (l *locks) lock(id string) (unlock func()) {
	l.mu.Lock()
	if l.scans == nil {
		l.scans = map[string]*scanLock{}
	}
	m := l.scans[id]
	if m == nil {
		m = &scanLock{}
		l.scans[id] = m
	}
	m.users++
	l.mu.Unlock()
	m.mu.Lock()
	return func() {
		m.mu.Unlock()
		l.mu.Lock()
		if m.users--; m.users == 0 {
			delete(l.scans, id)
		}
		l.mu.Unlock()
	}
}

// held counts the scans whose lock is held or waited for.
func (l *locks) held() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.scans)
}

// FPOp is the review.jsonl operation of a false-positive decision: setting
// (fp) or unsetting.
func FPOp(fp bool) string {
	if fp {
		return scan.OpFPSet
	}
	return scan.OpFPUnset
}

// MembershipOp is the review.jsonl operation of an investigation decision:
// joining (add) or leaving.
func MembershipOp(add bool) string {
	if add {
		return scan.OpInvestigationAdd
	}
	return scan.OpInvestigationRemove
}

// MembershipError refuses an investigation decision that would change
// nothing: adding a scan that is already a member, or removing one that is
// not.
type MembershipError struct {
	Investigation string
	Member        bool // the scan is a member (and was to be added)
}

func (e *MembershipError) Error() string {
	if e.Member {
		return fmt.Sprintf("the scan is already in investigation %s", e.Investigation)
	}
	return fmt.Sprintf("the scan is not in investigation %s", e.Investigation)
}

// checkMembership refuses to add s to investigation name when it is a
// member, or to remove it when it is not.
func checkMembership(s *model.Scan, name string, add bool) error {
	if member := slices.Contains(s.Investigations(), name); member == add {
		return &MembershipError{Investigation: name, Member: member}
	}
	return nil
}

// Refusal returns the sentence for the analyst when err is a decision the
// rules refuse (a *model.RefusalError or a *MembershipError).
func Refusal(err error) (string, bool) {
	var r *model.RefusalError
	var m *MembershipError
	switch {
	case errors.As(err, &r):
		return r.Text, true
	case errors.As(err, &m):
		return m.Error(), true
	}
	return "", false
}

// ValidInvestigation checks an investigation name (investigations.ValidName),
// as a *model.RefusalError.
func ValidInvestigation(name string) error {
	if err := investigations.ValidName(name); err != nil {
		return &model.RefusalError{Text: err.Error()}
	}
	return nil
}

// record appends decision d to review.jsonl of scan id under root.
func record(root, id string, d scan.Decision) error {
	return scan.AppendDecision(scan.DirPath(root, id), d)
}

// NotAppliedError is a decision that was recorded in review.jsonl but has
// not (yet) taken effect on the site.
type NotAppliedError struct {
	Why string
	Err error
}

func (e *NotAppliedError) Error() string {
	s := "the decision was recorded, but " + e.Why
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *NotAppliedError) Unwrap() error { return e.Err }

// Recorded says the decision is in review.jsonl (for the preview server's
// answer).
func (e *NotAppliedError) Recorded() string { return "the decision was recorded, but " + e.Why }
