packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "domain_registrar",
 "seq": 0,
 "n": 1,
 "i": [
  11
 ],
 "id": [
  "e11"
 ],
 "d": [
  "Gandi SAS"
 ],
 "s": [
  3
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  6
 ],
 "t": [
  1795346166009
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
