package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/scan"
)

// TestGuessedLinkShown: an element whose source an import guessed from its
// value says so in its details and on its discovery path; one whose source
// was certain does not.
func TestGuessedLinkShown(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	// As an import of SpiderFoot's CSV writes it: dup.acme.example was
	// found twice (two modules), so the IP address found from it had two
	// possible sources, and its link is marked as guessed.
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	w, err := scan.Create(scans, scan.Meta{ID: "sf-acme", Name: "acme", Target: "acme.example", Kind: scan.KindAutomated,
		Status: scan.StatusFinished, Created: at, Started: at, Ended: at.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Root(at); err != nil {
		t.Fatal(err)
	}
	for _, e := range []scan.Element{
		{ID: "e1", Type: "INTERNET_NAME", Data: "acme.example", Source: "ROOT", Module: "SpiderFoot UI"},
		{ID: "e2", Type: "INTERNET_NAME", Data: "dup.acme.example", Source: "e1", Module: "sfp_dnsbrute"},
		{ID: "e3", Type: "INTERNET_NAME", Data: "dup.acme.example", Source: "e1", Module: "sfp_crt"},
		{ID: "e4", Type: "IP_ADDRESS", Data: "192.0.2.7", Source: "e2", Module: "sfp_dnsresolve", Link: scan.LinkGuessed},
	} {
		e.Generated = at.Add(time.Second)
		if _, err := w.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	id := "sf-acme"
	if _, err := generator.Build(context.Background(), sitecheck.BuildOptions(scans, out)); err != nil {
		t.Fatal(err)
	}
	s, err := loadModel(scans, id)
	if err != nil {
		t.Fatal(err)
	}
	ip := int32(-1)
	for i := range s.Elements {
		if s.Elements[i].Data == "192.0.2.7" {
			ip = int32(i)
		}
	}
	b := newBrowser(t)

	p := b.open(t, fileURL(out, "scans/"+id+"/types/ip_address.html"))
	waitLoaded(p, 1, 30*time.Second)
	p.click(`#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="2"] .c-module`)
	p.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
	if d := p.text("#element-detail .detail-flags"); !strings.Contains(d, "Link guessed from value") {
		t.Errorf("the detail panel does not say the link was guessed: %q", p.text("#element-detail"))
	}

	// A certain link (one element with the source's value) is not marked.
	q := b.open(t, fileURL(out, "scans/"+id+"/types/internet_name.html"))
	waitLoaded(q, 3, 30*time.Second)
	q.click(`#element-table .vt-grid:not([hidden]) .vt-row[aria-rowindex="2"] .c-module`)
	q.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
	if d := q.text("#element-detail"); strings.Contains(d, "guessed") {
		t.Errorf("a certain link is marked as guessed: %q", d)
	}

	v := openVis(t, b, fileURL(out, "scans/"+id+"/visualise.html")+fmt.Sprintf("#el=%d", ip))
	v.waitFor(`document.querySelectorAll("#vis-chain .chain-step").length > 0`, 0, "")
	steps := v.texts("#vis-chain .chain-step")
	if len(steps) != 4 || !strings.Contains(steps[0], "link guessed from value") || strings.Contains(steps[1], "guessed") {
		t.Errorf("discovery path: %q", steps)
	}
}
