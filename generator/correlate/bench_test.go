package correlate

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

var (
	bigOnce sync.Once
	bigScan *model.Scan
	bigErr  error
)

// bigSample writes the 1,000,000-element synthetic scan and loads it, once
// per test binary.
func bigSample(b *testing.B) *model.Scan {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "correlate-bench-")
		if err != nil {
			bigErr = err
			return
		}
		defer os.RemoveAll(dir)
		t0 := time.Now()
		if bigErr = sample.Write(dir, sample.Options{ID: "big", Name: "Big", Target: "big-corp.example", Elements: 1_000_000, Seed: 1}); bigErr != nil {
			return
		}
		root, err := scan.OpenRoot(dir)
		if err != nil {
			bigErr = err
			return
		}
		defer root.Close()
		d, err := root.Open("big")
		if err != nil {
			bigErr = err
			return
		}
		defer d.Close()
		bigScan, bigErr = model.Load(d, testCat, nil, nil)
		b.Logf("sample written and loaded in %v", time.Since(t0))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigScan
}

// BenchmarkRunAll1M runs every rule (SpiderFoot's 37 and scanreport's
// own) over the 1,000,000-element synthetic scan, and each set alone.
func BenchmarkRunAll1M(b *testing.B) {
	if testing.Short() {
		b.Skip("-short: no million-element scan")
	}
	own, probs := Load(defaultRulesDir)
	if len(probs) > 0 {
		b.Fatalf("default rules: %v", probs)
	}
	sf, probs := Load(sfRulesDir)
	if len(probs) > 0 || len(sf) != 37 {
		b.Fatalf("SpiderFoot rules: %d, problems %v", len(sf), probs)
	}
	s := bigSample(b)
	s.Children() // built once by the loader's caller in practice
	for _, set := range []struct {
		name  string
		rules []*Rule
	}{{"all", append(append([]*Rule(nil), sf...), own...)}, {"spiderfoot", sf}, {"scanreport", own}} {
		if len(set.rules) == 0 {
			continue
		}
		b.Run(set.name, func(b *testing.B) {
			var res []Result
			for i := 0; i < b.N; i++ {
				res = Run(s, set.rules)
			}
			b.ReportMetric(float64(len(set.rules)), "rules")
			b.ReportMetric(float64(len(res)), "correlations")
		})
	}
}
