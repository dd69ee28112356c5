packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "internet_name_unresolved",
 "seq": 0,
 "n": 3,
 "i": [
  99,
  284,
  465
 ],
 "id": [
  "e99",
  "e284",
  "e465"
 ],
 "d": [
  "auth.globex.example",
  "staging.globex.example",
  "intranet.globex.example"
 ],
 "s": [
  2,
  2,
  2
 ],
 "sd": [
  "globex.example",
  "globex.example",
  "globex.example"
 ],
 "m": [
  19,
  19,
  19
 ],
 "t": [
  1795530764639,
  1795531091290,
  1795531367598
 ],
 "r": [
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0
 ]
}
