package correlate

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/scan"
)

// TestDefaultRulesLoad: scanreport's own rules load without a problem,
// from the folder and built into the binary alike.
func TestDefaultRulesLoad(t *testing.T) {
	rules, probs := Load(defaultRulesDir)
	for _, p := range probs {
		t.Errorf("problem: %s", p)
	}
	if len(rules) < 10 || len(rules) > 15 {
		t.Errorf("%d default rules, want 10 to 15", len(rules))
	}
	built, probs := LoadDefault()
	for _, p := range probs {
		t.Errorf("built-in problem: %s", p)
	}
	if len(built) != len(rules) {
		t.Fatalf("built in: %d rules, folder: %d", len(built), len(rules))
	}
	for i := range rules {
		if built[i].ID != rules[i].ID || !bytes.Equal(built[i].Raw, rules[i].Raw) {
			t.Errorf("built-in rule %s differs from the folder's %s", built[i].ID, rules[i].ID)
		}
	}
	// No id clashes with SpiderFoot's, so both sets can share a folder.
	sf, _ := Load(sfRulesDir)
	if len(sf) != 37 {
		t.Fatalf("%d SpiderFoot rules in %s, want 37", len(sf), sfRulesDir)
	}
	for _, r := range sf {
		for _, d := range rules {
			if r.ID == d.ID {
				t.Errorf("default rule %s has a SpiderFoot rule's id", d.ID)
			}
		}
	}
}

type defaultCase struct {
	rule string
	hit  []string
	want []string // headlines
	n    int      // elements of the first result
	miss []string
}

var defaultCases = []defaultCase{
	{rule: "breached_mailbox_with_password",
		hit: []string{
			"e1 EMAILADDR ROOT sfp_email jo@example.com",
			"p1 PASSWORD_COMPROMISED e1 sfp_dehashed jo@example.com:hunter2 [Dubsmash]",
			"c1 EMAILADDR_COMPROMISED e1 sfp_haveibeenpwned jo@example.com [Adobe]",
		},
		want: []string{"Mailbox with a leaked password and breach listings: jo@example.com"}, n: 2,
		miss: []string{
			"e1 EMAILADDR ROOT sfp_email jo@example.com",
			"c1 EMAILADDR_COMPROMISED e1 sfp_haveibeenpwned jo@example.com [Adobe]",
			"c2 EMAILADDR_COMPROMISED e1 sfp_haveibeenpwned jo@example.com [LinkedIn]",
		}},
	{rule: "remote_admin_port_open",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.5",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:3389",
			"p2 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:22",
		},
		want: []string{"Remote administration port open on 192.0.2.5"}, n: 1,
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.5",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:22",
			"p2 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:33890",
		}},
	{rule: "vulnerable_host_exposed_service",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.5",
			"v1 VULNERABILITY_CVE_CRITICAL i1 sfp_shodan CVE-2023-4966",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:3306",
		},
		want: []string{"Vulnerable address with an exposed database or remote-access port: 192.0.2.5"}, n: 1,
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.5",
			"v1 VULNERABILITY_CVE_MEDIUM i1 sfp_shodan CVE-2020-11022",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.5:3306",
		}},
	{rule: "listed_address_with_open_ports",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.66",
			"m1 MALICIOUS_IPADDR i1 sfp_alienvault AlienVault OTX [192.0.2.66]",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.66:25",
			"i2 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.7",
			"p2 TCP_PORT_OPEN i2 sfp_portscan_tcp 192.0.2.7:80",
		},
		want: []string{"Listed address with open ports: 192.0.2.66"}, n: 2,
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.66",
			"m1 BLACKLISTED_IPADDR i1 sfp_spamhaus Spamhaus [192.0.2.66]",
			"i2 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.7",
			"p2 TCP_PORT_OPEN i2 sfp_portscan_tcp 192.0.2.7:80",
		}},
	{rule: "end_of_life_software",
		hit: []string{
			"w1 WEBSERVER_TECHNOLOGY ROOT sfp_webserver PHP/7.4.33",
			"w2 WEBSERVER_BANNER ROOT sfp_webserver nginx/1.24.0",
		},
		want: []string{"End-of-life software version announced: PHP/7.4.33"}, n: 1,
		miss: []string{
			"w1 WEBSERVER_TECHNOLOGY ROOT sfp_webserver PHP/8.3.1",
			"w2 WEBSERVER_BANNER ROOT sfp_webserver nginx/1.24.0",
			`b1 TCP_PORT_OPEN_BANNER ROOT sfp_portscan_tcp "HTTP/1.1 200 OK\r\nServer: Apache/2.2.15"`,
		}},
	{rule: "expired_cert_vulnerable_host",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve old.example.com",
			"c1 SSL_CERTIFICATE_ISSUED h1 sfp_sslcert CN=old.example.com",
			"x1 SSL_CERTIFICATE_EXPIRED c1 sfp_sslcert Not After: Mar  2 09:02:37 2025 GMT",
			"i1 IP_ADDRESS h1 sfp_dnsresolve 192.0.2.9",
			"v1 VULNERABILITY_CVE_HIGH i1 sfp_shodan CVE-2021-41773",
		},
		want: []string{"Expired certificate on a host with known vulnerabilities: old.example.com"}, n: 2,
		miss: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve old.example.com",
			"c1 SSL_CERTIFICATE_ISSUED h1 sfp_sslcert CN=old.example.com",
			"x1 SSL_CERTIFICATE_EXPIRED c1 sfp_sslcert Not After: Mar  2 09:02:37 2025 GMT",
			"h2 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"i1 IP_ADDRESS h2 sfp_dnsresolve 192.0.2.9",
			"v1 VULNERABILITY_CVE_HIGH i1 sfp_shodan CVE-2021-41773",
		}},
	{rule: "many_hosts_one_module",
		hit:  hosts("sfp_crt", 50, 0),
		want: []string{"Many host names found by sfp_crt"}, n: 50,
		miss: hosts("sfp_crt", 49, 5)},
	{rule: "open_bucket_linked_from_site",
		hit: []string{
			"u1 LINKED_URL_EXTERNAL ROOT sfp_spider https://acme-media.s3.amazonaws.com/img/logo.png",
			"d1 DOMAIN_NAME ROOT sfp_dnsresolve example.com",
			"b1 CLOUD_STORAGE_BUCKET d1 sfp_s3bucket acme-media.s3.amazonaws.com",
			"o1 CLOUD_STORAGE_BUCKET_OPEN b1 sfp_s3bucket acme-media.s3.amazonaws.com: 3 files found.",
			"b2 CLOUD_STORAGE_BUCKET d1 sfp_s3bucket acme-backup.s3.amazonaws.com",
			"o2 CLOUD_STORAGE_BUCKET_OPEN b2 sfp_s3bucket acme-backup.s3.amazonaws.com: 9 files found.",
		},
		want: []string{"Open storage bucket linked from the target's pages: acme-media.s3.amazonaws.com"}, n: 1,
		miss: []string{
			"u1 LINKED_URL_EXTERNAL ROOT sfp_spider https://acme-media.s3.amazonaws.com/img/logo.png",
			"d1 DOMAIN_NAME ROOT sfp_dnsresolve example.com",
			"b1 CLOUD_STORAGE_BUCKET d1 sfp_s3bucket acme-media.s3.amazonaws.com",
		}},
	{rule: "rare_network_owner",
		hit:  append(repeat("a", "BGP_AS_OWNER", "sfp_bgpview", "16509", 9), "x1 BGP_AS_OWNER ROOT sfp_bgpview 14061"),
		want: []string{"Address space from a rarely seen network: AS14061"}, n: 1,
		miss: append(repeat("a", "BGP_AS_OWNER", "sfp_bgpview", "16509", 2), "x1 BGP_AS_OWNER ROOT sfp_bgpview 14061")},
	{rule: "cert_name_not_resolving",
		hit: []string{
			"n1 INTERNET_NAME_UNRESOLVED ROOT sfp_crt old-vpn.example.com",
			"n2 INTERNET_NAME_UNRESOLVED ROOT sfp_crt www.example.com",
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
		},
		want: []string{"Certificate names a host that does not resolve: old-vpn.example.com"}, n: 1,
		miss: []string{
			"n1 INTERNET_NAME_UNRESOLVED ROOT sfp_dnsbrute old-vpn.example.com",
		}},
	{rule: "password_form_without_tls",
		hit:  []string{"u1 URL_PASSWORD ROOT sfp_spider http://example.com/login"},
		want: []string{"Password form served without TLS: http://example.com/login"}, n: 1,
		miss: []string{"u1 URL_PASSWORD ROOT sfp_spider https://example.com/login"}},
	{rule: "defaced_target_site",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			`d1 DEFACED_INTERNET_NAME h1 sfp_zoneh "Zone-H: www.example.com defaced\n<SFURL>https://zone-h.example/1</SFURL>"`,
		},
		want: []string{"Defacement reported for www.example.com"}, n: 1,
		miss: []string{
			"a1 AFFILIATE_INTERNET_NAME ROOT sfp_spider partner.example.net",
			"d1 DEFACED_AFFILIATE_INTERNET_NAME a1 sfp_zoneh Zone-H: partner.example.net defaced",
		}},
	{rule: "unauthenticated_datastore",
		hit: []string{
			"p1 TCP_PORT_OPEN ROOT sfp_portscan_tcp 192.0.2.5:9200",
			`b1 TCP_PORT_OPEN_BANNER p1 sfp_portscan_tcp {"name":"es-node-1","cluster_name":"elasticsearch"}`,
		},
		want: []string{"Data store answers without authentication: 192.0.2.5:9200"}, n: 1,
		miss: []string{
			"p1 TCP_PORT_OPEN ROOT sfp_portscan_tcp 192.0.2.5:6379",
			"b1 TCP_PORT_OPEN_BANNER p1 sfp_portscan_tcp -NOAUTH Authentication required.",
		}},
	{rule: "shared_certificate_many_hosts",
		hit:  certs(5, 5),
		want: []string{"Certificate served by many hosts: CN=*.example.com"}, n: 5,
		miss: certs(4, 5)},
	{rule: "listed_address_in_target_network",
		hit: []string{
			"n1 NETBLOCK_OWNER ROOT sfp_whois 198.51.100.0/24",
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 198.51.100.7",
			"m1 MALICIOUS_IPADDR i1 sfp_alienvault AlienVault OTX [198.51.100.7]",
			"i2 IP_ADDRESS ROOT sfp_dnsresolve 203.0.113.5",
			"m2 BLACKLISTED_IPADDR i2 sfp_spamhaus Spamhaus [203.0.113.5]",
		},
		want: []string{"Address inside the target's network is listed: 198.51.100.7"}, n: 1,
		miss: []string{
			"n1 NETBLOCK_OWNER ROOT sfp_whois 198.51.100.0/24",
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 198.51.100.7",
			"i2 IP_ADDRESS ROOT sfp_dnsresolve 203.0.113.5",
			"m2 BLACKLISTED_IPADDR i2 sfp_spamhaus Spamhaus [203.0.113.5]",
		}},
}

// hosts makes n distinct host names found by module, plus dup repeats.
func hosts(module string, n, dup int) []string {
	var out []string
	for i := 0; i < n+dup; i++ {
		out = append(out, "h"+strconv.Itoa(i)+" INTERNET_NAME ROOT "+module+" host"+strconv.Itoa(i%n)+".example.com")
	}
	return out
}

// certs makes a wildcard certificate served by hosts distinct hosts, n times.
func certs(hosts, n int) []string {
	var out []string
	for i := 0; i < hosts; i++ {
		out = append(out, "h"+strconv.Itoa(i)+" INTERNET_NAME ROOT sfp_dnsresolve host"+strconv.Itoa(i)+".example.com")
	}
	for i := 0; i < n; i++ {
		out = append(out, "c"+strconv.Itoa(i)+" SSL_CERTIFICATE_ISSUED h"+strconv.Itoa(i%hosts)+" sfp_sslcert CN=*.example.com")
	}
	return out
}

// TestDefaultRules: each default rule triggers on a scan built here with
// the headline expected, and not on its near miss.
func TestDefaultRules(t *testing.T) {
	rules, _ := Load(defaultRulesDir)
	byID := map[string]*Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	seen := map[string]bool{}
	for _, c := range defaultCases {
		t.Run(c.rule, func(t *testing.T) {
			r := byID[c.rule]
			if r == nil {
				t.Fatalf("no rule %s", c.rule)
			}
			seen[c.rule] = true
			hit := build(t, "example.com", c.hit...)
			res := Run(hit, []*Rule{r})
			check(t, "headlines", headlines(res), c.want)
			if len(res) > 0 && len(res[0].Elements) != c.n {
				t.Errorf("elements %q, want %d", ids(hit, res[0].Elements), c.n)
			}
			miss := build(t, "example.com", c.miss...)
			if res := Run(miss, []*Rule{r}); len(res) != 0 {
				t.Errorf("near miss triggered: %q", summary(miss, res))
			}
		})
	}
	for _, r := range rules {
		if !seen[r.ID] {
			t.Errorf("default rule %s has no test case", r.ID)
		}
	}
}

// TestDefaultRulesOnSample: the finished sample scan triggers most of the
// default rules.
func TestDefaultRulesOnSample(t *testing.T) {
	root, err := scan.OpenRoot("../../scans")
	if err != nil {
		t.Skip("no sample scans")
	}
	defer root.Close()
	d, err := root.Open("acme-corp-2026-11-18")
	if err != nil {
		t.Skip("no finished sample scan")
	}
	defer d.Close()
	s, err := model.Load(d, testCat, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !Eligible(s) {
		t.Fatalf("sample scan is %s %s", s.Meta.Status, s.Meta.Kind)
	}
	rules, _ := Load(defaultRulesDir)
	fired := map[string]bool{}
	for _, r := range Run(s, rules) {
		fired[r.Rule.ID] = true
	}
	for _, id := range []string{"breached_mailbox_with_password", "cert_name_not_resolving", "defaced_target_site",
		"end_of_life_software", "expired_cert_vulnerable_host", "listed_address_in_target_network",
		"listed_address_with_open_ports", "many_hosts_one_module", "password_form_without_tls", "rare_network_owner",
		"shared_certificate_many_hosts", "vulnerable_host_exposed_service"} {
		if !fired[id] {
			t.Errorf("%s did not trigger on the sample scan", id)
		}
	}
	var quiet []string
	for _, r := range rules {
		if !fired[r.ID] {
			quiet = append(quiet, r.ID)
		}
	}
	slices.Sort(quiet)
	t.Logf("not triggered on the sample (tested on built scans): %v", quiet)
}
