// The element table of one type (body data-page="elements"): loads the
// type's chunks progressively and fp.js, and shows them in a virtual table
// with a full view and a unique view, sorting, hiding false positives,
// checkboxes (table/selection.ts) and a detail panel. The header's search box
// filters it in place (search/box.ts): the search runs in the worker over this
// type's rows, and its matches narrow the view like the other filters, so
// sort, selection and (when cleared) scroll position stay as they were.
// currentView() hands the view as shown to other features (downloads).

import { DetailPanel } from "../table/detail";
import { byId, h, notice, setText } from "../ui/dom";
import { plural } from "../ui/format";
import type { Live, LiveChange, LiveTarget } from "../live/live";
import { OrderedView } from "../table/ordered";
import { readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import type { Query } from "../search/query";
import { isSelected, onSelectionChange } from "../table/selection";
import { ElementStore, Groups } from "../data/store";
import type { ChunkRef, ElementChunk, FPList, Manifest, TypeInfo } from "../data/types";
import { VTable, type SortDir } from "../table/vtable";
import { Lineage } from "../table/lineage";
import { fullCmp, fullTable, uniqueCmp, uniqueTable, type ColumnsPage } from "./elements-columns";
import { fpMarksOf, showElementDetail, type FPMarks } from "./elements-detail";
import { mountFPTools } from "./elements-fp";
import { chunkKey, loadChanged, loadChunks, loadFP, loadProgress, mark, moduleRanks, openElements } from "./elements-load";
import { ElementsSearch, sortView } from "./elements-search";
import { checkAll, checkAllBox, checkedElementIds, countsText, hashSort, hideLabel, setEmptyText, toggleRows, viewHash, viewRows, type CurrentView, type Mode } from "./elements-view";

export type { CurrentView } from "./elements-view";

// initElements starts the element table; expose is handed, as soon as the
// table exists, what returns its current view (for the downloads).
export async function initElements(box: SearchBox | null, live: Live, expose: (current: () => CurrentView) => void = () => undefined): Promise<void> {
  const o = await openElements();
  if (!o) return;

  // #sel=<element index> (from the graph views): the element to show once
  // loaded. Read before the page rewrites the hash with its own state.
  const sel = Number(new URLSearchParams(location.hash.replace(/^#/, "")).get("sel") ?? "");
  const p = new ElementsPage(o.host, o.m, o.type, o.rowCount, o.hideFP, o.detailEl, o.setStatus, box, live);
  expose(() => p.currentView());
  const loading = p.load();
  live.setTarget(p); // live updates wait for the first load
  await loading;
  if (Number.isInteger(sel) && sel > 0) p.reveal(sel);
  // A link to another element of this type (the detail panel's source and
  // children) changes only the fragment.
  window.addEventListener("hashchange", () => {
    const i = Number(new URLSearchParams(location.hash.replace(/^#/, "")).get("sel") ?? "");
    if (Number.isInteger(i) && i > 0) p.reveal(i);
  });
}

class ElementsPage implements SearchHandler, LiveTarget {
  private readonly s: ElementStore;
  private groups: Groups | null = null;
  private readonly full: OrderedView;
  private unique: OrderedView | null = null;
  private readonly fullTable: VTable;
  private uniqueTable: VTable | null = null;
  private mode: Mode = "full";
  private hide = false;
  private anchor = -1; // view position of the last checkbox clicked (shift ranges)
  private readonly detail: DetailPanel | null;
  private loading = true;
  private loaded = 0;
  private frame = 0;
  private shown = false;
  private selectAll: HTMLInputElement;
  private moduleRank: Int32Array = new Int32Array(0);
  // live updates (live/live.ts): what each chunk file held when it was loaded
  private readonly chunkKeys = new Map<string, string>();
  private ready: Promise<void> = Promise.resolve();
  private fpReady: Promise<void> = Promise.resolve();
  private relinked = false; // rows changed in place since the last show
  private countsMoved = false; // values got more occurrences (unique view sorted by count)
  private sortSeq = 0; // numbers the sorts asked for; only the newest is shown
  private readonly sx: ElementsSearch; // the search and what it matched
  private readonly lineage: Lineage;
  // who marked each element a false-positive decision names, and when
  private fpMarks: FPMarks = new Map();
  private fpRefresh: (() => void) | null = null;
  private readonly cols: ColumnsPage;

  constructor(
    private readonly host: HTMLElement,
    private m: Manifest,
    private type: TypeInfo,
    private readonly rowCount: HTMLElement | null,
    private readonly hideFP: HTMLInputElement | null,
    detailEl: HTMLElement | null,
    private readonly setStatus: (t: string) => void,
    private readonly box: SearchBox | null,
    private readonly live: Live,
  ) {
    this.s = new ElementStore(type.total);
    this.lineage = new Lineage(m);
    const st = this.s;
    this.sx = new ElementsSearch(st, box, (fresh, t0) => this.showResult(fresh, t0));
    this.rankModules();
    this.cols = { store: st, modules: () => this.m.modules, moduleRank: () => this.moduleRank, groups: () => this.groups!, groupCount: (g) => this.groupCount(g) };

    this.full = new OrderedView((k) => fullCmp(this.cols, k), null);
    this.selectAll = h("input", { type: "checkbox", class: "select-all", "aria-label": "Select all shown rows" });
    this.selectAll.addEventListener("change", () => this.toggleAll());
    this.fullTable = fullTable(host, type, this.cols, this.selectAll, {
      onSort: (k) => this.sortBy(k),
      onRowClick: (r, pos, e) => this.rowClick(r, pos, e),
      onActivate: (r) => this.openDetail(r),
      onToggle: (r, pos, e) => this.toggle(r, pos, e.shiftKey),
    });
    this.detail = detailEl ? new DetailPanel(detailEl, "Data element") : null;
    if (this.detail) this.detail.onClose = () => this.table().focusActive();

    onSelectionChange(() => {
      this.table().refresh();
      this.updateCounts();
    });
    if (hideFP) {
      hideFP.addEventListener("change", () => this.setHide(hideFP.checked));
    }
    for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="view"]'))) {
      r.addEventListener("change", () => {
        if (r.checked) this.setMode(r.value === "unique" ? "unique" : "full");
      });
    }
    if (box) {
      box.handler = this;
      box.onStateChange = () => this.writeHash();
    }
    const fpBox = byId("fp-tools");
    if (fpBox) {
      const checkedIds = () => checkedElementIds(this.s);
      const scan = document.body.getAttribute("data-scan") ?? "";
      this.fpRefresh = mountFPTools(fpBox, { live, scan, checkedIds, status: () => ({ done: this.m.done, status: this.m.status }) });
    }
    this.readHash();
  }

  // rankModules orders the manifest's modules by name, for sorting.
  private rankModules(): void {
    this.moduleRank = moduleRanks(this.m);
  }

  load(): Promise<void> {
    this.ready = this.loadAll();
    return this.ready;
  }

  private async loadAll(): Promise<void> {
    const t = this.type;
    if (t.fp > 0 && this.m.fp.n > 0) this.fpReady = this.loadFP("");
    this.progress();
    try {
      await loadChunks(t, (c, ref, k) => {
        this.place(c, ref);
        this.loaded = k + 1;
        this.progress();
        this.scheduleUpdate();
      });
      this.loading = false;
      this.progress();
      this.resortCounts();
      this.show(false);
      this.sx.runner.run(false);
      mark("sr:elements-loaded");
    } catch (e) {
      this.loading = false;
      this.setStatus("");
      const shown = this.s.n > 0 ? ` The ${plural(this.s.n, "element", "elements")} loaded before it are shown.` : "";
      notice(this.host, (e as Error).message + shown, "error", "load");
      this.fullTable.setEmptyText("The elements could not be loaded.");
      this.scheduleUpdate();
    }
  }

  // place puts a chunk's rows into the store (by its start row, so a chunk
  // rewritten by a live update updates the rows it already gave) and into
  // the views and the search worker.
  private place(c: ElementChunk, ref: ChunkRef): void {
    const r = this.s.put(c, typeof ref.s === "number" ? ref.s : this.s.n);
    this.chunkKeys.set(String(ref.f), chunkKey(ref));
    if (this.s.n > r.from) {
      this.full.add(r.from, this.s.n);
      if (this.groups && this.unique) {
        this.unique.add(this.groups.update(), this.groups.n);
        if (this.unique.key === "count") this.countsMoved = true;
      }
    }
    if (r.hi > r.lo) {
      this.sx.engine.resync(r.lo, r.hi);
      this.relinked = true;
    }
    this.sx.engine.sync();
    this.sx.runner.rerunSoon();
  }

  // loadFP loads fp.js and marks the rows (query: a live update's).
  private loadFP(query: string): Promise<void> {
    return loadFP(this.host, this.m, query, (p) => this.applyFP(p));
  }

  private applyFP(p: FPList): void {
    this.s.setFP(p.i);
    this.fpMarks = fpMarksOf(p);
    this.groups?.recountFP();
    this.matchGroups();
    this.setKeeps();
    this.unique?.invalidate();
    this.full.invalidate();
    if (this.full.key === "fp") this.full.sort("fp", this.full.dir);
    if (this.unique?.key === "count" && this.hide) this.unique.sort("count", this.unique.dir);
    this.refilter();
    this.fullTable.refresh();
  }

  // update takes a newer manifest of the scan (live/live.ts): it loads the
  // chunks of this type that are new or were rewritten, merges their rows
  // in place (the view keeps its scroll position, sort, filters, search,
  // checked rows and detail panel), and fp.js when false positives moved.
  async update(m: Manifest, c: LiveChange): Promise<"ok" | "reload"> {
    await this.ready;
    await this.fpReady;
    const t = m.types.find((x) => x.slug === this.type.slug);
    if (!t || t.total < this.s.n) return "reload"; // the scan was read again from scratch
    const prevM = this.m;
    const prevT = this.type;
    this.m = m;
    this.type = t;
    this.fpRefresh?.();
    if (m.modules.length !== prevM.modules.length) {
      this.rankModules();
      if (this.full.key === "module") {
        this.full.invalidate();
        this.relinked = true;
      }
    }
    // A server's files carry their version in the URL (the browser may
    // hold an older copy); a built site's are asked for afresh.
    const query = (ch: ChunkRef) => (this.live.config ? "v=" + (ch.v ?? 0) : c.query);
    await loadChanged(this.host, t, this.chunkKeys, query, () => this.s.n, (p, ch) => this.place(p, ch));
    if (c.fp || t.fp !== prevT.fp || m.fp.n !== prevM.fp.n) {
      if (t.fp > 0 || prevT.fp > 0 || this.s.fpCount > 0) await this.loadFP(c.query);
    }
    this.resortCounts();
    if (this.relinked) {
      this.relinked = false;
      const k = this.full.key;
      if (k === "source" || k === "module") {
        this.full.invalidate();
        this.full.sort(k, this.full.dir);
      }
      this.fullTable.refresh();
    }
    this.updateHideLabel();
    this.show(false);
    return "ok";
  }

  // resortCounts sorts the unique view by count again after values got
  // more occurrences (new rows only join the order in their own place).
  private resortCounts(): void {
    if (!this.countsMoved || !this.unique) return;
    this.countsMoved = false;
    if (this.unique.key !== "count") return;
    this.unique.invalidate();
    this.unique.sort("count", this.unique.dir);
    this.uniqueTable?.refresh();
  }

  // updateHideLabel says how many false positives #hide-fp hides.
  private updateHideLabel(): void {
    hideLabel(this.hideFP, this.type.fp, this.hide);
  }

  private progress(): void {
    loadProgress(this.host, this.setStatus, this.loading ? this.loaded : -1, this.type, this.s.n);
  }

  private scheduleUpdate(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.show(false);
    });
  }

  private table(): VTable {
    return this.mode === "unique" && this.uniqueTable ? this.uniqueTable : this.fullTable;
  }

  private view(): OrderedView {
    return this.mode === "unique" && this.unique ? this.unique : this.full;
  }

  // show pushes the current view into its table.
  private show(resetScroll: boolean): void {
    const v = this.view();
    this.table().setItems(v.view, v.vn, resetScroll);
    this.updateCounts();
    this.reportSearch();
    this.updateEmpty();
    if (v.vn > 0 && !this.shown) {
      this.shown = true;
      mark("sr:first-rows");
    }
  }

  // updateEmpty says what an empty table means (elements-view.ts).
  private updateEmpty(): void {
    if (this.view().vn > 0) return;
    setEmptyText(this.table(), {
      type: this.type,
      query: this.query,
      loading: this.loading,
      lastMs: this.sx.lastMs,
      box: this.box,
      hide: this.hide,
      fpCount: this.s.fpCount,
      showFP: () => {
        if (this.hideFP) this.hideFP.checked = false;
        this.setHide(false);
      },
    });
  }

  private updateCounts(): void {
    const unique = this.mode === "unique";
    const total = unique ? (this.groups?.n ?? 0) : this.s.n;
    const text = countsText(this.view().vn, total, unique, this.hide, this.s.fpCount);
    if (this.rowCount) setText(this.rowCount, text);
    if (this.mode === "full") checkAllBox(this.selectAll, this.full, this.s);
  }

  // ---- columns ----

  // groupCount is a value's occurrences as the unique view counts them.
  private groupCount(g: number): number {
    const gr = this.groups!;
    return this.hide ? gr.countNF[g] : gr.count[g];
  }

  // ---- modes, filters, sorting ----

  private ensureUnique(): void {
    if (this.unique) return;
    this.groups = new Groups(this.s);
    this.groups.update();
    this.unique = new OrderedView((k) => uniqueCmp(this.cols, k), null);
    this.matchGroups();
    this.setKeeps();
    this.unique.add(0, this.groups.n);
    this.uniqueTable = uniqueTable(this.host, this.type, this.cols, {
      onSort: (k) => this.sortBy(k),
      onActivate: (g) => this.openDetail(this.groups!.first[g], g),
    });
  }

  private setMode(mode: Mode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    if (mode === "unique") this.ensureUnique();
    this.fullTable.root.hidden = mode !== "full";
    if (this.uniqueTable) this.uniqueTable.root.hidden = mode !== "unique";
    this.detail?.close();
    this.anchor = -1;
    this.show(false);
    this.writeHash();
  }

  private setHide(on: boolean): void {
    this.hide = on;
    this.matchGroups();
    this.setKeeps();
    if (this.unique) {
      this.unique.invalidate();
      if (this.unique.key === "count") this.unique.sort("count", this.unique.dir);
    }
    this.refilter();
    this.uniqueTable?.refresh();
    this.writeHash();
  }

  // setKeeps sets the views' filters: false positives hidden, search.
  private setKeeps(): void {
    this.sx.setKeeps(this.s, this.full, this.unique, this.groups, this.hide);
  }

  // ---- search (the header's box; search/box.ts) ----

  search(q: Query | null, alsoSource: boolean): void {
    if (!q) {
      this.clearSearch();
      return;
    }
    if (!this.query) this.sx.saved = { mode: this.mode, top: this.table().root.scrollTop };
    this.sx.runner.set(q, alsoSource);
    this.sx.runner.run(true);
  }

  // the query being searched, if any
  private get query(): Query | null {
    return this.sx.query;
  }

  // showResult shows a search's rows; fresh (a new query) scrolls to the
  // first match, a re-run (more rows arrived) keeps the position.
  private showResult(fresh: boolean, t0: number): void {
    this.matchGroups();
    this.setKeeps();
    this.full.filter();
    this.unique?.filter();
    this.anchor = -1;
    this.sx.lastMs = -1;
    this.show(fresh);
    this.sx.lastMs = performance.now() - t0;
    this.reportSearch();
    this.updateEmpty();
  }

  // reportSearch says under the box how many rows of the view match.
  private reportSearch(): void {
    this.sx.report(this.box, this.view().vn, this.mode === "unique", this.loading, this.s, this.type);
  }

  // matchGroups marks the unique view's values that have a matching row.
  private matchGroups(): void {
    this.sx.matchGroups(this.groups, this.hide, this.s.fp);
  }

  // clearSearch shows the view as it was before the search: same filters,
  // sort and selection, scrolled back to where it was.
  private clearSearch(): void {
    if (!this.query) return;
    this.sx.clear();
    this.setKeeps();
    this.refilter();
    const sv = this.sx.saved;
    this.sx.saved = null;
    if (sv && sv.mode === this.mode) this.table().root.scrollTop = sv.top;
  }

  currentView(): CurrentView {
    const unique = this.mode === "unique" && this.groups !== null;
    const { rows, counts } = viewRows(this.view(), unique ? this.groups : null, (g) => this.groupCount(g));
    return {
      manifest: this.m,
      type: this.type,
      store: this.s,
      mode: unique ? "unique" : "full",
      rows,
      counts,
      hideFP: this.hide,
      query: this.query ? this.query.text : "",
      alsoSource: this.query ? this.sx.runner.alsoSource : false,
      loading: this.loading,
    };
  }

  private refilter(): void {
    this.full.filter();
    this.unique?.filter();
    this.anchor = -1;
    this.show(false);
  }

  // sortBy sorts by a column: ascending first (descending for counts and
  // flags), the other way on the next click.
  private sortBy(key: string): void {
    const v = this.view();
    const first: SortDir = key === "count" || key === "risky" || key === "fp" ? "descending" : "ascending";
    this.applySort(key, v.key === key ? (v.dir === "ascending" ? "descending" : "ascending") : first);
  }

  private applySort(key: string, dir: SortDir): void {
    const v = this.view();
    const t = this.table();
    t.setSort(key, dir);
    const big = v.n > 100000;
    if (big) this.setStatus("Sorting…");
    t.root.setAttribute("aria-busy", "true");
    const seq = ++this.sortSeq;
    // A long sort by text runs in the search worker (table/sort-order.ts:
    // the same order), and a newer sort supersedes it.
    const keys = () => (v === this.unique ? this.groups!.first.slice(0, v.n) : null);
    sortView(this.sx.engine, v, key, dir, big, this.textColumn(key), keys, () => seq === this.sortSeq, () => {
      t.root.removeAttribute("aria-busy");
      this.anchor = -1;
      this.show(true);
      if (big) this.progress();
      this.writeHash();
    });
  }

  // textColumn is the search worker's column a sort key orders by, if any.
  private textColumn(key: string): "d" | "sd" | null {
    if (key === "data") return "d";
    if (key === "source" && this.mode === "full") return "sd";
    return null;
  }

  // ---- selection ----

  private rowClick(r: number, pos: number, e: MouseEvent): void {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.classList.contains("row-select")) {
      this.toggle(r, pos, e.shiftKey, t.checked);
    }
  }

  private toggle(r: number, pos: number, shift: boolean, to?: boolean): void {
    toggleRows(this.s, this.full, this.anchor, r, pos, shift, to ?? !isSelected(this.s.idx[r]));
    this.anchor = pos;
    this.fullTable.refresh(); // the clicked box shows the state even when nothing changed
  }

  private toggleAll(): void {
    checkAll(this.s, this.full, this.selectAll.checked);
    this.anchor = -1;
  }

  // ---- detail ----

  // reveal scrolls to element i (an element index) in the full view and
  // opens its detail panel (links from the graph views: #sel=<i>).
  reveal(i: number): void {
    const r = this.s.rowOf(i);
    if (r < 0) return;
    if (this.mode !== "full") {
      const radio = document.querySelector<HTMLInputElement>('input[name="view"][value="full"]');
      if (radio) radio.checked = true;
      this.setMode("full");
    }
    const k = this.full.view.subarray(0, this.full.vn).indexOf(r);
    if (k >= 0) this.fullTable.focusPos(k);
    this.openDetail(r);
  }

  private openDetail(r: number, group = -1): void {
    if (!this.detail) return;
    showElementDetail(this.detail, { store: this.s, type: this.type, manifest: this.m, lineage: this.lineage, fpMarks: this.fpMarks }, r, this.groups, group);
  }

  // ---- state in the URL fragment: view, sort, hide ----

  private readHash(): void {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const st = readSearchHash();
    const mode = p.get("view") === "unique" ? "unique" : "full";
    if (p.get("hidefp") === "1" && this.hideFP && !this.hideFP.closest("[hidden]")) {
      this.hideFP.checked = true;
      this.setHide(true);
    } else if (this.hideFP?.checked) this.setHide(true);
    const radio = document.querySelector<HTMLInputElement>(`input[name="view"][value="${mode}"]`);
    if (radio) radio.checked = true;
    this.setMode(mode);
    const sort = hashSort(p, mode);
    if (sort) this.applySort(sort.key, sort.dir);
    if (this.box && (st.q !== "" || st.src)) {
      this.box.setState(st);
      if (st.q !== "") this.box.submit();
    }
  }

  private writeHash(): void {
    replaceHash(viewHash(this.mode, this.view(), this.hide, this.box));
  }
}
