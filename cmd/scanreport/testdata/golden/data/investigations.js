(window.__sr=window.__sr||[]).push(
{
 "k": "investigations",
 "scan": "",
 "list": [
  {
   "name": "acme-external-2026q4",
   "title": "ACME external attack surface, Q4 2026",
   "url": "investigations/acme-external-2026q4.html",
   "scans": 2
  },
  {
   "name": "vendor-review-2026",
   "title": "Vendor review 2026",
   "url": "investigations/vendor-review-2026.html",
   "scans": 1
  }
 ]
}
);
