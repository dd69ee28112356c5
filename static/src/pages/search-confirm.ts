// The confirming run of the indexed search pages (pages/search-indexed.ts).
// For each scan with an index (search/ixread.ts): the query's candidate
// dictionary blocks are loaded a few at a time, every entry of each is
// tested with the real query, and the rows of the matching entries are the
// hits; every segment likewise. Rows no index covers yet (past cover, or
// a scan without an index) are tested from their display chunks. The
// count is exact when this ends, before any display chunk is loaded for
// the table (pages/search-hits.ts). The page owns the hits and the table;
// it hands what the run needs as a Confirming.

import { notice } from "../ui/dom";
import { comma, plural } from "../ui/format";
import { IndexRun, type LoadedBlock } from "../search/ixread";
import { compile, isRefused } from "../search/match";
import type { Query } from "../search/query";
import { hitKey, type ChunkCache } from "./search-hits";
import { PARALLEL, type IxScan, type IxType } from "./search-ixscans";
import type { ChunkRef, ElementChunk } from "../data/types";

const SLICE_MS = 12; // confirming runs in slices this long, then yields
// Dictionary blocks in flight (small files: their count, not their bytes,
// is what costs).
const BLOCKS_PARALLEL = 16;

// matcher is the real query as one function, the search worker's own
// (search/match.ts: linear time in each value): the index's entries and
// the rows tested from chunks are both tested with it, so results are
// exactly the search's.
export function matcher(q: Query): (v: string) => boolean {
  const m = compile(q.source, q.flags);
  if (isRefused(m)) throw new Error(m.error);
  return (v) => m.test(v);
}

// Confirming is what a run needs of its page.
export interface Confirming {
  scans: readonly IxScan[];
  host: HTMLElement; // notices of files that failed to load
  chunks: ChunkCache;
  current: () => boolean; // false once a newer search started: the run stops
  setProgress: (t: string) => void;
  refresh: () => Promise<void>; // reads afresh what may have changed since the page loaded
  add: (key: number, d: string | null) => void; // takes a hit (any order, maybe repeated) and its data when the index gave it
  found: () => number; // matches so far
  flush: (now: number) => boolean; // shows the hits so far when due; true when it did
}

// What a finished run cost: dictionary blocks and display chunks it
// loaded, and the entries it tested ("scan": the query has no usable
// trigram, every block was tested).
export interface Confirmed {
  blocks: number;
  chunks: number;
  candidates: number | "scan";
}

// A chunk job: rows of a display chunk tested one by one (from row `from`
// of the type on: the rows no index covers).
interface ChunkJob {
  sc: IxScan;
  ty: IxType;
  ref: ChunkRef;
  from: number;
}

// A block job: one candidate block of one scan's run.
interface BlockJob {
  sc: IxScan;
  run: IndexRun;
  n: number;
}

// confirm runs query q over the page's scans; null when a newer search
// superseded it.
export async function confirm(cx: Confirming, q: Query, alsoSource: boolean): Promise<Confirmed | null> {
  const match = matcher(q);
  cx.setProgress("Looking the query up in the index…");
  // What may have changed since the page loaded (a live update has
  // just read it).
  await cx.refresh();
  if (!cx.current()) return null;
  const scans = cx.scans.filter((sc) => sc.error === "" && sc.m);
  // Every scan's plan at once (their shards load in parallel); a scan
  // whose index fails is tested from its chunks.
  const runs = await Promise.all(
    scans.map((sc) =>
      sc.ix
        ? IndexRun.start(sc.ix, q, match, alsoSource).catch((e: Error) => {
            notice(cx.host, `${sc.name}: its search index could not be read (${e.message}); its elements are searched one by one.`, "error", "ix-" + sc.index);
            return null;
          })
        : null,
    ),
  );
  if (!cx.current()) return null;
  const blocks: BlockJob[] = [];
  const chunkJobs: ChunkJob[] = [];
  let scan = false;
  scans.forEach((sc, k) => {
    const run = runs[k];
    if (run) {
      scan ||= run.scan;
      for (const n of run.blocks) blocks.push({ sc, run, n });
    }
    for (const ty of sc.types) {
      const from = run ? ty.covered : 0;
      for (const ref of ty.chunks) if ((ref.s ?? 0) + ref.n > from) chunkJobs.push({ sc, ty, ref, from });
    }
  });
  // Segments first: small, and every entry of each is tested.
  scans.forEach((sc, k) => runs[k]?.segmentRows(emitter(sc, cx)));
  let doneBlocks = 0;
  const say = () =>
    cx.setProgress(
      (scan ? "This query has no three characters in a row the index knows: testing every value of the index: " : "Testing the index's candidate values: ") +
        `${comma(doneBlocks)} of ${plural(blocks.length, "block", "blocks")}` +
        (chunkJobs.length > 0 ? ` and ${plural(chunkJobs.length, "data file", "data files")} not indexed yet` : "") +
        ` · ${plural(cx.found(), "match", "matches")} so far`,
    );
  say();
  const slice = slicer(cx);
  // Blocks load BLOCKS_PARALLEL at a time, and are tested in order.
  const ok = await inOrder(
    blocks,
    BLOCKS_PARALLEL,
    (j) => j.run.load(j.n),
    (j, b: LoadedBlock) => {
      j.run.blockRows(b, emitter(j.sc, cx));
      doneBlocks++;
    },
    (j, e) => notice(cx.host, `${j.sc.name}: ${e.message} Its rows are left out of the results.`, "error", "block-" + j.sc.index),
    async () => {
      if (cx.flush(performance.now())) say();
      return slice();
    },
  );
  if (!ok || !cx.current()) return null;
  // Rows no index covers: tested from their chunks.
  const ok2 = await inOrder(
    chunkJobs,
    PARALLEL,
    (j) => cx.chunks.get(j.sc, j.ty, j.ref),
    (j, c: ElementChunk) => {
      const s0 = j.ref.s ?? 0;
      for (let x = Math.max(0, j.from - s0); x < c.n; x++) {
        const d = String(c.d[x]);
        if (match(d) || (alsoSource && match(String(c.sd[x])))) cx.add(hitKey(j.sc.index, j.ty.pos, s0 + x), d);
      }
    },
    (j, e) => notice(cx.host, `${j.sc.name}: ${e.message} Its rows are left out of the results.`, "error", "chunk-" + j.sc.index),
    async () => {
      if (cx.flush(performance.now())) say();
      return slice();
    },
  );
  if (!ok2 || !cx.current()) return null;
  const tested = runs.reduce((a, r) => a + (r ? r.tested : 0), 0);
  return { blocks: blocks.length, chunks: chunkJobs.length, candidates: scan ? "scan" : tested };
}

// emitter turns a scan's index ids into hits, added to the page's.
function emitter(sc: IxScan, cx: Confirming): (id: number, d: string | null) => void {
  const mult = 2 ** (sc.ix?.meta.rowBits ?? 24);
  return (id, d) => {
    const ty = sc.byIx[Math.floor(id / mult)];
    const row = id % mult;
    // A row the manifest read does not hold yet is left out (its chunk
    // could not confirm it).
    if (ty && row < ty.rows) cx.add(hitKey(sc.index, ty.pos, row), d);
  };
}

// slicer yields to the page once a slice of work has run; false when a
// newer search superseded this one.
function slicer(cx: Confirming): () => Promise<boolean> {
  let end = performance.now() + SLICE_MS;
  return async () => {
    if (performance.now() < end) return cx.current();
    await new Promise<void>((r) => window.setTimeout(r, 0));
    end = performance.now() + SLICE_MS;
    return cx.current();
  };
}

// inOrder loads the file of each job, parallel at a time, and hands each
// to use in order (a file that fails to load to failed); after each, step
// shows progress and yields, and its false stops the loop (false).
async function inOrder<J, F>(jobs: J[], parallel: number, load: (j: J) => Promise<F>, use: (j: J, f: F) => void, failed: (j: J, e: Error) => void, step: () => Promise<boolean>): Promise<boolean> {
  const started: Array<Promise<F> | undefined> = [];
  let next = 0;
  const more = (done: number) => {
    while (next < jobs.length && next - done < parallel) {
      const pr = load(jobs[next]);
      pr.catch(() => undefined); // handled in turn
      started.push(pr);
      next++;
    }
  };
  for (let k = 0; k < jobs.length; k++) {
    more(k);
    try {
      const f = await started[k]!;
      started[k] = undefined;
      more(k + 1);
      use(jobs[k], f);
    } catch (e) {
      started[k] = undefined;
      failed(jobs[k], e as Error);
    }
    if (!(await step())) return false;
  }
  return true;
}
