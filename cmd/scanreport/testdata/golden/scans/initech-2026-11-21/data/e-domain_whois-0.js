packed data file holding:
{
 "k": "elements",
 "scan": "initech-2026-11-21",
 "type": "domain_whois",
 "seq": 0,
 "n": 1,
 "i": [
  36
 ],
 "id": [
  "e36"
 ],
 "d": [
  "Domain Name: INITECH.EXAMPLE\nRegistry Domain ID: 2092989778_DOMAIN_COM-VRSN\nRegistrar WHOIS Server: whois.example-registrar.net\nUpdated Date: 2026-08-21T16:05:36Z\nCreation Date: 2009-01-21T16:05:36Z\nRegistry Expiry Date: 2024-01-21T16:05:36Z\nRegistrar: NameCheap, Inc.\nRegistrar Abuse Contact Email: abuse@example-registrar.net\nRegistrar Abuse Contact Phone: +1.5550100\nDomain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited\nDomain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\nName Server: NS-1024.AWSDNS-00.ORG\nName Server: NS-512.AWSDNS-00.NET\nName Server: NS-1536.AWSDNS-00.CO.UK\nName Server: NS-0.AWSDNS-00.COM\nDNSSEC: unsigned\nRegistrant Organization: Initech\nRegistrant Country: US\n\u003e\u003e\u003e Last update of whois database: 2026-11-21T16:05:36Z \u003c\u003c\u003c"
 ],
 "s": [
  2
 ],
 "sd": [
  "initech.example"
 ],
 "m": [
  7
 ],
 "t": [
  1795277138264
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
