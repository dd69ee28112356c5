(window.__sr=window.__sr||[]).push(
{
 "k": "ix",
 "scan": "initech-2026-11-21",
 "v": 4,
 "gen": 0,
 "rowBits": 24,
 "blocks": 1,
 "entries": 911,
 "shards": {
  "t": 1,
  "x": 1
 },
 "types": [
  {
   "slug": "internet_name",
   "n": 105
  },
  {
   "slug": "domain_name",
   "n": 1
  },
  {
   "slug": "dns_spf",
   "n": 1
  },
  {
   "slug": "provider_mail",
   "n": 2
  },
  {
   "slug": "ipv6_address",
   "n": 16
  },
  {
   "slug": "linked_url_internal",
   "n": 361
  },
  {
   "slug": "webserver_httpheaders",
   "n": 56
  },
  {
   "slug": "ip_address",
   "n": 107
  },
  {
   "slug": "domain_registrar",
   "n": 1
  },
  {
   "slug": "tcp_port_open",
   "n": 66
  },
  {
   "slug": "emailaddr",
   "n": 26
  },
  {
   "slug": "co_hosted_site",
   "n": 29
  },
  {
   "slug": "linked_url_external",
   "n": 84
  },
  {
   "slug": "webserver_banner",
   "n": 51
  },
  {
   "slug": "url_javascript",
   "n": 40
  },
  {
   "slug": "tcp_port_open_banner",
   "n": 25
  },
  {
   "slug": "url_web_framework",
   "n": 19
  },
  {
   "slug": "webserver_technology",
   "n": 14
  },
  {
   "slug": "url_form",
   "n": 17
  },
  {
   "slug": "domain_whois",
   "n": 1
  },
  {
   "slug": "target_web_content_type",
   "n": 15
  },
  {
   "slug": "cloud_storage_bucket",
   "n": 6
  },
  {
   "slug": "affiliate_internet_name",
   "n": 16
  },
  {
   "slug": "geoinfo",
   "n": 32
  },
  {
   "slug": "http_code",
   "n": 120
  },
  {
   "slug": "dns_text",
   "n": 4
  },
  {
   "slug": "account_external_owned",
   "n": 24
  },
  {
   "slug": "malicious_ipaddr",
   "n": 8
  },
  {
   "slug": "netblock_owner",
   "n": 16
  },
  {
   "slug": "provider_dns",
   "n": 4
  },
  {
   "slug": "raw_dns_records",
   "n": 32
  },
  {
   "slug": "human_name",
   "n": 17
  },
  {
   "slug": "vulnerability_cve_high",
   "n": 4
  },
  {
   "slug": "emailaddr_generic",
   "n": 12
  },
  {
   "slug": "similardomain",
   "n": 12
  },
  {
   "slug": "internet_name_unresolved",
   "n": 4
  },
  {
   "slug": "target_web_cookie",
   "n": 19
  },
  {
   "slug": "provider_hosting",
   "n": 12
  },
  {
   "slug": "target_web_content",
   "n": 14
  },
  {
   "slug": "phone_number",
   "n": 13
  },
  {
   "slug": "ssl_certificate_issued",
   "n": 15
  },
  {
   "slug": "ssl_certificate_issuer",
   "n": 14
  },
  {
   "slug": "emailaddr_compromised",
   "n": 6
  },
  {
   "slug": "defaced_internet_name",
   "n": 1
  },
  {
   "slug": "software_used",
   "n": 17
  },
  {
   "slug": "bgp_as_owner",
   "n": 7
  },
  {
   "slug": "malicious_internet_name",
   "n": 5
  },
  {
   "slug": "vulnerability_cve_medium",
   "n": 6
  },
  {
   "slug": "blacklisted_ipaddr",
   "n": 4
  },
  {
   "slug": "ssl_certificate_expired",
   "n": 1
  },
  {
   "slug": "cloud_storage_bucket_open",
   "n": 2
  },
  {
   "slug": "ssl_certificate_expiring",
   "n": 1
  },
  {
   "slug": "vulnerability_cve_low",
   "n": 4
  },
  {
   "slug": "ssl_certificate_raw",
   "n": 5
  },
  {
   "slug": "password_compromised",
   "n": 5
  },
  {
   "slug": "vulnerability_cve_critical",
   "n": 1
  }
 ]
}
);
