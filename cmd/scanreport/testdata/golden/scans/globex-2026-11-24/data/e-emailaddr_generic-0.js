packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "emailaddr_generic",
 "seq": 0,
 "n": 1,
 "i": [
  526
 ],
 "id": [
  "e526"
 ],
 "d": [
  "support@globex.example"
 ],
 "s": [
  362
 ],
 "sd": [
  "https://app.globex.example/assets/js/app.092ae667.js"
 ],
 "m": [
  17
 ],
 "t": [
  1795531476415
 ],
 "r": [
  0
 ],
 "c": [
  100
 ],
 "v": [
  100
 ],
 "f": [
  0
 ]
}
