packed data file holding:
{
 "k": "elements",
 "scan": "j-smith-mailbox-2026-11-22",
 "type": "domain_whois",
 "seq": 0,
 "n": 1,
 "i": [
  7
 ],
 "id": [
  "e7"
 ],
 "d": [
  "Domain Name: ACME-CORP.EXAMPLE\nRegistry Domain ID: 2053471344_DOMAIN_COM-VRSN\nRegistrar WHOIS Server: whois.example-registrar.net\nUpdated Date: 2026-08-22T11:15:34Z\nCreation Date: 2010-11-22T11:15:34Z\nRegistry Expiry Date: 2025-11-22T11:15:34Z\nRegistrar: Gandi SAS\nRegistrar Abuse Contact Email: abuse@example-registrar.net\nRegistrar Abuse Contact Phone: +1.5550100\nDomain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited\nDomain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\nName Server: NS-1024.AWSDNS-00.ORG\nName Server: NS-512.AWSDNS-00.NET\nName Server: NS-1536.AWSDNS-00.CO.UK\nName Server: NS-0.AWSDNS-00.COM\nDNSSEC: unsigned\nRegistrant Organization: Acme Corp\nRegistrant Country: US\n\u003e\u003e\u003e Last update of whois database: 2026-11-22T11:15:34Z \u003c\u003c\u003c"
 ],
 "s": [
  3
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  6
 ],
 "t": [
  1795346134597
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
