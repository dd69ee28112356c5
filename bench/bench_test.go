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
	return took, rss
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

func benchBuild(b *testing.B, elements int) {
	if testing.Short() && elements > 100000 {
		b.Skip("large benchmark skipped in -short mode")
	}
	work := b.TempDir()
	scans := filepath.Join(work, "scans")
	genTook, _ := run(b, "sample", "--elements", strconv.Itoa(elements), "--out", scans, "--id", "big")
	_, inBytes := dirSize(b, scans)
	b.Logf("sample scan: %d elements, %.1f MiB of scan files, written in %s", elements, float64(inBytes)/(1<<20), genTook.Round(time.Millisecond))
	site := filepath.Join(work, "site")
	var took time.Duration
	var rss int64
	for b.Loop() {
		t, r := run(b, "build", "--scans", scans, "--out", site, "--quiet")
		took += t
		rss = max(rss, r)
	}
	per := took / time.Duration(b.N)
	files, outBytes := dirSize(b, site)
	b.ReportMetric(per.Seconds(), "s/build")
	b.ReportMetric(float64(elements)/per.Seconds(), "elements/s")
	b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
	b.ReportMetric(float64(outBytes)/(1<<20), "site-MiB")
	b.Logf("build: %s per build, %.0f elements/s, peak RSS %.0f MiB, site %d files, %.1f MiB",
		per.Round(time.Millisecond), float64(elements)/per.Seconds(), float64(rss)/(1<<20), files, float64(outBytes)/(1<<20))
}

func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10_000) }
func BenchmarkBuild1M(b *testing.B)  { benchBuild(b, 1_000_000) }
