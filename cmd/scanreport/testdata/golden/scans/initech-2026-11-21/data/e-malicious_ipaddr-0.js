packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "malicious_ipaddr",
 "seq": 0,
 "n": 8,
 "i": [
  70,
  106,
  311,
  903,
  965,
  1004,
  1330,
  1355
 ],
 "id": [
  "e70",
  "e106",
  "e311",
  "e903",
  "e965",
  "e1004",
  "e1330",
  "e1355"
 ],
 "d": [
  "AlienVault OTX [88.198.97.2]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/88.198.97.2\u003c/SFURL\u003e",
  "AlienVault OTX [172.104.37.78]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/172.104.37.78\u003c/SFURL\u003e",
  "AlienVault OTX [34.96.67.232]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/34.96.67.232\u003c/SFURL\u003e",
  "AlienVault OTX [159.89.25.171]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/159.89.25.171\u003c/SFURL\u003e",
  "AlienVault OTX [52.84.28.128]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/52.84.28.128\u003c/SFURL\u003e",
  "AlienVault OTX [104.16.166.171]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/104.16.166.171\u003c/SFURL\u003e",
  "AlienVault OTX [52.84.28.128]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/52.84.28.128\u003c/SFURL\u003e",
  "AlienVault OTX [159.89.25.171]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/ip/159.89.25.171\u003c/SFURL\u003e"
 ],
 "s": [
  52,
  11,
  264,
  391,
  459,
  578,
  1299,
  940
 ],
 "sd": [
  "88.198.97.2",
  "172.104.37.78",
  "34.96.67.232",
  "159.89.25.171",
  "52.84.28.128",
  "104.16.166.171",
  "52.84.28.128",
  "159.89.25.171"
 ],
 "m": [
  16,
  16,
  16,
  16,
  16,
  16,
  16,
  16
 ],
 "t": [
  1795277164573,
  1795277210483,
  1795277453543,
  1795278193959,
  1795278251562,
  1795278285114,
  1795278695941,
  1795278720786
 ],
 "r": [
  90,
  65,
  80,
  68,
  73,
  74,
  63,
  84
 ],
 "c": [
  100,
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
  100,
  100
 ],
 "f": [
  1,
  1,
  1,
  1,
  1,
  1,
  1,
  1
 ]
}
