// The results table of the indexed search pages (pages/search-indexed.ts):
// its columns over the hits (pages/search-hits.ts, a hit is its position
// in the page's HitList), their order when sorted, which hits need
// their display chunk first, and the table's rows over the hits (HitOrder). A hit whose chunk has not loaded shows its
// type and data (when the index gave it) and blank other cells until the
// chunk arrives.

import { strCmp } from "../table/ordered";
import { elementColumns, scanColumn, typeColumn } from "../table/columns";
import type { Column } from "../table/vtable";
import { FLAG_RISKY } from "../data/types";
import { COL_DATA, COL_FP, COL_MOD, COL_SRC, COL_TIME, hitKey, type Cells } from "./search-hits";
import type { IxScan, IxType } from "./search-ixscans";

// The page as the columns read it; k is a hit's position.
export interface HitTable {
  all: boolean; // over all scans: a Scan column and group rows
  scanOf: (k: number) => IxScan;
  typeOf: (k: number) => IxType | undefined;
  scan: (g: number) => IxScan;
  groupCount: (g: number) => number;
  dataKnown: (k: number) => string | null; // the data without the chunk (the index gave it, or a sort read it)
  cellsOf: (k: number) => Cells | null; // null (and the chunk asked for) until loaded
  sourceOf: (k: number) => string;
  timeOf: (k: number) => number;
  moduleOf: (k: number) => string;
  isFP: (k: number) => boolean;
}

// dataOf is a hit's data, "" while neither the index nor its chunk said.
function dataOf(o: HitTable, k: number): string {
  return o.dataKnown(k) ?? o.cellsOf(k)?.d ?? "";
}

export function hitColumns(o: HitTable): Column[] {
  const cols: Column[] = [];
  if (o.all) cols.push(scanColumn((k) => o.scanOf(k), (g) => ({ scan: o.scan(g), matches: o.groupCount(g) })));
  const lazy = elementColumns({
    data: (k) => dataOf(o, k),
    source: (k) => o.sourceOf(k),
    module: (k) => o.moduleOf(k),
    time: (k) => o.timeOf(k),
    fp: (k) => o.isFP(k),
  });
  // Item -1 renders a blank cell: what a row shows until its chunk arrives.
  for (const col of lazy) {
    const render = col.render;
    col.render = (cell, k) => render(cell, k >= 0 && (col.key !== "data" || o.dataKnown(k) === null) && !o.cellsOf(k) ? -1 : k);
  }
  cols.push(typeColumn((k) => String(o.typeOf(k)?.info.descr ?? "")), ...lazy);
  return cols;
}

// rowClass: a false positive, a risky row, or a row still waiting for its chunk.
export function rowClass(o: HitTable, k: number): string {
  const x = o.cellsOf(k);
  if (!x) return "is-pending";
  return (o.isFP(k) ? "is-fp" : "") + (x.f & FLAG_RISKY ? " is-risky" : "");
}

// hitCmp orders hits by a column (ties: the caller keeps display order).
export function hitCmp(key: string, o: HitTable): (a: number, b: number) => number {
  switch (key) {
    case "data":
      return (a, b) => strCmp(o.dataKnown(a) ?? "", o.dataKnown(b) ?? "");
    case "source":
      return (a, b) => strCmp(o.sourceOf(a), o.sourceOf(b));
    case "module":
      return (a, b) => strCmp(o.moduleOf(a).toLowerCase(), o.moduleOf(b).toLowerCase());
    case "time":
      return (a, b) => o.timeOf(a) - o.timeOf(b);
    case "fp":
      return (a, b) => Number(o.isFP(a)) - Number(o.isFP(b));
    case "type":
      return (a, b) => strCmp(String(o.typeOf(a)?.info.descr ?? ""), String(o.typeOf(b)?.info.descr ?? ""));
  }
  return () => 0;
}

// needsCells says which cells (search-hits.ts COL_*) each hit needs read
// before the table can be laid out: for a sort by source, module or time
// that column of every hit; for a sort by data, the data of those whose
// data the index did not give (or that were too many to keep); and, for
// a sort by F/P or while false positives are hidden, nothing when fp.js
// names the false positives by row (a hit's key says it), else (a site
// written before that: fp.js names elements by their index, which only
// the chunk gives) whether the hits of types with false positives (the
// manifest counts them) are ones. null: none.
export function needsCells(sortKey: string | null, hide: boolean, o: HitTable): ((k: number) => number) | null {
  const fpType = (k: number) => {
    const sc = o.scanOf(k);
    return sc.fpRows === null && sc.fp.size > 0 && (Number(o.typeOf(k)?.info.fp) || 0) > 0 ? COL_FP : 0;
  };
  const all = sortKey === "source" ? COL_SRC : sortKey === "module" ? COL_MOD : sortKey === "time" ? COL_TIME : 0;
  const bySort = all !== 0 ? () => all : sortKey === "data" ? (k: number) => (o.dataKnown(k) === null ? COL_DATA : 0) : sortKey === "fp" ? fpType : null;
  if (hide) return bySort ? (k) => bySort(k) | fpType(k) : fpType;
  return bySort;
}

// HitOrder lays the table's rows out over the hits (positions 0..n0 of a
// HitList, keys ascending): false positives left out when hidden, each
// scan's hits sorted when a sort is set, and over all scans a group row
// (item -1 - s) before each scan's hits. Only a sort needs an array as
// long as the hits (the order); else a row's hit is computed from the
// hidden positions (few) and the group rows. Both arrays are kept for the
// next layout.
export class HitOrder {
  n = 0; // hits shown
  counts = new Int32Array(0); // hits shown by scan
  rows = 0; // rows of the table: hits shown and group rows
  item: Int32Array | ((d: number) => number) = (d) => d; // the hit (or group) of row d
  private hid = new Int32Array(0); // hidden positions, ascending
  private ord = new Int32Array(0); // positions in the order shown, when sorted

  // layOut lays the rows out over n0 hits of scans scans; isFP: the hits
  // to leave out (null: none); cmp: the sort (null: key order), ties in
  // key order; grouped: a group row before each scan's hits.
  layOut(n0: number, key: (k: number) => number, scans: number, grouped: boolean, isFP: ((k: number) => boolean) | null, cmp: ((x: number, y: number) => number) | null): void {
    let hid = this.hid;
    let nh = 0;
    if (isFP) {
      for (let k = 0; k < n0; k++) {
        if (!isFP(k)) continue;
        if (nh === hid.length) {
          const more = new Int32Array(grown(hid.length, nh + 1));
          more.set(hid);
          hid = more;
        }
        hid[nh++] = k;
      }
    }
    this.hid = nh > 0 ? hid : new Int32Array(0);
    const n = n0 - nh;
    // shown(j): the position of the j-th hit shown, in key order.
    const shown = nh === 0 ? (j: number) => j : (j: number) => j + hiddenUpTo(hid, nh, j);
    if (!cmp) this.ord = new Int32Array(0);
    else if (this.ord.length < n) this.ord = new Int32Array(grown(this.ord.length, n));
    const ord = this.ord;
    if (cmp) {
      for (let j = 0, h = 0, k = 0; k < n0; k++) {
        if (h < nh && hid[h] === k) h++;
        else ord[j++] = k;
      }
    }
    const at = cmp ? (j: number) => ord[j] : shown;
    // The positions are ascending, so each scan's hits are one stretch of
    // them: scan s's from from[s] to from[s + 1]. A sort orders each when
    // grouped (the order sorted, then grouped by scan), else all at once.
    const from = new Int32Array(scans + 1);
    from[scans] = n;
    for (let s = scans - 1; s >= 0; s--) from[s] = firstFrom(from[s + 1], (j) => key(at(j)), hitKey(s, 0, 0));
    if (cmp) {
      const order = (a: number, b: number) => ord.subarray(a, b).sort((x, y) => cmp(x, y) || x - y);
      if (!grouped) order(0, n);
      else for (let s = 0; s < scans; s++) if (from[s + 1] - from[s] > 1) order(from[s], from[s + 1]);
    }
    const counts = new Int32Array(scans);
    for (let s = 0; s < scans; s++) counts[s] = from[s + 1] - from[s];
    this.n = n;
    this.counts = counts;
    if (!grouped) {
      this.rows = n;
      this.item = cmp ? ord : shown;
      return;
    }
    // Group g's row is at gRow[g], its hits follow.
    const gRow: number[] = [];
    const gScan: number[] = [];
    for (let s = 0; s < scans; s++) {
      if (counts[s] === 0) continue;
      gRow.push(from[s] + gRow.length);
      gScan.push(s);
    }
    this.rows = n + gRow.length;
    this.item = (d: number): number => {
      let lo = 0;
      let hi = gRow.length - 1;
      while (lo < hi) {
        const m = (lo + hi + 1) >> 1;
        if (gRow[m] <= d) lo = m;
        else hi = m - 1;
      }
      return d === gRow[lo] ? -1 - gScan[lo] : at(d - lo - 1);
    };
  }
}

// hiddenUpTo is how many of the hidden positions hid[0..nh) (ascending)
// come before the j-th position shown: the first h with hid[h] - h > j
// (hid[h] - h positions are shown before hid[h]).
function hiddenUpTo(hid: Int32Array, nh: number, j: number): number {
  let lo = 0;
  let hi = nh;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (hid[m] - m <= j) lo = m + 1;
    else hi = m;
  }
  return lo;
}

// firstFrom is the first k below n whose keyAt(k) is key or more (n if
// none), keyAt ascending.
function firstFrom(n: number, keyAt: (k: number) => number, key: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (keyAt(m) < key) lo = m + 1;
    else hi = m;
  }
  return lo;
}

// grown is the length of a buffer that must hold n, grown from have by
// half again at least (few reallocations while a search finds more).
function grown(have: number, n: number): number {
  return Math.max(n, 16, Math.ceil(have * 1.5));
}
