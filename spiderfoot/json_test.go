package spiderfoot

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/testread"
)

// sfJSON writes elements as SpiderFoot's JSON export does: json.dumps with
// its ", " and ": " separators and non-ASCII escaped.
func sfJSON(elems [][8]string) string {
	var parts []string
	for _, e := range elems {
		parts = append(parts, fmt.Sprintf(`{"data": %s, "event_type": %s, "module": %s, "source_data": %s, "false_positive": %s, "last_seen": %s, "scan_name": %s, "scan_target": %s}`,
			e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func TestImportJSON(t *testing.T) {
	q := func(s string) string { return `"` + s + `"` }
	name := q(`Acme &lt;1&gt;`)
	elems := [][8]string{
		{q("acme.example"), q("INTERNET_NAME"), q("SpiderFoot UI"), q("acme.example"), "0", q("2023-11-14 22:13:20"), name, q("acme.example")},
		{q("192.0.2.1"), q("IP_ADDRESS"), q("sfp_dnsresolve"), q("acme.example"), "0", q("2023-11-14 22:13:21"), name, q("acme.example")},
		{q("bad.acme.example"), q("INTERNET_NAME"), q("sfp_spider"), q("acme.example"), "1", q("2023-11-14 22:13:22"), name, q("acme.example")},
		{q("192.0.2.9"), q("IP_ADDRESS"), q("sfp_dnsresolve"), q("bad.acme.example"), "1", q("2023-11-14 22:13:23"), name, q("acme.example")},
		{q(`Z\u00fcrich \ud83d\ude00`), q("GEOINFO"), q("sfp_geo"), q("192.0.2.1"), "0", q("2023-11-14 22:13:24"), name, q("acme.example")},
		{q(`line1\nline2`), q("RAW_RIR_DATA"), q("sfp_whois"), q("192.0.2.1"), "0", q("2023-11-14 22:13:25"), name, q("acme.example")},
		// Another scan in the same file.
		{q("other.example"), q("INTERNET_NAME"), q("SpiderFoot UI"), q("other.example"), "0", q("2023-11-15 10:00:00"), q("Other"), q("other.example")},
		{q("198.51.100.1"), q("IP_ADDRESS"), q("sfp_dnsresolve"), q("other.example"), "0", q("2023-11-15 10:00:01"), q("Other"), q("other.example")},
		// Not an element.
		{q("x"), "null", q("m"), q(""), "0", q("2023-11-15 10:00:02"), q("Other"), q("other.example")},
	}
	doc := sfJSON(elems)
	root := t.TempDir()
	sum, err := ImportJSON(context.Background(), strings.NewReader(doc), Options{ScansRoot: root, Source: "SpiderFoot.json"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(summaryText(sum))
	if len(sum.Scans) != 2 || sum.Scans[0].Elements != 7 || sum.Scans[1].Elements != 3 {
		t.Fatalf("scans = %+v", sum.Scans)
	}
	if sum.Skipped["JSON export entries that are not elements"] != 1 {
		t.Errorf("skipped = %v", sum.Skipped)
	}
	id := ScanID("Acme &lt;1&gt;") + "-20231114-221320"
	rb := testread.Scan(t, root, id)
	if rb.Meta.Name != "Acme <1>" || rb.Meta.Target != "acme.example" || rb.Meta.TargetType != "INTERNET_NAME" {
		t.Errorf("meta = %+v", rb.Meta)
	}
	var geo, ip9 string
	for _, e := range rb.Elements {
		switch e.Type {
		case "GEOINFO":
			geo = e.Data
			if rb.ByID[e.Source].Data != "192.0.2.1" {
				t.Errorf("GEOINFO under %q", rb.ByID[e.Source].Data)
			}
			if !e.Generated.Equal(time.Date(2023, 11, 14, 22, 13, 24, 0, time.UTC)) {
				t.Errorf("time = %v", e.Generated)
			}
		case "IP_ADDRESS":
			if e.Data == "192.0.2.9" {
				ip9 = rb.ByID[e.Source].Data
			}
		}
	}
	if geo != "Zürich 😀" {
		t.Errorf("escaped unicode read as %q", geo)
	}
	if ip9 != "bad.acme.example" {
		t.Errorf("192.0.2.9 under %q", ip9)
	}
	ms := loadModel(t, root, id)
	var fps []string
	for _, fid := range fpIDs(ms) {
		fps = append(fps, rb.ByID[fid].Data)
	}
	if len(fps) != 2 || len(rb.Review) != 1 {
		t.Errorf("false positives = %v, decisions %+v", fps, rb.Review)
	}
	// --scan picks one; a file cut short is an error.
	sum, err = ImportJSON(context.Background(), strings.NewReader(doc), Options{ScansRoot: t.TempDir(), Scans: []string{"Other"}})
	if err != nil || len(sum.Scans) != 1 || !reflect.DeepEqual(sum.Scans[0].Name, "Other") {
		t.Errorf("--scan: %v %+v", err, sum)
	}
	if _, err := ImportJSON(context.Background(), strings.NewReader(doc[:len(doc)/2]), Options{ScansRoot: t.TempDir()}); err == nil {
		t.Error("a cut JSON export imported")
	}
}
