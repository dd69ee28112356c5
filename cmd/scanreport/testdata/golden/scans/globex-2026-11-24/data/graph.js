(window.__sr=window.__sr||[]).push(
{
 "k": "graph",
 "scan": "globex-2026-11-24",
 "gen": 0,
 "nodes": 146,
 "edges": 171,
 "total": 146,
 "totalEdges": 171,
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
   "code": "INTERNET_NAME",
   "slug": "internet_name",
   "descr": "Internet Name",
   "cat": "ENTITY",
   "color": "#005500",
   "n": 29,
   "all": 29
  },
  {
   "code": "SIMILARDOMAIN",
   "slug": "similardomain",
   "descr": "Similar Domain",
   "cat": "ENTITY",
   "color": "#1100ee",
   "n": 19,
   "all": 19
  },
  {
   "code": "EMAILADDR",
   "slug": "emailaddr",
   "descr": "Email Address",
   "cat": "ENTITY",
   "color": "#00cc00",
   "n": 16,
   "all": 16
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "color": "#ddaa00",
   "n": 16,
   "all": 16
  },
  {
   "code": "AFFILIATE_INTERNET_NAME",
   "slug": "affiliate_internet_name",
   "descr": "Affiliate - Internet Name",
   "cat": "ENTITY",
   "color": "#dd1199",
   "n": 9,
   "all": 9
  },
  {
   "code": "CLOUD_STORAGE_BUCKET",
   "slug": "cloud_storage_bucket",
   "descr": "Cloud Storage Bucket",
   "cat": "ENTITY",
   "color": "#664411",
   "n": 6,
   "all": 6
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "color": "#007777",
   "n": 6,
   "all": 6
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "color": "#ffaabb",
   "n": 6,
   "all": 6
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "color": "#00ddcc",
   "n": 5,
   "all": 5
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "color": "#554466",
   "n": 5,
   "all": 5
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "color": "#0077cc",
   "n": 4,
   "all": 4
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "color": "#778855",
   "n": 4,
   "all": 4
  },
  {
   "code": "PROVIDER_DNS",
   "slug": "provider_dns",
   "descr": "Name Server (DNS NS Records)",
   "cat": "ENTITY",
   "color": "#ff9966",
   "n": 4,
   "all": 4
  },
  {
   "code": "PROVIDER_HOSTING",
   "slug": "provider_hosting",
   "descr": "Hosting Provider",
   "cat": "ENTITY",
   "color": "#882233",
   "n": 4,
   "all": 4
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "color": "#22ccff",
   "n": 3,
   "all": 3
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "color": "#8866cc",
   "n": 2,
   "all": 2
  },
  {
   "code": "PROVIDER_MAIL",
   "slug": "provider_mail",
   "descr": "Email Gateway (DNS MX Records)",
   "cat": "ENTITY",
   "color": "#ff77ff",
   "n": 2,
   "all": 2
  },
  {
   "code": "SSL_CERTIFICATE_ISSUER",
   "slug": "ssl_certificate_issuer",
   "descr": "SSL Certificate - Issued by",
   "cat": "ENTITY",
   "color": "#bbcc99",
   "n": 2,
   "all": 2
  },
  {
   "code": "DOMAIN_REGISTRAR",
   "slug": "domain_registrar",
   "descr": "Domain Registrar",
   "cat": "ENTITY",
   "color": "#bb6600",
   "n": 1,
   "all": 1
  },
  {
   "code": "EMAILADDR_GENERIC",
   "slug": "emailaddr_generic",
   "descr": "Email Address - Generic",
   "cat": "ENTITY",
   "color": "#ccbbee",
   "n": 1,
   "all": 1
  },
  {
   "code": "IPV6_ADDRESS",
   "slug": "ipv6_address",
   "descr": "IPv6 Address",
   "cat": "ENTITY",
   "color": "#aa7788",
   "n": 1,
   "all": 1
  }
 ],
 "chunks": [
  {
   "f": "graph-0.js",
   "n": 146,
   "e": 171
  }
 ]
}
);
