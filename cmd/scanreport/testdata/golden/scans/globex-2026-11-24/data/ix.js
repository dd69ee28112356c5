(window.__sr=window.__sr||[]).push(
{
 "k": "ix",
 "scan": "globex-2026-11-24",
 "v": 4,
 "gen": 0,
 "rowBits": 24,
 "blocks": 1,
 "entries": 509,
 "shards": {
  "t": 1,
  "x": 1
 },
 "types": [
  {
   "slug": "internet_name",
   "n": 66
  },
  {
   "slug": "domain_name",
   "n": 1
  },
  {
   "slug": "domain_whois",
   "n": 1
  },
  {
   "slug": "ssl_certificate_issued",
   "n": 9
  },
  {
   "slug": "linked_url_internal",
   "n": 187
  },
  {
   "slug": "linked_url_external",
   "n": 46
  },
  {
   "slug": "http_code",
   "n": 57
  },
  {
   "slug": "target_web_content_type",
   "n": 10
  },
  {
   "slug": "url_javascript",
   "n": 21
  },
  {
   "slug": "domain_registrar",
   "n": 1
  },
  {
   "slug": "webserver_httpheaders",
   "n": 23
  },
  {
   "slug": "ssl_certificate_issuer",
   "n": 8
  },
  {
   "slug": "ip_address",
   "n": 47
  },
  {
   "slug": "raw_dns_records",
   "n": 22
  },
  {
   "slug": "co_hosted_site",
   "n": 7
  },
  {
   "slug": "provider_mail",
   "n": 2
  },
  {
   "slug": "tcp_port_open",
   "n": 44
  },
  {
   "slug": "target_web_cookie",
   "n": 11
  },
  {
   "slug": "webserver_banner",
   "n": 17
  },
  {
   "slug": "similardomain",
   "n": 19
  },
  {
   "slug": "affiliate_internet_name",
   "n": 17
  },
  {
   "slug": "dns_spf",
   "n": 1
  },
  {
   "slug": "vulnerability_cve_critical",
   "n": 2
  },
  {
   "slug": "url_web_framework",
   "n": 7
  },
  {
   "slug": "target_web_content",
   "n": 7
  },
  {
   "slug": "malicious_internet_name",
   "n": 5
  },
  {
   "slug": "webserver_technology",
   "n": 11
  },
  {
   "slug": "provider_hosting",
   "n": 8
  },
  {
   "slug": "dns_text",
   "n": 4
  },
  {
   "slug": "url_form",
   "n": 15
  },
  {
   "slug": "emailaddr",
   "n": 16
  },
  {
   "slug": "provider_dns",
   "n": 4
  },
  {
   "slug": "phone_number",
   "n": 4
  },
  {
   "slug": "internet_name_unresolved",
   "n": 3
  },
  {
   "slug": "tcp_port_open_banner",
   "n": 21
  },
  {
   "slug": "malicious_ipaddr",
   "n": 3
  },
  {
   "slug": "software_used",
   "n": 11
  },
  {
   "slug": "cloud_storage_bucket",
   "n": 6
  },
  {
   "slug": "emailaddr_compromised",
   "n": 6
  },
  {
   "slug": "ssl_certificate_raw",
   "n": 2
  },
  {
   "slug": "geoinfo",
   "n": 11
  },
  {
   "slug": "human_name",
   "n": 6
  },
  {
   "slug": "account_external_owned",
   "n": 6
  },
  {
   "slug": "ipv6_address",
   "n": 1
  },
  {
   "slug": "netblock_owner",
   "n": 9
  },
  {
   "slug": "cloud_storage_bucket_open",
   "n": 2
  },
  {
   "slug": "vulnerability_cve_low",
   "n": 2
  },
  {
   "slug": "vulnerability_cve_medium",
   "n": 1
  },
  {
   "slug": "emailaddr_generic",
   "n": 1
  },
  {
   "slug": "bgp_as_owner",
   "n": 3
  },
  {
   "slug": "blacklisted_ipaddr",
   "n": 3
  },
  {
   "slug": "url_password",
   "n": 2
  },
  {
   "slug": "defaced_internet_name",
   "n": 1
  }
 ]
}
);
