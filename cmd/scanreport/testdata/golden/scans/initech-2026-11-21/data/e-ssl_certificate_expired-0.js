packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "ssl_certificate_expired",
 "seq": 0,
 "n": 1,
 "i": [
  455
 ],
 "id": [
  "e455"
 ],
 "d": [
  "Not After: Aug 27 16:13:57 2026 GMT (CN=initech.example)"
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
  1795277639326
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
