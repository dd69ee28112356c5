packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "phone_number",
 "seq": 0,
 "n": 1,
 "i": [
  8
 ],
 "id": [
  "e8"
 ],
 "d": [
  "+44 20 7946 0262"
 ],
 "s": [
  1
 ],
 "sd": [
  "j.smith@acme-corp.example"
 ],
 "m": [
  7
 ],
 "t": [
  1795346137150
 ],
 "r": [
  0
 ],
 "c": [
  88
 ],
 "v": [
  100
 ],
 "f": [
  0
 ]
}
