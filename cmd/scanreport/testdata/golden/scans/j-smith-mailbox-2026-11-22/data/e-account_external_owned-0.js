packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "account_external_owned",
 "seq": 0,
 "n": 7,
 "i": [
  10,
  16,
  18,
  27,
  42,
  55,
  60
 ],
 "id": [
  "e10",
  "e16",
  "e18",
  "e27",
  "e42",
  "e55",
  "e60"
 ],
 "d": [
  "GitHub (Category: coding)\n\u003cSFURL\u003ehttps://github.com/jsmith\u003c/SFURL\u003e",
  "Keybase (Category: tech)\n\u003cSFURL\u003ehttps://keybase.io/jsmith\u003c/SFURL\u003e",
  "Medium (Category: blog)\n\u003cSFURL\u003ehttps://medium.com/@jsmith\u003c/SFURL\u003e",
  "Docker Hub (Category: coding)\n\u003cSFURL\u003ehttps://hub.docker.com/u/jsmith\u003c/SFURL\u003e",
  "Twitter (Category: social)\n\u003cSFURL\u003ehttps://twitter.com/jsmith\u003c/SFURL\u003e",
  "Gravatar (Category: images)\n\u003cSFURL\u003ehttps://en.gravatar.com/jsmith\u003c/SFURL\u003e",
  "SlideShare (Category: business)\n\u003cSFURL\u003ehttps://www.slideshare.net/jsmith\u003c/SFURL\u003e"
 ],
 "s": [
  1,
  1,
  1,
  1,
  1,
  1,
  1
 ],
 "sd": [
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example",
  "j.smith@acme-corp.example"
 ],
 "m": [
  8,
  8,
  8,
  8,
  8,
  8,
  8
 ],
 "t": [
  1795346161965,
  1795346178989,
  1795346201551,
  1795346264964,
  1795346349806,
  1795346480996,
  1795346488544
 ],
 "r": [
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "v": [
  100,
  100,
  100,
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ]
}
