// The hits of the indexed search pages (pages/search-indexed.ts) and their
// display cells. The index gives a hit's scan, type, row and (when it
// matched by its data) its data; the other cells (source, module, time,
// risk, flags, element id and index) are in the display chunk holding the
// row, loaded lazily: for the rows in or near view, for every hit before a
// sort that needs them, and for the detail panel. Chunks are cached (a few)
// and a hit keeps its cells once filled.

import { loadFrom } from "./search-corpus";
import { PARALLEL, type IxScan, type IxType } from "./search-ixscans";
import type { ChunkRef, ElementChunk } from "../data/types";

// Chunks kept between searches (about 2–4 MB of heap each).
const CHUNK_CACHE = 24;
const TYPE_MULT = 2 ** 32; // hit keys: type position × TYPE_MULT + row

// Cells are a hit's row as its display chunk holds it.
export interface Cells {
  d: string;
  sd: string;
  m: number;
  t: number;
  r: number;
  f: number;
  id: string;
  i: number;
}

// A Hit is one matching row.
export interface Hit {
  s: number; // scan index
  ty: IxType;
  row: number; // the row among its type's rows
  key: number; // display order within the scan: type position, row
  d: string | null; // its data, when known before its chunk
  x: Cells | null; // its cells, once its chunk has loaded
}

export function newHit(s: number, ty: IxType, row: number, d: string | null, x: Cells | null = null): Hit {
  return { s, ty, row, key: ty.pos * TYPE_MULT + row, d: d ?? (x ? x.d : null), x };
}

// cellsAt reads row x of a chunk.
export function cellsAt(c: ElementChunk, x: number): Cells {
  return { d: String(c.d[x]), sd: String(c.sd[x]), m: c.m[x] | 0, t: +c.t[x] || 0, r: c.r[x] | 0, f: c.f[x] | 0, id: String(c.id[x]), i: c.i[x] | 0 };
}

function before(a: Hit, b: Hit): number {
  return a.s - b.s || a.key - b.key;
}

// mergeHits unites hits (in display order, no repeats) with fresh ones (any
// order, maybe repeated) into a new array in display order; of two hits of
// one row it keeps what either knows.
export function mergeHits(hits: Hit[], fresh: Hit[]): Hit[] {
  fresh.sort(before);
  const out: Hit[] = new Array<Hit>();
  let i = 0;
  let j = 0;
  const add = (h: Hit) => {
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && before(last, h) === 0) {
      last.d ??= h.d;
      last.x ??= h.x;
    } else out.push(h);
  };
  while (i < hits.length || j < fresh.length) {
    if (j >= fresh.length || (i < hits.length && before(hits[i], fresh[j]) <= 0)) add(hits[i++]);
    else add(fresh[j++]);
  }
  return out;
}

// chunkOf finds the display chunk holding a row of a type.
export function chunkOf(ty: IxType, row: number): ChunkRef | null {
  let lo = 0;
  let hi = ty.chunks.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const c = ty.chunks[m];
    const s0 = c.s ?? 0;
    if (row < s0) hi = m - 1;
    else if (row >= s0 + c.n) lo = m + 1;
    else return c;
  }
  return null;
}

function chunkKey(sc: IxScan, ref: ChunkRef): string {
  return sc.index + "/" + String(ref.f) + "/" + String(ref.v ?? 0);
}

// ChunkCache loads display chunks, or takes them from the few kept (a
// refined query often needs the same chunks); ready holds those loaded.
export class ChunkCache {
  private readonly chunks = new Map<string, Promise<ElementChunk>>();
  private readonly ready = new Map<string, ElementChunk>();
  // loaded counts the chunk files asked for (tests and benchmarks).
  loaded = 0;

  get(sc: IxScan, ty: IxType, ref: ChunkRef): Promise<ElementChunk> {
    const key = chunkKey(sc, ref);
    const have = this.chunks.get(key);
    if (have) {
      this.chunks.delete(key);
      this.chunks.set(key, have); // most recent last
      return have;
    }
    this.loaded++;
    const pr = loadFrom(sc.folder, String(ref.f), ref.v ? "v=" + String(ref.v) : "").then((p) => {
      if (p.k !== "elements" || p.scan !== sc.id || p.type !== ty.info.slug) throw new Error(`The data file ${sc.folder}${ref.f} holds other elements.`);
      if (this.chunks.get(key) === pr) this.ready.set(key, p);
      return p;
    });
    pr.catch(() => this.chunks.delete(key));
    this.chunks.set(key, pr);
    while (this.chunks.size > CHUNK_CACHE) {
      const old = this.chunks.keys().next().value as string;
      this.chunks.delete(old);
      this.ready.delete(old);
    }
    return pr;
  }

  // now is the chunk when it has loaded and is kept, else null.
  now(sc: IxScan, ref: ChunkRef): ElementChunk | null {
    return this.ready.get(chunkKey(sc, ref)) ?? null;
  }
}

// fillHit fills a hit's cells from its chunk, when kept; true when filled.
export function fillHit(h: Hit, sc: IxScan, chunks: ChunkCache): boolean {
  if (h.x) return true;
  const ref = chunkOf(h.ty, h.row);
  const c = ref ? chunks.now(sc, ref) : null;
  if (!ref || !c) return false;
  const x = h.row - (ref.s ?? 0);
  if (x < 0 || x >= c.n) return false;
  h.x = cellsAt(c, x);
  h.d ??= h.x.d;
  return true;
}

// Need is one chunk some hits need.
interface Need {
  sc: IxScan;
  ty: IxType;
  ref: ChunkRef;
}

// CellLoader loads the chunks hits need: for the rows in view (want, the
// newest asked first, PARALLEL at a time), or for a set of hits at once
// (fill, with progress).
export class CellLoader {
  private readonly queue = new Map<string, Need>();
  private inFlight = 0;

  constructor(
    private readonly chunks: ChunkCache,
    private readonly scans: () => readonly IxScan[],
    // A chunk has loaded: the page fills its hits and repaints.
    private readonly arrived: () => void,
    // A chunk failed to load.
    private readonly failed: (sc: IxScan, e: Error) => void,
  ) {}

  // want asks for a hit's chunk.
  want(h: Hit): void {
    if (h.x) return;
    const sc = this.scans()[h.s];
    const ref = chunkOf(h.ty, h.row);
    if (!sc || !ref) return;
    const key = chunkKey(sc, ref);
    this.queue.delete(key);
    this.queue.set(key, { sc, ty: h.ty, ref }); // newest last
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < PARALLEL && this.queue.size > 0) {
      const key = [...this.queue.keys()].pop() as string;
      const n = this.queue.get(key)!;
      this.queue.delete(key);
      this.inFlight++;
      this.chunks.get(n.sc, n.ty, n.ref).then(
        () => {
          this.inFlight--;
          this.arrived();
          this.pump();
        },
        (e: Error) => {
          this.inFlight--;
          this.failed(n.sc, e);
          this.pump();
        },
      );
    }
  }

  // fill loads the chunks of every hit which() picks and fills them, PARALLEL
  // at a time; progress(done, total) after each; false when current() turns
  // false (a newer search or sort).
  async fill(hits: readonly Hit[], which: (h: Hit) => boolean, progress: (done: number, total: number) => void, current: () => boolean): Promise<boolean> {
    const scans = this.scans();
    const needs = new Map<string, Need & { hits: Hit[] }>();
    for (const h of hits) {
      const sc = scans[h.s];
      if (h.x || !which(h) || fillHit(h, sc, this.chunks)) continue;
      const ref = chunkOf(h.ty, h.row);
      if (!sc || !ref) continue;
      const key = chunkKey(sc, ref);
      const n = needs.get(key);
      if (n) n.hits.push(h);
      else needs.set(key, { sc, ty: h.ty, ref, hits: [h] });
    }
    const list = [...needs.values()];
    let done = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < list.length && current()) {
        const n = list[next++];
        try {
          const c = await this.chunks.get(n.sc, n.ty, n.ref);
          // This chunk's hits are filled now, before the cache may drop it.
          for (const h of n.hits) {
            const x = h.row - (n.ref.s ?? 0);
            if (!h.x && x >= 0 && x < c.n) {
              h.x = cellsAt(c, x);
              h.d ??= h.x.d;
            }
          }
        } catch (e) {
          if (current()) this.failed(n.sc, e as Error);
        }
        if (current()) progress(++done, list.length);
      }
    };
    if (list.length > 0) progress(0, list.length);
    await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, worker));
    return current();
  }
}
