packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "provider_dns",
 "seq": 0,
 "n": 4,
 "i": [
  91,
  133,
  155,
  182
 ],
 "id": [
  "e91",
  "e133",
  "e155",
  "e182"
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
  "globex.example",
  "globex.example",
  "globex.example",
  "globex.example"
 ],
 "m": [
  6,
  6,
  6,
  6
 ],
 "t": [
  1795530753769,
  1795530826906,
  1795530862531,
  1795530912031
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
