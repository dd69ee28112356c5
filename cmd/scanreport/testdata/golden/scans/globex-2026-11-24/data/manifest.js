(window.__sr=window.__sr||[]).push(
{
 "k": "manifest",
 "scan": "globex-2026-11-24",
 "gen": 0,
 "status": "RUNNING",
 "badge": {
  "label": "RUNNING",
  "class": "run",
  "partial": "This scan is still running (RUNNING): the results are partial and grow as elements arrive."
 },
 "done": false,
 "count": 800,
 "modules": [
  "",
  "SpiderFoot UI",
  "sfp_whois",
  "sfp_sslcert",
  "sfp_spider",
  "sfp_dnsresolve",
  "sfp_dnsraw",
  "sfp_hackertarget",
  "sfp_portscan_tcp",
  "sfp_cookie",
  "sfp_webserver",
  "sfp_similar",
  "sfp_shodan",
  "sfp_webframework",
  "sfp_malwaredomains",
  "sfp_hosting",
  "sfp_dnsbrute",
  "sfp_email",
  "sfp_phone",
  "sfp_crt",
  "sfp_alienvault",
  "sfp_s3bucket",
  "sfp_haveibeenpwned",
  "sfp_ipinfo",
  "sfp_names",
  "sfp_accounts",
  "sfp_bgpview",
  "sfp_spamhaus",
  "sfp_zoneh"
 ],
 "types": [
  {
   "code": "INTERNET_NAME",
   "slug": "internet_name",
   "descr": "Internet Name",
   "cat": "ENTITY",
   "total": 66,
   "unique": 31,
   "risky": 0,
   "fp": 0,
   "last": 1795531968126,
   "chunks": [
    {
     "f": "e-internet_name-0.js",
     "n": 66,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "66",
     "label": "total"
    },
    {
     "n": "31",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:48 UTC",
     "iso": "2026-11-24T14:52:48Z"
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
   "last": 1795530600011,
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
     "time": "2026-11-24 14:30:00 UTC",
     "iso": "2026-11-24T14:30:00Z"
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
   "last": 1795530602219,
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
     "time": "2026-11-24 14:30:02 UTC",
     "iso": "2026-11-24T14:30:02Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "total": 9,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1795531809379,
   "chunks": [
    {
     "f": "e-ssl_certificate_issued-0.js",
     "n": 9,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "9",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:09 UTC",
     "iso": "2026-11-24T14:50:09Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_INTERNAL",
   "slug": "linked_url_internal",
   "descr": "Linked URL - Internal",
   "cat": "SUBENTITY",
   "total": 187,
   "unique": 176,
   "risky": 0,
   "fp": 0,
   "last": 1795531957963,
   "chunks": [
    {
     "f": "e-linked_url_internal-0.js",
     "n": 187,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "187",
     "label": "total"
    },
    {
     "n": "176",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:37 UTC",
     "iso": "2026-11-24T14:52:37Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_EXTERNAL",
   "slug": "linked_url_external",
   "descr": "Linked URL - External",
   "cat": "SUBENTITY",
   "total": 46,
   "unique": 46,
   "risky": 0,
   "fp": 0,
   "last": 1795531965958,
   "chunks": [
    {
     "f": "e-linked_url_external-0.js",
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
     "n": "46",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:45 UTC",
     "iso": "2026-11-24T14:52:45Z"
    }
   ]
  },
  {
   "code": "HTTP_CODE",
   "slug": "http_code",
   "descr": "HTTP Status Code",
   "cat": "DATA",
   "total": 57,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1795531940878,
   "chunks": [
    {
     "f": "e-http_code-0.js",
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
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:20 UTC",
     "iso": "2026-11-24T14:52:20Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT_TYPE",
   "slug": "target_web_content_type",
   "descr": "Web Content Type",
   "cat": "DESCRIPTOR",
   "total": 10,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795531760150,
   "chunks": [
    {
     "f": "e-target_web_content_type-0.js",
     "n": 10,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "10",
     "label": "total"
    },
    {
     "n": "3",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:49:20 UTC",
     "iso": "2026-11-24T14:49:20Z"
    }
   ]
  },
  {
   "code": "URL_JAVASCRIPT",
   "slug": "url_javascript",
   "descr": "URL (Uses Javascript)",
   "cat": "DESCRIPTOR",
   "total": 21,
   "unique": 21,
   "risky": 0,
   "fp": 0,
   "last": 1795531927942,
   "chunks": [
    {
     "f": "e-url_javascript-0.js",
     "n": 21,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "21",
     "label": "total"
    },
    {
     "n": "21",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:07 UTC",
     "iso": "2026-11-24T14:52:07Z"
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
   "last": 1795530617667,
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
     "time": "2026-11-24 14:30:17 UTC",
     "iso": "2026-11-24T14:30:17Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_HTTPHEADERS",
   "slug": "webserver_httpheaders",
   "descr": "HTTP Headers",
   "cat": "DATA",
   "total": 23,
   "unique": 23,
   "risky": 0,
   "fp": 0,
   "last": 1795531854719,
   "chunks": [
    {
     "f": "e-webserver_httpheaders-0.js",
     "n": 23,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "23",
     "label": "total"
    },
    {
     "n": "23",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:54 UTC",
     "iso": "2026-11-24T14:50:54Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUER",
   "slug": "ssl_certificate_issuer",
   "descr": "SSL Certificate - Issued by",
   "cat": "ENTITY",
   "total": 8,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795531929823,
   "chunks": [
    {
     "f": "e-ssl_certificate_issuer-0.js",
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
     "n": "2",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:09 UTC",
     "iso": "2026-11-24T14:52:09Z"
    }
   ]
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "total": 47,
   "unique": 16,
   "risky": 0,
   "fp": 0,
   "last": 1795531852428,
   "chunks": [
    {
     "f": "e-ip_address-0.js",
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
     "n": "16",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:52 UTC",
     "iso": "2026-11-24T14:50:52Z"
    }
   ]
  },
  {
   "code": "RAW_DNS_RECORDS",
   "slug": "raw_dns_records",
   "descr": "Raw DNS Records",
   "cat": "DATA",
   "total": 22,
   "unique": 16,
   "risky": 0,
   "fp": 0,
   "last": 1795531780207,
   "chunks": [
    {
     "f": "e-raw_dns_records-0.js",
     "n": 22,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "22",
     "label": "total"
    },
    {
     "n": "16",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:49:40 UTC",
     "iso": "2026-11-24T14:49:40Z"
    }
   ]
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "total": 7,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1795531903369,
   "chunks": [
    {
     "f": "e-co_hosted_site-0.js",
     "n": 7,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "7",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:51:43 UTC",
     "iso": "2026-11-24T14:51:43Z"
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
   "last": 1795530718407,
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
     "time": "2026-11-24 14:31:58 UTC",
     "iso": "2026-11-24T14:31:58Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN",
   "slug": "tcp_port_open",
   "descr": "Open TCP Port",
   "cat": "SUBENTITY",
   "total": 44,
   "unique": 28,
   "risky": 0,
   "fp": 0,
   "last": 1795531955339,
   "chunks": [
    {
     "f": "e-tcp_port_open-0.js",
     "n": 44,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "44",
     "label": "total"
    },
    {
     "n": "28",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:35 UTC",
     "iso": "2026-11-24T14:52:35Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_COOKIE",
   "slug": "target_web_cookie",
   "descr": "Cookies",
   "cat": "DATA",
   "total": 11,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795531744511,
   "chunks": [
    {
     "f": "e-target_web_cookie-0.js",
     "n": 11,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "11",
     "label": "total"
    },
    {
     "n": "2",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:49:04 UTC",
     "iso": "2026-11-24T14:49:04Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_BANNER",
   "slug": "webserver_banner",
   "descr": "Web Server",
   "cat": "DATA",
   "total": 17,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1795531930325,
   "chunks": [
    {
     "f": "e-webserver_banner-0.js",
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
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:10 UTC",
     "iso": "2026-11-24T14:52:10Z"
    }
   ]
  },
  {
   "code": "SIMILARDOMAIN",
   "slug": "similardomain",
   "descr": "Similar Domain",
   "cat": "ENTITY",
   "total": 19,
   "unique": 19,
   "risky": 0,
   "fp": 0,
   "last": 1795531848349,
   "chunks": [
    {
     "f": "e-similardomain-0.js",
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
     "n": "19",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:48 UTC",
     "iso": "2026-11-24T14:50:48Z"
    }
   ]
  },
  {
   "code": "AFFILIATE_INTERNET_NAME",
   "slug": "affiliate_internet_name",
   "descr": "Affiliate - Internet Name",
   "cat": "ENTITY",
   "total": 17,
   "unique": 9,
   "risky": 0,
   "fp": 0,
   "last": 1795531810679,
   "chunks": [
    {
     "f": "e-affiliate_internet_name-0.js",
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
     "n": "9",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:10 UTC",
     "iso": "2026-11-24T14:50:10Z"
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
   "last": 1795530676714,
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
     "time": "2026-11-24 14:31:16 UTC",
     "iso": "2026-11-24T14:31:16Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_CRITICAL",
   "slug": "vulnerability_cve_critical",
   "descr": "Vulnerability - CVE Critical",
   "cat": "DESCRIPTOR",
   "total": 2,
   "unique": 2,
   "risky": 2,
   "fp": 0,
   "last": 1795531549528,
   "chunks": [
    {
     "f": "e-vulnerability_cve_critical-0.js",
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
     "time": "2026-11-24 14:45:49 UTC",
     "iso": "2026-11-24T14:45:49Z"
    }
   ]
  },
  {
   "code": "URL_WEB_FRAMEWORK",
   "slug": "url_web_framework",
   "descr": "URL (Uses a Web Framework)",
   "cat": "DESCRIPTOR",
   "total": 7,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1795531802335,
   "chunks": [
    {
     "f": "e-url_web_framework-0.js",
     "n": 7,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "7",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:02 UTC",
     "iso": "2026-11-24T14:50:02Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT",
   "slug": "target_web_content",
   "descr": "Web Content",
   "cat": "DATA",
   "total": 7,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1795531709329,
   "chunks": [
    {
     "f": "e-target_web_content-0.js",
     "n": 7,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "7",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:48:29 UTC",
     "iso": "2026-11-24T14:48:29Z"
    }
   ]
  },
  {
   "code": "MALICIOUS_INTERNET_NAME",
   "slug": "malicious_internet_name",
   "descr": "Malicious Internet Name",
   "cat": "DESCRIPTOR",
   "total": 5,
   "unique": 5,
   "risky": 5,
   "fp": 0,
   "last": 1795531780831,
   "chunks": [
    {
     "f": "e-malicious_internet_name-0.js",
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
     "n": "5",
     "label": "unique"
    },
    {
     "n": "5",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:49:40 UTC",
     "iso": "2026-11-24T14:49:40Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_TECHNOLOGY",
   "slug": "webserver_technology",
   "descr": "Web Technology",
   "cat": "DESCRIPTOR",
   "total": 11,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795531964384,
   "chunks": [
    {
     "f": "e-webserver_technology-0.js",
     "n": 11,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "11",
     "label": "total"
    },
    {
     "n": "2",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:44 UTC",
     "iso": "2026-11-24T14:52:44Z"
    }
   ]
  },
  {
   "code": "PROVIDER_HOSTING",
   "slug": "provider_hosting",
   "descr": "Hosting Provider",
   "cat": "ENTITY",
   "total": 8,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1795531792395,
   "chunks": [
    {
     "f": "e-provider_hosting-0.js",
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
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:49:52 UTC",
     "iso": "2026-11-24T14:49:52Z"
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
   "last": 1795531245937,
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
     "time": "2026-11-24 14:40:45 UTC",
     "iso": "2026-11-24T14:40:45Z"
    }
   ]
  },
  {
   "code": "URL_FORM",
   "slug": "url_form",
   "descr": "URL (Form)",
   "cat": "DESCRIPTOR",
   "total": 15,
   "unique": 15,
   "risky": 0,
   "fp": 0,
   "last": 1795531964626,
   "chunks": [
    {
     "f": "e-url_form-0.js",
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
     "time": "2026-11-24 14:52:44 UTC",
     "iso": "2026-11-24T14:52:44Z"
    }
   ]
  },
  {
   "code": "EMAILADDR",
   "slug": "emailaddr",
   "descr": "Email Address",
   "cat": "ENTITY",
   "total": 16,
   "unique": 16,
   "risky": 0,
   "fp": 0,
   "last": 1795531955683,
   "chunks": [
    {
     "f": "e-emailaddr-0.js",
     "n": 16,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "16",
     "label": "total"
    },
    {
     "n": "16",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:35 UTC",
     "iso": "2026-11-24T14:52:35Z"
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
   "last": 1795530912031,
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
     "time": "2026-11-24 14:35:12 UTC",
     "iso": "2026-11-24T14:35:12Z"
    }
   ]
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "total": 4,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1795531681358,
   "chunks": [
    {
     "f": "e-phone_number-0.js",
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
     "time": "2026-11-24 14:48:01 UTC",
     "iso": "2026-11-24T14:48:01Z"
    }
   ]
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "total": 3,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795531367598,
   "chunks": [
    {
     "f": "e-internet_name_unresolved-0.js",
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
     "label": "last seen",
     "time": "2026-11-24 14:42:47 UTC",
     "iso": "2026-11-24T14:42:47Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN_BANNER",
   "slug": "tcp_port_open_banner",
   "descr": "Open TCP Port Banner",
   "cat": "DATA",
   "total": 21,
   "unique": 10,
   "risky": 0,
   "fp": 0,
   "last": 1795531868907,
   "chunks": [
    {
     "f": "e-tcp_port_open_banner-0.js",
     "n": 21,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "21",
     "label": "total"
    },
    {
     "n": "10",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:51:08 UTC",
     "iso": "2026-11-24T14:51:08Z"
    }
   ]
  },
  {
   "code": "MALICIOUS_IPADDR",
   "slug": "malicious_ipaddr",
   "descr": "Malicious IP Address",
   "cat": "DESCRIPTOR",
   "total": 3,
   "unique": 3,
   "risky": 3,
   "fp": 0,
   "last": 1795531756603,
   "chunks": [
    {
     "f": "e-malicious_ipaddr-0.js",
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
     "time": "2026-11-24 14:49:16 UTC",
     "iso": "2026-11-24T14:49:16Z"
    }
   ]
  },
  {
   "code": "SOFTWARE_USED",
   "slug": "software_used",
   "descr": "Software Used",
   "cat": "SUBENTITY",
   "total": 11,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795531870001,
   "chunks": [
    {
     "f": "e-software_used-0.js",
     "n": 11,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "11",
     "label": "total"
    },
    {
     "n": "2",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:51:10 UTC",
     "iso": "2026-11-24T14:51:10Z"
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
   "last": 1795531253198,
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
     "time": "2026-11-24 14:40:53 UTC",
     "iso": "2026-11-24T14:40:53Z"
    }
   ]
  },
  {
   "code": "EMAILADDR_COMPROMISED",
   "slug": "emailaddr_compromised",
   "descr": "Hacked Email Address",
   "cat": "DESCRIPTOR",
   "total": 6,
   "unique": 6,
   "risky": 6,
   "fp": 0,
   "last": 1795531713448,
   "chunks": [
    {
     "f": "e-emailaddr_compromised-0.js",
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
     "n": "6",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:48:33 UTC",
     "iso": "2026-11-24T14:48:33Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_RAW",
   "slug": "ssl_certificate_raw",
   "descr": "SSL Certificate - Raw Data",
   "cat": "DATA",
   "total": 2,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795531797709,
   "chunks": [
    {
     "f": "e-ssl_certificate_raw-0.js",
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
     "time": "2026-11-24 14:49:57 UTC",
     "iso": "2026-11-24T14:49:57Z"
    }
   ]
  },
  {
   "code": "GEOINFO",
   "slug": "geoinfo",
   "descr": "Physical Location",
   "cat": "DESCRIPTOR",
   "total": 11,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1795531899201,
   "chunks": [
    {
     "f": "e-geoinfo-0.js",
     "n": 11,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "11",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:51:39 UTC",
     "iso": "2026-11-24T14:51:39Z"
    }
   ]
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "total": 6,
   "unique": 5,
   "risky": 0,
   "fp": 0,
   "last": 1795531933849,
   "chunks": [
    {
     "f": "e-human_name-0.js",
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
     "n": "5",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:52:13 UTC",
     "iso": "2026-11-24T14:52:13Z"
    }
   ]
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "total": 6,
   "unique": 5,
   "risky": 0,
   "fp": 0,
   "last": 1795531858335,
   "chunks": [
    {
     "f": "e-account_external_owned-0.js",
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
     "n": "5",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:58 UTC",
     "iso": "2026-11-24T14:50:58Z"
    }
   ]
  },
  {
   "code": "IPV6_ADDRESS",
   "slug": "ipv6_address",
   "descr": "IPv6 Address",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795530959674,
   "chunks": [
    {
     "f": "e-ipv6_address-0.js",
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
     "time": "2026-11-24 14:35:59 UTC",
     "iso": "2026-11-24T14:35:59Z"
    }
   ]
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "total": 9,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1795531765358,
   "chunks": [
    {
     "f": "e-netblock_owner-0.js",
     "n": 9,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "9",
     "label": "total"
    },
    {
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:49:25 UTC",
     "iso": "2026-11-24T14:49:25Z"
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
   "last": 1795531127154,
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
     "time": "2026-11-24 14:38:47 UTC",
     "iso": "2026-11-24T14:38:47Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_LOW",
   "slug": "vulnerability_cve_low",
   "descr": "Vulnerability - CVE Low",
   "cat": "DESCRIPTOR",
   "total": 2,
   "unique": 1,
   "risky": 2,
   "fp": 0,
   "last": 1795531425421,
   "chunks": [
    {
     "f": "e-vulnerability_cve_low-0.js",
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
     "n": "1",
     "label": "unique"
    },
    {
     "n": "2",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:43:45 UTC",
     "iso": "2026-11-24T14:43:45Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_MEDIUM",
   "slug": "vulnerability_cve_medium",
   "descr": "Vulnerability - CVE Medium",
   "cat": "DESCRIPTOR",
   "total": 1,
   "unique": 1,
   "risky": 1,
   "fp": 0,
   "last": 1795531350986,
   "chunks": [
    {
     "f": "e-vulnerability_cve_medium-0.js",
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
     "time": "2026-11-24 14:42:30 UTC",
     "iso": "2026-11-24T14:42:30Z"
    }
   ]
  },
  {
   "code": "EMAILADDR_GENERIC",
   "slug": "emailaddr_generic",
   "descr": "Email Address - Generic",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795531476415,
   "chunks": [
    {
     "f": "e-emailaddr_generic-0.js",
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
     "time": "2026-11-24 14:44:36 UTC",
     "iso": "2026-11-24T14:44:36Z"
    }
   ]
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "total": 3,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795531798874,
   "chunks": [
    {
     "f": "e-bgp_as_owner-0.js",
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
     "label": "last seen",
     "time": "2026-11-24 14:49:58 UTC",
     "iso": "2026-11-24T14:49:58Z"
    }
   ]
  },
  {
   "code": "BLACKLISTED_IPADDR",
   "slug": "blacklisted_ipaddr",
   "descr": "Blacklisted IP Address",
   "cat": "DESCRIPTOR",
   "total": 3,
   "unique": 2,
   "risky": 3,
   "fp": 0,
   "last": 1795531807889,
   "chunks": [
    {
     "f": "e-blacklisted_ipaddr-0.js",
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
     "n": "2",
     "label": "unique"
    },
    {
     "n": "3",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-24 14:50:07 UTC",
     "iso": "2026-11-24T14:50:07Z"
    }
   ]
  },
  {
   "code": "URL_PASSWORD",
   "slug": "url_password",
   "descr": "URL (Accepts Passwords)",
   "cat": "DESCRIPTOR",
   "total": 2,
   "unique": 2,
   "risky": 2,
   "fp": 0,
   "last": 1795531821223,
   "chunks": [
    {
     "f": "e-url_password-0.js",
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
     "time": "2026-11-24 14:50:21 UTC",
     "iso": "2026-11-24T14:50:21Z"
    }
   ]
  },
  {
   "code": "DEFACED_INTERNET_NAME",
   "slug": "defaced_internet_name",
   "descr": "Defaced",
   "cat": "DESCRIPTOR",
   "total": 1,
   "unique": 1,
   "risky": 1,
   "fp": 0,
   "last": 1795531638201,
   "chunks": [
    {
     "f": "e-defaced_internet_name-0.js",
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
     "time": "2026-11-24 14:47:18 UTC",
     "iso": "2026-11-24T14:47:18Z"
    }
   ]
  }
 ],
 "log": {
  "total": 56,
  "chunks": [
   {
    "f": "log-0.js",
    "n": 56,
    "s": 0
   }
  ]
 },
 "fp": {
  "f": "fp.js",
  "n": 0
 }
}
);
