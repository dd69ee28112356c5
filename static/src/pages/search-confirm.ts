// The confirming run of the indexed search pages (pages/search-indexed.ts):
// a query's candidate rows from each scan's index (or every row, when the
// index cannot narrow it), the chunks holding them loaded a few at a time,
// and the real query confirming each row, in display order. The page owns
// the hits and the table; it hands what the run needs as a Confirming.

import { notice } from "../ui/dom";
import { comma, plural } from "../ui/format";
import { compile, isRefused } from "../search/match";
import { planSide } from "../search/plan";
import type { Query } from "../search/query";
import { loadFrom } from "./search-corpus";
import { PARALLEL, type IxScan, type IxType } from "./search-ixscans";
import type { ChunkRef, ElementChunk } from "../data/types";

const SLICE_MS = 12; // confirming runs in slices this long, then yields
// Chunks kept between searches (about 2–4 MB of heap each).
const CHUNK_CACHE = 24;

// matcher is the real query as one function, the search worker's own
// (search/match.ts: linear time in each value): the confirm step and the
// fallback scan both call it, so results are exactly the search's.
export function matcher(q: Query): (v: string) => boolean {
  const m = compile(q.source, q.flags);
  if (isRefused(m)) throw new Error(m.error);
  return (v) => m.test(v);
}

// A Hit is one confirmed row.
export interface Hit {
  s: number; // scan index
  ty: IxType;
  d: string;
  sd: string;
  m: number;
  t: number;
  r: number;
  f: number;
  id: string;
  i: number;
}

// A Job is one chunk to confirm: all its rows, or the candidate rows.
interface Job {
  sc: IxScan;
  ty: IxType;
  ref: ChunkRef;
  rows: number[] | null; // rows of the type (not of the chunk); null: every row
}

// chunkJobs adds the jobs of one type's display chunks: the candidate rows
// (below ty.covered, the rows the index and its segments cover), then
// every row no index covers yet.
function chunkJobs(jobs: Job[], sc: IxScan, ty: IxType, rows: number[]): void {
  let r = 0;
  for (const ref of ty.chunks) {
    const s0 = ref.s ?? 0;
    const s1 = s0 + ref.n;
    const mine: number[] = [];
    while (r < rows.length && rows[r] < s0) r++;
    while (r < rows.length && rows[r] < Math.min(s1, ty.covered)) mine.push(rows[r++]);
    for (let x = Math.max(s0, ty.covered); x < s1; x++) mine.push(x);
    if (mine.length > 0) jobs.push({ sc, ty, ref, rows: mine });
  }
}

// ChunkCache loads a job's chunk, or takes it from the few kept from the
// last searches (a refined query often needs the same chunks).
export class ChunkCache {
  private readonly chunks = new Map<string, Promise<ElementChunk>>();

  get(j: Job): Promise<ElementChunk> {
    const key = j.sc.index + "/" + String(j.ref.f) + "/" + String(j.ref.v ?? 0);
    const have = this.chunks.get(key);
    if (have) {
      this.chunks.delete(key);
      this.chunks.set(key, have); // most recent last
      return have;
    }
    const pr = loadFrom(j.sc.folder, String(j.ref.f), j.ref.v ? "v=" + String(j.ref.v) : "").then((p) => {
      if (p.k !== "elements" || p.scan !== j.sc.id || p.type !== j.ty.info.slug) throw new Error(`The data file ${j.sc.folder}${j.ref.f} holds other elements.`);
      return p;
    });
    pr.catch(() => this.chunks.delete(key));
    this.chunks.set(key, pr);
    while (this.chunks.size > CHUNK_CACHE) this.chunks.delete(this.chunks.keys().next().value as string);
    return pr;
  }
}

// Confirming is what a run needs of its page.
export interface Confirming {
  scans: readonly IxScan[];
  host: HTMLElement; // notices of chunks that failed to load
  hits: Hit[]; // confirmed rows are added here
  chunks: ChunkCache;
  current: () => boolean; // false once a newer search started: the run stops
  setProgress: (t: string) => void;
  refresh: () => Promise<void>; // reads afresh what may have changed since the page loaded
  flush: (now: number) => boolean; // shows the hits so far when due; true when it did
}

// What a finished run cost: its data files and the index's candidates
// ("scan": the query scanned every row).
export interface Confirmed {
  chunks: number;
  candidates: number | "scan";
}

// confirm runs query q over the page's scans; null when a newer search
// superseded it.
export async function confirm(cx: Confirming, q: Query, alsoSource: boolean): Promise<Confirmed | null> {
  const match = matcher(q);
  const scan = planSide(q, "value").kind === "scan" || (alsoSource && planSide(q, "source").kind === "scan");
  const jobs: Job[] = [];
  let candidates = 0;
  cx.setProgress(scan ? "This query has no three characters in a row the index knows: searching every element…" : "Looking the query up in the index…");
  // What may have changed since the page loaded (a live update has
  // just read it).
  await cx.refresh();
  if (!cx.current()) return null;
  // Every scan's index at once (their shards load in parallel).
  const found = await Promise.all(cx.scans.map((sc) => (scan || !sc.ix || sc.error !== "" || !sc.m ? null : sc.ix.candidates(q, alsoSource))));
  if (!cx.current()) return null;
  for (const sc of cx.scans) {
    if (sc.error !== "" || !sc.m) continue;
    const ids = found[sc.index];
    if (!ids) {
      for (const ty of sc.types) for (const ref of ty.chunks) jobs.push({ sc, ty, ref, rows: null });
      continue;
    }
    const byType = sc.ix!.typeRows(ids);
    for (const ty of sc.types) {
      const rows = ty.ixType >= 0 ? (byType.get(ty.ixType) ?? []) : [];
      candidates += rows.length;
      // Candidates below the rows the index and its segments cover,
      // every row from there on.
      chunkJobs(jobs, sc, ty, rows);
    }
  }
  if (!cx.current()) return null;
  const hits = cx.hits;
  const totalRows = jobs.reduce((a, j) => a + (j.rows ? j.rows.length : j.ref.n), 0);
  let doneRows = 0;
  let doneJobs = 0;
  const say = () => {
    if (scan) cx.setProgress(`Searching every element: ${comma(doneRows)} of ${comma(totalRows)} · ${plural(hits.length, "match", "matches")} so far`);
    else cx.setProgress(`Confirming ${comma(candidates)} candidates from the index: ${comma(doneJobs)} of ${plural(jobs.length, "data file", "data files")} · ${plural(hits.length, "match", "matches")} so far`);
  };
  say();
  // Chunks load PARALLEL at a time and are confirmed in display order.
  const started: Array<Promise<ElementChunk> | undefined> = [];
  let next = 0;
  const more = (done: number) => {
    while (next < jobs.length && next - done < PARALLEL) {
      const pr = cx.chunks.get(jobs[next]);
      pr.catch(() => undefined);
      started.push(pr);
      next++;
    }
  };
  let sliceEnd = performance.now() + SLICE_MS;
  for (let k = 0; k < jobs.length; k++) {
    more(k);
    let c: ElementChunk;
    try {
      c = await started[k]!;
    } catch (e) {
      if (!cx.current()) return null;
      notice(cx.host, `${jobs[k].sc.name}: ${(e as Error).message} Its rows are left out of the results.`, "error", "chunk-" + jobs[k].sc.index);
      started[k] = undefined;
      continue;
    }
    started[k] = undefined;
    if (!cx.current()) return null;
    more(k + 1);
    const j = jobs[k];
    const s0 = j.ref.s ?? 0;
    const test = (x: number) => {
      if (x < 0 || x >= c.n) return;
      const d = String(c.d[x]);
      const sd = String(c.sd[x]);
      if (match(d) || (alsoSource && match(sd))) {
        hits.push({ s: j.sc.index, ty: j.ty, d, sd, m: c.m[x] | 0, t: +c.t[x] || 0, r: c.r[x] | 0, f: c.f[x] | 0, id: String(c.id[x]), i: c.i[x] | 0 });
      }
    };
    if (j.rows) for (const row of j.rows) test(row - s0);
    else for (let x = 0; x < c.n; x++) test(x);
    doneRows += j.rows ? j.rows.length : c.n;
    doneJobs++;
    const now = performance.now();
    if (cx.flush(now)) say();
    if (now >= sliceEnd) {
      await new Promise<void>((r) => window.setTimeout(r, 0));
      if (!cx.current()) return null;
      sliceEnd = performance.now() + SLICE_MS;
    }
  }
  if (!cx.current()) return null;
  return { chunks: jobs.length, candidates: scan ? "scan" : candidates };
}
