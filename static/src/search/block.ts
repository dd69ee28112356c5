// Reading a dictionary block's binary body (search index format 4,
// docs/site-format.md "Search index"; the Go writer is
// generator/searchindex appendBlockBody): three varints (the entries, the
// bytes of their text and of their data postings), each entry's length in
// bytes, the entries' UTF-8 one after the other, then the data postings.
// The source postings are a file of their own (ix<gen>-s<n>.js), read
// only by a query with "+ source" (search/ixread.ts). Pure: no DOM.
//
// Why bytes and not JSON: a block read as JSON was one string of ~130–200
// KB, which V8 puts straight into its old generation (past 128 KB), where
// only a full collection frees it; a query over hundreds of blocks left
// hundreds of MB of them waiting (measured at 10M, docs/benchmarks.md).
// The bytes live outside the JS heap, and the entries are decoded only
// while a block is tested, a window of at most WINDOW bytes at a time:
// short-lived strings that the young generation takes back at once.

import { VarintCursor } from "./index-math";
import type { Dict } from "./segments";

// WINDOW bounds the text decoded into one string (a window ends after the
// entry that reaches it; a longer entry is a window of its own).
const WINDOW = 32 * 1024;

const utf8 = new TextDecoder();

const NONE = new Uint8Array(0);

// readBlock reads a block's body; it throws when the body does not add up
// (a cut or altered file), so a block is either read whole or not at all.
// With keep, the entries are decoded once and kept (a block the page
// keeps between queries; bin must then be its own copy). Its source
// postings are none: withSources gives the block with them.
export function readBlock(bin: Uint8Array, keep = false): Dict {
  const c = new VarintCursor(bin);
  const n = c.varint();
  const text = c.varint();
  const nd = c.varint();
  if (n > bin.length) throw new Error("a dictionary block counts more entries than it has bytes");
  const lens = new Uint32Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    lens[k] = c.varint();
    sum += lens[k];
  }
  const at = c.at;
  if (sum !== text || at + text + nd !== bin.length) throw new Error("a dictionary block's parts do not add up to its size");
  const d = bin.subarray(at + text);
  let kept: string[] | null = null;
  const entries = keep ? () => (kept ??= decodeEntries(bin, at, lens)) : () => decodeEntries(bin, at, lens);
  return {
    n,
    entries,
    // A block kept decodes its entries once; the others a window at a
    // time, each entry's string left to the young generation once fn
    // returns (no array of the block's entries alive while it is tested).
    each: keep
      ? (fn) => {
          const e = entries();
          for (let k = 0; k < n; k++) fn(k, e[k]);
        }
      : (fn) => eachEntry(bin, at, lens, fn),
    d,
    s: NONE,
  };
}

// withSources is block x with its source postings s (the block's
// ix<gen>-s<n>.js; dictRows reads them as it reads the data postings, and
// refuses a stream that does not hold one list per entry).
export function withSources(x: Dict, s: Uint8Array): Dict {
  return { n: x.n, entries: x.entries, each: x.each, d: x.d, s };
}

// decodeEntries decodes every entry (eachEntry) into an array.
function decodeEntries(bin: Uint8Array, at: number, lens: Uint32Array): string[] {
  const out = new Array<string>(lens.length);
  eachEntry(bin, at, lens, (k, v) => (out[k] = v));
  return out;
}

// eachEntry hands fn the entries whose UTF-8 starts at `at`, lens[k]
// bytes each, in order, decoded a window at a time: a window of ASCII
// (one character a byte) is cut into its entries by slicing; a window of
// other valid UTF-8 whose entries each start a character is cut by the
// UTF-16 length each entry's bytes make (sliceWindow); any other (a
// window holding U+FFFD, written or for bad bytes) is decoded entry by
// entry, so that bad bytes give U+FFFD within their own entry.
function eachEntry(bin: Uint8Array, at: number, lens: Uint32Array, fn: (k: number, v: string) => void): void {
  const n = lens.length;
  let k = 0;
  let p = at;
  while (k < n) {
    let j = k;
    let bytes = 0;
    while (j < n && (j === k || bytes + lens[j] <= WINDOW)) bytes += lens[j++];
    const w = utf8.decode(bin.subarray(p, p + bytes));
    if (w.length === bytes) {
      let o = 0;
      for (let i = k; i < j; i++) {
        fn(i, w.slice(o, o + lens[i]));
        o += lens[i];
      }
    } else if (!w.includes("\ufffd") && startsCharacters(bin, p, lens, k, j)) {
      sliceWindow(bin, p, lens, k, j, w, fn);
    } else {
      let q = p;
      for (let i = k; i < j; i++) {
        fn(i, utf8.decode(bin.subarray(q, q + lens[i])));
        q += lens[i];
      }
    }
    p += bytes;
    k = j;
  }
}

// startsCharacters tells whether each of the entries k..j-1 (from byte p
// on) starts a UTF-8 character (not a continuation byte): in a window of
// valid UTF-8 each is then valid UTF-8 on its own.
function startsCharacters(bin: Uint8Array, p: number, lens: Uint32Array, k: number, j: number): boolean {
  for (let i = k; i < j; p += lens[i++]) if (lens[i] > 0 && (bin[p] & 0xc0) === 0x80) return false;
  return true;
}

// sliceWindow hands fn the entries k..j-1 of window w (their valid UTF-8
// from byte p on) as slices of w: an entry's UTF-16 length is its bytes
// that start a character, and one more for each of four bytes (a
// surrogate pair).
function sliceWindow(bin: Uint8Array, p: number, lens: Uint32Array, k: number, j: number, w: string, fn: (k: number, v: string) => void): void {
  let o = 0;
  for (let i = k; i < j; i++) {
    let units = 0;
    for (const end = p + lens[i]; p < end; p++) {
      const c = bin[p];
      if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
    }
    fn(i, w.slice(o, o + units));
    o += units;
  }
}
