packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "provider_dns",
 "seq": 0,
 "n": 4,
 "i": [
  80,
  202,
  271,
  535
 ],
 "id": [
  "e80",
  "e202",
  "e271",
  "e535"
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
  "initech.example",
  "initech.example",
  "initech.example",
  "initech.example"
 ],
 "m": [
  3,
  3,
  3,
  3
 ],
 "t": [
  1795277180030,
  1795277334743,
  1795277409443,
  1795277742742
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
