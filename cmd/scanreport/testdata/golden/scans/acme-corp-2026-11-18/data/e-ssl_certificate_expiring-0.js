packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "ssl_certificate_expiring",
 "seq": 0,
 "n": 4,
 "i": [
  463,
  749,
  1471,
  2458
 ],
 "id": [
  "e463",
  "e749",
  "e1471",
  "e2458"
 ],
 "d": [
  "Not After: Nov 27 09:06:40 2026 GMT (CN=acme-corp.example)",
  "Not After: Nov 22 09:10:26 2026 GMT (CN=acme-corp.example)",
  "Not After: Dec  7 09:20:58 2026 GMT (CN=intranet2.acme-corp.example)",
  "Not After: Dec 12 09:34:21 2026 GMT (CN=git.acme-corp.example)"
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
  1794992801367,
  1794993027829,
  1794993660466,
  1794994462066
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
