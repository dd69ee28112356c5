packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "dns_text",
 "seq": 0,
 "n": 4,
 "i": [
  60,
  96,
  98,
  132
 ],
 "id": [
  "e60",
  "e96",
  "e98",
  "e132"
 ],
 "d": [
  "facebook-domain-verification=9x2kq7m4r1v8z3c6p5t0",
  "google-site-verification=Zx3k9QvP1mT7rLw2bN8cYd4FhJ6sA0eG5uKiO_pVqRs",
  "MS=ms48213957",
  "atlassian-domain-verification=4Hq8pLz2XwR7nV1mK9tB3cY6"
 ],
 "s": [
  2,
  2,
  2,
  2
 ],
 "sd": [
  "initech.example",
  "initech.example",
  "initech.example",
  "initech.example"
 ],
 "m": [
  3,
  3,
  3,
  3
 ],
 "t": [
  1795277158912,
  1795277197348,
  1795277198620,
  1795277247707
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
