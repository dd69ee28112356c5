package bench

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

// BenchmarkSearchIndex1M writes the search index of the synthetic
// 1,000,000-element scan (the index alone, as one job of the build, which
// runs it beside the other jobs of the scan): time, CPU time and bytes by
// file family (dictionary blocks, trigram shards, exact shards).
// BenchmarkBuild1M gives the whole build for comparison.
func BenchmarkSearchIndex1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large benchmark skipped in -short mode")
	}
	scans := filepath.Join(b.TempDir(), "scans")
	if err := sample.Write(scans, sample.Options{ID: "big", Target: "bench.example", Status: scan.StatusFinished,
		Elements: 1_000_000, Seed: 1, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		b.Fatal(err)
	}
	s, err := generator.LoadScan(generator.Options{ScansRoot: scans, RiskyTypes: config.Default().Risky.Types, MinRisk: config.Default().Risky.MinRisk}, "big")
	if err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	for b.Loop() {
		c0 := cpuTime()
		bytes := map[byte]int64{}
		st, err := searchindex.Write(s, 0, func(name string, data []byte) error {
			family := byte('.') // ix.js
			if i := strings.IndexByte(name, '-'); i >= 0 {
				family = name[i+1] // ix0-d…, ix0-t…, ix0-x…
			}
			bytes[family] += int64(len(data))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Bytes)/(1<<20), "index-MiB")
		b.ReportMetric(float64(bytes['d'])/(1<<20), "blocks-MiB")
		b.ReportMetric(float64(bytes['t'])/(1<<20), "trigrams-MiB")
		b.ReportMetric(float64(bytes['x'])/(1<<20), "exact-MiB")
		b.ReportMetric(float64(st.Files), "files")
		b.ReportMetric(float64(st.Entries), "entries")
		b.ReportMetric(float64(st.Blocks), "blocks")
		b.ReportMetric(float64(st.Shards[0]), "trigram-shards")
		b.ReportMetric(float64(st.Shards[1]), "exact-shards")
		cpu += cpuTime() - c0
	}
	// CPU time (user + system) of the whole process: steadier than wall
	// time on a shared machine.
	b.ReportMetric((cpu / time.Duration(b.N)).Seconds(), "cpu-s/op")
}

// cpuTime is the process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
