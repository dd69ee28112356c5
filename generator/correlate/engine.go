package correlate

import (
	"net/netip"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
)

// Result is one correlation: a rule that triggered on a group of elements.
type Result struct {
	Rule *Rule
	// Headline is the rule's headline filled from the group's first
	// element. It is scan data as plain text: escape it when rendering.
	Headline string
	// Elements are the elements that triggered the rule (indexes into
	// Scan.Elements), each once, in the order SpiderFoot links them:
	// collection by collection, ordered by data within a collection.
	Elements []int32
}

// MaxHeadlineValue is how many characters of an element's value a headline
// placeholder takes: SpiderFoot stores at most 1024 characters of a value
// (sfp__stor_db's maxstorage), so its headlines never carry more.
const MaxHeadlineValue = 1024

// Run evaluates the rules over the scan and returns the correlations, rule
// by rule in the order given, then in the order SpiderFoot creates them.
// Disabled rules are skipped. Run reads the scan (and builds its child
// tree), so it must not run at the same time as Add or Finish on it.
func Run(s *model.Scan, rules []*Rule) []Result {
	e := newEngine(s)
	var out []Result
	for _, r := range rules {
		if r == nil || !r.Enabled {
			continue
		}
		out = e.rule(r, out)
	}
	return out
}

// event is an element collected by a collection.
type event struct {
	el  int32
	col int32
}

// bucket is a group of events made by aggregation.
type bucket struct {
	key string
	evs []event
	// restricted: the bucket was made by a dotted aggregation field; only
	// the sub-records whose aggregation field equals key belong to its
	// events (SpiderFoot strips the others from its copies).
	restricted bool
	dead       bool
}

type engine struct {
	s        *model.Scan
	kids     *model.Children
	entityT  []bool           // per type of the scan: ENTITY or INTERNAL
	sortedT  [][]int32        // per type: its elements ordered by data (lazy)
	byMod    [][]int32        // per module: its elements (lazy)
	sortedM  [][]int32        // per module: ordered by data (lazy)
	ent      []int32          // entity of each element (lazy): unknownEnt, noEnt or an index
	mark     []uint32         // dedup marks
	markGen  uint32           // current mark
	counts   map[string]int   // scratch for threshold
	set      map[string]bool  // scratch for reference values
	bucketIx map[string]int32 // scratch for aggregation
	pairs    [][2]int32       // scratch for aggregation: event, bucket
	evBuf    []event          // scratch: the events of the current rule
	flatBuf  []event          // scratch: the buckets' events
	path     []int32
}

const (
	unknownEnt int32 = -2
	noEnt      int32 = -1
)

func newEngine(s *model.Scan) *engine {
	e := &engine{s: s, kids: s.Children(), counts: map[string]int{}, set: map[string]bool{}, bucketIx: map[string]int32{}}
	e.entityT = make([]bool, len(s.Types))
	for i, t := range s.Types {
		e.entityT[i] = t.Category == eltypes.Entity || t.Category == eltypes.Internal
	}
	e.sortedT = make([][]int32, len(s.Types))
	return e
}

// attr returns a field of element i.
func (e *engine) attr(i int32, a attr) string {
	el := &e.s.Elements[i]
	switch a {
	case attrType:
		return e.s.Types[el.Type].Code
	case attrModule:
		return e.s.Modules[el.Module]
	}
	return el.Data
}

// parent is element i's source; ROOT is its own source, as in SpiderFoot.
func (e *engine) parent(i int32) int32 {
	src := e.s.Elements[i].Source
	if src == model.NoSource {
		if i == 0 {
			return 0
		}
		return noEnt
	}
	return src
}

// entity is the nearest ancestor of i (not i itself) whose type is an
// ENTITY or INTERNAL one; ROOT at the latest. Every element gets its own
// (SpiderFoot's walk loses all but one of the siblings below a non-entity
// parent; see docs/correlations.md).
func (e *engine) entity(i int32) int32 {
	if e.ent == nil {
		e.ent = make([]int32, len(e.s.Elements))
		for j := range e.ent {
			e.ent[j] = unknownEnt
		}
	}
	if v := e.ent[i]; v != unknownEnt {
		return v
	}
	path := e.path[:0]
	cur, res := i, noEnt
	for steps := 0; steps <= len(e.s.Elements); steps++ {
		path = append(path, cur)
		p := e.parent(cur)
		if p < 0 {
			break
		}
		if e.entityT[e.s.Elements[p].Type] {
			res = p
			break
		}
		if v := e.ent[p]; v != unknownEnt {
			res = v
			break
		}
		if p == cur {
			break
		}
		cur = p
	}
	for _, j := range path {
		e.ent[j] = res
	}
	e.path = path
	return res
}

// subs calls fn for each sub-record of element i of kind r (its source,
// its children or its entity) until fn returns false.
func (e *engine) subs(r rel, i int32, fn func(int32) bool) {
	switch r {
	case relSource:
		if p := e.parent(i); p >= 0 {
			fn(p)
		}
	case relEntity:
		if p := e.entity(i); p >= 0 {
			fn(p)
		}
	case relChild:
		for _, c := range e.kids.Of(i) {
			if !fn(c) {
				return
			}
		}
	}
}

// values calls fn with each value of field f of event ev in bucket b (one
// for the element's own fields, one per sub-record for dotted ones), until
// fn returns false. agg is the rule's aggregation field.
func (e *engine) values(b *bucket, agg *field, ev event, f field, fn func(string) bool) {
	if f.rel == relSelf {
		fn(e.attr(ev.el, f.attr))
		return
	}
	restrict := b != nil && b.restricted && agg.rel == f.rel
	e.subs(f.rel, ev.el, func(sub int32) bool {
		if restrict && e.attr(sub, agg.attr) != b.key {
			return true
		}
		return fn(e.attr(sub, f.attr))
	})
}

// test applies a match rule's patterns to one value: a positive pattern
// that matches keeps, a "not" pattern that matches drops, and when none
// matches the value is kept only if the last pattern was a "not" one.
func (m *match) test(v string) bool {
	for i := range m.pats {
		p := &m.pats[i]
		var hit bool
		if m.exact {
			hit = v == p.text
		} else {
			hit = p.lit.mayMatch(v) && p.re.MatchString(v)
		}
		if hit {
			return !p.not
		}
	}
	return m.pats[len(m.pats)-1].not
}

// keep applies a later match rule to an element: its own field, or ANY of
// its sub-records (none: dropped, even for "not" patterns).
func (e *engine) keep(m *match, i int32) bool {
	if m.f.rel == relSelf {
		return m.test(e.attr(i, m.f.attr))
	}
	kept := false
	e.subs(m.f.rel, i, func(sub int32) bool {
		kept = m.test(e.attr(sub, m.f.attr))
		return !kept
	})
	return kept
}

// rule evaluates one rule and appends its results to out.
func (e *engine) rule(r *Rule, out []Result) []Result {
	// The events and buckets live only while the rule runs: their memory
	// is reused by the next rule.
	events := e.evBuf[:0]
	for ci, ms := range r.collections {
		events = e.collect(ms, int32(ci), events)
	}
	e.evBuf = events
	if len(events) == 0 {
		return out
	}
	buckets := e.aggregate(r, events)
	for i := range r.analysis {
		a := &r.analysis[i]
		switch a.method {
		case methodThreshold:
			e.threshold(r, a, buckets)
		case methodOutlier:
			outlier(a, buckets)
		case methodFirstOnly:
			firstCollectionOnly(buckets)
		case methodMatchFirst:
			e.matchFirst(r, a, buckets)
		case methodBoth:
			// Accepted and not implemented by SpiderFoot: nothing to do.
		}
	}
	for bi := range buckets {
		b := &buckets[bi]
		if b.dead {
			continue
		}
		els := e.elements(r, b)
		if len(els) == 0 {
			continue
		}
		out = append(out, Result{Rule: r, Headline: e.headline(r, b), Elements: els})
	}
	return out
}

// collect runs one collection: the first match rule selects elements (by
// type, module or data, ordered by data as SpiderFoot's query is), the
// later ones filter them.
func (e *engine) collect(ms []match, col int32, out []event) []event {
	first := &ms[0]
	var lists [][]int32
	switch first.f.attr {
	case attrType:
		for t, ts := range e.s.Types {
			if first.selects(ts.Code) {
				lists = append(lists, e.sortedType(t))
			}
		}
	case attrModule:
		for m, name := range e.s.Modules {
			if first.selects(name) {
				lists = append(lists, e.sortedModule(m))
			}
		}
	case attrData:
		var els []int32
		for i := range e.s.Elements {
			if first.selects(e.s.Elements[i].Data) {
				els = append(els, int32(i))
			}
		}
		e.sortByData(els)
		lists = append(lists, els)
	}
	later := ms[1:]
	for _, i := range e.merged(lists) {
		ok := true
		for k := range later {
			if !e.keep(&later[k], i) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, event{el: i, col: col})
		}
	}
	return out
}

// selects reports whether the first match rule of a collection selects a
// type, module or data value (any of its values, never negated).
func (m *match) selects(v string) bool {
	for i := range m.pats {
		if m.exact && v == m.pats[i].text || !m.exact && m.pats[i].re.MatchString(v) {
			return true
		}
	}
	return false
}

func (e *engine) sortByData(els []int32) {
	slices.SortFunc(els, func(a, b int32) int {
		if c := strings.Compare(e.s.Elements[a].Data, e.s.Elements[b].Data); c != 0 {
			return c
		}
		return int(a - b)
	})
}

func (e *engine) sortedType(t int) []int32 {
	if e.sortedT[t] == nil {
		els := slices.Clone(e.s.Types[t].Elements)
		e.sortByData(els)
		e.sortedT[t] = els
	}
	return e.sortedT[t]
}

func (e *engine) sortedModule(m int) []int32 {
	if e.byMod == nil {
		e.byMod = make([][]int32, len(e.s.Modules))
		for i := range e.s.Elements {
			mod := e.s.Elements[i].Module
			e.byMod[mod] = append(e.byMod[mod], int32(i))
		}
		e.sortedM = make([][]int32, len(e.s.Modules))
	}
	if e.sortedM[m] == nil {
		els := e.byMod[m]
		if els == nil {
			els = []int32{}
		}
		e.sortByData(els)
		e.sortedM[m] = els
	}
	return e.sortedM[m]
}

// merged merges lists each ordered by (data, index) into one.
func (e *engine) merged(lists [][]int32) []int32 {
	switch len(lists) {
	case 0:
		return nil
	case 1:
		return lists[0]
	}
	less := func(a, b int32) bool {
		da, db := e.s.Elements[a].Data, e.s.Elements[b].Data
		return da < db || da == db && a < b
	}
	for len(lists) > 1 {
		var next [][]int32
		for i := 0; i < len(lists); i += 2 {
			if i+1 == len(lists) {
				next = append(next, lists[i])
				continue
			}
			a, b := lists[i], lists[i+1]
			m := make([]int32, 0, len(a)+len(b))
			for len(a) > 0 && len(b) > 0 {
				if less(b[0], a[0]) {
					m, b = append(m, b[0]), b[1:]
				} else {
					m, a = append(m, a[0]), a[1:]
				}
			}
			m = append(append(m, a...), b...)
			next = append(next, m)
		}
		lists = next
	}
	return lists[0]
}

// aggregate puts the events into buckets by the aggregation field, in the
// order the buckets are first filled; without aggregation there is one.
func (e *engine) aggregate(r *Rule, events []event) []bucket {
	if r.agg == nil {
		return []bucket{{key: "default", evs: events}}
	}
	var buckets []bucket
	ix := e.bucketIx
	clear(ix)
	restricted := r.agg.rel != relSelf
	// First pass: which bucket each (event, value) goes to, and how many
	// each gets; second: one array for all, each bucket a window of it.
	pairs := e.pairs[:0]
	var sizes []int32
	for ei, ev := range events {
		e.values(nil, r.agg, ev, *r.agg, func(v string) bool {
			bi, ok := ix[v]
			if !ok {
				bi = int32(len(buckets))
				ix[v] = bi
				buckets = append(buckets, bucket{key: v, restricted: restricted})
				sizes = append(sizes, 0)
			}
			sizes[bi]++
			pairs = append(pairs, [2]int32{int32(ei), bi})
			return true
		})
	}
	clear(ix)
	if cap(e.flatBuf) < len(pairs) {
		e.flatBuf = make([]event, len(pairs))
	}
	flat := e.flatBuf[:len(pairs)]
	start := int32(0)
	for bi := range buckets {
		n := sizes[bi]
		buckets[bi].evs = flat[start : start : start+n]
		start += n
	}
	for _, p := range pairs {
		b := &buckets[p[1]]
		b.evs = append(b.evs, events[p[0]])
	}
	e.pairs = pairs
	return buckets
}

// threshold drops buckets whose counts of the field's values leave
// [minimum, maximum]: the number of distinct values with
// count_unique_only, otherwise the count of every distinct value.
func (e *engine) threshold(r *Rule, a *analysis, buckets []bucket) {
	counts := e.counts
	for bi := range buckets {
		b := &buckets[bi]
		if b.dead {
			continue
		}
		clear(counts)
		for _, ev := range b.evs {
			e.values(b, r.agg, ev, a.f, func(v string) bool {
				counts[v]++
				return true
			})
		}
		if a.unique {
			n := float64(len(counts))
			b.dead = n > a.max || n < a.min
			continue
		}
		for _, c := range counts {
			if float64(c) > a.max || float64(c) < a.min {
				b.dead = true
				break
			}
		}
	}
	clear(counts)
}

// outlier keeps the rare buckets: none when there are so many buckets that
// the average bucket holds less than noisy_percent of the events, else
// those holding at most maximum_percent of them.
func outlier(a *analysis, buckets []bucket) {
	n, total := 0, 0
	for bi := range buckets {
		if !buckets[bi].dead {
			n++
			total += len(buckets[bi].evs)
		}
	}
	if n == 0 || total == 0 {
		return
	}
	avg := (float64(total) / float64(n)) / float64(total) * 100
	if avg < a.noisyPct {
		for bi := range buckets {
			buckets[bi].dead = true
		}
		return
	}
	for bi := range buckets {
		b := &buckets[bi]
		if !b.dead && float64(len(b.evs))/float64(total)*100 > a.maxPct {
			b.dead = true
		}
	}
}

// firstCollectionOnly keeps the buckets made only of events of the first
// collection. (SpiderFoot first deletes the buckets holding a later event
// whose value is also in the first collection, then every bucket holding a
// later event at all; the second step covers the first.)
func firstCollectionOnly(buckets []bucket) {
	for bi := range buckets {
		b := &buckets[bi]
		for _, ev := range b.evs {
			if ev.col != 0 {
				b.dead = true
				break
			}
		}
	}
}

// matchFirst keeps, in each bucket, the events of later collections that
// match a value of the first collection (exactly, as a substring of one,
// or as an address inside one's network), and drops the buckets left
// without any such event.
func (e *engine) matchFirst(r *Rule, a *analysis, buckets []bucket) {
	ref := e.set
	clear(ref)
	var refs []string
	for bi := range buckets {
		b := &buckets[bi]
		if b.dead {
			continue
		}
		for _, ev := range b.evs {
			if ev.col != 0 {
				continue
			}
			e.values(b, r.agg, ev, a.f, func(v string) bool {
				if !ref[v] {
					ref[v] = true
					refs = append(refs, v)
				}
				return true
			})
		}
	}
	var nets []netip.Prefix
	if a.matchMethod == "subnet" {
		for _, v := range refs {
			if p, ok := parseNetwork(v); ok {
				nets = append(nets, p)
			}
		}
	}
	check := func(v string) bool {
		switch a.matchMethod {
		case "exact":
			return ref[v]
		case "contains":
			for _, r := range refs {
				if strings.Contains(r, v) {
					return true
				}
			}
		case "subnet":
			addr, err := netip.ParseAddr(v)
			if err != nil || addr.Zone() != "" {
				return false
			}
			for _, p := range nets {
				if p.Contains(addr) {
					return true
				}
			}
		}
		return false
	}
	for bi := range buckets {
		b := &buckets[bi]
		if b.dead {
			continue
		}
		kept, later := b.evs[:0], 0
		for _, ev := range b.evs {
			if ev.col == 0 {
				kept = append(kept, ev)
				continue
			}
			hit := false
			e.values(b, r.agg, ev, a.f, func(v string) bool {
				hit = check(v)
				return !hit
			})
			if hit {
				kept = append(kept, ev)
				later++
			}
		}
		b.evs = kept
		if later == 0 {
			b.dead = true
		}
	}
	clear(ref)
}

// parseNetwork reads a network as netaddr.IPNetwork does: a CIDR block
// (host bits allowed) or a single address.
func parseNetwork(v string) (netip.Prefix, bool) {
	if p, err := netip.ParsePrefix(v); err == nil {
		return p.Masked(), true
	}
	if a, err := netip.ParseAddr(v); err == nil && a.Zone() == "" {
		return netip.PrefixFrom(a, a.BitLen()), true
	}
	return netip.Prefix{}, false
}

// elements lists a bucket's elements once each, in order; with
// publish_collections, only those of the listed collections.
func (e *engine) elements(r *Rule, b *bucket) []int32 {
	if e.mark == nil {
		e.mark = make([]uint32, len(e.s.Elements))
	}
	e.markGen++
	if e.markGen == 0 {
		clear(e.mark)
		e.markGen = 1
	}
	out := make([]int32, 0, len(b.evs))
	for _, ev := range b.evs {
		if r.publish != nil && !slices.Contains(r.publish, ev.col) {
			continue
		}
		if e.mark[ev.el] != e.markGen {
			e.mark[ev.el] = e.markGen
			out = append(out, ev.el)
		}
	}
	return out
}

// headline fills the rule's placeholders from the bucket's first event:
// the first value of the field, cut to its first line (carriage returns
// removed) and to MaxHeadlineValue characters. When the first event has no
// value for the field (SpiderFoot aborts the whole run there), the first
// event that has one is used, else nothing.
func (e *engine) headline(r *Rule, b *bucket) string {
	var sb strings.Builder
	for _, part := range r.head {
		if !part.isField {
			sb.WriteString(part.text)
			continue
		}
		var val string
		found := false
		for _, ev := range b.evs {
			e.values(b, r.agg, ev, part.f, func(v string) bool {
				val, found = v, true
				return false
			})
			if found {
				break
			}
		}
		sb.WriteString(headlineValue(val))
	}
	return sb.String()
}

// headlineValue is v's first line without carriage returns, at most
// MaxHeadlineValue characters of it.
func headlineValue(v string) string {
	if i := strings.IndexByte(v, '\n'); i >= 0 {
		v = v[:i]
	}
	if strings.IndexByte(v, '\r') >= 0 {
		v = strings.ReplaceAll(v, "\r", "")
	}
	if len(v) > MaxHeadlineValue && utf8.RuneCountInString(v) > MaxHeadlineValue {
		n := 0
		for i := range v {
			if n == MaxHeadlineValue {
				return v[:i]
			}
			n++
		}
	}
	return v
}

// CountByRisk counts correlations by their rule's risk (HIGH, MEDIUM, LOW,
// INFO), for the scan list and overview.
func CountByRisk(results []Result) map[string]int {
	out := make(map[string]int, len(Risks))
	for _, r := range results {
		out[r.Rule.Risk]++
	}
	return out
}
