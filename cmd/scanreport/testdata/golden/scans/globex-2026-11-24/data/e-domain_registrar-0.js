packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "domain_registrar",
 "seq": 0,
 "n": 1,
 "i": [
  14
 ],
 "id": [
  "e14"
 ],
 "d": [
  "CSC Corporate Domains, Inc."
 ],
 "s": [
  2
 ],
 "sd": [
  "globex.example"
 ],
 "m": [
  2
 ],
 "t": [
  1795530617667
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
