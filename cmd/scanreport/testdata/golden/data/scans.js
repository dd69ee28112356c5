(window.__sr=window.__sr||[]).push(
{
 "k": "scans",
 "scans": [
  {
   "id": "globex-2026-11-24",
   "name": "Globex perimeter (running)",
   "target": "globex.example",
   "status": "RUNNING",
   "count": 800,
   "data": "scans/globex-2026-11-24/data/"
  },
  {
   "id": "j-smith-mailbox-2026-11-22",
   "name": "J. Smith mailbox exposure (manual)",
   "target": "j.smith@acme-corp.example",
   "status": "FINISHED",
   "count": 60,
   "data": "scans/j-smith-mailbox-2026-11-22/data/"
  },
  {
   "id": "initech-2026-11-21",
   "name": "Initech pre-acquisition sweep",
   "target": "initech.example",
   "status": "ABORTED",
   "count": 1500,
   "data": "scans/initech-2026-11-21/data/"
  },
  {
   "id": "acme-corp-2026-11-18",
   "name": "ACME Corp external footprint",
   "target": "acme-corp.example",
   "status": "FINISHED",
   "count": 3000,
   "data": "scans/acme-corp-2026-11-18/data/"
  }
 ]
}
);
