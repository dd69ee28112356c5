packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "http_code",
 "seq": 0,
 "n": 3,
 "i": [
  26,
  31,
  54
 ],
 "id": [
  "e26",
  "e31",
  "e54"
 ],
 "d": [
  "200",
  "200",
  "200"
 ],
 "s": [
  21,
  24,
  25
 ],
 "sd": [
  "https://acme-corp.example/account",
  "https://acme-corp.example/support",
  "https://acme-corp.example/legal"
 ],
 "m": [
  12,
  12,
  12
 ],
 "t": [
  1795346263368,
  1795346273927,
  1795346468057
 ],
 "r": [
  0,
  0,
  0
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
  0,
  0,
  0
 ]
}
