packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "provider_mail",
 "seq": 0,
 "n": 2,
 "i": [
  34,
  69
 ],
 "id": [
  "e34",
  "e69"
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
  "globex.example",
  "globex.example"
 ],
 "m": [
  6,
  6
 ],
 "t": [
  1795530652870,
  1795530718407
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
