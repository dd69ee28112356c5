packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "geoinfo",
 "seq": 0,
 "n": 2,
 "i": [
  12,
  19
 ],
 "id": [
  "e12",
  "e19"
 ],
 "d": [
  "Boydton, Virginia, United States",
  "Singapore, Central Singapore, Singapore"
 ],
 "s": [
  4,
  14
 ],
 "sd": [
  "20.36.104.180",
  "172.105.44.7"
 ],
 "m": [
  9,
  9
 ],
 "t": [
  1795346168980,
  1795346204372
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
