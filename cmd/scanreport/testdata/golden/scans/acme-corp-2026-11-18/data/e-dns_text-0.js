packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "dns_text",
 "seq": 0,
 "n": 4,
 "i": [
  88,
  149,
  228,
  245
 ],
 "id": [
  "e88",
  "e149",
  "e228",
  "e245"
 ],
 "d": [
  "docusign=1b7e4c92-5a3f-4d8e-9c21-6f0a2b8d7e15",
  "apple-domain-verification=Qm7RtX2pL9vK4zN8",
  "facebook-domain-verification=9x2kq7m4r1v8z3c6p5t0",
  "google-site-verification=Zx3k9QvP1mT7rLw2bN8cYd4FhJ6sA0eG5uKiO_pVqRs"
 ],
 "s": [
  2,
  2,
  2,
  2
 ],
 "sd": [
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example",
  "acme-corp.example"
 ],
 "m": [
  2,
  2,
  2,
  2
 ],
 "t": [
  1794992477171,
  1794992527306,
  1794992587398,
  1794992606011
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
