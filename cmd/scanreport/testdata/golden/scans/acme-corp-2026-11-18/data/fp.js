(window.__sr=window.__sr||[]).push(
{
 "k": "fp",
 "scan": "acme-corp-2026-11-18",
 "i": [
  267,
  440,
  458,
  626,
  723,
  774,
  1417,
  1780,
  2121,
  2292,
  2454,
  2623,
  2634
 ],
 "r": {
  "linked_url_internal": [
   62,
   105,
   504
  ],
  "tcp_port_open": [
   46
  ],
  "linked_url_external": [
   48
  ],
  "url_javascript": [
   62
  ],
  "tcp_port_open_banner": [
   46
  ],
  "http_code": [
   62,
   105
  ],
  "webserver_httpheaders": [
   62
  ],
  "emailaddr": [
   11
  ],
  "webserver_banner": [
   62
  ],
  "emailaddr_compromised": [
   9
  ]
 },
 "d": [
  [
   267,
   "m.okafor",
   1795000045000
  ],
  [
   440,
   "j.doe",
   1794997928000
  ],
  [
   723,
   "a.kowalski",
   1794998913000
  ]
 ]
}
);
