package sitecheck

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/sample"
)

// fixture is the fixture scans (sample.WriteFixture) and the site built
// from them with BuildOptions, written once per test binary.
type fixture struct {
	scans, site string
	ids         []string
}

var (
	fxOnce sync.Once
	fx     fixture
	fxErr  error
	fxDir  string // removed by TestMain
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scanreport-sitecheck-")
	if err != nil {
		panic(err)
	}
	fxDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func site(t *testing.T) fixture {
	t.Helper()
	fxOnce.Do(func() {
		fx = fixture{scans: filepath.Join(fxDir, "scans"), site: filepath.Join(fxDir, "site")}
		if fxErr = os.MkdirAll(fx.scans, 0o755); fxErr != nil {
			return
		}
		if fxErr = sample.WriteFixture(fx.scans); fxErr != nil {
			return
		}
		var res generator.Result
		if res, fxErr = generator.Build(context.Background(), BuildOptions(fx.scans, fx.site)); fxErr != nil {
			return
		}
		entries, err := os.ReadDir(fx.scans)
		if fxErr = err; err != nil {
			return
		}
		for _, e := range entries {
			if e.IsDir() {
				fx.ids = append(fx.ids, e.Name())
			}
		}
		if res.Scans != len(fx.ids) || res.Skipped != 0 {
			t.Errorf("build put %d scans in the site and skipped %d; the scans root has %d", res.Scans, res.Skipped, len(fx.ids))
		}
	})
	if fxErr != nil {
		t.Fatalf("fixture: %v", fxErr)
	}
	return fx
}

func TestLinks(t *testing.T) { Links(t, site(t).site) }

func TestPageHooks(t *testing.T) { PageHooks(t, site(t).site) }

func TestBuiltFilesAreScriptSafe(t *testing.T) { ScriptSafe(t, site(t).site) }

func TestTextFilesAreValidUTF8(t *testing.T) { ValidUTF8(t, site(t).site) }

func TestDataFileShapes(t *testing.T) { DataShapes(t, site(t).site) }

// TestDataFiles checks every scan's data files against its model, read as
// the generator reads it.
func TestDataFiles(t *testing.T) {
	f := site(t)
	if len(f.ids) < 6 {
		t.Fatalf("the fixture has %d scans: %v", len(f.ids), f.ids)
	}
	for _, id := range f.ids {
		t.Run(id, func(t *testing.T) {
			s, err := generator.LoadScan(BuildOptions(f.scans, ""), id)
			if err != nil {
				t.Fatal(err)
			}
			DataFiles(t, f.site, id, s)
		})
	}
}

// TestDeterministicBuild builds the same scans again into another folder
// and compares every file's bytes with the fixture's site.
func TestDeterministicBuild(t *testing.T) {
	f := site(t)
	again := filepath.Join(t.TempDir(), "again")
	if _, err := generator.Build(context.Background(), BuildOptions(f.scans, again)); err != nil {
		t.Fatal(err)
	}
	SameFiles(t, f.site, again)
}
