packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "defaced_internet_name",
 "seq": 0,
 "n": 3,
 "i": [
  498,
  2410,
  2883
 ],
 "id": [
  "e498",
  "e2410",
  "e2883"
 ],
 "d": [
  "Zone-H: git.acme-corp.example defaced\n\u003cSFURL\u003ehttps://www.zone-h.org/mirror/id/38059686\u003c/SFURL\u003e",
  "Zone-H: jenkins2.acme-corp.example defaced\n\u003cSFURL\u003ehttps://www.zone-h.org/mirror/id/38471939\u003c/SFURL\u003e",
  "Zone-H: dev.acme-corp.example defaced\n\u003cSFURL\u003ehttps://www.zone-h.org/mirror/id/38165968\u003c/SFURL\u003e"
 ],
 "s": [
  51,
  2356,
  2362
 ],
 "sd": [
  "git.acme-corp.example",
  "jenkins2.acme-corp.example",
  "dev.acme-corp.example"
 ],
 "m": [
  29,
  29,
  29
 ],
 "t": [
  1794992829121,
  1794994428632,
  1794994805155
 ],
 "r": [
  72,
  83,
  73
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
