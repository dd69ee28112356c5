package correlate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	defaultrules "github.com/scanreport/scanreport/rules"
	"github.com/scanreport/scanreport/scan"
)

func ruleIDs(rules []*Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.ID)
	}
	return out
}

func problemTexts(probs []scan.Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.String())
	}
	return out
}

// TestDefaultSelection: by default SpiderFoot's 37 rules run, with their
// own ids, then scanreport's 15, each marked with its set; the embedded
// sets are the repository's folders byte for byte.
func TestDefaultSelection(t *testing.T) {
	got := LoadSelection(DefaultSelection())
	if len(got.Problems) > 0 || got.Unread != nil {
		t.Fatalf("problems %v, unread %v", got.Problems, got.Unread)
	}
	sf, _ := Load(sfRulesDir)
	own, _ := Load(defaultRulesDir)
	if len(sf) != 37 || len(own) != 15 || len(got.Rules) != 52 {
		t.Fatalf("%d SpiderFoot + %d own rules, selection has %d; want 37 + 15 = 52", len(sf), len(own), len(got.Rules))
	}
	want := append(ruleIDs(sf), ruleIDs(own)...)
	check(t, "ids", ruleIDs(got.Rules), want)
	for i, r := range got.Rules {
		wantSet, file := defaultrules.SpiderFoot, sf
		j := i
		if i >= 37 {
			wantSet, file, j = defaultrules.Scanreport, own, i-37
		}
		if r.Set != wantSet || r.Replaces != "" || string(r.Raw) != string(file[j].Raw) {
			t.Errorf("%s: set %q (want %q), replaces %q, same bytes %v", r.ID, r.Set, wantSet, r.Replaces, string(r.Raw) == string(file[j].Raw))
		}
	}
	if got := defaultrules.DefaultSets(); !slices.Equal(got, []string{"spiderfoot", "scanreport"}) {
		t.Errorf("default sets %v", got)
	}
}

// TestSelectionSetsAndDisable: one set alone; rules turned off by id; an
// id no rule has and a set that does not exist are errors naming the
// config; a set named twice is read once.
func TestSelectionSetsAndDisable(t *testing.T) {
	got := LoadSelection(Selection{Sets: []string{"scanreport", "scanreport"}})
	if len(got.Rules) != 15 || len(got.Problems) > 0 {
		t.Errorf("scanreport alone: %d rules, problems %v", len(got.Rules), got.Problems)
	}
	got = LoadSelection(Selection{Sets: []string{"spiderfoot"}, Disable: []string{"outlier_country", "stale_host", "no_such_rule"},
		Where: func(key string) string { return "my.toml:12 " + key }})
	if len(got.Rules) != 35 || slices.Contains(ruleIDs(got.Rules), "stale_host") || slices.Contains(ruleIDs(got.Rules), "outlier_country") {
		t.Errorf("disabled: %d rules %v", len(got.Rules), ruleIDs(got.Rules))
	}
	check(t, "problems", problemTexts(got.Problems), []string{`my.toml:12 correlations.disable: error: [correlations] disable: no rule has the id "no_such_rule"`})
	got = LoadSelection(Selection{Sets: []string{"spiderfoot", "SpiderFoot-5"}})
	if len(got.Rules) != 37 || len(got.Problems) != 1 || got.Problems[0].Severity != scan.Error ||
		!strings.Contains(got.Problems[0].Text, `no built-in rule set is called "SpiderFoot-5" (there are: spiderfoot, scanreport)`) {
		t.Errorf("unknown set: %d rules, %v", len(got.Rules), got.Problems)
	}
	if got := LoadSelection(Selection{}); len(got.Rules) != 0 || len(got.Problems) != 0 {
		t.Errorf("nothing chosen: %v %v", ruleIDs(got.Rules), got.Problems)
	}
}

// TestSelectionFolder: a folder's rule of a built-in id replaces that rule
// in place (and can be turned off by the same id); its other rules are
// added after the sets'.
func TestSelectionFolder(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join(sfRulesDir, "stale_host.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	mine := strings.Replace(string(orig), "risk: HIGH", "risk: LOW", 1)
	if mine == string(orig) {
		t.Fatal("stale_host is no longer HIGH: change the test")
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("stale_host.yaml", mine)
	write("zz_mine.yaml", strings.Replace(goodRule, "id: x", "id: zz_mine", 1))
	got := LoadSelection(Selection{Sets: []string{"spiderfoot", "scanreport"}, Dir: dir})
	if len(got.Problems) > 0 || got.Unread != nil {
		t.Fatalf("problems %v, unread %v", got.Problems, got.Unread)
	}
	if len(got.Rules) != 53 {
		t.Fatalf("%d rules, want 52 + 1", len(got.Rules))
	}
	def := LoadSelection(DefaultSelection())
	for i, r := range def.Rules {
		g := got.Rules[i]
		if g.ID != r.ID {
			t.Fatalf("rule %d: %s, want %s in place", i, g.ID, r.ID)
		}
		if r.ID == "stale_host" {
			if g.Set != FolderSet || g.Replaces != "spiderfoot" || g.Risk != RiskLow {
				t.Errorf("replaced rule: set %q replaces %q risk %s", g.Set, g.Replaces, g.Risk)
			}
		} else if g.Set != r.Set {
			t.Errorf("%s: set %s, want %s", g.ID, g.Set, r.Set)
		}
	}
	if last := got.Rules[52]; last.ID != "zz_mine" || last.Set != FolderSet || last.Replaces != "" {
		t.Errorf("added rule: %s set %q replaces %q", last.ID, last.Set, last.Replaces)
	}
	off := LoadSelection(Selection{Sets: []string{"spiderfoot"}, Dir: dir, Disable: []string{"stale_host", "zz_mine"}})
	if len(off.Rules) != 36 || len(off.Problems) > 0 {
		t.Errorf("turned off: %d rules, %v", len(off.Rules), off.Problems)
	}
}

// TestSelectionMissingFolder: a rules folder that cannot be read is an
// error naming its path, Unread says so, and the built-in sets still run.
// An id to turn off is then not reported as unknown: it may be one of the
// unread folder's.
func TestSelectionMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-rules")
	got := LoadSelection(Selection{Sets: []string{"scanreport"}, Dir: dir, Disable: []string{"my_rule"}})
	if got.Unread == nil || !strings.Contains(got.Unread.Error(), dir) || !strings.Contains(got.Unread.Error(), "no such file or directory") {
		t.Errorf("unread: %v", got.Unread)
	}
	if len(got.Rules) != 15 {
		t.Errorf("%d rules, want the 15 built-in", len(got.Rules))
	}
	if len(got.Problems) != 1 || got.Problems[0].Severity != scan.Error || got.Problems[0].File != filepath.ToSlash(dir) ||
		!strings.Contains(got.Problems[0].Text, "rules folder "+dir+" not read, none of its rules ran: no such file or directory") {
		t.Errorf("problems: %v", got.Problems)
	}
	// A file where the folder should be.
	file := filepath.Join(t.TempDir(), "rules")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := LoadSelection(Selection{Dir: file}); got.Unread == nil || len(got.Problems) != 1 {
		t.Errorf("a file as folder: unread %v, problems %v", got.Unread, got.Problems)
	}
}

// TestSelectionSetCollision: two built-in sets with a rule of the same id
// give a warning, and the set named later wins (the real sets never
// collide: TestDefaultSelection).
func TestSelectionSetCollision(t *testing.T) {
	rule := func(id, risk string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(strings.Replace(strings.Replace(goodRule, "id: x", "id: "+id, 1), "risk: HIGH", "risk: "+risk, 1))}
	}
	sets := map[string]defaultrules.Set{
		"a": {Name: "a", FS: fstest.MapFS{"same.yaml": rule("same", "LOW"), "only_a.yaml": rule("only_a", "LOW")}},
		"b": {Name: "b", FS: fstest.MapFS{"same.yaml": rule("same", "HIGH")}},
	}
	lookup := func(n string) (defaultrules.Set, bool) { s, ok := sets[n]; return s, ok }
	got := loadSelection(Selection{Sets: []string{"a", "b"}}, lookup)
	check(t, "ids", ruleIDs(got.Rules), []string{"only_a", "same"})
	if r := got.Rules[1]; r.Set != "b" || r.Risk != RiskHigh || r.Replaces != "a" {
		t.Errorf("same: set %s risk %s replaces %s", r.Set, r.Risk, r.Replaces)
	}
	check(t, "problems", problemTexts(got.Problems), []string{`builtin:b/same.yaml: warning: rule id "same" of set "b" is also in set "a"; the one of "b" runs`})
}

// TestFingerprintFollowsSelection: the cache key changes with the chosen
// sets, a rule turned off, and a folder rule replacing a built-in one.
func TestFingerprintFollowsSelection(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join(defaultRulesDir, "rare_network_owner.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rare_network_owner.yaml"), append(orig, "# mine\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	fps := map[string]string{}
	for name, sel := range map[string]Selection{
		"default":    DefaultSelection(),
		"scanreport": {Sets: []string{"scanreport"}},
		"spiderfoot": {Sets: []string{"spiderfoot"}},
		"disabled":   {Sets: []string{"spiderfoot", "scanreport"}, Disable: []string{"stale_host"}},
		"replaced":   {Sets: []string{"spiderfoot", "scanreport"}, Dir: dir},
	} {
		fp := Fingerprint(LoadSelection(sel).Rules)
		for other, o := range fps {
			if o == fp {
				t.Errorf("%s and %s have the same fingerprint", name, other)
			}
		}
		fps[name] = fp
	}
	if Fingerprint(LoadSelection(DefaultSelection()).Rules) != fps["default"] {
		t.Error("fingerprint not stable")
	}
}
