// Column stores for the element and log tables: one typed array or plain
// array per column, grown as chunks arrive; a row is a number, never an
// object, so a million rows cost a few arrays.

import { FLAG_RISKY, type ElementChunk, type LogChunk } from "./types";

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number, make: (n: number) => T): T {
  if (a.length >= n) return a;
  const b = make(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

// Placed says what ElementStore.put did.
export interface Placed {
  from: number; // first appended row (the old row count)
  lo: number; // held rows [lo, hi) changed in place
  hi: number;
}

export class ElementStore {
  n = 0;
  idx = new Int32Array(0); // element index in the scan
  src = new Int32Array(0); // index of the source element
  mod = new Int32Array(0); // module, index into the manifest's modules
  time = new Float64Array(0); // identified, Unix ms; 0 = unknown
  risk = new Uint8Array(0);
  flags = new Uint8Array(0);
  fp = new Uint8Array(0); // 1 = false positive (from fp.js)
  eid: string[] = [];
  data: string[] = [];
  sdata: string[] = [];
  private fpSet: Set<number> | null = null;
  fpCount = 0;

  constructor(expected = 0) {
    this.reserve(expected);
  }

  private reserve(n: number): void {
    this.idx = grow(this.idx, n, (k) => new Int32Array(k));
    this.src = grow(this.src, n, (k) => new Int32Array(k));
    this.mod = grow(this.mod, n, (k) => new Int32Array(k));
    this.time = grow(this.time, n, (k) => new Float64Array(k));
    this.risk = grow(this.risk, n, (k) => new Uint8Array(k));
    this.flags = grow(this.flags, n, (k) => new Uint8Array(k));
    this.fp = grow(this.fp, n, (k) => new Uint8Array(k));
  }

  // append adds a chunk's rows and returns the first new row number.
  append(c: ElementChunk): number {
    return this.put(c, this.n).from;
  }

  // put places a chunk whose first row is row start (the manifest's "s"):
  // rows already held are updated in place (a chunk rewritten by a live
  // update: an element whose source arrived later), the others appended.
  // It returns the first appended row (from; n when none) and the range
  // [lo, hi) of held rows whose values changed (lo = hi when none). A
  // chunk that starts past the end (rows missing before it) is refused.
  put(c: ElementChunk, start: number): Placed {
    const from = this.n;
    if (!(start >= 0) || start > from) throw new Error(`rows ${start}… do not follow the ${from} rows loaded`);
    const k = c.n;
    const end = start + k;
    if (end > from) this.reserve(end);
    let lo = -1;
    let hi = -1;
    for (let j = 0; j < k; j++) {
      const r = start + j;
      const d = c.d[j];
      const sd = c.sd[j];
      const id = c.id[j];
      const data = typeof d === "string" ? d : String(d);
      const sdata = typeof sd === "string" ? sd : String(sd);
      const eid = typeof id === "string" ? id : String(id);
      if (r < from) {
        const src = c.s[j] | 0;
        const flags = c.f[j] | 0;
        if (this.src[r] === src && this.flags[r] === flags && this.sdata[r] === sdata && this.data[r] === data && this.eid[r] === eid) continue;
        this.src[r] = src;
        this.flags[r] = flags;
        this.sdata[r] = sdata;
        this.data[r] = data;
        this.eid[r] = eid;
        this.mod[r] = c.m[j] | 0;
        this.time[r] = +c.t[j] || 0;
        this.risk[r] = c.r[j] | 0;
        if (lo < 0) lo = r;
        hi = r + 1;
        continue;
      }
      this.idx[r] = c.i[j] | 0;
      this.src[r] = c.s[j] | 0;
      this.mod[r] = c.m[j] | 0;
      this.time[r] = +c.t[j] || 0;
      this.risk[r] = c.r[j] | 0;
      this.flags[r] = c.f[j] | 0;
      this.data.push(data);
      this.sdata.push(sdata);
      this.eid.push(eid);
      this.fp[r] = 0;
      if (this.fpSet && this.fpSet.has(this.idx[r])) {
        this.fp[r] = 1;
        this.fpCount++;
      }
    }
    if (end > from) this.n = end;
    return { from, lo: lo < 0 ? 0 : lo, hi: lo < 0 ? 0 : hi };
  }

  // rowOf returns the row of an element index, or -1.
  rowOf(i: number): number {
    if (!this.byIdx || this.byIdxN !== this.n) {
      this.byIdx = new Map();
      for (let r = 0; r < this.n; r++) this.byIdx.set(this.idx[r], r);
      this.byIdxN = this.n;
    }
    return this.byIdx.get(i) ?? -1;
  }
  private byIdx: Map<number, number> | null = null;
  private byIdxN = 0;

  // setFP marks the rows whose element index is in ids (fp.js); a Set is
  // kept as given (several stores can share one).
  setFP(ids: number[] | Set<number>): void {
    this.fpSet = ids instanceof Set ? ids : new Set(ids);
    this.fpCount = 0;
    for (let r = 0; r < this.n; r++) {
      const v = this.fpSet.has(this.idx[r]) ? 1 : 0;
      this.fp[r] = v;
      this.fpCount += v;
    }
  }

  risky(r: number): boolean {
    return (this.flags[r] & FLAG_RISKY) !== 0;
  }
}

// Groups is the unique view: rows grouped by data value, in order of first
// arrival. Built on first use and kept up to date as rows arrive.
export class Groups {
  n = 0;
  first = new Int32Array(0); // row of the first occurrence
  count = new Int32Array(0); // occurrences
  countNF = new Int32Array(0); // occurrences that are not false positives
  risky = new Uint8Array(0); // any occurrence risky
  rowGroup = new Int32Array(0); // group of each row
  private byValue = new Map<string, number>();
  rows = 0; // rows grouped so far

  constructor(private readonly s: ElementStore) {}

  // update groups the rows that arrived since the last call and returns the
  // first new group number.
  update(): number {
    const s = this.s;
    const from = this.n;
    this.rowGroup = grow(this.rowGroup, s.n, (k) => new Int32Array(k));
    for (let r = this.rows; r < s.n; r++) {
      const v = s.data[r];
      let g = this.byValue.get(v);
      if (g === undefined) {
        g = this.n++;
        this.byValue.set(v, g);
        if (this.first.length < this.n) {
          this.first = grow(this.first, this.n, (k) => new Int32Array(k));
          this.count = grow(this.count, this.n, (k) => new Int32Array(k));
          this.countNF = grow(this.countNF, this.n, (k) => new Int32Array(k));
          this.risky = grow(this.risky, this.n, (k) => new Uint8Array(k));
        }
        this.first[g] = r;
      }
      this.rowGroup[r] = g;
      this.count[g]++;
      if (!s.fp[r]) this.countNF[g]++;
      if (s.risky(r)) this.risky[g] = 1;
    }
    this.rows = s.n;
    return from;
  }

  // recountFP recomputes the non-false-positive counts (fp.js changed).
  recountFP(): void {
    const s = this.s;
    this.countNF.fill(0);
    for (let r = 0; r < this.rows; r++) if (!s.fp[r]) this.countNF[this.rowGroup[r]]++;
  }
}

export class LogStore {
  n = 0;
  time = new Float64Array(0);
  level = new Uint8Array(0); // index into levels
  levels: string[] = [];
  comp: string[] = [];
  msg: string[] = [];
  private levelIndex = new Map<string, number>();

  append(c: LogChunk): number {
    return this.put(c, this.n);
  }

  // put places a chunk whose first line is line start (the manifest's "s")
  // and returns the first appended line. Log lines never change, so lines
  // already held are skipped; a chunk past the end is refused.
  put(c: LogChunk, start: number): number {
    const from = this.n;
    if (!(start >= 0) || start > from) throw new Error(`lines ${start}… do not follow the ${from} lines loaded`);
    const skip = from - start;
    const k = c.n - skip;
    if (k <= 0) return from;
    this.time = grow(this.time, from + k, (x) => new Float64Array(x));
    this.level = grow(this.level, from + k, (x) => new Uint8Array(x));
    for (let j = skip; j < c.n; j++) {
      const r = start + j;
      this.time[r] = +c.t[j] || 0;
      const l = String(c.l[j]);
      let li = this.levelIndex.get(l);
      if (li === undefined) {
        li = Math.min(this.levels.length, 255);
        if (this.levels.length < 256) {
          this.levels.push(l);
          this.levelIndex.set(l, li);
        }
      }
      this.level[r] = li;
      this.comp.push(String(c.c[j]));
      this.msg.push(String(c.m[j]));
    }
    this.n = from + k;
    return from;
  }

  levelOf(r: number): string {
    return this.levels[this.level[r]] ?? "";
  }
}
