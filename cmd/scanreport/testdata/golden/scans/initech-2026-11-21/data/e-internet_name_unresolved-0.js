packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "internet_name_unresolved",
 "seq": 0,
 "n": 4,
 "i": [
  143,
  613,
  786,
  1250
 ],
 "id": [
  "e143",
  "e613",
  "e786",
  "e1250"
 ],
 "d": [
  "remote.initech.example",
  "demo.initech.example",
  "media.initech.example",
  "billing.initech.example"
 ],
 "s": [
  2,
  2,
  2,
  2
 ],
 "sd": [
  "initech.example",
  "initech.example",
  "initech.example",
  "initech.example"
 ],
 "m": [
  6,
  6,
  6,
  6
 ],
 "t": [
  1795277268465,
  1795277843150,
  1795278061608,
  1795278594564
 ],
 "r": [
  0,
  0,
  0,
  0
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
  0,
  0,
  0,
  0
 ]
}
