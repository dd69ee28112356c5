package e2e

import "github.com/scanreport/scanreport/internal/sample"

// xssID is the scan id of the XSS-payload scan.
const xssID = sample.FixtureXSS

// writeScans writes the fixture's scans (the sample scans, the XSS scan, a
// second acme run) and its investigations (sample.WriteFixture).
func writeScans(root string) error { return sample.WriteFixture(root) }
