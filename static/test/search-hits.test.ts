// Tests of the indexed search page's hits (make test-node): a hit is its
// display key (scan, type position, row), so ascending keys are display
// order; hits from blocks, segments and chunks, in any order and some
// twice (a row whose data and source data both match), merge in place
// into display order with no repeats; the data the index gave is kept
// while the hits are few, then dropped for every hit; cells a sort needs
// are read into columns by hit position; a row finds its display chunk
// by the chunks' start rows.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chunkOf, COL_DATA, COL_FP, COL_SRC, COL_TIME, HitList, hitKey, keyPos, keyRow, keyScan, ROW_MAX, TYPE_MAX } from "../src/pages/search-hits";
import { hitCmp, HitOrder, needsCells, type HitTable } from "../src/pages/search-ixcolumns";
import { FPRows } from "../src/pages/search-fprows";
import type { IxScan, IxType } from "../src/pages/search-ixscans";
import type { ElementChunk, TypeInfo } from "../src/data/types";
import { rng } from "./random";

function ixType(pos: number, chunks: Array<[number, number]>, fp = 0): IxType {
  const refs = chunks.map(([s, n], k) => ({ f: `e-t${pos}-${k}.js`, n, s }));
  return { info: { slug: "t" + pos, descr: "Type " + pos, fp } as unknown as TypeInfo, pos, chunks: refs, rows: refs.reduce((a, c) => Math.max(a, c.s + c.n), 0), covered: 0 };
}

const allKeys = (h: HitList) => Array.from({ length: h.n }, (_, k) => h.key(k));
const keysOf = (h: HitList) => allKeys(h).map((k) => `${keyScan(k)}/${keyPos(k)}/${keyRow(k)}`);

test("a hit's key is its display order: scan, type position, row", () => {
  const ks = [hitKey(0, 0, 5), hitKey(0, 0, ROW_MAX - 1), hitKey(0, 1, 0), hitKey(0, TYPE_MAX - 1, 3), hitKey(1, 0, 0), hitKey(65535, TYPE_MAX - 1, ROW_MAX - 1)];
  for (let k = 1; k < ks.length; k++) assert.ok(ks[k - 1] < ks[k], `key ${k}`);
  assert.ok(Number.isSafeInteger(ks[ks.length - 1]));
  assert.deepEqual([keyScan(ks[3]), keyPos(ks[3]), keyRow(ks[3])], [0, TYPE_MAX - 1, 3]);
  assert.deepEqual([keyScan(ks[5]), keyPos(ks[5]), keyRow(ks[5])], [65535, TYPE_MAX - 1, ROW_MAX - 1]);
  assert.throws(() => hitKey(0, TYPE_MAX, 0));
  assert.throws(() => hitKey(0, 0, ROW_MAX));
});

test("hits merge into display order, once each, keeping the data the index gave", () => {
  const h = new HitList();
  h.add(hitKey(0, 1, 3), "b3");
  h.add(hitKey(0, 0, 7), null); // by its source: data unknown
  h.add(hitKey(1, 0, 0), "x");
  h.add(hitKey(0, 0, 2), "a2");
  assert.equal(h.found(), 4);
  assert.ok(h.merge());
  assert.deepEqual(keysOf(h), ["0/0/2", "0/0/7", "0/1/3", "1/0/0"]);
  assert.deepEqual([0, 1, 2, 3].map((k) => h.dataKnown(k)), ["a2", null, "b3", "x"]);
  // Row 0/0/7 again by its data now, 0/1/3 again by its source, 0/0/5 twice.
  const ver = h.ver;
  h.add(hitKey(0, 0, 7), "a7");
  h.add(hitKey(0, 1, 3), null);
  h.add(hitKey(0, 0, 5), "a5");
  h.add(hitKey(0, 0, 5), "a5");
  assert.ok(h.merge());
  assert.notEqual(h.ver, ver);
  assert.deepEqual(keysOf(h), ["0/0/2", "0/0/5", "0/0/7", "0/1/3", "1/0/0"]);
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => h.dataKnown(k)), ["a2", "a5", "a7", "b3", "x"]);
  assert.equal(h.merge(), false); // nothing new
});

test("merging in batches gives the sorted distinct keys (random)", () => {
  const r = rng(19);
  for (let round = 0; round < 30; round++) {
    const h = new HitList();
    const want = new Set<number>();
    const batches = 1 + Math.floor(r() * 8);
    for (let b = 0; b < batches; b++) {
      const m = Math.floor(r() * 3000);
      for (let k = 0; k < m; k++) {
        // Few scans and types, rows close together: many repeats.
        const key = hitKey(Math.floor(r() * 3), Math.floor(r() * 4), Math.floor(r() * (round % 2 ? 500 : 50000)));
        want.add(key);
        h.add(key, null);
      }
      h.merge();
      assert.deepEqual(allKeys(h), [...want].sort((a, b) => a - b), `round ${round} batch ${b}`);
    }
  }
});

// PAGE as search-hits.ts holds hits: tests cross its boundaries.
const PAGE = 1 << 14;

// check compares a HitList with the brute-force sorted set of its keys.
function check(h: HitList, want: Set<number>, what: string): void {
  const sorted = [...want].sort((a, b) => a - b);
  assert.equal(h.n, sorted.length, what + ": count");
  for (let k = 0; k < sorted.length; k++) if (h.key(k) !== sorted[k]) assert.fail(`${what}: hit ${k} is ${h.key(k)}, not ${sorted[k]}`);
  assert.ok(Number.isNaN(h.key(h.n)) && Number.isNaN(h.key(-1)), what + ": past the hits");
}

test("hits across pages and scans: random adds with repeats, merges of every size, versus a sorted set", () => {
  const r = rng(1919);
  // Keys in a few spots: rows near page-sized counts, types on both sides
  // of the type position's 64 boundary (the key's high bits change), the
  // last scan and row the keys allow.
  const spots = [
    [0, 0],
    [0, 63],
    [0, 64],
    [3, 1],
    [65535, TYPE_MAX - 1],
  ];
  for (let round = 0; round < 8; round++) {
    const h = new HitList(0);
    const want = new Set<number>();
    const span = [50, PAGE, 3 * PAGE, ROW_MAX][round % 4];
    for (let b = 0; b < 20; b++) {
      // Batch sizes 0, 1, 2, 4, … 4 pages (8 pages of hits by then), then
      // 3 pages at the start of the keys only (every hit moves up, across
      // pages at another offset), and 3 pages at the end only.
      const lowOnly = b === 18;
      const highOnly = b === 19;
      const m = b === 0 ? 0 : b < 18 ? 2 ** (b - 1) : 3 * PAGE;
      for (let k = 0; k < m; k++) {
        const [s, pos] = lowOnly ? spots[0] : highOnly ? spots[4] : spots[Math.floor(r() * spots.length)];
        const row = Math.min(ROW_MAX - 1, highOnly ? ROW_MAX - 1 - Math.floor(r() * 4 * PAGE) : Math.floor(r() * span));
        const key = hitKey(s, pos, row);
        want.add(key);
        h.add(key, null);
        if (r() < 0.1) h.add(key, null); // the same row again in the batch
      }
      assert.equal(h.merge(), m > 0);
      check(h, want, `round ${round} batch ${b}`);
    }
  }
});

test("hits: a merge that repeats every old hit, and one that only adds new ones before them", () => {
  const h = new HitList(0);
  const want = new Set<number>();
  for (let row = 0; row < 2 * PAGE + 5; row += 2) {
    h.add(hitKey(1, 0, row), null);
    want.add(hitKey(1, 0, row));
  }
  h.merge();
  check(h, want, "first");
  // Every old hit again, in reverse: no change but the version.
  for (let row = 2 * PAGE + 4; row >= 0; row -= 2) h.add(hitKey(1, 0, row), null);
  const ver = h.ver;
  assert.ok(h.merge());
  assert.notEqual(h.ver, ver);
  check(h, want, "repeats");
  // Odd rows and a scan before: every old hit moves.
  for (let row = 1; row < 2 * PAGE + 5; row += 2) {
    h.add(hitKey(1, 0, row), null);
    h.add(hitKey(0, 5, row), null);
    want.add(hitKey(1, 0, row));
    want.add(hitKey(0, 5, row));
  }
  h.merge();
  check(h, want, "interleaved");
});

test("hits: memory follows the hits (4 bytes a hit, a page at a time)", () => {
  const h = new HitList(0);
  const r = rng(7);
  for (let k = 0; k < 5 * PAGE; k++) h.add(hitKey(Math.floor(r() * 3), 0, Math.floor(r() * ROW_MAX)), null);
  h.merge();
  const pages = Math.ceil(h.n / PAGE);
  // The hits' pages, the fresh pages kept for the next ones (4) and the
  // page index (12 bytes a page): no spare capacity.
  assert.equal(h.bytes(), pages * PAGE * 4 + 4 * PAGE * 8 + pages * 12);
});

test("the table's rows over the hits: hidden, sorted, grouped by scan (random, versus brute force)", () => {
  const r = rng(4242);
  for (let round = 0; round < 60; round++) {
    const scans = 1 + Math.floor(r() * 5);
    const h = new HitList(0);
    const o = new HitOrder(); // kept across layouts, as the page keeps it
    for (let b = 0; b < 3; b++) {
      const m = Math.floor(r() * [5, 300, 3000][round % 3]);
      // Some scans get no hit at all.
      const live = Array.from({ length: scans }, () => r() < 0.7);
      for (let k = 0; k < m; k++) {
        const s = Math.floor(r() * scans);
        if (live[s]) h.add(hitKey(s, Math.floor(r() * 3), Math.floor(r() * 2000)), null);
      }
      h.merge();
      const n0 = h.n;
      const key = (k: number) => h.key(k);
      const fpShare = [0, 0.01, 0.3, 1][Math.floor(r() * 4)];
      const fp = new Set<number>();
      for (let k = 0; k < n0; k++) if (r() < fpShare) fp.add(k);
      const val = Array.from({ length: n0 }, () => Math.floor(r() * 4)); // ties
      const hide = r() < 0.5;
      const sorted = r() < 0.5;
      const dir = r() < 0.5 ? 1 : -1;
      const grouped = r() < 0.5;
      const cmp = sorted ? (x: number, y: number) => dir * (val[x] - val[y]) : null;
      o.layOut(n0, key, scans, grouped, hide ? (k) => fp.has(k) : null, cmp);
      // Brute force: the positions shown, in order, grouped by scan.
      let want = Array.from({ length: n0 }, (_, k) => k).filter((k) => !hide || !fp.has(k));
      if (cmp) want.sort((x, y) => cmp(x, y) || x - y);
      const counts = Array.from({ length: scans }, (_, s) => want.filter((k) => keyScan(key(k)) === s).length);
      if (grouped) want = counts.flatMap((c, s) => (c === 0 ? [] : [-1 - s, ...want.filter((k) => keyScan(key(k)) === s)]));
      const what = `round ${round} layout ${b} (hide ${hide}, sorted ${sorted}, grouped ${grouped})`;
      assert.equal(o.n, counts.reduce((a, c) => a + c, 0), what + ": hits shown");
      assert.deepEqual(Array.from(o.counts), counts, what + ": counts");
      assert.equal(o.rows, want.length, what + ": rows");
      const item = o.item;
      const got = Array.from({ length: o.rows }, (_, d) => (typeof item === "function" ? item(d) : item[d]));
      assert.deepEqual(got, want, what);
      // Nothing sorted: no array as long as the hits.
      if (!sorted) assert.equal(typeof item, "function", what);
    }
  }
});

test("data strings are dropped, for every hit, past the bound", () => {
  const h = new HitList(3);
  for (let k = 0; k < 3; k++) h.add(hitKey(0, 0, k), "v" + k);
  h.merge();
  assert.equal(h.dataKnown(2), "v2");
  h.add(hitKey(0, 0, 3), "v3");
  h.merge();
  assert.equal(h.data, null);
  assert.deepEqual([0, 1, 2, 3].map((k) => h.dataKnown(k)), [null, null, null, null]);
});

function chunk(rows: Array<{ d: string; sd: string; t: number; i: number }>): ElementChunk {
  return {
    k: "elements",
    scan: "s",
    type: "t0",
    seq: 0,
    n: rows.length,
    i: rows.map((x) => x.i),
    id: rows.map((x) => "id" + x.i),
    d: rows.map((x) => x.d),
    s: rows.map(() => 0),
    sd: rows.map((x) => x.sd),
    m: rows.map(() => 0),
    t: rows.map((x) => x.t),
    r: rows.map(() => 0),
    c: rows.map(() => 100),
    v: rows.map(() => 100),
    f: rows.map(() => 0),
  };
}

// tableOf is the results table over one scan's hits, with no chunk loaded:
// the cells are those the hits' columns hold.
function tableOf(sc: IxScan, h: HitList, isFP: (k: number) => boolean): HitTable {
  return {
    all: false,
    scanOf: () => sc,
    typeOf: (k) => sc.types[keyPos(h.key(k))],
    scan: () => sc,
    groupCount: () => 0,
    dataKnown: (k) => h.dataKnown(k),
    cellsOf: () => null,
    sourceOf: (k) => h.colsNow()?.src?.[k] ?? "",
    timeOf: (k) => h.colsNow()?.time?.[k] ?? 0,
    moduleOf: () => "",
    isFP,
  };
}

test("cells a sort needs are read into columns, and order the hits", () => {
  const withFP = ixType(0, [[0, 3]], 1);
  const noFP = ixType(1, [[0, 3]]);
  // A site whose fp.js names false positives by element index only.
  const sc = { index: 0, types: [withFP, noFP], fp: new Set([11]), fpRows: null, m: null } as unknown as IxScan;
  const h = new HitList();
  h.add(hitKey(0, 1, 0), null); // matched by its source: data unknown
  h.add(hitKey(0, 0, 2), "Zeta\n<SFURL>https://x.example/?key=1</SFURL>");
  h.add(hitKey(0, 0, 1), "alpha");
  h.merge();
  const view = tableOf(sc, h, (k) => h.colsNow()?.fp?.[k] === 1);
  // A sort by data needs only the hit whose data the index did not give;
  // hiding false positives only the hits of types that have some.
  const byData = needsCells("data", false, view)!;
  assert.deepEqual([0, 1, 2].map(byData), [0, 0, COL_DATA]);
  const hide = needsCells(null, true, view)!;
  assert.deepEqual([0, 1, 2].map(hide), [COL_FP, COL_FP, 0]);
  assert.deepEqual([0, 1, 2].map(needsCells("time", true, view)!), [COL_TIME | COL_FP, COL_TIME | COL_FP, COL_TIME]);
  assert.equal(needsCells(null, false, view), null);
  assert.equal(needsCells("type", false, view), null);

  const cols = h.columns();
  const c0 = chunk([
    { d: "r0", sd: "src b", t: 30, i: 10 },
    { d: "alpha", sd: "src c", t: 10, i: 11 },
    { d: "Zeta", sd: "src a", t: 20, i: 12 },
  ]);
  const c1 = chunk([{ d: "ROOT-ish", sd: "src 0", t: 5, i: 20 }]);
  cols.read(0, c0, 1, COL_FP | COL_TIME | COL_SRC, sc.fp);
  cols.read(1, c0, 2, COL_FP | COL_TIME | COL_SRC, sc.fp);
  cols.read(2, c1, 0, COL_TIME | COL_SRC | COL_DATA, sc.fp);
  assert.equal(h.colsNow(), cols);
  assert.deepEqual([0, 1, 2].map((k) => view.isFP(k)), [true, false, false]);
  assert.equal(h.dataKnown(2), "ROOT-ish");
  const order = (key: string) => [0, 1, 2].sort((a, b) => hitCmp(key, view)(a, b) || a - b);
  assert.deepEqual(order("time"), [2, 0, 1]);
  assert.deepEqual(order("source"), [2, 1, 0]);
  assert.deepEqual(order("data"), [2, 1, 0]); // "ROOT-ish" < "Zeta…" < "alpha": binary order
  assert.deepEqual(order("fp"), [1, 2, 0]);
  assert.deepEqual(order("type"), [0, 1, 2]);
  // New hits make new columns: positions moved.
  h.add(hitKey(0, 0, 0), "r0");
  h.merge();
  assert.equal(h.colsNow(), null);
  assert.notEqual(h.columns(), cols);
});

test("false positives by row: known from a hit's key, no cells needed", () => {
  const slugs = ["ip_address", "internet_name", "emailaddr"];
  // fp.js "r" as the writer makes it, with what a hostile or broken file
  // might hold besides: a type the manifest lacks, values that are not rows.
  const r = { internet_name: [0, 9999, 10000, 25003], emailaddr: [7, -1, 2.5, "3", null, 2 ** 60], gone: [1] };
  const fr = FPRows.from(r, slugs)!;
  assert.ok(fr);
  const keys = [hitKey(0, 1, 0), hitKey(0, 1, 9999), hitKey(0, 1, 10000), hitKey(0, 1, 25003), hitKey(0, 2, 7), hitKey(0, 0, 0), hitKey(0, 1, 1), hitKey(0, 2, 3), hitKey(0, 2, 2), hitKey(0, 3, 1)];
  assert.deepEqual(
    keys.map((k) => fr.has(keyPos(k), keyRow(k))),
    [true, true, true, true, true, false, false, false, false, false],
  );
  // No "r" (a site written before it): unknown, the chunks say.
  assert.equal(FPRows.from(undefined, slugs), null);
  assert.equal(FPRows.from([1, 2], slugs), null);
  assert.equal(FPRows.from({}, slugs)!.has(0, 0), false);

  // Hidden or sorted by F/P, such a scan's hits need no cells.
  const withFP = ixType(1, [[0, 10000], [10000, 20000]], 4);
  const sc = { index: 0, types: [ixType(0, [[0, 5]]), withFP], fp: new Set([3, 4]), fpRows: fr, m: null } as unknown as IxScan;
  const h = new HitList();
  for (const k of [hitKey(0, 1, 10000), hitKey(0, 1, 1), hitKey(0, 0, 0)]) h.add(k, "x");
  h.merge();
  const view = tableOf(sc, h, (k) => fr.has(keyPos(h.key(k)), keyRow(h.key(k))));
  assert.deepEqual([0, 1, 2].map(needsCells(null, true, view)!), [0, 0, 0]);
  assert.deepEqual([0, 1, 2].map(needsCells("fp", false, view)!), [0, 0, 0]);
  assert.deepEqual([0, 1, 2].map(needsCells("time", true, view)!), [COL_TIME, COL_TIME, COL_TIME]);
  const order = [0, 1, 2].sort((a, b) => hitCmp("fp", view)(a, b) || a - b);
  assert.deepEqual(order, [0, 1, 2].filter((k) => !view.isFP(k)).concat([0, 1, 2].filter((k) => view.isFP(k))));
  assert.deepEqual([0, 1, 2].map(view.isFP), [false, false, true]);
});

test("a row's display chunk, by the chunks' start rows", () => {
  const t = ixType(0, [
    [0, 100],
    [100, 50],
    [150, 1],
  ]);
  assert.equal(chunkOf(t, 0)?.f, "e-t0-0.js");
  assert.equal(chunkOf(t, 99)?.f, "e-t0-0.js");
  assert.equal(chunkOf(t, 100)?.f, "e-t0-1.js");
  assert.equal(chunkOf(t, 150)?.f, "e-t0-2.js");
  assert.equal(chunkOf(t, 151), null);
  assert.equal(chunkOf(ixType(1, []), 0), null);
});
