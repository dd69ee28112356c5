// The results table of the indexed search pages (pages/search-indexed.ts):
// its columns over the hits (pages/search-hits.ts, a hit is its position
// in the page's HitList), their order when sorted, and which hits need
// their display chunk first. A hit whose chunk has not loaded shows its
// type and data (when the index gave it) and blank other cells until the
// chunk arrives.

import { strCmp } from "../table/ordered";
import { elementColumns, scanColumn, typeColumn } from "../table/columns";
import type { Column } from "../table/vtable";
import { FLAG_RISKY } from "../data/types";
import { COL_DATA, COL_FP, COL_MOD, COL_SRC, COL_TIME, type Cells } from "./search-hits";
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
