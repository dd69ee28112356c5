packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "dns_text",
 "seq": 0,
 "n": 4,
 "i": [
  72,
  77,
  221,
  378
 ],
 "id": [
  "e72",
  "e77",
  "e221",
  "e378"
 ],
 "d": [
  "google-site-verification=Zx3k9QvP1mT7rLw2bN8cYd4FhJ6sA0eG5uKiO_pVqRs",
  "MS=ms48213957",
  "atlassian-domain-verification=4Hq8pLz2XwR7nV1mK9tB3cY6",
  "docusign=1b7e4c92-5a3f-4d8e-9c21-6f0a2b8d7e15"
 ],
 "s": [
  2,
  2,
  2,
  2
 ],
 "sd": [
  "globex.example",
  "globex.example",
  "globex.example",
  "globex.example"
 ],
 "m": [
  6,
  6,
  6,
  6
 ],
 "t": [
  1795530724790,
  1795530736857,
  1795530991560,
  1795531245937
 ],
 "r": [
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0
 ]
}
