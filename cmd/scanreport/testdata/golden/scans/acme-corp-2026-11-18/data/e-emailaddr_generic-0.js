packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "emailaddr_generic",
 "seq": 0,
 "n": 8,
 "i": [
  1211,
  1812,
  1819,
  2026,
  2172,
  2325,
  2498,
  2798
 ],
 "id": [
  "e1211",
  "e1812",
  "e1819",
  "e2026",
  "e2172",
  "e2325",
  "e2498",
  "e2798"
 ],
 "d": [
  "security@acme-corp.example",
  "billing@acme-corp.example",
  "hr@acme-corp.example",
  "noc@acme-corp.example",
  "sales@acme-corp.example",
  "billing@acme-corp.example",
  "info@acme-corp.example",
  "abuse@acme-corp.example"
 ],
 "s": [
  1143,
  260,
  435,
  1942,
  2078,
  1611,
  1755,
  2591
 ],
 "sd": [
  "https://mobile.acme-corp.example/blog/2020/11/post-1",
  "https://mobile.acme-corp.example/legal",
  "https://shop2.acme-corp.example/products/media-1.html",
  "https://api2.acme-corp.example/api/v1/dental?id=69045",
  "https://m.acme-corp.example/static/js/app.466a2cf0.js",
  "https://ns1.acme-corp.example/products/harbor-924.html",
  "https://grafana.acme-corp.example/api/v1/travel?id=53666",
  "https://www.acme-corp.example/partners"
 ],
 "m": [
  13,
  13,
  13,
  13,
  13,
  13,
  13,
  13
 ],
 "t": [
  1794993438867,
  1794993946023,
  1794993952418,
  1794994126140,
  1794994232165,
  1794994359015,
  1794994489225,
  1794994727084
 ],
 "r": [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ]
}
