packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
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
  "initech.example"
 ],
 "s": [
  0
 ],
 "sd": [
  "initech.example"
 ],
 "m": [
  1
 ],
 "t": [
  1795277100011
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
