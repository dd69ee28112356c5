(window.__sr=window.__sr||[]).push(
{
 "k": "graph",
 "scan": "j-smith-mailbox-2026-11-22",
 "gen": 0,
 "nodes": 19,
 "edges": 18,
 "total": 19,
 "totalEdges": 18,
 "grouped": 0,
 "max": 100000,
 "gexf": "1.2draft",
 "legend": [
  {
   "code": "ROOT",
   "slug": "",
   "descr": "Target",
   "cat": "INTERNAL",
   "color": "#e0301e",
   "n": 1,
   "all": 1
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "color": "#005500",
   "n": 7,
   "all": 7
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "color": "#1100ee",
   "n": 2,
   "all": 2
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "color": "#00cc00",
   "n": 1,
   "all": 1
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "color": "#ddaa00",
   "n": 1,
   "all": 1
  },
  {
   "code": "DOMAIN_REGISTRAR",
   "slug": "domain_registrar",
   "descr": "Domain Registrar",
   "cat": "ENTITY",
   "color": "#dd1199",
   "n": 1,
   "all": 1
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "color": "#664411",
   "n": 1,
   "all": 1
  },
  {
   "code": "INTERNET_NAME",
   "slug": "internet_name",
   "descr": "Internet Name",
   "cat": "ENTITY",
   "color": "#007777",
   "n": 1,
   "all": 1
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "color": "#ffaabb",
   "n": 1,
   "all": 1
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "color": "#00ddcc",
   "n": 1,
   "all": 1
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "color": "#554466",
   "n": 1,
   "all": 1
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "color": "#0077cc",
   "n": 1,
   "all": 1
  }
 ],
 "chunks": [
  {
   "f": "graph-0.js",
   "n": 19,
   "e": 18
  }
 ]
}
);
