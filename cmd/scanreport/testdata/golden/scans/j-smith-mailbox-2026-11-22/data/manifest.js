(window.__sr=window.__sr||[]).push(
{
 "k": "manifest",
 "scan": "j-smith-mailbox-2026-11-22",
 "gen": 0,
 "status": "FINISHED",
 "badge": {
  "label": "FINISHED",
  "class": "ok",
  "partial": ""
 },
 "done": true,
 "count": 60,
 "modules": [
  "",
  "SpiderFoot UI",
  "sfp_haveibeenpwned",
  "sfp_dnsresolve",
  "sfp_dnsraw",
  "sfp_names",
  "sfp_whois",
  "sfp_dehashed",
  "sfp_accounts",
  "sfp_ipinfo",
  "sfp_sslcert",
  "sfp_portscan_tcp",
  "sfp_spider",
  "sfp_shodan",
  "sfp_crt",
  "sfp_hackertarget",
  "sfp_bgpview"
 ],
 "types": [
  {
   "code": "EMAILADDR",
   "slug": "emailaddr",
   "descr": "Email Address",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346100010,
   "chunks": [
    {
     "f": "e-emailaddr-0.js",
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
     "time": "2026-11-22 11:15:00 UTC",
     "iso": "2026-11-22T11:15:00Z"
    }
   ]
  },
  {
   "code": "EMAILADDR_COMPROMISED",
   "slug": "emailaddr_compromised",
   "descr": "Hacked Email Address",
   "cat": "DESCRIPTOR",
   "total": 3,
   "unique": 3,
   "risky": 3,
   "fp": 0,
   "last": 1795346319878,
   "chunks": [
    {
     "f": "e-emailaddr_compromised-0.js",
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
     "time": "2026-11-22 11:18:39 UTC",
     "iso": "2026-11-22T11:18:39Z"
    }
   ]
  },
  {
   "code": "INTERNET_NAME",
   "slug": "internet_name",
   "descr": "Internet Name",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346116198,
   "chunks": [
    {
     "f": "e-internet_name-0.js",
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
     "time": "2026-11-22 11:15:16 UTC",
     "iso": "2026-11-22T11:15:16Z"
    }
   ]
  },
  {
   "code": "IP_ADDRESS",
   "slug": "ip_address",
   "descr": "IP Address",
   "cat": "ENTITY",
   "total": 2,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795346172200,
   "chunks": [
    {
     "f": "e-ip_address-0.js",
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
     "time": "2026-11-22 11:16:12 UTC",
     "iso": "2026-11-22T11:16:12Z"
    }
   ]
  },
  {
   "code": "DNS_TEXT",
   "slug": "dns_text",
   "descr": "DNS TXT Record",
   "cat": "DATA",
   "total": 3,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795346413198,
   "chunks": [
    {
     "f": "e-dns_text-0.js",
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
     "time": "2026-11-22 11:20:13 UTC",
     "iso": "2026-11-22T11:20:13Z"
    }
   ]
  },
  {
   "code": "HUMAN_NAME",
   "slug": "human_name",
   "descr": "Human Name",
   "cat": "ENTITY",
   "total": 2,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346359910,
   "chunks": [
    {
     "f": "e-human_name-0.js",
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
     "label": "last seen",
     "time": "2026-11-22 11:19:19 UTC",
     "iso": "2026-11-22T11:19:19Z"
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
   "last": 1795346134597,
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
     "time": "2026-11-22 11:15:34 UTC",
     "iso": "2026-11-22T11:15:34Z"
    }
   ]
  },
  {
   "code": "PHONE_NUMBER",
   "slug": "phone_number",
   "descr": "Phone Number",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346137150,
   "chunks": [
    {
     "f": "e-phone_number-0.js",
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
     "time": "2026-11-22 11:15:37 UTC",
     "iso": "2026-11-22T11:15:37Z"
    }
   ]
  },
  {
   "code": "ACCOUNT_EXTERNAL_OWNED",
   "slug": "account_external_owned",
   "descr": "Account on External Site",
   "cat": "ENTITY",
   "total": 7,
   "unique": 7,
   "risky": 0,
   "fp": 0,
   "last": 1795346488544,
   "chunks": [
    {
     "f": "e-account_external_owned-0.js",
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
     "time": "2026-11-22 11:21:28 UTC",
     "iso": "2026-11-22T11:21:28Z"
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
   "last": 1795346166009,
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
     "time": "2026-11-22 11:16:06 UTC",
     "iso": "2026-11-22T11:16:06Z"
    }
   ]
  },
  {
   "code": "GEOINFO",
   "slug": "geoinfo",
   "descr": "Physical Location",
   "cat": "DESCRIPTOR",
   "total": 2,
   "unique": 2,
   "risky": 0,
   "fp": 0,
   "last": 1795346204372,
   "chunks": [
    {
     "f": "e-geoinfo-0.js",
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
     "time": "2026-11-22 11:16:44 UTC",
     "iso": "2026-11-22T11:16:44Z"
    }
   ]
  },
  {
   "code": "SSL_CERTIFICATE_ISSUED",
   "slug": "ssl_certificate_issued",
   "descr": "SSL Certificate - Issued to",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346169208,
   "chunks": [
    {
     "f": "e-ssl_certificate_issued-0.js",
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
     "time": "2026-11-22 11:16:09 UTC",
     "iso": "2026-11-22T11:16:09Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN",
   "slug": "tcp_port_open",
   "descr": "Open TCP Port",
   "cat": "SUBENTITY",
   "total": 4,
   "unique": 3,
   "risky": 0,
   "fp": 0,
   "last": 1795346415561,
   "chunks": [
    {
     "f": "e-tcp_port_open-0.js",
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
     "n": "3",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-22 11:20:15 UTC",
     "iso": "2026-11-22T11:20:15Z"
    }
   ]
  },
  {
   "code": "TCP_PORT_OPEN_BANNER",
   "slug": "tcp_port_open_banner",
   "descr": "Open TCP Port Banner",
   "cat": "DATA",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346199951,
   "chunks": [
    {
     "f": "e-tcp_port_open_banner-0.js",
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
     "time": "2026-11-22 11:16:39 UTC",
     "iso": "2026-11-22T11:16:39Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_INTERNAL",
   "slug": "linked_url_internal",
   "descr": "Linked URL - Internal",
   "cat": "SUBENTITY",
   "total": 17,
   "unique": 16,
   "risky": 0,
   "fp": 0,
   "last": 1795346483536,
   "chunks": [
    {
     "f": "e-linked_url_internal-0.js",
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
     "time": "2026-11-22 11:21:23 UTC",
     "iso": "2026-11-22T11:21:23Z"
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
   "last": 1795346243704,
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
     "time": "2026-11-22 11:17:23 UTC",
     "iso": "2026-11-22T11:17:23Z"
    }
   ]
  },
  {
   "code": "HTTP_CODE",
   "slug": "http_code",
   "descr": "HTTP Status Code",
   "cat": "DATA",
   "total": 3,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346468057,
   "chunks": [
    {
     "f": "e-http_code-0.js",
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
     "n": "1",
     "label": "unique"
    },
    {
     "label": "last seen",
     "time": "2026-11-22 11:21:08 UTC",
     "iso": "2026-11-22T11:21:08Z"
    }
   ]
  },
  {
   "code": "INTERNET_NAME_UNRESOLVED",
   "slug": "internet_name_unresolved",
   "descr": "Internet Name - Unresolved",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346270745,
   "chunks": [
    {
     "f": "e-internet_name_unresolved-0.js",
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
     "time": "2026-11-22 11:17:50 UTC",
     "iso": "2026-11-22T11:17:50Z"
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
   "last": 1795346297334,
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
     "time": "2026-11-22 11:18:17 UTC",
     "iso": "2026-11-22T11:18:17Z"
    }
   ]
  },
  {
   "code": "CO_HOSTED_SITE",
   "slug": "co_hosted_site",
   "descr": "Co-Hosted Site",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346299735,
   "chunks": [
    {
     "f": "e-co_hosted_site-0.js",
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
     "time": "2026-11-22 11:18:19 UTC",
     "iso": "2026-11-22T11:18:19Z"
    }
   ]
  },
  {
   "code": "NETBLOCK_OWNER",
   "slug": "netblock_owner",
   "descr": "Netblock Ownership",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346300396,
   "chunks": [
    {
     "f": "e-netblock_owner-0.js",
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
     "time": "2026-11-22 11:18:20 UTC",
     "iso": "2026-11-22T11:18:20Z"
    }
   ]
  },
  {
   "code": "BGP_AS_OWNER",
   "slug": "bgp_as_owner",
   "descr": "BGP AS Ownership",
   "cat": "ENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346319670,
   "chunks": [
    {
     "f": "e-bgp_as_owner-0.js",
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
     "time": "2026-11-22 11:18:39 UTC",
     "iso": "2026-11-22T11:18:39Z"
    }
   ]
  },
  {
   "code": "TARGET_WEB_CONTENT_TYPE",
   "slug": "target_web_content_type",
   "descr": "Web Content Type",
   "cat": "DESCRIPTOR",
   "total": 2,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346482276,
   "chunks": [
    {
     "f": "e-target_web_content_type-0.js",
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
     "label": "last seen",
     "time": "2026-11-22 11:21:22 UTC",
     "iso": "2026-11-22T11:21:22Z"
    }
   ]
  },
  {
   "code": "LINKED_URL_EXTERNAL",
   "slug": "linked_url_external",
   "descr": "Linked URL - External",
   "cat": "SUBENTITY",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346427618,
   "chunks": [
    {
     "f": "e-linked_url_external-0.js",
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
     "time": "2026-11-22 11:20:27 UTC",
     "iso": "2026-11-22T11:20:27Z"
    }
   ]
  },
  {
   "code": "WEBSERVER_HTTPHEADERS",
   "slug": "webserver_httpheaders",
   "descr": "HTTP Headers",
   "cat": "DATA",
   "total": 1,
   "unique": 1,
   "risky": 0,
   "fp": 0,
   "last": 1795346481755,
   "chunks": [
    {
     "f": "e-webserver_httpheaders-0.js",
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
     "time": "2026-11-22 11:21:21 UTC",
     "iso": "2026-11-22T11:21:21Z"
    }
   ]
  }
 ],
 "log": {
  "total": 36,
  "chunks": [
   {
    "f": "log-0.js",
    "n": 36,
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
