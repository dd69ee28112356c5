packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "domain_name",
 "seq": 0,
 "n": 1,
 "i": [
  2
 ],
 "id": [
  "e2"
 ],
 "d": [
  "acme-corp.example"
 ],
 "s": [
  0
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  1
 ],
 "t": [
  1794992400011
 ],
 "r": [
  0
 ],
 "c": [
  100
 ],
 "v": [
  100
 ],
 "f": [
  0
 ]
}
