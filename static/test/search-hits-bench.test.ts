// A benchmark of the search pages' hit list (pages/search-hits.ts), run
// only with SCANREPORT_BENCH=1 (make test-node skips it):
//
//	d=$(mktemp -d) && npx --no-install tsc -p static/test/tsconfig.json --outDir $d &&
//	  SCANREPORT_BENCH=1 NODE_PATH=$PWD/node_modules node --expose-gc --test $d/test/search-hits-bench.test.js
//
// It adds the hits a query with no usable trigram finds (*a*: 70% of the
// rows) as the page gets them: scan after scan, each scan's in random row
// order (its dictionary blocks), merged at the page's flushes (more hits
// between them as the search goes on), then reads every hit in order (a
// layout) and at random (a sort). It prints the time of each step, the
// typed-array bytes the list holds at its largest, and the process's
// ArrayBuffer memory at its peak (no collection forced while the hits
// arrive: what Chromium's usedJSHeapSize would count) and after one.

import { test } from "node:test";
import { HitList, hitKey } from "../src/pages/search-hits";
import { rng } from "./random";

const on = process.env.SCANREPORT_BENCH === "1";

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function run(scans: number, rows: number, share: number): void {
  gc();
  const base = process.memoryUsage().arrayBuffers;
  const r = rng(19);
  const h = new HitList();
  let peak = 0;
  let held = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    held = Math.max(held, h.bytes());
  };
  // Flushes: after 5,000 hits, then half again as many each time, at most
  // 250,000 (the page flushes every 60 ms, then half again as long, at
  // most every second).
  let every = 5000;
  let since = 0;
  let merges = 0;
  const t0 = performance.now();
  for (let s = 0; s < scans; s++) {
    // This scan's rows that match, in random order.
    const hits: number[] = [];
    for (let row = 0; row < rows; row++) if (r() < share) hits.push(row);
    for (let k = hits.length - 1; k > 0; k--) {
      const j = Math.floor(r() * (k + 1));
      const t = hits[k];
      hits[k] = hits[j];
      hits[j] = t;
    }
    for (const row of hits) {
      h.add(hitKey(s, row % 7, row), null);
      if (++since >= every) {
        sample();
        h.merge();
        sample();
        merges++;
        since = 0;
        every = Math.min(250_000, Math.ceil(every * 1.5));
      }
    }
  }
  h.merge();
  sample();
  const tAdd = performance.now() - t0;
  // Reads: the best of three (the first runs before the code is optimized).
  let sum = 0;
  let tSeq = Infinity;
  let tRand = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const t1 = performance.now();
    for (let k = 0; k < h.n; k++) sum += h.key(k);
    tSeq = Math.min(tSeq, performance.now() - t1);
    const t2 = performance.now();
    const rr = rng(5);
    for (let k = 0; k < h.n; k++) sum += h.key(Math.floor(rr() * h.n));
    tRand = Math.min(tRand, performance.now() - t2);
  }
  gc();
  const after = process.memoryUsage().arrayBuffers - base;
  const mb = (b: number) => (b / 1e6).toFixed(1) + " MB";
  console.log(
    `${scans} × ${rows} rows, ${h.n} hits, ${merges} merges: add+merge ${tAdd.toFixed(0)} ms, read in order ${tSeq.toFixed(0)} ms, at random ${tRand.toFixed(0)} ms; ` +
      `list at most ${mb(held)}; ArrayBuffers peak ${mb(peak)}, after a collection ${mb(after)} (${sum > 0 ? "ok" : "?"})`,
  );
}

test("bench: the hits of *a* over one scan of 1M", { skip: !on }, () => run(1, 1_000_000, 0.7));
test("bench: the hits of *a* over 20 scans of 500,000", { skip: !on }, () => run(20, 500_000, 0.7));
