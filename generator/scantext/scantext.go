// Package scantext computes the words a scan's pages say about the scan's
// status and its element types: the status badge, the partial-results
// notice and an element type's facts. They are computed here once, for
// both readers: the page templates (generator/pages) and the manifest
// (generator/chunks), from which the browser places them into a built
// site's pages while a scan runs (static/src/live/status.ts). The texts are
// plain text; each reader escapes them for its context (html/template, the
// DOM's textContent).
package scantext

import (
	"strconv"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/scan"
)

// Status is what a scan's header shows about its status.
type Status struct {
	// Label is the badge's text: the status as the scan wrote it.
	Label string
	// Class is the badge's kind (CSS class "status-"+Class): ok (FINISHED),
	// warn (aborted), fail (ERROR-FAILED), run (still going) or idle.
	Class string
	// Partial is the partial-results notice; empty for a finished scan.
	Partial string
}

// StatusOf gives the texts for a scan status. The status comes from
// scan.toml or the scanner's database and is untrusted: an unknown one is
// quoted (Go syntax, so control and format characters show as escapes).
func StatusOf(status string) Status {
	s := Status{Label: status, Class: "idle"}
	switch status {
	case scan.StatusFinished:
		s.Class = "ok"
	case scan.StatusAborted, scan.StatusAbortRequested, scan.StatusAborting:
		s.Class = "warn"
		s.Partial = "This scan was aborted: the results are partial."
	case scan.StatusErrorFailed:
		s.Class = "fail"
		s.Partial = "This scan failed: the results are partial."
	case scan.StatusCreated:
		s.Class = "run"
		s.Partial = "This scan has not started yet."
	case scan.StatusInitializing, scan.StatusStarting, scan.StatusStarted, scan.StatusRunning:
		s.Class = "run"
		s.Partial = "This scan is still running (" + status + "): the results are partial and grow as elements arrive."
	default:
		s.Partial = "This scan's status is " + strconv.Quote(status) + ": the results may be partial."
	}
	return s
}

// Time is a time for display: Text for people, ISO for <time datetime>.
// Both are empty for an unknown time.
type Time struct {
	Text string
	ISO  string
}

// TimeOf formats a time for display, in UTC so the output does not depend
// on the machine that built it.
func TimeOf(t time.Time) Time {
	if t.IsZero() {
		return Time{}
	}
	t = t.UTC()
	return Time{Text: t.Format("2006-01-02 15:04:05") + " UTC", ISO: t.Format(time.RFC3339)}
}

// Fact is one item of an element type's facts (the list under the type's
// heading): a count, as N (grouped digits) followed by Label, or, when
// Time is set, Label followed by the time.
type Fact struct {
	N     string
	Label string
	Time  Time
}

// TypeFacts gives an element type's facts: total and unique always, risky
// and false positives when there are any, and when the newest element was
// seen when that is known.
func TypeFacts(t *model.TypeStat) []Fact {
	facts := []Fact{{N: numtext.Thousands(t.Total()), Label: "total"}, {N: numtext.Thousands(t.Unique), Label: "unique"}}
	if t.Risky != 0 {
		facts = append(facts, Fact{N: numtext.Thousands(t.Risky), Label: "risky"})
	}
	if t.FP != 0 {
		label := "false positives"
		if t.FP == 1 {
			label = "false positive"
		}
		facts = append(facts, Fact{N: numtext.Thousands(t.FP), Label: label})
	}
	if last := TimeOf(model.Time(t.LastSeen)); last.Text != "" {
		facts = append(facts, Fact{Label: "last seen", Time: last})
	}
	return facts
}
