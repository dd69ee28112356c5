packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "dns_spf",
 "seq": 0,
 "n": 1,
 "i": [
  115
 ],
 "id": [
  "e115"
 ],
 "d": [
  "v=spf1 include:_spf.google.com include:mailgun.org include:servers.mcsv.net ip4:104.16.105.234 ~all"
 ],
 "s": [
  2
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  2
 ],
 "t": [
  1794992494972
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
