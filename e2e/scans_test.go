package e2e

import "github.com/scanreport/scanreport/internal/sample"

// writeScans writes the four sample scans and the XSS scan into root.
func writeScans(root string) error {
	if err := sample.WriteSamples(root); err != nil {
		return err
	}
	if err := sample.WriteXSS(root, xssID); err != nil {
		return err
	}
	return writeInvestigationFixture(root)
}
