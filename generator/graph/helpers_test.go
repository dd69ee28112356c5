package graph

import (
	"testing"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/testread"
)

// loadTestScan reads scan id of the scans root dir as the generator does.
func loadTestScan(t testing.TB, dir, id string) *model.Scan {
	t.Helper()
	return testread.Model(t, dir, id, testread.Risky(t, nil, 100))
}
