packed data file holding:
{
 "k": "elements",
 "scan": "globex-2026-11-24",
 "type": "domain_whois",
 "seq": 0,
 "n": 1,
 "i": [
  3
 ],
 "id": [
  "e3"
 ],
 "d": [
  "Domain Name: GLOBEX.EXAMPLE\nRegistry Domain ID: 2092847273_DOMAIN_COM-VRSN\nRegistrar WHOIS Server: whois.example-registrar.net\nUpdated Date: 2026-08-24T14:30:01Z\nCreation Date: 2008-10-24T14:30:01Z\nRegistry Expiry Date: 2023-10-24T14:30:01Z\nRegistrar: CSC Corporate Domains, Inc.\nRegistrar Abuse Contact Email: abuse@example-registrar.net\nRegistrar Abuse Contact Phone: +1.5550100\nDomain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited\nDomain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\nName Server: NS-1024.AWSDNS-00.ORG\nName Server: NS-512.AWSDNS-00.NET\nName Server: NS-1536.AWSDNS-00.CO.UK\nName Server: NS-0.AWSDNS-00.COM\nDNSSEC: unsigned\nRegistrant Organization: Globex\nRegistrant Country: US\n\u003e\u003e\u003e Last update of whois database: 2026-11-24T14:30:01Z \u003c\u003c\u003c"
 ],
 "s": [
  2
 ],
 "sd": [
  "globex.example"
 ],
 "m": [
  2
 ],
 "t": [
  1795530602219
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
