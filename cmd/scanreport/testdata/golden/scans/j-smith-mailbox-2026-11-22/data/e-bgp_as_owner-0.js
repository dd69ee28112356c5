packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "bgp_as_owner",
 "seq": 0,
 "n": 1,
 "i": [
  40
 ],
 "id": [
  "e40"
 ],
 "d": [
  "8075"
 ],
 "s": [
  35
 ],
 "sd": [
  "20.36.0.0/16"
 ],
 "m": [
  16
 ],
 "t": [
  1795346319670
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
