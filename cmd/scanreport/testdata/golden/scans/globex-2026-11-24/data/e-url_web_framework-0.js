packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "url_web_framework",
 "seq": 0,
 "n": 7,
 "i": [
  57,
  109,
  124,
  326,
  411,
  647,
  709
 ],
 "id": [
  "e57",
  "e109",
  "e124",
  "e326",
  "e411",
  "e647",
  "e709"
 ],
 "d": [
  "https://globex.example/legal",
  "https://globex.example/cart",
  "https://globex.example/contact",
  "https://globex.example/search?q=silver+harbor",
  "https://globex.example/blog/2023/10/post-3588",
  "https://vpn.globex.example/support",
  "https://globex.example/account"
 ],
 "s": [
  5,
  6,
  10,
  11,
  15,
  24,
  26
 ],
 "sd": [
  "https://globex.example/legal",
  "https://globex.example/cart",
  "https://globex.example/contact",
  "https://globex.example/search?q=silver+harbor",
  "https://globex.example/blog/2023/10/post-3588",
  "https://vpn.globex.example/support",
  "https://globex.example/account"
 ],
 "m": [
  13,
  13,
  13,
  13,
  13,
  13,
  13
 ],
 "t": [
  1795530692516,
  1795530777864,
  1795530813809,
  1795531162838,
  1795531296109,
  1795531697491,
  1795531802335
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
