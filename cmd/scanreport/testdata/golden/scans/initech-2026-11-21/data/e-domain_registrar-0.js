packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "domain_registrar",
 "seq": 0,
 "n": 1,
 "i": [
  12
 ],
 "id": [
  "e12"
 ],
 "d": [
  "NameCheap, Inc."
 ],
 "s": [
  2
 ],
 "sd": [
  "initech.example"
 ],
 "m": [
  7
 ],
 "t": [
  1795277109006
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
