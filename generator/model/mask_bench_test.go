package model_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

// BenchmarkLoadMasking reads a 200,000-element sample scan (its settings
// hold API keys, a SOCKS password, tokens) with and without masking: the
// difference, per element, is what masking costs a build
// (docs/benchmarks.md, "Secret masking").
func BenchmarkLoadMasking(b *testing.B) {
	const n = 200_000
	root := b.TempDir()
	if err := sample.Write(root, sample.Options{ID: "big", Target: "acme-corp.example", Elements: n, Seed: 7,
		Status: scan.StatusFinished, Start: time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)}); err != nil {
		b.Fatal(err)
	}
	c := config.Default()
	for _, bc := range []struct {
		name  string
		rules *redact.Rules
	}{{"off", nil}, {"on", redact.New(c.Secrets.IsSecret)}} {
		b.Run(bc.name, func(b *testing.B) {
			sr, err := scan.OpenRoot(root)
			if err != nil {
				b.Fatal(err)
			}
			defer sr.Close()
			var s *model.Scan
			cpu0 := cpuTime()
			for b.Loop() {
				d, err := sr.Open("big")
				if err != nil {
					b.Fatal(err)
				}
				s, err = model.LoadMasked(d, eltypes.MustLoad(), nil, bc.rules, nil)
				d.Close()
				if err != nil {
					b.Fatal(err)
				}
			}
			// CPU time, not wall time: it does not move with the load of a
			// shared machine.
			cpu := (cpuTime() - cpu0) / time.Duration(b.N)
			b.ReportMetric(cpu.Seconds()*1000, "cpu-ms/op")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(s.Count()+len(s.Log)), "cpu-ns/text")
			if bc.rules != nil {
				b.ReportMetric(float64(s.MaskedSettings), "settings-masked")
				b.ReportMetric(float64(s.Mask.Literals()), "literals")
			}
		})
	}
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
