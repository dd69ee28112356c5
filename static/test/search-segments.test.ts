// Tests of the search index's segments (make test-node): a segment's
// postings over its own types come out in the head's numbering, ascending,
// for trigram plans and exact hashes; the head's cover extends the index's
// types with those only segments know.

import assert from "node:assert/strict";
import { test } from "node:test";
import { exactHash } from "../src/search/index-math";
import { coveredTypes, segmentLookup } from "../src/search/segments";
import type { IndexMeta, IndexSegment } from "../src/data/types";

const MULT = 2 ** 24;

// enc encodes ascending numbers as the index does: base64 of LEB128
// varints, the first absolute and the others deltas.
function enc(xs: number[], deltas = true): string {
  const b: number[] = [];
  let last = 0;
  for (const x of xs) {
    let v = deltas ? x - last : x;
    last = x;
    while (v >= 0x80) {
      b.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    b.push(v);
  }
  return btoa(String.fromCharCode(...b));
}

const meta: IndexMeta = {
  k: "ix",
  scan: "s1",
  v: 1,
  rowBits: 24,
  sourceBlock: 64,
  shards: { v: 1, s: 1, x: 1 },
  types: [
    { slug: "ip_address", n: 5 },
    { slug: "internet_name", n: 10 },
  ],
  segs: [1],
  cover: [
    { slug: "ip_address", n: 6 },
    { slug: "internet_name", n: 12 },
    { slug: "emailaddr", n: 1 },
  ],
};

// The segment lists its types in its own order: internet_name rows 10–11,
// emailaddr row 0, ip_address row 5.
const seg: IndexSegment = {
  k: "ixg",
  scan: "s1",
  seg: 1,
  types: [
    { slug: "internet_name", s: 10, n: 2 },
    { slug: "emailaddr", s: 0, n: 1 },
    { slug: "ip_address", s: 5, n: 1 },
  ],
  v: { t: ["adm", "min"], p: [enc([10, MULT, 2 * MULT + 5]), enc([11, 2 * MULT + 5])] },
  s: { t: ["exa"], p: [enc([0])] },
  x: { n: 2, h: "", p: "" },
};
const hA = exactHash("admin.example");
const hB = exactHash("10.0.0.1");
const [lo, hi] = hA < hB ? [hA, hB] : [hB, hA];
// Pairs by hash: lo → internet_name row 11, hi → ip_address row 5.
seg.x.h = enc([lo, hi]);
seg.x.p = enc([11, 2 * MULT + 5], false);

test("the head's cover adds the types only segments know", () => {
  assert.deepEqual(coveredTypes(meta), [
    { slug: "ip_address", n: 5, c: 6 },
    { slug: "internet_name", n: 10, c: 12 },
    { slug: "emailaddr", n: 0, c: 1 },
  ]);
  const none = { ...meta, segs: undefined, cover: undefined };
  assert.deepEqual(coveredTypes(none), [
    { slug: "ip_address", n: 5, c: 5 },
    { slug: "internet_name", n: 10, c: 10 },
  ]);
});

test("a segment's postings in the head's numbering", () => {
  const no = new Map(coveredTypes(meta).map((t, k) => [t.slug, k]));
  const tri = (t: string) => ({ op: "tri" as const, t });
  // adm: internet_name 10, emailaddr 0, ip_address 5 → head types 1, 2, 0.
  assert.deepEqual(segmentLookup(seg, { kind: "trigrams", plan: tri("adm") }, "v", no, 24), [5, MULT + 10, 2 * MULT]);
  // adm AND min: internet_name 10 is not in min's list.
  assert.deepEqual(segmentLookup(seg, { kind: "trigrams", plan: { op: "and", xs: [tri("adm"), tri("min")] } }, "v", no, 24), [5]);
  assert.deepEqual(segmentLookup(seg, { kind: "trigrams", plan: tri("zzz") }, "v", no, 24), []);
  assert.deepEqual(segmentLookup(seg, { kind: "trigrams", plan: tri("exa") }, "s", no, 24), [MULT + 0]);
  assert.deepEqual(segmentLookup(seg, { kind: "exact", hash: lo }, "v", no, 24), [MULT + 11]);
  assert.deepEqual(segmentLookup(seg, { kind: "exact", hash: hi }, "v", no, 24), [5]);
  assert.deepEqual(segmentLookup(seg, { kind: "exact", hash: -1 }, "v", no, 24), []);
});
