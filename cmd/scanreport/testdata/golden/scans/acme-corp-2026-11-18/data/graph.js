(window.__sr=window.__sr||[]).push(
{
 "k": "graph",
 "scan": "acme-corp-2026-11-18",
 "gen": 0,
 "nodes": 482,
 "edges": 676,
 "total": 482,
 "totalEdges": 676,
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
   "color": "#1f77b4",
   "n": 99,
   "all": 99
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "color": "#2ca02c",
   "n": 59,
   "all": 59
  },
  {
   "code": "EMAILADDR",
   "slug": "emailaddr",
   "descr": "Email Address",
   "cat": "ENTITY",
   "color": "#ff7f0e",
   "n": 48,
   "all": 48
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "color": "#9467bd",
   "n": 40,
   "all": 40
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "color": "#17becf",
   "n": 33,
   "all": 33
  },
  {
   "code": "IPV6_ADDRESS",
   "slug": "ipv6_address",
   "descr": "IPv6 Address",
   "cat": "ENTITY",
   "color": "#8c564b",
   "n": 29,
   "all": 29
  },
  {
   "code": "SIMILARDOMAIN",
   "slug": "similardomain",
   "descr": "Similar Domain",
   "cat": "ENTITY",
   "color": "#e377c2",
   "n": 28,
   "all": 28
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "color": "#bcbd22",
   "n": 25,
   "all": 25
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "color": "#393b79",
   "n": 24,
   "all": 24
  },
  {
   "code": "AFFILIATE_INTERNET_NAME",
   "slug": "affiliate_internet_name",
   "descr": "Affiliate - Internet Name",
   "cat": "ENTITY",
   "color": "#637939",
   "n": 20,
   "all": 20
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "color": "#8c6d31",
   "n": 19,
   "all": 19
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "color": "#7b4173",
   "n": 10,
   "all": 10
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "color": "#3182bd",
   "n": 8,
   "all": 8
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "color": "#31a354",
   "n": 7,
   "all": 7
  },
  {
   "code": "EMAILADDR_GENERIC",
   "slug": "emailaddr_generic",
   "descr": "Email Address - Generic",
   "cat": "ENTITY",
   "color": "#e6550d",
   "n": 7,
   "all": 7
  },
  {
   "code": "PROVIDER_HOSTING",
   "slug": "provider_hosting",
   "descr": "Hosting Provider",
   "cat": "ENTITY",
   "color": "#756bb1",
   "n": 7,
   "all": 7
  },
  {
   "code": "CLOUD_STORAGE_BUCKET",
   "slug": "cloud_storage_bucket",
   "descr": "Cloud Storage Bucket",
   "cat": "ENTITY",
   "color": "#6baed6",
   "n": 6,
   "all": 6
  },
  {
   "code": "SSL_CERTIFICATE_ISSUER",
   "slug": "ssl_certificate_issuer",
   "descr": "SSL Certificate - Issued by",
   "cat": "ENTITY",
   "color": "#74c476",
   "n": 5,
   "all": 5
  },
  {
   "code": "PROVIDER_DNS",
   "slug": "provider_dns",
   "descr": "Name Server (DNS NS Records)",
   "cat": "ENTITY",
   "color": "#fd8d3c",
   "n": 4,
   "all": 4
  },
  {
   "code": "PROVIDER_MAIL",
   "slug": "provider_mail",
   "descr": "Email Gateway (DNS MX Records)",
   "cat": "ENTITY",
   "color": "#9e9ac8",
   "n": 2,
   "all": 2
  },
  {
   "code": "DOMAIN_REGISTRAR",
   "slug": "domain_registrar",
   "descr": "Domain Registrar",
   "cat": "ENTITY",
   "color": "#a55194",
   "n": 1,
   "all": 1
  }
 ],
 "chunks": [
  {
   "f": "graph-0.js",
   "n": 482,
   "e": 676
  }
 ]
}
);
