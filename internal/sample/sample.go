// Package sample writes synthetic, realistic scan directories for demos,
// tests and benchmarks.
//
// Write generates one scan of any size (from one element to millions) in the
// shape of a SpiderFoot scan of a domain: sub-domains found by brute force and
// certificate logs, addresses shared by several hosts, open ports and
// banners, spidered pages with their headers, e-mail addresses, people,
// accounts, certificates, WHOIS and DNS records, and a few percent of risky
// findings (malicious listings, CVEs, breaches). WriteSamples writes the
// scans committed under scans/, and WriteXSS a hostile scan whose every field
// carries script-injection and formula-injection payloads.
//
// Output depends only on the options: the same options, seed included, give
// the same bytes in every file.
package sample

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// Options describe one generated scan.
type Options struct {
	ID, Name, Target string // scan id (directory name), display name, target (e.g. "acme-corp.example")
	Kind             string // scan.KindAutomated or scan.KindManual; empty means automated
	Status           string // final status left in scan.toml, e.g. scan.StatusFinished or scan.StatusRunning
	// Elements is the number of elements written besides ROOT, the first
	// events included: ROOT, then INTERNET_NAME and DOMAIN_NAME for a domain
	// target (one event of the target's type for other targets), then
	// Elements minus the first events generated ones. With fewer Elements
	// than first events, only the first Elements first events are written.
	Elements       int
	Seed           uint64
	Start          time.Time // scan start; element and log times advance from here
	Notes          string    // notes.md; none when empty
	Investigations []string
	// FalsePositives is how many fp-set decisions go to review.jsonl, each
	// on a generated element that has children. Only for final statuses.
	FalsePositives int
}

// firstModule is the module SpiderFoot gives the first events.
const firstModule = "SpiderFoot UI"

// entry is a pool member: an element number and the key its value derives from.
type entry struct {
	n uint32
	k uint64
}

// gen is the state of one generation run.
type gen struct {
	o    Options
	w    *scan.Writer
	rng  *rand.Rand
	salt uint64

	base, company string // base domain and its display name
	targetType    string
	targetIsIP    bool
	targetIsEmail bool
	targetPerson  uint64

	nHost, nIP, nAff, nPerson, nCohost uint64 // sizes of the value spaces

	pools    [numPools][]entry
	cursor   []int // per rule: next parent index (seq rules)
	children []int // per rule: children given to the current parent (seq rules)
	cum      []int // cumulative rule weights
	total    int

	fromPool int  // the pool the current parent came from
	child    int  // index of the current child of its parent (seq rules)
	noPush   bool // set by a value maker: do not add the element to pools
	reject   bool // set by a value maker: this parent gives nothing; pick again
	seq      bool // the rule being applied takes parents in order

	n        uint32   // elements written (not counting ROOT)
	kind     []uint16 // per element number: rule index+1, 0 for first events
	hasChild []bool
	first    int // number of first events

	start time.Time
	off   float64 // nanoseconds since start of the last element
	step  float64 // mean nanoseconds between elements

	buf  []byte
	idb  []byte
	logs int
}

// Write writes the scan root/o.ID, which must not exist yet.
func Write(root string, o Options) error {
	if o.Elements < 1 {
		return fmt.Errorf("sample: Elements is %d; at least 1 is needed", o.Elements)
	}
	if o.Target == "" {
		return errors.New("sample: no target")
	}
	if o.Status == "" {
		o.Status = scan.StatusFinished
	}
	if o.Kind == "" {
		o.Kind = scan.KindAutomated
	}
	if o.Start.IsZero() {
		o.Start = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	}
	g := newGen(o)
	meta := scan.Meta{
		ID: o.ID, Name: o.Name, Target: o.Target, TargetType: g.targetType, Kind: o.Kind,
		Status: scan.StatusStarting, Created: o.Start.Add(-2 * time.Second),
		Modules: modules(), Investigations: o.Investigations,
	}
	w, err := scan.Create(root, meta)
	if err != nil {
		return err
	}
	g.w = w
	err = g.run()
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return g.review(filepath.Join(root, o.ID))
}

func newGen(o Options) *gen {
	N := uint64(o.Elements)
	g := &gen{
		o:     o,
		rng:   rand.New(rand.NewPCG(o.Seed, o.Seed^0x5ca9e2e9017)),
		salt:  mix(o.Seed ^ 0xa5a5),
		start: o.Start,
	}
	g.targetType = TargetType(o.Target)
	g.base = o.Target
	switch g.targetType {
	case "EMAILADDR":
		g.targetIsEmail = true
		g.base = o.Target[strings.LastIndexByte(o.Target, '@')+1:]
		g.targetPerson = mix(g.salt) % 1600
	case "IP_ADDRESS":
		g.targetIsIP = true
		g.base = "example.net"
	case "INTERNET_NAME":
	default:
		g.base = "example.net"
	}
	g.company = companyName(g.base)
	g.nHost = max(30, N*5/100)
	g.nIP = max(4, N/40)
	g.nAff = max(10, N/300)
	g.nPerson = max(50, N/100)
	g.nCohost = max(20, N/50)
	g.cursor = make([]int, len(rules))
	g.children = make([]int, len(rules))
	g.cum = make([]int, len(rules))
	for i, r := range rules {
		g.total += r.weight
		g.cum[i] = g.total
	}
	// Minutes for small scans, hours for large ones.
	dur := 60 + 45*math.Sqrt(float64(N))
	g.step = dur * 1e9 / float64(N)
	g.off = 1e9
	g.kind = make([]uint16, 1, N+1)
	g.hasChild = make([]bool, 1, N+1)
	g.buf = make([]byte, 0, 4096)
	return g
}

// TargetType is SpiderFoot's type for a target string, the way its
// targetTypeFromString decides: an IP address, a net block, an e-mail
// address, a phone number, a quoted human name or user name, an AS number,
// else a host name.
func TargetType(t string) string {
	if a, err := netip.ParseAddr(t); err == nil {
		if a.Is4() {
			return "IP_ADDRESS"
		}
		return "IPV6_ADDRESS"
	}
	if p, err := netip.ParsePrefix(t); err == nil {
		if p.Addr().Is4() {
			return "NETBLOCK_OWNER"
		}
		return "NETBLOCKV6_OWNER"
	}
	switch {
	case strings.Contains(t, "@"):
		return "EMAILADDR"
	case strings.HasPrefix(t, "+") && len(t) > 1 && strings.Trim(t[1:], "0123456789 -") == "":
		return "PHONE_NUMBER"
	case len(t) > 1 && t[0] == '"' && t[len(t)-1] == '"' && strings.Contains(t, " "):
		return "HUMAN_NAME"
	case len(t) > 1 && t[0] == '"' && t[len(t)-1] == '"':
		return "USERNAME"
	case strings.HasPrefix(t, "AS") && len(t) > 2 && strings.Trim(t[2:], "0123456789") == "":
		return "BGP_AS_OWNER"
	}
	return "INTERNET_NAME"
}

// now is the time of the current element, to the millisecond as written.
func (g *gen) now() time.Time {
	return g.start.Add(time.Duration(g.off)).Truncate(time.Millisecond)
}

func (g *gen) id(n uint32) string {
	g.idb = append(g.idb[:0], 'e')
	g.idb = strconv.AppendUint(g.idb, uint64(n), 10)
	return string(g.idb)
}

func (g *gen) run() error {
	o := &g.o
	w := g.w
	if err := w.SetStatus(scan.StatusRunning, o.Start); err != nil {
		return err
	}
	if err := w.Root(o.Start); err != nil {
		return err
	}
	if err := g.startLog(); err != nil {
		return err
	}
	if err := g.firstEvents(); err != nil {
		return err
	}
	for int(g.n) < o.Elements {
		if err := g.step1(); err != nil {
			return err
		}
	}
	return g.finish()
}

// firstEvents writes what SpiderFoot stores right after ROOT: the target as
// an element of its type, and for a domain also as DOMAIN_NAME.
func (g *gen) firstEvents() error {
	o := &g.o
	type fe struct {
		typ  string
		pool []int
		key  uint64
	}
	var evs []fe
	switch g.targetType {
	case "INTERNET_NAME":
		evs = append(evs, fe{"INTERNET_NAME", pools(pHost), 0})
		if strings.Count(o.Target, ".") == 1 {
			evs = append(evs, fe{"DOMAIN_NAME", pools(pDomain), 0})
		} else {
			evs[0].pool = pools(pHost, pDomain)
		}
	case "EMAILADDR":
		evs = append(evs, fe{"EMAILADDR", pools(pEmail, pEmailTarget), 0})
	case "IP_ADDRESS":
		evs = append(evs, fe{"IP_ADDRESS", pools(pIP), 0})
	default:
		evs = append(evs, fe{g.targetType, nil, 0})
	}
	for i, ev := range evs {
		if int(g.n) >= o.Elements {
			break
		}
		g.n++
		g.first++
		t := o.Start.Add(time.Duration(10+i) * time.Millisecond)
		if _, err := g.w.Add(scan.Element{ID: g.id(g.n), Type: ev.typ, Data: o.Target, Source: scan.RootID,
			Module: firstModule, Generated: t}); err != nil {
			return err
		}
		g.kind = append(g.kind, 0)
		g.hasChild = append(g.hasChild, false)
		for _, p := range ev.pool {
			g.pools[p] = append(g.pools[p], entry{g.n, ev.key})
		}
	}
	return nil
}

// step1 writes one generated element.
func (g *gen) step1() error {
	var (
		r      *rule
		ri     int
		parent entry
		key    uint64
	)
	for {
		var ok bool
		ri, parent, ok = g.pick()
		r = &rules[ri]
		if !ok {
			r, ri, parent, g.fromPool = &fallback, -1, entry{1, 0}, -1
		}
		g.seq = r.seq
		g.buf = g.buf[:0]
		g.noPush, g.reject = false, false
		key = r.val(g, parent.k)
		if !g.reject || ri < 0 {
			break
		}
	}
	data := string(g.buf)

	g.n++
	g.off += g.rng.ExpFloat64() * g.step
	e := scan.Element{ID: g.id(g.n), Type: r.typ, Data: data, Source: g.id(parent.n), Module: r.module, Generated: g.now()}
	if r.risk[1] > 0 {
		e.Risk = r.risk[0] + g.rng.IntN(r.risk[1]-r.risk[0]+1)
	}
	if r.conf[1] > 0 {
		e.Confidence = min(100, r.conf[0]+g.rng.IntN(r.conf[1]-r.conf[0]+1))
	}
	if _, err := g.w.Add(e); err != nil {
		return err
	}
	g.kind = append(g.kind, uint16(ri+1))
	g.hasChild = append(g.hasChild, false)
	g.hasChild[parent.n] = true
	if !g.noPush {
		for _, p := range r.to {
			g.pools[p] = append(g.pools[p], entry{g.n, key})
		}
	}
	if g.rng.IntN(32) == 0 {
		return g.elementLog(r, parent, data)
	}
	return nil
}

// pick chooses a rule by weight and a parent for it. Rules without a
// possible parent are passed over; ok is false when no rule has one.
func (g *gen) pick() (ri int, parent entry, ok bool) {
	for try := 0; try < 24; try++ {
		x := g.rng.IntN(g.total)
		ri = 0
		for g.cum[ri] <= x {
			ri++
		}
		if parent, ok = g.parent(ri); ok {
			return ri, parent, true
		}
	}
	for ri = range rules {
		if parent, ok = g.parent(ri); ok {
			return ri, parent, true
		}
	}
	return 0, entry{}, false
}

// window is how many of the most recent pool members count as recent.
const window = 48

func (g *gen) parent(ri int) (entry, bool) {
	r := &rules[ri]
	if r.seq {
		p := g.pools[r.from[0]]
		c := g.cursor[ri]
		if c >= len(p) {
			return entry{}, false
		}
		g.fromPool = r.from[0]
		g.child = g.children[ri]
		g.children[ri]++
		if g.children[ri] >= max(1, r.per) {
			g.cursor[ri]++
			g.children[ri] = 0
		}
		return p[c], true
	}
	nonEmpty := 0
	for _, f := range r.from {
		if len(g.pools[f]) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty == 0 {
		return entry{}, false
	}
	k := g.rng.IntN(nonEmpty)
	for _, f := range r.from {
		p := g.pools[f]
		if len(p) == 0 {
			continue
		}
		if k > 0 {
			k--
			continue
		}
		g.fromPool = f
		// Modules work through a queue: recent finds lead to more finds
		// soon, older ones now and then.
		if len(p) > window && g.rng.IntN(2) == 0 {
			return p[len(p)-1-g.rng.IntN(window)], true
		}
		return p[g.rng.IntN(len(p))], true
	}
	return entry{}, false
}

// finish sets the final status and writes settings and notes.
func (g *gen) finish() error {
	o := &g.o
	w := g.w
	end := g.now().Add(time.Duration(2+g.rng.IntN(5)) * time.Second)
	if err := g.endLog(end); err != nil {
		return err
	}
	if o.Status != scan.StatusRunning {
		if err := w.SetStatus(o.Status, end); err != nil {
			return err
		}
	} else if err := w.Flush(); err != nil {
		return err
	}
	if err := w.WriteSettings(g.settings()); err != nil {
		return err
	}
	if o.Notes != "" {
		if err := w.WriteNotes(o.Notes); err != nil {
			return err
		}
	}
	return nil
}

// fpTypes are the types an analyst typically marks as false positives.
var fpTypes = map[string]bool{
	"LINKED_URL_EXTERNAL": true, "EMAILADDR": true, "INTERNET_NAME": true,
	"LINKED_URL_INTERNAL": true, "TCP_PORT_OPEN": true, "IP_ADDRESS": true,
}

// review appends the false-positive decisions.
func (g *gen) review(dir string) error {
	o := &g.o
	if o.FalsePositives <= 0 {
		return nil
	}
	m := scan.Meta{Status: o.Status}
	if !m.Done() {
		return nil
	}
	chosen := map[uint32]bool{}
	var picks []uint32
	ok := func(n uint32) bool {
		return int(n) > g.first && g.hasChild[n] && !chosen[n]
	}
	// Random probes first, for the preferred types; then anything that fits.
	for try := 0; try < 200*o.FalsePositives && len(picks) < o.FalsePositives; try++ {
		n := uint32(1 + g.rng.IntN(int(g.n)))
		if ok(n) && g.kind[n] > 0 && fpTypes[rules[g.kind[n]-1].typ] {
			chosen[n] = true
			picks = append(picks, n)
		}
	}
	for n := uint32(1); n <= g.n && len(picks) < o.FalsePositives; n++ {
		if ok(n) {
			chosen[n] = true
			picks = append(picks, n)
		}
	}
	end := g.now()
	for i, n := range picks {
		d := scan.Decision{
			Time: end.Add(time.Duration(45+20*i)*time.Minute + time.Duration(g.rng.IntN(600))*time.Second).UTC().Truncate(time.Second),
			Op:   scan.OpFPSet, Element: g.id(n), By: analysts[i%len(analysts)],
		}
		if err := scan.AppendDecision(dir, d); err != nil {
			return err
		}
	}
	return nil
}

var analysts = []string{"j.doe", "a.kowalski", "m.okafor"}
