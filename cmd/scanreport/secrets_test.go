package main

import (
	"database/sql"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sfschema"
)

// Secrets of the test scans: SpiderFoot module API keys, the SOCKS proxy's
// user and password (globals), a user name + password pair, secrets nested
// in TOML tables, arrays of tables and dotted keys, and a token in a URL of
// the target.
const (
	secShodan      = "ShodanKey0123456789abcdef"
	secVirusTotal  = "vtKey+/=98765&43210ZZ"
	secSocksPwd    = "s0cks-P4ss!word"
	secSocksUser   = "proxyuser77"
	secRiddlerUser = "riddler.user@corp.example"
	secRiddlerPwd  = "riddlerPass2024"
	secInline      = "InlineTableKey555"
	secArray       = "ArrayOfTablesPw666"
	secDotted      = "DottedKeyValue777"
	secSpaced      = "SpacedNameKey888"
	secAccess      = "AKIAACCESSKEYID999"
	secTarget      = "targetResetTok3n"
)

func secretsList() []string {
	return []string{secShodan, secVirusTotal, url.QueryEscape(secVirusTotal), secSocksPwd, secSocksUser, secRiddlerUser,
		secRiddlerPwd, secInline, secArray, secDotted, secSpaced, secAccess, secTarget}
}

// writeSecretDB makes a SpiderFoot database whose finished scan carries the
// secrets in its config snapshot, its log and its results.
func writeSecretDB(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, s := range sfschema.Old() {
		exec(s)
	}
	for _, ty := range eltypes.MustLoad().All() {
		exec(`INSERT INTO tbl_event_types VALUES (?, ?, 0, ?)`, ty.Code, ty.Description, ty.Category)
	}
	const guid = "5EC12E75"
	exec(`INSERT INTO tbl_scan_instance VALUES (?, ?, ?, ?, ?, ?, ?)`, guid, "keyed modules", "acme.example",
		1700000000000, 1700000000100, 1700000100000, "FINISHED")
	for _, c := range [][3]string{
		{"GLOBAL", "_modulesenabled", "sfp_shodan,sfp_virustotal,sfp_fsecure_riddler,sfp_spider"},
		{"GLOBAL", "_useragent", "Mozilla/5.0"},
		{"GLOBAL", "_socks1type", "5"},
		{"GLOBAL", "_socks2addr", "127.0.0.1"},
		{"GLOBAL", "_socks3port", "9050"},
		{"GLOBAL", "_socks4user", secSocksUser},
		{"GLOBAL", "_socks5pwd", secSocksPwd},
		{"sfp_shodan", "api_key", secShodan},
		{"sfp_virustotal", "api_key", secVirusTotal},
		{"sfp_fsecure_riddler", "username", secRiddlerUser},
		{"sfp_fsecure_riddler", "password", secRiddlerPwd},
		{"sfp_spider", "maxpages", "100"},
	} {
		exec(`INSERT INTO tbl_scan_config VALUES (?, ?, ?, ?)`, guid, c[0], c[1], c[2])
	}
	vt := url.QueryEscape(secVirusTotal)
	for i, m := range []string{
		"Fetching: https://api.shodan.io/shodan/host/192.0.2.1?key=" + secShodan + "&minify=true",
		"Fetching: https://www.virustotal.com/vtapi/v2/ip-address/report?apikey=" + vt + "&ip=192.0.2.1",
		"Using SOCKS proxy socks5://" + secSocksUser + ":" + secSocksPwd + "@127.0.0.1:9050",
		"Riddler login failed for " + secRiddlerUser + " with password " + secRiddlerPwd,
		"Shodan said: invalid key " + secShodan,
	} {
		exec(`INSERT INTO tbl_scan_log VALUES (?, ?, ?, ?, ?)`, guid, 1700000000200+i, "sfp_shodan", "INFO", m)
	}
	for _, r := range []struct{ hash, typ, module, data, source string }{
		{"ROOT", "ROOT", "", "acme.example", "ROOT"},
		{"h1", "INTERNET_NAME", "SpiderFoot UI", "acme.example", "ROOT"},
		{"h2", "LINKED_URL_INTERNAL", "sfp_spider", "https://acme.example/reset?token=" + secTarget + "&lang=en", "h1"},
		{"h3", "RAW_RIR_DATA", "sfp_shodan", `{"query": "https://api.shodan.io/dns?key=` + secShodan + `", "owner": "x"}`, "h1"},
		{"h4", "MALICIOUS_IPADDR", "sfp_virustotal", "VirusTotal [192.0.2.1] <SFURL>https://www.virustotal.com/vtapi/v2/ip-address/report?apikey=" + vt + "&ip=192.0.2.1</SFURL>", "h1"},
		{"h5", "URL_PASSWORD", "sfp_spider", "https://admin:" + secRiddlerPwd + "@acme.example/login", "h1"},
	} {
		exec(`INSERT INTO tbl_scan_results (scan_instance_id, hash, type, generated, risk, module, data, source_event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			guid, r.hash, r.typ, 1700000001, 50, r.module, r.data, r.source)
	}
}

// writeNestedScan writes a scan directory by hand whose settings hide
// secrets at depth and whose notes, name and elements repeat them.
func writeNestedScan(t *testing.T, scans string) {
	t.Helper()
	dir := filepath.Join(scans, "nested-1")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"scan.toml": "id = 'nested-1'\nname = 'scan with " + secInline + "'\ntarget = 'acme.example'\ntarget_type = 'INTERNET_NAME'\n" +
			"kind = 'automated'\nstatus = 'FINISHED'\nstarted = 2026-11-18T09:00:00Z\nended = 2026-11-18T09:10:00Z\n",
		"settings.toml": "[global]\nproxy = { host = 'p.example', password = '" + secArray + "' }\n" +
			"[[global.proxies]]\nhost = 'p2.example'\npass = '" + secArray + "'\n" +
			"[modules.sfp_x]\nconfig = { api_key = '" + secInline + "' }\nshodan.api_key = '" + secDotted + "'\n" +
			"'api key' = '" + secSpaced + "'\naccess_key_id = '" + secAccess + "'\n",
		"elements.jsonl": `{"id":"ROOT","type":"ROOT","data":"acme.example","source":"ROOT","module":"","generated":"2026-11-18T09:00:00Z"}` + "\n" +
			`{"id":"n1","type":"RAW_RIR_DATA","data":"keys: ` + secInline + " " + secDotted + " " + secSpaced + " " + secAccess + " " + secArray +
			`","source":"ROOT","module":"sfp_x","generated":"2026-11-18T09:00:01Z"}` + "\n",
		"log.jsonl": `{"time":"2026-11-18T09:00:00Z","level":"INFO","component":"sfp_x","message":"GET https://x.example/?access_key_id=` +
			secAccess + `&api-key=` + secSpaced + `"}` + "\n",
		"notes.md": "The key " + secDotted + " was rotated.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// grepTree reports every file under dir that holds one of the secrets.
func grepTree(t *testing.T, dir string, secrets []string) int {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range secrets {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds the secret %q", p, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestSecretsNeverPublished: a SpiderFoot database imported with keyed
// modules and a SOCKS password, and a scan with secrets nested in its
// settings, built and published with --with-scans: no byte of the site,
// its downloads or the bucket holds any secret, and the settings page says
// how many values were masked.
func TestSecretsNeverPublished(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	scans, site, bucket := filepath.Join(dir, "scans"), filepath.Join(dir, "site"), filepath.Join(dir, "bucket")
	dbFile := filepath.Join(dir, "spiderfoot.db")
	writeSecretDB(t, dbFile)
	if code, out, errOut := runCLI(t, "import", "spiderfoot-db", dbFile, "--out", scans); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	writeNestedScan(t, scans)
	// The import copies the secrets into the scan directory (it is the
	// scanner's copy); they must stop there.
	raw, err := os.ReadFile(filepath.Join(scans, "sf-5EC12E75", "settings.toml"))
	if err != nil {
		entries, _ := os.ReadDir(scans)
		t.Fatalf("%v (scans: %v)", err, entries)
	}
	if !strings.Contains(string(raw), secSocksPwd) || !strings.Contains(string(raw), secShodan) {
		t.Fatalf("the test scan lacks its secrets:\n%s", raw)
	}
	if code, out, errOut := runCLI(t, "build", "--scans", scans, "--out", site); code != 0 {
		t.Fatalf("build: %d %s %s", code, out, errOut)
	}
	if n := grepTree(t, site, secretsList()); n < 40 {
		t.Errorf("only %d files in the site", n)
	}
	page, err := os.ReadFile(filepath.Join(site, "scans", "sf-5EC12E75", "settings.html"))
	if err != nil {
		t.Fatal(err)
	}
	// _socks4user, _socks5pwd, two api_keys, username and password.
	if !strings.Contains(string(page), "6 secret values are masked") {
		t.Errorf("the settings page does not say 6 values were masked")
	}
	page, err = os.ReadFile(filepath.Join(site, "scans", "nested-1", "settings.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "6 secret values are masked") || !strings.Contains(string(page), "p2.example") {
		t.Errorf("nested settings: want 6 values masked, hosts kept:\n%s", page)
	}
	if err := os.MkdirAll(bucket, 0o755); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "publish", "--site", site, "--scans", scans, "--with-scans", "--to", "file://"+filepath.ToSlash(bucket)); code != 0 {
		t.Fatalf("publish: %d %s %s", code, out, errOut)
	}
	grepTree(t, bucket, secretsList())
	if _, err := os.Stat(filepath.Join(bucket, "scans-archive", "sf-5EC12E75", "settings.toml")); err != nil {
		t.Errorf("the masked settings.toml is not archived: %v", err)
	}
}
