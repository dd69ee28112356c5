// The search pages: scans/<id>/search.html (data-page="search", every
// element of one scan, with a Type column) and search.html at the site root
// (data-page="search-all", every scan listed in data/scans.js, results
// grouped by scan under a header row each). Both load every element chunk
// of their scans, hand the values to the search worker as they arrive
// (search/box.ts), and show the matches of the header's search box in a virtual
// table; a row opens a detail panel with a link to its element table.
//
// Data files are classic scripts (file:// allows nothing else), loaded from
// each scan's data folder; a payload is told apart by the script that
// delivered it (document.currentScript inside the registry's listener).

import { DetailPanel } from "../table/detail";
import { byId, clear, h, notice, setText } from "../ui/dom";
import { comma, plural } from "../ui/format";
import type { Live, LiveChange, LiveTarget, ScansTarget } from "../live/live";
import { OrderedView, strCmp, type Cmp } from "../table/ordered";
import { initIndexedSearchPage } from "./search-indexed";
import { showSearchDetail, storeRow } from "./search-detail";
import { describeRowFilter, readRowFilter, rowFilterKey, rowPasses, writeRowFilter, type RowFilter } from "./search-rows";
import { Corpus } from "./search-corpus";
import { ScanLoader } from "./search-load";
import { addSearchHash, readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import { SearchEngine, SearchRunner, type SearchResult } from "../search/engine";
import type { Query } from "../search/query";
import { ElementStore } from "../data/store";
import type { Manifest, ScanEntry } from "../data/types";
import { addSortHash, elementColumns, scanColumn, sortFromHash, typeColumn } from "../table/columns";
import { VTable, type Column, type SortDir } from "../table/vtable";

const ROW_H = 34;
// ---- the page ----

export async function initSearchPage(box: SearchBox | null, all: boolean, live: Live): Promise<void> {
  const host = byId("search-results");
  if (!host) return;
  // A site with a search index searches through it (pages/search-indexed.ts),
  // also over running scans and on the preview server, where the index
  // grows by segments.
  // A row filter from the overview (#only, #module, #from) lists rows
  // without a query: that needs every element, so this page loads them.
  const rf = readRowFilter(new URLSearchParams(location.hash.replace(/^#/, "")));
  if (!rf && (await initIndexedSearchPage(box, all, live))) return;
  const page = new SearchPage(host, box, all, live);
  // Live updates (live/live.ts) wait for the first load (update awaits ready).
  if (all) live.setScansTarget(page);
  else live.setTarget(page);
  await page.load();
}

class SearchPage implements SearchHandler, LiveTarget, ScansTarget {
  // ready resolves when the first load is done.
  readonly ready: Promise<void>;
  private loaded: () => void = () => undefined;
  private readonly c = new Corpus();
  private readonly loader: ScanLoader;
  private readonly engine: SearchEngine;
  private readonly runner: SearchRunner;
  private readonly view: OrderedView;
  private readonly table: VTable;
  private readonly detail: DetailPanel | null;
  private readonly progress: HTMLElement | null;
  private readonly hideFP: HTMLInputElement | null;
  private disp = new Int32Array(0); // what the table shows: global rows, and -1-scan for a scan's header row
  private dispN = 0;
  private groupCount = new Int32Array(0); // matches shown per scan
  private match: Uint8Array | null = null;
  // The rows a link from the overview asks for (#only, #module, #from/#to):
  // the elements a count there counts, with or without a search.
  private rowFilter: RowFilter | null = null;
  private filterBar: HTMLElement | null = null;
  private frame = 0;
  private hide = false;
  private loading = true;
  private lastMs = -1;

  constructor(
    private readonly host: HTMLElement,
    private readonly box: SearchBox | null,
    private readonly all: boolean,
    live: Live,
  ) {
    this.ready = new Promise<void>((resolve) => (this.loaded = resolve));
    const c = this.c;
    this.engine = new SearchEngine(c);
    this.engine.onHeld = () => this.busyState();
    this.runner = new SearchRunner(this.engine, box, (res, fresh, t0) => this.showResult(res, fresh, t0), 300);
    this.loader = new ScanLoader(c, {
      host,
      live,
      setProgress: (t) => this.setProgress(t),
      showProgress: () => this.showProgress(),
      rowsAdded: (g0, g1, first) => {
        this.view.add(g0, g1);
        if (first && this.rowFilter && !this.query) this.layoutSoon();
      },
      fileLoaded: () => {
        this.engine.sync();
        this.showProgress();
        this.runner.rerunSoon();
      },
      rowsChanged: (from, to) => this.engine.resync(from, to),
      fpChanged: () => {
        this.view.invalidate();
        if (this.view.key === "fp") this.view.sort("fp", this.view.dir);
        if (this.query) this.refilter(false);
        else this.table.refresh();
      },
      scansChanged: () => (this.groupCount = new Int32Array(this.c.scans.length)),
      updated: (moved) => {
        if (moved && this.view.key) {
          // Values changed in place: their rows take their sorted place again.
          this.view.invalidate();
          this.view.sort(this.view.key, this.view.dir);
        }
        this.engine.sync();
        this.showProgress();
        if (this.query) this.runner.run(false);
        else this.layout(false);
      },
      listChanged: () => {
        this.showProgress();
        if (this.query) this.runner.run(false);
        else this.layout(false);
      },
    });
    this.view = new OrderedView((k) => this.cmp(k), () => false);
    this.progress = byId("search-progress");
    this.hideFP = byId<HTMLInputElement>("hide-fp");
    this.table = new VTable({
      container: host,
      className: all ? "vt-search vt-search-all" : "vt-search",
      label: all ? "Search results over all scans" : "Search results",
      rowHeight: ROW_H,
      columns: this.columns(),
      empty: "",
      rowClass: (g) => (g < 0 ? "vt-group" : this.rowClass(g)),
      onSort: (k) => this.sortBy(k),
      onActivate: (g) => {
        if (g >= 0) this.openDetail(g);
      },
    });
    const detailEl = byId("search-detail");
    this.detail = detailEl ? new DetailPanel(detailEl, "Data element") : null;
    if (this.detail) this.detail.onClose = () => this.table.focusActive();
    this.hideFP?.addEventListener("change", () => {
      this.hide = !!this.hideFP?.checked;
      this.refilter(false);
      this.writeHash();
    });
    if (box) {
      box.handler = this;
      box.onStateChange = () => this.writeHash();
    }
    window.addEventListener("hashchange", () => this.readHash(true));
    this.readHash(false);
    this.emptyText();
  }

  // ---- loading ----

  async load(): Promise<void> {
    try {
      await this.loadAll();
    } finally {
      this.loaded();
    }
  }

  private async loadAll(): Promise<void> {
    this.host.setAttribute("aria-busy", "true");
    try {
      if (this.all) await this.loader.loadEveryScan();
      else await this.loader.loadOne();
    } catch (e) {
      notice(this.host, (e as Error).message, "error", "load");
    }
    this.loading = false;
    this.busyState();
    this.showProgress();
    if (this.query) this.runner.run(false);
    else {
      if (this.rowFilter) this.refilter(false);
      this.emptyText();
    }
  }

  // ---- live updates ----

  // update takes a newer manifest of the page's scan (live/live.ts; the search
  // page of one scan): see ScanLoader.updateScan.
  async update(m: Manifest, c: LiveChange): Promise<"ok" | "reload"> {
    await this.ready;
    const sc = this.c.scans[0];
    if (!sc || m.scan !== sc.id) return "ok";
    return this.loader.updateScan(sc, m, c.fp, c.query);
  }

  // updateScans takes the news that scans changed (the search over all
  // scans): see ScanLoader.updateScans.
  async updateScans(ids: string[], query: string): Promise<"ok" | "stale"> {
    await this.ready;
    return this.loader.updateScans(ids, query);
  }

  // syncList takes the scan list again: see ScanLoader.syncList.
  async syncList(list: ScanEntry[], query: string): Promise<"ok" | "stale"> {
    await this.ready;
    return this.loader.syncList(list, query);
  }

  private showProgress(): void {
    const scans = this.c.scans.length;
    if (this.loading) {
      const of = this.all && scans > 1 ? ` in ${plural(scans, "scan", "scans")}` : "";
      this.setProgress(`Loading ${comma(this.loader.filesDone)} of ${comma(this.loader.files)} data files${of} · ${comma(this.c.n)} of ${plural(this.loader.expected, "element", "elements")}`);
      return;
    }
    const types = this.c.scans.reduce((a, s) => a + (s.m ? s.m.types.length : 0), 0);
    const broken = this.c.scans.filter((s) => s.error !== "").length;
    let t = this.all ? `${plural(this.c.n, "element", "elements")} of ${plural(scans, "scan", "scans")} loaded` : `${plural(this.c.n, "element", "elements")} of ${plural(types, "type", "types")} loaded`;
    if (broken > 0) t += ` · ${plural(broken, "scan", "scans")} could not be loaded`;
    this.setProgress(t);
  }

  private setProgress(t: string): void {
    if (this.progress) setText(this.progress, t);
  }

  // busyState marks the results busy until every row is loaded and held by
  // the worker (tests and the benchmark wait for that).
  private busyState(): void {
    const ready = !this.loading && this.engine.rows >= this.c.n;
    if (ready) {
      this.host.setAttribute("data-rows", String(this.c.n)); // grows with live updates
      if (this.host.hasAttribute("aria-busy")) {
        this.host.removeAttribute("aria-busy");
        try {
          performance.mark("sr:search-ready");
        } catch {
          /* optional */
        }
      }
    } else this.host.setAttribute("aria-busy", "true");
  }

  // ---- search ----

  search(q: Query | null, alsoSource: boolean): void {
    this.runner.set(q, alsoSource);
    if (!q) {
      this.match = null;
      this.lastMs = -1;
      this.refilter(true);
      this.emptyText();
      return;
    }
    this.runner.run(true);
  }

  // the query being searched, if any
  private get query(): Query | null {
    return this.runner.query;
  }

  // showResult shows a search's matches; fresh (a new query) scrolls to the
  // top, a re-run (more rows arrived) keeps the position.
  private showResult(res: SearchResult, fresh: boolean, t0: number): void {
    const m = new Uint8Array(this.c.n);
    const rows = res.rows;
    for (let k = 0; k < res.n; k++) m[rows[k]] = 1;
    this.match = m;
    this.lastMs = -1;
    this.refilter(fresh);
    this.lastMs = performance.now() - t0;
    this.emptyText();
    this.report();
  }

  private report(): void {
    const q = this.query;
    if (!q || !this.box || this.lastMs < 0 || !this.match) return;
    const n = this.view.vn;
    let extra = "";
    if (this.all) {
      let scans = 0;
      for (let k = 0; k < this.groupCount.length; k++) if (this.groupCount[k] > 0) scans++;
      if (n > 0) extra = ` · in ${plural(scans, "scan", "scans")}`;
    }
    if (this.loading) extra += ` · ${comma(this.c.n)} of ${comma(this.loader.expected)} elements loaded so far`;
    this.box.showResult(q, n, this.lastMs, ["match", "matches"], extra);
  }

  private emptyText(): void {
    let t: string;
    if (this.rowFilter && !this.query) t = this.loading ? "None so far; still loading." : "No element here.";
    else if (!this.query) t = `Type a value, a *wildcard* pattern or a /regular expression/ in the search box above to search ${this.all ? "every scan" : "every element of this scan"}.`;
    else if (this.loading) t = "No match so far; still loading.";
    else t = this.hide ? "No element matches (false positives hidden)." : "No element matches.";
    this.table.setEmptyText(t);
  }

  // refilter applies the matches and hide-FP to the ordered rows and
  // rebuilds what the table shows.
  private refilter(resetScroll: boolean): void {
    const m = this.match;
    const c = this.c;
    const hide = this.hide;
    const gone = c.scans.some((sc) => sc.gone);
    const f = this.rowFilter;
    const searched = !!m && !!this.query;
    this.view.keep =
      !searched && !f
        ? () => false
        : (g) =>
            (!searched || (g < m!.length && m![g] === 1)) &&
            (!f || this.passes(f, g)) &&
            (!hide || c.store(g).fp[c.local[g]] === 0) &&
            !(gone && c.scans[c.scanOf[g]].gone);
    this.view.filter();
    this.layout(resetScroll);
  }

  // layout builds disp from the view: as is for one scan; grouped by scan,
  // each group under its header row, for all scans.
  private layout(resetScroll: boolean): void {
    const v = this.view;
    const c = this.c;
    const ns = c.scans.length;
    const counts = new Int32Array(ns);
    for (let k = 0; k < v.vn; k++) counts[c.scanOf[v.view[k]]]++;
    this.groupCount = counts;
    if (!this.all) {
      this.disp = v.view;
      this.dispN = v.vn;
    } else {
      let groups = 0;
      for (let s = 0; s < ns; s++) if (counts[s] > 0) groups++;
      const n = v.vn + groups;
      if (this.disp.length < n || this.disp === v.view) this.disp = new Int32Array(Math.max(n, 16));
      const at = new Int32Array(ns); // where each scan's rows go
      let p = 0;
      for (let s = 0; s < ns; s++) {
        if (counts[s] === 0) continue;
        this.disp[p++] = -1 - s;
        at[s] = p;
        p += counts[s];
      }
      for (let k = 0; k < v.vn; k++) {
        const g = v.view[k];
        this.disp[at[c.scanOf[g]]++] = g;
      }
      this.dispN = n;
    }
    this.table.setItems(this.disp, this.dispN, resetScroll);
    this.report();
    this.showFilter();
  }

  private layoutSoon(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout(false);
    });
  }

  // passes reports whether row g is one the row filter asks for.
  private passes(f: RowFilter, g: number): boolean {
    const s = this.store(g);
    const r = this.c.local[g];
    return rowPasses(f, { risky: s.risky(r), fp: s.fp[r] !== 0, module: this.moduleOf(g), time: s.time[r] });
  }

  // showFilter says which rows the row filter keeps, how many, and offers
  // to clear it.
  private showFilter(): void {
    const f = this.rowFilter;
    if (!f) {
      if (this.filterBar) this.filterBar.hidden = true;
      return;
    }
    if (!this.filterBar) {
      this.filterBar = h("p", { id: "search-filter", class: "search-filter", role: "status" });
      this.host.before(this.filterBar);
    }
    const bar = this.filterBar;
    bar.hidden = false;
    clear(bar);
    const what = describeRowFilter(f);
    const n = this.view.vn;
    bar.append(`Showing only ${what.join(", ")}${this.query ? " that match the search" : ""}: ${plural(n, "element", "elements")}${this.loading ? " so far" : ""}. `);
    const clearIt = h("button", { type: "button", class: "btn small", id: "search-filter-clear" }, "Show all elements");
    clearIt.addEventListener("click", () => {
      this.rowFilter = null;
      this.refilter(true);
      this.emptyText();
      this.writeHash();
    });
    bar.append(clearIt);
  }

  // ---- table ----

  private store(g: number): ElementStore {
    return this.c.store(g);
  }

  private columns(): Column[] {
    const c = this.c;
    const cols: Column[] = [];
    if (this.all) cols.push(scanColumn((g) => c.scans[c.scanOf[g]], (i) => ({ scan: c.scans[i], matches: this.groupCount[i] ?? 0 })));
    cols.push(
      typeColumn((g) => String(c.typeOf(g)?.descr ?? "")),
      ...elementColumns({
        data: (g) => this.store(g).data[c.local[g]],
        source: (g) => this.store(g).sdata[c.local[g]],
        module: (g) => this.moduleOf(g),
        time: (g) => this.store(g).time[c.local[g]],
        fp: (g) => this.store(g).fp[c.local[g]] !== 0,
      }),
    );
    return cols;
  }

  private moduleOf(g: number): string {
    const sc = this.c.scans[this.c.scanOf[g]];
    return String(sc.m?.modules[this.c.store(g).mod[this.c.local[g]]] ?? "");
  }

  private rowClass(g: number): string {
    const s = this.store(g);
    const r = this.c.local[g];
    return (s.fp[r] ? "is-fp" : "") + (s.risky(r) ? " is-risky" : "");
  }

  private cmp(key: string): Cmp {
    const c = this.c;
    const d = (g: number) => this.store(g).data[c.local[g]];
    switch (key) {
      case "data":
        return (a, b) => strCmp(d(a), d(b));
      case "source":
        return (a, b) => strCmp(this.store(a).sdata[c.local[a]], this.store(b).sdata[c.local[b]]);
      case "module":
        return (a, b) => strCmp(this.moduleOf(a).toLowerCase(), this.moduleOf(b).toLowerCase());
      case "time":
        return (a, b) => this.store(a).time[c.local[a]] - this.store(b).time[c.local[b]];
      case "fp":
        return (a, b) => this.store(a).fp[c.local[a]] - this.store(b).fp[c.local[b]];
      case "type": {
        const descr = (g: number) => String(c.typeOf(g)?.descr ?? "");
        return (a, b) => strCmp(descr(a), descr(b));
      }
    }
    return () => 0;
  }

  private sortBy(key: string): void {
    const v = this.view;
    const first: SortDir = key === "fp" ? "descending" : "ascending";
    this.applySort(key, v.key === key ? (v.dir === "ascending" ? "descending" : "ascending") : first);
  }

  private applySort(key: string, dir: SortDir): void {
    const v = this.view;
    this.table.setSort(key, dir);
    this.table.root.setAttribute("aria-busy", "true");
    const run = () => {
      v.sort(key, dir);
      this.table.root.removeAttribute("aria-busy");
      this.layout(true);
      this.writeHash();
    };
    if (v.n > 100000) requestAnimationFrame(() => window.setTimeout(run, 0));
    else run();
  }

  // ---- detail ----

  private openDetail(g: number): void {
    if (!this.detail) return;
    const c = this.c;
    showSearchDetail(this.detail, storeRow(c.scans[c.scanOf[g]], c.store(g), c.local[g], c.typeOf(g), this.moduleOf(g)), this.all);
  }

  // ---- hash: q, src, hidefp, sort ----

  private readHash(later: boolean): void {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const st = readSearchHash();
    const hide = p.get("hidefp") === "1";
    const rf = readRowFilter(p);
    if (rowFilterKey(rf) !== rowFilterKey(this.rowFilter)) {
      this.rowFilter = rf;
      if (later) {
        this.refilter(true);
        this.emptyText();
      }
    }
    if (this.hideFP && this.hideFP.checked !== hide) {
      this.hideFP.checked = hide;
      this.hide = hide;
      if (later) this.refilter(false);
    }
    const so = sortFromHash(p);
    if (so && (this.view.key !== so.key || this.view.dir !== so.dir)) this.applySort(so.key, so.dir);
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
    writeRowFilter(p, this.rowFilter);
    addSortHash(p, this.view.key, this.view.dir);
    replaceHash(p);
  }
}
