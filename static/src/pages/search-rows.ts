// The row filter of the loading search pages (pages/search-page.ts): what
// a link from the overview asks the page to show without a query —
// #only=risky|fp, #module=NAME, #from=MS&to=MS (Unix ms, to exclusive).
// Pure: no DOM, tested by make test-node.

import { utc } from "../ui/format";

export interface RowFilter {
  only: "" | "risky" | "fp";
  module: string | null;
  from: number; // -1: no time span
  to: number;
}

// What the filter looks at of a row.
export interface FilterRow {
  risky: boolean;
  fp: boolean;
  module: string;
  time: number; // Unix ms, 0 when unknown
}

// readRowFilter reads the filter from a page fragment's parameters; null
// when it asks for none.
export function readRowFilter(p: URLSearchParams): RowFilter | null {
  const o = p.get("only");
  const only = o === "risky" || o === "fp" ? o : "";
  const module = p.get("module");
  const from = Number(p.get("from") ?? "");
  const to = Number(p.get("to") ?? "");
  const span = p.has("from") && p.has("to") && Number.isFinite(from) && Number.isFinite(to) && to > from && from >= 0;
  if (only === "" && module === null && !span) return null;
  return { only, module, from: span ? from : -1, to: span ? to : -1 };
}

// writeRowFilter writes f into a fragment's parameters.
export function writeRowFilter(p: URLSearchParams, f: RowFilter | null): void {
  if (!f) return;
  if (f.only) p.set("only", f.only);
  if (f.module !== null) p.set("module", f.module);
  if (f.from >= 0) {
    p.set("from", String(f.from));
    p.set("to", String(f.to));
  }
}

// rowFilterKey tells two filters apart.
export function rowFilterKey(f: RowFilter | null): string {
  return f ? JSON.stringify(f) : "";
}

// rowPasses reports whether a row is one the filter keeps.
export function rowPasses(f: RowFilter, row: FilterRow): boolean {
  if (f.only === "risky" && !row.risky) return false;
  if (f.only === "fp" && !row.fp) return false;
  if (f.module !== null && row.module !== f.module) return false;
  if (f.from >= 0) {
    // The second it was identified in, as the overview's timeline counts.
    const t = row.time;
    const k = Math.floor(t / 1000) * 1000;
    if (!(t > 0 && k >= f.from && k < f.to)) return false;
  }
  return true;
}

// describeRowFilter says which rows the filter keeps ("risky elements",
// "found by module X", "identified … UTC"), to be joined with commas.
export function describeRowFilter(f: RowFilter): string[] {
  const what: string[] = [];
  if (f.only === "risky") what.push("risky elements");
  if (f.only === "fp") what.push("false positives");
  if (f.module !== null) what.push(`found by module ${f.module}`);
  if (f.from >= 0) what.push(`identified ${utc(f.from)} – ${utc(f.to)} UTC`);
  return what;
}
