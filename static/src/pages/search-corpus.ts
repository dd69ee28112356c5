// The corpus of the loading search pages (pages/search-page.ts): every
// loaded element of every scan, as global rows over per-type stores, and
// the loading of data files from any scan's folder. Data files are classic
// scripts (file:// allows nothing else); a payload is told apart by the
// script that delivered it (document.currentScript inside the registry's
// listener).

import { runScript } from "../data/registry";
import { ElementStore } from "../data/store";
import type { ChunkRef, ElementChunk, Manifest, Payload, TypeInfo } from "../data/types";
import type { SearchSource } from "../search/engine";

const PARALLEL = 4; // data files in flight
// A scan id and a data folder as data/scans.js may name them.
export const SCAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.js$/;
export const FOLDER = /^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*$/;
const QUERY = /^(?:[a-z]=[0-9]+)?$/;

// ---- loading data files from any scan's folder ----



// loadFrom runs the data file folder+file and resolves with its payload;
// query (a live update's "v=…", "g=…" or "t=…") makes the browser ask afresh.
// fetchWhenServed: fetched, not run, on a page served over http(s) (the
// search index's files: data/registry.ts runScript).
export function loadFrom(folder: string, file: string, query = "", fetchWhenServed = false): Promise<Payload> {
  if (!FOLDER.test(folder) || !FILE_NAME.test(file) || !QUERY.test(query)) return Promise.reject(new Error(`${folder}${file} is not a data file of this site.`));
  return runScript(folder + file + (query ? "?" + query : ""), fetchWhenServed).then(
    (p) => p ?? Promise.reject(new Error(`The data file ${folder}${file} holds no data.`)),
    () => Promise.reject(new Error(`The data file ${folder}${file} is missing or unreadable (was the report copied completely?).`)),
  );
}

// loadFiles loads files with up to PARALLEL in flight and hands each
// payload to each() in order. It stops at the first failure.
export async function loadFiles(folder: string, files: string[], each: (p: Payload, k: number) => void): Promise<void> {
  const started: Array<Promise<Payload> | undefined> = [];
  let next = 0;
  const more = (done: number) => {
    while (next < files.length && next - done < PARALLEL) {
      const pr = loadFrom(folder, files[next]);
      pr.catch(() => undefined); // handled in turn
      started.push(pr);
      next++;
    }
  };
  for (let k = 0; k < files.length; k++) {
    more(k);
    const p = await started[k]!;
    started[k] = undefined;
    more(k + 1);
    each(p, k);
  }
}

// ---- the corpus: every loaded element of every scan, as global rows ----

// A TypePart holds the loaded elements of one type of one scan, in the
// type's own row order (the manifest's chunk "s"), so that a chunk the
// preview server rewrote is placed over the rows it held.
export interface TypePart {
  index: number; // in Corpus.parts
  sc: ScanPart;
  ti: number; // in sc.types
  store: ElementStore;
  glob: Int32Array; // by store row: the global row
  keys: Map<string, string>; // chunk file → what the manifest said of it when loaded
}

export interface ScanPart {
  index: number;
  id: string;
  name: string;
  target: string;
  folder: string; // the scan's data/ folder, relative to this page
  pages: string; // the scan's page folder, relative to this page ("" or "scans/<id>/")
  expected: number; // elements the scan list or manifest announces
  m: Manifest | null; // the latest manifest
  // types in a stable order (a type keeps its index when a later manifest
  // lists the types in another order), with their latest facts.
  types: TypeInfo[];
  parts: TypePart[]; // by type index
  fp: Set<number> | null;
  error: string;
  gone: boolean; // no longer in the scans folder: its rows are left out
}

function grow<T extends Uint16Array | Int32Array | Uint8Array>(a: T, n: number, make: (n: number) => T): T {
  if (a.length >= n) return a;
  const b = make(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

export function chunkKey(c: ChunkRef): string {
  return `${c.s ?? ""}/${c.n}/${c.v ?? 0}`;
}

export class Corpus implements SearchSource {
  scans: ScanPart[] = [];
  parts: TypePart[] = [];
  n = 0;
  partOf = new Int32Array(0); // by global row: index into parts
  scanOf = new Uint16Array(0); // by global row
  local = new Int32Array(0); // by global row: the row in its part's store

  count(): number {
    return this.n;
  }
  data(g: number): string {
    return this.parts[this.partOf[g]].store.data[this.local[g]];
  }
  sdata(g: number): string {
    return this.parts[this.partOf[g]].store.sdata[this.local[g]];
  }
  store(g: number): ElementStore {
    return this.parts[this.partOf[g]].store;
  }
  typeOf(g: number): TypeInfo | undefined {
    const tp = this.parts[this.partOf[g]];
    return tp.sc.types[tp.ti];
  }

  // part returns the part of a scan's type, made when the type is new.
  part(sc: ScanPart, t: TypeInfo): TypePart {
    let ti = sc.types.findIndex((x) => x.slug === t.slug);
    if (ti < 0) {
      ti = sc.types.length;
      sc.types.push(t);
      const tp: TypePart = { index: this.parts.length, sc, ti, store: new ElementStore(Number(t.total) || 0), glob: new Int32Array(0), keys: new Map() };
      if (sc.fp) tp.store.setFP(sc.fp);
      sc.parts.push(tp);
      this.parts.push(tp);
      return tp;
    }
    sc.types[ti] = t;
    return sc.parts[ti];
  }

  // place puts a chunk at its rows of a part. It returns the new global
  // rows [g0, g1) and calls changed() for each run of held global rows
  // whose values changed in place.
  place(tp: TypePart, c: ElementChunk, ref: ChunkRef, changed: (from: number, to: number) => void): [number, number] {
    const r = tp.store.put(c, typeof ref.s === "number" ? ref.s : tp.store.n);
    tp.keys.set(String(ref.f), chunkKey(ref));
    const to = tp.store.n;
    const g0 = this.n;
    const g1 = g0 + (to - r.from);
    tp.glob = grow(tp.glob, to, (k) => new Int32Array(k));
    this.partOf = grow(this.partOf, g1, (k) => new Int32Array(k));
    this.scanOf = grow(this.scanOf, g1, (k) => new Uint16Array(k));
    this.local = grow(this.local, g1, (k) => new Int32Array(k));
    for (let row = r.from; row < to; row++) {
      const g = g0 + row - r.from;
      tp.glob[row] = g;
      this.partOf[g] = tp.index;
      this.scanOf[g] = tp.sc.index;
      this.local[g] = row;
    }
    this.n = g1;
    // Held rows changed in place: their global rows, in runs.
    let a = -1;
    let b = -1;
    for (let row = r.lo; row < r.hi; row++) {
      const g = tp.glob[row];
      if (g === b) b++;
      else {
        if (a >= 0) changed(a, b);
        a = g;
        b = g + 1;
      }
    }
    if (a >= 0) changed(a, b);
    return [g0, g1];
  }
}
