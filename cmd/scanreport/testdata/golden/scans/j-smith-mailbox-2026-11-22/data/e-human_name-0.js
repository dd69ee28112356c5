packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "human_name",
 "seq": 0,
 "n": 2,
 "i": [
  6,
  43
 ],
 "id": [
  "e6",
  "e43"
 ],
 "d": [
  "J Smith",
  "J Smith"
 ],
 "s": [
  1,
  1
 ],
 "sd": [
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example"
 ],
 "m": [
  5,
  5
 ],
 "t": [
  1795346134513,
  1795346359910
 ],
 "r": [
  0,
  0
 ],
 "c": [
  100,
  62
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
