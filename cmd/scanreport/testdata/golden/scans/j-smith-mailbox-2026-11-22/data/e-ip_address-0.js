packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "ip_address",
 "seq": 0,
 "n": 2,
 "i": [
  4,
  14
 ],
 "id": [
  "e4",
  "e14"
 ],
 "d": [
  "20.36.104.180",
  "172.105.44.7"
 ],
 "s": [
  3,
  3
 ],
 "sd": [
  "acme-corp.example",
  "acme-corp.example"
 ],
 "m": [
  3,
  3
 ],
 "t": [
  1795346127925,
  1795346172200
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
