// The results table of the indexed search pages (pages/search-indexed.ts):
// its columns over the hits (pages/search-hits.ts), their order when
// sorted, and which hits need their display chunk first. A hit whose chunk
// has not loaded shows its type and data (when the index gave it) and
// blank other cells until the chunk arrives.

import { strCmp } from "../table/ordered";
import { elementColumns, scanColumn, typeColumn } from "../table/columns";
import type { Column } from "../table/vtable";
import { FLAG_RISKY } from "../data/types";
import type { Cells, Hit } from "./search-hits";
import type { IxScan } from "./search-ixscans";

// The page as the columns read it.
export interface HitTable {
  all: boolean; // over all scans: a Scan column and group rows
  hit: (k: number) => Hit;
  scan: (g: number) => IxScan;
  groupCount: (g: number) => number;
  cellsOf: (k: number) => Cells | null; // null (and the chunk asked for) until loaded
  moduleOf: (x: Hit) => string;
  isFP: (x: Hit) => boolean;
}

// dataOf is a hit's data, "" while neither the index nor its chunk said.
export function dataOf(x: Hit): string {
  return x.d ?? x.x?.d ?? "";
}

export function hitColumns(o: HitTable): Column[] {
  const cols: Column[] = [];
  if (o.all) cols.push(scanColumn((k) => o.scan(o.hit(k).s), (g) => ({ scan: o.scan(g), matches: o.groupCount(g) })));
  const c = (k: number): Cells => o.cellsOf(k)!;
  const lazy = elementColumns({
    data: (k) => dataOf(o.hit(k)),
    source: (k) => c(k).sd,
    module: (k) => o.moduleOf(o.hit(k)),
    time: (k) => c(k).t,
    fp: (k) => o.isFP(o.hit(k)),
  });
  // Item -1 renders a blank cell: what a row shows until its chunk arrives.
  for (const col of lazy) {
    const render = col.render;
    col.render = (cell, k) => render(cell, k >= 0 && (col.key !== "data" || o.hit(k).d === null) && !o.cellsOf(k) ? -1 : k);
  }
  cols.push(typeColumn((k) => String(o.hit(k).ty.info.descr ?? "")), ...lazy);
  return cols;
}

// rowClass: a false positive, a risky row, or a row still waiting for its chunk.
export function rowClass(x: Hit, isFP: (x: Hit) => boolean): string {
  if (!x.x) return "is-pending";
  return (isFP(x) ? "is-fp" : "") + (x.x.f & FLAG_RISKY ? " is-risky" : "");
}

// hitCmp orders hits by a column (ties: the caller keeps display order).
export function hitCmp(key: string, moduleOf: (x: Hit) => string, isFP: (x: Hit) => boolean): (a: Hit, b: Hit) => number {
  switch (key) {
    case "data":
      return (a, b) => strCmp(dataOf(a), dataOf(b));
    case "source":
      return (a, b) => strCmp(a.x?.sd ?? "", b.x?.sd ?? "");
    case "module":
      return (a, b) => strCmp(moduleOf(a).toLowerCase(), moduleOf(b).toLowerCase());
    case "time":
      return (a, b) => (a.x?.t ?? 0) - (b.x?.t ?? 0);
    case "fp":
      return (a, b) => Number(isFP(a)) - Number(isFP(b));
    case "type":
      return (a, b) => strCmp(String(a.ty.info.descr ?? ""), String(b.ty.info.descr ?? ""));
  }
  return () => 0;
}

// needsCells says which hits need their cells before the table can be
// laid out: every hit for a sort by source, module or time; those whose
// data the index did not give for a sort by data; and, for a sort by F/P
// or while false positives are hidden, those of types with false
// positives (fp.js names elements by their index, which only the chunk
// gives; the manifest counts each type's false positives).
export function needsCells(sortKey: string | null, hide: boolean, scans: readonly IxScan[]): ((h: Hit) => boolean) | null {
  const fpType = (h: Hit) => (Number(h.ty.info.fp) || 0) > 0 && scans[h.s].fp.size > 0;
  const bySort = sortKey === "source" || sortKey === "module" || sortKey === "time" ? () => true : sortKey === "data" ? (h: Hit) => h.d === null : sortKey === "fp" ? fpType : null;
  if (hide) return bySort ? (h) => bySort(h) || fpType(h) : fpType;
  return bySort;
}
