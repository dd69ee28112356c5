(window.__sr=window.__sr||[]).push(
{
 "k": "manifest",
 "scan": "acme-corp-2026-11-18",
 "gen": 0,
 "status": "FINISHED",
 "badge": {
  "label": "FINISHED",
  "class": "ok",
  "partial": ""
 },
 "done": true,
 "count": 3000,
 "modules": [
  "",
  "SpiderFoot UI",
  "sfp_dnsraw",
  "sfp_dnsresolve",
  "sfp_hackertarget",
  "sfp_spider",
  "sfp_portscan_tcp",
  "sfp_dnsbrute",
  "sfp_shodan",
  "sfp_webframework",
  "sfp_whois",
  "sfp_s3bucket",
  "sfp_hosting",
  "sfp_email",
  "sfp_phone",
  "sfp_alienvault",
  "sfp_ipinfo",
  "sfp_accounts",
  "sfp_cookie",
  "sfp_similar",
  "sfp_malwaredomains",
  "sfp_webserver",
  "sfp_sslcert",
  "sfp_crt",
  "sfp_spamhaus",
  "sfp_haveibeenpwned",
  "sfp_bgpview",
  "sfp_dehashed",
  "sfp_names",
  "sfp_zoneh"
 ],
 "types": [
  {
   "code": "INTERNET_NAME",
   "slug": "internet_name",
   "descr": "Internet Name",
   "cat": "ENTITY",
   "total": 221,
   "unique": 106,
   "risky": 0,
   "fp": 0,
   "last": 1794994885441,
   "chunks": [
    {
     "f": "e-internet_name-0.js",
     "n": 221,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "221",
     "label": "total"
    },
    {
     "n": "106",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:25 UTC",
     "iso": "2026-11-18T09:41:25Z"
    }
   ]
  },
  {
   "code": "DOMAIN_NAME",
   "slug": "domain_name",
   "descr": "Domain Name",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1794992400011,
   "chunks": [
    {
     "f": "e-domain_name-0.js",
     "n": 1,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "1",
     "label": "total"
    },
    {
     "n": "1",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:00:00 UTC",
     "iso": "2026-11-18T09:00:00Z"
    }
   ]
  },
  {
   "code": "PROVIDER_DNS",
   "slug": "provider_dns",
   "descr": "Name Server (DNS NS Records)",
   "cat": "ENTITY",
   "total": 4,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1794992539755,
   "chunks": [
    {
     "f": "e-provider_dns-0.js",
     "n": 4,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "4",
     "label": "total"
    },
    {
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:02:19 UTC",
     "iso": "2026-11-18T09:02:19Z"
    }
   ]
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "total": 210,
   "unique": 59,
   "risky": 32,
   "fp": 0,
   "last": 1794994892353,
   "chunks": [
    {
     "f": "e-ip_address-0.js",
     "n": 210,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "210",
     "label": "total"
    },
    {
     "n": "59",
     "label": "unique"
    },
    {
     "n": "32",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:32 UTC",
     "iso": "2026-11-18T09:41:32Z"
    }
   ]
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "total": 46,
   "unique": 33,
   "risky": 0,
   "fp": 0,
   "last": 1794994794712,
   "chunks": [
    {
     "f": "e-co_hosted_site-0.js",
     "n": 46,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "46",
     "label": "total"
    },
    {
     "n": "33",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:39:54 UTC",
     "iso": "2026-11-18T09:39:54Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_INTERNAL",
   "slug": "linked_url_internal",
   "descr": "Linked URL - Internal",
   "cat": "SUBENTITY",
   "total": 708,
   "unique": 658,
   "risky": 0,
   "fp": 3,
   "last": 1794994892642,
   "chunks": [
    {
     "f": "e-linked_url_internal-0.js",
     "n": 708,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "708",
     "label": "total"
    },
    {
     "n": "658",
     "label": "unique"
    },
    {
     "n": "3",
     "label": "false positives"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:32 UTC",
     "iso": "2026-11-18T09:41:32Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN",
   "slug": "tcp_port_open",
   "descr": "Open TCP Port",
   "cat": "SUBENTITY",
   "total": 162,
   "unique": 91,
   "risky": 4,
   "fp": 1,
   "last": 1794994890634,
   "chunks": [
    {
     "f": "e-tcp_port_open-0.js",
     "n": 162,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "162",
     "label": "total"
    },
    {
     "n": "91",
     "label": "unique"
    },
    {
     "n": "4",
     "label": "risky"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:30 UTC",
     "iso": "2026-11-18T09:41:30Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_MEDIUM",
   "slug": "vulnerability_cve_medium",
   "descr": "Vulnerability - CVE Medium",
   "cat": "DESCRIPTOR",
   "total": 15,
   "unique": 5,
   "risky": 15,
   "fp": 0,
   "last": 1794994832198,
   "chunks": [
    {
     "f": "e-vulnerability_cve_medium-0.js",
     "n": 15,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "15",
     "label": "total"
    },
    {
     "n": "5",
     "label": "unique"
    },
    {
     "n": "15",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:32 UTC",
     "iso": "2026-11-18T09:40:32Z"
    }
   ]
  },
  {
   "code": "RAW_DNS_RECORDS",
   "slug": "raw_dns_records",
   "descr": "Raw DNS Records",
   "cat": "DATA",
   "total": 57,
   "unique": 39,
   "risky": 0,
   "fp": 0,
   "last": 1794994875527,
   "chunks": [
    {
     "f": "e-raw_dns_records-0.js",
     "n": 57,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "57",
     "label": "total"
    },
    {
     "n": "39",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:15 UTC",
     "iso": "2026-11-18T09:41:15Z"
    }
   ]
  },
  {
   "code": "URL_WEB_FRAMEWORK",
   "slug": "url_web_framework",
   "descr": "URL (Uses a Web Framework)",
   "cat": "DESCRIPTOR",
   "total": 28,
   "unique": 27,
   "risky": 0,
   "fp": 0,
   "last": 1794994871080,
   "chunks": [
    {
     "f": "e-url_web_framework-0.js",
     "n": 28,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "28",
     "label": "total"
    },
    {
     "n": "27",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:11 UTC",
     "iso": "2026-11-18T09:41:11Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_EXTERNAL",
   "slug": "linked_url_external",
   "descr": "Linked URL - External",
   "cat": "SUBENTITY",
   "total": 204,
   "unique": 200,
   "risky": 0,
   "fp": 1,
   "last": 1794994886787,
   "chunks": [
    {
     "f": "e-linked_url_external-0.js",
     "n": 204,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "204",
     "label": "total"
    },
    {
     "n": "200",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:26 UTC",
     "iso": "2026-11-18T09:41:26Z"
    }
   ]
  },
  {
   "code": "AFFILIATE_INTERNET_NAME",
   "slug": "affiliate_internet_name",
   "descr": "Affiliate - Internet Name",
   "cat": "ENTITY",
   "total": 47,
   "unique": 20,
   "risky": 0,
   "fp": 0,
   "last": 1794994817114,
   "chunks": [
    {
     "f": "e-affiliate_internet_name-0.js",
     "n": 47,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "47",
     "label": "total"
    },
    {
     "n": "20",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:17 UTC",
     "iso": "2026-11-18T09:40:17Z"
    }
   ]
  },
  {
   "code": "DOMAIN_REGISTRAR",
   "slug": "domain_registrar",
   "descr": "Domain Registrar",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1794992420889,
   "chunks": [
    {
     "f": "e-domain_registrar-0.js",
     "n": 1,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "1",
     "label": "total"
    },
    {
     "n": "1",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:00:20 UTC",
     "iso": "2026-11-18T09:00:20Z"
    }
   ]
  },
  {
   "code": "URL_JAVASCRIPT",
   "slug": "url_javascript",
   "descr": "URL (Uses Javascript)",
   "cat": "DESCRIPTOR",
   "total": 68,
   "unique": 61,
   "risky": 0,
   "fp": 1,
   "last": 1794994800485,
   "chunks": [
    {
     "f": "e-url_javascript-0.js",
     "n": 68,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "68",
     "label": "total"
    },
    {
     "n": "61",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:00 UTC",
     "iso": "2026-11-18T09:40:00Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN_BANNER",
   "slug": "tcp_port_open_banner",
   "descr": "Open TCP Port Banner",
   "cat": "DATA",
   "total": 57,
   "unique": 15,
   "risky": 0,
   "fp": 1,
   "last": 1794994837122,
   "chunks": [
    {
     "f": "e-tcp_port_open_banner-0.js",
     "n": 57,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "57",
     "label": "total"
    },
    {
     "n": "15",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:37 UTC",
     "iso": "2026-11-18T09:40:37Z"
    }
   ]
  },
  {
   "code": "CLOUD_STORAGE_BUCKET",
   "slug": "cloud_storage_bucket",
   "descr": "Cloud Storage Bucket",
   "cat": "ENTITY",
   "total": 6,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1794993018856,
   "chunks": [
    {
     "f": "e-cloud_storage_bucket-0.js",
     "n": 6,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "6",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:10:18 UTC",
     "iso": "2026-11-18T09:10:18Z"
    }
   ]
  },
  {
   "code": "HTTP_CODE",
   "slug": "http_code",
   "descr": "HTTP Status Code",
   "cat": "DATA",
   "total": 211,
   "unique": 7,
   "risky": 0,
   "fp": 2,
   "last": 1794994890110,
   "chunks": [
    {
     "f": "e-http_code-0.js",
     "n": 211,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "211",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "n": "2",
     "label": "false positives"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:30 UTC",
     "iso": "2026-11-18T09:41:30Z"
    }
   ]
  },
  {
   "code": "PROVIDER_HOSTING",
   "slug": "provider_hosting",
   "descr": "Hosting Provider",
   "cat": "ENTITY",
   "total": 31,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1794994825056,
   "chunks": [
    {
     "f": "e-provider_hosting-0.js",
     "n": 31,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "31",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:25 UTC",
     "iso": "2026-11-18T09:40:25Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT_TYPE",
   "slug": "target_web_content_type",
   "descr": "Web Content Type",
   "cat": "DESCRIPTOR",
   "total": 38,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1794994857400,
   "chunks": [
    {
     "f": "e-target_web_content_type-0.js",
     "n": 38,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "38",
     "label": "total"
    },
    {
     "n": "3",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:57 UTC",
     "iso": "2026-11-18T09:40:57Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_HTTPHEADERS",
   "slug": "webserver_httpheaders",
   "descr": "HTTP Headers",
   "cat": "DATA",
   "total": 86,
   "unique": 85,
   "risky": 0,
   "fp": 1,
   "last": 1794994882508,
   "chunks": [
    {
     "f": "e-webserver_httpheaders-0.js",
     "n": 86,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "86",
     "label": "total"
    },
    {
     "n": "85",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:22 UTC",
     "iso": "2026-11-18T09:41:22Z"
    }
   ]
  },
  {
   "code": "EMAILADDR",
   "slug": "emailaddr",
   "descr": "Email Address",
   "cat": "ENTITY",
   "total": 59,
   "unique": 48,
   "risky": 0,
   "fp": 1,
   "last": 1794994829008,
   "chunks": [
    {
     "f": "e-emailaddr-0.js",
     "n": 59,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "59",
     "label": "total"
    },
    {
     "n": "48",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:29 UTC",
     "iso": "2026-11-18T09:40:29Z"
    }
   ]
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "total": 20,
   "unique": 19,
   "risky": 0,
   "fp": 0,
   "last": 1794994638262,
   "chunks": [
    {
     "f": "e-phone_number-0.js",
     "n": 20,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "20",
     "label": "total"
    },
    {
     "n": "19",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:37:18 UTC",
     "iso": "2026-11-18T09:37:18Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT",
   "slug": "target_web_content",
   "descr": "Web Content",
   "cat": "DATA",
   "total": 30,
   "unique": 30,
   "risky": 0,
   "fp": 0,
   "last": 1794994778593,
   "chunks": [
    {
     "f": "e-target_web_content-0.js",
     "n": 30,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "30",
     "label": "total"
    },
    {
     "n": "30",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:39:38 UTC",
     "iso": "2026-11-18T09:39:38Z"
    }
   ]
  },
  {
   "code": "MALICIOUS_IPADDR",
   "slug": "malicious_ipaddr",
   "descr": "Malicious IP Address",
   "cat": "DESCRIPTOR",
   "total": 17,
   "unique": 13,
   "risky": 17,
   "fp": 0,
   "last": 1794994779819,
   "chunks": [
    {
     "f": "e-malicious_ipaddr-0.js",
     "n": 17,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "17",
     "label": "total"
    },
    {
     "n": "13",
     "label": "unique"
    },
    {
     "n": "17",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:39:39 UTC",
     "iso": "2026-11-18T09:39:39Z"
    }
   ]
  },
  {
   "code": "DOMAIN_WHOIS",
   "slug": "domain_whois",
   "descr": "Domain Whois",
   "cat": "DATA",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1794992458519,
   "chunks": [
    {
     "f": "e-domain_whois-0.js",
     "n": 1,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "1",
     "label": "total"
    },
    {
     "n": "1",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:00:58 UTC",
     "iso": "2026-11-18T09:00:58Z"
    }
   ]
  },
  {
   "code": "GEOINFO",
   "slug": "geoinfo",
   "descr": "Physical Location",
   "cat": "DESCRIPTOR",
   "total": 57,
   "unique": 14,
   "risky": 0,
   "fp": 0,
   "last": 1794994892156,
   "chunks": [
    {
     "f": "e-geoinfo-0.js",
     "n": 57,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "57",
     "label": "total"
    },
    {
     "n": "14",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:32 UTC",
     "iso": "2026-11-18T09:41:32Z"
    }
   ]
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "total": 48,
   "unique": 40,
   "risky": 0,
   "fp": 0,
   "last": 1794994814485,
   "chunks": [
    {
     "f": "e-account_external_owned-0.js",
     "n": 48,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "48",
     "label": "total"
    },
    {
     "n": "40",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:14 UTC",
     "iso": "2026-11-18T09:40:14Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_COOKIE",
   "slug": "target_web_cookie",
   "descr": "Cookies",
   "cat": "DATA",
   "total": 28,
   "unique": 16,
   "risky": 0,
   "fp": 0,
   "last": 1794994649408,
   "chunks": [
    {
     "f": "e-target_web_cookie-0.js",
     "n": 28,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "28",
     "label": "total"
    },
    {
     "n": "16",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:37:29 UTC",
     "iso": "2026-11-18T09:37:29Z"
    }
   ]
  },
  {
   "code": "SIMILARDOMAIN",
   "slug": "similardomain",
   "descr": "Similar Domain",
   "cat": "ENTITY",
   "total": 30,
   "unique": 28,
   "risky": 0,
   "fp": 0,
   "last": 1794994586429,
   "chunks": [
    {
     "f": "e-similardomain-0.js",
     "n": 30,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "30",
     "label": "total"
    },
    {
     "n": "28",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:36:26 UTC",
     "iso": "2026-11-18T09:36:26Z"
    }
   ]
  },
  {
   "code": "URL_FORM",
   "slug": "url_form",
   "descr": "URL (Form)",
   "cat": "DESCRIPTOR",
   "total": 42,
   "unique": 37,
   "risky": 0,
   "fp": 0,
   "last": 1794994892231,
   "chunks": [
    {
     "f": "e-url_form-0.js",
     "n": 42,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "42",
     "label": "total"
    },
    {
     "n": "37",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:32 UTC",
     "iso": "2026-11-18T09:41:32Z"
    }
   ]
  },
  {
   "code": "MALICIOUS_INTERNET_NAME",
   "slug": "malicious_internet_name",
   "descr": "Malicious Internet Name",
   "cat": "DESCRIPTOR",
   "total": 12,
   "unique": 12,
   "risky": 12,
   "fp": 0,
   "last": 1794994891991,
   "chunks": [
    {
     "f": "e-malicious_internet_name-0.js",
     "n": 12,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "12",
     "label": "total"
    },
    {
     "n": "12",
     "label": "unique"
    },
    {
     "n": "12",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:31 UTC",
     "iso": "2026-11-18T09:41:31Z"
    }
   ]
  },
  {
   "code": "DNS_TEXT",
   "slug": "dns_text",
   "descr": "DNS TXT Record",
   "cat": "DATA",
   "total": 4,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1794992606011,
   "chunks": [
    {
     "f": "e-dns_text-0.js",
     "n": 4,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "4",
     "label": "total"
    },
    {
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:03:26 UTC",
     "iso": "2026-11-18T09:03:26Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_BANNER",
   "slug": "webserver_banner",
   "descr": "Web Server",
   "cat": "DATA",
   "total": 76,
   "unique": 8,
   "risky": 0,
   "fp": 1,
   "last": 1794994876435,
   "chunks": [
    {
     "f": "e-webserver_banner-0.js",
     "n": 76,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "76",
     "label": "total"
    },
    {
     "n": "8",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:16 UTC",
     "iso": "2026-11-18T09:41:16Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "total": 41,
   "unique": 24,
   "risky": 2,
   "fp": 0,
   "last": 1794994813948,
   "chunks": [
    {
     "f": "e-ssl_certificate_issued-0.js",
     "n": 41,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "41",
     "label": "total"
    },
    {
     "n": "24",
     "label": "unique"
    },
    {
     "n": "2",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:13 UTC",
     "iso": "2026-11-18T09:40:13Z"
    }
   ]
  },
  {
   "code": "DNS_SPF",
   "slug": "dns_spf",
   "descr": "DNS SPF Record",
   "cat": "DATA",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1794992494972,
   "chunks": [
    {
     "f": "e-dns_spf-0.js",
     "n": 1,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "1",
     "label": "total"
    },
    {
     "n": "1",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:01:34 UTC",
     "iso": "2026-11-18T09:01:34Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUER",
   "slug": "ssl_certificate_issuer",
   "descr": "SSL Certificate - Issued by",
   "cat": "ENTITY",
   "total": 26,
   "unique": 5,
   "risky": 0,
   "fp": 0,
   "last": 1794994757817,
   "chunks": [
    {
     "f": "e-ssl_certificate_issuer-0.js",
     "n": 26,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "26",
     "label": "total"
    },
    {
     "n": "5",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:39:17 UTC",
     "iso": "2026-11-18T09:39:17Z"
    }
   ]
  },
  {
   "code": "SOFTWARE_USED",
   "slug": "software_used",
   "descr": "Software Used",
   "cat": "SUBENTITY",
   "total": 40,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1794994830566,
   "chunks": [
    {
     "f": "e-software_used-0.js",
     "n": 40,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "40",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:30 UTC",
     "iso": "2026-11-18T09:40:30Z"
    }
   ]
  },
  {
   "code": "PROVIDER_MAIL",
   "slug": "provider_mail",
   "descr": "Email Gateway (DNS MX Records)",
   "cat": "ENTITY",
   "total": 2,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1794992527092,
   "chunks": [
    {
     "f": "e-provider_mail-0.js",
     "n": 2,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "2",
     "label": "total"
    },
    {
     "n": "2",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:02:07 UTC",
     "iso": "2026-11-18T09:02:07Z"
    }
   ]
  },
  {
   "code": "BLACKLISTED_IPADDR",
   "slug": "blacklisted_ipaddr",
   "descr": "Blacklisted IP Address",
   "cat": "DESCRIPTOR",
   "total": 12,
   "unique": 11,
   "risky": 12,
   "fp": 0,
   "last": 1794994880849,
   "chunks": [
    {
     "f": "e-blacklisted_ipaddr-0.js",
     "n": 12,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "12",
     "label": "total"
    },
    {
     "n": "11",
     "label": "unique"
    },
    {
     "n": "12",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:20 UTC",
     "iso": "2026-11-18T09:41:20Z"
    }
   ]
  },
  {
   "code": "EMAILADDR_COMPROMISED",
   "slug": "emailaddr_compromised",
   "descr": "Hacked Email Address",
   "cat": "DESCRIPTOR",
   "total": 14,
   "unique": 13,
   "risky": 14,
   "fp": 1,
   "last": 1794994165152,
   "chunks": [
    {
     "f": "e-emailaddr_compromised-0.js",
     "n": 14,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "14",
     "label": "total"
    },
    {
     "n": "13",
     "label": "unique"
    },
    {
     "n": "14",
     "label": "risky"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:29:25 UTC",
     "iso": "2026-11-18T09:29:25Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_EXPIRED",
   "slug": "ssl_certificate_expired",
   "descr": "SSL Certificate Expired",
   "cat": "DESCRIPTOR",
   "total": 4,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1794993482302,
   "chunks": [
    {
     "f": "e-ssl_certificate_expired-0.js",
     "n": 4,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "4",
     "label": "total"
    },
    {
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:18:02 UTC",
     "iso": "2026-11-18T09:18:02Z"
    }
   ]
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "total": 36,
   "unique": 8,
   "risky": 0,
   "fp": 0,
   "last": 1794994891149,
   "chunks": [
    {
     "f": "e-netblock_owner-0.js",
     "n": 36,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "36",
     "label": "total"
    },
    {
     "n": "8",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:31 UTC",
     "iso": "2026-11-18T09:41:31Z"
    }
   ]
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "total": 17,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1794994890422,
   "chunks": [
    {
     "f": "e-bgp_as_owner-0.js",
     "n": 17,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "17",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:30 UTC",
     "iso": "2026-11-18T09:41:30Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_RAW",
   "slug": "ssl_certificate_raw",
   "descr": "SSL Certificate - Raw Data",
   "cat": "DATA",
   "total": 15,
   "unique": 15,
   "risky": 0,
   "fp": 0,
   "last": 1794994705941,
   "chunks": [
    {
     "f": "e-ssl_certificate_raw-0.js",
     "n": 15,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "15",
     "label": "total"
    },
    {
     "n": "15",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:38:25 UTC",
     "iso": "2026-11-18T09:38:25Z"
    }
   ]
  },
  {
   "code": "PASSWORD_COMPROMISED",
   "slug": "password_compromised",
   "descr": "Compromised Password",
   "cat": "DATA",
   "total": 2,
   "unique": 2,
   "risky": 2,
   "fp": 0,
   "last": 1794994763005,
   "chunks": [
    {
     "f": "e-password_compromised-0.js",
     "n": 2,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "2",
     "label": "total"
    },
    {
     "n": "2",
     "label": "unique"
    },
    {
     "n": "2",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:39:23 UTC",
     "iso": "2026-11-18T09:39:23Z"
    }
   ]
  },
  {
   "code": "URL_PASSWORD",
   "slug": "url_password",
   "descr": "URL (Accepts Passwords)",
   "cat": "DESCRIPTOR",
   "total": 8,
   "unique": 7,
   "risky": 8,
   "fp": 0,
   "last": 1794994672499,
   "chunks": [
    {
     "f": "e-url_password-0.js",
     "n": 8,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "8",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "n": "8",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:37:52 UTC",
     "iso": "2026-11-18T09:37:52Z"
    }
   ]
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "total": 39,
   "unique": 25,
   "risky": 0,
   "fp": 0,
   "last": 1794994854137,
   "chunks": [
    {
     "f": "e-human_name-0.js",
     "n": 39,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "39",
     "label": "total"
    },
    {
     "n": "25",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:54 UTC",
     "iso": "2026-11-18T09:40:54Z"
    }
   ]
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "total": 19,
   "unique": 17,
   "risky": 0,
   "fp": 0,
   "last": 1794994639040,
   "chunks": [
    {
     "f": "e-internet_name_unresolved-0.js",
     "n": 19,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "19",
     "label": "total"
    },
    {
     "n": "17",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:37:19 UTC",
     "iso": "2026-11-18T09:37:19Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_TECHNOLOGY",
   "slug": "webserver_technology",
   "descr": "Web Technology",
   "cat": "DESCRIPTOR",
   "total": 42,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1794994881306,
   "chunks": [
    {
     "f": "e-webserver_technology-0.js",
     "n": 42,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "42",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:41:21 UTC",
     "iso": "2026-11-18T09:41:21Z"
    }
   ]
  },
  {
   "code": "IPV6_ADDRESS",
   "slug": "ipv6_address",
   "descr": "IPv6 Address",
   "cat": "ENTITY",
   "total": 31,
   "unique": 29,
   "risky": 0,
   "fp": 0,
   "last": 1794994721879,
   "chunks": [
    {
     "f": "e-ipv6_address-0.js",
     "n": 31,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "31",
     "label": "total"
    },
    {
     "n": "29",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:38:41 UTC",
     "iso": "2026-11-18T09:38:41Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_EXPIRING",
   "slug": "ssl_certificate_expiring",
   "descr": "SSL Certificate Expiring",
   "cat": "DESCRIPTOR",
   "total": 4,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1794994462066,
   "chunks": [
    {
     "f": "e-ssl_certificate_expiring-0.js",
     "n": 4,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "4",
     "label": "total"
    },
    {
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:34:22 UTC",
     "iso": "2026-11-18T09:34:22Z"
    }
   ]
  },
  {
   "code": "DEFACED_INTERNET_NAME",
   "slug": "defaced_internet_name",
   "descr": "Defaced",
   "cat": "DESCRIPTOR",
   "total": 3,
   "unique": 3,
   "risky": 3,
   "fp": 0,
   "last": 1794994805155,
   "chunks": [
    {
     "f": "e-defaced_internet_name-0.js",
     "n": 3,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "3",
     "label": "total"
    },
    {
     "n": "3",
     "label": "unique"
    },
    {
     "n": "3",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:40:05 UTC",
     "iso": "2026-11-18T09:40:05Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_LOW",
   "slug": "vulnerability_cve_low",
   "descr": "Vulnerability - CVE Low",
   "cat": "DESCRIPTOR",
   "total": 3,
   "unique": 3,
   "risky": 3,
   "fp": 0,
   "last": 1794994454387,
   "chunks": [
    {
     "f": "e-vulnerability_cve_low-0.js",
     "n": 3,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "3",
     "label": "total"
    },
    {
     "n": "3",
     "label": "unique"
    },
    {
     "n": "3",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:34:14 UTC",
     "iso": "2026-11-18T09:34:14Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_HIGH",
   "slug": "vulnerability_cve_high",
   "descr": "Vulnerability - CVE High",
   "cat": "DESCRIPTOR",
   "total": 5,
   "unique": 3,
   "risky": 5,
   "fp": 0,
   "last": 1794994468519,
   "chunks": [
    {
     "f": "e-vulnerability_cve_high-0.js",
     "n": 5,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "5",
     "label": "total"
    },
    {
     "n": "3",
     "label": "unique"
    },
    {
     "n": "5",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:34:28 UTC",
     "iso": "2026-11-18T09:34:28Z"
    }
   ]
  },
  {
   "code": "CLOUD_STORAGE_BUCKET_OPEN",
   "slug": "cloud_storage_bucket_open",
   "descr": "Cloud Storage Bucket Open",
   "cat": "DESCRIPTOR",
   "total": 2,
   "unique": 2,
   "risky": 2,
   "fp": 0,
   "last": 1794993807643,
   "chunks": [
    {
     "f": "e-cloud_storage_bucket_open-0.js",
     "n": 2,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "2",
     "label": "total"
    },
    {
     "n": "2",
     "label": "unique"
    },
    {
     "n": "2",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:23:27 UTC",
     "iso": "2026-11-18T09:23:27Z"
    }
   ]
  },
  {
   "code": "EMAILADDR_GENERIC",
   "slug": "emailaddr_generic",
   "descr": "Email Address - Generic",
   "cat": "ENTITY",
   "total": 8,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1794994727084,
   "chunks": [
    {
     "f": "e-emailaddr_generic-0.js",
     "n": 8,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "8",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:38:47 UTC",
     "iso": "2026-11-18T09:38:47Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_CRITICAL",
   "slug": "vulnerability_cve_critical",
   "descr": "Vulnerability - CVE Critical",
   "cat": "DESCRIPTOR",
   "total": 1,
   "unique": 1,
   "risky": 1,
   "fp": 0,
   "last": 1794993859082,
   "chunks": [
    {
     "f": "e-vulnerability_cve_critical-0.js",
     "n": 1,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "1",
     "label": "total"
    },
    {
     "n": "1",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-18 09:24:19 UTC",
     "iso": "2026-11-18T09:24:19Z"
    }
   ]
  }
 ],
 "log": {
  "total": 121,
  "chunks": [
   {
    "f": "log-0.js",
    "n": 121,
    "s": 0
   }
  ]
 },
 "fp": {
  "f": "fp.js",
  "n": 13
 }
}
);
