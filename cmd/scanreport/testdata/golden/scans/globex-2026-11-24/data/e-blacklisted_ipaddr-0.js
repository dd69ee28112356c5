packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "blacklisted_ipaddr",
 "seq": 0,
 "n": 3,
 "i": [
  533,
  675,
  713
 ],
 "id": [
  "e533",
  "e675",
  "e713"
 ],
 "d": [
  "Spamhaus (Zen) - Spammer [104.16.15.139]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=104.16.15.139\u003c/SFURL\u003e",
  "Spamhaus (Zen) - Spammer [104.16.15.139]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=104.16.15.139\u003c/SFURL\u003e",
  "Spamhaus (Zen) - Spammer [88.198.109.59]\n\u003cSFURL\u003ehttps://check.spamhaus.org/results/?query=88.198.109.59\u003c/SFURL\u003e"
 ],
 "s": [
  458,
  65,
  396
 ],
 "sd": [
  "104.16.15.139",
  "104.16.15.139",
  "88.198.109.59"
 ],
 "m": [
  27,
  27,
  27
 ],
 "t": [
  1795531496037,
  1795531740664,
  1795531807889
 ],
 "r": [
  58,
  59,
  65
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
