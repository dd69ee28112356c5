package spiderfoot

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Exports and the CLI's output carry no ids: each row names its source by
// the source's data value. These linkers rebuild the source → child links
// by matching that value to the data of an element found earlier.
//
// The rule for exports (linkRows), the same every time:
//  1. A row of the module "SpiderFoot UI" whose source is the target (or
//     empty) is a first event: its source is ROOT.
//  2. Candidates are the other elements whose data equals the source value
//     and that were found no later than the row (same second included). If
//     there are none and the value holds SpiderFoot's <SFURL> markers (which
//     exports strip from data but not from source data), the value without
//     them is tried. Siblings (rows of one module naming one source value)
//     were found from one event: they consider only candidates no later
//     than the first of them, so they choose the same parent.
//  3. Candidates are ranked by: the type is one the row's module watches
//     (SpiderFoot's module table, and the types the module's unambiguous
//     rows were found from); found strictly earlier than the row rather
//     than in the same second; ENTITY or INTERNAL rather than another
//     category; found earliest (SpiderFoot's modules handle a value once:
//     the first event with it is the one they answer).
//  4. Rows whose best candidate is earlier are linked first (no loop is
//     possible); then rows that need a candidate of their own second, those
//     with the fewest such candidates first, each passing over a candidate
//     that would close a loop.
//  5. No candidate: the source is ROOT. That is expected when the value is
//     the target; otherwise it is counted as unmatched.
//
// A link with more than one candidate is counted as ambiguous; ambiguous and
// unmatched links are marked as guessed in the scan.

// linkRow is one row to link.
type linkRow struct {
	t            int64 // epoch seconds; math.MaxInt64 when unknown
	data, source string
	module, typ  string
	entity       bool
	parent       int32 // index of the parent row; rootParent; or unassigned
	guessed      bool  // the parent was chosen among several candidates, or none matched
}

const (
	rootParent = -1
	unassigned = -2
)

type linkStats struct {
	ambiguous, unmatched int
}

// maxCandidates bounds the candidates ranked for one row.
const maxCandidates = 64

// linkRows sets each row's parent and returns the order to write the rows
// in: by time, then input order, with every parent before its children.
func linkRows(rows []linkRow, target string) ([]int32, linkStats) {
	l := newRowLinker(rows, target)
	var st linkStats
	pending, ranked := l.linkEarlier(&st)
	l.linkSameSecond(pending, ranked, &st)
	return l.writeOrder(), st
}

// rowLinker is linkRows at work: the rows in time order and what the rule
// looks up about them.
type rowLinker struct {
	rows   []linkRow
	target string
	order  []int32 // row indexes by time, then input order
	rank   []int32 // each row's position in order
	// byData holds the elements of each value, grouped by type, each
	// group in time order: the rule ranks by type first and then prefers
	// the earliest, so a row looks at a few elements of each type, not at
	// every element with its source value (a value found thousands of
	// times costs no more).
	byData  map[string][]linkGroup
	firstOf map[sibKey]int64           // siblings: the first time of each (module, source value)
	learned map[string]map[string]bool // what each module was found from, where only one type was possible
	mt      *moduleTable
}

// linkGroup is the elements of one value and type, in time order.
type linkGroup struct {
	typ  string
	rows []int32
}

type sibKey struct{ module, source string }

func newRowLinker(rows []linkRow, target string) *rowLinker {
	l := &rowLinker{rows: rows, target: target, order: make([]int32, len(rows)), rank: make([]int32, len(rows)),
		byData: map[string][]linkGroup{}, firstOf: map[sibKey]int64{}, learned: map[string]map[string]bool{}, mt: loadModules()}
	for i := range l.order {
		l.order[i] = int32(i)
		rows[i].parent = unassigned
	}
	sort.SliceStable(l.order, func(a, b int) bool { return rows[l.order[a]].t < rows[l.order[b]].t })
	for k, i := range l.order {
		l.rank[i] = int32(k)
	}
	for _, i := range l.order {
		gs := l.byData[rows[i].data]
		k := 0
		for k < len(gs) && gs[k].typ != rows[i].typ {
			k++
		}
		if k == len(gs) {
			gs = append(gs, linkGroup{typ: rows[i].typ})
		}
		gs[k].rows = append(gs[k].rows, i)
		l.byData[rows[i].data] = gs
	}
	for _, i := range l.order {
		k := sibKey{rows[i].module, rows[i].source}
		if _, ok := l.firstOf[k]; !ok {
			l.firstOf[k] = rows[i].t
		}
	}
	l.learn()
	return l
}

// learn notes what each module was found from, where only one type was
// possible.
func (l *rowLinker) learn() {
	for _, i := range l.order {
		r := &l.rows[i]
		if l.isFirst(r) {
			continue
		}
		typ, types := "", 0
		gs := l.groupsOf(r)
		for k := range gs {
			g := &gs[k]
			n := l.upTo(g, r.t)
			if n > 0 && !(n == 1 && l.self(i, g)) {
				typ = g.typ
				types++
			}
		}
		if types == 1 {
			if l.learned[r.module] == nil {
				l.learned[r.module] = map[string]bool{}
			}
			l.learned[r.module][typ] = true
		}
	}
}

// groupsOf returns the groups of r's source value (without SFURL markers
// when only that matches).
func (l *rowLinker) groupsOf(r *linkRow) []linkGroup {
	gs := l.byData[r.source]
	if gs == nil && strings.Contains(r.source, "SFURL>") {
		gs = l.byData[stripSFURL(r.source)]
	}
	return gs
}

// self reports whether row c is in group g of its own source value.
func (l *rowLinker) self(c int32, g *linkGroup) bool {
	r := &l.rows[c]
	return r.typ == g.typ && (r.data == r.source || r.data == stripSFURL(r.source) && strings.Contains(r.source, "SFURL>"))
}

// upTo counts a group's elements found no later than t.
func (l *rowLinker) upTo(g *linkGroup, t int64) int {
	return sort.Search(len(g.rows), func(j int) bool { return l.rows[g.rows[j]].t > t })
}

// isFirst reports whether r is the scan's first event (under ROOT).
func (l *rowLinker) isFirst(r *linkRow) bool {
	return r.module == rootModule && (r.source == l.target || r.source == "")
}

// watchScore is how much module is known to be found from type typ.
func (l *rowLinker) watchScore(module, typ string) int {
	known, yes := l.mt.watches(module, typ)
	w := 0
	if yes {
		w += 2
	}
	if l.learned[module][typ] {
		w++
	}
	if !known && len(l.learned[module]) == 0 {
		w = 1 // nothing known of the module: no preference
	}
	return w
}

// better reports whether candidate a ranks above b as r's parent.
func (l *rowLinker) better(r *linkRow, a, b int32) bool {
	ra, rb := &l.rows[a], &l.rows[b]
	if wa, wb := l.watchScore(r.module, ra.typ), l.watchScore(r.module, rb.typ); wa != wb {
		return wa > wb
	}
	if ea, eb := ra.t < r.t, rb.t < r.t; ea != eb {
		return ea
	}
	if ra.entity != rb.entity {
		return ra.entity
	}
	return l.rank[a] < l.rank[b]
}

// linkEarlier ranks each row's candidates and links the rows whose best
// candidate is earlier (it cannot close a loop), or that have none; the
// others, pending, keep their ranked candidates for linkSameSecond.
func (l *rowLinker) linkEarlier(st *linkStats) (pending []int32, ranked [][]int32) {
	ranked = make([][]int32, len(l.rows))
	var cs []int32
	for _, c := range l.order {
		r := &l.rows[c]
		if l.isFirst(r) {
			r.parent = rootParent
			continue
		}
		var all int
		cs, all = l.candidates(c, cs[:0])
		if all > 1 {
			st.ambiguous++
			r.guessed = true
		}
		if len(cs) == 0 {
			r.parent = rootParent
			if r.source != l.target {
				st.unmatched++
				r.guessed = true
			}
			continue
		}
		if l.rows[cs[0]].t < r.t {
			r.parent = cs[0] // earlier: cannot close a loop
			continue
		}
		ranked[c] = slices.Clone(cs)
		pending = append(pending, c)
	}
	return pending, ranked
}

// candidates appends row c's candidates to cs, best first: of each type,
// the earliest few (later ones of a type never rank above them; a few
// stand by in case the first would close a loop), found no later than
// c's first sibling (or, when that leaves none, than c). all counts the
// elements with c's source value found no later than c (c left out).
func (l *rowLinker) candidates(c int32, cs []int32) ([]int32, int) {
	const perType = 4
	r := &l.rows[c]
	limit := r.t
	if t0 := l.firstOf[sibKey{r.module, r.source}]; t0 < limit {
		limit = t0
	}
	gs := l.groupsOf(r)
	all := 0
	for pass := 0; pass < 2 && len(cs) == 0; pass++ {
		bound := limit
		if pass == 1 { // the siblings' bound left nothing: the row's own
			bound = r.t
		}
		for k := range gs {
			g := &gs[k]
			n := l.upTo(g, bound)
			if pass == 0 {
				m := l.upTo(g, r.t)
				all += m
				if m > 0 && l.self(c, g) {
					all--
				}
			}
			taken := 0
			for _, cand := range g.rows[:n] {
				if cand == c {
					continue
				}
				cs = append(cs, cand)
				if taken++; taken == perType {
					break
				}
			}
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return l.better(r, cs[a], cs[b]) })
	if len(cs) > maxCandidates {
		cs = cs[:maxCandidates]
	}
	return cs, all
}

// linkSameSecond links the pending rows, whose candidates are of their own
// second: those with the fewest same-second candidates first, so that a
// row whose only source is in its second gets it before a row with other
// choices takes the opposite link; a candidate that descends from the row
// is passed over.
func (l *rowLinker) linkSameSecond(pending []int32, ranked [][]int32, st *linkStats) {
	rows := l.rows
	sameSecond := func(c int32) int {
		n := 0
		for _, cand := range ranked[c] {
			if rows[cand].t == rows[c].t {
				n++
			}
		}
		return n
	}
	sort.SliceStable(pending, func(a, b int) bool { return sameSecond(pending[a]) < sameSecond(pending[b]) })
	// descends reports whether cand has c among its ancestors (as linked so
	// far). Every row linked below c has c's time, so the walk stops at the
	// first ancestor with another time: a deep chain costs nothing.
	descends := func(cand, c int32) bool {
		tc := rows[c].t
		for p := cand; p >= 0 && rows[p].t == tc; p = rows[p].parent {
			if p == c {
				return true
			}
		}
		return false
	}
	for _, c := range pending {
		r := &rows[c]
		r.parent = rootParent
		for _, cand := range ranked[c] {
			if !descends(cand, c) {
				r.parent = cand
				break
			}
		}
		if r.parent == rootParent {
			st.unmatched++
			r.guessed = true
		}
	}
}

// writeOrder is the order to write the rows in: by time, parents first.
func (l *rowLinker) writeOrder() []int32 {
	rows := l.rows
	out := make([]int32, 0, len(rows))
	done := make([]bool, len(rows))
	var stack []int32
	for _, i := range l.order {
		for p := i; p >= 0 && !done[p]; p = rows[p].parent {
			stack = append(stack, p)
		}
		for k := len(stack) - 1; k >= 0; k-- {
			done[stack[k]] = true
			out = append(out, stack[k])
		}
		stack = stack[:0]
	}
	return out
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
