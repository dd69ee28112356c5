packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "internet_name_unresolved",
 "seq": 0,
 "n": 1,
 "i": [
  28
 ],
 "id": [
  "e28"
 ],
 "d": [
  "autodiscover.acme-corp.example"
 ],
 "s": [
  3
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  14
 ],
 "t": [
  1795346270745
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
