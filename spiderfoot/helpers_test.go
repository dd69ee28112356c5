package spiderfoot

import (
	"bytes"
	"database/sql"
	"sort"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sfschema"
	"github.com/scanreport/scanreport/internal/testread"
)

// createDB makes a SpiderFoot database at path, in WAL mode as SpiderFoot
// sets it, with the 4.x schema or the older one. The connection pool holds
// one connection, so the database stays open (and its WAL unmerged) until
// the returned handle is closed.
func createDB(t testing.TB, path string, v4 bool) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	mustExec(t, db, `PRAGMA journal_mode=WAL`)
	stmts := sfschema.Old()
	if v4 {
		stmts = sfschema.V4()
	}
	for _, s := range stmts {
		mustExec(t, db, s)
	}
	cat := eltypes.MustLoad()
	for _, ty := range cat.All() {
		raw := 0
		if ty.Raw {
			raw = 1
		}
		mustExec(t, db, `INSERT INTO tbl_event_types VALUES (?, ?, ?, ?)`, ty.Code, ty.Description, raw, ty.Category)
	}
	return db
}

func mustExec(t testing.TB, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// sfResult is one row of tbl_scan_results.
type sfResult struct {
	hash, typ string
	gen       float64 // seconds
	module    string
	data      string
	fp        int
	source    string
	risk      int
	conf      int // 0 stores 100, SpiderFoot's default; -1 stores a real 0
}

func insertResults(t testing.TB, db *sql.DB, guid string, rows []sfResult) {
	t.Helper()
	for _, r := range rows {
		conf := r.conf
		switch conf {
		case 0:
			conf = 100
		case -1:
			conf = 0
		}
		mustExec(t, db, `INSERT INTO tbl_scan_results (scan_instance_id, hash, type, generated, confidence, visibility, risk, module, data, false_positive, source_event_hash)
			VALUES (?, ?, ?, ?, ?, 100, ?, ?, ?, ?, ?)`, guid, r.hash, r.typ, r.gen, conf, r.risk, r.module, r.data, r.fp, r.source)
	}
}

// loadModel loads the scan as the report generator does.
func loadModel(t testing.TB, root, id string) *model.Scan {
	t.Helper()
	return testread.Model(t, root, id, nil)
}

// fpIDs lists the ids the model marks as false positives.
func fpIDs(s *model.Scan) []string {
	var out []string
	for i := range s.Elements {
		if s.Elements[i].Is(model.FlagFP) {
			out = append(out, s.Elements[i].ID)
		}
	}
	sort.Strings(out)
	return out
}

func summaryText(s *Summary) string {
	var b bytes.Buffer
	s.WriteText(&b)
	return b.String()
}

func contains(t testing.TB, text, want string) {
	t.Helper()
	if !strings.Contains(text, want) {
		t.Errorf("missing %q in:\n%s", want, text)
	}
}
