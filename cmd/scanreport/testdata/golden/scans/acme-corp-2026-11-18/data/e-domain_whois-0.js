packed data file holding:
{
 "k": "elements",
 "scan": "acme-corp-2026-11-18",
 "type": "domain_whois",
 "seq": 0,
 "n": 1,
 "i": [
  63
 ],
 "id": [
  "e63"
 ],
 "d": [
  "Domain Name: ACME-CORP.EXAMPLE\nRegistry Domain ID: 2007647603_DOMAIN_COM-VRSN\nRegistrar WHOIS Server: whois.example-registrar.net\nUpdated Date: 2026-08-18T09:00:58Z\nCreation Date: 2008-10-18T09:00:58Z\nRegistry Expiry Date: 2023-10-18T09:00:58Z\nRegistrar: NameCheap, Inc.\nRegistrar Abuse Contact Email: abuse@example-registrar.net\nRegistrar Abuse Contact Phone: +1.5550100\nDomain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited\nDomain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\nName Server: NS-1024.AWSDNS-00.ORG\nName Server: NS-512.AWSDNS-00.NET\nName Server: NS-1536.AWSDNS-00.CO.UK\nName Server: NS-0.AWSDNS-00.COM\nDNSSEC: unsigned\nRegistrant Organization: Acme Corp\nRegistrant Country: US\n\u003e\u003e\u003e Last update of whois database: 2026-11-18T09:00:58Z \u003c\u003c\u003c"
 ],
 "s": [
  2
 ],
 "sd": [
  "acme-corp.example"
 ],
 "m": [
  10
 ],
 "t": [
  1794992458519
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
