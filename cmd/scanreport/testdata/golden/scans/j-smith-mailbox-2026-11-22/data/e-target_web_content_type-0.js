packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "target_web_content_type",
 "seq": 0,
 "n": 2,
 "i": [
  48,
  57
 ],
 "id": [
  "e48",
  "e57"
 ],
 "d": [
  "text/html; charset=UTF-8",
  "text/html; charset=UTF-8"
 ],
 "s": [
  21,
  24
 ],
 "sd": [
  "https://acme-corp.example/account",
  "https://acme-corp.example/support"
 ],
 "m": [
  12,
  12
 ],
 "t": [
  1795346402477,
  1795346482276
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
