packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "password_compromised",
 "seq": 0,
 "n": 2,
 "i": [
  270,
  2834
 ],
 "id": [
  "e270",
  "e2834"
 ],
 "d": [
  "lisa.walker@acme-corp.example:acme2020 [Dubsmash]",
  "p.thompson@acme-corp.example:letmein! [Zynga]"
 ],
 "s": [
  62,
  542
 ],
 "sd": [
  "lisa.walker@acme-corp.example",
  "p.thompson@acme-corp.example"
 ],
 "m": [
  27,
  27
 ],
 "t": [
  1794992623880,
  1794994763005
 ],
 "r": [
  91,
  88
 ],
 "c": [
  100,
  100
 ],
 "v": [
  100,
  100
 ],
 "f": [
  1,
  1
 ]
}
