package correlate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/scan"
)

func TestCache(t *testing.T) {
	c := &Cache{Dir: filepath.Join(t.TempDir(), "cache")}
	rules, _ := Load(defaultRulesDir)
	lines := []string{
		"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.5",
		"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:3389",
		"u1 URL_PASSWORD ROOT sfp_spider http://example.com/login",
	}
	s := build(t, "example.com", lines...)
	s.ElementsPos = scan.Position{Offset: 300, Line: 3}
	run := func(s *model.Scan, rules []*Rule, wantCached bool) []string {
		t.Helper()
		res, cached, err := c.Run(s, rules)
		if err != nil {
			t.Fatal(err)
		}
		if cached != wantCached {
			t.Errorf("cached = %v, want %v", cached, wantCached)
		}
		return summary(s, res)
	}
	fresh := run(s, rules, false)
	if len(fresh) != 2 {
		t.Fatalf("results %q", fresh)
	}
	if _, err := os.Stat(filepath.Join(c.Dir, "test.json")); err != nil {
		t.Fatal(err)
	}
	check(t, "from the cache", run(s, rules, true), fresh)

	// False-positive decisions do not matter (correlations ignore them).
	s.AddDecision(scan.Decision{Time: time.Now(), Op: scan.OpFPSet, Element: "p1"}, 1)
	s.Finish()
	s.ReviewPos = scan.Position{Offset: 80, Line: 1}
	if !s.Elements[2].Is(model.FlagFP) {
		t.Fatal("decision not applied")
	}
	check(t, "after a review decision", run(s, rules, true), fresh)

	// A changed rule set, a new status, new elements: evaluated again.
	edited := slices.Clone(rules)
	r2 := *edited[0]
	r2.Raw = append(slices.Clone(r2.Raw), '\n')
	edited[0] = &r2
	run(s, edited, false)
	run(s, rules, false) // the entry was replaced
	run(s, rules, true)
	s.Meta.Status = scan.StatusAborted
	run(s, rules, false)
	s.Meta.Status = scan.StatusFinished
	run(s, rules, false)
	s.Add(scan.Element{ID: "p2", Type: "TCP_PORT_OPEN", Source: "i1", Module: "m", Data: "192.0.2.5:23"}, 4)
	s.Finish()
	s.ElementsPos = scan.Position{Offset: 360, Line: 4}
	if got := run(s, rules, false); slices.Equal(got, fresh) {
		t.Errorf("new element, same results %q", got)
	}

	// A damaged entry is recomputed, not an error.
	if err := os.WriteFile(filepath.Join(c.Dir, "test.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(s, rules, false)
	run(s, rules, true)
	if err := c.Forget("test"); err != nil {
		t.Fatal(err)
	}
	run(s, rules, false)
	if err := c.Forget("never-seen"); err != nil {
		t.Error(err)
	}
}

func TestCacheWriteError(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c := &Cache{Dir: filepath.Join(blocker, "cache")} // a folder below a file
	s := build(t, "example.com", "u1 URL_PASSWORD ROOT sfp_spider http://example.com/login")
	rules, _ := Load(defaultRulesDir)
	res, cached, err := c.Run(s, rules)
	if err == nil || cached || len(res) != 1 || !strings.Contains(err.Error(), "correlation cache") {
		t.Errorf("results %d, cached %v, err %v", len(res), cached, err)
	}
}

func TestDefaultCacheDir(t *testing.T) {
	if _, err := os.UserCacheDir(); err != nil {
		t.Skip(err)
	}
	a, err := DefaultCacheDir("scans")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DefaultCacheDir("/somewhere/else")
	if a == b || !strings.Contains(a, filepath.Join("scanreport", "correlations")) {
		t.Errorf("cache dirs %q and %q", a, b)
	}
}

func TestFingerprint(t *testing.T) {
	rules, _ := Load(defaultRulesDir)
	if Fingerprint(rules) != Fingerprint(slices.Clone(rules)) {
		t.Error("fingerprint not stable")
	}
	if Fingerprint(rules) == Fingerprint(rules[1:]) {
		t.Error("fingerprint ignores a rule")
	}
}
