// The search index's arithmetic, shared by the page and the tests: the
// same folding, trigram keys, shard hashes and exact-value hash as the
// writer (generator/searchindex), and the posting-list decoding and set
// operations. Pure: no DOM. docs/site-format.md ("Search index").

// INDEX_VERSION is the index format this code reads (ix.js "v").
export const INDEX_VERSION = 4;

// fold is the index's case folding of one code point: ASCII A–Z to a–z.
export function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

// exactFold folds for the exact-value hash: ASCII lower-cased, any other
// code point the placeholder U+FFFD.
export function exactFold(c: number): number {
  return c >= 128 ? 0xfffd : fold(c);
}

// exactHash is FNV-1a (32 bit) over exactFold of each code point of s.
export function exactHash(s: string): number {
  let h = 2166136261;
  for (const ch of s) {
    h ^= exactFold(ch.codePointAt(0)!);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

// keyHash picks a trigram's shard (keyHash % shards), as the writer does.
export function keyHash(t: string): number {
  const cs = Array.from(t, (ch) => ch.codePointAt(0)!);
  let h = Math.imul(cs[0], 0x9e3779b1);
  h = Math.imul(h ^ cs[1], 0x85ebca77);
  h = Math.imul(h ^ cs[2], 0xc2b2ae3d);
  h = (h ^ (h >>> 16)) >>> 0;
  return h;
}

// trigramsOf lists the trigrams of a string of already folded code points
// (repeats included).
export function trigramsOf(folded: string): string[] {
  const cs = Array.from(folded);
  const out: string[] = [];
  for (let i = 0; i + 3 <= cs.length; i++) out.push(cs[i] + cs[i + 1] + cs[i + 2]);
  return out;
}

// foldString folds every code point of s.
export function foldString(s: string): string {
  let out = "";
  for (const ch of s) out += String.fromCodePoint(fold(ch.codePointAt(0)!));
  return out;
}

// START and END are the code points the writer puts before and after
// every entry when it takes its trigrams (Go: searchindex.Start, End): a
// query anchored at a value's start or end requires them (plan.ts).
export const START = "\u0002";
export const END = "\u0003";

// valueTrigrams is the set of trigrams the writer indexes for a value.
export function valueTrigrams(v: string): Set<string> {
  return new Set(trigramsOf(START + foldString(v) + END));
}

// ---- posting lists ----

const B64 = (() => {
  const t = new Int16Array(128).fill(-1);
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < abc.length; i++) t[abc.charCodeAt(i)] = i;
  return t;
})();

// base64Bytes decodes standard base64 (no atob: the tests run in Node too).
export function base64Bytes(s: string): Uint8Array {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 61) n--;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const v = B64[s.charCodeAt(i) & 127];
    if (v < 0) throw new Error("not base64");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

// varints decodes unsigned LEB128 varints (values up to 2^53).
export function varints(b: Uint8Array): number[] {
  const out: number[] = [];
  let v = 0;
  let mul = 1;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    v += (c & 127) * mul;
    if (c < 128) {
      out.push(v);
      v = 0;
      mul = 1;
    } else mul *= 128;
  }
  return out;
}

// A VarintCursor reads the unsigned LEB128 varints of b one after the
// other from at (each at most 7 bytes: below 2^49); varint throws at the
// end of b or on a longer one. No array per number: a dictionary block
// has one an entry, and the 10M archive's 4.7 million entries made 65 MB
// of them per query that reads every block.
export class VarintCursor {
  constructor(
    private readonly b: Uint8Array,
    public at = 0,
  ) {}

  varint(): number {
    const b = this.b;
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 7; i++) {
      if (this.at >= b.length) throw new Error("an index file ends inside a number");
      const c = b[this.at++];
      v += (c & 127) * mul;
      if (c < 128) return v;
      mul *= 128;
    }
    throw new Error("an index file holds a number too large");
  }
}

// varintAt reads the varint at b[at] (VarintCursor) and gives it and the
// position after it.
export function varintAt(b: Uint8Array, at: number): [number, number] {
  const c = new VarintCursor(b, at);
  return [c.varint(), c.at];
}

// postings decodes one trigram's list: varint deltas, ascending ids.
export function postings(b: Uint8Array): Float64Array {
  const d = varints(b);
  const out = new Float64Array(d.length);
  let id = 0;
  for (let i = 0; i < d.length; i++) {
    id += d[i];
    out[i] = id;
  }
  return out;
}

// entryPostings walks a dictionary block's (or segment's) "d" or "s"
// stream (varints: per entry a count, then that many postings, the first
// absolute and the others deltas) and hands emit the postings of the
// entries want says yes to, entry by entry in order.
export function entryPostings(b: Uint8Array, entries: number, want: (k: number) => boolean, emit: (id: number) => void): void {
  const c = new PostingCursor(b);
  for (let k = 0; k < entries; k++) {
    if (!want(k)) continue;
    c.skipTo(k);
    c.take(emit);
  }
  c.skipTo(entries); // every entry's list is there
}

// PostingCursor reads a "d" or "s" stream (the layout entryPostings
// describes) entry by entry, forward only: skipTo(k) passes the entries before k, take
// hands over the postings of entry k and moves past it. It throws when
// the stream ends early.
export class PostingCursor {
  private i = 0; // the byte read next
  private k = 0; // the entry whose count is read next

  constructor(private readonly b: Uint8Array) {}

  private next(): number {
    const b = this.b;
    let v = 0;
    let mul = 1;
    for (;;) {
      if (this.i >= b.length) throw new Error("a posting list ends early");
      const c = b[this.i++];
      v += (c & 127) * mul;
      if (c < 128) return v;
      mul *= 128;
    }
  }

  skipTo(k: number): void {
    if (k < this.k) throw new Error("a posting cursor moves forward only");
    const b = this.b;
    for (; this.k < k; this.k++) {
      // Skip n varints: count the bytes that end one.
      for (let left = this.next(); left > 0; this.i++) {
        if (this.i >= b.length) throw new Error("a posting list ends early");
        if (b[this.i] < 128) left--;
      }
    }
  }

  take(emit: (id: number) => void): void {
    const n = this.next();
    this.k++;
    let id = 0;
    for (let j = 0; j < n; j++) {
      id = j === 0 ? this.next() : id + this.next();
      emit(id);
    }
  }
}

// exactPostings walks an exact shard's two streams (hs: hash deltas, 0
// the same hash as before; ps: the block, absolute after a new hash,
// else a delta) and returns the ids stored under hash h, ascending.
export function exactPostings(hs: Uint8Array, ps: Uint8Array, h: number): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  const next = varintAt;
  let cur = 0;
  let id = 0;
  for (let k = 0; i < hs.length; k++) {
    let dh: number;
    let dp: number;
    [dh, i] = next(hs, i);
    [dp, j] = next(ps, j);
    if (k === 0 || dh !== 0) {
      cur += dh;
      id = dp;
    } else id += dp;
    if (cur === h) out.push(id);
    else if (cur > h) break;
  }
  return out;
}

// intersect and union of ascending id lists.
export function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

export function union(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}
