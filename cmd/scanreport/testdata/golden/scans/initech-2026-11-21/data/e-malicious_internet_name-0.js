packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "malicious_internet_name",
 "seq": 0,
 "n": 5,
 "i": [
  346,
  473,
  1094,
  1239,
  1435
 ],
 "id": [
  "e346",
  "e473",
  "e1094",
  "e1239",
  "e1435"
 ],
 "d": [
  "AlienVault OTX [citrix.initech.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/citrix.initech.example\u003c/SFURL\u003e",
  "AlienVault OTX [legacy.initech.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/legacy.initech.example\u003c/SFURL\u003e",
  "AlienVault OTX [legacy.initech.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/legacy.initech.example\u003c/SFURL\u003e",
  "AlienVault OTX [owa.initech.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/owa.initech.example\u003c/SFURL\u003e",
  "AlienVault OTX [staging.initech.example]\n\u003cSFURL\u003ehttps://otx.alienvault.com/indicator/hostname/staging.initech.example\u003c/SFURL\u003e"
 ],
 "s": [
  292,
  149,
  1022,
  434,
  1037
 ],
 "sd": [
  "citrix.initech.example",
  "legacy.initech.example",
  "legacy.initech.example",
  "owa.initech.example",
  "staging.initech.example"
 ],
 "m": [
  16,
  16,
  16,
  16,
  16
 ],
 "t": [
  1795277507558,
  1795277655646,
  1795278381406,
  1795278585343,
  1795278823379
 ],
 "r": [
  75,
  80,
  83,
  76,
  76
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
