package e2e

// The fixture every test shares: the sample scans and an XSS scan written
// into a temporary scans root, and the site built from them once. Expected
// numbers come from the scan model (generator/model) and, for the sample
// scans, are checked against the raw files (TestExpectationsMatchRawFiles).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/scan"
)

// tmpRoot is the temporary folder of this test binary, removed by TestMain.
var tmpRoot string

// TestMain makes the temporary folder. With SCANREPORT_E2E_KEEP=dir the
// fixture is written into dir and kept, to look at the site by hand.
func TestMain(m *testing.M) {
	keep := os.Getenv("SCANREPORT_E2E_KEEP")
	dir := keep
	if keep == "" {
		var err error
		if dir, err = os.MkdirTemp("", "scanreport-e2e-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	} else if err := os.RemoveAll(filepath.Join(keep, "fixture")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tmpRoot = dir
	code := m.Run()
	if keep == "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// fixture is the built sample site and what the tests expect of it.
type fixture struct {
	Scans string // scans root
	Site  string // built site
	Build generator.Result

	scans map[string]*model.Scan // by id
	ids   []string               // sorted
}

var (
	fxOnce sync.Once
	fx     *fixture
	fxErr  error
)

// site returns the shared fixture, writing and building it the first time.
func site(t testing.TB) *fixture {
	t.Helper()
	fxOnce.Do(func() { fx, fxErr = newFixture(filepath.Join(tmpRoot, "fixture")) })
	if fxErr != nil {
		t.Fatalf("fixture: %v", fxErr)
	}
	return fx
}

func newFixture(dir string) (*fixture, error) {
	f := &fixture{Scans: filepath.Join(dir, "scans"), Site: filepath.Join(dir, "site"), scans: map[string]*model.Scan{}}
	if err := os.MkdirAll(f.Scans, 0o755); err != nil {
		return nil, err
	}
	if err := writeScans(f.Scans); err != nil {
		return nil, fmt.Errorf("write sample scans: %w", err)
	}
	res, err := generator.Build(context.Background(), sitecheck.BuildOptions(f.Scans, f.Site))
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	f.Build = res
	entries, err := os.ReadDir(f.Scans)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		s, err := loadModel(f.Scans, e.Name())
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", e.Name(), err)
		}
		f.scans[e.Name()] = s
		f.ids = append(f.ids, e.Name())
	}
	sort.Strings(f.ids)
	if res.Scans != len(f.ids) || res.Skipped != 0 {
		return nil, fmt.Errorf("build put %d scans in the site and skipped %d; the scans root has %d", res.Scans, res.Skipped, len(f.ids))
	}
	return f, nil
}

// loadModel reads one scan as the generator does, with the default config.
func loadModel(root, id string) (*model.Scan, error) {
	return generator.LoadScan(sitecheck.BuildOptions(root, ""), id)
}

// scan returns the model of a scan in the fixture.
func (f *fixture) scan(t testing.TB, id string) *model.Scan {
	t.Helper()
	s, ok := f.scans[id]
	if !ok {
		t.Fatalf("no scan %q in the fixture (have %v)", id, f.ids)
	}
	return s
}

// find returns the id of the first scan (in id order, the XSS scan left
// out) for which ok holds; it fails the test when there is none.
func (f *fixture) find(t testing.TB, what string, ok func(m *scan.Meta) bool) string {
	t.Helper()
	for _, id := range f.ids {
		if id != xssID && ok(&f.scans[id].Meta) {
			return id
		}
	}
	t.Fatalf("the sample scans have no %s scan (have %v)", what, f.ids)
	return ""
}

func (f *fixture) finished(t testing.TB) string {
	return f.find(t, "finished automated", func(m *scan.Meta) bool {
		return m.Status == scan.StatusFinished && m.Kind == scan.KindAutomated
	})
}

func (f *fixture) withStatus(t testing.TB, status string) string {
	return f.find(t, status, func(m *scan.Meta) bool { return m.Status == status })
}

// url is the file:// URL of a page of the fixture's site.
func (f *fixture) url(rel string) string { return fileURL(f.Site, rel) }

// types are a scan's element types without ROOT, largest first.
func types(s *model.Scan) []*model.TypeStat {
	var out []*model.TypeStat
	for _, t := range s.Types {
		if t.Code != scan.RootID {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total() > out[j].Total() })
	return out
}

// totals adds up what the overview shows.
type totals struct{ Elements, Unique, Types, Risky, FP int }

func totalsOf(s *model.Scan) totals {
	ts := types(s)
	o := totals{Elements: s.Count(), Types: len(ts)}
	for _, t := range ts {
		o.Unique += t.Unique
		o.Risky += t.Risky
		o.FP += t.FP
	}
	return o
}

// TestExpectationsMatchRawFiles checks the oracle: for the sample scans
// (clean data), the model's counts equal what elements.jsonl and log.jsonl
// say when read with encoding/json, independently of scanreport's reader
// (values masked as the report masks them: a session cookie's value is
// masked, so cookies that differ only there count once).
func TestExpectationsMatchRawFiles(t *testing.T) {
	f := site(t)
	for _, id := range f.ids {
		if id == xssID {
			continue
		}
		t.Run(id, func(t *testing.T) {
			s := f.scan(t, id)
			total, byType, values := 0, map[string]int{}, map[string]map[string]bool{}
			eachLine(t, filepath.Join(f.Scans, id, scan.ElementsFile), func(line []byte) {
				var e struct{ ID, Type, Data string }
				if err := json.Unmarshal(line, &e); err != nil {
					t.Fatalf("elements.jsonl: %v", err)
				}
				if e.Type == scan.RootID {
					return
				}
				total++
				byType[e.Type]++
				if values[e.Type] == nil {
					values[e.Type] = map[string]bool{}
				}
				values[e.Type][s.Mask.String(e.Data)] = true // as the report shows it (docs/secrets.md)
			})
			if s.Count() != total {
				t.Errorf("model: %d elements; elements.jsonl: %d", s.Count(), total)
			}
			ts := types(s)
			if len(ts) != len(byType) {
				t.Errorf("model: %d types; elements.jsonl: %d", len(ts), len(byType))
			}
			for _, ty := range ts {
				if ty.Total() != byType[ty.Code] || ty.Unique != len(values[ty.Code]) {
					t.Errorf("%s: model %d/%d unique; elements.jsonl %d/%d", ty.Code, ty.Total(), ty.Unique, byType[ty.Code], len(values[ty.Code]))
				}
			}
			lines := 0
			eachLine(t, filepath.Join(f.Scans, id, scan.LogFile), func([]byte) { lines++ })
			if len(s.Log) != lines {
				t.Errorf("model: %d log lines; log.jsonl: %d", len(s.Log), lines)
			}
			if s.Problems.Total != 0 {
				t.Errorf("the sample scan has %d problems", s.Problems.Total)
			}
		})
	}
}

// eachLine calls fn with every non-empty line of a file.
func eachLine(t testing.TB, file string, fn func([]byte)) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			fn(line)
		}
	}
}
