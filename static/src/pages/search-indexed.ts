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
//
// This module is the page (its table, detail panel, hash and live
// updates); the scans it reads are in search-ixscans.ts, the confirming
// run in search-confirm.ts.

import { DetailPanel } from "../table/detail";
import { byId, notice, setText } from "../ui/dom";
import { comma, plural } from "../ui/format";
import { addSearchHash, readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import type { Live, LiveTarget, ScansTarget } from "../live/live";
import type { Query } from "../search/query";
import { strCmp } from "../table/ordered";
import { FLAG_RISKY, type Manifest, type ScanEntry } from "../data/types";
import { addSortHash, elementColumns, scanColumn, sortFromHash, typeColumn } from "../table/columns";
import { VTable, type Column, type SortDir } from "../table/vtable";
import { loadList, loadOne, refreshScans, syncScans, type IxScan } from "./search-ixscans";
import { ChunkCache, confirm, type Hit } from "./search-confirm";
import { showSearchDetail } from "./search-detail";

const ROW_H = 34;
const FLUSH_MS = 60; // rows reach the table at most this often while a search runs

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
  private readonly chunks = new ChunkCache();

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
      const set = (t: string) => this.setProgress(t);
      const added = this.all ? await loadList(this.scans, this.host, set) : await loadOne(this.scans, this.host, set);
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
    const added = await syncScans(this.scans, this.host, list);
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
    const done = await confirm(
      {
        scans: this.scans,
        host: this.host,
        hits: this.hits,
        chunks: this.chunks,
        current: () => seq === this.seq,
        setProgress: (t) => this.setProgress(t),
        refresh: async () => {
          if (!this.refreshed) await this.refresh(null);
          this.refreshed = false;
        },
        flush: (now) => {
          if (now - this.lastFlush < FLUSH_MS && !(this.orderN === 0 && this.hits.length > 0)) return false;
          this.lastFlush = now;
          this.relayout(false);
          return true;
        },
      },
      q,
      alsoSource,
    );
    if (!done || seq !== this.seq) return;
    this.running = false;
    const ms = performance.now() - this.t0;
    // What the search cost, for tests and benchmarks.
    this.host.setAttribute("data-chunks", String(done.chunks));
    this.host.setAttribute("data-candidates", String(done.candidates));
    this.relayout(false);
    this.emptyText();
    this.idleProgress();
    this.report(ms);
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
    showSearchDetail(
      this.detail,
      { scan: sc, type: x.ty.info, module: this.moduleOf(x), data: x.d, source: x.sd, time: x.t, risk: x.r, flags: x.f, fp: this.isFP(x), id: x.id, index: x.i },
      this.all,
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
      if (later) {
        this.relayout(false);
        this.report();
      }
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
