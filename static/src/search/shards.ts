// Reading the search index's shards (format 4, docs/site-format.md
// "Search index"; the Go writer is generator/searchindex writeTrigrams and
// writeExact): binary bodies, read in place. A trigram shard is a count,
// fixed-size records (three code points of 3 bytes and the end of the
// trigram's list in 4 bytes, big-endian) in code point order, then the
// lists; a trigram is found by binary search in the bytes, so a shard
// costs its bytes and no object per trigram. An exact shard is the length
// of its hash stream, the hash stream and the block stream. Pure: no DOM.

import { varintAt } from "./index-math";

const REC = 13;

// A TrigramShard looks its trigrams' block lists up.
export interface TrigramShard {
  // list is the trigram's blocks (varint deltas), null when the shard
  // does not hold it.
  list(t: string): Uint8Array | null;
}

// readTrigramShard reads a trigram shard's body; it throws when the body
// does not add up.
export function readTrigramShard(bin: Uint8Array): TrigramShard {
  const [n, at] = varintAt(bin, 0);
  const lists = at + n * REC;
  if (lists > bin.length) throw new Error("a trigram shard counts more trigrams than it holds");
  const u24 = (i: number) => (bin[i] << 16) | (bin[i + 1] << 8) | bin[i + 2];
  const end = (k: number) => {
    const i = at + k * REC + 9;
    return ((bin[i] << 24) | (bin[i + 1] << 16) | (bin[i + 2] << 8) | bin[i + 3]) >>> 0;
  };
  let last = 0;
  for (let k = 0; k < n; k++) {
    const e = end(k);
    if (e < last || lists + e > bin.length) throw new Error("a trigram shard's lists do not add up");
    last = e;
  }
  if (lists + last !== bin.length) throw new Error("a trigram shard's lists do not add up");
  return {
    list(t: string): Uint8Array | null {
      const cs = Array.from(t, (ch) => ch.codePointAt(0)!);
      if (cs.length !== 3) return null;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const r = at + mid * REC;
        const c = u24(r) - cs[0] || u24(r + 3) - cs[1] || u24(r + 6) - cs[2];
        if (c === 0) return bin.subarray(lists + (mid === 0 ? 0 : end(mid - 1)), lists + end(mid));
        if (c < 0) lo = mid + 1;
        else hi = mid;
      }
      return null;
    },
  };
}

// An ExactShard is its two streams (search/index-math.ts exactPostings).
export interface ExactShard {
  h: Uint8Array;
  p: Uint8Array;
}

export function readExactShard(bin: Uint8Array): ExactShard {
  const [n, at] = varintAt(bin, 0);
  if (at + n > bin.length) throw new Error("an exact shard's streams do not add up");
  return { h: bin.subarray(at, at + n), p: bin.subarray(at + n) };
}
