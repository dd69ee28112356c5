// Package bench holds the whole-program benchmarks quoted in
// docs/benchmarks.md: building the report of a synthetic 1,000,000-element
// scan with the real binary, measuring wall time, throughput, peak memory
// and output size. Run them with `make bench-go`.
package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scanreport/scanreport/scan"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds scanreport once per test run.
func binary(b *testing.B) string {
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "scanreport-bench-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "scanreport")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/scanreport").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		b.Fatal(binErr)
	}
	return binPath
}

// run executes the binary and returns its wall time and peak RSS.
func run(b *testing.B, args ...string) (time.Duration, int64) {
	took, rss, _ := runCPU(b, args...)
	return took, rss
}

// runCPU executes the binary and returns its wall time, peak RSS and CPU
// time (user + system): on a shared machine the CPU time is the steadier
// figure.
func runCPU(b *testing.B, args ...string) (time.Duration, int64, time.Duration) {
	b.Helper()
	cmd := exec.Command(binary(b), args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	took := time.Since(start)
	if err != nil {
		b.Fatalf("scanreport %v: %v\n%s", args, err, out)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	if ru != nil {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return took, rss, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

func dirSize(b *testing.B, dir string) (files int, bytes int64) {
	b.Helper()
	err := filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode().IsRegular() {
			files++
			bytes += info.Size()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return files, bytes
}

func benchBuild(b *testing.B, elements int, extra ...string) {
	if testing.Short() && elements > 100000 {
		b.Skip("large benchmark skipped in -short mode")
	}
	work := b.TempDir()
	scans := filepath.Join(work, "scans")
	genTook, _ := run(b, "sample", "--elements", strconv.Itoa(elements), "--out", scans, "--id", "big")
	_, inBytes := dirSize(b, scans)
	b.Logf("sample scan: %d elements, %.1f MiB of scan files, written in %s", elements, float64(inBytes)/(1<<20), genTook.Round(time.Millisecond))
	site := filepath.Join(work, "site")
	var took, cpu time.Duration
	var rss int64
	for b.Loop() {
		os.RemoveAll(site) // a full build each time, not an incremental one
		t, r, c := runCPU(b, append([]string{"build", "--scans", scans, "--out", site, "--quiet"}, extra...)...)
		took += t
		cpu += c
		rss = max(rss, r)
	}
	per := took / time.Duration(b.N)
	files, outBytes := dirSize(b, site)
	b.ReportMetric(per.Seconds(), "s/build")
	b.ReportMetric((cpu / time.Duration(b.N)).Seconds(), "cpu-s/build")
	b.ReportMetric(float64(elements)/per.Seconds(), "elements/s")
	b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
	b.ReportMetric(float64(outBytes)/(1<<20), "site-MiB")
	b.Logf("build: %s per build (CPU %s), %.0f elements/s, peak RSS %.0f MiB, site %d files, %.1f MiB",
		per.Round(time.Millisecond), (cpu / time.Duration(b.N)).Round(time.Millisecond), float64(elements)/per.Seconds(), float64(rss)/(1<<20), files, float64(outBytes)/(1<<20))
}

func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10_000) }
func BenchmarkBuild1M(b *testing.B)  { benchBuild(b, 1_000_000) }

// BenchmarkBuild1MNoIndex is BenchmarkBuild1M without the search index
// (a hidden build flag): the two give what the index costs.
func BenchmarkBuild1MNoIndex(b *testing.B) { benchBuild(b, 1_000_000, "--no-search-index") }

// BenchmarkRebuild1M measures incremental builds (generator/incremental.go)
// on a scans root of one 1,000,000-element scan and nine of 10,000: a full
// build, a rebuild with nothing changed, and a rebuild after 1,000 elements
// were appended to one small scan (then to the large one).
func BenchmarkRebuild1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large benchmark skipped in -short mode")
	}
	work := b.TempDir()
	scans := filepath.Join(work, "scans")
	run(b, "sample", "--elements", "1000000", "--out", scans, "--id", "big")
	for i := range 9 {
		run(b, "sample", "--elements", "10000", "--out", scans, "--id", fmt.Sprintf("small-%d", i))
	}
	site := filepath.Join(work, "site")
	build := func() time.Duration {
		t, _ := run(b, "build", "--scans", scans, "--out", site, "--quiet")
		return t
	}
	appendTo := func(id string, n int) {
		w, err := scan.OpenWriter(scans, id)
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			if _, err := w.Add(scan.Element{Type: "INTERNET_NAME", Data: fmt.Sprintf("added-%d.%s.example", i, id), Source: scan.RootID,
				Module: "sfp_bench", Generated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	var full, same, small, big time.Duration
	for b.Loop() {
		os.RemoveAll(site)
		full += build()
		same += build()
		appendTo("small-3", 1000)
		small += build()
		appendTo("big", 1000)
		big += build()
	}
	n := time.Duration(b.N)
	b.ReportMetric((full / n).Seconds(), "s/full")
	b.ReportMetric((same / n).Seconds(), "s/unchanged")
	b.ReportMetric((small / n).Seconds(), "s/small-changed")
	b.ReportMetric((big / n).Seconds(), "s/big-changed")
	b.Logf("10 scans, 1,090,000 elements: full build %s; nothing changed %s (%.1f%%); one 10,000-element scan changed %s; the 1M scan changed %s",
		(full / n).Round(time.Millisecond), (same / n).Round(time.Millisecond), 100*float64(same)/float64(full), (small / n).Round(time.Millisecond), (big / n).Round(time.Millisecond))
}
