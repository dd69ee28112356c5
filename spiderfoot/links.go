package spiderfoot

import (
	"math"
	"sort"
	"strings"
)

// Exports and the CLI's output carry no ids: each row names its source by
// the source's data value. These linkers rebuild the source → child links
// by matching that value to the data of an element found earlier.
//
// The rule, the same every time:
//  1. A row of the module "SpiderFoot UI" whose source is the target (or
//     empty) is a first event: its source is ROOT.
//  2. Candidates are the other elements whose data equals the source value
//     and that were found no later than the row (same second included). If
//     there are none and the value holds SpiderFoot's <SFURL> markers (which
//     exports strip from data but not from source data), the value without
//     them is tried.
//  3. ENTITY (and INTERNAL) candidates are preferred over the others; among
//     them the most recent wins, and among equally recent ones the one later
//     in the input. A candidate that would close a loop (it descends from
//     the row) is passed over.
//  4. No candidate: the source is ROOT. That is expected when the value is
//     the target; otherwise it is counted as unmatched.
//
// A link with more than one candidate is counted as ambiguous.

// linkRow is one row to link.
type linkRow struct {
	t            int64 // epoch seconds; math.MaxInt64 when unknown
	data, source string
	module       string
	entity       bool
	parent       int32 // index of the parent row; rootParent; or unassigned
}

const (
	rootParent = -1
	unassigned = -2
)

type linkStats struct {
	ambiguous, unmatched int
}

// maxCandidateTries bounds the candidates tried for one row (each try walks
// the candidate's ancestors to avoid loops).
const maxCandidateTries = 64

// linkRows sets each row's parent and returns the order to write the rows
// in: by time, then input order, with every parent before its children.
func linkRows(rows []linkRow, target string) ([]int32, linkStats) {
	var st linkStats
	order := make([]int32, len(rows))
	for i := range order {
		order[i] = int32(i)
		rows[i].parent = unassigned
	}
	sort.SliceStable(order, func(a, b int) bool { return rows[order[a]].t < rows[order[b]].t })

	type lists struct{ ent, other []int32 }
	byData := map[string]*lists{}
	for _, i := range order {
		l := byData[rows[i].data]
		if l == nil {
			l = &lists{}
			byData[rows[i].data] = l
		}
		if rows[i].entity {
			l.ent = append(l.ent, i)
		} else {
			l.other = append(l.other, i)
		}
	}
	// descends reports whether cand has c among its ancestors (as linked so
	// far: rows not yet linked end the walk). Rows are linked in time order
	// and a parent is never later than its child, so every row linked below
	// c so far has c's time: the walk stops at the first ancestor with
	// another time, and a deep chain costs nothing (it did cost O(depth)
	// per row: 10 s for a 100,000-row chain).
	descends := func(cand, c int32) bool {
		tc := rows[c].t
		for p := cand; p >= 0 && rows[p].t == tc; p = rows[p].parent {
			if p == c {
				return true
			}
		}
		return false
	}
	for _, c := range order {
		r := &rows[c]
		if r.module == rootModule && (r.source == target || r.source == "") {
			r.parent = rootParent
			continue
		}
		l := byData[r.source]
		if l == nil && strings.Contains(r.source, "SFURL>") {
			l = byData[stripSFURL(r.source)]
		}
		chosen := int32(rootParent)
		candidates := 0
		if l != nil {
			for li, list := range [][]int32{l.ent, l.other} {
				// list is in (time, input) order: candidates are its prefix
				// found no later than the row (the row itself excepted).
				k := sort.Search(len(list), func(j int) bool { return rows[list[j]].t > r.t })
				n := k
				if r.data == r.source && r.entity == (li == 0) {
					n--
				}
				candidates += n
				if chosen != rootParent {
					continue
				}
				for j, tries := k-1, 0; j >= 0 && tries < maxCandidateTries; j-- {
					cand := list[j]
					if cand == c {
						continue
					}
					tries++
					if descends(cand, c) {
						continue
					}
					chosen = cand
					break
				}
			}
		}
		if candidates > 1 {
			st.ambiguous++
		}
		if chosen == rootParent && r.source != target {
			st.unmatched++
		}
		r.parent = chosen
	}

	// Write order: by time, parents first.
	out := make([]int32, 0, len(rows))
	done := make([]bool, len(rows))
	var stack []int32
	for _, i := range order {
		for p := i; p >= 0 && !done[p]; p = rows[p].parent {
			stack = append(stack, p)
		}
		for k := len(stack) - 1; k >= 0; k-- {
			done[stack[k]] = true
			out = append(out, stack[k])
		}
		stack = stack[:0]
	}
	return out, st
}

// unknownTime sorts rows whose time could not be read after all others, so
// that they can link to any element.
const unknownTime = math.MaxInt64

// liveLinker links events as they arrive (the CLI's output, in the order
// SpiderFoot produced them, so every source arrives before its children).
type liveLinker struct {
	target string
	byData map[string]*liveCands
}

type liveCands struct {
	ent, other   string // the most recent of each kind
	nEnt, nOther int
}

func newLiveLinker(target string) *liveLinker {
	return &liveLinker{target: target, byData: map[string]*liveCands{}}
}

// add records an element that later events may name as their source.
func (l *liveLinker) add(id, data string, entity bool) {
	c := l.byData[data]
	if c == nil {
		c = &liveCands{}
		l.byData[data] = c
	}
	if entity {
		c.ent = id
		c.nEnt++
	} else {
		c.other = id
		c.nOther++
	}
}

// link finds the source of an event by its source value: an element id, or
// ROOT.
func (l *liveLinker) link(source, module string, st *linkStats) string {
	if module == rootModule && (source == l.target || source == "") {
		return "ROOT"
	}
	c := l.byData[source]
	if c == nil && strings.Contains(source, "SFURL>") {
		c = l.byData[stripSFURL(source)]
	}
	if c != nil {
		if c.nEnt+c.nOther > 1 {
			st.ambiguous++
		}
		if c.ent != "" {
			return c.ent
		}
		return c.other
	}
	if source != l.target {
		st.unmatched++
	}
	return "ROOT"
}

// stripSFURL removes SpiderFoot's <SFURL> markers.
func stripSFURL(s string) string {
	return strings.NewReplacer("<SFURL>", "", "</SFURL>", "").Replace(s)
}
