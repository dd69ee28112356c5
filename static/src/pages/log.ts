// The scan log (body data-page="log"): loads the log chunks into a virtual
// table (Time | Component | Level | Message), oldest first, with a level
// dropdown (#log-level), a plain-text filter (#log-filter, case-insensitive,
// over message and component) and a count (#log-count).

import { DetailPanel, copyButton, field } from "../table/detail";
import { byId, clearNotice, debounce, h, notice, setText } from "../ui/dom";
import { comma, oneLine, utc } from "../ui/format";
import { OrderedView, strCmp, type Cmp } from "../table/ordered";
import type { Live, LiveChange, LiveTarget } from "../live/live";
import { load, loadInOrder, manifest } from "../data/registry";
import { LogStore } from "../data/store";
import type { ChunkRef, LogChunk, Manifest } from "../data/types";
import { VTable, type Column, type SortDir } from "../table/vtable";

const ROW_H = 32;

export async function initLog(live: Live): Promise<void> {
  const host = byId("log-table");
  if (!host) return;
  let m: Manifest;
  try {
    m = await manifest();
  } catch (e) {
    notice(host, (e as Error).message, "error", "manifest");
    return;
  }
  const page = new LogPage(host, m, live);
  page.initFilters();
  live.setTarget(page); // live updates wait for the first load
  await page.load();
}

// LogPage is the log table and its controls; the steps of the page are its
// methods: the table (constructor), the filters, the first load and live
// updates.
class LogPage implements LiveTarget {
  private readonly s = new LogStore();
  // Lines stay in arrival order (the scanner writes them oldest first)
  // until a header is clicked: that order is what the Time header shows.
  private readonly v: OrderedView;
  private readonly table: VTable;
  private readonly panel: DetailPanel;
  private readonly level = byId<HTMLSelectElement>("log-level");
  private readonly filter = byId<HTMLInputElement>("log-filter");
  private readonly count = byId("log-count");
  private readonly status: HTMLElement | null;
  private sortKey = "time";
  private sortDir: SortDir = "ascending";
  private want = "ALL"; // the level shown (ALL, ERRORS or a level)
  private re: RegExp | null = null; // the text filter
  // live updates (live/live.ts): what each chunk file held when it was loaded
  private readonly chunkKeys = new Map<string, string>();
  private readonly levelCounts: number[] = [];
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: HTMLElement,
    private m: Manifest,
    private readonly live: Live,
  ) {
    this.status = host.parentElement?.insertBefore(h("p", { class: "load-status", role: "status", hidden: true }), host) ?? null;
    const s = this.s;
    this.v = new OrderedView((key) => logCmp(s, key), null);
    // Details: a panel created beside the table (the template has none).
    let panelEl = byId("log-detail");
    if (!panelEl) {
      panelEl = h("aside", { id: "log-detail", hidden: true });
      host.parentElement?.appendChild(panelEl);
    }
    this.panel = new DetailPanel(panelEl, "Log line");
    this.table = new VTable({
      container: host,
      className: "vt-log",
      label: "Scan log",
      rowHeight: ROW_H,
      empty: m.log.total === 0 ? "The scan wrote no log lines." : "Loading…",
      columns: logColumns(s),
      rowClass: (r) => {
        const l = levelClass(s.levelOf(r));
        return l === "error" ? "is-error" : l === "warning" ? "is-warning" : "";
      },
      onSort: (key) => this.sortBy(key),
      onActivate: (r) => this.openDetail(r),
    });
    this.table.setSort("time", "ascending");
    this.panel.onClose = () => this.table.focusActive();
  }

  private setStatus(t: string): void {
    if (!this.status) return;
    setText(this.status, t);
    this.status.hidden = t === "";
  }

  private sortBy(key: string): void {
    this.sortDir = this.sortKey === key ? (this.sortDir === "ascending" ? "descending" : "ascending") : "ascending";
    this.sortKey = key;
    this.v.sort(key, this.sortDir);
    this.table.setSort(key, this.sortDir);
    this.show(true);
  }

  private openDetail(r: number): void {
    const s = this.s;
    this.panel.show(
      "Log line",
      (body) => {
        body.append(h("pre", { class: "detail-data", tabindex: 0 }, s.msg[r]));
        body.append(h("div", { class: "detail-actions" }, copyButton("Copy message", () => s.msg[r])));
        const dl = h("dl", { class: "detail-fields" });
        field(dl, "Time", s.time[r] ? utc(s.time[r]) + " UTC" : "unknown");
        field(dl, "Level", h("span", { class: "lvl lvl-" + levelClass(s.levelOf(r)) }, s.levelOf(r)));
        field(dl, "Component", s.comp[r]);
        field(dl, "Line", comma(r + 1) + " of " + comma(s.n));
        body.append(dl);
      },
      null,
    );
  }

  // ---- filters: level, text, #level= ----

  private keep(r: number): boolean {
    const s = this.s;
    if (this.want === ERRORS) {
      const l = s.levelOf(r).toUpperCase();
      if (l !== "ERROR" && l !== "CRITICAL") return false;
    } else if (this.want !== "ALL" && s.levelOf(r) !== this.want) return false;
    return this.re === null || this.re.test(s.msg[r]) || this.re.test(s.comp[r]);
  }

  private applyFilter(): void {
    this.want = this.level?.value || "ALL";
    const q = (this.filter?.value ?? "").trim();
    this.re = q === "" ? null : new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    this.v.keep = this.want === "ALL" && this.re === null ? null : (r) => this.keep(r);
    this.v.filter();
    this.show(true);
  }

  initFilters(): void {
    const { level, filter } = this;
    const apply = () => this.applyFilter();
    level?.addEventListener("change", apply);
    filter?.addEventListener("input", debounce(apply, 150));
    filter?.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && filter.value !== "") {
        e.preventDefault();
        filter.value = "";
        apply();
      }
    });
    // #level=LEVEL opens the log at one level; #level=errors at the lines the
    // overview counts as "errors in log" (ERROR and CRITICAL).
    const asked = new URLSearchParams(location.hash.replace(/^#/, "")).get("level");
    if (level && asked) {
      if (asked === ERRORS && !Array.from(level.options).some((o) => o.value === ERRORS)) {
        level.append(h("option", { value: ERRORS }, "Errors (ERROR and CRITICAL)"));
      }
      if (Array.from(level.options).some((o) => o.value === asked)) level.value = asked;
    }
    if ((level && level.value !== "ALL") || (filter && filter.value !== "")) apply(); // restored by the browser
  }

  private show(reset: boolean): void {
    const { s, v } = this;
    this.table.setItems(v.view, v.vn, reset);
    if (this.count) {
      const total = s.n;
      setText(this.count, v.vn === total ? `${comma(total)} ${total === 1 ? "line" : "lines"}` : `${comma(v.vn)} of ${comma(total)} lines`);
    }
    this.table.setEmptyText(s.n === 0 ? (this.m.log.total === 0 ? "The scan wrote no log lines." : "Loading…") : "No log lines match the filter.");
  }

  // ---- loading ----

  private place(c: LogChunk, ref: ChunkRef): void {
    const s = this.s;
    const from = s.put(c, typeof ref.s === "number" ? ref.s : s.n);
    this.chunkKeys.set(String(ref.f), chunkKey(ref));
    for (let r = from; r < s.n; r++) this.levelCounts[s.level[r]] = (this.levelCounts[s.level[r]] ?? 0) + 1;
    if (s.n > from) this.v.add(from, s.n);
  }

  load(): Promise<void> {
    this.ready = this.loadAll();
    return this.ready;
  }

  private async loadAll(): Promise<void> {
    const { s, m } = this;
    const chunks = m.log.chunks.slice();
    const files = chunks.map((c) => String(c.f));
    let frame = 0;
    try {
      if (files.length) this.setStatus(`Loading 1 of ${comma(files.length)} data files…`);
      await loadInOrder<LogChunk>(files, (c, k) => {
        if (c.k !== "log") throw new Error(`The data file ${files[k]} is not a log file.`);
        this.place(c, chunks[k]);
        if (k + 1 < files.length) this.setStatus(`Loading ${comma(k + 2)} of ${comma(files.length)} data files · ${comma(s.n)} of ${comma(m.log.total)} lines`);
        if (!frame)
          frame = requestAnimationFrame(() => {
            frame = 0;
            this.show(false);
          });
      });
      this.setStatus("");
      this.show(false);
    } catch (e) {
      this.setStatus("");
      notice(this.host, (e as Error).message + (s.n ? ` The ${comma(s.n)} lines loaded before it are shown.` : ""), "error", "load");
      this.show(false);
    }
  }

  // ---- live updates ----

  // update loads the chunks that are new or were rewritten and appends
  // their new lines; lines already held never change.
  async update(nm: Manifest, ch: LiveChange): Promise<"ok" | "reload"> {
    await this.ready;
    const s = this.s;
    if (nm.log.total < s.n) return "reload"; // the scan was read again from scratch
    this.m = nm;
    const want = nm.log.chunks.filter((c) => this.chunkKeys.get(String(c.f)) !== chunkKey(c));
    if (want.length) {
      try {
        const got = await Promise.all(want.map((c) => load(String(c.f), this.live.config ? "v=" + (c.v ?? 0) : ch.query).then((p) => ({ c, p }))));
        got.sort((a, b) => (a.c.s ?? 0) - (b.c.s ?? 0));
        for (const { c, p } of got) {
          if (p.k !== "log") throw new Error(`The data file ${c.f} is not a log file.`);
          if (typeof c.s === "number" && c.s > s.n) break;
          this.place(p, c);
        }
        clearNotice(this.host, "live");
      } catch (e) {
        notice(this.host, (e as Error).message + " The log shows what was loaded before; it tries again with the next update.", "error", "live");
      }
      this.updateLevels();
      this.show(false);
    }
    return "ok";
  }

  // updateLevels brings the level dropdown's counts up to date, adding the
  // levels that appeared.
  private updateLevels(): void {
    const level = this.level;
    if (!level) return;
    const s = this.s;
    const opts = new Map(Array.from(level.options, (o) => [o.value, o]));
    const all = opts.get("ALL");
    if (all) setText(all, `All levels (${comma(s.n)})`);
    s.levels.forEach((l, i) => {
      const text = `${l} (${comma(this.levelCounts[i] ?? 0)})`;
      const o = opts.get(l);
      if (o) setText(o, text);
      else level.appendChild(h("option", { value: l }, text));
    });
  }
}

function chunkKey(c: ChunkRef): string {
  return `${c.s ?? ""}/${c.n}/${c.v ?? 0}`;
}

function logCmp(s: LogStore, key: string): Cmp {
  switch (key) {
    case "time":
      return (a, b) => s.time[a] - s.time[b];
    case "component":
      return (a, b) => strCmp(s.comp[a].toLowerCase(), s.comp[b].toLowerCase());
    case "level":
      return (a, b) => strCmp(s.levelOf(a), s.levelOf(b));
  }
  return () => 0;
}

function logColumns(s: LogStore): Column[] {
  return [
    { key: "time", label: "Time (UTC)", cls: "c-time", sortable: true, render: (c, r) => setText(c, utc(s.time[r])) },
    { key: "component", label: "Component", cls: "c-comp", sortable: true, render: (c, r) => setText(c, oneLine(s.comp[r], 200)) },
    {
      key: "level",
      label: "Level",
      cls: "c-level",
      sortable: true,
      init: (c) => c.appendChild(h("span", { class: "lvl" })),
      render: (c, r) => {
        const el = c.firstChild as HTMLElement;
        const l = s.levelOf(r);
        setText(el, l);
        const cls = "lvl lvl-" + levelClass(l);
        if (el.className !== cls) el.className = cls;
      },
    },
    { key: "message", label: "Message", cls: "c-msg vt-open", render: (c, r) => setText(c, oneLine(s.msg[r])) },
  ];
}

// The level dropdown's value for ERROR and CRITICAL together.
const ERRORS = "errors";

function levelClass(l: string): string {
  switch (l.toUpperCase()) {
    case "ERROR":
    case "CRITICAL":
    case "FATAL":
      return "error";
    case "WARNING":
    case "WARN":
      return "warning";
    case "STATUS":
      return "status";
    case "DEBUG":
      return "debug";
  }
  return "info";
}
