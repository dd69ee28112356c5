packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "emailaddr_compromised",
 "seq": 0,
 "n": 3,
 "i": [
  2,
  9,
  41
 ],
 "id": [
  "e2",
  "e9",
  "e41"
 ],
 "d": [
  "j.smith@acme-corp.example [Exactis]",
  "j.smith@acme-corp.example [Adobe]",
  "j.smith@acme-corp.example [Apollo]"
 ],
 "s": [
  1,
  1,
  1
 ],
 "sd": [
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example"
 ],
 "m": [
  2,
  2,
  2
 ],
 "t": [
  1795346109513,
  1795346139430,
  1795346319878
 ],
 "r": [
  66,
  70,
  62
 ],
 "c": [
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100
 ],
 "f": [
  1,
  1,
  1
 ]
}
