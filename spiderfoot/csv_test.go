package spiderfoot

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/exports"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// sfRow is one row of a SpiderFoot CSV export.
type sfRow struct{ updated, typ, module, source, fp, data string }

func (r sfRow) fields() []string { return []string{r.updated, r.typ, r.module, r.source, r.fp, r.data} }

// exportRows is a scan of acme.example as SpiderFoot's CSV export gives it
// (times in UTC here).
var exportRows = []sfRow{
	{"2023-11-14 22:13:20", "INTERNET_NAME", "SpiderFoot UI", "acme.example", "0", "acme.example"},
	{"2023-11-14 22:13:20", "DOMAIN_NAME", "SpiderFoot UI", "acme.example", "0", "acme.example"},
	{"2023-11-14 22:13:21", "IP_ADDRESS", "sfp_dnsresolve", "acme.example", "0", "192.0.2.1"},
	{"2023-11-14 22:13:22", "INTERNET_NAME", "sfp_spider", "acme.example", "1", "www.acme.example"},
	// Found in the same second as its source.
	{"2023-11-14 22:13:22", "IP_ADDRESS", "sfp_dnsresolve", "www.acme.example", "1", "192.0.2.2"},
	{"2023-11-14 22:13:23", "TCP_PORT_OPEN", "sfp_portscan_tcp", "192.0.2.2", "1", "192.0.2.2:80"},
	// A multi-line value with commas and quotes (Python writes the line
	// break raw inside the quotes).
	{"2023-11-14 22:13:24", "RAW_RIR_DATA", "sfp_whois", "192.0.2.1", "0", "{\n  \"netname\": \"ACME, Inc.\"\n}"},
	// A type given by its description.
	{"2023-11-14 22:13:25", "Malicious IP Address", "sfp_malware", "192.0.2.1", "0", "Listed by Example"},
	// The same IP found again: its children have two candidates.
	{"2023-11-14 22:13:26", "IP_ADDRESS", "sfp_other", "acme.example", "0", "192.0.2.1"},
	{"2023-11-14 22:13:27", "WEBSERVER_BANNER", "sfp_banner", "192.0.2.1", "0", " nginx"},
	{"2023-11-14 22:13:28", "Custom Thing", "sfp_custom", "192.0.2.1", "0", "=cmd|' /C calc'!A0"},
}

// pythonCSV writes rows as Python's csv module does (QUOTE_MINIMAL, CRLF).
func pythonCSV(header []string, rows [][]string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.Write(utf8BOM)
	}
	w := &exports.CSVWriter{W: &b}
	w.Row(header...)
	for _, r := range rows {
		w.Row(r...)
	}
	return b.Bytes()
}

// byData orders rows as SpiderFoot's export does (ORDER BY data).
func byData(rows []sfRow) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r.fields()
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i][5] < out[j][5] })
	return out
}

func TestImportCSVSingle(t *testing.T) {
	rows := append(append([]sfRow{}, exportRows...),
		// A source that names nothing: under ROOT, counted.
		sfRow{"2023-11-14 22:13:29", "EMAILADDR", "sfp_email", "ghost.example", "0", "a@acme.example"},
		// A source with SpiderFoot's <SFURL> markers, which the export strips
		// from data but not from source data.
		sfRow{"2023-11-14 22:13:30", "LINKED_URL_INTERNAL", "sfp_spider", "www.acme.example", "0", "https://acme.example/a"},
		sfRow{"2023-11-14 22:13:31", "WEBSERVER_BANNER", "sfp_spider", "<SFURL>https://acme.example/a</SFURL>", "0", "Apache"},
	)
	data := pythonCSV(csvHeader, byData(rows), true)
	if !bytes.Contains(data, []byte("\r\n")) || !bytes.Contains(data, []byte("{\n")) {
		t.Fatal("fixture lacks CRLF or a multi-line field")
	}
	root := t.TempDir()
	sum, err := ImportCSV(context.Background(), bytes.NewReader(data), Options{ScansRoot: root, Name: "acme", Source: "acme-SpiderFoot.csv"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(summaryText(sum))
	ss := sum.Scans[0]
	if ss.ID != "sf-acme-20231114-221320" || ss.Elements != len(rows)+1 || ss.UnmatchedLinks != 1 || ss.AmbiguousLinks == 0 {
		t.Errorf("summary = %+v", ss)
	}
	if ss.UnknownTypes["Custom Thing"] != 1 {
		t.Errorf("unknown types = %v", ss.UnknownTypes)
	}
	rb := testread.Scan(t, root, "sf-acme-20231114-221320")
	if rb.Meta.Target != "acme.example" || rb.Meta.TargetType != "INTERNET_NAME" || rb.Meta.Status != scan.StatusFinished {
		t.Errorf("meta = %+v", rb.Meta)
	}
	if !rb.Meta.Created.Equal(time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)) || !rb.Meta.Ended.Equal(time.Date(2023, 11, 14, 22, 13, 31, 0, time.UTC)) {
		t.Errorf("times = %v %v", rb.Meta.Created, rb.Meta.Ended)
	}
	if len(rb.Problems) != 0 {
		t.Errorf("problems reading the scan: %v", rb.Problems)
	}
	// Links: by data, entity first, most recent.
	byD := map[string][]scan.Element{}
	for _, e := range rb.Elements {
		byD[e.Data] = append(byD[e.Data], e)
	}
	dataOf := func(id string) string {
		if id == "ROOT" {
			return "ROOT"
		}
		return rb.ByID[id].Data
	}
	for _, c := range []struct{ data, typ, parent, parentType, parentModule string }{
		{"acme.example", "INTERNET_NAME", "ROOT", "", ""},
		{"192.0.2.1", "IP_ADDRESS", "acme.example", "INTERNET_NAME", "SpiderFoot UI"}, // same second: sfp_dnsresolve watches INTERNET_NAME
		{"192.0.2.2", "IP_ADDRESS", "www.acme.example", "INTERNET_NAME", "sfp_spider"},
		{"192.0.2.2:80", "TCP_PORT_OPEN", "192.0.2.2", "IP_ADDRESS", "sfp_dnsresolve"},
		{"Listed by Example", "MALICIOUS_IPADDR", "192.0.2.1", "IP_ADDRESS", "sfp_dnsresolve"}, // before the second 192.0.2.1
		{" nginx", "WEBSERVER_BANNER", "192.0.2.1", "IP_ADDRESS", "sfp_dnsresolve"},            // the earliest: a module answers a value once
		{"a@acme.example", "EMAILADDR", "ROOT", "", ""},
		{"Apache", "WEBSERVER_BANNER", "https://acme.example/a", "LINKED_URL_INTERNAL", "sfp_spider"},
	} {
		var e *scan.Element
		for i := range byD[c.data] {
			if byD[c.data][i].Type == c.typ && e == nil {
				e = &byD[c.data][i] // the first found
			}
		}
		if e == nil {
			t.Errorf("no %s %q", c.typ, c.data)
			continue
		}
		if got := dataOf(e.Source); got != c.parent {
			t.Errorf("%s %q: parent %q, want %q", c.typ, c.data, got, c.parent)
			continue
		}
		if c.parent != "ROOT" {
			p := rb.ByID[e.Source]
			if p.Type != c.parentType || p.Module != c.parentModule {
				t.Errorf("%s %q: parent %+v, want %s from %s", c.typ, c.data, p, c.parentType, c.parentModule)
			}
		}
	}
	// Both first events sit under ROOT.
	for _, e := range byD["acme.example"] {
		if e.Source != "ROOT" {
			t.Errorf("first event %+v not under ROOT", e)
		}
	}
	// The multi-line value, and a leading space, survive.
	if len(byD["{\n  \"netname\": \"ACME, Inc.\"\n}"]) != 1 || len(byD[" nginx"]) != 1 {
		t.Error("multi-line or space-led value lost")
	}
	// False positives: www.acme.example is named; its subtree follows.
	if len(rb.Review) != 1 || len(rb.Review[0].IDs()) != 1 || rb.ByID[rb.Review[0].IDs()[0]].Data != "www.acme.example" {
		t.Errorf("decisions = %+v", rb.Review)
	}
	ms := loadModel(t, root, "sf-acme-20231114-221320")
	var fps []string
	for _, id := range fpIDs(ms) {
		fps = append(fps, rb.ByID[id].Data)
	}
	sort.Strings(fps)
	if !reflect.DeepEqual(fps, []string{"192.0.2.2", "192.0.2.2:80", "Apache", "https://acme.example/a", "www.acme.example"}) {
		t.Errorf("false positives = %v", fps)
	}
	if ss.FPUnsynced != 2 { // the URL and the banner under www.acme.example were not flagged
		t.Errorf("unsynced = %d", ss.FPUnsynced)
	}

	// Same input, same directory; and a time zone.
	before := testread.Files(t, root)
	if _, err := ImportCSV(context.Background(), bytes.NewReader(data), Options{ScansRoot: root, Name: "acme", Source: "acme-SpiderFoot.csv"}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, testread.Files(t, root)) {
		t.Error("re-import differs")
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	if _, err := ImportCSV(context.Background(), bytes.NewReader(data), Options{ScansRoot: root, Name: "acme-berlin", Location: berlin}); err != nil {
		t.Fatal(err)
	}
	if got := testread.Scan(t, root, "sf-acme-berlin-20231114-211320").Meta.Created; !got.Equal(time.Date(2023, 11, 14, 21, 13, 20, 0, time.UTC)) {
		t.Errorf("Berlin time read as %v", got)
	}
}

func TestImportCSVMulti(t *testing.T) {
	header := append([]string{"Scan Name"}, csvHeader...)
	var rows [][]string
	for _, r := range exportRows[:6] {
		rows = append(rows, append([]string{"Scan A"}, r.fields()...))
	}
	rows = append(rows,
		[]string{"Scan B", "2023-11-15 08:00:00", "IP_ADDRESS", "SpiderFoot UI", "192.0.2.50", "0", "192.0.2.50"},
		[]string{"Scan B", "2023-11-15 08:00:01", "NETBLOCK_OWNER", "sfp_whois", "192.0.2.50", "0", "192.0.2.0/24"},
		[]string{"Scan B", "not a time", "INTERNET_NAME", "sfp_dns", "192.0.2.50", "0", "b.example"},
	)
	data := pythonCSV(header, rows, true)
	// A row with a missing field, and one with broken quoting.
	data = append(data, "Scan B,2023-11-15 08:00:02,IP_ADDRESS,sfp_x,0,1.2.3.4\r\n"...)
	data = append(data, "Scan B,2023-11-15 08:00:03,IP_ADDRESS,sfp_x,192.0.2.50,0,1.2.3\"4\r\n"...)
	data = append(data, "Scan B,2023-11-15 08:00:04,IP_ADDRESS,sfp_x,192.0.2.50,0,192.0.2.51\r\n"...)
	root := t.TempDir()
	sum, err := ImportCSV(context.Background(), bytes.NewReader(data), Options{ScansRoot: root, Source: "SpiderFoot.csv"})
	if err != nil {
		t.Fatal(err)
	}
	text := summaryText(sum)
	t.Log(text)
	if len(sum.Scans) != 2 || sum.Scans[0].Elements != 7 || sum.Scans[1].Elements != 5 {
		t.Errorf("scans = %+v", sum.Scans)
	}
	if sum.Skipped["CSV rows without 7 fields"] != 1 || sum.Skipped["CSV rows with broken quoting"] != 1 {
		t.Errorf("skipped = %v", sum.Skipped)
	}
	if sum.Scans[1].BadTimes != 1 {
		t.Errorf("bad times = %d", sum.Scans[1].BadTimes)
	}
	b := testread.Scan(t, root, ScanID("Scan B")+"-20231115-080000")
	if b.Meta.Name != "Scan B" || b.Meta.Target != "192.0.2.50" || b.Meta.TargetType != "IP_ADDRESS" {
		t.Errorf("meta B = %+v", b.Meta)
	}
	for _, e := range b.Elements {
		if e.Data == "b.example" && !e.Generated.Equal(b.Meta.Ended) {
			t.Errorf("unreadable time became %v", e.Generated)
		}
	}
	// --scan picks one.
	root2 := t.TempDir()
	sum, err = ImportCSV(context.Background(), bytes.NewReader(data), Options{ScansRoot: root2, Scans: []string{"Scan B"}})
	if err != nil || len(sum.Scans) != 1 || sum.Scans[0].Name != "Scan B" {
		t.Errorf("--scan: %v %+v", err, sum)
	}
	if _, err := ImportCSV(context.Background(), bytes.NewReader(data), Options{ScansRoot: root2, Scans: []string{"Scan C"}}); err == nil {
		t.Error("unknown scan name accepted")
	}
	// Not a SpiderFoot export.
	if _, err := ImportCSV(context.Background(), strings.NewReader("a,b,c\r\n1,2,3\r\n"), Options{ScansRoot: root2}); err == nil {
		t.Error("foreign CSV accepted")
	}
}

// TestCSVRoundTrip: a SpiderFoot CSV imported, then exported with our CSV
// download, gives the same rows.
func TestCSVRoundTrip(t *testing.T) {
	var rows [][]string
	for _, r := range exportRows {
		if r.typ == "Malicious IP Address" { // exported as its code
			r.typ = "MALICIOUS_IPADDR"
		}
		rows = append(rows, r.fields())
	}
	// A WHOIS record as SpiderFoot stores it, CR LF inside, and its child,
	// whose Source holds the same bytes.
	whois := "Domain Name: ACME.EXAMPLE\r\nRegistrar: Example Registrar, Inc.\r\n"
	rows = append(rows, []string{"2023-11-14 22:13:30", "DOMAIN_WHOIS", "sfp_whois", "acme.example", "0", whois},
		[]string{"2023-11-14 22:13:31", "DOMAIN_REGISTRAR", "sfp_whois", whois, "0", "Example Registrar, Inc."})
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][5] < rows[j][5] })
	in := pythonCSV(csvHeader, rows, false)
	if !bytes.Contains(in, []byte("ACME.EXAMPLE\r\nRegistrar")) {
		t.Fatal("the fixture lost its CR LF")
	}
	root := t.TempDir()
	if _, err := ImportCSV(context.Background(), bytes.NewReader(in), Options{ScansRoot: root, Name: "round"}); err != nil {
		t.Fatal(err)
	}
	s := loadModel(t, root, "sf-round-20231114-221320")
	var out bytes.Buffer
	if err := exports.WriteCSV(&out, s, false, "", true); err != nil {
		t.Fatal(err)
	}
	parse := func(b []byte) []string {
		// Our reader: it keeps CR LF inside fields (encoding/csv would not).
		r := newCSVReader(bufio.NewReader(bytes.NewReader(b)), ',')
		var lines []string
		for {
			rec, err := r.read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Join(rec, "\x1f"))
		}
		sort.Strings(lines)
		return lines
	}
	a, b := parse(in), parse(out.Bytes())
	if !slices.ContainsFunc(b, func(l string) bool {
		return strings.Contains(l, "DOMAIN_REGISTRAR") && strings.Contains(l, "ACME.EXAMPLE\r\n")
	}) {
		t.Errorf("the CR LF in the WHOIS record's child's Source is lost: %q", b)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("round trip differs:\nin:  %q\nout: %q", a, b)
	}
}
