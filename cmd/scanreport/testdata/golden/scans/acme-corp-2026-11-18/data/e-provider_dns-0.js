packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "provider_dns",
 "seq": 0,
 "n": 4,
 "i": [
  3,
  16,
  30,
  160
 ],
 "id": [
  "e3",
  "e16",
  "e30",
  "e160"
 ],
 "d": [
  "ns-1024.awsdns-00.org",
  "ns-512.awsdns-00.net",
  "ns-1536.awsdns-00.co.uk",
  "ns-0.awsdns-00.com"
 ],
 "s": [
  2,
  2,
  2,
  2
 ],
 "sd": [
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example"
 ],
 "m": [
  2,
  2,
  2,
  2
 ],
 "t": [
  1794992401545,
  1794992419218,
  1794992431615,
  1794992539755
 ],
 "r": [
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0
 ]
}
