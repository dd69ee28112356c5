package decisions

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/scan"
)

// Site records decisions for the preview server: each is checked against
// the live site's model of the scan, recorded, and applied to the site at
// once (generator.Live.Update), all while the scan's lock is held. A Site is
// safe for concurrent use.
type Site struct {
	live  *generator.Live
	locks locks
}

// ForSite returns the recorder of decisions on the scans of live.
func ForSite(live *generator.Live) *Site { return &Site{live: live} }

// SetFP marks elements ids of scan id as false positives (fp) or unmarks
// them, by recording the decision in the scan's review.jsonl, and applies it
// to the site at once.
//
// The check, the record and its application happen under the scan's lock,
// so two decisions sent together are checked each against the other's
// outcome (an unset cannot slip in before its parent's set is applied). A
// decision that would change nothing is not recorded again. The answer is
// nil only when the decision took effect: the elements are marked (or
// unmarked) in the model and the site. A decision the rules refuse is a
// *model.RefusalError; one recorded but not applied a *NotAppliedError.
func (st *Site) SetFP(ctx context.Context, id string, ids []string, fp bool, by string) (generator.Change, error) {
	defer st.locks.lock(id)()
	var idx []int32
	unchanged := false
	err := st.live.View(id, func(s *model.Scan, current bool) error {
		var err error
		if idx, err = s.CheckFP(ids, fp); err != nil {
			return err
		}
		unchanged = current && s.FPUnchanged(idx, fp)
		return nil
	})
	if err != nil {
		return generator.Change{}, err
	}
	if unchanged {
		return generator.Change{}, nil // already so: nothing to record
	}
	if err := record(st.live.ScansRoot(), id, scan.Decision{Op: FPOp(fp), Elements: ids, By: by}); err != nil {
		return generator.Change{}, err
	}
	ch, err := st.live.Update(ctx, []generator.ScanChange{{Scan: id, Files: []string{scan.ReviewFile}}})
	if err != nil {
		return ch, &NotAppliedError{Why: "the site could not be updated yet (it catches up by itself)", Err: err}
	}
	applied := false
	_ = st.live.View(id, func(s *model.Scan, _ bool) error {
		applied = s.FPIs(idx, fp)
		return nil
	})
	if !applied {
		return ch, &NotAppliedError{Why: "the rules did not apply it (see scanreport validate)"}
	}
	return ch, nil
}

// SetInvestigation adds scan id to investigation name (add) or removes it,
// by recording the decision in the scan's review.jsonl, and applies it to
// the site at once. A request the rules refuse (an invalid name, a scan
// that is already or not a member) is a *model.RefusalError or a
// *MembershipError (see Refusal).
func (st *Site) SetInvestigation(ctx context.Context, id, name string, add bool, by string) (generator.Change, error) {
	if err := ValidInvestigation(name); err != nil {
		return generator.Change{}, err
	}
	defer st.locks.lock(id)()
	err := st.live.View(id, func(s *model.Scan, _ bool) error { return checkMembership(s, name, add) })
	if err != nil {
		return generator.Change{}, err
	}
	if err := record(st.live.ScansRoot(), id, scan.Decision{Op: MembershipOp(add), Investigation: name, By: by}); err != nil {
		return generator.Change{}, err
	}
	return st.live.Update(ctx, []generator.ScanChange{{Scan: id, Files: []string{scan.ReviewFile}}})
}

// LookupTarget is an element a lookup runs on.
type LookupTarget struct {
	Scan, Kind string // the scan and its kind (manual, automated)
	ID         string // the element's id
	Type, Data string // for ROOT: the target's type and the target
}

// LookupTarget finds element elementID of scan id. An unknown scan or
// element is a *model.RefusalError.
func (st *Site) LookupTarget(id, elementID string) (LookupTarget, error) {
	var t LookupTarget
	err := st.live.View(id, func(s *model.Scan, _ bool) error {
		i, ok := s.Lookup(elementID)
		if !ok {
			return notInScan(elementID)
		}
		t = LookupTarget{Scan: id, Kind: s.Meta.Kind, ID: elementID, Type: s.Type(i).Code, Data: s.Elements[i].Data}
		if i == 0 {
			t.Type = s.Meta.TargetType
			if t.Type == "" {
				return &model.RefusalError{Text: "the scan's target has no type (scan.toml target_type), so no lookup applies to it"}
			}
		}
		return nil
	})
	return t, err
}

// AddChildren appends elements (a lookup's findings) to scan id as
// children of element parentID, with ids made here, and applies them to
// the site at once. Elements the parent already has as children (same
// type and value) are not added again; known counts them. Lookups on one
// scan add their children one at a time, so two runs cannot add the same
// children.
func (st *Site) AddChildren(ctx context.Context, id, parentID string, elems []scan.Element) (added, known int, ch generator.Change, err error) {
	defer st.locks.lock(id)()
	var fresh []scan.Element
	err = st.live.View(id, func(s *model.Scan, _ bool) error {
		var e error
		fresh, known, e = newChildren(s, parentID, elems, time.Now().UTC())
		return e
	})
	if err != nil || len(fresh) == 0 {
		return 0, known, generator.Change{}, err
	}
	w, err := scan.OpenWriter(st.live.ScansRoot(), id)
	if err != nil {
		return 0, known, generator.Change{}, err
	}
	for _, e := range fresh {
		if _, err := w.AddExact(e); err != nil {
			w.Close()
			return 0, known, generator.Change{}, err
		}
	}
	if err := w.Close(); err != nil {
		return 0, known, generator.Change{}, err
	}
	ch, err = st.live.Update(ctx, []generator.ScanChange{{Scan: id, Files: []string{scan.ElementsFile}}})
	return len(fresh), known, ch, err
}

// newChildren returns the elements of elems that element parentID of s
// does not have as children yet (by type and value), with ids, source and
// time set, and how many it has.
func newChildren(s *model.Scan, parentID string, elems []scan.Element, now time.Time) (fresh []scan.Element, known int, err error) {
	pi, ok := s.Lookup(parentID)
	if !ok {
		return nil, 0, notInScan(parentID)
	}
	have := map[[2]string]bool{}
	for _, c := range s.Children().Of(pi) {
		have[[2]string{s.Type(c).Code, s.Elements[c].Data}] = true
	}
	prefix := newIDPrefix()
	for _, e := range elems {
		k := [2]string{e.Type, e.Data}
		if have[k] {
			known++
			continue
		}
		have[k] = true
		e.ID = prefix + strconv.Itoa(len(fresh)+1)
		for n := 2; ; n++ {
			if _, used := s.Lookup(e.ID); !used {
				break
			}
			e.ID = prefix + strconv.Itoa(len(fresh)+1) + "-" + strconv.Itoa(n)
		}
		e.Source = parentID
		e.Generated = now
		fresh = append(fresh, e)
	}
	return fresh, known, nil
}

func notInScan(elementID string) error {
	return &model.RefusalError{Text: fmt.Sprintf("element %s is not in the scan", strconv.Quote(clipText(elementID, 80)))}
}

// newIDPrefix makes the ids of one lookup's elements: "lk-", a random
// part, "-", so they cannot meet a scanner's ids.
func newIDPrefix() string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	return "lk-" + hex.EncodeToString(b[:]) + "-"
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
