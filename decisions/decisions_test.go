package decisions

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sitecmp"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
	"github.com/scanreport/scanreport/static"
)

// scans: "good" (finished; a, and b found from a), "run" (running), and
// "manual" (a manual scan with a target type, in investigation case-1).
var scans = map[string]string{
	"good/scan.toml": "name = \"Good scan\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n",
	"good/elements.jsonl": `{"id":"ROOT","type":"ROOT","data":"example.com","source":"ROOT","module":"","generated":"2026-11-20T10:00:00Z"}
{"id":"a","type":"INTERNET_NAME","data":"www.example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}
{"id":"b","type":"MALICIOUS_IPADDR","data":"1.2.3.4\nsee <SFURL>https://x.example/?api_key=K</SFURL>","source":"a","module":"m","generated":"2026-11-20T10:00:02Z"}
`,
	"run/scan.toml":      "name = \"Running\"\ntarget = \"example.org\"\nstatus = \"RUNNING\"\n",
	"run/elements.jsonl": `{"id":"a","type":"INTERNET_NAME","data":"www.example.org","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}` + "\n",
	"manual/scan.toml":   "name = \"Manual\"\ntarget = \"example.com\"\ntarget_type = \"INTERNET_NAME\"\nkind = \"manual\"\nstatus = \"FINISHED\"\ninvestigations = [\"case-1\"]\n",
	"manual/elements.jsonl": `{"id":"a","type":"INTERNET_NAME","data":"www.example.com","source":"ROOT","module":"m","generated":"2026-11-21T10:00:01Z"}
{"id":"c","type":"IP_ADDRESS","data":"5.6.7.8","source":"a","module":"m","generated":"2026-11-21T10:00:02Z"}
`,
}

func writeScans(t *testing.T, root string) {
	t.Helper()
	testread.WriteTree(t, root, scans)
}

// bundle gives small stand-ins for the browser bundles (the pages only
// name them by their hash).
func bundle(name string) ([]byte, error) {
	if name == static.Icon {
		return []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), nil
	}
	return []byte("/* " + name + " */"), nil
}

func options(root, out string) generator.Options {
	c := config.Default()
	return generator.Options{ScansRoot: root, Output: out, Title: "Test report", RiskyTypes: c.Risky.Types, MinRisk: c.Risky.MinRisk,
		IsSecret: c.Secrets.IsSecret, Bundle: bundle, DefuseFormulas: true, GEXFVersion: c.Exports.GEXFVersion}
}

// site starts a live site over scans.
func site(t *testing.T) (st *Site, live *generator.Live, root, out string) {
	t.Helper()
	dir := t.TempDir()
	root, out = filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeScans(t, root)
	live, _, err := generator.Start(context.Background(), options(root, out))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { live.Close() })
	return ForSite(live), live, root, out
}

func review(t *testing.T, root, id string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, id, scan.ReviewFile))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return string(data)
}

func refusal(t *testing.T, err error, want string) {
	t.Helper()
	if text, ok := Refusal(err); !ok || !strings.Contains(text, want) {
		t.Errorf("%v, want a refusal saying %q", err, want)
	}
}

// sameAsCleanBuild builds the scans afresh and compares that site with
// the live one as a reader sees them.
func sameAsCleanBuild(t *testing.T, root, out string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	if _, err := generator.Build(context.Background(), options(root, clean)); err != nil {
		t.Fatal(err)
	}
	diff, err := sitecmp.Diff(clean, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(diff) > 0 {
		t.Errorf("the live site differs from a clean build in %d files: %s", len(diff), strings.Join(diff[:min(len(diff), 20)], ", "))
	}
}

func TestSiteFalsePositives(t *testing.T) {
	st, live, root, out := site(t)
	ctx := context.Background()
	_, err := st.SetFP(ctx, "good", []string{"nope"}, true, "t")
	refusal(t, err, "not in the scan")
	_, err = st.SetFP(ctx, "gone", []string{"a"}, true, "t")
	refusal(t, err, `no scan "gone"`)
	if n := st.locks.held(); n != 0 {
		t.Errorf("a decision on no scan left %d locks behind", n)
	}
	ch, err := st.SetFP(ctx, "good", []string{"a"}, true, "t")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ch.Paths, "scans/good/data/fp.js") {
		t.Errorf("changed paths lack fp.js: %v", ch.Paths)
	}
	fp, _ := os.ReadFile(filepath.Join(out, "scans", "good", "data", "fp.js"))
	if !strings.Contains(string(fp), `"i":[1,2]`) { // a and its child b
		t.Errorf("fp.js = %s", fp)
	}
	if !regexp.MustCompile(`"d":\[\[1,"t",\d{13}\]\]`).Match(fp) { // who marked a, and when
		t.Errorf("fp.js does not say who decided: %s", fp)
	}
	// The same two as rows of their types (row 0 of each), for the search pages.
	if !strings.Contains(string(fp), `"r":{"internet_name":[0],"malicious_ipaddr":[0]}`) {
		t.Errorf("fp.js does not name the rows: %s", fp)
	}
	_, err = st.SetFP(ctx, "good", []string{"b"}, false, "t")
	refusal(t, err, "which is still a false positive")
	if got := review(t, root, "good"); strings.Count(got, "\n") != 1 || !strings.Contains(got, `"op":"fp-set","elements":["a"],"by":"t"`) {
		t.Errorf("review.jsonl, want one fp-set of a by t:\n%s", got)
	}
	_, err = st.SetFP(ctx, "run", []string{"a"}, true, "t")
	refusal(t, err, "RUNNING")
	if got := review(t, root, "run"); got != "" {
		t.Errorf("a refused decision was recorded: %s", got)
	}
	if _, err := live.FlushExports(ctx, 0); err != nil {
		t.Fatal(err)
	}
	sameAsCleanBuild(t, root, out)
}

// TestSiteNotApplied: a decision recorded while the site cannot be
// written (its data folder is a file) is answered "recorded, not applied".
func TestSiteNotApplied(t *testing.T) {
	st, _, root, out := site(t)
	data := filepath.Join(out, "scans", "good", "data")
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := st.SetFP(context.Background(), "good", []string{"a"}, true, "t")
	var na *NotAppliedError
	if !errors.As(err, &na) || !strings.Contains(na.Recorded(), "recorded") || na.Err == nil {
		t.Fatalf("decision on a site that cannot be written: %v, want a NotAppliedError", err)
	}
	if _, refused := Refusal(err); refused {
		t.Error("a decision recorded but not applied reads as refused")
	}
	if got := review(t, root, "good"); !strings.Contains(got, `"a"`) {
		t.Errorf("the decision is not in review.jsonl: %q", got)
	}
}

// TestSiteConcurrentDecisions sends ten "set the parent" and ten "unset the
// child" decisions at once. Each is checked against the outcome of those
// applied before it, so every decision answered with success is one the
// rules apply when review.jsonl is read afresh (no "ignored" line), and the
// site shows the same marks. Repeating a decision adds no line.
func TestSiteConcurrentDecisions(t *testing.T) {
	st, live, root, out := site(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	var ok, refused atomic.Int32
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if i%2 == 0 {
				_, err = st.SetFP(ctx, "good", []string{"a"}, true, "t")
			} else {
				_, err = st.SetFP(ctx, "good", []string{"b"}, false, "t")
			}
			var r *model.RefusalError
			switch {
			case err == nil:
				ok.Add(1)
			case errors.As(err, &r):
				refused.Add(1)
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	first := review(t, root, "good")
	lines := strings.Count(first, "\n")
	t.Logf("%d answered ok, %d refused, %d lines in review.jsonl", ok.Load(), refused.Load(), lines)
	if lines > 2 {
		// At most: the child's unset (a no-op before the parent's set is
		// not recorded, so 0) and the parent's set once.
		t.Errorf("review.jsonl has %d decisions; repeated ones piled up:\n%s", lines, first)
	}
	// Read afresh: no decision is ignored by the rules.
	var probs []scan.Problem
	o := options(root, filepath.Join(t.TempDir(), "clean"))
	o.Report = func(p scan.Problem) { probs = append(probs, p) }
	if _, err := generator.Check(ctx, o); err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if p.Kind == scan.KindReview {
			t.Errorf("a decision answered with success is ignored when read afresh: %s", p)
		}
	}
	fp, _ := os.ReadFile(filepath.Join(out, "scans", "good", "data", "fp.js"))
	if !strings.Contains(string(fp), `"i":[1,2]`) {
		t.Errorf("fp.js = %s, want a and its child b marked", fp)
	}
	if _, err := live.FlushExports(ctx, 0); err != nil {
		t.Fatal(err)
	}
	sameAsCleanBuild(t, root, out)

	if n := st.locks.held(); n != 0 {
		t.Errorf("%d scan locks left after the decisions", n)
	}
	// The same decision again and again: one line.
	for range 5 {
		if _, err := st.SetFP(ctx, "good", []string{"a"}, true, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if again := review(t, root, "good"); again != first {
		t.Errorf("a repeated decision was recorded again:\n%s", again)
	}
	// Unset, then unset again: one more line.
	for range 3 {
		if _, err := st.SetFP(ctx, "good", []string{"a"}, false, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if again := review(t, root, "good"); strings.Count(again, "\n") != lines+1 {
		t.Errorf("review.jsonl after three identical unsets, want %d lines:\n%s", lines+1, again)
	}
}

func TestSiteInvestigations(t *testing.T) {
	st, live, root, out := site(t)
	ctx := context.Background()
	for _, c := range []struct {
		scan, name string
		add        bool
		why        string
	}{
		{"manual", "case-1", true, "already"},
		{"manual", "no-such", false, "not in"},
		{"manual", "a/../etc", true, "may only contain"},
		{"manual", "INDEX", true, "reserved"},
		{"gone", "case-1", true, "no scan"},
	} {
		_, err := st.SetInvestigation(ctx, c.scan, c.name, c.add, "test")
		refusal(t, err, c.why)
	}
	if got := review(t, root, "manual"); got != "" {
		t.Errorf("refused decisions were recorded: %s", got)
	}
	ch, err := st.SetInvestigation(ctx, "good", "case-1", true, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"investigations/case-1.html", "investigations/index.html", "scans/good/index.html"} {
		if !slices.Contains(ch.Paths, want) {
			t.Errorf("changed paths lack %s: %v", want, ch.Paths)
		}
	}
	if got := review(t, root, "good"); !strings.Contains(got, `"op":"investigation-add","investigation":"case-1","by":"test"`) {
		t.Errorf("review.jsonl: %s", got)
	}
	var in []string
	live.View("good", func(s *model.Scan, _ bool) error { in = s.Investigations(); return nil })
	if !slices.Equal(in, []string{"case-1"}) {
		t.Errorf("good is in %v", in)
	}
	if _, err := st.SetInvestigation(ctx, "manual", "case-1", false, "test"); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "investigations", "case-1.html"))
	if err != nil || strings.Contains(string(page), "scans/manual/index.html") || !strings.Contains(string(page), "scans/good/index.html") {
		t.Errorf("case-1 after manual left: %v", err)
	}
}

func TestSiteLookups(t *testing.T) {
	st, live, _, out := site(t)
	ctx := context.Background()
	tg, err := st.LookupTarget("manual", "ROOT")
	if err != nil || tg.Type != "INTERNET_NAME" || tg.Data != "example.com" || tg.Kind != scan.KindManual {
		t.Errorf("ROOT: %+v, %v", tg, err)
	}
	tg, err = st.LookupTarget("manual", "a")
	if err != nil || tg.Type != "INTERNET_NAME" || tg.Data != "www.example.com" {
		t.Errorf("a: %+v, %v", tg, err)
	}
	_, err = st.LookupTarget("manual", "nope")
	refusal(t, err, "not in the scan")
	_, err = st.LookupTarget("good", "ROOT")
	refusal(t, err, "target_type")
	_, _, _, err = st.AddChildren(ctx, "manual", strings.Repeat("é", 60), nil)
	refusal(t, err, "…") // the id is cut on a character boundary

	elems := []scan.Element{
		{Type: "IP_ADDRESS", Data: "5.6.7.8", Module: "lookup:x"}, // a already has it
		{Type: "IP_ADDRESS", Data: "192.0.2.1", Module: "lookup:x", Confidence: 100, Visibility: 100},
		{Type: "DNS_TEXT", Data: "<script>window.__xss=1</script>\nv=spf1 include:_spf.example.com", Module: "lookup:x", Risk: 10},
		{Type: "IP_ADDRESS", Data: "192.0.2.1", Module: "lookup:x"}, // twice in one output
	}
	added, known, ch, err := st.AddChildren(ctx, "manual", "a", elems)
	if err != nil || added != 2 || known != 2 {
		t.Fatalf("AddChildren: %d added, %d known, %v", added, known, err)
	}
	if !slices.Contains(ch.Paths, "scans/manual/data/manifest.js") || !slices.Contains(ch.Paths, "scans/manual/data/e-dns_text-0.js") {
		t.Errorf("changed paths: %v", ch.Paths)
	}
	var kids []string
	live.View("manual", func(s *model.Scan, _ bool) error {
		pa, _ := s.Lookup("a")
		for _, c := range s.Children().Of(pa) {
			e := s.Elements[c]
			kids = append(kids, e.Data)
			if e.Data != "5.6.7.8" && (!strings.HasPrefix(e.ID, "lk-") || s.Module(c) != "lookup:x") {
				t.Errorf("child %+v: id or module", e)
			}
		}
		if s.Problems.Total != 0 {
			t.Errorf("problems after the lookup: %v", s.Problems.Sorted())
		}
		return nil
	})
	if !slices.Equal(kids, []string{"5.6.7.8", "192.0.2.1", elems[2].Data}) {
		t.Errorf("children of a: %q", kids)
	}
	data, _ := os.ReadFile(filepath.Join(out, "scans", "manual", "data", "e-dns_text-0.js"))
	if strings.ContainsAny(string(data), "<>") {
		t.Errorf("raw markup in a chunk: %s", data)
	}
	// Again: nothing new.
	added, known, _, err = st.AddChildren(ctx, "manual", "a", elems)
	if err != nil || added != 0 || known != 4 {
		t.Errorf("second run: %d added, %d known, %v", added, known, err)
	}
}

// TestFiles: the command line's decisions, checked against the files.
func TestFiles(t *testing.T) {
	root := filepath.Join(t.TempDir(), "scans")
	writeScans(t, root)
	risky, err := eltypes.NewRisky(config.Default().Risky.Types, config.Default().Risky.MinRisk)
	if err != nil {
		t.Fatal(err)
	}
	f := OnFiles(root, risky)
	_, err = f.SetFP("run", []string{"a"}, true, "cli")
	refusal(t, err, "RUNNING")
	if _, err := f.SetFP("good", []string{"a"}, false, "cli"); err != nil { // allowed, if idle
		t.Fatal(err)
	}
	op, err := f.SetFP("good", []string{"a"}, true, "cli")
	if err != nil || op != scan.OpFPSet {
		t.Fatalf("set: %s, %v", op, err)
	}
	_, err = f.SetFP("good", []string{"b"}, false, "cli")
	refusal(t, err, "which is still a false positive")
	if _, err := f.SetFP("nope", []string{"a"}, true, "cli"); err == nil {
		t.Error("a missing scan gave no error")
	} else if _, refused := Refusal(err); refused {
		t.Errorf("a missing scan reads as a refusal: %v", err)
	}

	var m *MembershipError
	if err := f.SetInvestigation("manual", "case-1", true, "cli"); !errors.As(err, &m) || !m.Member {
		t.Errorf("adding a member: %v", err)
	}
	if err := f.SetInvestigation("good", "case-1", false, "cli"); !errors.As(err, &m) || m.Member {
		t.Errorf("removing a non-member: %v", err)
	}
	refusal(t, f.SetInvestigation("good", "index", true, "cli"), "reserved")
	if err := f.SetInvestigation("good", "case-1", true, "cli"); err != nil {
		t.Fatal(err)
	}
	got := review(t, root, "good")
	want := []string{`"op":"fp-unset","elements":["a"],"by":"cli"`, `"op":"fp-set","elements":["a"],"by":"cli"`, `"op":"investigation-add","investigation":"case-1","by":"cli"`}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("review.jsonl:\n%s", got)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d = %s, want %s", i+1, lines[i], w)
		}
	}
}
