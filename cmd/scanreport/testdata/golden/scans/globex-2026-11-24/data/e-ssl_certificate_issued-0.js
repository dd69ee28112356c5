packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "ssl_certificate_issued",
 "seq": 0,
 "n": 9,
 "i": [
  4,
  33,
  318,
  346,
  357,
  494,
  591,
  611,
  716
 ],
 "id": [
  "e4",
  "e33",
  "e318",
  "e346",
  "e357",
  "e494",
  "e591",
  "e611",
  "e716"
 ],
 "d": [
  "CN=globex.example",
  "CN=vpn.globex.example",
  "CN=git.globex.example",
  "CN=mx1.globex.example",
  "CN=staging.globex.example",
  "CN=*.globex.example",
  "CN=*.globex.example",
  "CN=staging.globex.example",
  "CN=*.globex.example"
 ],
 "s": [
  1,
  9,
  32,
  68,
  70,
  158,
  177,
  186,
  188
 ],
 "sd": [
  "globex.example",
  "vpn.globex.example",
  "git.globex.example",
  "mx1.globex.example",
  "staging.globex.example",
  "support.globex.example",
  "crm.globex.example",
  "staging.globex.example",
  "demo.globex.example"
 ],
 "m": [
  3,
  3,
  3,
  3,
  3,
  3,
  3,
  3,
  3
 ],
 "t": [
  1795530604429,
  1795530652082,
  1795531140732,
  1795531194442,
  1795531207361,
  1795531417708,
  1795531615789,
  1795531642042,
  1795531809379
 ],
 "r": [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ],
 "c": [
  100,
  100,
  100,
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
  100,
  100,
  100,
  100
 ],
 "f": [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0
 ]
}
