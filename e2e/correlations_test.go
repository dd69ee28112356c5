package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/sitecheck"
)

// TestCorrelations checks the correlations of the finished sample scan: the
// counts by risk on the scan list, the overview and the correlations tab
// match the model, every correlation is listed with its headline, and
// opening one shows its elements with links into browse. Scans the rules do
// not run on say why.
func TestCorrelations(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	id := f.finished(t)
	s := f.scan(t, id)
	if !s.CorrelationsRun || len(s.Correlations) == 0 {
		t.Fatalf("the finished sample scan has no correlations (run %v)", s.CorrelationsRun)
	}
	counts := s.CorrelationCounts()
	want := fmt.Sprintf("%d %d %d %d", counts["HIGH"], counts["MEDIUM"], counts["LOW"], counts["INFO"])
	badges := func(p *tab, sel string) string {
		return strings.Join(strings.Fields(strings.Join(evalT[[]string](p, `[...document.querySelectorAll(`+jsString(sel)+`)].map(e => e.textContent.replace(/[^0-9]/g, ""))`), " ")), " ")
	}

	p := b.open(t, f.url("index.html"))
	if got := badges(p, `tr:has(input.scan-select[value=`+jsString(id)+`]) .risk-counts .badge`); got != want {
		t.Errorf("scan list correlation badges %q, want %q", got, want)
	}
	p.check()

	p = b.open(t, f.url("scans/"+id+"/index.html"))
	if got := badges(p, ".correlations-summary .badge"); got != want {
		t.Errorf("overview correlation badges %q, want %q", got, want)
	}
	p.clickNav(".correlations-summary a")
	if got := evalT[string](p, `document.body.dataset.page`); got != "correlations" {
		t.Fatalf("the overview's correlation counts lead to %q", got)
	}
	if got := badges(p, "section.correlations > .risk-counts .badge"); got != want {
		t.Errorf("correlations tab badges %q, want %q", got, want)
	}
	headlines := p.texts(".finding .headline")
	if len(headlines) != len(s.Correlations) {
		t.Fatalf("%d correlations listed, want %d", len(headlines), len(s.Correlations))
	}
	byHeadline := map[string]int{}
	for _, c := range s.Correlations {
		byHeadline[c.Headline]++
	}
	for _, h := range headlines {
		if byHeadline[h] == 0 {
			t.Errorf("listed headline %q is not a correlation of the scan", h)
		}
		byHeadline[h]--
	}
	// HIGH first.
	risks := p.texts(".finding summary .badge")
	for i := 1; i < len(risks); i++ {
		order := map[string]int{"HIGH": 0, "MEDIUM": 1, "LOW": 2, "INFO": 3}
		if order[risks[i]] < order[risks[i-1]] {
			t.Errorf("correlation %d (%s) listed after a %s one", i, risks[i], risks[i-1])
			break
		}
	}
	// Open the first: its elements, each linking to its type's table.
	p.click(".finding:first-child summary")
	p.waitFor(`document.querySelector(".finding:first-child details").open`, 0, "")
	rows := p.count(".finding:first-child tbody tr")
	first := s.Correlations[0]
	for _, c := range s.Correlations {
		if c.Headline == headlines[0] {
			first = c
			break
		}
	}
	if rows != min(len(first.Elements), 25) {
		t.Errorf("first correlation shows %d elements, want %d", rows, min(len(first.Elements), 25))
	}
	p.clickNav(".finding:first-child tbody tr:first-child a")
	if got := evalT[string](p, `document.body.dataset.page`); got != "elements" {
		t.Errorf("an element of a correlation leads to %q", got)
	}
	p.check()

	// Scans the rules do not run on say why.
	for _, sid := range f.ids {
		sc := f.scan(t, sid)
		if sc.CorrelationsRun {
			continue
		}
		p := b.open(t, f.url("scans/"+sid+"/correlations.html"))
		if txt := p.text("section.correlations .empty"); !strings.Contains(txt, "Correlation rules run") {
			t.Errorf("%s (%s %s): %q", sid, sc.Meta.Kind, sc.Meta.Status, txt)
		}
		p.check()
	}
}

// TestCorrelationRuleSets: SpiderFoot's 37 rules run by default beside
// scanreport's 15; the settings page lists all 52 and says which set each
// comes from, and a SpiderFoot rule's findings show on the finished scan.
func TestCorrelationRuleSets(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	p := b.open(t, f.url("settings.html"))
	rows := `section[aria-labelledby="h-rules"] tbody tr`
	if n := p.count(rows); n != 52 {
		t.Errorf("settings page lists %d rules, want 52", n)
	}
	sets := evalT[map[string]string](p, `Object.fromEntries([...document.querySelectorAll(`+jsString(rows)+`)].map(r => [r.querySelector("td code").textContent, r.querySelector(".rule-set").textContent]))`)
	bySet := map[string]int{}
	for _, s := range sets {
		bySet[s]++
	}
	if bySet["SpiderFoot 4.0"] != 37 || bySet["scanreport"] != 15 {
		t.Errorf("rules by set %v, want SpiderFoot 4.0: 37, scanreport: 15", bySet)
	}
	for id, want := range map[string]string{"multiple_malicious": "SpiderFoot 4.0", "vulnerability_critical": "SpiderFoot 4.0", "remote_admin_port_open": "scanreport"} {
		if sets[id] != want {
			t.Errorf("rule %s: set %q, want %q", id, sets[id], want)
		}
	}
	p.check()

	id := f.finished(t)
	fromSF := 0
	for _, c := range f.scan(t, id).Correlations {
		if sets[c.RuleID] == "SpiderFoot 4.0" {
			fromSF++
		}
	}
	if fromSF == 0 {
		t.Fatal("no correlation of the finished sample scan comes from SpiderFoot's rules")
	}
	p = b.open(t, f.url("scans/"+id+"/correlations.html"))
	listed := 0
	for _, rid := range p.texts(".rules-matched tbody code") {
		if sets[rid] == "SpiderFoot 4.0" {
			listed++
		}
	}
	if listed == 0 {
		t.Error("the By rule table lists no SpiderFoot rule")
	}
	if p.count(".rules-unread") != 0 {
		t.Error("the rules-not-read notice shows although every rule was read")
	}
	p.check()
}

// TestCorrelationRulesUnread: with the rules folder of config.toml
// missing, the Correlations tab and the overview of a finished scan say
// the rules were not read, naming the folder, and never that none of the
// rules matched; scans the rules do not run on still say why.
func TestCorrelationRulesUnread(t *testing.T) {
	f := site(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	missing := filepath.Join(dir, "my-rules")
	o := sitecheck.BuildOptions(f.Scans, out)
	o.Correlations.Sets = []string{}
	o.Correlations.RulesDir = missing
	res, err := generator.Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors < 1 {
		t.Errorf("build counts %d errors with the rules folder missing", res.Errors)
	}
	b := newBrowser(t)
	id := f.finished(t)
	p := b.open(t, fileURL(out, "scans/"+id+"/correlations.html"))
	notice := p.text("section.correlations .rules-unread")
	for _, want := range []string{"Correlation rules not read", missing, "no such file or directory", "no rule ran at all"} {
		if !strings.Contains(notice, want) {
			t.Errorf("correlations tab notice %q lacks %q", notice, want)
		}
	}
	if txt := p.text("section.correlations .empty"); strings.Contains(txt, "none of the rules matched") || txt == "" {
		t.Errorf("correlations tab says %q", txt)
	}
	if vis := evalT[bool](p, `(() => { const r = document.querySelector(".rules-unread").getBoundingClientRect(); return r.width > 0 && r.height > 0 })()`); !vis {
		t.Error("the notice is not visible")
	}
	p.check()

	p = b.open(t, fileURL(out, "scans/"+id+"/index.html"))
	if got := p.text(".correlations-summary .rules-unread"); !strings.Contains(got, missing) {
		t.Errorf("overview notice %q", got)
	}
	p.check()

	// A running scan: the rules would not run anyway; it says why.
	for _, sid := range f.ids {
		if sc := f.scan(t, sid); sc.Meta.Status == "RUNNING" {
			p = b.open(t, fileURL(out, "scans/"+sid+"/correlations.html"))
			if txt := p.text("section.correlations .empty"); !strings.Contains(txt, "Correlation rules run once the scan has finished") {
				t.Errorf("running scan %s: %q", sid, txt)
			}
			p.check()
			break
		}
	}
}
