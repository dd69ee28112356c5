packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "netblock_owner",
 "seq": 0,
 "n": 1,
 "i": [
  35
 ],
 "id": [
  "e35"
 ],
 "d": [
  "20.36.0.0/16"
 ],
 "s": [
  4
 ],
 "sd": [
  "20.36.104.180"
 ],
 "m": [
  16
 ],
 "t": [
  1795346300396
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
