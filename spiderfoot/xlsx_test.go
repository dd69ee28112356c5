package spiderfoot

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// xlsxRows is a scan in time order, one second apart (so that no link
// depends on the order of rows found in the same second).
var xlsxRows = []sfRow{
	{"2023-11-14 22:13:20", "INTERNET_NAME", "SpiderFoot UI", "acme.example", "0", "acme.example"},
	{"2023-11-14 22:13:21", "IP_ADDRESS", "sfp_dnsresolve", "acme.example", "0", "192.0.2.1"},
	{"2023-11-14 22:13:22", "INTERNET_NAME", "sfp_spider", "acme.example", "1", "www.acme.example"},
	{"2023-11-14 22:13:23", "IP_ADDRESS", "sfp_dnsresolve", "www.acme.example", "1", "192.0.2.2"},
	{"2023-11-14 22:13:24", "TCP_PORT_OPEN", "sfp_portscan_tcp", "192.0.2.2", "1", "192.0.2.2:80"},
	{"2023-11-14 22:13:25", "RAW_RIR_DATA", "sfp_whois", "192.0.2.1", "0", "{\n  \"netname\": \"ACME, Inc.\"\n}"},
	{"2023-11-14 22:13:26", "EMAILADDR", "sfp_email", "www.acme.example", "0", "admin@acme.example"},
	// A type code longer than Excel's 31 characters.
	{"2023-11-14 22:13:27", "ACCOUNT_EXTERNAL_OWNED_COMPROMISED", "sfp_haveibeenpwned", "admin@acme.example", "0", "admin@acme.example [Example breach]"},
	{"2023-11-14 22:13:28", "WEBSERVER_BANNER", "sfp_banner", "192.0.2.1", "0", "=cmd|' /C calc'!A0"},
	{"2023-11-14 22:13:29", "CUSTOM_THING", "sfp_custom", "192.0.2.1", "0", "custom"},
}

// spiderfootXLSX writes rows as SpiderFoot's buildExcel does: one sheet per
// type code (here cut to 31 characters, as Excel keeps them), sorted, the
// header row, then the rows without the type; scanName adds the multi-scan
// "Scan Name" column.
func spiderfootXLSX(t *testing.T, rows []sfRow, scanName func(i int) string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	byType := map[string][][]any{}
	var names []string
	for i, r := range rows {
		name := r.typ
		if len(name) > maxSheetName {
			name = name[:maxSheetName]
		}
		if _, ok := byType[name]; !ok {
			names = append(names, name)
		}
		cells := []any{r.updated, r.module, r.source, int(r.fp[0] - '0'), r.data}
		if scanName != nil {
			cells = append([]any{scanName(i)}, cells...)
		}
		byType[name] = append(byType[name], cells)
	}
	slices.Sort(names)
	header := []any{"Updated", "Module", "Source", "F/P", "Data"}
	if scanName != nil {
		header = append([]any{"Scan Name"}, header...)
	}
	for _, name := range names {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for k, cells := range append([][]any{header}, byType[name]...) {
			if err := f.SetSheetRow(name, fmt.Sprintf("A%d", k+1), &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// elementKey is what an imported element is, with its source's data.
func elementKeys(t *testing.T, root, id string) []string {
	t.Helper()
	rb := testread.Scan(t, root, id)
	var out []string
	for _, e := range rb.Elements {
		src := e.Source
		if s, ok := rb.ByID[e.Source]; ok && e.Source != "ROOT" {
			src = s.Type + ":" + s.Data
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s", e.Type, e.Data, e.Module, e.Generated.UTC().Format(time.DateTime), src))
	}
	slices.Sort(out)
	return out
}

// The Excel export imports to the same scan as the CSV export of the same
// rows: types from the sheet names (a name cut to 31 characters maps back
// to its code), links rebuilt from the data, false positives kept.
func TestImportXLSXSingle(t *testing.T) {
	const acmeID = "sf-acme-20231114-221320"
	data := spiderfootXLSX(t, xlsxRows, nil)
	rootX, rootC := t.TempDir(), t.TempDir()
	sum, err := ImportXLSX(context.Background(), bytes.NewReader(data), Options{ScansRoot: rootX, Name: "acme", Source: "acme-SpiderFoot.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(summaryText(sum))
	var csvRows [][]string
	for _, r := range xlsxRows {
		csvRows = append(csvRows, r.fields())
	}
	if _, err := ImportCSV(context.Background(), bytes.NewReader(pythonCSV(csvHeader, csvRows, false)), Options{ScansRoot: rootC, Name: "acme"}); err != nil {
		t.Fatal(err)
	}
	ss := sum.Scans[0]
	if ss.ID != acmeID || ss.Elements != len(xlsxRows)+1 || ss.UnknownTypes["CUSTOM_THING"] != 1 || len(ss.UnknownTypes) != 1 {
		t.Errorf("summary = %+v", ss)
	}
	// Byte for byte: the same ids, links and order.
	for _, f := range []string{scan.ElementsFile, scan.MetaFile, scan.ReviewFile} {
		x, _ := os.ReadFile(filepath.Join(rootX, acmeID, f))
		c, _ := os.ReadFile(filepath.Join(rootC, acmeID, f))
		if len(x) == 0 || !bytes.Equal(x, c) {
			t.Errorf("%s of the Excel and CSV imports differ:\n%s\n%s", f, x, c)
		}
	}
	gotX, gotC := elementKeys(t, rootX, acmeID), elementKeys(t, rootC, acmeID)
	if !slices.Equal(gotX, gotC) {
		t.Errorf("Excel and CSV imports differ:\nExcel %q\nCSV   %q", gotX, gotC)
	}
	if !slices.ContainsFunc(gotX, func(k string) bool {
		return strings.HasPrefix(k, "ACCOUNT_EXTERNAL_OWNED_COMPROMISED|admin@acme.example [Example breach]|") && strings.HasSuffix(k, "|EMAILADDR:admin@acme.example")
	}) {
		t.Errorf("the cut sheet name did not map back to its code, or its link is lost: %q", gotX)
	}
	rb := testread.Scan(t, rootX, acmeID)
	if rb.Meta.Target != "acme.example" || len(rb.Review) == 0 {
		t.Errorf("meta %+v, %d review decisions (false positives)", rb.Meta, len(rb.Review))
	}
}

func TestImportXLSXMulti(t *testing.T) {
	data := spiderfootXLSX(t, xlsxRows, func(i int) string {
		if i < 5 {
			return "Scan A"
		}
		return "Scan B"
	})
	root := t.TempDir()
	sum, err := ImportXLSX(context.Background(), bytes.NewReader(data), Options{ScansRoot: root, Source: "SpiderFoot.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Scans) != 2 || sum.Scans[0].Elements+sum.Scans[1].Elements != len(xlsxRows)+2 {
		t.Errorf("scans = %+v", sum.Scans)
	}
	sum, err = ImportXLSX(context.Background(), bytes.NewReader(data), Options{ScansRoot: t.TempDir(), Scans: []string{"Scan B"}})
	if err != nil || len(sum.Scans) != 1 || sum.Scans[0].Name != "Scan B" {
		t.Errorf("--scan: %v %+v", err, sum)
	}
	// Not a workbook; a workbook of something else.
	if _, err := ImportXLSX(context.Background(), strings.NewReader("Updated,Type\r\n"), Options{ScansRoot: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "not a SpiderFoot Excel export") {
		t.Errorf("a CSV file read as a workbook: %v", err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"Name", "Total"}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportXLSX(context.Background(), &b, Options{ScansRoot: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "not a SpiderFoot Excel export") {
		t.Errorf("a foreign workbook: %v", err)
	}
}

// A date cell (a workbook saved again by a spreadsheet) reads as the time.
func TestXLSXTime(t *testing.T) {
	for cell, want := range map[string]time.Time{
		"2023-11-14 22:13:20": time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
		"45244.9259259259":    time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC),
		"nonsense":            {},
	} {
		if got := xlsxTime(cell, time.UTC); !got.Equal(want) {
			t.Errorf("%q → %v, want %v", cell, got, want)
		}
	}
}
