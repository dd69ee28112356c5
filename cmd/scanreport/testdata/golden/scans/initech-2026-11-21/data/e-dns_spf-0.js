packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "dns_spf",
 "seq": 0,
 "n": 1,
 "i": [
  4
 ],
 "id": [
  "e4"
 ],
 "d": [
  "v=spf1 include:_spf.google.com include:mailgun.org include:servers.mcsv.net ip4:172.104.37.78 ~all"
 ],
 "s": [
  2
 ],
 "sd": [
  "initech.example"
 ],
 "m": [
  3
 ],
 "t": [
  1795277101417
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
