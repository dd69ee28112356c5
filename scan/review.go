package scan

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Review operations recorded in review.jsonl.
const (
	OpFPSet               = "fp-set"
	OpFPUnset             = "fp-unset"
	OpInvestigationAdd    = "investigation-add"
	OpInvestigationRemove = "investigation-remove"
)

// Decision is one analyst decision, appended to review.jsonl.
type Decision struct {
	Time          time.Time `json:"time"`
	Op            string    `json:"op"`
	Element       string    `json:"element,omitempty"`  // one element id
	Elements      []string  `json:"elements,omitempty"` // or several
	Investigation string    `json:"investigation,omitempty"`
	By            string    `json:"by,omitempty"`
}

// IDs returns the element ids the decision names.
func (d *Decision) IDs() []string {
	if d.Element == "" {
		return d.Elements
	}
	return append([]string{d.Element}, d.Elements...)
}

// ReadReview reads review.jsonl. Decisions are few, so encoding/json is used.
func ReadReview(r io.Reader, from Position, file string, report Reporter, fn func(Decision, int) error) (Position, error) {
	return scanRecords(r, from, file, report, func(line []byte, p Problem) error {
		p.Severity, p.Kind = Error, KindReview
		var d Decision
		if err := json.Unmarshal(line, &d); err != nil {
			p.Kind, p.Text = KindSyntax, "not a decision: "+err.Error()
			report.report(p)
			return nil
		}
		switch d.Op {
		case OpFPSet, OpFPUnset:
			if len(d.IDs()) == 0 {
				p.Text = fmt.Sprintf("%s names no element; skipped", d.Op)
				report.report(p)
				return nil
			}
		case OpInvestigationAdd, OpInvestigationRemove:
			if d.Investigation == "" {
				p.Text = fmt.Sprintf("%s names no investigation; skipped", d.Op)
				report.report(p)
				return nil
			}
		default:
			p.Text = fmt.Sprintf("unknown op %s; skipped", strconv.Quote(truncate(d.Op, 40)))
			report.report(p)
			return nil
		}
		return fn(d, p.Line)
	})
}
