package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The export imports through the command line: a file named after its scan
// ("<name>-SpiderFoot.csv|xlsx"), standard input for CSV, --scan, --target,
// and a refusal of what is not an export.
func TestImportExportCommands(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	csvFile := filepath.Join(dir, "acme-SpiderFoot.csv")
	csvText := "Updated,Type,Module,Source,F/P,Data\r\n" +
		"2026-11-20 10:00:00,INTERNET_NAME,SpiderFoot UI,acme.example,0,acme.example\r\n" +
		"2026-11-20 10:00:01,IP_ADDRESS,sfp_dnsresolve,acme.example,0,192.0.2.1\r\n"
	if err := os.WriteFile(csvFile, []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	xlsxFile := filepath.Join(dir, "globex-SpiderFoot.xlsx")
	f := excelize.NewFile()
	for sheet, rows := range map[string][][]any{
		"INTERNET_NAME": {{"Updated", "Module", "Source", "F/P", "Data"}, {"2026-11-21 09:00:00", "SpiderFoot UI", "globex.example", 0, "globex.example"}},
		"IP_ADDRESS":    {{"Updated", "Module", "Source", "F/P", "Data"}, {"2026-11-21 09:00:02", "sfp_dnsresolve", "globex.example", 0, "198.51.100.7"}},
	} {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			if err := f.SetSheetRow(sheet, "A"+string(rune('1'+i)), &rows[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(xlsxFile); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, c := range []struct {
		args []string
		id   string
	}{
		{[]string{"import", "spiderfoot-csv", csvFile, "--out", scans}, "sf-acme-20261120-100000"},
		{[]string{"import", "spiderfoot-xlsx", xlsxFile, "--out", scans, "--target", "globex.example"}, "sf-globex-20261121-090000"},
		{[]string{"import", "spiderfoot-csv", "-", "--out", scans, "--scan", "stdin-scan"}, "sf-stdin-scan-20261120-100000"},
	} {
		var code int
		var out, errOut string
		if c.args[2] == "-" {
			code, out, errOut = runCLIStdin(t, csvText, c.args...)
		} else {
			code, out, errOut = runCLI(t, c.args...)
		}
		if code != 0 || !strings.Contains(out, "Imported 1 scan (") || !strings.Contains(out, c.id) {
			t.Errorf("%v: %d %q %q", c.args[:2], code, out, errOut)
		}
		if _, err := os.Stat(filepath.Join(scans, c.id, "elements.jsonl")); err != nil {
			t.Errorf("%v: %v\n%s", c.args[:2], err, out)
		}
	}
	if code, _, errOut := runCLI(t, "import", "spiderfoot-xlsx", csvFile, "--out", scans); code == 0 || !strings.Contains(errOut, "not a SpiderFoot Excel export") {
		t.Errorf("a CSV file as Excel: %d %q", code, errOut)
	}
}

// runCLIStdin is runCLI with text on standard input.
func runCLIStdin(t *testing.T, text string, args ...string) (int, string, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	old := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = old }()
	return runCLI(t, args...)
}
