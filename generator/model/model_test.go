package model

import (
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

var cat = eltypes.MustLoad()

func newScan(t *testing.T) *Scan {
	t.Helper()
	risky, err := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	if err != nil {
		t.Fatal(err)
	}
	return New(scan.Meta{ID: "s", Target: "example.com", Status: scan.StatusFinished}, cat, risky)
}

// build adds elements written as "id type data source" and finishes.
func build(t *testing.T, lines ...string) *Scan {
	t.Helper()
	s := newScan(t)
	for n, l := range lines {
		f := strings.Fields(l)
		s.Add(scan.Element{ID: f[0], Type: f[1], Data: f[2], Source: f[3], Generated: time.Unix(int64(n), 0)}, n+1)
	}
	s.Finish()
	return s
}

func problems(s *Scan) string {
	var out []string
	for _, p := range s.Problems.Sorted() {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}

func parentOf(s *Scan, id string) string {
	i, ok := s.Lookup(id)
	if !ok {
		return "?"
	}
	src := s.Elements[i].Source
	if src < 0 {
		return "-"
	}
	return s.Elements[src].ID
}

func TestLinksAndCounts(t *testing.T) {
	s := build(t,
		"ROOT ROOT example.com ROOT",
		"a INTERNET_NAME example.com ROOT",
		"b IP_ADDRESS 1.2.3.4 a",
		"c IP_ADDRESS 1.2.3.4 a",
		"d MALICIOUS_IPADDR bad b",
	)
	if p := problems(s); p != "" {
		t.Fatalf("problems:\n%s", p)
	}
	if s.Count() != 4 || parentOf(s, "d") != "b" || parentOf(s, "ROOT") != "-" {
		t.Fatalf("links wrong")
	}
	ip := s.Types[s.Elements[2].Type]
	if ip.Code != "IP_ADDRESS" || ip.Total() != 2 || ip.Unique != 1 || ip.Slug != "ip_address" {
		t.Errorf("IP type = %+v", ip)
	}
	if mal := s.Type(4); mal.Risky != 1 || !s.Elements[4].Is(FlagRisky) {
		t.Errorf("risky not counted: %+v", mal)
	}
	if got := s.Children().Of(1); len(got) != 2 {
		t.Errorf("children of a = %v", got)
	}
}

func TestBrokenLinks(t *testing.T) {
	s := build(t,
		"fwd IP_ADDRESS 1.1.1.1 later", // source appears later: linked, no problem
		"later INTERNET_NAME h ROOT",
		"lost IP_ADDRESS 2.2.2.2 nowhere",
		"x IP_ADDRESS x y", // x and y point at each other
		"y IP_ADDRESS y x",
		"self IP_ADDRESS s self",
		"dup IP_ADDRESS same ROOT",
		"dup IP_ADDRESS same ROOT",  // the same line again: dropped
		"dup IP_ADDRESS other ROOT", // another element: kept under a new id
		"ROOT ROOT example.com ROOT",
		"ROOT ROOT evil.com ROOT",
		"t NOT_A_TYPE v ROOT",
	)
	want := `s/elements.jsonl:3: warning: source "nowhere" of element "lost" does not appear (yet); shown under ROOT
s/elements.jsonl:4: warning: element "x" is its own ancestor through its sources; shown under ROOT
s/elements.jsonl:6: warning: element "self" is its own ancestor through its sources; shown under ROOT
s/elements.jsonl:8: warning: element "dup" repeats line 7; dropped
s/elements.jsonl:9: warning: id "dup" was used on line 7 for another element; this one is kept as "dup#L9"
s/elements.jsonl:11: error: a second ROOT element (first on line 10); dropped
s/elements.jsonl:12: warning: element type "NOT_A_TYPE" is not in the SpiderFoot catalogue; kept as is`
	if p := problems(s); p != want {
		t.Errorf("problems:\n%s\nwant:\n%s", p, want)
	}
	for id, parent := range map[string]string{"fwd": "later", "lost": "ROOT", "self": "ROOT", "dup#L9": "ROOT"} {
		if got := parentOf(s, id); got != parent {
			t.Errorf("parent of %s = %s, want %s", id, got, parent)
		}
	}
	// The cycle is cut once, so x and y both still reach ROOT.
	if px, py := parentOf(s, "x"), parentOf(s, "y"); !(px == "y" && py == "ROOT" || px == "ROOT" && py == "x") {
		t.Errorf("cycle not cut: x→%s y→%s", px, py)
	}
	if s.Count() != 9 || s.Elements[0].Is(FlagSynthetic) {
		t.Errorf("count = %d, root synthetic = %v", s.Count(), s.Elements[0].Is(FlagSynthetic))
	}
}

func TestFalsePositives(t *testing.T) {
	s := build(t,
		"a INTERNET_NAME h ROOT",
		"b IP_ADDRESS 1 a",
		"c TCP_PORT_OPEN 1:22 b",
		"d TCP_PORT_OPEN 1:80 b",
		"e HTTP_CODE 404 d",
		"f IP_ADDRESS 2 a",
	)
	fps := func() string {
		var out []string
		for _, e := range s.Elements {
			if e.Is(FlagFP) {
				out = append(out, e.ID)
			}
		}
		return strings.Join(out, ",")
	}
	s.AddDecision(scan.Decision{Op: scan.OpFPSet, Element: "b"}, 1)
	s.Finish()
	if fps() != "b,c,d,e" { // the whole subtree, grandchildren included
		t.Fatalf("after set b: %s", fps())
	}
	s.AddDecision(scan.Decision{Op: scan.OpFPUnset, Element: "d"}, 2) // parent b still marked: refused
	s.AddDecision(scan.Decision{Op: scan.OpFPSet, Element: "nope"}, 3)
	s.Finish()
	if fps() != "b,c,d,e" {
		t.Fatalf("after refused unset: %s", fps())
	}
	want := "s/review.jsonl:2: warning: cannot unset element \"d\": its parent \"b\" is still a false positive; ignored\n" +
		"s/review.jsonl:3: warning: fp-set names element \"nope\", which is not in the scan (or is ROOT); ignored"
	if p := problems(s); p != want {
		t.Errorf("problems:\n%s", p)
	}
	s.AddDecision(scan.Decision{Op: scan.OpFPUnset, Element: "b"}, 4)
	s.Finish()
	if fps() != "" {
		t.Fatalf("after unset b: %s", fps())
	}
	if s.Type(2).FP != 0 {
		t.Errorf("FP count not cleared")
	}
	// An element that arrives under a false positive is one too.
	s.AddDecision(scan.Decision{Op: scan.OpFPSet, Element: "f"}, 5)
	s.Finish()
	s.Add(scan.Element{ID: "g", Type: "TCP_PORT_OPEN", Data: "2:22", Source: "f"}, 7)
	s.Finish()
	if fps() != "f,g" || s.Type(7).FP != 1 {
		t.Errorf("after set f and add g: %s", fps())
	}
}

func TestInvestigations(t *testing.T) {
	s := newScan(t)
	s.Meta.Investigations = []string{"one", "two"}
	s.AddDecision(scan.Decision{Op: scan.OpInvestigationRemove, Investigation: "one"}, 1)
	s.AddDecision(scan.Decision{Op: scan.OpInvestigationAdd, Investigation: "three"}, 2)
	s.AddDecision(scan.Decision{Op: scan.OpInvestigationAdd, Investigation: "two"}, 3)
	if got := strings.Join(s.Investigations(), ","); got != "two,three" {
		t.Errorf("investigations = %s", got)
	}
}

func TestSlugs(t *testing.T) {
	s := build(t, "a IP_ADDRESS 1 ROOT", "b ip_address 1 ROOT", "c <script> 1 ROOT", "d _X 1 ROOT")
	var slugs []string
	for _, ty := range s.Types {
		slugs = append(slugs, ty.Slug)
	}
	got := strings.Join(slugs, " ")
	if !strings.HasPrefix(got, "root ip_address ip_address-2 t") || strings.ContainsAny(got, "<>") {
		t.Errorf("slugs = %s", got)
	}
}

func TestCheckFP(t *testing.T) {
	s := build(t, "a INTERNET_NAME h ROOT", "b IP_ADDRESS 1 a", "c TCP_PORT_OPEN 1:22 b")
	s.Meta.Status = scan.StatusRunning
	if _, err := s.CheckFP([]string{"b"}, true); err == nil || !strings.Contains(err.Error(), "this scan is RUNNING") {
		t.Errorf("running scan: %v", err)
	}
	s.Meta.Status = scan.StatusAborted
	if _, err := s.CheckFP([]string{"zz"}, true); err == nil || !strings.Contains(err.Error(), `"zz" is not in the scan`) {
		t.Errorf("unknown id: %v", err)
	}
	if _, err := s.CheckFP([]string{"ROOT"}, true); err == nil {
		t.Error("ROOT accepted")
	}
	if idx, err := s.CheckFP([]string{"b"}, true); err != nil || len(idx) != 1 {
		t.Fatalf("set b: %v %v", idx, err)
	}
	s.AddDecision(scan.Decision{Op: scan.OpFPSet, Element: "b"}, 1)
	s.Finish()
	// The refusal names types and values, not internal ids.
	if _, err := s.CheckFP([]string{"c"}, false); err == nil ||
		!strings.Contains(err.Error(), `cannot unmark Open TCP Port "1:22": it was found from IP Address "1", which is still a false positive`) {
		t.Errorf("unset c under b: %v", err)
	}
	if _, err := s.CheckFP([]string{"c", "b"}, false); err != nil {
		t.Errorf("unset c with b: %v", err)
	}
}

// TestViewTypes: a view's types keep the rows and counts they had when it
// was taken while the scan takes more elements (a background job reads
// them meanwhile: the search index merge, the downloads), and a source
// arriving later relinks the scan's element, not the view's.
func TestViewTypes(t *testing.T) {
	s := newScan(t)
	s.Add(scan.Element{ID: "a", Type: "IP_ADDRESS", Data: "10.0.0.1", Source: "later"}, 1)
	s.Add(scan.Element{ID: "b", Type: "IP_ADDRESS", Data: "10.0.0.2", Source: "ROOT"}, 2)
	v := s.View()
	s.Add(scan.Element{ID: "c", Type: "IP_ADDRESS", Data: "10.0.0.3", Source: "ROOT"}, 3)
	s.Add(scan.Element{ID: "later", Type: "INTERNET_NAME", Data: "later.example.com", Source: "ROOT"}, 4)
	var vt, st *TypeStat
	for _, ty := range v.Types {
		if ty.Code == "IP_ADDRESS" {
			vt = ty
		}
	}
	for _, ty := range s.Types {
		if ty.Code == "IP_ADDRESS" {
			st = ty
		}
	}
	if vt == nil || st == nil || vt.Total() != 2 || st.Total() != 3 || len(v.Types) != 2 {
		t.Fatalf("view: %d types, ip_address %v; scan: %v", len(v.Types), vt, st)
	}
	for _, i := range vt.Elements {
		if int(i) >= len(v.Elements) {
			t.Errorf("the view's type lists element %d, past its %d elements", i, len(v.Elements))
		}
	}
	if a, _ := s.Lookup("a"); v.SourceData(a) != "example.com" || s.SourceData(a) != "later.example.com" {
		t.Errorf("source data: view %q, scan %q", v.SourceData(a), s.SourceData(a))
	}
}
