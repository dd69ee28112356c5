packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "ssl_certificate_issued",
 "seq": 0,
 "n": 1,
 "i": [
  13
 ],
 "id": [
  "e13"
 ],
 "d": [
  "CN=acme-corp.example"
 ],
 "s": [
  3
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  10
 ],
 "t": [
  1795346169208
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
