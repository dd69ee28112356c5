packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "dns_spf",
 "seq": 0,
 "n": 1,
 "i": [
  48
 ],
 "id": [
  "e48"
 ],
 "d": [
  "v=spf1 include:_spf.google.com include:mailgun.org include:servers.mcsv.net ip4:104.16.139.65 ~all"
 ],
 "s": [
  2
 ],
 "sd": [
  "globex.example"
 ],
 "m": [
  6
 ],
 "t": [
  1795530676714
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
