packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "malicious_ipaddr",
 "seq": 0,
 "n": 3,
 "i": [
  111,
  479,
  684
 ],
 "id": [
  "e111",
  "e479",
  "e684"
 ],
 "d": [
  "AlienVault OTX [104.16.139.65]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/104.16.139.65\u003c/SFURL\u003e",
  "AlienVault OTX [159.89.11.36]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/159.89.11.36\u003c/SFURL\u003e",
  "AlienVault OTX [52.85.254.73]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/52.85.254.73\u003c/SFURL\u003e"
 ],
 "s": [
  30,
  239,
  336
 ],
 "sd": [
  "104.16.139.65",
  "159.89.11.36",
  "52.85.254.73"
 ],
 "m": [
  20,
  20,
  20
 ],
 "t": [
  1795530778396,
  1795531387418,
  1795531756603
 ],
 "r": [
  75,
  65,
  90
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
