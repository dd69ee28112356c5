packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "ssl_certificate_expiring",
 "seq": 0,
 "n": 1,
 "i": [
  559
 ],
 "id": [
  "e559"
 ],
 "d": [
  "Not After: Nov 27 16:16:11 2026 GMT (CN=initech.example)"
 ],
 "s": [
  207
 ],
 "sd": [
  "CN=initech.example"
 ],
 "m": [
  24
 ],
 "t": [
  1795277771954
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
