package e2e

import (
	"fmt"
	"strings"
	"testing"
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
