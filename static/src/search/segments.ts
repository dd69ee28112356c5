// The append-only segments of a running scan's search index
// (docs/site-format.md, "Search index", segments): ix.js lists them
// (segs) and the rows of each type the index and its segments cover
// (cover); each segment (ix-g<n>.js) holds the value trigrams, source
// trigrams and exact hashes of the rows one live update appended, with
// postings over its own types. Read here into the head's numbering, so
// ixread.ts unites a segment's postings with the index's.

import { exactPostings, intersect, postings, union } from "./index-math";
import { evalPlan, trigramsIn, type SidePlan } from "./plan";
import type { IndexMeta, IndexSegment, Payload } from "../data/types";

// CoveredType is one type of a scan's index: n the rows the index written
// whole covers (its search blocks hold them), c the rows it and its
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

// segmentLookup gives the ids (in the head's numbering, ascending) that one
// side of a query selects in a segment: typeNo numbers the head's types by
// slug.
export function segmentLookup(g: IndexSegment, plan: SidePlan, family: "v" | "s", typeNo: Map<string, number>, rowBits: number): number[] {
  let local: ArrayLike<number>;
  if (plan.kind === "exact") {
    if (plan.hash < 0) return [];
    local = exactPostings(g.x.h, g.x.p, plan.hash);
  } else if (plan.kind === "trigrams") {
    const f = family === "v" ? g.v : g.s;
    const wanted = trigramsIn(plan.plan);
    const enc = new Map<string, string>();
    for (let i = 0; i < f.t.length; i++) if (wanted.has(f.t[i])) enc.set(f.t[i], f.p[i]);
    local = evalPlan(plan.plan, (t) => postings(enc.get(t) ?? ""), intersect, union, (t) => (enc.get(t) ?? "").length / 1.4);
  } else return [];
  // A segment's type k is the head's typeNo(slug); ids keep their row.
  const mult = 2 ** rowBits;
  const out: number[] = [];
  for (let i = 0; i < local.length; i++) {
    const k = Math.floor(local[i] / mult);
    const t = g.types[k];
    const no = t ? typeNo.get(t.slug) : undefined;
    if (no === undefined) continue;
    out.push(no * mult + (local[i] % mult));
  }
  return out.sort((a, b) => a - b);
}
