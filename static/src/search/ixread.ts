// Reading one scan's search index (docs/site-format.md, "Search index"):
// its shards, loaded once and kept, and the candidate rows a query selects.
// Both search scopes that go through the index use it: the search pages
// (pages/search-indexed.ts: one scan, every scan) and the element table of one
// type (pages/elements.ts, through SearchEngine.narrow), which filters the same
// postings by the type.

import { exactPostings, INDEX_VERSION, intersect, keyHash, postings, union } from "./index-math";
import { evalPlan, planSide, SKIP_RATIO, trigramsIn, type Plan, type SidePlan } from "./plan";
import type { Query } from "./query";
import { asSegment, coveredTypes, segmentLookup, type CoveredType } from "./segments";
import type { ExactShard, IndexMeta, IndexSegment, Payload, TrigramShard } from "../data/types";

const SHARD_CACHE = 256;

// Loader loads a data file of the scan's data folder by name.
export type Loader = (file: string) => Promise<Payload>;

export class ScanIndex {
  private readonly shards = new Map<string, Promise<TrigramShard | ExactShard>>();
  // The index's types (ix.js types, then those only segments know) and
  // the rows each covers; ids number types in this order.
  readonly types: CoveredType[];
  private readonly typeNo: Map<string, number>;
  private segs: Promise<IndexSegment[]> | null = null;

  constructor(
    readonly scan: string,
    readonly meta: IndexMeta,
    private readonly load: Loader,
  ) {
    this.types = coveredTypes(meta);
    this.typeNo = new Map(this.types.map((t, k) => [t.slug, k]));
  }

  // candidates gives the ids (type × 2^rowBits + row, ascending) that may
  // match q, a superset of the matches among the rows the index covers;
  // null when the query has no usable trigram (every row is a candidate).
  // With a budget, it gives up (null) when the posting lists it would
  // decode hold more than budget postings (estimated before decoding):
  // then testing the rows is the cheaper way.
  async candidates(q: Query, alsoSource: boolean, budget = Infinity): Promise<ArrayLike<number> | null> {
    const value = planSide(q, "value");
    const source: SidePlan = alsoSource ? planSide(q, "source") : { kind: "exact", hash: -1 };
    if (value.kind === "scan" || source.kind === "scan") return null;
    const ids = await this.lookup(value, "v", budget);
    if (!ids || !alsoSource) return ids;
    const blocks = await this.lookup(source, "s", budget);
    if (!blocks) return null;
    // Source postings name blocks of rows (sourceBlock, aligned).
    const bs = this.meta.sourceBlock;
    const srcIds: number[] = [];
    for (let k = 0; k < blocks.length; k++) for (let r = 0; r < bs; r++) srcIds.push(blocks[k] + r);
    return union(ids, srcIds);
  }

  // typeRows splits ids by the index's type number: rows of each type.
  typeRows(ids: ArrayLike<number>): Map<number, number[]> {
    const mult = 2 ** this.meta.rowBits;
    const byType = new Map<number, number[]>();
    for (let k = 0; k < ids.length; k++) {
      const t = Math.floor(ids[k] / mult);
      let a = byType.get(t);
      if (!a) byType.set(t, (a = []));
      a.push(ids[k] % mult);
    }
    return byType;
  }

  // lookup gives the ids one side of a query selects: the index's, and
  // every listed segment's.
  // With a budget, null when the index's lists hold more postings.
  private async lookup(plan: SidePlan, family: "v" | "s", budget: number): Promise<ArrayLike<number> | null> {
    const [ids, segs] = await Promise.all([this.lookupMain(plan, family, budget), this.segments()]);
    if (!ids) return null;
    return segs.reduce<ArrayLike<number>>((acc, g) => union(acc, segmentLookup(g, plan, family, this.typeNo, this.meta.rowBits)), ids);
  }

  // segments loads every segment ix.js lists (small files), once.
  private segments(): Promise<IndexSegment[]> {
    const list = this.meta.segs ?? [];
    if (!this.segs) {
      this.segs = Promise.all(list.map((n) => this.load(`ix-g${n}.js`).then((x) => asSegment(x, this.scan, n))));
      this.segs.catch(() => (this.segs = null));
    }
    return this.segs;
  }

  private async lookupMain(plan: SidePlan, family: "v" | "s", budget: number): Promise<ArrayLike<number> | null> {
    const ix = this.meta;
    if (plan.kind === "exact") {
      if (plan.hash < 0) return [];
      const sh = (await this.shard("x", plan.hash % ix.shards.x)) as ExactShard;
      if (sh.n > budget) return null;
      return exactPostings(sh.h, sh.p, plan.hash);
    }
    if (plan.kind !== "trigrams") return [];
    const n = family === "v" ? ix.shards.v : ix.shards.s;
    const tris = [...trigramsIn(plan.plan)];
    const shards = await Promise.all(tris.map((t) => this.shard(family, keyHash(t) % n)));
    // Each trigram's encoded list; decoded only when the plan needs it.
    const enc = new Map<string, string>();
    tris.forEach((t, k) => {
      const sh = shards[k] as TrigramShard & { map?: Map<string, number> };
      if (!sh.map) {
        sh.map = new Map();
        for (let i = 0; i < sh.t.length; i++) sh.map.set(String(sh.t[i]), i);
      }
      const i = sh.map.get(t);
      enc.set(t, i === undefined ? "" : String(sh.p[i]));
    });
    // About 1.4 base64 characters per posting in a dense list.
    const size = (t: string) => (enc.get(t) ?? "").length / 1.4;
    if (decodeCost(plan.plan, size) > budget) return null;
    return evalPlan(plan.plan, (t) => postings(enc.get(t) ?? ""), intersect, union, size);
  }

  private shard(family: "v" | "s" | "x", n: number): Promise<TrigramShard | ExactShard> {
    const key = family + n;
    const have = this.shards.get(key);
    if (have) return have;
    if (this.shards.size >= SHARD_CACHE) this.shards.clear();
    const p = this.load("ix-" + key + ".js").then((x): TrigramShard | ExactShard => {
      if ((x.k !== "ixv" && x.k !== "ixs" && x.k !== "ixx") || x.k !== "ix" + family || x.scan !== this.scan || x.shard !== n) throw new Error(`ix-${key}.js is not this scan's index shard.`);
      return x;
    });
    p.catch(() => this.shards.delete(key));
    this.shards.set(key, p);
    return p;
  }
}

// decodeCost estimates how many postings evalPlan decodes for a plan: an
// AND decodes its smallest part first and skips parts SKIP_RATIO times
// longer than that (evalPlan's rule, here on the estimates).
export function decodeCost(p: Plan, size: (t: string) => number): number {
  const est = (q: Plan): number => (q.op === "tri" ? size(q.t) : q.op === "and" ? Math.min(...q.xs.map(est)) : q.op === "or" ? q.xs.reduce((a, x) => a + est(x), 0) : Infinity);
  switch (p.op) {
    case "tri":
      return size(p.t);
    case "or":
      return p.xs.reduce((a, x) => a + decodeCost(x, size), 0);
    case "and": {
      const first = Math.min(...p.xs.map(est));
      return p.xs.filter((x) => est(x) <= SKIP_RATIO * first).reduce((a, x) => a + decodeCost(x, size), 0);
    }
  }
  return Infinity;
}

// loadScanIndex loads a scan's ix.js; null when it has none of a version
// this code reads (an older site: its rows are searched one by one).
export async function loadScanIndex(scan: string, load: Loader): Promise<ScanIndex | null> {
  try {
    const p = await load("ix.js");
    if (p.k === "ix" && p.scan === scan && p.v === INDEX_VERSION) return new ScanIndex(scan, p, load);
  } catch {
    // No index.
  }
  return null;
}

// Narrowed is what the index leaves of one type's rows for a query: the
// candidate rows below `from` (ascending), and every row from `from` on
// (rows neither the index nor its segments cover: the type grew since).
export interface Narrowed {
  rows: Int32Array;
  from: number;
}

// typeNarrower returns the element table's narrowing for one type: the
// candidates of the scan's index filtered by the type's postings; null for
// a query the index cannot narrow, a type it does not know, or lists longer
// than the type's rows (postings are scan-wide: a list of every value of
// the scan costs more to decode than the worker's pass over the type,
// TestBenchTypeSearch1M).
export function typeNarrower(ix: ScanIndex, slug: string): (q: Query, alsoSource: boolean) => Promise<Narrowed | null> {
  const k = ix.types.findIndex((t) => t.slug === slug);
  return async (q, alsoSource) => {
    if (k < 0) return null;
    const ids = await ix.candidates(q, alsoSource, ix.types[k].c);
    if (!ids) return null;
    const mult = 2 ** ix.meta.rowBits;
    const lo = k * mult;
    const rows: number[] = [];
    for (let i = 0; i < ids.length; i++) if (ids[i] >= lo && ids[i] < lo + mult) rows.push(ids[i] - lo);
    return { rows: Int32Array.from(rows), from: ix.types[k].c };
  };
}

// QueryLoader loads a data file with a query that makes the browser fetch
// it afresh ("v=<n>", or "" for any copy).
export type QueryLoader = (file: string, query: string) => Promise<Payload>;

// freshIndex gives, for each call, the scan's index as ix.js says now: a
// running scan's index grows by segments with each live update (and its
// segments are merged from time to time), so the head is read afresh; an
// unchanged head keeps the index already loaded (and its shards).
export function freshIndex(scan: string, load: QueryLoader): () => Promise<ScanIndex | null> {
  let have: { head: string; ix: ScanIndex } | null = null;
  let stamp = 0;
  return async () => {
    const v = "v=" + String(Date.now() * 100 + (stamp++ % 100));
    const ix = await loadScanIndex(scan, (f) => load(f, v));
    if (!ix) return (have = null);
    const head = JSON.stringify(ix.meta);
    if (have && have.head === head) return have.ix;
    // Every file of this head read afresh too: a merge rewrites shards.
    have = { head, ix: new ScanIndex(scan, ix.meta, (f) => load(f, v)) };
    return have.ix;
  };
}

// liveTypeNarrower is typeNarrower over the index as it is at each query.
export function liveTypeNarrower(scan: string, slug: string, load: QueryLoader): (q: Query, alsoSource: boolean) => Promise<Narrowed | null> {
  const fresh = freshIndex(scan, load);
  return async (q, alsoSource) => {
    const ix = await fresh();
    return ix ? typeNarrower(ix, slug)(q, alsoSource) : null;
  };
}
