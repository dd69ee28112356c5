packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "provider_mail",
 "seq": 0,
 "n": 2,
 "i": [
  146,
  148
 ],
 "id": [
  "e146",
  "e148"
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
  "acme-corp.example",
  "acme-corp.example"
 ],
 "m": [
  2,
  2
 ],
 "t": [
  1794992525113,
  1794992527092
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
