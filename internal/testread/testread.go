// Package testread reads a scan or a built site back in tests: a scan as the
// report generator reads it (Model), a site's files and data files
// (SiteFiles, Payload, ReadManifest and the payload types of
// docs/site-format.md). One helper in place of the copies the tests kept.
// Only tests import it.
package testread

import (
	"testing"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// Model loads scan id of the scans root dir with the built-in type
// catalogue and the risk rule risky (nil: eltypes.DefaultRiskyTypes at
// eltypes.DefaultMinRisk). Any error fails the test.
func Model(t testing.TB, root, id string, risky *eltypes.Risky) *model.Scan {
	t.Helper()
	if risky == nil {
		var err error
		if risky, err = eltypes.NewRisky(eltypes.DefaultRiskyTypes, eltypes.DefaultMinRisk); err != nil {
			t.Fatal(err)
		}
	}
	d := openDir(t, root, id)
	defer d.Close()
	s, err := model.Load(d, eltypes.MustLoad(), risky, nil)
	if err != nil {
		t.Fatalf("load scan %s: %v", id, err)
	}
	return s
}

// Risky is a risk rule for Model: types at min risk. Any error fails the test.
func Risky(t testing.TB, types []string, min int) *eltypes.Risky {
	t.Helper()
	r, err := eltypes.NewRisky(types, min)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// openDir opens scan id of the scans root; any error fails the test. The
// caller closes the directory (the root is closed already: an open Dir
// does not need it).
func openDir(t testing.TB, root, id string) *scan.Dir {
	t.Helper()
	r, err := scan.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d, err := r.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
