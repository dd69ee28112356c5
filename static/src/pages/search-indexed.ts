// The search pages over the search index (docs/site-format.md, "Search
// index"): scans/<id>/search.html and the root search.html of a built
// site. Instead of loading every element before the first query, the page
// loads each scan's manifest and index (ix.js); a query is planned
// (search/plan.ts), the shards of the trigrams or the exact hash it needs
// are loaded, their posting lists give candidate rows, only the chunks
// holding candidates are loaded, and the real query confirms each
// candidate. Rows stream into the table in display order (scan, type as
// the manifest lists them, arrival order) as chunks are confirmed; the
// count under the box is given when the search is complete, and it is
// exact. A query the index cannot narrow (no trigram: *a*, /./) scans
// every chunk of the scope, with progress and partial results; a newer
// query cancels a running one. Scans without an index (or whose rows
// outgrew it) are scanned for the rows the index does not cover.
//
// A running scan's index grows by segments (search/segments.ts) while the
// preview server follows it: its manifest and index head are read afresh
// for each query, and a live update runs the query again (LiveTarget,
// ScansTarget), so new rows are found through the segments; rows no
// segment covers yet are tested one by one.

import { copyButton, DetailPanel, field } from "../table/detail";
import { byId, clearNotice, h, notice, setText } from "../ui/dom";
import { comma, plural, utc, utf8Length } from "../ui/format";
import { compile, isRefused } from "../search/match";
import { freshIndex, type ScanIndex } from "../search/ixread";
import { planSide } from "../search/plan";
import { addSearchHash, readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import type { Live, LiveTarget, ScansTarget } from "../live/live";
import { loadFrom } from "./search-corpus";
import type { Query } from "../search/query";
import { strCmp } from "../table/ordered";
import { valueBlock } from "../ui/sfurl";
import { FLAG_CUT, FLAG_RISKY, type ChunkRef, type ElementChunk, type Manifest, type ScanEntry, type ScansList, type TypeInfo } from "../data/types";
import { elementColumns, scanColumn, typeColumn } from "../table/columns";
import { VTable, type Column, type SortDir } from "../table/vtable";

const ROW_H = 34;
const PARALLEL = 6; // data files in flight
const SLICE_MS = 12; // confirming runs in slices this long, then yields
const FLUSH_MS = 60; // rows reach the table at most this often while a search runs
// Chunks kept between searches (about 2–4 MB of heap each).
const CHUNK_CACHE = 24;
const SCAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const FOLDER = /^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

// matcher is the real query as one function, the search worker's own
// (search/match.ts: linear time in each value): the confirm step and the
// fallback scan both call it, so results are exactly the search's.
export function matcher(q: Query): (v: string) => boolean {
  const m = compile(q.source, q.flags);
  if (isRefused(m)) throw new Error(m.error);
  return (v) => m.test(v);
}

interface IxType {
  info: TypeInfo;
  chunks: ChunkRef[]; // by start row
  indexed: number; // rows the index written whole covers (0 when it has none)
  covered: number; // rows it and its segments cover (≥ indexed)
  ixType: number; // the type's number in the index, -1 when not indexed
}

interface IxScan {
  index: number;
  id: string;
  name: string;
  target: string;
  folder: string;
  pages: string;
  m: Manifest | null;
  ix: ScanIndex | null;
  fresh: () => Promise<ScanIndex | null>; // the index as ix.js says now
  types: IxType[]; // in manifest order
  bySlug: Map<string, IxType>;
  fp: Set<number>;
  error: string;
}

// A Hit is one confirmed row.
interface Hit {
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

export async function initIndexedSearchPage(box: SearchBox | null, all: boolean, live: Live): Promise<boolean> {
  const host = byId("search-results");
  if (!host) return true;
  const page = new IndexedSearchPage(host, box, all, live.config !== null);
  if (!(await page.load())) return false;
  // Live updates run the query again over what the scans hold now.
  if (all) live.setScansTarget(page);
  else live.setTarget(page);
  return true;
}

// stamp is a query that makes the browser load a file afresh.
function stamp(): string {
  return "v=" + String(Date.now());
}

class IndexedSearchPage implements SearchHandler, LiveTarget, ScansTarget {
  private readonly scans: IxScan[] = [];
  private readonly table: VTable;
  private readonly detail: DetailPanel | null;
  private readonly progress: HTMLElement | null;
  private readonly hideFP: HTMLInputElement | null;
  private hits: Hit[] = [];
  private orderN = 0;
  private disp = new Int32Array(0);
  private dispN = 0;
  private groupCount = new Int32Array(0);
  private sortKey: string | null = null;
  private sortDir: SortDir = "ascending";
  private hide = false;
  private query: Query | null = null;
  private seq = 0;
  private running = false;
  private t0 = 0;
  private lastFlush = 0;
  private total = 0;
  private ready = false;
  private refreshed = false; // the scans were read afresh since the last query ran
  private alsoSource = false;
  private lastMs = 0;
  private readonly chunks = new Map<string, Promise<ElementChunk>>();

  constructor(
    private readonly host: HTMLElement,
    private readonly box: SearchBox | null,
    private readonly all: boolean,
    // The preview server's page: every scan's files may change (segments
    // merged, downloads written), so each query reads them afresh.
    private readonly serving: boolean,
  ) {
    this.progress = byId("search-progress");
    this.hideFP = byId<HTMLInputElement>("hide-fp");
    const detailEl = byId("search-detail");
    this.detail = detailEl ? new DetailPanel(detailEl, "Data element") : null;
    if (this.detail) this.detail.onClose = () => this.table.focusActive();
    this.table = new VTable({
      container: this.host,
      className: this.all ? "vt-search vt-search-all" : "vt-search",
      label: this.all ? "Search results over all scans" : "Search results",
      rowHeight: ROW_H,
      columns: this.columns(),
      empty: "",
      rowClass: (k) => (k < 0 ? "vt-group" : this.rowClass(this.hits[k])),
      onSort: (k) => this.sortBy(k),
      onActivate: (k) => {
        if (k >= 0) this.openDetail(this.hits[k]);
      },
    });
    this.hideFP?.addEventListener("change", this.onHideFP);
    this.emptyText();
    // The box is ours at once (typing goes on while the index loads); a
    // search asked for before then runs when it has loaded.
    if (box) {
      box.handler = this;
      box.onStateChange = () => this.writeHash();
    }
    window.addEventListener("hashchange", this.onHash);
    this.readHash(false);
  }

  private readonly onHideFP = (): void => {
    this.hide = !!this.hideFP?.checked;
    this.relayout(false);
    this.report();
    this.writeHash();
  };
  private readonly onHash = (): void => this.readHash(true);

  // load reads the scans' manifests and indexes; false when this page
  // cannot search by index (no scan has one): the caller then loads the
  // elements instead.
  async load(): Promise<boolean> {
    this.host.setAttribute("aria-busy", "true");
    try {
      if (this.all) await this.loadList();
      else await this.loadOne();
    } catch (e) {
      notice(this.host, (e as Error).message, "error", "load");
    }
    if (this.scans.length > 0 && this.scans.every((sc) => !sc.ix && sc.error === "")) {
      // No scan has an index: the loading search page takes over.
      this.seq++;
      this.hideFP?.removeEventListener("change", this.onHideFP);
      window.removeEventListener("hashchange", this.onHash);
      if (this.box) {
        this.box.handler = null;
        this.box.onStateChange = null;
      }
      this.host.replaceChildren();
      this.host.removeAttribute("aria-busy");
      return false;
    }
    this.ready = true;
    this.host.setAttribute("data-rows", String(this.total));
    this.host.setAttribute("data-index", "1");
    this.host.removeAttribute("aria-busy");
    try {
      performance.mark("sr:search-ready");
    } catch {
      /* optional */
    }
    this.idleProgress();
    if (this.query) this.search(this.query, this.alsoSource);
    return true;
  }

  private async loadOne(): Promise<void> {
    const id = document.body.getAttribute("data-scan") ?? "";
    const folder = document.body.getAttribute("data-data") ?? "";
    if (!SCAN_ID.test(id) || !FOLDER.test(folder)) throw new Error("This page has no valid scan data folder.");
    this.setProgress("Loading the scan's search index…");
    await this.addScan(id, id, "", folder, "");
  }

  private async loadList(): Promise<void> {
    this.setProgress("Loading the list of scans…");
    const p = await loadFrom("data/", "scans.js");
    if (p.k !== "scans") throw new Error("data/scans.js holds no list of scans.");
    const list = (p as ScansList).scans.filter((e) => SCAN_ID.test(String(e.id)) && e.data === "scans/" + String(e.id) + "/data/");
    let k = 0;
    const next = async (): Promise<void> => {
      while (k < list.length) {
        const e = list[k++];
        await this.addScan(String(e.id), String(e.name ?? e.id), String(e.target ?? ""), e.data, "scans/" + String(e.id) + "/");
      }
    };
    // Keep the list's order: scans are made first, then filled.
    await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, next));
    this.scans.sort((a, b) => list.findIndex((e) => e.id === a.id) - list.findIndex((e) => e.id === b.id));
    this.scans.forEach((sc, i) => (sc.index = i));
  }

  private async addScan(id: string, name: string, target: string, folder: string, pages: string): Promise<void> {
    const fresh = freshIndex(id, (f, q) => loadFrom(folder, f, q));
    const sc: IxScan = { index: this.scans.length, id, name: name || id, target, folder, pages, m: null, ix: null, fresh, types: [], bySlug: new Map(), fp: new Set(), error: "" };
    this.scans.push(sc);
    await this.readScan(sc, "");
    this.total += Number(sc.m?.count) || 0;
  }

  // readScan reads a scan's manifest (query: "" or a stamp to read it
  // afresh), index head and false positives, and lays out its types.
  private async readScan(sc: IxScan, query: string): Promise<void> {
    try {
      const mp = await loadFrom(sc.folder, "manifest.js", query);
      if (mp.k !== "manifest" || mp.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
      sc.m = mp;
      // No index (an older site): this scan is scanned.
      sc.ix = await sc.fresh();
      const ixTypes = new Map<string, { n: number; c: number; k: number }>();
      sc.ix?.types.forEach((t, k) => ixTypes.set(t.slug, { n: t.n, c: t.c, k }));
      sc.types = [];
      sc.bySlug = new Map();
      mp.types.forEach((t) => {
        const x = ixTypes.get(t.slug);
        const chunks = t.chunks.slice().sort((a, b) => (a.s ?? 0) - (b.s ?? 0));
        const ty: IxType = { info: t, chunks, indexed: x ? x.n : 0, covered: x ? x.c : 0, ixType: x ? x.k : -1 };
        sc.types.push(ty);
        sc.bySlug.set(t.slug, ty);
      });
      sc.fp = new Set();
      if (mp.fp && mp.fp.n > 0) {
        const fp = await loadFrom(sc.folder, String(mp.fp.f), query);
        if (fp.k === "fp" && fp.scan === sc.id) sc.fp = new Set(fp.i);
      }
      sc.error = "";
      clearNotice(this.host, "scan-" + sc.index);
    } catch (e) {
      sc.error = (e as Error).message;
      notice(this.host, `${sc.name}: ${sc.error}`, "error", "scan-" + sc.index);
    }
  }

  // refresh reads afresh the scans whose files may have changed: every
  // scan on the preview server, a running one on a built site.
  private async refresh(only: Set<string> | null): Promise<void> {
    const q = stamp();
    const due = this.scans.filter((sc) => (only ? only.has(sc.id) : this.serving || (sc.m !== null && !sc.m.done)));
    await Promise.all(due.map((sc) => this.readScan(sc, q)));
    if (due.length === 0) return;
    this.total = this.scans.reduce((a, sc) => a + (Number(sc.m?.count) || 0), 0);
    this.host.setAttribute("data-rows", String(this.total));
  }

  // ---- live updates: the query runs again over what the scans hold ----

  update(m: Manifest): Promise<"ok" | "reload"> {
    return this.again(new Set([String(m.scan)])).then(() => "ok" as const);
  }

  updateScans(ids: string[]): Promise<"ok" | "stale"> {
    return this.again(new Set(ids)).then(() => "ok" as const);
  }

  async syncList(list: ScanEntry[]): Promise<"ok" | "stale"> {
    const want = list.filter((e) => SCAN_ID.test(String(e.id)) && e.data === "scans/" + String(e.id) + "/data/");
    const ids = new Set(want.map((e) => String(e.id)));
    const kept = this.scans.filter((sc) => ids.has(sc.id));
    for (const sc of this.scans) {
      if (!ids.has(sc.id)) notice(this.host, `${sc.name} is no longer in the scans folder: its elements are left out of the results.`, "info", "gone-" + sc.id);
    }
    this.scans.length = 0;
    this.scans.push(...kept);
    this.scans.forEach((sc, i) => (sc.index = i));
    for (const e of want) {
      clearNotice(this.host, "gone-" + String(e.id));
      if (!this.scans.some((sc) => sc.id === String(e.id))) await this.addScan(String(e.id), String(e.name ?? e.id), String(e.target ?? ""), e.data, "scans/" + String(e.id) + "/");
    }
    this.scans.sort((a, b) => want.findIndex((e) => String(e.id) === a.id) - want.findIndex((e) => String(e.id) === b.id));
    this.scans.forEach((sc, i) => (sc.index = i));
    await this.again(null);
    return "ok";
  }

  // again reads the scans afresh and runs the current query again.
  private async again(only: Set<string> | null): Promise<void> {
    if (!this.ready) return;
    await this.refresh(only ?? new Set(this.scans.map((sc) => sc.id)));
    this.refreshed = true;
    if (this.query) this.search(this.query, this.alsoSource);
    else this.emptyText();
  }

  // ---- search ----

  search(q: Query | null, alsoSource: boolean): void {
    this.query = q;
    this.alsoSource = alsoSource;
    if (!this.ready) return;
    const seq = ++this.seq;
    this.hits = [];
    this.relayout(true);
    if (!q) {
      this.running = false;
      this.idleProgress();
      this.emptyText();
      return;
    }
    this.running = true;
    this.emptyText();
    this.t0 = performance.now();
    this.lastFlush = this.t0;
    void this.run(seq, q, alsoSource).catch((e) => {
      if (seq !== this.seq) return;
      this.running = false;
      this.box?.showError("The search failed: " + (e as Error).message);
    });
  }

  private async run(seq: number, q: Query, alsoSource: boolean): Promise<void> {
    const match = matcher(q);
    const scan = planSide(q, "value").kind === "scan" || (alsoSource && planSide(q, "source").kind === "scan");
    const jobs: Job[] = [];
    let candidates = 0;
    this.setProgress(scan ? "This query has no three characters in a row the index knows: searching every element…" : "Looking the query up in the index…");
    // What may have changed since the page loaded (a live update has
    // just read it).
    if (!this.refreshed) await this.refresh(null);
    this.refreshed = false;
    if (seq !== this.seq) return;
    // Every scan's index at once (their shards load in parallel).
    const found = await Promise.all(this.scans.map((sc) => (scan || !sc.ix || sc.error !== "" || !sc.m ? null : sc.ix.candidates(q, alsoSource))));
    if (seq !== this.seq) return;
    for (const sc of this.scans) {
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
    if (seq !== this.seq) return;
    const totalRows = jobs.reduce((a, j) => a + (j.rows ? j.rows.length : j.ref.n), 0);
    let doneRows = 0;
    let doneJobs = 0;
    const say = () => {
      if (scan) this.setProgress(`Searching every element: ${comma(doneRows)} of ${comma(totalRows)} · ${plural(this.hits.length, "match", "matches")} so far`);
      else this.setProgress(`Confirming ${comma(candidates)} candidates from the index: ${comma(doneJobs)} of ${plural(jobs.length, "data file", "data files")} · ${plural(this.hits.length, "match", "matches")} so far`);
    };
    say();
    // Chunks load PARALLEL at a time and are confirmed in display order.
    const started: Array<Promise<ElementChunk> | undefined> = [];
    let next = 0;
    const more = (done: number) => {
      while (next < jobs.length && next - done < PARALLEL) {
        const pr = this.chunk(jobs[next]);
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
        if (seq !== this.seq) return;
        notice(this.host, `${jobs[k].sc.name}: ${(e as Error).message} Its rows are left out of the results.`, "error", "chunk-" + jobs[k].sc.index);
        started[k] = undefined;
        continue;
      }
      started[k] = undefined;
      if (seq !== this.seq) return;
      more(k + 1);
      const j = jobs[k];
      const s0 = j.ref.s ?? 0;
      const test = (x: number) => {
        if (x < 0 || x >= c.n) return;
        const d = String(c.d[x]);
        const sd = String(c.sd[x]);
        if (match(d) || (alsoSource && match(sd))) {
          this.hits.push({ s: j.sc.index, ty: j.ty, d, sd, m: c.m[x] | 0, t: +c.t[x] || 0, r: c.r[x] | 0, f: c.f[x] | 0, id: String(c.id[x]), i: c.i[x] | 0 });
        }
      };
      if (j.rows) for (const row of j.rows) test(row - s0);
      else for (let x = 0; x < c.n; x++) test(x);
      doneRows += j.rows ? j.rows.length : c.n;
      doneJobs++;
      const now = performance.now();
      if (now - this.lastFlush >= FLUSH_MS || (this.orderN === 0 && this.hits.length > 0)) {
        this.lastFlush = now;
        this.relayout(false);
        say();
      }
      if (now >= sliceEnd) {
        await new Promise<void>((r) => window.setTimeout(r, 0));
        if (seq !== this.seq) return;
        sliceEnd = performance.now() + SLICE_MS;
      }
    }
    if (seq !== this.seq) return;
    this.running = false;
    const ms = performance.now() - this.t0;
    // What the search cost, for tests and benchmarks.
    this.host.setAttribute("data-chunks", String(jobs.length));
    this.host.setAttribute("data-candidates", scan ? "scan" : String(candidates));
    this.relayout(false);
    this.emptyText();
    this.idleProgress();
    this.report(ms);
  }

  // chunk loads a job's chunk, or takes it from the few kept from the
  // last searches (a refined query often needs the same chunks).
  private chunk(j: Job): Promise<ElementChunk> {
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

  // ---- what the table shows ----

  // relayout rebuilds the display order from the hits: sorted when a sort
  // is set (else in the order they were confirmed, which is display
  // order), false positives left out when hidden, grouped by scan.
  private relayout(resetScroll: boolean): void {
    const hits = this.hits;
    let ord = new Int32Array(hits.length);
    let n = 0;
    for (let k = 0; k < hits.length; k++) if (!this.hide || !this.isFP(hits[k])) ord[n++] = k;
    ord = ord.subarray(0, n);
    if (this.sortKey) {
      const cmp = this.cmp(this.sortKey);
      const dir = this.sortDir === "ascending" ? 1 : -1;
      const a = Array.from(ord);
      a.sort((x, y) => dir * cmp(hits[x], hits[y]) || x - y);
      ord = Int32Array.from(a);
    }
    this.orderN = n;
    const ns = this.scans.length;
    const counts = new Int32Array(ns);
    for (let k = 0; k < n; k++) counts[hits[ord[k]].s]++;
    this.groupCount = counts;
    if (!this.all) {
      this.disp = ord;
      this.dispN = n;
    } else {
      let groups = 0;
      for (let s = 0; s < ns; s++) if (counts[s] > 0) groups++;
      const d = new Int32Array(Math.max(n + groups, 16));
      const at = new Int32Array(ns);
      let p = 0;
      for (let s = 0; s < ns; s++) {
        if (counts[s] === 0) continue;
        d[p++] = -1 - s;
        at[s] = p;
        p += counts[s];
      }
      for (let k = 0; k < n; k++) d[at[hits[ord[k]].s]++] = ord[k];
      this.disp = d;
      this.dispN = n + groups;
    }
    this.table.setItems(this.disp, this.dispN, resetScroll);
  }

  private isFP(x: Hit): boolean {
    return this.scans[x.s].fp.has(x.i);
  }

  private report(ms?: number): void {
    const q = this.query;
    if (!q || !this.box || this.running) return;
    if (ms !== undefined) this.lastMs = ms;
    const n = this.orderN;
    let extra = "";
    if (this.all && n > 0) {
      let scans = 0;
      for (let k = 0; k < this.groupCount.length; k++) if (this.groupCount[k] > 0) scans++;
      extra = ` · in ${plural(scans, "scan", "scans")}`;
    }
    this.box.showResult(q, n, this.lastMs, ["match", "matches"], extra);
  }
  private emptyText(): void {
    let t: string;
    if (!this.query) t = `Type a value, a *wildcard* pattern or a /regular expression/ in the search box above to search ${this.all ? "every scan" : "every element of this scan"}.`;
    else if (this.running) t = "No match so far; still searching.";
    else t = this.hide ? "No element matches (false positives hidden)." : "No element matches.";
    this.table.setEmptyText(t);
  }

  private idleProgress(): void {
    if (!this.ready) return;
    const indexed = this.scans.filter((s) => s.ix).length;
    const broken = this.scans.filter((s) => s.error !== "").length;
    let t = this.all ? `${plural(this.total, "element", "elements")} of ${plural(this.scans.length, "scan", "scans")} searchable` : `${plural(this.total, "element", "elements")} searchable`;
    t += indexed === this.scans.length ? " through the search index" : ` · ${plural(indexed, "scan", "scans")} of ${comma(this.scans.length)} indexed`;
    if (broken > 0) t += ` · ${plural(broken, "scan", "scans")} could not be loaded`;
    this.setProgress(t);
  }

  private setProgress(t: string): void {
    if (this.progress) setText(this.progress, t);
  }

  // ---- table ----

  private columns(): Column[] {
    const cols: Column[] = [];
    if (this.all) cols.push(scanColumn((k) => this.scans[this.hits[k].s], (g) => ({ scan: this.scans[g], matches: this.groupCount[g] ?? 0 })));
    cols.push(
      typeColumn((k) => String(this.hits[k].ty.info.descr ?? "")),
      ...elementColumns({
        data: (k) => this.hits[k].d,
        source: (k) => this.hits[k].sd,
        module: (k) => this.moduleOf(this.hits[k]),
        time: (k) => this.hits[k].t,
        fp: (k) => this.isFP(this.hits[k]),
      }),
    );
    return cols;
  }

  private moduleOf(x: Hit): string {
    return String(this.scans[x.s].m?.modules[x.m] ?? "");
  }

  private rowClass(x: Hit): string {
    return (this.isFP(x) ? "is-fp" : "") + (x.f & FLAG_RISKY ? " is-risky" : "");
  }

  private cmp(key: string): (a: Hit, b: Hit) => number {
    switch (key) {
      case "data":
        return (a, b) => strCmp(a.d, b.d);
      case "source":
        return (a, b) => strCmp(a.sd, b.sd);
      case "module":
        return (a, b) => strCmp(this.moduleOf(a).toLowerCase(), this.moduleOf(b).toLowerCase());
      case "time":
        return (a, b) => a.t - b.t;
      case "fp":
        return (a, b) => Number(this.isFP(a)) - Number(this.isFP(b));
      case "type":
        return (a, b) => strCmp(String(a.ty.info.descr ?? ""), String(b.ty.info.descr ?? ""));
    }
    return () => 0;
  }

  private sortBy(key: string): void {
    const first: SortDir = key === "fp" ? "descending" : "ascending";
    this.applySort(key, this.sortKey === key ? (this.sortDir === "ascending" ? "descending" : "ascending") : first);
  }

  private applySort(key: string, dir: SortDir): void {
    this.sortKey = key;
    this.sortDir = dir;
    this.table.setSort(key, dir);
    this.relayout(true);
    this.writeHash();
  }

  // ---- detail ----

  private openDetail(x: Hit): void {
    if (!this.detail) return;
    const sc = this.scans[x.s];
    const t = x.ty.info;
    this.detail.show("Data element", (body) => {
      body.append(valueBlock("detail-data", x.d, 0));
      const actions = h("div", { class: "detail-actions" }, copyButton("Copy value", () => x.d));
      const slug = String(t.slug);
      if (SLUG.test(slug)) actions.append(h("a", { class: "btn small detail-open", href: sc.pages + "types/" + slug + ".html" }, `Open the ${String(t.descr)} table`));
      if (this.all) actions.append(h("a", { class: "btn small", href: sc.pages + "index.html" }, "Open the scan"));
      body.append(actions);
      if (x.f & FLAG_CUT) body.append(h("p", { class: "notice partial" }, "This value was longer than 64 KiB and is cut here. The full value is in the scan's downloads."));
      const dl = h("dl", { class: "detail-fields" });
      if (this.all) field(dl, "Scan", sc.name, " ", h("code", null, sc.id));
      field(dl, "Type", String(t.descr), " ", h("code", null, String(t.code)));
      field(dl, "Source data element", valueBlock("detail-source", x.sd));
      if (utf8Length(x.sd) > 1020) dl.lastElementChild?.append(h("p", { class: "hint" }, "Source values are shown up to 1 KiB here."));
      field(dl, "Source module", this.moduleOf(x));
      field(dl, "Identified", x.t ? utc(x.t) + " UTC" : "unknown");
      const risky = (x.f & FLAG_RISKY) !== 0;
      field(dl, "Risk", risky ? h("span", { class: "badge risk-high" }, "risky") : "not risky", x.r > 0 ? ` · risk score ${x.r} of 100` : "");
      field(dl, "False positive", this.isFP(x) ? h("span", { class: "tag fp" }, "yes: marked false positive") : "no");
      field(dl, "Element id", h("code", null, x.id));
      field(dl, "Element index", h("code", null, String(x.i)));
      body.append(dl);
    }, null);
  }

  // ---- hash: q, src, hidefp, sort ----

  private readHash(later: boolean): void {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const st = readSearchHash();
    const hide = p.get("hidefp") === "1";
    if (this.hideFP && this.hideFP.checked !== hide) {
      this.hideFP.checked = hide;
      this.hide = hide;
      if (later) {
        this.relayout(false);
        this.report();
      }
    }
    const sort = p.get("sort");
    const mm = sort ? /^([a-z]+)-(asc|desc)$/.exec(sort) : null;
    if (mm && ["type", "data", "source", "module", "time", "fp"].includes(mm[1])) {
      const dir: SortDir = mm[2] === "asc" ? "ascending" : "descending";
      if (this.sortKey !== mm[1] || this.sortDir !== dir) this.applySort(mm[1], dir);
    }
    if (!this.box) return;
    const cur = this.box.state();
    if (!later || cur.q !== st.q || cur.src !== st.src) {
      this.box.setState(st);
      this.box.submit(later);
    }
  }

  private writeHash(): void {
    const p = new URLSearchParams();
    if (this.box) addSearchHash(p, this.box.state());
    if (this.hide) p.set("hidefp", "1");
    if (this.sortKey) p.set("sort", `${this.sortKey}-${this.sortDir === "ascending" ? "asc" : "desc"}`);
    replaceHash(p);
  }
}
