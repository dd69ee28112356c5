// The hits of the indexed search pages (pages/search-indexed.ts) and their
// display cells. The index gives a hit's scan, type and row, and (when it
// matched by its data) its data; the other cells (source, module, time,
// risk, flags, element id and index) are in the display chunk holding the
// row, loaded lazily: for the rows in or near view, for every hit before a
// sort that needs them, and for the detail panel.
//
// Memory: a search may find millions of rows, so a hit is one number (its
// display key), not an object, held in 4 bytes in pages that grow with the
// hits (HitList); the data strings the
// index gave are kept only while the hits are few (DATA_MAX); the cells
// a sort or the hidden false positives need are read into typed columns
// (HitCols) by hit position; the table's cells are kept for a few
// thousand rows; and chunks are cached, a few.

import { loadFrom } from "./search-corpus";
import { PARALLEL, type IxScan, type IxType } from "./search-ixscans";
import type { ChunkRef, ElementChunk } from "../data/types";

// Chunks kept between searches (about 2–4 MB of heap each): enough for
// the rows in view; a sort reads what it needs from each chunk at once.
const CHUNK_CACHE = 8;
// Cells of rows kept for the table (rows in and near view, the detail).
const CELLS_KEPT = 4096;
// Data strings the index gave are kept while the hits are this few; past
// that the table takes every hit's data from its display chunk, as its
// other cells (a string per hit would hold hundreds of MB for millions).
export const DATA_MAX = 100_000;

// A hit is a number, its display key: (scan × TYPE_MAX + the type's
// position in the manifest) × ROW_MAX + the row among its type's rows, so
// ascending keys are display order (exact as a double: below 2^53).
export const ROW_MAX = 2 ** 26;
export const TYPE_MAX = 2 ** 11;
const SCAN_MAX = 2 ** 16; // keys stay below 2^53: exact

// hitKey gives the display key of a row; it throws past the limits.
export function hitKey(s: number, pos: number, row: number): number {
  if (s >= SCAN_MAX || pos >= TYPE_MAX || row >= ROW_MAX) throw new Error(`The search results cannot hold row ${row} of type ${pos} of scan ${s} (at most ${SCAN_MAX} scans, ${TYPE_MAX} types, ${ROW_MAX} rows of a type).`);
  return (s * TYPE_MAX + pos) * ROW_MAX + row;
}

export function keyScan(key: number): number {
  return Math.floor(key / (TYPE_MAX * ROW_MAX));
}

export function keyPos(key: number): number {
  return Math.floor(key / ROW_MAX) % TYPE_MAX;
}

export function keyRow(key: number): number {
  return key % ROW_MAX;
}

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

// cellsAt reads row x of a chunk.
export function cellsAt(c: ElementChunk, x: number): Cells {
  return { d: String(c.d[x]), sd: String(c.sd[x]), m: c.m[x] | 0, t: +c.t[x] || 0, r: c.r[x] | 0, f: c.f[x] | 0, id: String(c.id[x]), i: c.i[x] | 0 };
}

// own is a copy of s that holds only its own characters. A string JSON.parse
// gave may be a slice of the whole text parsed (V8 slices strings of 13
// characters or more): kept, it would keep its dictionary block's text (a
// few hundred KB) after the block is dropped.
function own(s: string): string {
  return (" " + s).slice(1);
}

// Hits are held in pages of PAGE keys (64 KB as Uint32), so that growing
// adds a page and never copies the hits found before.
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;
// A key is hi × 2^32 + lo: lo (the row and the type position's low 6
// bits) is held per hit, hi (the scan and the rest of the type position)
// once per run of hits that share it; sorted keys have few runs (about
// one a scan), so a hit costs 4 bytes.
const LO = 2 ** 32;
// A merge moves old hits as a block past this many in a row.
const GALLOP = 8;
// Pages of fresh hits kept for the next ones after a merge.
const FRESH_KEPT = 4;

// HitList holds one search's hits: their keys ascending, no repeats
// (key(0..n)), those found since the last merge (any order, maybe
// repeated), and the data the index gave while the hits are few.
export class HitList {
  n = 0;
  ver = 0; // changes when keys do
  data: Map<number, string> | null = new Map(); // key → data; null once dropped
  // lo[p][x]: the low 32 bits of hit p × PAGE + x's key.
  private lo: Uint32Array[] = [];
  // Runs of hits sharing their key's high bits: run r holds the hits from
  // start[r] to start[r + 1] (n for the last), their keys' hi[r].
  private hi: number[] = [];
  private start: number[] = [];
  // pageRun[p]: the run of page p's first hit; pageBase[p]: hi × 2^32 of
  // its run when the page holds no other, else -1.
  private pageRun = new Int32Array(0);
  private pageBase = new Float64Array(0);
  // Hits found since the last merge, fn of them, in pages of PAGE.
  private fresh: Float64Array[] = [];
  private fn = 0;
  private cols: HitCols | null = null;

  constructor(private readonly dataMax = DATA_MAX) {}

  // key is the key of hit k (0 ≤ k < n), in display order; NaN past them.
  key(k: number): number {
    const b = this.pageBase[k >>> PAGE_BITS];
    return b >= 0 && k < this.n ? b + this.lo[k >>> PAGE_BITS][k & MASK] : this.keyIn(k);
  }

  // keyIn is key(k) on a page of more than one run (or past the hits).
  private keyIn(k: number): number {
    if (!(k >= 0 && k < this.n)) return NaN;
    const p = k >>> PAGE_BITS;
    const st = this.start;
    let r = this.pageRun[p];
    while (r + 1 < st.length && st[r + 1] <= k) r++;
    return this.hi[r] * LO + this.lo[p][k & MASK];
  }

  // bytes is what the hits hold in typed arrays (tests and benchmarks).
  bytes(): number {
    return this.lo.length * PAGE * 4 + this.fresh.length * PAGE * 8 + this.pageRun.byteLength + this.pageBase.byteLength;
  }

  // add takes a hit, with its data when it matched by its data.
  add(key: number, d: string | null): void {
    const p = this.fn >>> PAGE_BITS;
    if (p === this.fresh.length) this.fresh.push(new Float64Array(PAGE));
    this.fresh[p][this.fn & MASK] = key;
    this.fn++;
    if (d !== null && this.data) {
      this.data.set(key, own(d));
      if (this.data.size > this.dataMax) this.data = null;
    }
  }

  // found is how many hits were taken (some may be repeats not merged yet).
  found(): number {
    return this.n + this.fn;
  }

  pending(): boolean {
    return this.fn > 0;
  }

  // merge sorts the hits found since the last merge into the keys, in
  // place (from the end, as a merge sort's last step, over pages added
  // for them); true when the keys changed. Each page of fresh hits is
  // sorted alone; a heap gives the greatest of their heads.
  merge(): boolean {
    const m = this.fn;
    if (m === 0) return false;
    const runs: Float64Array[] = [];
    for (let p = 0; p * PAGE < m; p++) runs.push(this.fresh[p].subarray(0, Math.min(PAGE, m - p * PAGE)).sort());
    const heap = new FreshHeap(runs);
    const n = this.n;
    const lo = this.lo;
    while (lo.length * PAGE < n + m) lo.push(new Uint32Array(PAGE));
    const st = this.start;
    const his = this.hi;
    // i: the old hit read next (its run ri, from st[ri] = rs; its key
    // oh × 2^32 + ol = ok); w: the position written next; the runs
    // written, last first: their hi and start (known when the next begins).
    let i = n - 1;
    let ri = st.length - 1;
    let rs = i >= 0 ? st[ri] : 0;
    let oh = i >= 0 ? his[ri] : 0;
    let ol = i >= 0 ? lo[i >>> PAGE_BITS][i & MASK] : 0;
    let ok = i >= 0 ? oh * LO + ol : -1;
    let w = n + m - 1;
    let last = -1;
    const outHi: number[] = [];
    const outStart: number[] = [];
    let curHi = -1;
    let f = heap.top(); // the greatest fresh hit left; -1: none (keys are ≥ 0)
    while (f >= 0) {
      if (ok >= f) {
        const fl = f - oh * LO; // f's low bits in this run's terms
        let top = i;
        if (i - GALLOP >= rs && lo[(i - GALLOP) >>> PAGE_BITS][(i - GALLOP) & MASK] >= fl) {
          // Many old hits of this run are f or more (from top to i): they
          // move up as a block, top found by a galloping search.
          let step = GALLOP;
          top = i - step;
          while (i - 2 * step >= rs && lo[(i - 2 * step) >>> PAGE_BITS][(i - 2 * step) & MASK] >= fl) {
            step *= 2;
            top = i - step;
          }
          let a = Math.max(rs, i - 2 * step + 1);
          while (a < top) {
            const mid = (a + top) >>> 1;
            if (lo[mid >>> PAGE_BITS][mid & MASK] >= fl) top = mid;
            else a = mid + 1;
          }
        }
        const len = i - top + 1;
        if (oh !== curHi) {
          if (outHi.length > 0) outStart.push(w + 1);
          outHi.push(oh);
          curHi = oh;
        }
        if (len === 1) {
          lo[w >>> PAGE_BITS][w & MASK] = ol;
          last = ok;
        } else {
          last = oh * LO + lo[top >>> PAGE_BITS][top & MASK];
          if (w !== i) moveUp(lo, top, w - len + 1, len);
        }
        w -= len;
        i = top - 1;
        if (i >= 0) {
          if (i < rs) {
            rs = st[--ri];
            oh = his[ri];
          }
          ol = lo[i >>> PAGE_BITS][i & MASK];
          ok = oh * LO + ol;
        } else ok = -1;
        continue;
      }
      const key = f;
      f = heap.pop();
      if (key === last) continue; // a repeat (of an old hit or a fresh one)
      const h = Math.floor(key / LO);
      const l = key - h * LO;
      last = key;
      lo[w >>> PAGE_BITS][w & MASK] = l;
      if (h !== curHi) {
        if (outHi.length > 0) outStart.push(w + 1);
        outHi.push(h);
        curHi = h;
      }
      w--;
    }
    if (outHi.length > 0) outStart.push(w + 1);
    // Old hits 0..i are in place (the runs up to ri hold them); repeats
    // left a gap between them and the merged hits from w + 1 on: close it.
    const gap = w - i;
    const end = n + m;
    if (gap > 0) moveDown(lo, w + 1, i + 1, end - w - 1);
    this.n = end - gap;
    const keep = i >= 0 ? ri + 1 : 0;
    st.length = keep;
    his.length = keep;
    for (let r = outHi.length - 1; r >= 0; r--) {
      if (his.length > 0 && his[his.length - 1] === outHi[r]) continue;
      his.push(outHi[r]);
      st.push(outStart[r] - gap);
    }
    lo.length = (this.n + PAGE - 1) >>> PAGE_BITS;
    if (this.pageRun.length !== lo.length) {
      this.pageRun = new Int32Array(lo.length);
      this.pageBase = new Float64Array(lo.length);
    }
    let r = 0;
    for (let p = 0; p < lo.length; p++) {
      while (r + 1 < st.length && st[r + 1] <= p * PAGE) r++;
      this.pageRun[p] = r;
      this.pageBase[p] = r + 1 < st.length && st[r + 1] < (p + 1) * PAGE ? -1 : his[r] * LO;
    }
    this.fn = 0;
    if (this.fresh.length > FRESH_KEPT) this.fresh.length = FRESH_KEPT;
    this.ver++;
    return true;
  }

  // columns gives the cells read for every hit (a sort, the false
  // positives hidden) of the keys as they are now.
  columns(): HitCols {
    if (!this.cols || this.cols.ver !== this.ver) this.cols = new HitCols(this.ver, this.n);
    return this.cols;
  }

  // colsNow is columns() when they are of the keys as they are now.
  colsNow(): HitCols | null {
    return this.cols && this.cols.ver === this.ver ? this.cols : null;
  }

  // dataKnown is a hit's data the index gave (or a column holds), else null.
  dataKnown(k: number): string | null {
    const d = this.data?.get(this.key(k));
    if (d !== undefined) return d;
    const c = this.colsNow();
    return c && c.got[k] & COL_DATA ? c.data![k] : null;
  }
}

// moveDown moves count values of paged arrays from position from down to
// position to (to < from), in order, a page's stretch at a time.
function moveDown(pages: Uint32Array[], from: number, to: number, count: number): void {
  while (count > 0) {
    const sp = from >>> PAGE_BITS;
    const sx = from & MASK;
    const dp = to >>> PAGE_BITS;
    const dx = to & MASK;
    const len = Math.min(count, PAGE - sx, PAGE - dx);
    if (sp === dp) pages[dp].copyWithin(dx, sx, sx + len);
    else pages[dp].set(pages[sp].subarray(sx, sx + len), dx);
    from += len;
    to += len;
    count -= len;
  }
}

// moveUp moves count values of paged arrays from position from up to
// position to (to > from), from the last, a page's stretch at a time.
function moveUp(pages: Uint32Array[], from: number, to: number, count: number): void {
  let se = from + count; // the end of the values left to move, and of where they go
  let de = to + count;
  while (count > 0) {
    const sp = (se - 1) >>> PAGE_BITS;
    const dp = (de - 1) >>> PAGE_BITS;
    const sx = ((se - 1) & MASK) + 1;
    const dx = ((de - 1) & MASK) + 1;
    const len = Math.min(count, sx, dx);
    if (sp === dp) pages[dp].copyWithin(dx - len, sx - len, sx);
    else pages[dp].set(pages[sp].subarray(sx - len, sx), dx - len);
    se -= len;
    de -= len;
    count -= len;
  }
}

// FreshHeap gives the greatest unread value of sorted runs, read from
// their ends: a max-heap of the runs (hr) by their last unread value (hv).
class FreshHeap {
  private readonly at: Int32Array; // next unread position of each run
  private readonly hv: Float64Array;
  private readonly hr: Int32Array;
  private len = 0;

  constructor(private readonly runs: Float64Array[]) {
    this.at = new Int32Array(runs.length);
    this.hv = new Float64Array(runs.length);
    this.hr = new Int32Array(runs.length);
    runs.forEach((r, k) => {
      this.at[k] = r.length - 1;
      if (r.length === 0) return;
      this.hv[this.len] = r[r.length - 1];
      this.hr[this.len++] = k;
    });
    for (let k = (this.len >> 1) - 1; k >= 0; k--) this.down(k);
  }

  // top is the greatest unread value; -1 when none is left.
  top(): number {
    return this.len > 0 ? this.hv[0] : -1;
  }

  // pop reads the greatest value and gives the next one (top()).
  pop(): number {
    const r = this.hr[0];
    const x = --this.at[r];
    if (x >= 0) this.hv[0] = this.runs[r][x];
    else {
      if (--this.len === 0) return -1;
      this.hv[0] = this.hv[this.len];
      this.hr[0] = this.hr[this.len];
    }
    if (this.len > 1) this.down(0);
    return this.hv[0];
  }

  private down(k: number): void {
    const hv = this.hv;
    const hr = this.hr;
    const n = this.len;
    const v = hv[k];
    const r = hr[k];
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      if (c + 1 < n && hv[c + 1] > hv[c]) c++;
      if (hv[c] <= v) break;
      hv[k] = hv[c];
      hr[k] = hr[c];
      k = c;
    }
    hv[k] = v;
    hr[k] = r;
  }
}

// Columns of cells read for every hit that needs them (by hit position):
// what a sort by them, or hiding the false positives, needs.
export const COL_FP = 1;
export const COL_TIME = 2;
export const COL_MOD = 4;
export const COL_SRC = 8;
export const COL_DATA = 16;

export class HitCols {
  readonly got: Uint8Array; // the columns read, by hit
  fp: Uint8Array | null = null; // 1: a false positive
  time: Float64Array | null = null;
  mod: Int32Array | null = null;
  src: string[] | null = null;
  data: string[] | null = null;

  constructor(
    readonly ver: number,
    readonly n: number,
  ) {
    this.got = new Uint8Array(n);
  }

  // read reads the columns of mask for hit k from row x of its chunk.
  read(k: number, c: ElementChunk, x: number, mask: number, fp: Set<number>): void {
    if (mask & COL_FP) (this.fp ??= new Uint8Array(this.n))[k] = fp.has(c.i[x] | 0) ? 1 : 0;
    if (mask & COL_TIME) (this.time ??= new Float64Array(this.n))[k] = +c.t[x] || 0;
    if (mask & COL_MOD) (this.mod ??= new Int32Array(this.n))[k] = c.m[x] | 0;
    if (mask & COL_SRC) (this.src ??= new Array<string>(this.n).fill(""))[k] = String(c.sd[x]);
    if (mask & COL_DATA) (this.data ??= new Array<string>(this.n).fill(""))[k] = String(c.d[x]);
    this.got[k] |= mask;
  }
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

// Need is one chunk some hits need: the hits [from, to) are in it.
interface Need {
  sc: IxScan;
  ty: IxType;
  ref: ChunkRef;
  from: number;
  to: number;
}

// CellLoader loads the chunks hits need: for the rows in view (want, the
// newest asked first, PARALLEL at a time), or for every hit that needs a
// column (fill, with progress); it keeps the cells of the rows the table
// asked for, a few thousand.
export class CellLoader {
  private readonly queue = new Map<string, { sc: IxScan; ty: IxType; ref: ChunkRef }>();
  private inFlight = 0;
  private readonly kept = new Map<number, Cells>(); // key → cells, oldest first

  constructor(
    private readonly chunks: ChunkCache,
    private readonly scans: () => readonly IxScan[],
    // A chunk has loaded: the page fills its hits and repaints.
    private readonly arrived: () => void,
    // A chunk failed to load.
    private readonly failed: (sc: IxScan, e: Error) => void,
  ) {}

  // forget drops the cells kept (a new search: the scans may have changed).
  forget(): void {
    this.kept.clear();
  }

  // where finds the scan, type and chunk of a key; null when the scans
  // read now do not hold it.
  where(key: number): { sc: IxScan; ty: IxType; ref: ChunkRef; x: number } | null {
    const sc = this.scans()[keyScan(key)];
    const ty = sc?.types[keyPos(key)];
    const row = keyRow(key);
    const ref = ty ? chunkOf(ty, row) : null;
    return ref ? { sc, ty: ty!, ref, x: row - (ref.s ?? 0) } : null;
  }

  // now gives a hit's cells when its chunk is kept (or they are), else null.
  now(key: number): Cells | null {
    const have = this.kept.get(key);
    if (have) return have;
    const w = this.where(key);
    const c = w ? this.chunks.now(w.sc, w.ref) : null;
    if (!w || !c || w.x < 0 || w.x >= c.n) return null;
    const x = cellsAt(c, w.x);
    this.kept.set(key, x);
    if (this.kept.size > CELLS_KEPT) this.kept.delete(this.kept.keys().next().value as number);
    return x;
  }

  // peek gives a hit's cells when they are kept (cheap: for sorts and
  // filters over every hit while a search runs), else null.
  peek(key: number): Cells | null {
    return this.kept.get(key) ?? null;
  }

  // want asks for a hit's chunk.
  want(key: number): void {
    const w = this.where(key);
    if (!w) return;
    const ck = chunkKey(w.sc, w.ref);
    this.queue.delete(ck);
    this.queue.set(ck, { sc: w.sc, ty: w.ty, ref: w.ref }); // newest last
    this.pump();
  }

  // load gives a hit's cells, loading its chunk when needed.
  async load(key: number): Promise<Cells | null> {
    const w = this.where(key);
    if (!w) return null;
    const c = await this.chunks.get(w.sc, w.ty, w.ref);
    if (w.x < 0 || w.x >= c.n) return null;
    return this.now(key) ?? cellsAt(c, w.x);
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

  // fill reads into cols the columns need(k) names for each of the hits
  // that lacks them, loading their chunks PARALLEL at a time
  // (the hits of a chunk are consecutive keys); progress(done, total)
  // after each; false when current() turns false (a newer search or sort).
  async fill(hits: HitList, cols: HitCols, need: (k: number) => number, progress: (done: number, total: number) => void, current: () => boolean): Promise<boolean> {
    const list: Need[] = [];
    let last: Need | null = null;
    for (let k = 0; k < cols.n; k++) {
      if ((need(k) & ~cols.got[k]) === 0) continue;
      const key = hits.key(k);
      const s = keyScan(key);
      const pos = keyPos(key);
      const row = keyRow(key);
      if (last && last.sc.index === s && last.ty.pos === pos && row >= (last.ref.s ?? 0) && row < (last.ref.s ?? 0) + last.ref.n) {
        last.to = k + 1;
        continue;
      }
      const w = this.where(key);
      if (!w) continue;
      last = { sc: w.sc, ty: w.ty, ref: w.ref, from: k, to: k + 1 };
      list.push(last);
    }
    let done = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < list.length && current()) {
        const n = list[next++];
        try {
          const c = await this.chunks.get(n.sc, n.ty, n.ref);
          // This chunk's hits are read now, before the cache may drop it.
          const s0 = n.ref.s ?? 0;
          for (let k = n.from; k < n.to; k++) {
            const m = need(k) & ~cols.got[k];
            const x = keyRow(hits.key(k)) - s0;
            if (m !== 0 && x >= 0 && x < c.n) cols.read(k, c, x, m, n.sc.fp);
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
