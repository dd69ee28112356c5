package e2e

// The browser benchmark (make bench-browser): a 1,000,000-element scan,
// built and opened from file://. Only with SCANREPORT_BENCH=1.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

// benchProbe runs in the element page before its scripts and notes, on
// every frame, when the first rows show and when every chunk has loaded
// (the table is no longer busy and #row-count says the type's total).
const benchProbe = `(() => {
  const marks = {};
  Object.defineProperty(window, "__bench", {value: marks});
  const tick = () => {
    const rows = document.querySelector("#element-table .vt-body .vt-row:not([hidden])");
    if (rows && marks.firstRows === undefined) marks.firstRows = performance.now();
    const want = document.body && document.body.dataset.benchTotal;
    const count = document.querySelector("#row-count");
    if (rows && want && count && !document.querySelector("#element-table[aria-busy=true]") &&
        count.textContent.replace(/,/g, "").trim().startsWith(want + " ")) {
      marks.allLoaded = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`

// TestBenchBrowser1M measures a 1,000,000-element scan: the build, the
// overview's load, the largest type's first rows and full load, a sort,
// and frame intervals while scrolling.
func TestBenchBrowser1M(t *testing.T) {
	if os.Getenv("SCANREPORT_BENCH") != "1" {
		t.Skip("set SCANREPORT_BENCH=1 to run the browser benchmark (make bench-browser)")
	}
	needChromium(t)
	const n = 1_000_000
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := os.MkdirAll(scans, 0o755); err != nil {
		t.Fatal(err)
	}
	var results [][2]string
	note := func(k, v string) { results = append(results, [2]string{k, v}); t.Logf("%-44s %s", k, v) }
	ms := func(d float64) string { return fmt.Sprintf("%8.0f ms", d) }

	t0 := time.Now()
	err := sample.Write(scans, sample.Options{ID: "bench-1m", Name: "Benchmark, one million elements", Target: "bench.example",
		Kind: scan.KindAutomated, Status: scan.StatusFinished, Elements: n, Seed: 1,
		Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), FalsePositives: 10})
	if err != nil {
		t.Fatal(err)
	}
	note("write the scan (sample.Write)", ms(float64(time.Since(t0).Milliseconds())))
	res, err := generator.Build(context.Background(), buildOptions(scans, out))
	if err != nil {
		t.Fatal(err)
	}
	note("build the site (generator.Build)", fmt.Sprintf("%8.0f ms  (%d files, %.0f MB, %d elements)", float64(res.Duration.Milliseconds()), res.Files, float64(res.Bytes)/1e6, res.Elements))

	m := readManifest(t, out, "bench-1m")
	big := m.Types[0]
	for _, ty := range m.Types {
		if ty.Total > big.Total {
			big = ty
		}
	}
	note("largest type", fmt.Sprintf("%s: %d rows in %d chunks", big.Code, big.Total, len(big.Chunks)))

	b := newBrowser(t)
	overview := func() float64 {
		p := b.open(t, fileURL(out, "scans/bench-1m/index.html"))
		defer p.check()
		return evalT[float64](p, `performance.getEntriesByType("navigation")[0].loadEventEnd`)
	}
	overview() // warm the file cache and the browser
	note("overview: load event (warm)", ms(overview()))

	setTotal := fmt.Sprintf(`document.addEventListener("DOMContentLoaded", () => document.body.dataset.benchTotal = "%d");`, big.Total)
	p := b.open(t, fileURL(out, "scans/bench-1m/types/"+big.Slug+".html"), setTotal+benchProbe)
	p.waitFor(`window.__bench.firstRows !== undefined`, 2*time.Minute, "")
	note("element table: first rows visible", ms(evalT[float64](p, "window.__bench.firstRows")))
	note("element table: load event", ms(evalT[float64](p, `performance.getEntriesByType("navigation")[0].loadEventEnd`)))
	p.waitFor(`window.__bench.allLoaded !== undefined`, 5*time.Minute, `document.querySelector("#row-count").textContent`)
	note("element table: all chunks loaded", ms(evalT[float64](p, "window.__bench.allLoaded")))
	note("element table: JS heap after load", fmt.Sprintf("%8.0f MB", evalT[float64](p, `performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1`)))
	note("element table: row nodes in the DOM", fmt.Sprintf("%8d", p.count("#element-table .vt-row")))

	frames := func() []float64 {
		return evalT[[]float64](p, `(async () => {
			const g = __e2e.grid("#element-table"), ts = [];
			g.scrollTop = 0;
			await new Promise(r => requestAnimationFrame(r));
			const end = performance.now() + 2000;
			while (performance.now() < end) {
				await new Promise(r => requestAnimationFrame(r));
				ts.push(performance.now());
				g.scrollTop += g.clientHeight;
				if (g.scrollTop + g.clientHeight >= g.scrollHeight) g.scrollTop = 0;
			}
			return ts.slice(1).map((t, i) => t - ts[i]);
		})()`)
	}
	report := func(what string, iv []float64) {
		slices.Sort(iv)
		if len(iv) == 0 {
			note(what, "no frames")
			return
		}
		q := func(f float64) float64 { return iv[min(len(iv)-1, int(f*float64(len(iv))))] }
		note(what, fmt.Sprintf("median %5.1f ms, p95 %5.1f ms, max %5.1f ms over %d frames", q(0.5), q(0.95), iv[len(iv)-1], len(iv)))
	}
	report("scrolling a page per frame: frame interval", frames())

	sortMS := evalT[float64](p, `(async () => {
		const b = document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data button");
		const t0 = performance.now();
		b.click();
		const grid = __e2e.grid("#element-table");
		for (;;) {
			await new Promise(r => requestAnimationFrame(r));
			if (grid.querySelector(".vt-th.c-data[aria-sort]") && !grid.hasAttribute("aria-busy")) return performance.now() - t0;
		}
	})()`)
	note("sort by Data Element (click to sorted rows)", ms(sortMS))
	report("scrolling sorted rows: frame interval", frames())

	p.click(`input[name=view][value=unique]`)
	t1 := time.Now()
	p.waitFor(`!!document.querySelector("#element-table .vt-grid.vt-unique:not([hidden]) .vt-body .vt-row:not([hidden])")`, 2*time.Minute, "")
	note("switch to the unique view", ms(float64(time.Since(t1).Milliseconds())))
	p.check()

	var sb strings.Builder
	sb.WriteString("\nbrowser benchmark, 1,000,000 elements\n")
	for _, r := range results {
		fmt.Fprintf(&sb, "  %-44s %s\n", r[0], r[1])
	}
	t.Log(sb.String())
}
