// The search pages over the search index (docs/site-format.md, "Search
// index"): scans/<id>/search.html and the root search.html of a built
// site. Instead of loading every element before the first query, the page
// loads each scan's manifest and index head (ix.js); a query is planned
// (search/plan.ts), the dictionary blocks that may hold matching values
// are loaded, every value of each is tested with the real query, and the
// rows of the values that match are the hits (search-confirm.ts). The
// count is exact when the blocks are done, before any display chunk
// loads; rows reach the table in display order (scan, type as the
// manifest lists them, arrival order) as they are found, and their other
// cells (source, module, time, …) come from their display chunks, loaded
// lazily for the rows in view (search-hits.ts). A query with no usable
// trigram (*a*, /./) tests every block, with progress and partial
// results; a newer query cancels a running one. Scans without an index
// (or whose rows outgrew it) are tested from their chunks for the rows no
// index covers.
//
// A running scan's index grows by segments (search/segments.ts) while the
// preview server follows it: its manifest and index head are read afresh
// for each query, and a live update runs the query again (LiveTarget,
// ScansTarget), so new rows are found through the segments; rows no
// segment covers yet are tested one by one.
//
// This module is the page (its table, detail panel, hash and live
// updates); the scans it reads are in search-ixscans.ts, the confirming
// run in search-confirm.ts, the hits and their cells in search-hits.ts.

import { DetailPanel } from "../table/detail";
import { byId, notice, setText } from "../ui/dom";
import { comma, plural } from "../ui/format";
import { addSearchHash, readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import type { Live, LiveTarget, ScansTarget } from "../live/live";
import type { Query } from "../search/query";
import type { Manifest, ScanEntry } from "../data/types";
import { addSortHash, sortFromHash } from "../table/columns";
import { VTable, type SortDir } from "../table/vtable";
import { loadList, loadOne, refreshScans, syncScans, type IxScan, type IxType } from "./search-ixscans";
import { FileBudget } from "../search/ixread";
import { confirm } from "./search-confirm";
import { CellLoader, ChunkCache, COL_FP, COL_MOD, COL_SRC, COL_TIME, HitList, keyPos, keyRow, keyScan, type Cells } from "./search-hits";
import { hitCmp, hitColumns, HitOrder, needsCells, rowClass, type HitTable } from "./search-ixcolumns";
import { showSearchDetail } from "./search-detail";

const ROW_H = 34;
// Rows reach the table at most every FLUSH_MS while a search runs, then
// less and less often (each layout sorts every hit found so far in).
const FLUSH_MS = 60;
const FLUSH_MAX_MS = 1000;

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

class IndexedSearchPage implements SearchHandler, LiveTarget, ScansTarget {
  private readonly scans: IxScan[] = [];
  // The index files (blocks, shards) every scan keeps, within one bound.
  private readonly budget = new FileBudget();
  private readonly table: VTable;
  private readonly detail: DetailPanel | null;
  private readonly progress: HTMLElement | null;
  private readonly hideFP: HTMLInputElement | null;
  private hits = new HitList();
  private readonly view: HitTable;
  private orderN = 0;
  private order = new HitOrder(); // the table's rows over the hits
  private groupCount = new Int32Array(0);
  private sortKey: string | null = null;
  private sortDir: SortDir = "ascending";
  private hide = false;
  private query: Query | null = null;
  private seq = 0;
  private running = false;
  private t0 = 0;
  private lastFlush = 0;
  private flushEvery = FLUSH_MS;
  private total = 0;
  private ready = false;
  private refreshed = false; // the scans were read afresh since the last query ran
  private alsoSource = false;
  private lastMs = 0;
  private readonly chunks = new ChunkCache();
  private readonly cells: CellLoader;
  private chunks0 = 0; // chunks loaded before the current query
  private prepSeq = 0; // the newest fill of cells before a layout
  private repaint = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly box: SearchBox | null,
    private readonly all: boolean,
    // The preview server's page: every scan's files may change (segments
    // merged, downloads written), so each query reads them afresh.
    private readonly serving: boolean,
  ) {
    this.progress = byId("search-progress");
    this.cells = new CellLoader(
      this.chunks,
      () => this.scans,
      () => this.arrived(),
      (sc, e) => notice(this.host, `${sc.name}: ${e.message}`, "error", "chunk-" + sc.index),
    );
    this.hideFP = byId<HTMLInputElement>("hide-fp");
    const detailEl = byId("search-detail");
    this.detail = detailEl ? new DetailPanel(detailEl, "Data element") : null;
    if (this.detail) this.detail.onClose = () => this.table.focusActive();
    this.view = {
      all: this.all,
      scanOf: (k) => this.scans[keyScan(this.hits.key(k))],
      typeOf: (k) => this.typeOf(k),
      scan: (g) => this.scans[g],
      groupCount: (g) => this.groupCount[g] ?? 0,
      dataKnown: (k) => this.hits.dataKnown(k),
      cellsOf: (k) => this.cellsOf(k),
      sourceOf: (k) => {
        const c = this.hits.colsNow();
        return c && c.got[k] & COL_SRC ? c.src![k] : (this.cells.peek(this.hits.key(k))?.sd ?? "");
      },
      timeOf: (k) => {
        const c = this.hits.colsNow();
        return c && c.got[k] & COL_TIME ? c.time![k] : (this.cells.peek(this.hits.key(k))?.t ?? 0);
      },
      moduleOf: (k) => this.moduleOf(k),
      isFP: (k) => this.isFP(k),
    };
    this.table = new VTable({
      container: this.host,
      className: this.all ? "vt-search vt-search-all" : "vt-search",
      label: this.all ? "Search results over all scans" : "Search results",
      rowHeight: ROW_H,
      columns: hitColumns(this.view),
      empty: "",
      rowClass: (k) => (k < 0 ? "vt-group" : rowClass(this.view, k)),
      overscan: 12,
      onSort: (k) => this.sortBy(k),
      onActivate: (k) => {
        if (k >= 0) this.openDetail(k);
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
    this.writeHash();
    this.reorder(false);
  };
  private readonly onHash = (): void => this.readHash(true);

  // load reads the scans' manifests and indexes; false when this page
  // cannot search by index (no scan has one): the caller then loads the
  // elements instead.
  async load(): Promise<boolean> {
    this.host.setAttribute("aria-busy", "true");
    try {
      const set = (t: string) => this.setProgress(t);
      const added = this.all ? await loadList(this.scans, this.host, this.budget, set) : await loadOne(this.scans, this.host, this.budget, set);
      this.total += added;
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

  // refresh reads afresh the scans whose files may have changed: every
  // scan on the preview server, a running one on a built site.
  private async refresh(only: Set<string> | null): Promise<void> {
    if (!(await refreshScans(this.scans, this.host, this.serving, only))) return;
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
    const added = await syncScans(this.scans, this.host, this.budget, list);
    this.total += added;
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
    // A new search lets the last one's hits and buffers go.
    this.hits = new HitList();
    this.order = new HitOrder();
    this.cells.forget();
    this.chunks0 = this.chunks.loaded;
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
    this.flushEvery = FLUSH_MS;
    void this.run(seq, q, alsoSource).catch((e) => {
      if (seq !== this.seq) return;
      this.running = false;
      this.box?.showError("The search failed: " + (e as Error).message);
    });
  }

  private async run(seq: number, q: Query, alsoSource: boolean): Promise<void> {
    this.budget.newQuery();
    const done = await confirm(
      {
        scans: this.scans,
        host: this.host,
        chunks: this.chunks,
        current: () => seq === this.seq,
        setProgress: (t) => this.setProgress(t),
        refresh: async () => {
          if (!this.refreshed) await this.refresh(null);
          this.refreshed = false;
        },
        // Only this search's: a block an older run awaited may arrive
        // after a newer search has begun (its hits would join the new ones).
        add: (key, d) => {
          if (seq === this.seq) this.hits.add(key, d);
        },
        found: () => this.hits.found(),
        flush: (now) => {
          if (now - this.lastFlush < this.flushEvery && !(this.orderN === 0 && this.hits.pending())) return false;
          this.lastFlush = now;
          if (this.orderN > 0) this.flushEvery = Math.min(FLUSH_MAX_MS, this.flushEvery * 1.5);
          this.relayout(false);
          return true;
        },
      },
      q,
      alsoSource,
    );
    if (!done || seq !== this.seq) return;
    this.relayout(false);
    // A sort or the hidden false positives may need cells of every hit
    // (again if the sort or the filter changed meanwhile).
    for (;;) {
      const want = String(this.sortKey) + this.hide;
      if (!(await this.prepare()) || seq !== this.seq) return;
      if (want === String(this.sortKey) + this.hide) break;
    }
    this.running = false;
    const ms = performance.now() - this.t0;
    // What the search cost, for tests and benchmarks.
    this.host.setAttribute("data-blocks", String(done.blocks));
    this.host.setAttribute("data-chunks", String(this.chunks.loaded - this.chunks0));
    this.host.setAttribute("data-candidates", String(done.candidates));
    this.relayout(false);
    this.emptyText();
    this.idleProgress();
    this.report(ms);
  }

  // ---- cells: from the display chunks, loaded lazily ----

  // cellsOf gives a hit's cells, or asks for its chunk (null until then).
  private cellsOf(k: number): Cells | null {
    if (k >= this.hits.n) return null;
    const key = this.hits.key(k);
    const c = this.cells.now(key);
    if (!c) this.cells.want(key);
    return c;
  }

  private typeOf(k: number): IxType | undefined {
    const key = this.hits.key(k);
    return this.scans[keyScan(key)]?.types[keyPos(key)];
  }

  // arrived: a chunk the rows in view needed has loaded; they are painted again.
  private arrived(): void {
    if (!this.running && this.query) this.host.setAttribute("data-chunks", String(this.chunks.loaded - this.chunks0));
    if (this.repaint) return;
    this.repaint = requestAnimationFrame(() => {
      this.repaint = 0;
      this.table.refresh();
    });
  }

  // prepare fills the cells needs() asks for, with progress; false when a
  // newer search or layout superseded it.
  private async prepare(): Promise<boolean> {
    const need = needsCells(this.sortKey, this.hide, this.view);
    if (!need) return true;
    const seq = this.seq;
    const ver = ++this.prepSeq;
    this.hits.merge();
    return this.cells.fill(
      this.hits,
      this.hits.columns(),
      need,
      (d, n) => this.setProgress(`Loading the details of the matches: ${comma(d)} of ${plural(n, "data file", "data files")}`),
      () => seq === this.seq && ver === this.prepSeq,
    );
  }

  // reorder lays the table out again after a sort or filter change, once
  // the cells it needs have loaded (a running search does that at its end).
  private reorder(resetScroll: boolean): void {
    if (this.running) {
      this.relayout(resetScroll);
      return;
    }
    void this.prepare().then((ok) => {
      if (!ok) return;
      this.relayout(resetScroll);
      this.idleProgress();
      this.report();
    });
  }

  // ---- what the table shows ----

  // relayout rebuilds the display order from the hits: sorted when a sort
  // is set (else in the order they were confirmed, which is display
  // order), false positives left out when hidden, grouped by scan.
  private relayout(resetScroll: boolean): void {
    this.hits.merge();
    let cmp: ((x: number, y: number) => number) | null = null;
    if (this.sortKey) {
      const by = hitCmp(this.sortKey, this.view);
      const dir = this.sortDir === "ascending" ? 1 : -1;
      cmp = (x, y) => dir * by(x, y);
    }
    const o = this.order;
    o.layOut(this.hits.n, (k) => this.hits.key(k), this.scans.length, this.all, this.hide ? (k) => this.isFP(k) : null, cmp);
    this.orderN = o.n;
    this.groupCount = o.counts;
    this.table.setItems(o.item, o.rows, resetScroll);
  }

  // isFP: the hit is a false positive: by its position (fp.js "r"), or,
  // on a site whose fp.js lacks them, by its element index once its cells
  // are known.
  private isFP(k: number): boolean {
    const key = this.hits.key(k);
    const sc = this.scans[keyScan(key)];
    if (!sc) return false;
    if (sc.fpRows) return sc.fpRows.has(keyPos(key), keyRow(key));
    const c = this.hits.colsNow();
    if (c && c.got[k] & COL_FP) return c.fp![k] === 1;
    if (sc.fp.size === 0) return false;
    const x = this.cells.peek(key);
    return x !== null && sc.fp.has(x.i);
  }

  private moduleOf(k: number): string {
    const sc = this.scans[keyScan(this.hits.key(k))];
    const c = this.hits.colsNow();
    const m = c && c.got[k] & COL_MOD ? c.mod![k] : this.cells.peek(this.hits.key(k))?.m;
    return m === undefined ? "" : String(sc?.m?.modules[m] ?? "");
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

  private sortBy(key: string): void {
    const first: SortDir = key === "fp" ? "descending" : "ascending";
    this.applySort(key, this.sortKey === key ? (this.sortDir === "ascending" ? "descending" : "ascending") : first);
  }

  private applySort(key: string, dir: SortDir): void {
    this.sortKey = key;
    this.sortDir = dir;
    this.table.setSort(key, dir);
    this.writeHash();
    this.reorder(true);
  }

  // ---- detail ----

  // openDetail shows a hit in the panel, once its chunk has loaded.
  private openDetail(k: number): void {
    if (!this.detail || k >= this.hits.n) return;
    const seq = this.seq;
    const key = this.hits.key(k);
    void this.cells.load(key).then(
      (c) => {
        const sc = this.scans[keyScan(key)];
        const ty = sc?.types[keyPos(key)];
        if (!c || !sc || !ty || seq !== this.seq || !this.detail) return;
        const module = String(sc.m?.modules[c.m] ?? "");
        showSearchDetail(this.detail, { scan: sc, type: ty.info, module, data: c.d, source: c.sd, time: c.t, risk: c.r, flags: c.f, fp: sc.fp.has(c.i), id: c.id, index: c.i }, this.all);
      },
      (e: Error) => {
        const sc = this.scans[keyScan(key)];
        if (sc) notice(this.host, `${sc.name}: ${e.message}`, "error", "chunk-" + sc.index);
      },
    );
  }

  // ---- hash: q, src, hidefp, sort ----

  private readHash(later: boolean): void {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const st = readSearchHash();
    const hide = p.get("hidefp") === "1";
    if (this.hideFP && this.hideFP.checked !== hide) {
      this.hideFP.checked = hide;
      this.hide = hide;
      if (later) this.reorder(false);
    }
    const so = sortFromHash(p);
    if (so && (this.sortKey !== so.key || this.sortDir !== so.dir)) this.applySort(so.key, so.dir);
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
    addSortHash(p, this.sortKey, this.sortDir);
    replaceHash(p);
  }
}
