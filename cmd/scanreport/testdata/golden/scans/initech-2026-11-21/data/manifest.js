(window.__sr=window.__sr||[]).push(
{
 "k": "manifest",
 "scan": "initech-2026-11-21",
 "gen": 0,
 "status": "ABORTED",
 "badge": {
  "label": "ABORTED",
  "class": "warn",
  "partial": "This scan was aborted: the results are partial."
 },
 "done": true,
 "count": 1500,
 "modules": [
  "",
  "SpiderFoot UI",
  "sfp_dnsbrute",
  "sfp_dnsraw",
  "sfp_dnsresolve",
  "sfp_spider",
  "sfp_crt",
  "sfp_whois",
  "sfp_portscan_tcp",
  "sfp_email",
  "sfp_hackertarget",
  "sfp_webserver",
  "sfp_webframework",
  "sfp_s3bucket",
  "sfp_ipinfo",
  "sfp_accounts",
  "sfp_alienvault",
  "sfp_bgpview",
  "sfp_names",
  "sfp_shodan",
  "sfp_similar",
  "sfp_cookie",
  "sfp_hosting",
  "sfp_phone",
  "sfp_sslcert",
  "sfp_haveibeenpwned",
  "sfp_zoneh",
  "sfp_spamhaus",
  "sfp_dehashed"
 ],
 "types": [
  {
   "code": "INTERNET_NAME",
   "slug": "internet_name",
   "descr": "Internet Name",
   "cat": "ENTITY",
   "total": 105,
   "unique": 55,
   "risky": 0,
   "fp": 0,
   "last": 1795278825240,
   "chunks": [
    {
     "f": "e-internet_name-0.js",
     "n": 105,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "105",
     "label": "total"
    },
    {
     "n": "55",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:33:45 UTC",
     "iso": "2026-11-21T16:33:45Z"
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
   "last": 1795277100011,
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
     "time": "2026-11-21 16:05:00 UTC",
     "iso": "2026-11-21T16:05:00Z"
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
   "last": 1795277101417,
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
     "time": "2026-11-21 16:05:01 UTC",
     "iso": "2026-11-21T16:05:01Z"
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
   "last": 1795277166666,
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
     "time": "2026-11-21 16:06:06 UTC",
     "iso": "2026-11-21T16:06:06Z"
    }
   ]
  },
  {
   "code": "IPV6_ADDRESS",
   "slug": "ipv6_address",
   "descr": "IPv6 Address",
   "cat": "ENTITY",
   "total": 16,
   "unique": 11,
   "risky": 0,
   "fp": 0,
   "last": 1795278851589,
   "chunks": [
    {
     "f": "e-ipv6_address-0.js",
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
     "n": "11",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:11 UTC",
     "iso": "2026-11-21T16:34:11Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_INTERNAL",
   "slug": "linked_url_internal",
   "descr": "Linked URL - Internal",
   "cat": "SUBENTITY",
   "total": 361,
   "unique": 330,
   "risky": 0,
   "fp": 0,
   "last": 1795278895194,
   "chunks": [
    {
     "f": "e-linked_url_internal-0.js",
     "n": 361,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "361",
     "label": "total"
    },
    {
     "n": "330",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:55 UTC",
     "iso": "2026-11-21T16:34:55Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_HTTPHEADERS",
   "slug": "webserver_httpheaders",
   "descr": "HTTP Headers",
   "cat": "DATA",
   "total": 56,
   "unique": 56,
   "risky": 0,
   "fp": 0,
   "last": 1795278885303,
   "chunks": [
    {
     "f": "e-webserver_httpheaders-0.js",
     "n": 56,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "56",
     "label": "total"
    },
    {
     "n": "56",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:45 UTC",
     "iso": "2026-11-21T16:34:45Z"
    }
   ]
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "total": 107,
   "unique": 27,
   "risky": 0,
   "fp": 1,
   "last": 1795278887525,
   "chunks": [
    {
     "f": "e-ip_address-0.js",
     "n": 107,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "107",
     "label": "total"
    },
    {
     "n": "27",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:47 UTC",
     "iso": "2026-11-21T16:34:47Z"
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
   "last": 1795277109006,
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
     "time": "2026-11-21 16:05:09 UTC",
     "iso": "2026-11-21T16:05:09Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN",
   "slug": "tcp_port_open",
   "descr": "Open TCP Port",
   "cat": "SUBENTITY",
   "total": 66,
   "unique": 40,
   "risky": 0,
   "fp": 3,
   "last": 1795278891855,
   "chunks": [
    {
     "f": "e-tcp_port_open-0.js",
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
     "n": "40",
     "label": "unique"
    },
    {
     "n": "3",
     "label": "false positives"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:51 UTC",
     "iso": "2026-11-21T16:34:51Z"
    }
   ]
  },
  {
   "code": "EMAILADDR",
   "slug": "emailaddr",
   "descr": "Email Address",
   "cat": "ENTITY",
   "total": 26,
   "unique": 22,
   "risky": 0,
   "fp": 0,
   "last": 1795278724382,
   "chunks": [
    {
     "f": "e-emailaddr-0.js",
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
     "n": "22",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:04 UTC",
     "iso": "2026-11-21T16:32:04Z"
    }
   ]
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "total": 29,
   "unique": 18,
   "risky": 0,
   "fp": 1,
   "last": 1795278899417,
   "chunks": [
    {
     "f": "e-co_hosted_site-0.js",
     "n": 29,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "29",
     "label": "total"
    },
    {
     "n": "18",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:59 UTC",
     "iso": "2026-11-21T16:34:59Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_EXTERNAL",
   "slug": "linked_url_external",
   "descr": "Linked URL - External",
   "cat": "SUBENTITY",
   "total": 84,
   "unique": 84,
   "risky": 0,
   "fp": 0,
   "last": 1795278898315,
   "chunks": [
    {
     "f": "e-linked_url_external-0.js",
     "n": 84,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "84",
     "label": "total"
    },
    {
     "n": "84",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:58 UTC",
     "iso": "2026-11-21T16:34:58Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_BANNER",
   "slug": "webserver_banner",
   "descr": "Web Server",
   "cat": "DATA",
   "total": 51,
   "unique": 6,
   "risky": 0,
   "fp": 0,
   "last": 1795278865855,
   "chunks": [
    {
     "f": "e-webserver_banner-0.js",
     "n": 51,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "51",
     "label": "total"
    },
    {
     "n": "6",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:25 UTC",
     "iso": "2026-11-21T16:34:25Z"
    }
   ]
  },
  {
   "code": "URL_JAVASCRIPT",
   "slug": "url_javascript",
   "descr": "URL (Uses Javascript)",
   "cat": "DESCRIPTOR",
   "total": 40,
   "unique": 35,
   "risky": 0,
   "fp": 0,
   "last": 1795278744093,
   "chunks": [
    {
     "f": "e-url_javascript-0.js",
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
     "n": "35",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:24 UTC",
     "iso": "2026-11-21T16:32:24Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN_BANNER",
   "slug": "tcp_port_open_banner",
   "descr": "Open TCP Port Banner",
   "cat": "DATA",
   "total": 25,
   "unique": 9,
   "risky": 0,
   "fp": 3,
   "last": 1795278833522,
   "chunks": [
    {
     "f": "e-tcp_port_open_banner-0.js",
     "n": 25,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "25",
     "label": "total"
    },
    {
     "n": "9",
     "label": "unique"
    },
    {
     "n": "3",
     "label": "false positives"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:33:53 UTC",
     "iso": "2026-11-21T16:33:53Z"
    }
   ]
  },
  {
   "code": "URL_WEB_FRAMEWORK",
   "slug": "url_web_framework",
   "descr": "URL (Uses a Web Framework)",
   "cat": "DESCRIPTOR",
   "total": 19,
   "unique": 18,
   "risky": 0,
   "fp": 0,
   "last": 1795278867191,
   "chunks": [
    {
     "f": "e-url_web_framework-0.js",
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
     "n": "18",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:27 UTC",
     "iso": "2026-11-21T16:34:27Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_TECHNOLOGY",
   "slug": "webserver_technology",
   "descr": "Web Technology",
   "cat": "DESCRIPTOR",
   "total": 14,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795278875792,
   "chunks": [
    {
     "f": "e-webserver_technology-0.js",
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
     "n": "3",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:35 UTC",
     "iso": "2026-11-21T16:34:35Z"
    }
   ]
  },
  {
   "code": "URL_FORM",
   "slug": "url_form",
   "descr": "URL (Form)",
   "cat": "DESCRIPTOR",
   "total": 17,
   "unique": 16,
   "risky": 0,
   "fp": 0,
   "last": 1795278878006,
   "chunks": [
    {
     "f": "e-url_form-0.js",
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
     "n": "16",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:38 UTC",
     "iso": "2026-11-21T16:34:38Z"
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
   "last": 1795277138264,
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
     "time": "2026-11-21 16:05:38 UTC",
     "iso": "2026-11-21T16:05:38Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT_TYPE",
   "slug": "target_web_content_type",
   "descr": "Web Content Type",
   "cat": "DESCRIPTOR",
   "total": 15,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795278723275,
   "chunks": [
    {
     "f": "e-target_web_content_type-0.js",
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
     "n": "1",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:03 UTC",
     "iso": "2026-11-21T16:32:03Z"
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
   "last": 1795278181645,
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
     "time": "2026-11-21 16:23:01 UTC",
     "iso": "2026-11-21T16:23:01Z"
    }
   ]
  },
  {
   "code": "AFFILIATE_INTERNET_NAME",
   "slug": "affiliate_internet_name",
   "descr": "Affiliate - Internet Name",
   "cat": "ENTITY",
   "total": 16,
   "unique": 11,
   "risky": 0,
   "fp": 0,
   "last": 1795278871415,
   "chunks": [
    {
     "f": "e-affiliate_internet_name-0.js",
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
     "n": "11",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:31 UTC",
     "iso": "2026-11-21T16:34:31Z"
    }
   ]
  },
  {
   "code": "GEOINFO",
   "slug": "geoinfo",
   "descr": "Physical Location",
   "cat": "DESCRIPTOR",
   "total": 32,
   "unique": 10,
   "risky": 0,
   "fp": 1,
   "last": 1795278873172,
   "chunks": [
    {
     "f": "e-geoinfo-0.js",
     "n": 32,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "32",
     "label": "total"
    },
    {
     "n": "10",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:33 UTC",
     "iso": "2026-11-21T16:34:33Z"
    }
   ]
  },
  {
   "code": "HTTP_CODE",
   "slug": "http_code",
   "descr": "HTTP Status Code",
   "cat": "DATA",
   "total": 120,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1795278899780,
   "chunks": [
    {
     "f": "e-http_code-0.js",
     "n": 120,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "120",
     "label": "total"
    },
    {
     "n": "7",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:59 UTC",
     "iso": "2026-11-21T16:34:59Z"
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
   "last": 1795277247707,
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
     "time": "2026-11-21 16:07:27 UTC",
     "iso": "2026-11-21T16:07:27Z"
    }
   ]
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "total": 24,
   "unique": 20,
   "risky": 0,
   "fp": 0,
   "last": 1795278834674,
   "chunks": [
    {
     "f": "e-account_external_owned-0.js",
     "n": 24,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "24",
     "label": "total"
    },
    {
     "n": "20",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:33:54 UTC",
     "iso": "2026-11-21T16:33:54Z"
    }
   ]
  },
  {
   "code": "MALICIOUS_IPADDR",
   "slug": "malicious_ipaddr",
   "descr": "Malicious IP Address",
   "cat": "DESCRIPTOR",
   "total": 8,
   "unique": 6,
   "risky": 8,
   "fp": 0,
   "last": 1795278720786,
   "chunks": [
    {
     "f": "e-malicious_ipaddr-0.js",
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
     "n": "6",
     "label": "unique"
    },
    {
     "n": "8",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:00 UTC",
     "iso": "2026-11-21T16:32:00Z"
    }
   ]
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "total": 16,
   "unique": 5,
   "risky": 0,
   "fp": 1,
   "last": 1795278700991,
   "chunks": [
    {
     "f": "e-netblock_owner-0.js",
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
     "n": "5",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:31:40 UTC",
     "iso": "2026-11-21T16:31:40Z"
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
   "last": 1795277742742,
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
     "time": "2026-11-21 16:15:42 UTC",
     "iso": "2026-11-21T16:15:42Z"
    }
   ]
  },
  {
   "code": "RAW_DNS_RECORDS",
   "slug": "raw_dns_records",
   "descr": "Raw DNS Records",
   "cat": "DATA",
   "total": 32,
   "unique": 23,
   "risky": 0,
   "fp": 0,
   "last": 1795278849364,
   "chunks": [
    {
     "f": "e-raw_dns_records-0.js",
     "n": 32,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "32",
     "label": "total"
    },
    {
     "n": "23",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:09 UTC",
     "iso": "2026-11-21T16:34:09Z"
    }
   ]
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "total": 17,
   "unique": 13,
   "risky": 0,
   "fp": 0,
   "last": 1795278822332,
   "chunks": [
    {
     "f": "e-human_name-0.js",
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
     "label": "last seen",
     "time": "2026-11-21 16:33:42 UTC",
     "iso": "2026-11-21T16:33:42Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_HIGH",
   "slug": "vulnerability_cve_high",
   "descr": "Vulnerability - CVE High",
   "cat": "DESCRIPTOR",
   "total": 4,
   "unique": 4,
   "risky": 4,
   "fp": 0,
   "last": 1795278861467,
   "chunks": [
    {
     "f": "e-vulnerability_cve_high-0.js",
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
     "n": "4",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:21 UTC",
     "iso": "2026-11-21T16:34:21Z"
    }
   ]
  },
  {
   "code": "EMAILADDR_GENERIC",
   "slug": "emailaddr_generic",
   "descr": "Email Address - Generic",
   "cat": "ENTITY",
   "total": 12,
   "unique": 9,
   "risky": 0,
   "fp": 0,
   "last": 1795278848303,
   "chunks": [
    {
     "f": "e-emailaddr_generic-0.js",
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
     "n": "9",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:08 UTC",
     "iso": "2026-11-21T16:34:08Z"
    }
   ]
  },
  {
   "code": "SIMILARDOMAIN",
   "slug": "similardomain",
   "descr": "Similar Domain",
   "cat": "ENTITY",
   "total": 12,
   "unique": 12,
   "risky": 0,
   "fp": 0,
   "last": 1795278832125,
   "chunks": [
    {
     "f": "e-similardomain-0.js",
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
     "label": "last seen",
     "time": "2026-11-21 16:33:52 UTC",
     "iso": "2026-11-21T16:33:52Z"
    }
   ]
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "total": 4,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1795278594564,
   "chunks": [
    {
     "f": "e-internet_name_unresolved-0.js",
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
     "time": "2026-11-21 16:29:54 UTC",
     "iso": "2026-11-21T16:29:54Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_COOKIE",
   "slug": "target_web_cookie",
   "descr": "Cookies",
   "cat": "DATA",
   "total": 19,
   "unique": 17,
   "risky": 0,
   "fp": 0,
   "last": 1795278775387,
   "chunks": [
    {
     "f": "e-target_web_cookie-0.js",
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
     "time": "2026-11-21 16:32:55 UTC",
     "iso": "2026-11-21T16:32:55Z"
    }
   ]
  },
  {
   "code": "PROVIDER_HOSTING",
   "slug": "provider_hosting",
   "descr": "Hosting Provider",
   "cat": "ENTITY",
   "total": 12,
   "unique": 5,
   "risky": 0,
   "fp": 1,
   "last": 1795278554634,
   "chunks": [
    {
     "f": "e-provider_hosting-0.js",
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
     "n": "5",
     "label": "unique"
    },
    {
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:29:14 UTC",
     "iso": "2026-11-21T16:29:14Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT",
   "slug": "target_web_content",
   "descr": "Web Content",
   "cat": "DATA",
   "total": 14,
   "unique": 14,
   "risky": 0,
   "fp": 0,
   "last": 1795278756379,
   "chunks": [
    {
     "f": "e-target_web_content-0.js",
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
     "n": "14",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:36 UTC",
     "iso": "2026-11-21T16:32:36Z"
    }
   ]
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "total": 13,
   "unique": 13,
   "risky": 0,
   "fp": 0,
   "last": 1795278835949,
   "chunks": [
    {
     "f": "e-phone_number-0.js",
     "n": 13,
     "s": 0
    }
   ],
   "facts": [
    {
     "n": "13",
     "label": "total"
    },
    {
     "n": "13",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:33:55 UTC",
     "iso": "2026-11-21T16:33:55Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "total": 15,
   "unique": 11,
   "risky": 0,
   "fp": 0,
   "last": 1795278853727,
   "chunks": [
    {
     "f": "e-ssl_certificate_issued-0.js",
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
     "n": "11",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:13 UTC",
     "iso": "2026-11-21T16:34:13Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUER",
   "slug": "ssl_certificate_issuer",
   "descr": "SSL Certificate - Issued by",
   "cat": "ENTITY",
   "total": 14,
   "unique": 5,
   "risky": 0,
   "fp": 0,
   "last": 1795278571660,
   "chunks": [
    {
     "f": "e-ssl_certificate_issuer-0.js",
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
     "n": "5",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:29:31 UTC",
     "iso": "2026-11-21T16:29:31Z"
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
   "last": 1795278730520,
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
     "time": "2026-11-21 16:32:10 UTC",
     "iso": "2026-11-21T16:32:10Z"
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
   "last": 1795277383351,
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
     "time": "2026-11-21 16:09:43 UTC",
     "iso": "2026-11-21T16:09:43Z"
    }
   ]
  },
  {
   "code": "SOFTWARE_USED",
   "slug": "software_used",
   "descr": "Software Used",
   "cat": "SUBENTITY",
   "total": 17,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795278736826,
   "chunks": [
    {
     "f": "e-software_used-0.js",
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
     "n": "3",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:16 UTC",
     "iso": "2026-11-21T16:32:16Z"
    }
   ]
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "total": 7,
   "unique": 4,
   "risky": 0,
   "fp": 0,
   "last": 1795278830391,
   "chunks": [
    {
     "f": "e-bgp_as_owner-0.js",
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
     "n": "4",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:33:50 UTC",
     "iso": "2026-11-21T16:33:50Z"
    }
   ]
  },
  {
   "code": "MALICIOUS_INTERNET_NAME",
   "slug": "malicious_internet_name",
   "descr": "Malicious Internet Name",
   "cat": "DESCRIPTOR",
   "total": 5,
   "unique": 4,
   "risky": 5,
   "fp": 0,
   "last": 1795278823379,
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
     "n": "4",
     "label": "unique"
    },
    {
     "n": "5",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:33:43 UTC",
     "iso": "2026-11-21T16:33:43Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_MEDIUM",
   "slug": "vulnerability_cve_medium",
   "descr": "Vulnerability - CVE Medium",
   "cat": "DESCRIPTOR",
   "total": 6,
   "unique": 5,
   "risky": 6,
   "fp": 0,
   "last": 1795278883906,
   "chunks": [
    {
     "f": "e-vulnerability_cve_medium-0.js",
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
     "n": "6",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:34:43 UTC",
     "iso": "2026-11-21T16:34:43Z"
    }
   ]
  },
  {
   "code": "BLACKLISTED_IPADDR",
   "slug": "blacklisted_ipaddr",
   "descr": "Blacklisted IP Address",
   "cat": "DESCRIPTOR",
   "total": 4,
   "unique": 4,
   "risky": 4,
   "fp": 0,
   "last": 1795278757219,
   "chunks": [
    {
     "f": "e-blacklisted_ipaddr-0.js",
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
     "n": "4",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:37 UTC",
     "iso": "2026-11-21T16:32:37Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_EXPIRED",
   "slug": "ssl_certificate_expired",
   "descr": "SSL Certificate Expired",
   "cat": "DESCRIPTOR",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795277639326,
   "chunks": [
    {
     "f": "e-ssl_certificate_expired-0.js",
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
     "time": "2026-11-21 16:13:59 UTC",
     "iso": "2026-11-21T16:13:59Z"
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
   "last": 1795277955999,
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
     "time": "2026-11-21 16:19:15 UTC",
     "iso": "2026-11-21T16:19:15Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_EXPIRING",
   "slug": "ssl_certificate_expiring",
   "descr": "SSL Certificate Expiring",
   "cat": "DESCRIPTOR",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795277771954,
   "chunks": [
    {
     "f": "e-ssl_certificate_expiring-0.js",
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
     "time": "2026-11-21 16:16:11 UTC",
     "iso": "2026-11-21T16:16:11Z"
    }
   ]
  },
  {
   "code": "VULNERABILITY_CVE_LOW",
   "slug": "vulnerability_cve_low",
   "descr": "Vulnerability - CVE Low",
   "cat": "DESCRIPTOR",
   "total": 4,
   "unique": 2,
   "risky": 4,
   "fp": 0,
   "last": 1795278221726,
   "chunks": [
    {
     "f": "e-vulnerability_cve_low-0.js",
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
     "n": "2",
     "label": "unique"
    },
    {
     "n": "4",
     "label": "risky"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:23:41 UTC",
     "iso": "2026-11-21T16:23:41Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_RAW",
   "slug": "ssl_certificate_raw",
   "descr": "SSL Certificate - Raw Data",
   "cat": "DATA",
   "total": 5,
   "unique": 5,
   "risky": 0,
   "fp": 0,
   "last": 1795278824322,
   "chunks": [
    {
     "f": "e-ssl_certificate_raw-0.js",
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
     "label": "last seen",
     "time": "2026-11-21 16:33:44 UTC",
     "iso": "2026-11-21T16:33:44Z"
    }
   ]
  },
  {
   "code": "PASSWORD_COMPROMISED",
   "slug": "password_compromised",
   "descr": "Compromised Password",
   "cat": "DATA",
   "total": 5,
   "unique": 5,
   "risky": 5,
   "fp": 0,
   "last": 1795278725293,
   "chunks": [
    {
     "f": "e-password_compromised-0.js",
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
     "time": "2026-11-21 16:32:05 UTC",
     "iso": "2026-11-21T16:32:05Z"
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
   "fp": 1,
   "last": 1795278732181,
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
     "n": "1",
     "label": "false positive"
    },
    {
     "label": "last seen",
     "time": "2026-11-21 16:32:12 UTC",
     "iso": "2026-11-21T16:32:12Z"
    }
   ]
  }
 ],
 "log": {
  "total": 84,
  "chunks": [
   {
    "f": "log-0.js",
    "n": 84,
    "s": 0
   }
  ]
 },
 "fp": {
  "f": "fp.js",
  "n": 12
 }
}
);
