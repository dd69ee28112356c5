(window.__sr=window.__sr||[]).push(
{
 "k": "tree",
 "scan": "j-smith-mailbox-2026-11-22",
 "n": 61,
 "types": [
  "",
  "emailaddr",
  "emailaddr_compromised",
  "internet_name",
  "ip_address",
  "dns_text",
  "human_name",
  "domain_whois",
  "phone_number",
  "account_external_owned",
  "domain_registrar",
  "geoinfo",
  "ssl_certificate_issued",
  "tcp_port_open",
  "tcp_port_open_banner",
  "linked_url_internal",
  "vulnerability_cve_critical",
  "http_code",
  "internet_name_unresolved",
  "dns_spf",
  "co_hosted_site",
  "netblock_owner",
  "bgp_as_owner",
  "target_web_content_type",
  "linked_url_external",
  "webserver_httpheaders"
 ],
 "chunks": [
  {
   "f": "tree-0.js",
   "n": 61,
   "s": 0
  }
 ]
}
);
