package spiderfoot

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scanreport/scanreport/internal/sfschema"
)

// makeBigDB writes a SpiderFoot database with one finished scan of n
// results (plus ROOT), 10,000 log lines and 500 settings, in one
// transaction with prepared statements; the indexes are made afterwards.
func makeBigDB(tb testing.TB, path string, n int) {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range sfschema.Old() {
		if len(s) > 12 && s[:12] == "CREATE TABLE" {
			mustExec(tb, db, s)
		}
	}
	for _, s := range sfschema.Correlations()[:2] {
		mustExec(tb, db, s)
	}
	const guid = "B16B00B5"
	mustExec(tb, db, `INSERT INTO tbl_scan_instance VALUES (?, ?, ?, ?, ?, ?, ?)`, guid, "big", "big.example", 1.7e12, 1.7e12+100, 1.7e12+3.6e6, "FINISHED")
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO tbl_scan_results (scan_instance_id, hash, type, generated, confidence, visibility, risk, module, data, false_positive, source_event_hash) VALUES (?, ?, ?, ?, 100, 100, ?, ?, ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ins.Exec(guid, "ROOT", "ROOT", 1.7e9, 0, "", "big.example", 0, "ROOT"); err != nil {
		tb.Fatal(err)
	}
	types := []string{"INTERNET_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "WEBSERVER_BANNER", "EMAILADDR", "LINKED_URL_INTERNAL", "RAW_RIR_DATA", "MALICIOUS_IPADDR"}
	modules := []string{"sfp_dnsresolve", "sfp_spider", "sfp_portscan_tcp", "sfp_whois", "sfp_email", "sfp_malware"}
	hashes := make([]string, n)
	for i := 0; i < n; i++ {
		sum := sha256.Sum256([]byte(strconv.Itoa(i)))
		hashes[i] = hex.EncodeToString(sum[:])
		src := "ROOT"
		if i > 0 {
			src = hashes[(i*7919)%i] // some earlier element
		}
		typ := types[i%len(types)]
		data := fmt.Sprintf("host-%d.sub-%d.big.example", i, i%97)
		if typ == "RAW_RIR_DATA" {
			data = fmt.Sprintf(`{"asn": %d, "name": "Example network %d", "country": "ZZ", "cidr": "192.0.%d.0/24"}`, i%65000, i, i%256)
		}
		fp := 0
		if i%5000 == 4999 {
			fp = 1
		}
		if _, err := ins.Exec(guid, hashes[i], typ, 1.7e9+float64(i)/100, (i%11)*10, modules[i%len(modules)], data, fp, src); err != nil {
			tb.Fatal(err)
		}
	}
	logIns, err := tx.Prepare(`INSERT INTO tbl_scan_log VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < 10000; i++ {
		if _, err := logIns.Exec(guid, 1.7e12+float64(i)*100, modules[i%len(modules)], "STATUS", fmt.Sprintf("log line %d", i)); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 0; i < 500; i++ {
		comp := "GLOBAL"
		if i >= 50 {
			comp = modules[i%len(modules)]
		}
		if _, err := tx.Exec(`INSERT INTO tbl_scan_config VALUES (?, ?, ?, ?)`, guid, comp, fmt.Sprintf("opt%d", i), "value"); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	for _, s := range sfschema.V4() {
		if len(s) > 12 && s[:12] == "CREATE INDEX" {
			mustExec(tb, db, s)
		}
	}
	mustExec(tb, db, `PRAGMA wal_checkpoint(TRUNCATE)`)
}

// BenchmarkImportDB1M imports a database of 1,000,000 results. Run with
// `go test -run '^$' -bench ImportDB1M -benchtime 1x ./spiderfoot/`.
func BenchmarkImportDB1M(b *testing.B) {
	if testing.Short() {
		b.Skip("skipped with -short")
	}
	const n = 1_000_000
	dir := b.TempDir()
	path := filepath.Join(dir, "spiderfoot.db")
	start := time.Now()
	makeBigDB(b, path, n)
	b.Logf("made a %d-result database in %s", n, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		root := filepath.Join(dir, fmt.Sprintf("scans%d", i))
		sum, err := ImportDB(context.Background(), path, Options{ScansRoot: root})
		if err != nil {
			b.Fatal(err)
		}
		if el, _ := sum.Totals(); el != n+1 {
			b.Fatalf("imported %d elements", el)
		}
		if i == 0 {
			b.Logf("import: %s", sum.Elapsed.Round(time.Millisecond))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
}

// BenchmarkImportXLSX100k imports an Excel export of 100,000 rows on one
// sheet whose every row was found from the one before (a chain 100,000
// deep: the worst case for the link rule's loop check).
func BenchmarkImportXLSX100k(b *testing.B) {
	if testing.Short() {
		b.Skip("large benchmark")
	}
	const n = 100000
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"Updated", "Module", "Source", "F/P", "Data"}); err != nil {
		b.Fatal(err)
	}
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for i := range n {
		src := "acme.example"
		if i > 0 {
			src = "h" + strconv.Itoa(i-1) + ".acme.example"
		}
		row := []any{t0.Add(time.Duration(i) * time.Second).Format(time.DateTime), "sfp_dns", src, 0, "h" + strconv.Itoa(i) + ".acme.example"}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SetSheetName("Sheet1", "INTERNET_NAME"); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	f.Close()
	b.ResetTimer()
	for range b.N {
		sum, err := ImportXLSX(context.Background(), bytes.NewReader(buf.Bytes()), Options{ScansRoot: b.TempDir(), Name: "chain"})
		if err != nil {
			b.Fatal(err)
		}
		if got := sum.Scans[0].Elements; got != n+1 {
			b.Fatalf("%d elements", got)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
