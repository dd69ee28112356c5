// A minimal writer of search index format 3 for the node tests, written
// from docs/design/search-index-v2.md (not from the Go writer): a scan's
// rows → ix.js, dictionary blocks, trigram and exact shards, and live
// segments with late sources, as payload objects by file name. Small
// block limits make many blocks out of few rows.

import { exactFold, exactHash, fold, keyHash } from "../src/search/index-math";
import { deflateSync } from "fflate";
import type { PackedBody } from "../src/data/packed";
import type { ExactShard, IndexBlock, IndexMeta, IndexSources, IndexSegment, Payload, TrigramShard } from "../src/data/types";

export const ROW_BITS = 24;
const MULT = 2 ** ROW_BITS;

// A Row is one element of a type: its data and source data.
export interface Row {
  d: string;
  sd: string;
}

// The scan as the index covers it: each type's rows.
export type Rows = Array<{ slug: string; rows: Row[] }>;

export function b64(bytes: number[]): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function varint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

// counted appends a count, then ascending ids (first absolute, then deltas).
export function counted(out: number[], ids: number[]): void {
  varint(out, ids.length);
  ids.forEach((id, k) => varint(out, k === 0 ? id : id - ids[k - 1]));
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function sortKey(s: string): Uint8Array {
  let k = "";
  for (const ch of s) k += String.fromCodePoint(exactFold(ch.codePointAt(0)!));
  return utf8(k);
}

// Dictionary entries with their d and s postings, in dictionary order.
export interface Entry {
  e: string;
  d: number[];
  s: number[];
}

function entries(pairs: Array<{ v: string; id: number; src: boolean }>): Entry[] {
  const m = new Map<string, Entry>();
  for (const p of pairs) {
    let x = m.get(p.v);
    if (!x) m.set(p.v, (x = { e: p.v, d: [], s: [] }));
    (p.src ? x.s : x.d).push(p.id);
  }
  const out = [...m.values()];
  for (const x of out) {
    x.d.sort((a, b) => a - b);
    x.s.sort((a, b) => a - b);
  }
  return out.sort((a, b) => cmpBytes(sortKey(a.e), sortKey(b.e)) || cmpBytes(utf8(a.e), utf8(b.e)));
}

function dictFields(es: Entry[]): { e: string[]; d: string; s: string } {
  const d: number[] = [];
  const s: number[] = [];
  for (const x of es) {
    counted(d, x.d);
    counted(s, x.s);
  }
  return { e: es.map((x) => x.e), d: b64(d), s: b64(s) };
}

// blockBody is a dictionary block's body (format 4): the entry count, the
// bytes of their text and of the data postings, each entry's length in
// bytes, the entries' UTF-8, the data postings.
export function blockBody(es: Entry[]): Uint8Array {
  const d: number[] = [];
  for (const x of es) counted(d, x.d);
  const texts = es.map((x) => utf8(x.e));
  const out: number[] = [];
  varint(out, es.length);
  varint(out, texts.reduce((a, t) => a + t.length, 0));
  varint(out, d.length);
  for (const t of texts) varint(out, t.length);
  for (const t of texts) for (const c of t) out.push(c);
  return Uint8Array.from([...out, ...d]);
}

// sourcesBody is the body of a block's source postings file: the
// entries' source postings, in the block's order.
export function sourcesBody(es: Entry[]): Uint8Array {
  const s: number[] = [];
  for (const x of es) counted(s, x.s);
  return Uint8Array.from(s);
}

// packedBody packs a body as a packed file holds it: raw DEFLATE, as
// text, in a comment of a function (docs/site-format.md "Data files";
// written here from the spec: "!", each byte as the character of its
// code, but "*<>&~" as "~a" … "~e").
export function packedBody(bin: Uint8Array): PackedBody {
  const z = deflateSync(bin);
  let s = "!";
  for (const c of z) s += "*<>&~".includes(String.fromCharCode(c)) ? "~" + "abcde"["*<>&~".indexOf(String.fromCharCode(c))] : String.fromCharCode(c);
  return { z: new Function("/*" + s + "*/") as () => void, n: bin.length };
}

// trigrams are the value's, between the start and end markers, as the Go
// writer takes them (written here from the spec, not through index-math).
function trigrams(v: string): Set<string> {
  const cs = ["\u0002", ...Array.from(v, (ch) => String.fromCodePoint(fold(ch.codePointAt(0)!))), "\u0003"];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= cs.length; i++) out.add(cs[i] + cs[i + 1] + cs[i + 2]);
  return out;
}

export interface Limits {
  bytes: number; // a block closes once its entries reach this many UTF-8 bytes
  count: number; // or hold this many entries
  t: number; // trigram shards (a power of two)
  x: number; // exact shards
}

// writeIndex writes generation gen of the index over rows: files by name.
export function writeIndex(scan: string, rows: Rows, lim: Limits, gen = 0): Map<string, Payload> {
  const pairs: Array<{ v: string; id: number; src: boolean }> = [];
  rows.forEach((t, k) =>
    t.rows.forEach((r, row) => {
      pairs.push({ v: r.d, id: k * MULT + row, src: false });
      pairs.push({ v: r.sd, id: k * MULT + row, src: true });
    }),
  );
  const es = entries(pairs);
  const blocks: Entry[][] = [];
  let cur: Entry[] = [];
  let bytes = 0;
  for (const x of es) {
    cur.push(x);
    bytes += utf8(x.e).length;
    if (bytes >= lim.bytes || cur.length >= lim.count) {
      blocks.push(cur);
      cur = [];
      bytes = 0;
    }
  }
  if (cur.length > 0) blocks.push(cur);
  const files = new Map<string, Payload>();
  const tri = new Map<string, number[]>();
  const exact: Array<[number, number]> = [];
  blocks.forEach((b, n) => {
    const blk: IndexBlock = { k: "ixd", scan, gen, block: n, body: packedBody(blockBody(b)) };
    files.set(`ix${gen}-d${n}.js`, blk);
    const src: IndexSources = { k: "ixs", scan, gen, block: n, body: packedBody(sourcesBody(b)) };
    files.set(`ix${gen}-s${n}.js`, src);
    const seen = new Set<string>();
    for (const x of b) {
      for (const t of trigrams(x.e)) seen.add(t);
      exact.push([exactHash(x.e), n]);
    }
    for (const t of seen) {
      if (!tri.has(t)) tri.set(t, []);
      tri.get(t)!.push(n);
    }
  });
  for (let n = 0; n < lim.t; n++) {
    // In code point order (not UTF-16's), as the page's search expects.
    const cps = (t: string) => Array.from(t, (ch) => ch.codePointAt(0)!);
    const ts = [...tri.keys()].filter((t) => keyHash(t) % lim.t === n).sort((a, b) => {
      const x = cps(a), y = cps(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    const recs: number[] = [];
    const lists: number[] = [];
    varint(recs, ts.length);
    for (const t of ts) {
      tri.get(t)!.forEach((b, k, a) => varint(lists, k === 0 ? b : b - a[k - 1]));
      for (const c of cps(t)) recs.push((c >> 16) & 255, (c >> 8) & 255, c & 255);
      const e = lists.length;
      recs.push((e >>> 24) & 255, (e >> 16) & 255, (e >> 8) & 255, e & 255);
    }
    const sh: TrigramShard = { k: "ixt", scan, gen, shard: n, body: packedBody(Uint8Array.from([...recs, ...lists])) };
    files.set(`ix${gen}-t${n}.js`, sh);
  }
  const uniq = [...new Map(exact.map((p) => [p[0] + "/" + p[1], p])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let n = 0; n < lim.x; n++) {
    const ps = uniq.filter((p) => p[0] % lim.x === n);
    const h: number[] = [];
    const p: number[] = [];
    ps.forEach(([hash, blk], k) => {
      const same = k > 0 && ps[k - 1][0] === hash;
      varint(h, k === 0 ? hash : hash - ps[k - 1][0]);
      varint(p, same ? blk - ps[k - 1][1] : blk);
    });
    const body: number[] = [];
    varint(body, h.length);
    const sh: ExactShard = { k: "ixx", scan, gen, shard: n, n: ps.length, body: packedBody(Uint8Array.from([...body, ...h, ...p])) };
    files.set(`ix${gen}-x${n}.js`, sh);
  }
  const head: IndexMeta = {
    k: "ix",
    scan,
    v: 4,
    gen,
    rowBits: ROW_BITS,
    blocks: blocks.length,
    entries: es.length,
    shards: { t: lim.t, x: lim.x },
    types: rows.map((t) => ({ slug: t.slug, n: t.rows.length })),
  };
  files.set("ix.js", head);
  return files;
}

// A SegmentSpec is what one live update adds: the rows [s, s+n) of types
// (with their rows as now), and rows written earlier whose source data
// changed (relinked: their new source data).
export interface SegmentSpec {
  ranges: Array<{ slug: string; s: number; rows: Row[] }>;
  relinks: Array<{ slug: string; row: number; sd: string }>;
}

// writeSegment writes segment n of spec.
export function writeSegment(scan: string, n: number, spec: SegmentSpec): IndexSegment {
  const types = spec.ranges.map((r) => ({ slug: r.slug, s: r.s, n: r.rows.length }));
  const k = (slug: string): number => {
    let i = types.findIndex((t) => t.slug === slug);
    if (i < 0) i = types.push({ slug, s: 0, n: 0 }) - 1;
    return i;
  };
  const pairs: Array<{ v: string; id: number; src: boolean }> = [];
  for (const r of spec.ranges) {
    r.rows.forEach((x, j) => {
      pairs.push({ v: x.d, id: k(r.slug) * MULT + r.s + j, src: false });
      pairs.push({ v: x.sd, id: k(r.slug) * MULT + r.s + j, src: true });
    });
  }
  const late: number[] = [];
  for (const l of spec.relinks) {
    const id = k(l.slug) * MULT + l.row;
    late.push(id);
    pairs.push({ v: l.sd, id, src: true });
  }
  const lateBytes: number[] = [];
  counted(lateBytes, late.sort((a, b) => a - b));
  return { k: "ixg", scan, seg: n, types, ...dictFields(entries(pairs)), late: b64(lateBytes) };
}
