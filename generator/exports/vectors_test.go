package exports_test

// The exports' test vectors for the browser (testdata/export-vectors.json):
// one small scan with the shapes real data has, as the browser reads it
// (the scan list row's attributes, manifest.js, the element chunks and
// fp.js of a real build) and the exact bytes the Go writers make of it:
// the multi-scan CSV with the scan as its one scan (defused and not), the
// one-scan JSON, and the GEXF in both versions. static/test/exports.test.cjs
// feeds the browser's writers the same inputs and must get the same bytes
// (the JSON where the two formats agree, docs/exports.md). Rewrite the
// file after a change to the output that is meant:
//
//	go test ./generator/exports -run TestExportVectors -args -update-vectors

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/exports"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

var updateVectors = flag.Bool("update-vectors", false, "rewrite testdata/export-vectors.json")

const vectorsFile = "export-vectors.json"

// exportVectors is testdata/export-vectors.json.
type exportVectors struct {
	Comment string `json:"comment"`
	// Info is what the scan list row says of the scan (the browser's
	// ScanInfo, read from the built index.html as downloads.ts reads it).
	Info     map[string]any    `json:"info"`
	Manifest json.RawMessage   `json:"manifest"`
	Chunks   []json.RawMessage `json:"chunks"` // in manifest order
	FP       json.RawMessage   `json:"fp"`
	// The Go writers' output, byte for byte.
	CSVDefused string `json:"csv_defused"` // WriteCSV with the Scan Name column, defused
	CSVRaw     string `json:"csv_raw"`     // the same, not defused
	JSON       string `json:"json"`        // WriteJSON
	GEXF12     string `json:"gexf_1_2"`    // WriteGEXF, GEXF 1.2draft
	GEXF13     string `json:"gexf_1_3"`    // WriteGEXF, GEXF 1.3
}

// vectorScanID is the scan the vectors are made of.
const vectorScanID = "vectors-acme"

// writeVectorScan writes the scan: values with newlines and <SFURL>
// markers, an API key in a URL, formula-like values, Unicode, quotes,
// empty fields, risky elements and a false positive with a child.
func writeVectorScan(t *testing.T, root string) {
	t.Helper()
	start := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	w, err := scan.Create(root, scan.Meta{ID: vectorScanID, Name: `ACME "Q4", <review> & Ünïcode – Ω`, Target: "acme.example",
		TargetType: "INTERNET_NAME", Kind: scan.KindAutomated, Status: scan.StatusRunning, Created: start, Started: start})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Root(start); err != nil {
		t.Fatal(err)
	}
	at := func(ms int) time.Time { return start.Add(time.Duration(ms) * time.Millisecond) }
	add := func(e scan.Element) string {
		t.Helper()
		id, err := w.Add(e)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	www := add(scan.Element{Type: "INTERNET_NAME", Data: "www.acme.example", Source: scan.RootID, Module: "sfp_dnsresolve", Generated: at(1400)})
	ip := add(scan.Element{Type: "IP_ADDRESS", Data: "192.0.2.10", Source: www, Module: "sfp_dnsresolve", Generated: at(1500)})
	add(scan.Element{Type: "MALICIOUS_IPADDR", Data: "192.0.2.10", Source: ip, Module: "sfp_spamhaus", Generated: at(2600), Risk: 80})
	add(scan.Element{Type: "RAW_RIR_DATA", Data: "line one\nline two, with <SFURL>https://acme.example/api?api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc</SFURL>\r\nend", Source: ip, Module: "sfp_ripe", Generated: at(3000), Confidence: 50, Visibility: 75})
	add(scan.Element{Type: "DNS_TEXT", Data: "=cmd|' /C calc'!A0", Source: www, Module: "sfp_dnsraw", Generated: at(3499)})
	add(scan.Element{Type: "DNS_TEXT", Data: "v=spf1 include:x;@SUM(1+1) -all\t+1", Source: www, Module: "sfp_dnsraw", Generated: at(3500)})
	add(scan.Element{Type: "RAW_DNS_RECORDS", Data: "  -2+3", Source: www, Module: "", Generated: at(4000)})
	uni := add(scan.Element{Type: "INTERNET_NAME", Data: "Ünïcödé.acme.example", Source: scan.RootID, Module: "sfp_crt", Generated: at(5000)})
	add(scan.Element{Type: "AFFILIATE_INTERNET_NAME", Data: "日本語.example", Source: uni, Module: "sfp_crt", Generated: at(5100)})
	add(scan.Element{Type: "SOCIAL_MEDIA", Data: `She said "hi", then 'bye' 🔥`, Source: uni, Module: "sfp,comma", Generated: at(6000)})
	add(scan.Element{Type: "RAW_RIR_DATA", Data: "", Source: uni, Module: "sfp_empty", Generated: at(6100)})
	add(scan.Element{Type: "RAW_RIR_DATA", Data: "a lone CR\rinside and a tab\there and U+2028\u2028and /.*admin.*/", Source: uni, Module: "sfp_ripe", Generated: at(6200)})
	fp := add(scan.Element{Type: "INTERNET_NAME", Data: "fp.acme.example", Source: www, Module: "sfp_dnsbrute", Generated: at(7000)})
	add(scan.Element{Type: "IP_ADDRESS", Data: "198.51.100.7", Source: fp, Module: "sfp_dnsresolve", Generated: at(7100)})
	add(scan.Element{Type: "VULNERABILITY_CVE_CRITICAL", Data: "CVE-2024-0001 <script>alert(1)</script>", Source: ip, Module: "sfp_shodan", Generated: at(8000), Risk: 100})
	if err := w.SetStatus(scan.StatusFinished, at(9000)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := scan.AppendDecision(filepath.Join(root, vectorScanID), scan.Decision{Time: at(9500), Op: scan.OpFPSet, Element: fp, By: "vectors"}); err != nil {
		t.Fatal(err)
	}
}

// makeVectors builds the scan into a site and writes the vectors of it.
func makeVectors(t *testing.T) exportVectors {
	t.Helper()
	dir := t.TempDir()
	root, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	writeVectorScan(t, root)
	o := sitecheck.BuildOptions(root, out)
	o.Bundle = func(string) ([]byte, error) { return []byte("/* bundle */"), nil }
	if _, err := generator.Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	s, err := generator.LoadScan(o, vectorScanID)
	if err != nil {
		t.Fatal(err)
	}
	v := exportVectors{Comment: "Written by go test ./generator/exports -run TestExportVectors -args -update-vectors; read by static/test/exports.test.cjs. Do not edit."}
	v.Info = scanRow(t, out, vectorScanID)
	data := filepath.Join(out, "scans", vectorScanID, "data")
	var m testread.Manifest
	testread.Payload(t, filepath.Join(data, "manifest.js"), &m)
	testread.Payload(t, filepath.Join(data, "manifest.js"), &v.Manifest)
	testread.Payload(t, filepath.Join(data, m.FP.F), &v.FP)
	for _, ty := range m.Types {
		for _, c := range ty.Chunks {
			var raw json.RawMessage
			testread.Payload(t, filepath.Join(data, c.F), &raw)
			v.Chunks = append(v.Chunks, raw)
		}
	}
	var b bytes.Buffer
	write := func(f func(*bytes.Buffer) error) string {
		t.Helper()
		b.Reset()
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b.Bytes()) {
			t.Fatal("a writer made invalid UTF-8")
		}
		return b.String()
	}
	v.CSVDefused = write(func(b *bytes.Buffer) error { return exports.WriteCSV(b, s, true, s.Meta.Name, true) })
	v.CSVRaw = write(func(b *bytes.Buffer) error { return exports.WriteCSV(b, s, false, s.Meta.Name, true) })
	v.JSON = write(func(b *bytes.Buffer) error { return exports.WriteJSON(b, s) })
	v.GEXF12 = write(func(b *bytes.Buffer) error { return exports.WriteGEXF(b, s, exports.GEXF12) })
	v.GEXF13 = write(func(b *bytes.Buffer) error { return exports.WriteGEXF(b, s, exports.GEXF13) })
	return v
}

// scanRow reads the scan list row of scan id in the site's index.html as
// the browser's downloads.ts scanInfo reads it.
func scanRow(t *testing.T, site, id string) map[string]any {
	t.Helper()
	doc := sitecheck.ParseHTML(t, site, "index.html")
	var row map[string]any
	sitecheck.Walk(doc, func(n *html.Node) {
		if n.Data != "input" || row != nil {
			return
		}
		if c, _ := sitecheck.Attr(n, "class"); !slices.Contains(strings.Fields(c), "scan-select") {
			return
		}
		if v, _ := sitecheck.Attr(n, "value"); v != id {
			return
		}
		tr := n.Parent
		for tr != nil && tr.Data != "tr" {
			tr = tr.Parent
		}
		if tr == nil {
			return
		}
		a := func(k string) string { v, _ := sitecheck.Attr(tr, "data-"+k); return v }
		invs := []string{}
		sitecheck.Walk(tr, func(n *html.Node) {
			if c, _ := sitecheck.Attr(n, "class"); slices.Contains(strings.Fields(c), "tag") && n.Parent != nil {
				if pc, _ := sitecheck.Attr(n.Parent, "class"); slices.Contains(strings.Fields(pc), "c-inv") {
					invs = append(invs, text(n))
				}
			}
		})
		var count float64
		if err := json.Unmarshal([]byte(a("count")), &count); err != nil {
			t.Fatalf("data-count=%q", a("count"))
		}
		row = map[string]any{"id": id, "name": a("name"), "target": a("target"), "status": a("status"), "kind": a("kind"),
			"created": a("created"), "started": a("started"), "ended": a("ended"), "count": count,
			"investigations": invs, "data": "scans/" + id + "/data/"}
	})
	if row == nil {
		t.Fatalf("index.html has no scan list row for %s", id)
	}
	return row
}

func text(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func encodeVectors(t *testing.T, v exportVectors) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExportVectors fails when testdata/export-vectors.json is not what
// the Go writers make now; -update-vectors rewrites it.
func TestExportVectors(t *testing.T) {
	v := makeVectors(t)
	got := encodeVectors(t, v)
	file := filepath.Join("testdata", vectorsFile)
	if *updateVectors {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", file, len(got))
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -args -update-vectors to write it)", err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%s is stale: it differs at byte %d (%q, now %q). If the change to the output is meant, run\n"+
			"  go test ./generator/exports -run TestExportVectors -args -update-vectors\nand run make test-node: the browser's writers must follow.",
			file, i, want[i:min(len(want), i+80)], got[i:min(len(got), i+80)])
	}
	// The vectors hold what the browser test needs.
	if len(v.Chunks) < 5 || !strings.Contains(v.CSVDefused, "'=cmd") || !strings.Contains(v.CSVRaw, ",=cmd|' /C calc'!A0\r\n") ||
		!strings.Contains(v.JSON, `"false_positive":true`) || !strings.Contains(v.GEXF12, `r="255" g="140" b="0"`) {
		t.Errorf("the vectors miss a shape: %d chunks", len(v.Chunks))
	}
}
