package spiderfoot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// A database of an older SpiderFoot: types scanreport does not know are
// named, with their categories, from its own tbl_event_types (types.tsv);
// legacy VULNERABILITY is risky; the import validates without a warning.
func TestImportDBLegacyTypes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spiderfoot.db")
	db := createDB(t, path, false)
	mustExec(t, db, `INSERT INTO tbl_event_types VALUES (?, ?, ?, ?)`, "VULNERABILITY", "Vulnerability in Public Domain", 0, "DESCRIPTOR")

	mustExec(t, db, `INSERT INTO tbl_event_types VALUES (?, ?, ?, ?)`, "WEBSERVER_TECHNOLOGY_OLD", "Old Web Technology", 1, "DATA")
	mustExec(t, db, `INSERT INTO tbl_event_types VALUES (?, ?, ?, ?)`, "OLD_HOST_THING", "Old Host Thing", 0, "ENTITY")
	mustExec(t, db, `INSERT INTO tbl_scan_instance VALUES (?, ?, ?, ?, ?, ?, ?)`, "0LD5CAN1", "old scan", "acme.example",
		1500000000000.0, 1500000000100.0, 1500000100000.0, "FINISHED")
	insertResults(t, db, "0LD5CAN1", []sfResult{
		{hash: "ROOT", typ: "ROOT", gen: 1500000000.5, data: "acme.example", source: "ROOT"},
		{hash: "a1", typ: "INTERNET_NAME", gen: 1500000000.6, module: "SpiderFoot UI", data: "acme.example", source: "ROOT"},
		{hash: "a2", typ: "OLD_HOST_THING", gen: 1500000001, module: "sfp_old", data: "old.acme.example", source: "a1"},
		{hash: "a3", typ: "VULNERABILITY", gen: 1500000002, module: "sfp_old", data: "CVE-2014-0160", source: "a2"},
		{hash: "a4", typ: "WEBSERVER_TECHNOLOGY_OLD", gen: 1500000003, module: "sfp_old", data: "<html>…</html>", source: "a1"},
	})
	db.Close()
	root := filepath.Join(dir, "scans")
	sum, err := ImportDB(context.Background(), path, Options{ScansRoot: root})
	if err != nil {
		t.Fatal(err)
	}
	text := summaryText(sum)
	t.Log(text)
	contains(t, text, "3 of them named, with their categories, by the database's tbl_event_types (in types.tsv)")
	tsv, err := os.ReadFile(filepath.Join(root, "sf-0LD5CAN1", scan.TypesFile))
	if err != nil || !strings.Contains(string(tsv), "VULNERABILITY\tVulnerability in Public Domain\t0\tDESCRIPTOR\n") {
		t.Errorf("types.tsv = %q, %v", tsv, err)
	}
	s := loadModel(t, root, "sf-0LD5CAN1")
	for _, ts := range s.Types {
		switch ts.Code {
		case "VULNERABILITY":
			if ts.Description != "Vulnerability in Public Domain" || ts.Risky != 1 {
				t.Errorf("VULNERABILITY: %+v, %d risky", ts.Type, ts.Risky)
			}
		case "OLD_HOST_THING":
			if ts.Category != eltypes.Entity || !ts.Known {
				t.Errorf("OLD_HOST_THING: %+v", ts.Type)
			}
		}
	}
	for _, p := range s.Problems.List {
		t.Errorf("model problem: %v", p)
	}
	// validate --strict: no error, no warning.
	var probs []scan.Problem
	res, err := generator.Check(context.Background(), generator.Options{ScansRoot: root, RiskyTypes: eltypes.DefaultRiskyTypes, MinRisk: eltypes.DefaultMinRisk,
		Report: func(p scan.Problem) { probs = append(probs, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 || res.Problems > 0 {
		t.Errorf("validate: %d problems: %v", res.Problems, probs)
	}
}
