(window.__sr=window.__sr||[]).push(
{
 "k": "ix",
 "scan": "j-smith-mailbox-2026-11-22",
 "v": 4,
 "gen": 0,
 "rowBits": 24,
 "blocks": 1,
 "entries": 54,
 "shards": {
  "t": 1,
  "x": 1
 },
 "types": [
  {
   "slug": "emailaddr",
   "n": 1
  },
  {
   "slug": "emailaddr_compromised",
   "n": 3
  },
  {
   "slug": "internet_name",
   "n": 1
  },
  {
   "slug": "ip_address",
   "n": 2
  },
  {
   "slug": "dns_text",
   "n": 3
  },
  {
   "slug": "human_name",
   "n": 2
  },
  {
   "slug": "domain_whois",
   "n": 1
  },
  {
   "slug": "phone_number",
   "n": 1
  },
  {
   "slug": "account_external_owned",
   "n": 7
  },
  {
   "slug": "domain_registrar",
   "n": 1
  },
  {
   "slug": "geoinfo",
   "n": 2
  },
  {
   "slug": "ssl_certificate_issued",
   "n": 1
  },
  {
   "slug": "tcp_port_open",
   "n": 4
  },
  {
   "slug": "tcp_port_open_banner",
   "n": 1
  },
  {
   "slug": "linked_url_internal",
   "n": 17
  },
  {
   "slug": "vulnerability_cve_critical",
   "n": 1
  },
  {
   "slug": "http_code",
   "n": 3
  },
  {
   "slug": "internet_name_unresolved",
   "n": 1
  },
  {
   "slug": "dns_spf",
   "n": 1
  },
  {
   "slug": "co_hosted_site",
   "n": 1
  },
  {
   "slug": "netblock_owner",
   "n": 1
  },
  {
   "slug": "bgp_as_owner",
   "n": 1
  },
  {
   "slug": "target_web_content_type",
   "n": 2
  },
  {
   "slug": "linked_url_external",
   "n": 1
  },
  {
   "slug": "webserver_httpheaders",
   "n": 1
  }
 ]
}
);
