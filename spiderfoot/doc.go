// Package spiderfoot imports SpiderFoot data into scan directories: its
// SQLite database (db.go), its CSV exports (csv.go), its JSON export
// (jsonexport.go) and the live output of `sf.py -o json|csv|tab`
// (stream.go). docs/import.md describes what maps to what and how each of
// SpiderFoot's traps is handled.
//
// Every import but the stream writes each scan into a temporary directory
// inside the scans root and renames it into place, so a failed import leaves
// nothing half-done; a directory it created carries a marker file
// (.imported-from) so that a re-import may replace it, and a directory
// without one is never overwritten unless Options.Force is set. Scan ids are
// derived from SpiderFoot's scan id or from the scan name, so the same input
// always gives the same directories. The stream import appends to its scan
// directory as events arrive, so that `scanreport serve` shows the scan live.
package spiderfoot
