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
import { byId, clear, clearNotice, h, notice, setText } from "../ui/dom";
import { comma, plural } from "../ui/format";
import { fpKey, type Live, type LiveChange, type LiveTarget, type ScansTarget } from "../live/live";
import { OrderedView, strCmp, type Cmp } from "../table/ordered";
import { initialScans, manifest as scanManifest } from "../data/registry";
import { initIndexedSearchPage } from "./search-indexed";
import { showSearchDetail } from "./search-detail";
import { describeRowFilter, readRowFilter, rowFilterKey, rowPasses, writeRowFilter, type RowFilter } from "./search-rows";
import { chunkKey, Corpus, FOLDER, loadFiles, loadFrom, SCAN_ID, type ScanPart, type TypePart } from "./search-corpus";
import { addSearchHash, readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import { SearchEngine, SearchRunner, type SearchResult } from "../search/engine";
import type { Query } from "../search/query";
import { ElementStore } from "../data/store";
import type { ChunkRef, FPList, Manifest, ScanEntry, ScansList } from "../data/types";
import { elementColumns, scanColumn, typeColumn } from "../table/columns";
import { VTable, type Column, type SortDir } from "../table/vtable";

const ROW_H = 34;
// MAX_ELEMENTS is how many elements the search over all scans loads into
// one page (about 360 MB of page heap per million, plus the worker's copy);
// scans beyond it are named, with a link to their own search page.
export const MAX_ELEMENTS = 2_500_000;
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
  private readonly skipped = new Set<string>(); // scans left out (MAX_ELEMENTS)
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
  private files = 0;
  private filesDone = 0;
  private expected = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly box: SearchBox | null,
    private readonly all: boolean,
    private readonly live: Live,
  ) {
    this.ready = new Promise<void>((resolve) => (this.loaded = resolve));
    const c = this.c;
    this.engine = new SearchEngine(c);
    this.engine.onHeld = () => this.busyState();
    this.runner = new SearchRunner(this.engine, box, (res, fresh, t0) => this.showResult(res, fresh, t0), 300);
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
      if (this.all) await this.loadEveryScan();
      else await this.loadOne();
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

  private async loadOne(): Promise<void> {
    const id = document.body.getAttribute("data-scan") ?? "";
    const folder = document.body.getAttribute("data-data") ?? "";
    if (!SCAN_ID.test(id) || !FOLDER.test(folder)) throw new Error("This page has no valid scan data folder.");
    this.setProgress("Loading the scan's data…");
    const m = await scanManifest();
    const sc = this.addScan(id, id, "", folder, "", m.count);
    await this.loadScan(sc, m);
  }

  private async loadEveryScan(): Promise<void> {
    this.setProgress("Loading the list of scans…");
    let list: ScansList | null = initialScans();
    if (!list) {
      // The page loads data/scans.js before the bundle; if that did not
      // arrive (a slow disk), load it again.
      const p = await loadFrom("data/", "scans.js");
      if (p.k !== "scans") throw new Error("data/scans.js holds no list of scans.");
      list = p;
    }
    const parts: ScanPart[] = [];
    const skipped: Array<{ id: string; name: string; count: number }> = [];
    let total = 0;
    for (const e of list.scans) {
      const id = String(e.id);
      if (!SCAN_ID.test(id) || e.data !== "scans/" + id + "/data/") continue; // not a folder of this site
      const count = Number(e.count) || 0;
      if (total + count > MAX_ELEMENTS && parts.length > 0) {
        skipped.push({ id, name: String(e.name ?? id), count });
        this.skipped.add(id);
        continue;
      }
      total += count;
      parts.push(this.addScan(id, String(e.name ?? id), String(e.target ?? ""), e.data, "scans/" + id + "/", count));
    }
    if (skipped.length > 0) this.tooMany(skipped);
    for (const sc of parts) {
      try {
        const mp = await loadFrom(sc.folder, "manifest.js");
        if (mp.k !== "manifest" || mp.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
        await this.loadScan(sc, mp);
      } catch (e) {
        // A broken scan never stops the others.
        sc.error = (e as Error).message;
        notice(this.host, `${sc.name}: ${sc.error}`, "error", "scan-" + sc.index);
      }
    }
  }

  // tooMany says which scans are left out, with links to search each alone.
  private tooMany(skipped: Array<{ id: string; name: string; count: number }>): void {
    const n = skipped.reduce((a, s) => a + s.count, 0);
    const el = notice(this.host, "", "info", "too-many");
    el.append(
      `Together the scans hold more elements than one page can search (${comma(MAX_ELEMENTS)} at most), so ${plural(skipped.length, "scan", "scans")} with ${plural(n, "element", "elements")} ${skipped.length === 1 ? "is" : "are"} left out here; search ${skipped.length === 1 ? "it" : "each"} on its own: `,
    );
    skipped.forEach((s, k) => {
      if (k > 0) el.append(", ");
      el.append(h("a", { href: "scans/" + s.id + "/search.html" }, s.name));
    });
    el.append(".");
  }

  private addScan(id: string, name: string, target: string, folder: string, pages: string, expected: number): ScanPart {
    const sc: ScanPart = {
      index: this.c.scans.length,
      id,
      name: name || id,
      target,
      folder,
      pages,
      expected,
      m: null,
      types: [],
      parts: [],
      fp: null,
      error: "",
      gone: false,
    };
    this.c.scans.push(sc);
    this.expected += expected;
    this.groupCount = new Int32Array(this.c.scans.length);
    return sc;
  }

  private async loadScan(sc: ScanPart, m: Manifest): Promise<void> {
    sc.m = m;
    this.expected += (Number(m.count) || 0) - sc.expected;
    sc.expected = Number(m.count) || 0;
    const files: string[] = [];
    const refs: Array<{ tp: TypePart; ref: ChunkRef }> = [];
    for (const t of m.types) {
      const tp = this.c.part(sc, t);
      for (const ch of t.chunks) {
        files.push(String(ch.f));
        refs.push({ tp, ref: ch });
      }
    }
    this.files += files.length;
    if (m.fp && m.fp.n > 0) void this.loadFP(sc, "");
    this.showProgress();
    await loadFiles(sc.folder, files, (p, k) => {
      const { tp, ref } = refs[k];
      if (p.k !== "elements" || p.scan !== sc.id || p.type !== sc.types[tp.ti].slug) throw new Error(`The data file ${sc.folder}${files[k]} holds other elements.`);
      const [g0, g1] = this.c.place(tp, p, ref, () => undefined);
      this.view.add(g0, g1);
      if (this.rowFilter && !this.query) this.layoutSoon();
      this.filesDone++;
      this.engine.sync();
      this.showProgress();
      this.runner.rerunSoon();
    });
  }

  // loadFP loads a scan's fp.js and marks its rows.
  private async loadFP(sc: ScanPart, query: string): Promise<void> {
    const f = sc.m?.fp?.f;
    if (!f) return;
    try {
      const p = await loadFrom(sc.folder, String(f), query);
      if (p.k !== "fp" || p.scan !== sc.id) return;
      sc.fp = new Set((p as FPList).i);
      for (const tp of sc.parts) tp.store.setFP(sc.fp);
      this.view.invalidate();
      if (this.view.key === "fp") this.view.sort("fp", this.view.dir);
      if (this.query) this.refilter(false);
      else this.table.refresh();
    } catch (e) {
      notice(this.host, (e as Error).message + " False positives are not marked.", "error", "fp-" + sc.index);
    }
  }

  // ---- live updates ----

  // update takes a newer manifest of the page's scan (live/live.ts; the search
  // page of one scan): see updateScan.
  async update(m: Manifest, c: LiveChange): Promise<"ok" | "reload"> {
    await this.ready;
    const sc = this.c.scans[0];
    if (!sc || m.scan !== sc.id) return "ok";
    return this.updateScan(sc, m, c.fp, c.query);
  }

  // updateScans takes the news that scans changed (live/live.ts; the search page
  // over all scans): each scan of the page whose manifest moved is merged
  // in place. It says "stale" when scans came or went (the page then
  // offers a reload).
  async updateScans(ids: string[], query: string): Promise<"ok" | "stale"> {
    await this.ready;
    for (const id of ids) {
      const sc = this.c.scans.find((x) => x.id === id && !x.gone);
      if (!sc || sc.error !== "") continue;
      try {
        const p = await loadFrom(sc.folder, "manifest.js", query);
        if (p.k !== "manifest" || p.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
        const prevFP = sc.m ? fpKey(sc.m) : "";
        if ((await this.updateScan(sc, p, fpKey(p) !== prevFP, query)) === "reload") return "stale";
      } catch (e) {
        notice(this.host, `${sc.name}: ${(e as Error).message} The results show what was loaded before.`, "error", "live-" + sc.index);
      }
    }
    return "ok";
  }

  // syncList takes the scan list again (the search over all scans): a scan
  // no longer listed has its rows left out (with a notice), a new one is
  // loaded and searched like the others. It says "stale" when a new scan
  // would take the page past MAX_ELEMENTS.
  async syncList(list: ScanEntry[], query: string): Promise<"ok" | "stale"> {
    await this.ready;
    const listed = new Set<string>();
    for (const e of list) if (SCAN_ID.test(String(e.id))) listed.add(String(e.id));
    let changed = false;
    for (const sc of this.c.scans) {
      if (sc.gone || listed.has(sc.id)) continue;
      sc.gone = true;
      changed = true;
      this.expected -= sc.expected;
      notice(this.host, `${sc.name} is no longer in the scans folder: its elements are left out of the results.`, "info", "gone-" + sc.index);
    }
    const held = new Set(this.c.scans.filter((sc) => !sc.gone).map((sc) => sc.id));
    let total = this.c.scans.reduce((a, sc) => a + (sc.gone ? 0 : sc.expected), 0);
    for (const e of list) {
      const id = String(e.id);
      if (held.has(id) || this.skipped.has(id) || !SCAN_ID.test(id) || e.data !== "scans/" + id + "/data/") continue;
      const count = Number(e.count) || 0;
      if (total + count > MAX_ELEMENTS) return "stale";
      total += count;
      const sc = this.addScan(id, String(e.name ?? id), String(e.target ?? ""), e.data, "scans/" + id + "/", count);
      changed = true;
      try {
        const mp = await loadFrom(sc.folder, "manifest.js", query);
        if (mp.k !== "manifest" || mp.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
        await this.loadScan(sc, mp);
      } catch (err) {
        sc.error = (err as Error).message;
        notice(this.host, `${sc.name}: ${sc.error}`, "error", "scan-" + sc.index);
      }
    }
    if (changed) {
      this.showProgress();
      if (this.query) this.runner.run(false);
      else this.layout(false);
    }
    return "ok";
  }

  // updateScan loads the chunks of a scan that are new or were rewritten,
  // places their rows (new rows appended, changed rows updated in place and
  // searched again), loads fp.js when false positives moved, and runs the
  // search again: the results, their sort, the hidden false positives and
  // the scroll position stay. "reload" means the scan was read again from
  // scratch (a type holds fewer rows than the page).
  private async updateScan(sc: ScanPart, m: Manifest, fp: boolean, query: string): Promise<"ok" | "reload"> {
    for (const t of m.types) {
      const ti = sc.types.findIndex((x) => x.slug === t.slug);
      if (ti >= 0 && Number(t.total) < sc.parts[ti].store.n) return "reload";
    }
    sc.m = m;
    this.expected += (Number(m.count) || 0) - sc.expected;
    sc.expected = Number(m.count) || 0;
    const want: Array<{ tp: TypePart; ref: ChunkRef }> = [];
    for (const t of m.types) {
      const tp = this.c.part(sc, t);
      for (const ch of t.chunks) if (tp.keys.get(String(ch.f)) !== chunkKey(ch)) want.push({ tp, ref: ch });
    }
    // A server's files carry their version in the URL (the browser may hold
    // an older copy); a built site's are asked for afresh.
    const q = (ch: ChunkRef) => (this.live.config ? "v=" + (ch.v ?? 0) : query);
    let moved = false;
    if (want.length > 0) {
      try {
        const got = await Promise.all(want.map(({ tp, ref }) => loadFrom(sc.folder, String(ref.f), q(ref)).then((p) => ({ tp, ref, p }))));
        got.sort((a, b) => a.tp.index - b.tp.index || (a.ref.s ?? 0) - (b.ref.s ?? 0));
        for (const { tp, ref, p } of got) {
          if (p.k !== "elements" || p.scan !== sc.id || p.type !== sc.types[tp.ti].slug) throw new Error(`The data file ${sc.folder}${ref.f} holds other elements.`);
          if (typeof ref.s === "number" && ref.s > tp.store.n) continue; // rows missing before it: the next update tries again
          const [g0, g1] = this.c.place(tp, p, ref, (from, to) => {
            this.engine.resync(from, to);
            moved = true;
          });
          this.view.add(g0, g1);
        }
        clearNotice(this.host, "live-" + sc.index);
      } catch (e) {
        notice(this.host, `${(e as Error).message} The results show what was loaded before; the page tries again with the next update.`, "error", "live-" + sc.index);
      }
    }
    if (fp && m.fp) await this.loadFP(sc, query);
    if (moved && this.view.key) {
      // Values changed in place: their rows take their sorted place again.
      this.view.invalidate();
      this.view.sort(this.view.key, this.view.dir);
    }
    this.engine.sync();
    this.showProgress();
    if (this.query) this.runner.run(false);
    else this.layout(false);
    return "ok";
  }

  private showProgress(): void {
    const scans = this.c.scans.length;
    if (this.loading) {
      const of = this.all && scans > 1 ? ` in ${plural(scans, "scan", "scans")}` : "";
      this.setProgress(`Loading ${comma(this.filesDone)} of ${comma(this.files)} data files${of} · ${comma(this.c.n)} of ${plural(this.expected, "element", "elements")}`);
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
    if (this.loading) extra += ` · ${comma(this.c.n)} of ${comma(this.expected)} elements loaded so far`;
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
    showSearchDetail(this.detail, { scan: c.scans[c.scanOf[g]], store: c.store(g), r: c.local[g], type: c.typeOf(g), module: this.moduleOf(g) }, this.all);
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
    const sort = p.get("sort");
    const mm = sort ? /^([a-z]+)-(asc|desc)$/.exec(sort) : null;
    if (mm && ["type", "data", "source", "module", "time", "fp"].includes(mm[1])) {
      const dir: SortDir = mm[2] === "asc" ? "ascending" : "descending";
      if (this.view.key !== mm[1] || this.view.dir !== dir) this.applySort(mm[1], dir);
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
    writeRowFilter(p, this.rowFilter);
    const v = this.view;
    if (v.key) p.set("sort", `${v.key}-${v.dir === "ascending" ? "asc" : "desc"}`);
    replaceHash(p);
  }
}
