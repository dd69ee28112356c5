packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "dns_spf",
 "seq": 0,
 "n": 1,
 "i": [
  33
 ],
 "id": [
  "e33"
 ],
 "d": [
  "v=spf1 include:_spf.google.com include:mailgun.org include:servers.mcsv.net ip4:20.36.104.180 ~all"
 ],
 "s": [
  3
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  4
 ],
 "t": [
  1795346297334
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
