packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
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
  "globex.example"
 ],
 "s": [
  0
 ],
 "sd": [
  "globex.example"
 ],
 "m": [
  1
 ],
 "t": [
  1795530600011
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
