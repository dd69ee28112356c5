package scanstore

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"gocloud.dev/blob/memblob"

	"github.com/scanreport/scanreport/scan"
)

// TestBenchFollowRequests measures the requests a Mirror sends per minute
// while following 10 RUNNING and 100 finished scans, with the default
// intervals, for one minute each: the running scans quiet, then each
// sealing a segment every second. It also gives the time from a sealed
// segment to its lines in the local mirror (p50/p95). Run with
// SCANREPORT_BENCH=1 (it takes two minutes); figures in docs/benchmarks.md.
func TestBenchFollowRequests(t *testing.T) {
	if os.Getenv("SCANREPORT_BENCH") != "1" {
		t.Skip("SCANREPORT_BENCH=1 runs the benchmark")
	}
	for _, active := range []bool{false, true} {
		t.Run(fmt.Sprintf("active=%v", active), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			b := memblob.OpenBucket(nil)
			defer b.Close()
			var running []*Writer
			for i := 0; i < 110; i++ {
				w, err := Create(ctx, b, scan.Meta{ID: fmt.Sprintf("s%03d", i), Target: "t.example", Status: scan.StatusRunning}, WriterOptions{SegmentAge: -1})
				if err != nil {
					t.Fatal(err)
				}
				w.Root(time.Time{})
				if i >= 10 {
					w.SetStatus(scan.StatusFinished, time.Time{})
					w.Close()
				} else {
					w.Flush()
					running = append(running, w)
				}
			}
			local := t.TempDir()
			m, err := NewMirror(b, local, MirrorOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Sync(ctx); err != nil {
				t.Fatal(err)
			}
			l0, r0 := m.Stats.Lists.Load(), m.Stats.Reads.Load()
			done := make(chan struct{})
			go func() { defer close(done); m.Follow(ctx) }()
			var lat []time.Duration
			start := time.Now()
			for time.Since(start) < time.Minute {
				time.Sleep(time.Second)
				if !active {
					continue
				}
				size := func() int64 {
					fi, err := os.Stat(local + "/s000/" + scan.ElementsFile)
					if err != nil {
						return 0
					}
					return fi.Size()
				}
				before := size()
				sealed := time.Now()
				for _, w := range running {
					w.Add(scan.Element{Type: "IP_ADDRESS", Data: "192.0.2.1"})
					w.Flush()
				}
				// Wait for the first running scan's new line in the mirror.
				for size() <= before {
					if time.Since(sealed) > 30*time.Second {
						t.Fatal("a sealed segment did not reach the mirror in 30 s")
					}
					time.Sleep(5 * time.Millisecond)
				}
				lat = append(lat, time.Since(sealed))
			}
			el := time.Since(start)
			cancel()
			<-done
			lists, reads := m.Stats.Lists.Load()-l0, m.Stats.Reads.Load()-r0
			perMin := func(n int64) float64 { return float64(n) / el.Minutes() }
			t.Logf("10 running (active=%v) + 100 finished scans for %s: %.0f list requests/min, %.0f reads/min (%.0f requests/min in all)",
				active, el.Round(time.Second), perMin(lists), perMin(reads), perMin(lists+reads))
			if len(lat) > 0 {
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				t.Logf("sealed segment → local mirror: p50 %s, p95 %s (%d samples)", lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*95/100].Round(time.Millisecond), len(lat))
			}
		})
	}
}
