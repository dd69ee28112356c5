packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "ipv6_address",
 "seq": 0,
 "n": 1,
 "i": [
  206
 ],
 "id": [
  "e206"
 ],
 "d": [
  "2001:db8:b141:0e97::a9b"
 ],
 "s": [
  194
 ],
 "sd": [
  "m.globex.example"
 ],
 "m": [
  5
 ],
 "t": [
  1795530959674
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
