packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "blacklisted_ipaddr",
 "seq": 0,
 "n": 4,
 "i": [
  451,
  1300,
  1374,
  1390
 ],
 "id": [
  "e451",
  "e1300",
  "e1374",
  "e1390"
 ],
 "d": [
  "Spamhaus (Zen) - Spammer [34.96.19.67]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=34.96.19.67\u003c/SFURL\u003e",
  "Spamhaus (Zen) - Spammer [52.85.219.96]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=52.85.219.96\u003c/SFURL\u003e",
  "Spamhaus (Zen) - Spammer [104.16.166.171]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=104.16.166.171\u003c/SFURL\u003e",
  "Spamhaus (Zen) - Spammer [159.89.25.171]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=159.89.25.171\u003c/SFURL\u003e"
 ],
 "s": [
  367,
  444,
  600,
  1316
 ],
 "sd": [
  "34.96.19.67",
  "52.85.219.96",
  "104.16.166.171",
  "159.89.25.171"
 ],
 "m": [
  27,
  27,
  27,
  27
 ],
 "t": [
  1795277637156,
  1795278660580,
  1795278735805,
  1795278757219
 ],
 "r": [
  52,
  70,
  52,
  63
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
  1,
  1,
  1,
  1
 ]
}
