packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "ssl_certificate_issuer",
 "seq": 0,
 "n": 8,
 "i": [
  17,
  44,
  416,
  423,
  582,
  721,
  771,
  780
 ],
 "id": [
  "e17",
  "e44",
  "e416",
  "e423",
  "e582",
  "e721",
  "e771",
  "e780"
 ],
 "d": [
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
  "C=US, O=Let's Encrypt, CN=E5",
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020",
  "C=BE, O=GlobalSign nv-sa, CN=GlobalSign GCC R3 DV TLS CA 2020"
 ],
 "s": [
  4,
  33,
  318,
  346,
  357,
  494,
  591,
  611
 ],
 "sd": [
  "CN=globex.example",
  "CN=vpn.globex.example",
  "CN=git.globex.example",
  "CN=mx1.globex.example",
  "CN=staging.globex.example",
  "CN=*.globex.example",
  "CN=*.globex.example",
  "CN=staging.globex.example"
 ],
 "m": [
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
  1795530628862,
  1795530668657,
  1795531302683,
  1795531313893,
  1795531598361,
  1795531815562,
  1795531916954,
  1795531929823
 ],
 "r": [
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
  0
 ]
}
