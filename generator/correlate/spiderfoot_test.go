package correlate

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSpiderFootRulesLoad: every one of SpiderFoot's 37 rule files loads
// without a problem, template.yaml is skipped.
func TestSpiderFootRulesLoad(t *testing.T) {
	rules, probs := Load(sfRulesDir)
	for _, p := range probs {
		t.Errorf("problem: %s", p)
	}
	if len(rules) != 37 {
		t.Fatalf("loaded %d rules, want 37", len(rules))
	}
	entries, _ := os.ReadDir(sfRulesDir)
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") && e.Name() != TemplateFile {
			n++
		}
	}
	if n != 37 {
		t.Errorf("folder has %d rule files, want 37", n)
	}
	risks := map[string]int{}
	for _, r := range rules {
		risks[r.Risk]++
		if r.Name == "" || r.Description == "" || len(r.Raw) == 0 || !r.Enabled {
			t.Errorf("%s: name %q, description %q, raw %d bytes, enabled %v", r.ID, r.Name, r.Description, len(r.Raw), r.Enabled)
		}
	}
	if risks[RiskHigh] != 9 || risks[RiskMedium] != 10 || risks[RiskLow] != 6 || risks[RiskInfo] != 12 {
		t.Errorf("risks = %v, want HIGH 9, MEDIUM 10, LOW 6, INFO 12", risks)
	}
}

// sfCase is one SpiderFoot rule: a scan that triggers it (with the
// headlines and elements expected) and a near miss that does not.
type sfCase struct {
	rule    string
	target  string
	hit     []string // element lines of the triggering scan
	want    []string // summary(): "headline id,id"
	miss    []string // element lines of the near miss
	missWhy string
}

// Element lines: id TYPE source module data.
var sfCases = []sfCase{
	{rule: "cert_expired",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"c1 SSL_CERTIFICATE_ISSUED h1 sfp_sslcert CN=www.example.com",
			"x1 SSL_CERTIFICATE_EXPIRED c1 sfp_sslcert Not After: Mar  2 09:02:37 2025 GMT",
		},
		want: []string{"Expired SSL certificate found: CN=www.example.com x1"},
		miss: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"c1 SSL_CERTIFICATE_ISSUED h1 sfp_sslcert CN=www.example.com",
			"x1 SSL_CERTIFICATE_EXPIRING c1 sfp_sslcert Not After: Mar  2 09:02:37 2027 GMT",
		}, missWhy: "expiring, not expired"},
	{rule: "cloud_bucket_open",
		hit: []string{
			"u1 LINKED_URL_EXTERNAL ROOT sfp_spider https://media.s3.amazonaws.com/logo.png",
			"b1 CLOUD_STORAGE_BUCKET u1 sfp_s3bucket media.s3.amazonaws.com",
			"o1 CLOUD_STORAGE_BUCKET_OPEN b1 sfp_s3bucket media.s3.amazonaws.com: 3 files found.",
		},
		want: []string{"Cloud storage bucket found open: media.s3.amazonaws.com b1"},
		miss: []string{
			"u1 LINKED_URL_EXTERNAL ROOT sfp_spider https://media.s3.amazonaws.com/logo.png",
			"b1 CLOUD_STORAGE_BUCKET u1 sfp_s3bucket media.s3.amazonaws.com",
		}, missWhy: "the bucket is not open"},
	{rule: "cloud_bucket_open_related",
		hit: []string{
			"d1 DOMAIN_NAME ROOT sfp_dnsresolve example.com",
			"b1 CLOUD_STORAGE_BUCKET d1 sfp_s3bucket example-backup.s3.amazonaws.com",
			"o1 CLOUD_STORAGE_BUCKET_OPEN b1 sfp_s3bucket example-backup.s3.amazonaws.com: 12 files found.",
		},
		want: []string{"Potentially relevant cloud storage bucket found open: example-backup.s3.amazonaws.com b1"},
		miss: []string{
			"u1 LINKED_URL_EXTERNAL ROOT sfp_spider https://media.s3.amazonaws.com/logo.png",
			"b1 CLOUD_STORAGE_BUCKET u1 sfp_s3bucket media.s3.amazonaws.com",
			"o1 CLOUD_STORAGE_BUCKET_OPEN b1 sfp_s3bucket media.s3.amazonaws.com: 3 files found.",
		}, missWhy: "linked from the site: cloud_bucket_open's case"},
	{rule: "data_from_base64",
		hit: []string{
			"b1 BASE64_DATA ROOT sfp_base64 YWRtaW5AZXhhbXBsZS5jb20=",
			"e1 EMAILADDR b1 sfp_email admin@example.com",
		},
		want: []string{"Interesting data was found within base64-encoded data: 'admin@example.com' b1"},
		miss: []string{
			"b1 BASE64_DATA ROOT sfp_base64 YWRtaW5AZXhhbXBsZS5jb20=",
			"h1 HASH b1 sfp_hashes [MD5] 5f4dcc3b5aa765d61d8327deb882cf99",
		}, missWhy: "the only child is a HASH"},
	{rule: "data_from_docmeta",
		hit: []string{
			"m1 RAW_FILE_META_DATA ROOT sfp_filemeta Producer: Microsoft Word 16.0",
			"s1 SOFTWARE_USED m1 sfp_filemeta Microsoft Word 16.0",
		},
		want: []string{"Interesting data was found within document meta data: 'Microsoft Word 16.0' m1"},
		miss: []string{
			"m1 RAW_FILE_META_DATA ROOT sfp_filemeta Producer: Microsoft Word 16.0",
		}, missWhy: "nothing was found in the meta data"},
	{rule: "database_exposed",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.10",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.10:5432",
			"p2 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.10:443",
		},
		want: []string{"Database server exposed to the Internet: 192.0.2.10:5432 p1"},
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.10",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.10:54321",
		}, missWhy: "port 54321, not 5432"},
	{rule: "dev_or_test_system",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsbrute Staging-API.example.com",
			"h2 INTERNET_NAME ROOT sfp_dnsbrute www.example.com",
		},
		want: []string{"Development or internal system found: Staging-API.example.com h1"},
		miss: []string{
			"h2 INTERNET_NAME ROOT sfp_dnsbrute www.example.com",
		}, missWhy: "no dev/test/uat/internal/staging in the name"},
	{rule: "dns_zone_transfer_possible",
		hit: []string{
			"n1 PROVIDER_DNS ROOT sfp_dnsresolve ns1.example.com",
			"z1 RAW_DNS_RECORDS n1 sfp_dnszonexfer example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com.",
		},
		want: []string{"DNS Zone Transfer possible with ns1.example.com z1"},
		miss: []string{
			"n1 PROVIDER_DNS ROOT sfp_dnsresolve ns1.example.com",
			"z1 RAW_DNS_RECORDS n1 sfp_dnsraw example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com.",
		}, missWhy: "DNS records from another module"},
	{rule: "egress_ip_from_wikipedia",
		hit: []string{
			"n1 NETBLOCK_OWNER ROOT sfp_whois 198.51.100.0/24",
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 198.51.100.7",
			"w1 WIKIPEDIA_PAGE_EDIT i1 sfp_wikipediaedits https://en.wikipedia.org/wiki/Example",
		},
		want: []string{"Wikipedia edit from IP within target-owned network: 198.51.100.7 i1"},
		miss: []string{
			"n1 NETBLOCK_OWNER ROOT sfp_whois 198.51.100.0/24",
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 203.0.113.7",
			"w1 WIKIPEDIA_PAGE_EDIT i1 sfp_wikipediaedits https://en.wikipedia.org/wiki/Example",
		}, missWhy: "the address is outside the target's netblock"},
	{rule: "email_in_multiple_breaches",
		hit: []string{
			"e1 EMAILADDR ROOT sfp_email jo@example.com",
			"c1 EMAILADDR_COMPROMISED e1 sfp_haveibeenpwned jo@example.com [Adobe]",
			"c2 EMAILADDR_COMPROMISED e1 sfp_haveibeenpwned jo@example.com [LinkedIn]",
		},
		want: []string{"Email address reported in multiple breaches: jo@example.com c1,c2"},
		miss: []string{
			"e1 EMAILADDR ROOT sfp_email jo@example.com",
			"c1 EMAILADDR_COMPROMISED e1 sfp_haveibeenpwned jo@example.com [Adobe]",
		}, missWhy: "one breach only"},
	{rule: "email_in_whois",
		hit: []string{
			"w1 DOMAIN_WHOIS ROOT sfp_whois Registrant Email: admin@example.com",
			"e1 EMAILADDR w1 sfp_email admin@example.com",
		},
		want: []string{"Email address found in Whois record: admin@example.com e1"},
		miss: []string{
			"w1 TARGET_WEB_CONTENT ROOT sfp_spider Contact: admin@example.com",
			"e1 EMAILADDR w1 sfp_email admin@example.com",
		}, missWhy: "found on the web site, not in Whois"},
	{rule: "email_only_from_pasteleak_site",
		hit: []string{
			"l1 LEAKSITE_CONTENT ROOT sfp_pastebin user: ops@example.com pass: hunter2",
			"e1 EMAILADDR l1 sfp_email ops@example.com",
			"w1 TARGET_WEB_CONTENT ROOT sfp_spider Contact: info@example.com",
			"e2 EMAILADDR w1 sfp_email info@example.com",
		},
		want: []string{"Email address found only in paste/leak site: ops@example.com e1"},
		miss: []string{
			"l1 LEAKSITE_CONTENT ROOT sfp_pastebin user: ops@example.com pass: hunter2",
			"e1 EMAILADDR l1 sfp_email ops@example.com",
			"w1 TARGET_WEB_CONTENT ROOT sfp_spider Contact: ops@example.com",
			"e2 EMAILADDR w1 sfp_email ops@example.com",
		}, missWhy: "the address is on the web site too"},
	{rule: "host_only_from_bruteforce",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsbrute vpn.example.com",
			"h2 INTERNET_NAME ROOT sfp_dnsbrute www.example.com",
			"h3 INTERNET_NAME ROOT sfp_crt www.example.com",
		},
		want: []string{"Host found only through bruteforcing: vpn.example.com h1"},
		miss: []string{
			"h2 INTERNET_NAME ROOT sfp_dnsbrute www.example.com",
			"h3 INTERNET_NAME ROOT sfp_crt www.example.com",
		}, missWhy: "certificate logs know the host too"},
	{rule: "host_only_from_certificatetransparency",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_crt old.example.com",
			"h2 INTERNET_NAME ROOT sfp_dnsresolve old.example.com",
		},
		want: []string{"Host found only in certificate transparency: old.example.com h1"},
		miss: []string{
			"h1 INTERNET_NAME ROOT sfp_certspotter old.example.com",
			"h2 INTERNET_NAME ROOT sfp_dnsbrute old.example.com",
		}, missWhy: "brute force found it too (sfp_dnsresolve does not count)"},
	{rule: "http_errors",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"u1 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/a",
			"u2 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/b",
			"u3 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/c",
			"c1 HTTP_CODE u1 sfp_spider 404",
			"c2 HTTP_CODE u2 sfp_spider 404",
			"c3 HTTP_CODE u3 sfp_spider 403",
		},
		want: []string{"Multiple failure HTTP codes found at www.example.com c1,c2"},
		miss: []string{ // NOTES 5.3: 404×3 and 500×1 is dropped: 500 occurs once
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"u1 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/a",
			"u2 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/b",
			"u3 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/c",
			"u4 LINKED_URL_INTERNAL h1 sfp_spider https://www.example.com/d",
			"c1 HTTP_CODE u1 sfp_spider 404",
			"c2 HTTP_CODE u2 sfp_spider 404",
			"c3 HTTP_CODE u3 sfp_spider 404",
			"c4 HTTP_CODE u4 sfp_spider 500",
		}, missWhy: "every failure code must occur twice; 500 occurs once"},
	{rule: "human_name_in_whois",
		hit: []string{
			"w1 DOMAIN_WHOIS ROOT sfp_whois Registrant Name: Jo Bloggs",
			"n1 HUMAN_NAME w1 sfp_names Jo Bloggs",
		},
		want: []string{"Human name found in Whois record: Jo Bloggs n1"},
		miss: []string{
			"w1 TARGET_WEB_CONTENT ROOT sfp_spider Our team: Jo Bloggs",
			"n1 HUMAN_NAME w1 sfp_names Jo Bloggs",
		}, missWhy: "the name is from the web site"},
	{rule: "internal_host",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve intranet.example.com",
			"i1 INTERNAL_IP_ADDRESS h1 sfp_dnsresolve 10.0.0.5",
		},
		want: []string{"An internal host was found: 10.0.0.5 i1"},
		miss: []string{ // kept SpiderFoot bug: ^192\\.168\\..* needs a backslash
			"h1 INTERNET_NAME ROOT sfp_dnsresolve intranet.example.com",
			"i1 IP_ADDRESS h1 sfp_dnsresolve 192.168.1.10",
		}, missWhy: "the IP_ADDRESS collection's doubled backslashes never match"},
	{rule: "multiple_malicious",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.66",
			"m1 MALICIOUS_IPADDR i1 sfp_alienvault AlienVault OTX [192.0.2.66]",
			"m2 BLACKLISTED_IPADDR i1 sfp_spamhaus Spamhaus (Zen) [192.0.2.66]",
		},
		want: []string{"Entity considered malicious by multiple sources: 192.0.2.66 m1,m2"},
		miss: []string{
			"n1 NETBLOCK_OWNER ROOT sfp_whois 192.0.2.0/24",
			"m1 MALICIOUS_NETBLOCK n1 sfp_alienvault AlienVault OTX [192.0.2.0/24]",
			"m2 BLACKLISTED_NETBLOCK n1 sfp_spamhaus Spamhaus (Zen) [192.0.2.0/24]",
		}, missWhy: "subnets are left out"},
	{rule: "multiple_malicious_affiliate",
		hit: []string{
			"a1 AFFILIATE_INTERNET_NAME ROOT sfp_spider partner.example.net",
			"m1 MALICIOUS_AFFILIATE_INTERNET_NAME a1 sfp_alienvault AlienVault OTX [partner.example.net]",
			"m2 BLACKLISTED_AFFILIATE_INTERNET_NAME a1 sfp_spamhaus Spamhaus [partner.example.net]",
		},
		want: []string{"Affiliated entity considered malicious by multiple sources: partner.example.net m1,m2"},
		miss: []string{
			"a1 AFFILIATE_INTERNET_NAME ROOT sfp_spider partner.example.net",
			"m1 MALICIOUS_AFFILIATE_INTERNET_NAME a1 sfp_alienvault AlienVault OTX [partner.example.net]",
		}, missWhy: "one source only"},
	{rule: "multiple_malicious_cohost",
		hit: []string{
			"c1 CO_HOSTED_SITE ROOT sfp_hackertarget neighbour.example.org",
			"m1 MALICIOUS_COHOST c1 sfp_alienvault AlienVault OTX [neighbour.example.org]",
			"m2 BLACKLISTED_COHOST c1 sfp_spamhaus Spamhaus [neighbour.example.org]",
		},
		want: []string{"Co-hosted site considered malicious by multiple sources: neighbour.example.org m1,m2"},
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.66",
			"m1 MALICIOUS_IPADDR i1 sfp_alienvault AlienVault OTX [192.0.2.66]",
			"m2 BLACKLISTED_IPADDR i1 sfp_spamhaus Spamhaus (Zen) [192.0.2.66]",
		}, missWhy: "not a co-host"},
	{rule: "name_only_from_pasteleak_site",
		hit: []string{
			"l1 LEAKSITE_CONTENT ROOT sfp_pastebin ssh root@db7.example.com",
			"h1 INTERNET_NAME l1 sfp_dnsresolve db7.example.com",
		},
		want: []string{"Human name found only in paste/leak site: db7.example.com h1"},
		miss: []string{
			"l1 LEAKSITE_CONTENT ROOT sfp_pastebin ssh root@db7.example.com",
			"h1 INTERNET_NAME l1 sfp_dnsresolve db7.example.com",
			"h2 INTERNET_NAME ROOT sfp_dnsbrute db7.example.com",
		}, missWhy: "brute force found the host too"},
	{rule: "open_port_version",
		hit: []string{
			"p1 TCP_PORT_OPEN ROOT sfp_portscan_tcp 192.0.2.10:25",
			`b1 TCP_PORT_OPEN_BANNER p1 sfp_portscan_tcp "220 mail.example.com ESMTP Postfix 3.6.4\r\n250 OK"`,
		},
		want: []string{"Software version revealed on open port: 220 mail.example.com ESMTP Postfix 3.6.4 b1"},
		miss: []string{
			"p1 TCP_PORT_OPEN ROOT sfp_portscan_tcp 192.0.2.10:80",
			`b1 TCP_PORT_OPEN_BANNER p1 sfp_portscan_tcp "HTTP/1.1 200 OK\r\nServer: nginx/1.24.0"`,
		}, missWhy: "HTTP/1 banners are left out"},
	{rule: "outlier_cloud",
		hit:  append(repeat("p", "PROVIDER_HOSTING", "sfp_hosting", "Amazon AWS", 10), "q1 PROVIDER_HOSTING ROOT sfp_hosting Hetzner Online"),
		want: []string{"Outlier cloud provider found: Hetzner Online q1"},
		miss: append(repeat("p", "PROVIDER_HOSTING", "sfp_hosting", "Amazon AWS", 2), "q1 PROVIDER_HOSTING ROOT sfp_hosting Hetzner Online"),
		// 1 of 3 is 33%, more than 10%
		missWhy: "the rare provider is a third of them"},
	{rule: "outlier_country",
		hit:     append(repeat("c", "COUNTRY_NAME", "sfp_ipinfo", "Germany", 19), "x1 COUNTRY_NAME ROOT sfp_ipinfo Panama", "x2 COUNTRY_NAME ROOT sfp_ipinfo Panama"),
		want:    []string{"Outlier country found: Panama x1,x2"},
		miss:    twelveDistinct("COUNTRY_NAME", "sfp_ipinfo", "Country"),
		missWhy: "twelve countries: too noisy"},
	{rule: "outlier_email",
		hit:     append(repeat("e", "EMAILADDR", "sfp_email", "info@example.com", 9), "x1 EMAILADDR ROOT sfp_email ceo.private@example.org"),
		want:    []string{"Outlier email address found: ceo.private@example.org x1"},
		miss:    append(repeat("e", "EMAILADDR", "sfp_email", "info@example.com", 8), "x1 EMAILADDR ROOT sfp_email ceo.private@example.org"),
		missWhy: "1 of 9 is 11%, more than 10%"},
	{rule: "outlier_hostname",
		hit:     append(repeat("h", "INTERNET_NAME", "sfp_dnsresolve", "www.example.com", 10), "x1 INTERNET_NAME ROOT sfp_dnsresolve legacy.example.com"),
		want:    []string{"Outlier hostname found: legacy.example.com x1"},
		miss:    repeat("h", "INTERNET_NAME", "sfp_dnsresolve", "www.example.com", 10),
		missWhy: "one bucket holds every host"},
	{rule: "outlier_ipaddress",
		hit:     append(repeat("i", "IP_ADDRESS", "sfp_dnsresolve", "192.0.2.1", 10), "x1 IPV6_ADDRESS ROOT sfp_dnsresolve 2001:db8::1"),
		want:    []string{"Outlier IP address found: 2001:db8::1 x1"},
		miss:    append(repeat("i", "IP_ADDRESS", "sfp_dnsresolve", "192.0.2.1", 10), "x1 IPV6_ADDRESS ROOT sfp_dnsresolve 2001:db8::1", "x2 IPV6_ADDRESS ROOT sfp_dnsresolve 2001:db8::1"),
		missWhy: "2 of 12 is 17%"},
	{rule: "outlier_registrar",
		hit:     append(repeat("r", "DOMAIN_REGISTRAR", "sfp_whois", "MarkMonitor Inc.", 10), "x1 DOMAIN_REGISTRAR ROOT sfp_whois Cheap Names LLC"),
		want:    []string{"Outlier registrar found: Cheap Names LLC x1"},
		miss:    append(repeat("r", "DOMAIN_REGISTRAR", "sfp_whois", "MarkMonitor Inc.", 1), "x1 DOMAIN_REGISTRAR ROOT sfp_whois Cheap Names LLC"),
		missWhy: "two registrars, half each"},
	{rule: "outlier_webserver",
		hit:     append(repeat("w", "WEBSERVER_BANNER", "sfp_webserver", "nginx/1.24.0", 10), "x1 WEBSERVER_BANNER ROOT sfp_webserver Microsoft-IIS/6.0"),
		want:    []string{"Outlier web server found: Microsoft-IIS/6.0 x1"},
		miss:    append(repeat("w", "WEBSERVER_BANNER", "sfp_webserver", "nginx/1.24.0", 4), "x1 WEBSERVER_BANNER ROOT sfp_webserver Microsoft-IIS/6.0"),
		missWhy: "1 of 5 is 20%"},
	{rule: "remote_desktop_exposed",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.20",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.20:3389",
			"p2 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.20:5900",
		},
		want: []string{"Remote desktop exposed to the Internet: 192.0.2.20 p1,p2"},
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.20",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.20:33890",
		}, missWhy: "port 33890"},
	{rule: "root_path_needs_auth",
		hit: []string{
			"u1 LINKED_URL_INTERNAL ROOT sfp_spider https://admin.example.com/",
			"c1 HTTP_CODE u1 sfp_spider 401",
		},
		want: []string{"Base URL requires authentication: https://admin.example.com/ c1"},
		miss: []string{
			"u1 LINKED_URL_INTERNAL ROOT sfp_spider https://admin.example.com/login",
			"c1 HTTP_CODE u1 sfp_spider 401",
		}, missWhy: "not the base path"},
	{rule: "stale_host",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve old.example.com",
			"u1 LINKED_URL_INTERNAL h1 sfp_spider https://old.example.com/",
			"c1 HTTP_CODE u1 sfp_spider 500",
			"e1 ERROR_MESSAGE u1 sfp_errors PHP Fatal error: Uncaught Error",
			"v1 VULNERABILITY_GENERAL h1 sfp_tool_nuclei Outdated jQuery",
		},
		want: []string{"Potentially stale/unmaintained host: old.example.com c1,e1,v1"},
		miss: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve old.example.com",
			"u1 LINKED_URL_INTERNAL h1 sfp_spider https://old.example.com/",
			"u2 LINKED_URL_INTERNAL h1 sfp_spider https://old.example.com/x",
			"c1 HTTP_CODE u1 sfp_spider 500",
			"c2 HTTP_CODE u2 sfp_spider 502",
			"v1 VULNERABILITY_GENERAL h1 sfp_tool_nuclei Outdated jQuery",
		}, missWhy: "two kinds of signs, three needed"},
	{rule: "strong_affiliate_certs",
		hit: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"h2 INTERNET_NAME ROOT sfp_dnsresolve shop.example.com",
			"a1 AFFILIATE_INTERNET_NAME h1 sfp_sslcert cdn.partner.net",
			"a2 AFFILIATE_INTERNET_NAME h2 sfp_sslcert cdn.partner.net",
		},
		want: []string{"Affiliate with strong target relationship: cdn.partner.net a1,a2"},
		miss: []string{
			"h1 INTERNET_NAME ROOT sfp_dnsresolve www.example.com",
			"a1 AFFILIATE_INTERNET_NAME h1 sfp_sslcert cdn.partner.net",
			"a2 AFFILIATE_INTERNET_NAME h1 sfp_crt cdn.partner.net",
		}, missWhy: "both certificates cover the same host"},
	{rule: "strong_similardomain_crossref",
		hit: []string{
			"s1 SIMILARDOMAIN ROOT sfp_similar example.net",
			"a1 AFFILIATE_INTERNET_NAME s1 sfp_crossref example.net",
		},
		want: []string{"Similar domain with strong target relationship: example.net a1"},
		miss: []string{
			"s1 SIMILARDOMAIN ROOT sfp_similar example.net",
			"a1 AFFILIATE_INTERNET_NAME s1 sfp_spider example.net",
		}, missWhy: "not found by cross-referencing"},
	{rule: "vulnerability_critical",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.30",
			"p1 TCP_PORT_OPEN i1 sfp_portscan_tcp 192.0.2.30:443",
			"v1 VULNERABILITY_CVE_CRITICAL p1 sfp_shodan CVE-2023-4966",
		},
		want: []string{"Critical-rated vulnerability found on 192.0.2.30 v1"},
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.30",
			"v1 VULNERABILITY_CVE_HIGH i1 sfp_shodan CVE-2021-41773",
		}, missWhy: "high, not critical"},
	{rule: "vulnerability_high",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.30",
			"v1 VULNERABILITY_CVE_HIGH i1 sfp_shodan CVE-2021-41773",
			"v2 VULNERABILITY_CVE_HIGH i1 sfp_shodan CVE-2022-0778",
		},
		want: []string{"High-rated vulnerability found on 192.0.2.30 v1,v2"},
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.30",
			"v1 VULNERABILITY_CVE_MEDIUM i1 sfp_shodan CVE-2020-11022",
		}, missWhy: "medium, not high"},
	{rule: "vulnerability_mediumlow",
		hit: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.30",
			"v1 VULNERABILITY_CVE_MEDIUM i1 sfp_shodan CVE-2020-11022",
			"v2 VULNERABILITY_CVE_LOW i1 sfp_shodan CVE-2019-1010",
		},
		want: []string{"Multiple medium/low vulnerabilities found on 192.0.2.30 v2,v1"},
		miss: []string{
			"i1 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.30",
			"i2 IP_ADDRESS ROOT sfp_dnsresolve 192.0.2.31",
			"v1 VULNERABILITY_CVE_MEDIUM i1 sfp_shodan CVE-2020-11022",
			"v2 VULNERABILITY_CVE_LOW i2 sfp_shodan CVE-2019-1010",
		}, missWhy: "one on each of two addresses"},
}

// repeat makes n element lines of one type and value under ROOT.
func repeat(prefix, typ, module, data string, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, prefix+strconv.Itoa(i)+" "+typ+" ROOT "+module+" "+data)
	}
	return out
}

// twelveDistinct makes twelve elements with twelve values.
func twelveDistinct(typ, module, prefix string) []string {
	var out []string
	for i := 1; i <= 12; i++ {
		out = append(out, "d"+strconv.Itoa(i)+" "+typ+" ROOT "+module+" "+prefix+" "+strconv.Itoa(i))
	}
	return out
}

// TestSpiderFootRules: each of the 37 rules triggers on its scan with the
// headline expected, and not on its near miss.
func TestSpiderFootRules(t *testing.T) {
	rules, probs := Load(sfRulesDir)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	byID := map[string]*Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	seen := map[string]bool{}
	for _, c := range sfCases {
		t.Run(c.rule, func(t *testing.T) {
			r := byID[c.rule]
			if r == nil {
				t.Fatalf("no rule %s", c.rule)
			}
			seen[c.rule] = true
			target := c.target
			if target == "" {
				target = "example.com"
			}
			hit := build(t, target, c.hit...)
			if got := summary(hit, Run(hit, []*Rule{r})); !slices.Equal(got, c.want) {
				t.Errorf("results:\n got %q\nwant %q", got, c.want)
			}
			miss := build(t, target, c.miss...)
			if got := Run(miss, []*Rule{r}); len(got) != 0 {
				t.Errorf("near miss (%s) triggered: %q", c.missWhy, summary(miss, got))
			}
		})
	}
	for _, r := range rules {
		if !seen[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
}
