packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "dns_text",
 "seq": 0,
 "n": 3,
 "i": [
  5,
  20,
  49
 ],
 "id": [
  "e5",
  "e20",
  "e49"
 ],
 "d": [
  "MS=ms48213957",
  "atlassian-domain-verification=4Hq8pLz2XwR7nV1mK9tB3cY6",
  "docusign=1b7e4c92-5a3f-4d8e-9c21-6f0a2b8d7e15"
 ],
 "s": [
  3,
  3,
  3
 ],
 "sd": [
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example"
 ],
 "m": [
  4,
  4,
  4
 ],
 "t": [
  1795346131673,
  1795346214134,
  1795346413198
 ],
 "r": [
  0,
  0,
  0
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
  0,
  0,
  0
 ]
}
