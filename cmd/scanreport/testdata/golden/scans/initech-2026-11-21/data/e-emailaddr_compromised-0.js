packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "emailaddr_compromised",
 "seq": 0,
 "n": 6,
 "i": [
  240,
  686,
  1042,
  1083,
  1123,
  1369
 ],
 "id": [
  "e240",
  "e686",
  "e1042",
  "e1083",
  "e1123",
  "e1369"
 ],
 "d": [
  "sales@initech.example [Exactis]",
  "l.clark@initech.example [Dropbox]",
  "jorg.muller@initech.example [Exactis]",
  "careers@initech.example [Canva]",
  "press@initech.example [Verifications.io]",
  "p.sato@initech.example [MyFitnessPal]"
 ],
 "s": [
  112,
  400,
  822,
  260,
  1097,
  502
 ],
 "sd": [
  "sales@initech.example",
  "l.clark@initech.example",
  "jorg.muller@initech.example",
  "careers@initech.example",
  "press@initech.example",
  "p.sato@initech.example"
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
  1795277374995,
  1795277925692,
  1795278323288,
  1795278368648,
  1795278420585,
  1795278730520
 ],
 "r": [
  59,
  64,
  56,
  61,
  52,
  58
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
  1,
  1,
  1,
  1,
  1,
  1
 ]
}
