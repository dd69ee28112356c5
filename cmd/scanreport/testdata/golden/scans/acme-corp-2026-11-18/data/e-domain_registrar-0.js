packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "domain_registrar",
 "seq": 0,
 "n": 1,
 "i": [
  17
 ],
 "id": [
  "e17"
 ],
 "d": [
  "NameCheap, Inc."
 ],
 "s": [
  2
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  10
 ],
 "t": [
  1794992420889
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
