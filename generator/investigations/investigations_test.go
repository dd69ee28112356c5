package investigations

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

func TestParseFrontMatter(t *testing.T) {
	src := "+++\n" +
		"title = \"ACME external, Q4\"\n" +
		"summary = \"Quarterly review\"\n" +
		"owner = \"j.doe\"\n" +
		"created = 2026-11-17\n" +
		"+++\n" +
		"# Scope\n\nEverything.\n"
	inv, err := Parse("acme-q4", []byte(src), "investigations/acme-q4.md")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Title != "ACME external, Q4" || inv.Summary != "Quarterly review" || inv.Owner != "j.doe" {
		t.Errorf("got %+v", inv)
	}
	if want := time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC); !inv.Created.Equal(want) {
		t.Errorf("created %v, want %v", inv.Created, want)
	}
	if string(inv.Notes) != "# Scope\n\nEverything.\n" {
		t.Errorf("notes %q", inv.Notes)
	}
	if inv.Problem != "" {
		t.Errorf("problem %q", inv.Problem)
	}

	// CRLF line ends, a date-time with an offset, an empty front matter.
	inv, err = Parse("x", []byte("+++\r\ncreated = 2026-11-17T10:00:00+02:00\r\n+++\r\nnotes\r\n"), "x.md")
	if err != nil || !inv.Created.Equal(time.Date(2026, 11, 17, 8, 0, 0, 0, time.UTC)) || string(inv.Notes) != "notes\r\n" || inv.Title != "x" {
		t.Errorf("CRLF: %+v, %v", inv, err)
	}
	inv, err = Parse("empty", []byte("+++\n+++\n"), "empty.md")
	if err != nil || inv.Title != "empty" || len(inv.Notes) != 0 {
		t.Errorf("empty front matter: %+v, %v", inv, err)
	}
}

func TestParseNoFrontMatter(t *testing.T) {
	src := "# Just notes\n\n+++\nnot front matter\n+++\n"
	inv, err := Parse("plain", []byte(src), "plain.md")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Title != "plain" || string(inv.Notes) != src {
		t.Errorf("got title %q notes %q", inv.Title, inv.Notes)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line      int
		text      string
	}{
		{"broken TOML", "+++\ntitle = \"ok\"\nsummary = unquoted words\n+++\nnotes\n", 3, "front matter"},
		{"unknown key", "+++\ntitle = \"ok\"\n\nstatus = \"open\"\n+++\nnotes\n", 4, `unknown key "status"`},
		{"wrong type", "+++\ntitle = 42\n+++\n", 2, "front matter"},
		{"bad created", "+++\ntitle = \"t\"\ncreated = \"last week\"\n+++\n", 3, "created"},
		{"never closed", "+++\ntitle = \"t\"\n# notes\n", 1, "never closed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			inv, err := Parse("inv", []byte(c.src), "investigations/inv.md")
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v, want an *Error", err)
			}
			if pe.Line != c.line || !strings.Contains(pe.Text, c.text) {
				t.Errorf("error %q (line %d), want line %d and %q", err, pe.Line, c.line, c.text)
			}
			if !strings.HasPrefix(err.Error(), "investigations/inv.md:") {
				t.Errorf("error %q does not name the file", err)
			}
			// The investigation still exists, without its notes.
			if inv == nil || inv.Title != "inv" || inv.Notes != nil || inv.Problem == "" {
				t.Errorf("investigation %+v", inv)
			}
		})
	}
}

func TestValidName(t *testing.T) {
	for _, ok := range []string{"acme-external-2026q4", "a", "A.b_c-1"} {
		if err := ValidName(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "-x", ".x", "a/b", "../x", "a b", "<script>", "index", "INDEX", strings.Repeat("a", 129), "javascript:alert(1)"} {
		if err := ValidName(bad); err == nil {
			t.Errorf("%q accepted", bad)
		} else if strings.Contains(err.Error(), "scan id") {
			t.Errorf("%q: message speaks of scan ids: %v", bad, err)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "investigations")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", "+++\ntitle = \"Good\"\n+++\nnotes\n")
	write("broken.md", "+++\ntitle = \"x\"\nbogus = 1\n+++\n")
	write("bad name.md", "x")
	write("index.md", "x")
	write(".hidden.md", "x")
	write("other.txt", "x")
	write("big.md", strings.Repeat("x", MaxFile+1))
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "escape.md")); err != nil {
		t.Fatal(err)
	}
	var probs []scan.Problem
	invs, err := Load(dir, func(p scan.Problem) { probs = append(probs, p) })
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, inv := range invs {
		names = append(names, inv.Name)
	}
	if !slices.Equal(names, []string{"broken", "good"}) {
		t.Errorf("loaded %v", names)
	}
	if invs[1].Title != "Good" || string(invs[1].Notes) != "notes\n" {
		t.Errorf("good: %+v", invs[1])
	}
	if invs[0].Problem == "" || invs[0].Title != "broken" {
		t.Errorf("broken: %+v", invs[0])
	}
	got := map[string]scan.Problem{}
	for _, p := range probs {
		got[p.File] = p
	}
	if p := got["investigations/broken.md"]; p.Line != 3 || !strings.Contains(p.Text, "bogus") {
		t.Errorf("broken.md problem: %+v", p)
	}
	for _, f := range []string{"investigations/bad name.md", "investigations/index.md", "investigations/big.md", "investigations/escape.md"} {
		if _, ok := got[f]; !ok {
			t.Errorf("no problem reported for %s (got %v)", f, probs)
		}
	}
	if len(probs) != 5 {
		t.Errorf("%d problems: %v", len(probs), probs)
	}

	// No folder: no investigations, no error.
	invs, err = Load(filepath.Join(t.TempDir(), "none"), nil)
	if err != nil || invs != nil {
		t.Errorf("missing folder: %v, %v", invs, err)
	}
}

// TestMembership checks how scans join and leave investigations: scan.toml's
// list first, then review.jsonl's decisions in order.
func TestMembership(t *testing.T) {
	cat, err := eltypes.Load()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(id string, fromToml []string, decisions ...scan.Decision) *model.Scan {
		s := model.New(scan.Meta{ID: id, Target: "example.com", Investigations: fromToml}, cat, nil)
		for i, d := range decisions {
			s.AddDecision(d, i+1)
		}
		s.Finish()
		return s
	}
	add := func(n string) scan.Decision { return scan.Decision{Op: scan.OpInvestigationAdd, Investigation: n} }
	remove := func(n string) scan.Decision { return scan.Decision{Op: scan.OpInvestigationRemove, Investigation: n} }

	for _, c := range []struct {
		name      string
		toml      []string
		decisions []scan.Decision
		want      []string
	}{
		{"scan.toml only", []string{"a", "b"}, nil, []string{"a", "b"}},
		{"added", []string{"a"}, []scan.Decision{add("b")}, []string{"a", "b"}},
		{"added twice", nil, []scan.Decision{add("b"), add("b")}, []string{"b"}},
		{"removed from scan.toml's list", []string{"a", "b"}, []scan.Decision{remove("a")}, []string{"b"}},
		{"removed then added again", []string{"a"}, []scan.Decision{remove("a"), add("a")}, []string{"a"}},
		{"added then removed", nil, []scan.Decision{add("c"), remove("c")}, nil},
		{"removing a non-member does nothing", []string{"a"}, []scan.Decision{remove("z")}, []string{"a"}},
		{"order of first mention", []string{"b"}, []scan.Decision{add("a"), remove("b"), add("b")}, []string{"a", "b"}},
		{"false positives do not count", []string{"a"}, []scan.Decision{{Op: scan.OpFPSet, Element: "e1"}}, []string{"a"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := mk("s", c.toml, c.decisions...).Investigations(); !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}

	// The catalogue: files and names from scans, invalid names apart.
	s1 := mk("s1", []string{"acme", "<script>"})
	s2 := mk("s2", []string{"acme"}, add("vendor"), remove("acme"))
	s3 := mk("s3", nil, add("acme"))
	files := []*Investigation{{Name: "acme", Title: "ACME"}, {Name: "empty", Title: "Nobody yet"}}
	var members []Member
	for _, s := range []*model.Scan{s1, s2, s3} {
		members = append(members, Member{Scan: s.Meta.ID, Investigations: s.Investigations()})
	}
	c := Build(files, members)
	var names []string
	for _, g := range c.Groups {
		names = append(names, g.Name)
	}
	if !slices.Equal(names, []string{"acme", "empty", "vendor"}) {
		t.Errorf("groups %v", names)
	}
	if g := c.Group("acme"); g == nil || !g.HasFile || g.Title != "ACME" || !slices.Equal(g.Scans, []string{"s1", "s3"}) {
		t.Errorf("acme: %+v", g)
	}
	if g := c.Group("empty"); g == nil || len(g.Scans) != 0 {
		t.Errorf("empty: %+v", g)
	}
	if g := c.Group("vendor"); g == nil || g.HasFile || g.Title != "vendor" || !slices.Equal(g.Scans, []string{"s2"}) {
		t.Errorf("vendor (no file): %+v", g)
	}
	if !slices.Equal(c.Invalid, []string{"<script>"}) {
		t.Errorf("invalid %v", c.Invalid)
	}
}
