packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "malicious_internet_name",
 "seq": 0,
 "n": 5,
 "i": [
  63,
  84,
  618,
  633,
  698
 ],
 "id": [
  "e63",
  "e84",
  "e618",
  "e633",
  "e698"
 ],
 "d": [
  "Malware Domain List [vpn.globex.example]\n\u003cSFURL\u003ehttps://www.malwaredomainlist.com/mdl.php?search=vpn.globex.example\u003c/SFURL\u003e",
  "Malware Domain List [mx1.globex.example]\n\u003cSFURL\u003ehttps://www.malwaredomainlist.com/mdl.php?search=mx1.globex.example\u003c/SFURL\u003e",
  "Malware Domain List [owa.globex.example]\n\u003cSFURL\u003ehttps://www.malwaredomainlist.com/mdl.php?search=owa.globex.example\u003c/SFURL\u003e",
  "AlienVault OTX [demo.globex.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/demo.globex.example\u003c/SFURL\u003e",
  "AlienVault OTX [ftp.globex.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/ftp.globex.example\u003c/SFURL\u003e"
 ],
 "s": [
  9,
  68,
  381,
  188,
  427
 ],
 "sd": [
  "vpn.globex.example",
  "mx1.globex.example",
  "owa.globex.example",
  "demo.globex.example",
  "ftp.globex.example"
 ],
 "m": [
  14,
  14,
  14,
  20,
  20
 ],
 "t": [
  1795530705986,
  1795530748741,
  1795531654122,
  1795531676361,
  1795531780831
 ],
 "r": [
  62,
  66,
  89,
  84,
  73
 ],
 "c": [
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
  100
 ],
 "f": [
  1,
  1,
  1,
  1,
  1
 ]
}
