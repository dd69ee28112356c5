package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/internal/testread"
)

// vulnScan triggers SpiderFoot's vulnerability_critical rule and none of
// scanreport's own.
const vulnScan = `
-- vuln/scan.toml --
name = "Vulnerable"
target = "example.com"
status = "FINISHED"
-- vuln/elements.jsonl --
{"id":"h","type":"INTERNET_NAME","data":"www.example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}
{"id":"v","type":"VULNERABILITY_CVE_CRITICAL","data":"CVE-2024-0001","source":"h","module":"sfp_vuln","generated":"2026-11-20T10:00:02Z"}
`

// TestBuildRuleSets: by default SpiderFoot's rules run beside scanreport's,
// and the settings page names each rule's set; a rule turned off does not
// run; a folder rule replacing a built-in one is shown as such.
func TestBuildRuleSets(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, vulnScan)
	o := options(scans, out)
	o.Correlations = Correlations{Enabled: true}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	site := testread.Files(t, out)
	corr := site["scans/vuln/correlations.html"]
	if !strings.Contains(corr, "Critical-rated vulnerability found on www.example.com") || !strings.Contains(corr, "vulnerability_critical") {
		t.Errorf("SpiderFoot's rule did not run by default:\n%s", corr)
	}
	settings := site["settings.html"]
	for _, want := range []string{"Correlation rules (52)", "52 (SpiderFoot 4.0 37; scanreport 15)",
		`<code>vulnerability_critical</code></td><td><span class="badge risk-high">HIGH</span></td><td>A vulnerability rated as CRITICAL was found on a host.`,
		`<td class="rule-set">SpiderFoot 4.0</td><td><code>vulnerability_critical.yaml</code>`,
		`<td class="rule-set">scanreport</td><td><code>remote_admin_port_open.yaml</code>`} {
		if !strings.Contains(settings, want) {
			t.Errorf("settings page lacks %q", want)
		}
	}

	// Turned off, and one of ours replaced by a folder rule.
	mine := filepath.Join(dir, "my-rules")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join("..", "rules", "rare_network_owner.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mine, "rare_network_owner.yaml"), append(orig, "# mine\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	o.Correlations = Correlations{Enabled: true, Disable: []string{"vulnerability_critical"}, RulesDir: mine}
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors != 0 {
		t.Errorf("%d errors", res.Errors)
	}
	site = testread.Files(t, out)
	if corr := site["scans/vuln/correlations.html"]; strings.Contains(corr, "vulnerability_critical") || !strings.Contains(corr, "none of the rules matched") {
		t.Errorf("a rule turned off ran:\n%s", corr)
	}
	settings = site["settings.html"]
	for _, want := range []string{"51 (SpiderFoot 4.0 36; scanreport 14; my-rules/ (your folder) 1; turned off: vulnerability_critical)",
		`<td class="rule-set">my-rules/ (your folder)<br><span class="muted">replaces scanreport's rule</span></td><td><code>rare_network_owner.yaml</code>`} {
		if !strings.Contains(settings, want) {
			t.Errorf("settings page lacks %q", want)
		}
	}
}

// TestBuildRulesFolderMissing: a rules folder that cannot be read is an
// error of build and Check alike, naming the folder, and every finished
// scan's Correlations tab and overview say that rules were not read
// instead of passing for a clean scan.
func TestBuildRulesFolderMissing(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, goodScan)
	missing := filepath.Join(dir, "no-such-rules")
	for _, c := range []struct {
		name  string
		sets  []string
		tail  string
		empty string
	}{
		{"with the built-in sets", nil, "the correlations shown come from the other 52 rules only.", "No correlations from the rules that were read."},
		{"alone", []string{}, "no rule ran at all, so no correlations can be shown.", "No correlation rules ran: the rules folder could not be read (see above), and config.toml chooses no built-in rule set."},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := options(scans, out)
			o.Correlations = Correlations{Enabled: true, Sets: c.sets, RulesDir: missing,
				Where: func(key string) string { return "conf.toml:7" }}
			res, err := Build(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			if res.Errors != 1 {
				t.Errorf("build: %d errors of %d problems, want 1 error", res.Errors, res.Problems)
			}
			chk, err := Check(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			if chk.Errors != res.Errors || chk.Problems != res.Problems {
				t.Errorf("check: %d errors of %d problems; build: %d of %d", chk.Errors, chk.Problems, res.Errors, res.Problems)
			}
			site := testread.Files(t, out)
			want := "Correlation rules not read: the rules folder " + missing + " ([correlations] rules in conf.toml:7) was not read: no such file or directory. None of that folder&#39;s rules ran; " + c.tail
			for _, page := range []string{"scans/good/correlations.html", "scans/good/index.html"} {
				if !strings.Contains(site[page], `<p class="notice error rules-unread" role="alert">`+want+`</p>`) {
					t.Errorf("%s does not say the rules were not read:\n%s", page, site[page])
				}
			}
			if corr := site["scans/good/correlations.html"]; strings.Contains(corr, "none of the rules matched") || !strings.Contains(corr, c.empty) {
				t.Errorf("correlations page claims a clean scan:\n%s", corr)
			}
			if !strings.Contains(site["index.html"], "no-such-rules") {
				t.Error("the scan list does not list the problem")
			}
		})
	}
}

// TestBuildNoRulesChosen: with no rule chosen (sets = [] and no folder,
// or every rule turned off) the rules do not run, rather than run and find
// nothing: the tab says why, and the scan list shows no zero counts.
func TestBuildNoRulesChosen(t *testing.T) {
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	writeFiles(t, scans, vulnScan)
	for _, c := range []Correlations{
		{Enabled: true, Sets: []string{}},
		{Enabled: true, Sets: []string{"scanreport"}, Disable: []string{"breached_mailbox_with_password", "cert_name_not_resolving",
			"defaced_target_site", "end_of_life_software", "expired_cert_vulnerable_host", "listed_address_in_target_network",
			"listed_address_with_open_ports", "many_hosts_one_module", "open_bucket_linked_from_site", "password_form_without_tls",
			"rare_network_owner", "remote_admin_port_open", "shared_certificate_many_hosts", "unauthenticated_datastore",
			"vulnerable_host_exposed_service"}},
	} {
		o := options(scans, out)
		o.Correlations = c
		res, err := Build(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		if res.Problems != 0 {
			t.Errorf("%d problems", res.Problems)
		}
		site := testread.Files(t, out)
		if corr := site["scans/vuln/correlations.html"]; !strings.Contains(corr, "No correlation rules ran: config.toml chooses none ([correlations] sets = [] and no rules folder, or every rule is in disable).") {
			t.Errorf("correlations tab:\n%s", corr)
		}
		if strings.Contains(site["scans/vuln/index.html"], "correlations-summary") || strings.Contains(site["index.html"], "risk-counts") {
			t.Error("zero correlation counts shown although no rule ran")
		}
	}
}
