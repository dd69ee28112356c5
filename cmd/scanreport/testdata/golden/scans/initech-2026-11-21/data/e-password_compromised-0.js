packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "password_compromised",
 "seq": 0,
 "n": 5,
 "i": [
  924,
  1034,
  1322,
  1339,
  1362
 ],
 "id": [
  "e924",
  "e1034",
  "e1322",
  "e1339",
  "e1362"
 ],
 "d": [
  "michaelw@initech.example:acme2020 [Trello]",
  "s.obrien@initech.example:Welcome1 [Deezer]",
  "press@initech.example:Summer2019! [Apollo]",
  "l.clark@initech.example:P@ssw0rd [Dubsmash]",
  "michaelw@initech.example:Welcome1 [Canva]"
 ],
 "s": [
  328,
  982,
  1097,
  16,
  328
 ],
 "sd": [
  "michaelw@initech.example",
  "s.obrien@initech.example",
  "press@initech.example",
  "l.clark@initech.example",
  "michaelw@initech.example"
 ],
 "m": [
  28,
  28,
  28,
  28,
  28
 ],
 "t": [
  1795278216563,
  1795278311805,
  1795278687218,
  1795278704138,
  1795278725293
 ],
 "r": [
  95,
  88,
  95,
  92,
  92
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
