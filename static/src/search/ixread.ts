// Reading one scan's search index, format 4 (docs/site-format.md, "Search
// index"): its head, its shards and dictionary blocks (loaded when a query
// needs them and kept, up to a bound), its segments, and a query's run
// over them: the candidate blocks a plan selects, and the rows each block
// (and each segment) gives when every entry is tested with the real
// matcher. The search pages (pages/search-confirm.ts) drive a run; pure,
// no DOM, so the node tests drive the same code over files in memory.

import { exactPostings, INDEX_VERSION, intersect, keyHash, postings, union } from "./index-math";
import { evalPlan, planQuery, trigramsIn } from "./plan";
import type { Query } from "./query";
import { readBlock, withSources } from "./block";
import { Inflater, unpackBody, type PackedBody } from "../data/packed";
import { readExactShard, readTrigramShard, type ExactShard, type TrigramShard } from "./shards";
import { asSegment, coveredTypes, dictRows, lateAfter, readSegment, type CoveredType, type Dict, type Emit, type Segment } from "./segments";
import type { IndexBlock, IndexMeta, IndexSources, Payload } from "../data/types";

const NONE = new Uint8Array(0);

// The dictionary blocks every scan of a page keeps between queries,
// together, by the size of their inflated bodies (a kept block is held
// packed: its function, whose source V8 keeps anyway, and it is inflated
// again when a query tests it): about 40 blocks, a selective query's worth.
// Measured over the 10M archive with format 2 (docs/benchmarks.md): 24 M
// characters held 360–400 MB of heap after broad queries, 8 M 230–280 MB.
// The shards are kept whole, inflated, out of the budget: they are small
// (~2 MB a 500,000-element scan) and every query needs some of every
// scan's (evicted by a query's many blocks, they cost ~300 ms a query over
// 20 scans to load again).
// (A product, not a shift: JavaScript counts shifts modulo 32, and a
// shift by 40 gave a budget of 256 characters, which kept nothing.)
export const FILE_BUDGET = 8 * 2 ** 20;

// Loader loads a data file of the scan's data folder by name.
export type Loader = (file: string) => Promise<Payload>;

// A Kept file is one index file loaded (or loading): its promise, and its
// size once loaded.
interface Kept {
  key: string; // "d<n>", "s<n>", "t<n>", "x<n>"
  p: Promise<unknown>;
  size: number;
  epoch: number; // the query that used it last
  owner: Caches;
}

// FileBudget bounds the index files the scans of one page keep, together:
// past max bytes, the least recently used files are dropped (a query
// that needs one again loads it again). The files of the running query
// (newQuery) are not dropped for each other: when they alone pass max, the
// newest is not kept, so a query over more blocks than the bound holds
// finds the first of them kept when it runs again (LRU alone would have
// dropped each before its turn came).
export class FileBudget {
  private readonly lru = new Set<Kept>(); // oldest first
  private epoch = 0;
  size = 0;

  constructor(public max = FILE_BUDGET) {}

  // newQuery starts a query: the files kept so far may go for its own.
  newQuery(): void {
    this.epoch++;
  }

  touch(k: Kept): void {
    if (!this.lru.delete(k)) return;
    k.epoch = this.epoch;
    this.lru.add(k);
  }

  // add counts a loaded file, then drops the oldest files of earlier
  // queries while over max (and this one, when still over).
  add(k: Kept, size: number): void {
    k.size = size;
    k.epoch = this.epoch;
    this.lru.add(k);
    this.size += size;
    for (const old of this.lru) {
      if (this.size <= this.max || old.epoch === this.epoch) break;
      this.drop(old);
    }
    if (this.size > this.max) this.drop(k);
  }

  drop(k: Kept): void {
    if (!this.lru.delete(k)) return;
    this.size -= k.size;
    if (k.owner.files.get(k.key) === k) k.owner.files.delete(k.key);
  }
}

// Caches are the files of one index (one generation) loaded so far: kept
// with the next head when only its segments changed, within the page's
// budget.
export interface Caches {
  files: Map<string, Kept>;
  budget: FileBudget;
  inflater: Inflater; // the buffers blocks are read into, one at a time
  sources: Inflater; // and their source postings, while the block is read
}

export function newCaches(budget = new FileBudget()): Caches {
  return { files: new Map(), budget, inflater: new Inflater(), sources: new Inflater() };
}

export class ScanIndex {
  // The index's types (ix.js types, then those only segments know) and
  // the rows each covers; ids number types in this order.
  readonly types: CoveredType[];
  readonly typeNo: Map<string, number>;
  private segs: Promise<Segment[]> | null = null;

  constructor(
    readonly scan: string,
    readonly meta: IndexMeta,
    private readonly load: Loader,
    readonly caches: Caches = newCaches(),
  ) {
    this.types = coveredTypes(meta);
    this.typeNo = new Map(this.types.map((t, k) => [t.slug, k]));
  }

  // segments loads every segment ix.js lists (small files), once.
  segments(): Promise<Segment[]> {
    const list = this.meta.segs ?? [];
    if (!this.segs) {
      this.segs = Promise.all(list.map((n) => this.load(`ix-g${n}.js`).then((x) => readSegment(asSegment(x, this.scan, n), this.typeNo, this.meta.rowBits))));
      this.segs.catch(() => (this.segs = null));
    }
    return this.segs;
  }

  // candidateBlocks gives the dictionary blocks that may hold an entry q
  // matches (ascending; a superset), and scan: true when the query has no
  // usable trigram (every block).
  async candidateBlocks(q: Query): Promise<{ blocks: number[]; scan: boolean }> {
    const ix = this.meta;
    const plan = planQuery(q);
    if (plan.kind === "scan") {
      this.dropShards();
      return { blocks: Array.from({ length: ix.blocks }, (_, k) => k), scan: true };
    }
    if (plan.kind === "exact") {
      const sh = await this.exactShard(plan.hash % ix.shards.x);
      return { blocks: exactPostings(sh.h, sh.p, plan.hash), scan: false };
    }
    const tris = [...trigramsIn(plan.plan)];
    const shards = await Promise.all(tris.map((t) => this.trigramShard(keyHash(t) % ix.shards.t)));
    // Each trigram's encoded list; decoded only when the plan needs it.
    const enc = new Map<string, Uint8Array>();
    tris.forEach((t, k) => enc.set(t, shards[k].list(t) ?? NONE));
    // About one byte per posting in a dense list.
    const size = (t: string) => (enc.get(t) ?? NONE).length;
    const ids = evalPlan(plan.plan, (t) => postings(enc.get(t) ?? NONE), intersect, union, size);
    const blocks: number[] = [];
    for (let k = 0; k < ids.length; k++) if (ids[k] < ix.blocks) blocks.push(ids[k]);
    return { blocks, scan: false };
  }

  // block loads dictionary block n (or takes it from the files kept): its
  // body left packed, read when the block is tested (IndexRun.blockRows).
  block(n: number): Promise<BlockFile> {
    const file = `ix${this.meta.gen}-d${n}.js`;
    return this.file("d" + n, file, true, (x) => {
      const b = x as IndexBlock;
      if (x.k !== "ixd" || x.scan !== this.scan || b.gen !== this.meta.gen || b.block !== n) throw new Error(`${file} is not this scan's index block.`);
      return { v: { n, body: b.body, read: null }, size: b.body.n };
    });
  }

  // sources loads the source postings of block n (a query with "+
  // source"), kept like blocks: left packed, inflated when read.
  sources(n: number): Promise<PackedBody> {
    const file = `ix${this.meta.gen}-s${n}.js`;
    return this.file("s" + n, file, true, (x) => {
      const s = x as IndexSources;
      if (x.k !== "ixs" || x.scan !== this.scan || s.gen !== this.meta.gen || s.block !== n) throw new Error(`${file} is not this scan's index block sources.`);
      return { v: s.body, size: s.body.n };
    });
  }

  // keeps tells whether the page keeps block n between queries (within
  // its budget).
  keeps(n: number): boolean {
    return this.caches.files.has("d" + n);
  }

  // dropShards lets go of the shards loaded so far, when a query that
  // reads none starts: it reads every block, and the shards' memory (at
  // 10M up to 54 MB inflated) is better spent on that. The next query
  // that needs one loads it again (once after such a query; from file://
  // V8 still holds the script's source, so that costs no memory).
  private dropShards(): void {
    for (const k of [...this.caches.files.keys()]) if (k[0] === "t" || k[0] === "x") this.caches.files.delete(k);
  }

  // trigramShard and exactShard load shard n, inflated and kept whole
  // (out of the budget: small, and every query needs some of every scan's).
  private trigramShard(n: number): Promise<TrigramShard> {
    return this.shard("t", n, readTrigramShard);
  }

  private exactShard(n: number): Promise<ExactShard> {
    return this.shard("x", n, readExactShard);
  }

  private shard<T>(family: "t" | "x", n: number, read: (bin: Uint8Array) => T): Promise<T> {
    const file = `ix${this.meta.gen}-${family}${n}.js`;
    return this.file(family + n, file, false, (x) => {
      if ((x.k !== "ixt" && x.k !== "ixx") || x.k !== "ix" + family || x.scan !== this.scan || x.gen !== this.meta.gen || x.shard !== n) throw new Error(`${file} is not this scan's index shard.`);
      return { v: read(unpackBody(x.body)), size: 0 };
    });
  }

  // file loads one of the index's files and keeps it, through the page's
  // budget when budgeted: read checks the payload and gives what to keep
  // and its size.
  private file<T>(key: string, file: string, budgeted: boolean, read: (x: Payload) => { v: T; size: number }): Promise<T> {
    const c = this.caches;
    const have = c.files.get(key);
    if (have) {
      c.budget.touch(have);
      return have.p as Promise<T>;
    }
    const kept: Kept = { key, p: Promise.resolve(), size: 0, epoch: 0, owner: c };
    const p = this.load(file).then((x) => {
      const r = read(x);
      if (budgeted && c.files.get(key) === kept) c.budget.add(kept, r.size);
      return r.v;
    });
    kept.p = p;
    p.catch(() => {
      c.budget.drop(kept);
      if (c.files.get(key) === kept) c.files.delete(key);
    });
    c.files.set(key, kept);
    return p;
  }

}

// A BlockFile is dictionary block n as loaded: its body, packed, and the
// block read once a query has read it while the page keeps it (its
// packed body then dropped: over http(s) the fetched file's bytes).
export interface BlockFile {
  n: number;
  body: PackedBody | null;
  read: Dict | null;
}

// A LoadedBlock is what testing a block takes: the block, and for a query
// with "+ source" its source postings (null without).
export interface LoadedBlock {
  file: BlockFile;
  sources: PackedBody | null;
}

// IndexRun is one query over one scan's index: the candidate blocks, and
// the rows of each block and of every segment, which the caller unites.
// Ids are type × 2^rowBits + row in the head's numbering (ScanIndex.types).
export class IndexRun {
  tested = 0; // entries tested so far

  private constructor(
    readonly ix: ScanIndex,
    readonly blocks: number[],
    readonly scan: boolean,
    private readonly segs: Segment[],
    private readonly late: Array<Set<number>>,
    private readonly match: (v: string) => boolean,
    private readonly alsoSource: boolean,
  ) {}

  // start plans q over ix and loads its segments; match is the real query.
  static async start(ix: ScanIndex, q: Query, match: (v: string) => boolean, alsoSource: boolean): Promise<IndexRun> {
    const [c, segs] = await Promise.all([ix.candidateBlocks(q), ix.segments()]);
    return new IndexRun(ix, c.blocks, c.scan, segs, lateAfter(segs), match, alsoSource);
  }

  // load loads block n for blockRows: the block, and with "+ source" its
  // source postings (a file only such a query reads).
  async load(n: number): Promise<LoadedBlock> {
    const [file, sources] = await Promise.all([this.ix.block(n), this.alsoSource ? this.ix.sources(n) : null]);
    return { file, sources };
  }

  // blockRows emits the rows a loaded block gives (in no order; a row may
  // come twice: its data and its source data both match). The block is
  // inflated into the page's buffers (Caches.inflater) and read there.
  blockRows(l: LoadedBlock, emit: Emit): void {
    const b = l.file;
    let x = b.read;
    if (!x) {
      if (!b.body) throw new Error(`block ${b.n} has neither its body nor its entries`);
      const bytes = this.ix.caches.inflater.bytes(b.body);
      // A block the page keeps is kept read (bytes and entries), so that
      // a query run again does not inflate and decode it again; the
      // others are read in the Inflater's buffers and left.
      if (this.ix.keeps(b.n)) {
        x = b.read = readBlock(bytes.slice(), true);
        b.body = null;
      } else x = readBlock(bytes);
    }
    if (l.sources) x = withSources(x, this.ix.caches.sources.bytes(l.sources));
    this.tested += dictRows(x, null, this.match, this.alsoSource, this.late[0], emit);
  }

  // segmentRows emits the rows every segment gives.
  segmentRows(emit: Emit): void {
    this.segs.forEach((g, k) => (this.tested += dictRows(g, g.ids, this.match, this.alsoSource, this.late[k + 1], emit)));
  }
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

// QueryLoader loads a data file with a query that makes the browser fetch
// it afresh ("v=<n>", or "" for any copy).
export type QueryLoader = (file: string, query: string) => Promise<Payload>;

// freshIndex gives, for each call, the scan's index as ix.js says now: a
// running scan's index grows by segments with each live update (and a
// merge writes a new generation), so the head is read afresh; an
// unchanged head keeps the index already loaded (and its files).
export function freshIndex(scan: string, load: QueryLoader, budget: FileBudget): () => Promise<ScanIndex | null> {
  let have: { head: string; main: string; ix: ScanIndex } | null = null;
  let stamp = 0;
  return async () => {
    const v = "v=" + String(Date.now() * 100 + (stamp++ % 100));
    const ix = await loadScanIndex(scan, (f) => load(f, v));
    if (!ix) return (have = null);
    const head = JSON.stringify(ix.meta);
    if (have && have.head === head) return have.ix;
    // A merge writes the next generation under new names: with the same
    // index and new segments, the shards and blocks loaded are kept.
    const main = JSON.stringify({ ...ix.meta, segs: undefined, cover: undefined });
    const caches = have && have.main === main ? have.ix.caches : newCaches(budget);
    have = { head, main, ix: new ScanIndex(scan, ix.meta, (f) => load(f, v), caches) };
    return have.ix;
  };
}
