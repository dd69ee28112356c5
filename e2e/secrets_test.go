package e2e

// The hostile corpus and a scanner's secrets, end to end: a SpiderFoot
// database whose results and log carry the XSS payloads, whose config
// snapshot holds module API keys, a SOCKS user and password and a
// username/password pair, and whose log and results repeat them in URLs, is
// imported with `scanreport import spiderfoot-db`, served with `scanreport
// serve` (every file fetched through the server, the imported scan's pages
// opened in Chromium) and published with `publish --with-scans` to a real
// S3 server (every object read back anonymously). No byte anywhere holds a
// secret; no payload runs; the archive holds only the scan format's files,
// as attachments.

import (
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	exec_ "os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/sfschema"
)

const sfGUID = "5EC12E75"

// The secrets (none shorter than the masker's literal floor).
var e2eSecrets = []string{
	"ShodanKey0123456789abcdef", // sfp_shodan api_key
	"vtKey+/=98765&43210ZZ",     // sfp_virustotal api_key (URL- and JSON-escaped when logged)
	"s0cks-P4ss!word",           // GLOBAL _socks5pwd
	"proxyuser77",               // GLOBAL _socks4user
	"riddler.user@corp.example", // sfp_fsecure_riddler username
	"riddlerPass2024",           // sfp_fsecure_riddler password
	"targetResetTok3n",          // a token in a URL of the target
}

func allSecretForms() []string {
	out := append([]string(nil), e2eSecrets...)
	return append(out, url.QueryEscape(e2eSecrets[1]), `vtKey+/=98765\u002643210ZZ`, `vtKey+/=98765\u0026`)
}

// writeHostileDB writes the SpiderFoot database of the test, through
// Python's sqlite3 module as SpiderFoot itself writes it (the e2e module
// has no SQLite driver of its own).
func writeHostileDB(t *testing.T, path string) {
	t.Helper()
	type stmt struct {
		Q    string
		Args []any
	}
	var stmts []stmt
	exec := func(q string, args ...any) {
		if args == nil {
			args = []any{}
		}
		stmts = append(stmts, stmt{q, args})
	}
	defer func() {
		in, err := json.Marshal(stmts)
		if err != nil {
			t.Fatal(err)
		}
		py := exec_.Command("python3", "-c", `import sqlite3, json, sys
c = sqlite3.connect(sys.argv[1])
for s in json.load(sys.stdin):
    c.execute(s["Q"], s["Args"])
c.commit()`, path)
		py.Stdin = strings.NewReader(string(in))
		if out, err := py.CombinedOutput(); err != nil {
			t.Fatalf("python3 sqlite3: %v\n%s", err, out)
		}
	}()
	for _, s := range sfschema.Old() {
		exec(s)
	}
	for _, ty := range eltypes.MustLoad().All() {
		exec(`INSERT INTO tbl_event_types VALUES (?, ?, 0, ?)`, ty.Code, ty.Description, ty.Category)
	}
	payloads := sample.XSSPayloads[:len(sample.XSSPayloads)-1] // not the 1 MiB one
	exec(`INSERT INTO tbl_scan_instance VALUES (?, ?, ?, ?, ?, ?, ?)`, sfGUID, payloads[0]+" keyed scan", "acme.example",
		1700000000000, 1700000000100, 1700000100000, "FINISHED")
	shodan, vt, socksPwd, socksUser, rUser, rPwd, target := e2eSecrets[0], e2eSecrets[1], e2eSecrets[2], e2eSecrets[3], e2eSecrets[4], e2eSecrets[5], e2eSecrets[6]
	for _, c := range [][3]string{
		{"GLOBAL", "_modulesenabled", "sfp_shodan,sfp_virustotal,sfp_fsecure_riddler,sfp_spider"},
		{"GLOBAL", "_useragent", payloads[1]},
		{"GLOBAL", "_socks1type", "5"},
		{"GLOBAL", "_socks2addr", "127.0.0.1"},
		{"GLOBAL", "_socks4user", socksUser},
		{"GLOBAL", "_socks5pwd", socksPwd},
		{"sfp_shodan", "api_key", shodan},
		{"sfp_virustotal", "api_key", vt},
		{"sfp_fsecure_riddler", "username", rUser},
		{"sfp_fsecure_riddler", "password", rPwd},
	} {
		exec(`INSERT INTO tbl_scan_config VALUES (?, ?, ?, ?)`, sfGUID, c[0], c[1], c[2])
	}
	vtq := url.QueryEscape(vt)
	logs := []string{
		"Fetching: https://api.shodan.io/shodan/host/192.0.2.1?key=" + shodan + "&minify=true",
		"Fetching: https://www.virustotal.com/vtapi/v2/ip-address/report?apikey=" + vtq + "&ip=192.0.2.1",
		"Using SOCKS proxy socks5://" + socksUser + ":" + socksPwd + "@127.0.0.1:9050",
		"Riddler login failed for " + rUser + " / " + rPwd,
	}
	logs = append(logs, payloads...)
	for i, m := range logs {
		exec(`INSERT INTO tbl_scan_log VALUES (?, ?, ?, ?, ?)`, sfGUID, 1700000000200+i, "sfp_shodan", "INFO", m)
	}
	rows := [][4]string{
		{"ROOT", "ROOT", "", "acme.example"},
		{"h1", "INTERNET_NAME", "SpiderFoot UI", "acme.example"},
		{"h2", "LINKED_URL_INTERNAL", "sfp_spider", "https://acme.example/reset?token=" + target + "&lang=en"},
		{"h3", "RAW_RIR_DATA", "sfp_shodan", `{"query": "https://api.shodan.io/dns?key=` + shodan + `", "x": "` + payloads[2] + `"}`},
		{"h4", "MALICIOUS_IPADDR", "sfp_virustotal", "VirusTotal [192.0.2.1] <SFURL>https://www.virustotal.com/vtapi/v2/ip-address/report?apikey=" + vtq + "&ip=192.0.2.1</SFURL>"},
		{"h5", "URL_PASSWORD", "sfp_spider", "https://admin:" + rPwd + "@acme.example/login"},
	}
	for i, p := range payloads {
		rows = append(rows, [4]string{"x" + string(rune('a'+i%26)) + string(rune('a'+i/26)), "RAW_RIR_DATA", "sfp_spider", p})
	}
	for _, r := range rows {
		source := "h1"
		if r[0] == "ROOT" || r[0] == "h1" {
			source = "ROOT"
		}
		exec(`INSERT INTO tbl_scan_results (scan_instance_id, hash, type, generated, risk, module, data, source_event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			sfGUID, r[0], r[1], 1700000001, 50, r[2], r[3], source)
	}
}

// holds reports which secrets data holds.
func holds(data []byte) []string {
	var found []string
	for _, s := range allSecretForms() {
		if strings.Contains(string(data), s) {
			found = append(found, s)
		}
	}
	return found
}

func TestSecretsAndXSSImportServePublish(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	scans, siteDir, dbFile := filepath.Join(dir, "scans"), filepath.Join(dir, "site"), filepath.Join(dir, "spiderfoot.db")
	writeHostileDB(t, dbFile)
	runBinary(t, "import", "spiderfoot-db", dbFile, "--out", scans)
	id := "sf-" + sfGUID
	raw, err := os.ReadFile(filepath.Join(scans, id, "settings.toml"))
	if err != nil || len(holds(raw)) < 5 {
		t.Fatalf("the imported scan lacks its secrets (%v):\n%s", err, raw)
	}
	// Things a tool might leave in a scan folder: never published.
	if err := os.WriteFile(filepath.Join(scans, id, "page.html"), []byte(`<script>fetch("settings.toml")</script>`), 0o644); err != nil {
		t.Fatal(err)
	}

	srv := startServe(t, scans, siteDir)

	t.Run("every served byte", func(t *testing.T) {
		n := 0
		err := filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			rel, _ := filepath.Rel(siteDir, p)
			resp, err := http.Get(srv.url(filepath.ToSlash(rel)))
			if err != nil {
				return err
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				return err
			}
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d", rel, resp.StatusCode)
			}
			if s := holds(body); len(s) > 0 {
				t.Errorf("served %s holds %q", rel, s)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 30 {
			t.Errorf("only %d files served", n)
		}
		for _, live := range []string{"live.js"} {
			resp, err := http.Get(srv.url(live))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if s := holds(body); len(s) > 0 {
				t.Errorf("%s holds %q", live, s)
			}
		}
	})

	t.Run("pages in the browser", func(t *testing.T) {
		b := newBrowser(t)
		for _, rel := range []string{"index.html", "scans/" + id + "/index.html", "scans/" + id + "/log.html",
			"scans/" + id + "/settings.html", "scans/" + id + "/browse.html", "scans/" + id + "/types/raw_rir_data.html",
			"scans/" + id + "/types/linked_url_internal.html", "scans/" + id + "/search.html"} {
			p := b.open(t, srv.url(rel))
			if evalT[string](p, "document.body.dataset.page") == "log" {
				p.waitFor(`__e2e.rows("#log-table").length > 0`, 0, "")
			}
			if evalT[string](p, "document.body.dataset.page") == "elements" {
				p.waitFor(`__e2e.rows(`+jsString(elementHost)+`).length > 0`, 0, "")
				scrollAll(p, elementHost)
			}
			noXSS(p)
			if s := holds([]byte(p.html())); len(s) > 0 {
				t.Errorf("%s shows %q", rel, s)
			}
			if rel == "scans/"+id+"/settings.html" && !strings.Contains(p.text("body"), "6 secret values are masked") {
				t.Errorf("the settings page does not say how many values were masked: %s", p.text("body"))
			}
			p.check()
		}
	})

	t.Run("publish --with-scans", func(t *testing.T) {
		v := startVersitygw(t)
		t.Setenv("AWS_ACCESS_KEY_ID", vgwAccess)
		t.Setenv("AWS_SECRET_ACCESS_KEY", vgwSecret)
		t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
		t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
		t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
		runBinary(t, "publish", "--site", siteDir, "--scans", scans, "--with-scans", "--to", v.bucketURL())
		objs := v.objects(t)
		archived := 0
		for key := range objs {
			resp, err := http.Get(v.siteBase() + key)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d %v", key, resp.StatusCode, err)
			}
			if s := holds(body); len(s) > 0 {
				t.Errorf("published %s holds %q", key, s)
			}
			if !strings.HasPrefix(key, "scans-archive/") {
				continue
			}
			archived++
			name := key[strings.LastIndex(key, "/")+1:]
			switch name {
			case "scan.toml", "elements.jsonl", "log.jsonl", "settings.toml", "review.jsonl", "notes.md":
			default:
				t.Errorf("archived a file outside the scan format: %s", key)
			}
			if ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"); !strings.HasPrefix(ct, "text/plain") || !strings.HasPrefix(cd, "attachment") {
				t.Errorf("%s served as %q, %q", key, ct, cd)
			}
		}
		if archived < 3 {
			t.Errorf("%d archived files", archived)
		}
		// The masked archive still builds: the secrets stay out, the payloads stay text.
		restored := filepath.Join(t.TempDir(), "restored")
		for key := range objs {
			if !strings.HasPrefix(key, "scans-archive/"+id+"/") {
				continue
			}
			resp, err := http.Get(v.siteBase() + key)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			p := filepath.Join(restored, id, strings.TrimPrefix(key, "scans-archive/"+id+"/"))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out := runBinary(t, "validate", "--scans", restored)
		if strings.Contains(out, ": error:") || !strings.Contains(out, " 0 errors") {
			t.Errorf("the masked archive does not validate:\n%s", out)
		}
	})
}
