package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// Children is the element tree seen from the top: for each element, the
// elements whose source it is, in arrival order.
type Children struct {
	start []int32 // children of i are list[start[i]:start[i+1]]
	list  []int32
}

// Of returns the children of element i.
func (c *Children) Of(i int32) []int32 { return c.list[c.start[i]:c.start[i+1]] }

// Children returns the tree, built on first use after a change.
func (s *Scan) Children() *Children {
	if s.children != nil {
		return s.children
	}
	n := len(s.Elements)
	c := &Children{start: make([]int32, n+1), list: make([]int32, 0, n)}
	for i := 1; i < n; i++ {
		if src := s.Elements[i].Source; src >= 0 {
			c.start[src+1]++
		}
	}
	for i := 0; i < n; i++ {
		c.start[i+1] += c.start[i]
	}
	c.list = c.list[:c.start[n]]
	fill := append([]int32(nil), c.start[:n]...)
	for i := 1; i < n; i++ {
		if src := s.Elements[i].Source; src >= 0 {
			c.list[fill[src]] = int32(i)
			fill[src]++
		}
	}
	s.children = c
	return c
}

// Descendants calls fn for i and every element below it.
func (s *Scan) Descendants(i int32, fn func(int32)) {
	c := s.Children()
	stack := []int32{i}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		fn(j)
		stack = append(stack, c.Of(j)...)
	}
}

type decision struct {
	scan.Decision
	line int
}

// AddDecision records a review decision read from line of review.jsonl; it
// takes effect at the next Finish.
func (s *Scan) AddDecision(d scan.Decision, line int) {
	s.decisions = append(s.decisions, decision{d, line})
	s.reviewDirty = true
}

// Investigations returns the scan's investigations: those of scan.toml with
// the analysts' additions and removals applied, in order of first mention.
func (s *Scan) Investigations() []string {
	var out []string
	in := map[string]bool{}
	add := func(name string) {
		if !in[name] {
			in[name] = true
			out = append(out, name)
		}
	}
	for _, inv := range s.Meta.Investigations {
		add(inv)
	}
	for _, d := range s.decisions {
		switch d.Op {
		case scan.OpInvestigationAdd:
			add(d.Investigation)
		case scan.OpInvestigationRemove:
			if in[d.Investigation] {
				delete(in, d.Investigation)
				for i, o := range out {
					if o == d.Investigation {
						out = append(out[:i], out[i+1:]...)
						break
					}
				}
			}
		}
	}
	return out
}

// applyReview recomputes every false-positive flag from the decisions, in
// order: setting marks the element and its whole subtree; unsetting clears
// them, and is refused while the element's parent is still marked.
func (s *Scan) applyReview() {
	s.reviewDirty = false
	for i := range s.Elements {
		s.Elements[i].Flags &^= FlagFP
	}
	for _, t := range s.Types {
		t.FP = 0
	}
	s.FPMarks = map[int32]FPMark{}
	file := s.Meta.ID + "/" + scan.ReviewFile
	for _, d := range s.decisions {
		if d.Op != scan.OpFPSet && d.Op != scan.OpFPUnset {
			continue
		}
		for _, id := range d.IDs() {
			i, ok := s.ids[id]
			if !ok || i == 0 {
				s.Problems.Add(scan.Problem{Scan: s.Meta.ID, File: file, Line: d.line, Severity: scan.Warning, Kind: scan.KindReview,
					Text: fmt.Sprintf("%s names element %s, which is not in the scan (or is ROOT); ignored", d.Op, strconv.Quote(truncateText(id, 80)))})
				continue
			}
			if err := s.SetFP(i, d.Op == scan.OpFPSet); err != nil {
				s.Problems.Add(scan.Problem{Scan: s.Meta.ID, File: file, Line: d.line, Severity: scan.Warning, Kind: scan.KindReview,
					Text: err.Error() + "; ignored"})
			} else if d.Op == scan.OpFPSet {
				s.FPMarks[i] = FPMark{By: d.By, Time: d.Time}
			} else {
				delete(s.FPMarks, i)
			}
		}
	}
}

// SetFP marks (or unmarks) element i and its subtree as false positive. It
// refuses to unmark an element whose parent is marked. The caller checks
// that the scan is done.
func (s *Scan) SetFP(i int32, fp bool) error {
	if !fp {
		if src := s.Elements[i].Source; src > 0 && s.Elements[src].Is(FlagFP) {
			return fmt.Errorf("cannot unset element %s: its parent %s is still a false positive",
				strconv.Quote(truncateText(s.Elements[i].ID, 80)), strconv.Quote(truncateText(s.Elements[src].ID, 80)))
		}
	}
	s.Descendants(i, func(j int32) {
		e := &s.Elements[j]
		if e.Is(FlagFP) == fp {
			return
		}
		t := s.Types[e.Type]
		if fp {
			e.Flags |= FlagFP
			t.FP++
		} else {
			e.Flags &^= FlagFP
			t.FP--
		}
	})
	return nil
}

// FPMark is a false-positive decision as it stands: who made it and when
// (zero when review.jsonl did not say).
type FPMark struct {
	By   string
	Time time.Time
}

// RefusalError is a false-positive decision the rules do not allow; its
// text is meant for the analyst.
type RefusalError struct{ Text string }

func (e *RefusalError) Error() string { return e.Text }

// CheckFP checks a false-positive decision against the rules before it is
// recorded: the scan must be done (FINISHED, ABORTED or ERROR-FAILED), every
// id must name an element other than ROOT, and an element cannot be unset
// while its parent is still a false positive (unless the parent is unset in
// the same decision). It returns the elements' indexes.
func (s *Scan) CheckFP(ids []string, fp bool) ([]int32, error) {
	if !s.Meta.Done() {
		return nil, &RefusalError{fmt.Sprintf("false positives can only be set once the scan has finished (FINISHED, ABORTED or ERROR-FAILED); this scan is %s", s.Meta.Status)}
	}
	if len(ids) == 0 {
		return nil, &RefusalError{"no elements named"}
	}
	idx := make([]int32, 0, len(ids))
	named := map[int32]bool{}
	for _, id := range ids {
		i, ok := s.ids[id]
		if !ok || i == 0 {
			return nil, &RefusalError{fmt.Sprintf("element %s is not in the scan (the report may be older than the scan: reload it)", strconv.Quote(truncateText(id, 80)))}
		}
		idx = append(idx, i)
		named[i] = true
	}
	if !fp {
		for _, i := range idx {
			src := s.Elements[i].Source
			if src > 0 && s.Elements[src].Is(FlagFP) && !named[src] {
				return nil, &RefusalError{fmt.Sprintf("cannot unmark %s: it was found from %s, which is still a false positive; unmark that one first (or both together)",
					s.describe(i), s.describe(src))}
			}
		}
	}
	return idx, nil
}

// Finding is one correlation: a rule that matched the scan, its headline,
// and the elements that made it match.
type Finding struct {
	RuleID, Name, Description, Risk string // risk: HIGH, MEDIUM, LOW or INFO
	Headline                        string
	Elements                        []int32
}

// SetCorrelations records the scan's correlations (nil: they were not run,
// as for a scan still running). Elements of HIGH-risk correlations become
// risky.
func (s *Scan) SetCorrelations(f []Finding) {
	s.Correlations = f
	s.CorrelationsRun = true
	for _, c := range f {
		if c.Risk != "HIGH" {
			continue
		}
		for _, i := range c.Elements {
			e := &s.Elements[i]
			if i == 0 || e.Is(FlagRisky) {
				continue
			}
			e.Flags |= FlagRisky
			s.Types[e.Type].Risky++
			s.RiskyByLevel[e.Risk] = append(s.RiskyByLevel[e.Risk], i)
		}
	}
}

// CorrelationCounts counts the correlations by risk.
func (s *Scan) CorrelationCounts() map[string]int {
	m := map[string]int{}
	for _, c := range s.Correlations {
		m[c.Risk]++
	}
	return m
}

// RiskReasons says why element i is risky, in words for the analyst: its
// type is listed as risky, its risk score reaches min_risk, or a HIGH
// correlation names it (each such rule by name). Nil when it is not risky.
func (s *Scan) RiskReasons(i int32) []string {
	e := &s.Elements[i]
	if !e.Is(FlagRisky) {
		return nil
	}
	var out []string
	t := s.Types[e.Type]
	if t.RiskyType {
		out = append(out, "type "+t.Code+" is risky")
	}
	if m := s.MinRisk(); m > 0 && int(e.Risk) >= m {
		out = append(out, "risk "+strconv.Itoa(int(e.Risk))+" ≥ "+strconv.Itoa(m))
	}
	for _, c := range s.Correlations {
		if c.Risk != "HIGH" {
			continue
		}
		for _, j := range c.Elements {
			if j == i {
				out = append(out, "HIGH correlation: "+c.Name)
				break
			}
		}
	}
	return out
}

// MinRisk is the risk score from which an element is risky (0: none).
func (s *Scan) MinRisk() int {
	if s.risky == nil {
		return 0
	}
	return s.risky.MinRisk()
}

// describe names element i for the analyst by its type and value, as the
// report shows them ("IP Address 192.0.2.1"), not by its internal id.
func (s *Scan) describe(i int32) string {
	e := &s.Elements[i]
	v := strings.Join(strings.Fields(e.Data), " ")
	return s.Types[e.Type].Description + " " + strconv.Quote(truncateText(v, 80))
}

// FPUnchanged reports whether a false-positive decision on the elements idx
// would change no flag: setting elements that are all marked already (their
// subtrees are then marked too), or unsetting elements with no mark in their
// subtrees. Such a decision need not be recorded again.
func (s *Scan) FPUnchanged(idx []int32, fp bool) bool {
	for _, i := range idx {
		if fp {
			if !s.Elements[i].Is(FlagFP) {
				return false
			}
			continue
		}
		marked := false
		s.Descendants(i, func(j int32) { marked = marked || s.Elements[j].Is(FlagFP) })
		if marked {
			return false
		}
	}
	return true
}

// FPIs reports whether every element of idx is (fp) or is not (!fp) marked.
func (s *Scan) FPIs(idx []int32, fp bool) bool {
	for _, i := range idx {
		if s.Elements[i].Is(FlagFP) != fp {
			return false
		}
	}
	return true
}
