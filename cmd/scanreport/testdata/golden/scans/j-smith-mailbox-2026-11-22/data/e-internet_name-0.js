packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "internet_name",
 "seq": 0,
 "n": 1,
 "i": [
  3
 ],
 "id": [
  "e3"
 ],
 "d": [
  "acme-corp.example"
 ],
 "s": [
  1
 ],
 "sd": [
  "j.smith@acme-corp.example"
 ],
 "m": [
  3
 ],
 "t": [
  1795346116198
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
