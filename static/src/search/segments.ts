// The append-only segments of a running scan's search index
// (docs/site-format.md, "Search index", segments): ix.js lists them
// (segs) and the rows of each type the index and its segments cover
// (cover); each segment (ix-g<n>.js) is a small dictionary of the values
// and source values of the rows one live update appended, with postings
// over its own types, and the rows of earlier parts whose source changed
// since (late). Read here into the head's numbering. Pure: no DOM.

import { base64Bytes, entryPostings, PostingCursor } from "./index-math";
import type { IndexMeta, IndexSegment, Payload } from "../data/types";

// CoveredType is one type of a scan's index: n the rows the index written
// whole covers (its dictionary holds them), c the rows it and its
// segments cover (c ≥ n). Rows from c on are in no index yet.
export interface CoveredType {
  slug: string;
  n: number;
  c: number;
}

// coveredTypes lists the index's types in its numbering: ix.js types, then
// the types only segments know (in cover order).
export function coveredTypes(meta: IndexMeta): CoveredType[] {
  const out: CoveredType[] = meta.types.map((t) => ({ slug: t.slug, n: t.n, c: t.n }));
  const at = new Map<string, number>(out.map((t, k) => [t.slug, k]));
  for (const c of meta.cover ?? []) {
    const k = at.get(c.slug);
    if (k === undefined) {
      at.set(c.slug, out.length);
      out.push({ slug: c.slug, n: 0, c: c.n });
    } else out[k].c = Math.max(out[k].c, c.n);
  }
  return out;
}

// asSegment checks that a loaded file is segment n of scan.
export function asSegment(x: Payload, scan: string, n: number): IndexSegment {
  if (x.k !== "ixg" || x.scan !== scan || x.seg !== n) throw new Error(`ix-g${n}.js is not this scan's index segment.`);
  return x;
}

// Segment is a segment read for queries: its dictionary, the rows of
// earlier parts it relinked, and the map of its postings to the head's
// ids (-1: a type the head does not know).
export interface Segment extends Dict {
  late: number[]; // ids in the head's numbering, ascending
  ids: (local: number) => number; // a segment posting → the head's id, -1 when unknown
}

// readSegment reads a segment into the head's numbering: typeNo numbers
// the head's types by slug.
export function readSegment(g: IndexSegment, typeNo: Map<string, number>, rowBits: number): Segment {
  const mult = 2 ** rowBits;
  const heads = g.types.map((t) => typeNo.get(t.slug) ?? -1);
  const ids = (local: number): number => {
    const k = Math.floor(local / mult);
    const no = k < heads.length ? heads[k] : -1;
    return no < 0 ? -1 : no * mult + (local % mult);
  };
  const late: number[] = [];
  if (g.late) {
    entryPostings(base64Bytes(g.late), 1, () => true, (x) => {
      const id = ids(x);
      if (id >= 0) late.push(id);
    });
  }
  late.sort((a, b) => a - b);
  const x = readDict(g.e, g.d, g.s);
  return {
    n: x.n,
    entries: x.entries,
    each: x.each,
    get d() {
      return x.d;
    },
    get s() {
      return x.s;
    },
    late,
    ids,
  };
}

// lateAfter gives, for each part of the index (0: the index written whole,
// k: segment k−1 of segs), the rows a later segment relinked: their
// source postings in that part no longer hold.
export function lateAfter(segs: Segment[]): Array<Set<number>> {
  const out: Array<Set<number>> = new Array<Set<number>>(segs.length + 1);
  let acc = new Set<number>();
  out[segs.length] = acc;
  for (let k = segs.length - 1; k >= 0; k--) {
    if (segs[k].late.length > 0) {
      acc = new Set(acc);
      for (const id of segs[k].late) acc.add(id);
    }
    out[k] = acc;
  }
  return out;
}

// Dict is a dictionary read for queries (a block of the index, or a
// segment): its n entries (in order; a block decodes them from its bytes
// at each call, search/block.ts) and their data and source postings as
// bytes.
export interface Dict {
  readonly n: number;
  entries(): readonly string[];
  // each hands fn every entry in order (k, its text): what a query tests,
  // without an array of them all when the dictionary is a block's bytes.
  each(fn: (k: number, v: string) => void): void;
  readonly d: Uint8Array;
  readonly s: Uint8Array;
}

// readDict reads a segment's dictionary (JSON: its entries, and posting
// streams as base64, decoded when first used: a segment none of whose
// entries match needs neither, a query without "+ source" never the
// source postings).
export function readDict(e: string[], d: string, s: string): Dict {
  let dd: Uint8Array | null = null;
  let ss: Uint8Array | null = null;
  return {
    n: e.length,
    entries: () => e,
    each: (fn) => e.forEach((v, k) => fn(k, String(v))),
    get d() {
      return (dd ??= base64Bytes(d));
    },
    get s() {
      return (ss ??= base64Bytes(s));
    },
  };
}

// Emit receives one row a dictionary gives: its id, and its data when it
// matched by its data (null: by its source data, its data unknown here).
export type Emit = (id: number, data: string | null) => void;

// dictRows tests every entry of a dictionary with match and emits the rows
// whose data matches, and with alsoSource the rows whose source data
// matches, less those a later segment relinked (late); a row may come
// twice (its data and its source data both match). ids maps a posting to
// the head's id (-1: left out); null keeps it. It returns how many entries
// it tested.
export function dictRows(x: Dict, ids: ((local: number) => number) | null, match: (v: string) => boolean, alsoSource: boolean, late: Set<number>, emit: Emit): number {
  const n = x.n;
  // The data postings of each entry that matches, emitted while its
  // string is at hand (entries and postings both in entry order); the
  // source postings after, from the entries marked.
  const hit = alsoSource ? new Uint8Array(n) : null;
  let data: PostingCursor | null = null; // read from the first match on
  // One function for every posting of the block, reading the entry from
  // cur: a function made per matching entry was the largest allocation of
  // a query that matches millions of entries.
  let cur = "";
  const onData = (p: number): void => {
    const id = ids ? ids(p) : p;
    if (id >= 0) emit(id, cur);
  };
  x.each((k, v) => {
    if (!match(v)) return;
    if (hit) hit[k] = 1;
    data ??= new PostingCursor(x.d);
    data.skipTo(k);
    cur = v;
    data.take(onData);
  });
  if (hit && data) {
    entryPostings(x.s, n, (e) => hit[e] === 1, (p) => {
      const id = ids ? ids(p) : p;
      if (id >= 0 && !late.has(id)) emit(id, null);
    });
  }
  return n;
}
