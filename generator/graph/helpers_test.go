package graph

import (
	"testing"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// loadTestScan reads scan id of the scans root dir as the generator does.
func loadTestScan(t testing.TB, dir, id string) *model.Scan {
	t.Helper()
	root, err := scan.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	d, err := root.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	risky, err := eltypes.NewRisky(nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.Load(d, eltypes.MustLoad(), risky, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
