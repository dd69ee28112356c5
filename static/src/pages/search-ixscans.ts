// The scans the indexed search pages (pages/search-indexed.ts) search: each
// scan's manifest, index head (search/ixread.ts) and false positives, read
// when the page loads and read afresh for a live update. The list of scans
// is the page's; these functions fill and reorder it.

import { clearNotice, notice } from "../ui/dom";
import { freshIndex, type FileBudget, type ScanIndex } from "../search/ixread";
import { loadFrom } from "./search-corpus";
import { FPRows } from "./search-fprows";
import type { ChunkRef, Manifest, ScanEntry, ScansList, TypeInfo } from "../data/types";

export const PARALLEL = 6; // data files in flight
const SCAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const FOLDER = /^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*$/;

export interface IxType {
  info: TypeInfo;
  pos: number; // position in the manifest's types (display order)
  chunks: ChunkRef[]; // by start row
  rows: number; // rows the chunks hold
  covered: number; // rows the index and its segments cover
}

export interface IxScan {
  index: number;
  id: string;
  name: string;
  target: string;
  folder: string;
  pages: string;
  m: Manifest | null;
  ix: ScanIndex | null;
  fresh: () => Promise<ScanIndex | null>; // the index as ix.js says now
  types: IxType[]; // in manifest order
  byIx: Array<IxType | undefined>; // by the type's number in the index

  fp: Set<number>; // the false positives by element index (fp.js "i")
  // The false positives by type position and row (fp.js "r"); null for a
  // site whose fp.js lacks them: a hit then needs its display chunk.
  fpRows: FPRows | null;
  error: string;
}

// stamp is a query that makes the browser load a file afresh.
function stamp(): string {
  return "v=" + String(Date.now());
}

// loadOne adds this page's scan (body data-scan, data-data); it returns the
// elements it added.
export async function loadOne(scans: IxScan[], host: HTMLElement, budget: FileBudget, setProgress: (t: string) => void): Promise<number> {
  const id = document.body.getAttribute("data-scan") ?? "";
  const folder = document.body.getAttribute("data-data") ?? "";
  if (!SCAN_ID.test(id) || !FOLDER.test(folder)) throw new Error("This page has no valid scan data folder.");
  setProgress("Loading the scan's search index…");
  return addScan(scans, host, budget, id, id, "", folder, "");
}

// loadList adds the scans data/scans.js lists, in its order; it returns
// the elements it added.
export async function loadList(scans: IxScan[], host: HTMLElement, budget: FileBudget, setProgress: (t: string) => void): Promise<number> {
  setProgress("Loading the list of scans…");
  const p = await loadFrom("data/", "scans.js");
  if (p.k !== "scans") throw new Error("data/scans.js holds no list of scans.");
  const list = (p as ScansList).scans.filter((e) => SCAN_ID.test(String(e.id)) && e.data === "scans/" + String(e.id) + "/data/");
  let k = 0;
  let added = 0;
  const next = async (): Promise<void> => {
    while (k < list.length) {
      const e = list[k++];
      const n = await addScan(scans, host, budget, String(e.id), String(e.name ?? e.id), String(e.target ?? ""), e.data, "scans/" + String(e.id) + "/");
      added += n; // after the await: the loaders run side by side
    }
  };
  // Keep the list's order: scans are made first, then filled.
  await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, next));
  scans.sort((a, b) => list.findIndex((e) => e.id === a.id) - list.findIndex((e) => e.id === b.id));
  scans.forEach((sc, i) => (sc.index = i));
  return added;
}

// addScan adds a scan to scans and reads it; it returns its elements. The
// index files every scan keeps count against one budget.
async function addScan(scans: IxScan[], host: HTMLElement, budget: FileBudget, id: string, name: string, target: string, folder: string, pages: string): Promise<number> {
  const fresh = freshIndex(id, (f, q) => loadFrom(folder, f, q, true), budget);
  const sc: IxScan = { index: scans.length, id, name: name || id, target, folder, pages, m: null, ix: null, fresh, types: [], byIx: [], fp: new Set(), fpRows: null, error: "" };
  scans.push(sc);
  await readScan(sc, host, "");
  return Number(sc.m?.count) || 0;
}

// readScan reads a scan's manifest (query: "" or a stamp to read it
// afresh), index head and false positives, and lays out its types.
async function readScan(sc: IxScan, host: HTMLElement, query: string): Promise<void> {
  try {
    const mp = await loadFrom(sc.folder, "manifest.js", query);
    if (mp.k !== "manifest" || mp.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
    sc.m = mp;
    // No index (an older site): this scan is scanned.
    sc.ix = await sc.fresh();
    const ix = sc.ix;
    sc.types = [];
    sc.byIx = [];
    mp.types.forEach((t, pos) => {
      const k = ix ? (ix.typeNo.get(t.slug) ?? -1) : -1;
      const chunks = t.chunks.slice().sort((a, b) => (a.s ?? 0) - (b.s ?? 0));
      const rows = chunks.reduce((a, c) => Math.max(a, (c.s ?? 0) + c.n), 0);
      const ty: IxType = { info: t, pos, chunks, rows, covered: k >= 0 ? ix!.types[k].c : 0 };
      sc.types.push(ty);
      if (k >= 0) sc.byIx[k] = ty;
    });
    const slugs = mp.types.map((t) => String(t.slug));
    sc.fp = new Set();
    sc.fpRows = FPRows.from({}, slugs);
    if (mp.fp && mp.fp.n > 0) {
      const fp = await loadFrom(sc.folder, String(mp.fp.f), query);
      if (fp.k === "fp" && fp.scan === sc.id) {
        sc.fp = new Set(fp.i);
        sc.fpRows = FPRows.from(fp.r, slugs);
      }
    }
    sc.error = "";
    clearNotice(host, "scan-" + sc.index);
  } catch (e) {
    sc.error = (e as Error).message;
    notice(host, `${sc.name}: ${sc.error}`, "error", "scan-" + sc.index);
  }
}

// refreshScans reads afresh the scans whose files may have changed (only:
// these; else every scan on the preview server (serving), a running one
// on a built site); false when none was due.
export async function refreshScans(scans: IxScan[], host: HTMLElement, serving: boolean, only: Set<string> | null): Promise<boolean> {
  const q = stamp();
  const due = scans.filter((sc) => (only ? only.has(sc.id) : serving || (sc.m !== null && !sc.m.done)));
  await Promise.all(due.map((sc) => readScan(sc, host, q)));
  return due.length > 0;
}

// syncScans makes scans the scans of list, in its order: scans no longer
// in it are dropped (with a notice), new ones added and read. It returns
// the elements it added.
export async function syncScans(scans: IxScan[], host: HTMLElement, budget: FileBudget, list: ScanEntry[]): Promise<number> {
  const want = list.filter((e) => SCAN_ID.test(String(e.id)) && e.data === "scans/" + String(e.id) + "/data/");
  const ids = new Set(want.map((e) => String(e.id)));
  const kept = scans.filter((sc) => ids.has(sc.id));
  for (const sc of scans) {
    if (!ids.has(sc.id)) notice(host, `${sc.name} is no longer in the scans folder: its elements are left out of the results.`, "info", "gone-" + sc.id);
  }
  scans.length = 0;
  scans.push(...kept);
  scans.forEach((sc, i) => (sc.index = i));
  let added = 0;
  for (const e of want) {
    clearNotice(host, "gone-" + String(e.id));
    if (!scans.some((sc) => sc.id === String(e.id))) {
      const n = await addScan(scans, host, budget, String(e.id), String(e.name ?? e.id), String(e.target ?? ""), e.data, "scans/" + String(e.id) + "/");
      added += n;
    }
  }
  scans.sort((a, b) => want.findIndex((e) => String(e.id) === a.id) - want.findIndex((e) => String(e.id) === b.id));
  scans.forEach((sc, i) => (sc.index = i));
  return added;
}
