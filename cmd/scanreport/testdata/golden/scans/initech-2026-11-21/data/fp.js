(window.__sr=window.__sr||[]).push(
{
 "k": "fp",
 "scan": "initech-2026-11-21",
 "i": [
  199,
  342,
  343,
  356,
  358,
  755,
  875,
  1259,
  1370,
  1394,
  1415,
  1448
 ],
 "r": {
  "ip_address": [
   7
  ],
  "tcp_port_open": [
   22,
   23,
   24
  ],
  "co_hosted_site": [
   21
  ],
  "tcp_port_open_banner": [
   22,
   23,
   24
  ],
  "geoinfo": [
   7
  ],
  "netblock_owner": [
   7
  ],
  "provider_hosting": [
   7
  ],
  "vulnerability_cve_critical": [
   0
  ]
 },
 "d": [
  [
   199,
   "j.doe",
   1795282003000
  ]
 ]
}
);
