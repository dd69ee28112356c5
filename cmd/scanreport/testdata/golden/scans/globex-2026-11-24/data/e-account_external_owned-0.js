packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "account_external_owned",
 "seq": 0,
 "n": 6,
 "i": [
  191,
  238,
  382,
  537,
  651,
  748
 ],
 "id": [
  "e191",
  "e238",
  "e382",
  "e537",
  "e651",
  "e748"
 ],
 "d": [
  "Medium (Category: blog)\n\u003cSFURL\u003ehttps://medium.com/@djackson\u003c/SFURL\u003e",
  "Twitter (Category: social)\n\u003cSFURL\u003ehttps://twitter.com/djackson\u003c/SFURL\u003e",
  "Medium (Category: blog)\n\u003cSFURL\u003ehttps://medium.com/@djackson\u003c/SFURL\u003e",
  "Instagram (Category: social)\n\u003cSFURL\u003ehttps://www.instagram.com/djackson\u003c/SFURL\u003e",
  "GitLab (Category: coding)\n\u003cSFURL\u003ehttps://gitlab.com/josephm\u003c/SFURL\u003e",
  "Gravatar (Category: images)\n\u003cSFURL\u003ehttps://en.gravatar.com/lwalker\u003c/SFURL\u003e"
 ],
 "s": [
  190,
  190,
  190,
  190,
  500,
  520
 ],
 "sd": [
  "David Jackson",
  "David Jackson",
  "David Jackson",
  "David Jackson",
  "josephm@globex.example",
  "Lisa Walker"
 ],
 "m": [
  25,
  25,
  25,
  25,
  25,
  25
 ],
 "t": [
  1795530924963,
  1795531018677,
  1795531257817,
  1795531500884,
  1795531702401,
  1795531858335
 ],
 "r": [
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
  100
 ],
 "v": [
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
  0
 ]
}
