packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "co_hosted_site",
 "seq": 0,
 "n": 1,
 "i": [
  34
 ],
 "id": [
  "e34"
 ],
 "d": [
  "northdesign.test"
 ],
 "s": [
  4
 ],
 "sd": [
  "20.36.104.180"
 ],
 "m": [
  15
 ],
 "t": [
  1795346299735
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
