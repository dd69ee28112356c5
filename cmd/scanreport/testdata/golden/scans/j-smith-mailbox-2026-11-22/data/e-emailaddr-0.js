packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "emailaddr",
 "seq": 0,
 "n": 1,
 "i": [
  1
 ],
 "id": [
  "e1"
 ],
 "d": [
  "j.smith@acme-corp.example"
 ],
 "s": [
  0
 ],
 "sd": [
  "j.smith@acme-corp.example"
 ],
 "m": [
  1
 ],
 "t": [
  1795346100010
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
