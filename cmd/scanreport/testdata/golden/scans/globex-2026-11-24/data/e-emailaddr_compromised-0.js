packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "emailaddr_compromised",
 "seq": 0,
 "n": 6,
 "i": [
  137,
  324,
  400,
  408,
  590,
  657
 ],
 "id": [
  "e137",
  "e324",
  "e400",
  "e408",
  "e590",
  "e657"
 ],
 "d": [
  "j.young@globex.example [Apollo]",
  "j.young@globex.example [Verifications.io]",
  "j.young@globex.example [Deezer]",
  "larsg@globex.example [MyFitnessPal]",
  "david.jackson@globex.example [LinkedIn]",
  "fatima.larsen@globex.example [Trello]"
 ],
 "s": [
  88,
  88,
  88,
  328,
  100,
  201
 ],
 "sd": [
  "j.young@globex.example",
  "j.young@globex.example",
  "j.young@globex.example",
  "larsg@globex.example",
  "david.jackson@globex.example",
  "fatima.larsen@globex.example"
 ],
 "m": [
  22,
  22,
  22,
  22,
  22,
  22
 ],
 "t": [
  1795530835226,
  1795531160385,
  1795531285182,
  1795531295603,
  1795531612699,
  1795531713448
 ],
 "r": [
  66,
  53,
  53,
  60,
  60,
  70
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
