// Tests of the indexed search page's hits (make test-node): hits from
// blocks, segments and chunks, in any order and some twice (a row whose
// data and source data both match), merge into display order (scan, type
// position, row) with no repeats, keeping what either copy knows; a row
// finds its display chunk by the chunks' start rows.

import assert from "node:assert/strict";
import { test } from "node:test";
import { chunkOf, mergeHits, newHit, type Cells, type Hit } from "../src/pages/search-hits";
import type { IxType } from "../src/pages/search-ixscans";
import type { TypeInfo } from "../src/data/types";

function ixType(pos: number, chunks: Array<[number, number]>): IxType {
  const refs = chunks.map(([s, n], k) => ({ f: `e-t${pos}-${k}.js`, n, s }));
  return { info: { slug: "t" + pos } as TypeInfo, pos, chunks: refs, rows: refs.reduce((a, c) => Math.max(a, c.s + c.n), 0), covered: 0 };
}

const cells = (d: string): Cells => ({ d, sd: "src of " + d, m: 0, t: 0, r: 0, f: 0, id: "e", i: 1 });
const show = (hs: Hit[]) => hs.map((h) => `${h.s}/${h.ty.pos}/${h.row}:${h.d ?? "?"}${h.x ? "+" : ""}`);

test("hits merge into display order, once each, keeping what either copy knows", () => {
  const a = ixType(0, [[0, 10]]);
  const b = ixType(1, [[0, 10]]);
  let hits = mergeHits([], [newHit(0, b, 3, "b3"), newHit(0, a, 7, null), newHit(1, a, 0, "x"), newHit(0, a, 2, "a2")]);
  assert.deepEqual(show(hits), ["0/0/2:a2", "0/0/7:?", "0/1/3:b3", "1/0/0:x"]);
  // Row a/7 again, by its data now (it matched by its source before), and
  // row b/3 again by its source; a/5 with its cells from a chunk.
  hits = mergeHits(hits, [newHit(0, a, 7, "a7"), newHit(0, b, 3, null), newHit(0, a, 5, null, cells("a5")), newHit(0, a, 5, "a5")]);
  assert.deepEqual(show(hits), ["0/0/2:a2", "0/0/5:a5+", "0/0/7:a7", "0/1/3:b3", "1/0/0:x"]);
  // The type's position, not its number in the index, orders the rows.
  const first = ixType(0, [[0, 5]]);
  const later = ixType(7, [[0, 5]]);
  assert.deepEqual(show(mergeHits([], [newHit(0, later, 0, "l"), newHit(0, first, 4, "f")])), ["0/0/4:f", "0/7/0:l"]);
});

test("a row's display chunk, by the chunks' start rows", () => {
  const t = ixType(0, [
    [0, 100],
    [100, 50],
    [150, 1],
  ]);
  assert.equal(chunkOf(t, 0)?.f, "e-t0-0.js");
  assert.equal(chunkOf(t, 99)?.f, "e-t0-0.js");
  assert.equal(chunkOf(t, 100)?.f, "e-t0-1.js");
  assert.equal(chunkOf(t, 150)?.f, "e-t0-2.js");
  assert.equal(chunkOf(t, 151), null);
  assert.equal(chunkOf(ixType(1, []), 0), null);
});
