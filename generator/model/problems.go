package model

import (
	"sort"

	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/scan"
)

// MaxProblems is how many problems a scan keeps for its report; the rest are
// only counted (and passed to Report, which sees them all).
const MaxProblems = 500

// Problems collects the problems of one scan.
type Problems struct {
	// Report, when set, receives every problem as it is found.
	Report scan.Reporter
	List   []scan.Problem
	Total  int
	Errors int // problems of severity Error

	mask *redact.Masker // masks problem texts (they may quote scan data)
}

// Add records a problem.
func (p *Problems) Add(q scan.Problem) {
	if p.mask != nil {
		q.Text = p.mask.String(q.Text)
	}
	p.Total++
	if q.Severity == scan.Error {
		p.Errors++
	}
	if p.Report != nil {
		p.Report(q)
	}
	if len(p.List) < MaxProblems {
		p.List = append(p.List, q)
	}
}

// Sorted returns the kept problems by file and line.
func (p *Problems) Sorted() []scan.Problem {
	out := append([]scan.Problem(nil), p.List...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}
