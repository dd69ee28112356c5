packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "provider_mail",
 "seq": 0,
 "n": 2,
 "i": [
  5,
  71
 ],
 "id": [
  "e5",
  "e71"
 ],
 "d": [
  "aspmx.l.google.com",
  "alt1.aspmx.l.google.com"
 ],
 "s": [
  2,
  2
 ],
 "sd": [
  "initech.example",
  "initech.example"
 ],
 "m": [
  3,
  3
 ],
 "t": [
  1795277103589,
  1795277166666
 ],
 "r": [
  0,
  0
 ],
 "c": [
  100,
  100
 ],
 "v": [
  100,
  100
 ],
 "f": [
  0,
  0
 ]
}
