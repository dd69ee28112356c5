packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "ssl_certificate_expired",
 "seq": 0,
 "n": 4,
 "i": [
  190,
  620,
  1073,
  1256
 ],
 "id": [
  "e190",
  "e620",
  "e1073",
  "e1256"
 ],
 "d": [
  "Not After: Mar  2 09:02:37 2025 GMT (CN=acme-corp.example)",
  "Not After: Jun 26 09:08:46 2025 GMT (CN=acme-corp.example)",
  "Not After: Jul  6 09:15:24 2025 GMT (CN=intranet2.acme-corp.example)",
  "Not After: Jun 29 09:17:58 2026 GMT (CN=git.acme-corp.example)"
 ],
 "s": [
  111,
  186,
  231,
  235
 ],
 "sd": [
  "CN=acme-corp.example",
  "CN=*.acme-corp.example",
  "CN=intranet2.acme-corp.example",
  "CN=git.acme-corp.example"
 ],
 "m": [
  22,
  22,
  22,
  22
 ],
 "t": [
  1794992558213,
  1794992929471,
  1794993324363,
  1794993482302
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
