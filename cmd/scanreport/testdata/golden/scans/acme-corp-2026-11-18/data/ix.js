(window.__sr=window.__sr||[]).push(
{
 "k": "ix",
 "scan": "acme-corp-2026-11-18",
 "v": 4,
 "gen": 0,
 "rowBits": 24,
 "blocks": 1,
 "entries": 1757,
 "shards": {
  "t": 1,
  "x": 1
 },
 "types": [
  {
   "slug": "internet_name",
   "n": 221
  },
  {
   "slug": "domain_name",
   "n": 1
  },
  {
   "slug": "provider_dns",
   "n": 4
  },
  {
   "slug": "ip_address",
   "n": 210
  },
  {
   "slug": "co_hosted_site",
   "n": 46
  },
  {
   "slug": "linked_url_internal",
   "n": 708
  },
  {
   "slug": "tcp_port_open",
   "n": 162
  },
  {
   "slug": "vulnerability_cve_medium",
   "n": 15
  },
  {
   "slug": "raw_dns_records",
   "n": 57
  },
  {
   "slug": "url_web_framework",
   "n": 28
  },
  {
   "slug": "linked_url_external",
   "n": 204
  },
  {
   "slug": "affiliate_internet_name",
   "n": 47
  },
  {
   "slug": "domain_registrar",
   "n": 1
  },
  {
   "slug": "url_javascript",
   "n": 68
  },
  {
   "slug": "tcp_port_open_banner",
   "n": 57
  },
  {
   "slug": "cloud_storage_bucket",
   "n": 6
  },
  {
   "slug": "http_code",
   "n": 211
  },
  {
   "slug": "provider_hosting",
   "n": 31
  },
  {
   "slug": "target_web_content_type",
   "n": 38
  },
  {
   "slug": "webserver_httpheaders",
   "n": 86
  },
  {
   "slug": "emailaddr",
   "n": 59
  },
  {
   "slug": "phone_number",
   "n": 20
  },
  {
   "slug": "target_web_content",
   "n": 30
  },
  {
   "slug": "malicious_ipaddr",
   "n": 17
  },
  {
   "slug": "domain_whois",
   "n": 1
  },
  {
   "slug": "geoinfo",
   "n": 57
  },
  {
   "slug": "account_external_owned",
   "n": 48
  },
  {
   "slug": "target_web_cookie",
   "n": 28
  },
  {
   "slug": "similardomain",
   "n": 30
  },
  {
   "slug": "url_form",
   "n": 42
  },
  {
   "slug": "malicious_internet_name",
   "n": 12
  },
  {
   "slug": "dns_text",
   "n": 4
  },
  {
   "slug": "webserver_banner",
   "n": 76
  },
  {
   "slug": "ssl_certificate_issued",
   "n": 41
  },
  {
   "slug": "dns_spf",
   "n": 1
  },
  {
   "slug": "ssl_certificate_issuer",
   "n": 26
  },
  {
   "slug": "software_used",
   "n": 40
  },
  {
   "slug": "provider_mail",
   "n": 2
  },
  {
   "slug": "blacklisted_ipaddr",
   "n": 12
  },
  {
   "slug": "emailaddr_compromised",
   "n": 14
  },
  {
   "slug": "ssl_certificate_expired",
   "n": 4
  },
  {
   "slug": "netblock_owner",
   "n": 36
  },
  {
   "slug": "bgp_as_owner",
   "n": 17
  },
  {
   "slug": "ssl_certificate_raw",
   "n": 15
  },
  {
   "slug": "password_compromised",
   "n": 2
  },
  {
   "slug": "url_password",
   "n": 8
  },
  {
   "slug": "human_name",
   "n": 39
  },
  {
   "slug": "internet_name_unresolved",
   "n": 19
  },
  {
   "slug": "webserver_technology",
   "n": 42
  },
  {
   "slug": "ipv6_address",
   "n": 31
  },
  {
   "slug": "ssl_certificate_expiring",
   "n": 4
  },
  {
   "slug": "defaced_internet_name",
   "n": 3
  },
  {
   "slug": "vulnerability_cve_low",
   "n": 3
  },
  {
   "slug": "vulnerability_cve_high",
   "n": 5
  },
  {
   "slug": "cloud_storage_bucket_open",
   "n": 2
  },
  {
   "slug": "emailaddr_generic",
   "n": 8
  },
  {
   "slug": "vulnerability_cve_critical",
   "n": 1
  }
 ]
}
);
