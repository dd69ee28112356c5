// The scan log (body data-page="log"): loads the log chunks into a virtual
// table (Time | Component | Level | Message), oldest first, with a level
// dropdown (#log-level), a plain-text filter (#log-filter, case-insensitive,
// over message and component) and a count (#log-count).

import { DetailPanel, copyButton, field } from "../table/detail";
import { byId, clearNotice, debounce, h, notice, setText } from "../ui/dom";
import { comma, oneLine, utc } from "../ui/format";
import { OrderedView, strCmp, type Cmp } from "../table/ordered";
import { liveConfig, setLiveTarget } from "../live/live";
import { load, loadInOrder, manifest } from "../data/registry";
import { LogStore } from "../data/store";
import type { ChunkRef, LogChunk, Manifest } from "../data/types";
import { VTable, type SortDir } from "../table/vtable";

const ROW_H = 32;

export async function initLog(): Promise<void> {
  const host = byId("log-table");
  if (!host) return;
  const level = byId<HTMLSelectElement>("log-level");
  const filter = byId<HTMLInputElement>("log-filter");
  const count = byId("log-count");
  const status = host.parentElement?.insertBefore(h("p", { class: "load-status", role: "status", hidden: true }), host) ?? null;
  const setStatus = (t: string) => {
    if (!status) return;
    setText(status, t);
    status.hidden = t === "";
  };

  let m: Manifest;
  try {
    m = await manifest();
  } catch (e) {
    notice(host, (e as Error).message, "error", "manifest");
    return;
  }

  const s = new LogStore();
  const cmpFor = (key: string): Cmp => {
    switch (key) {
      case "time":
        return (a, b) => s.time[a] - s.time[b];
      case "component":
        return (a, b) => strCmp(s.comp[a].toLowerCase(), s.comp[b].toLowerCase());
      case "level":
        return (a, b) => strCmp(s.levelOf(a), s.levelOf(b));
    }
    return () => 0;
  };
  // Lines stay in arrival order (the scanner writes them oldest first)
  // until a header is clicked: that order is what the Time header shows.
  const v = new OrderedView(cmpFor, null);
  let sortKey = "time";
  let sortDir: SortDir = "ascending";

  // Details: a panel created beside the table (the template has none).
  let panelEl = byId("log-detail");
  if (!panelEl) {
    panelEl = h("aside", { id: "log-detail", hidden: true });
    host.parentElement?.appendChild(panelEl);
  }
  const panel = new DetailPanel(panelEl, "Log line");

  const table = new VTable({
    container: host,
    className: "vt-log",
    label: "Scan log",
    rowHeight: ROW_H,
    empty: m.log.total === 0 ? "The scan wrote no log lines." : "Loading…",
    columns: [
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
    ],
    rowClass: (r) => {
      const l = levelClass(s.levelOf(r));
      return l === "error" ? "is-error" : l === "warning" ? "is-warning" : "";
    },
    onSort: (key) => {
      sortDir = sortKey === key ? (sortDir === "ascending" ? "descending" : "ascending") : "ascending";
      sortKey = key;
      v.sort(key, sortDir);
      table.setSort(key, sortDir);
      show(true);
    },
    onActivate: (r) => {
      panel.show(
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
    },
  });
  table.setSort("time", "ascending");
  panel.onClose = () => table.focusActive();

  let want = "ALL";
  let re: RegExp | null = null;
  const keep = (r: number): boolean => {
    if (want === ERRORS) {
      const l = s.levelOf(r).toUpperCase();
      if (l !== "ERROR" && l !== "CRITICAL") return false;
    } else if (want !== "ALL" && s.levelOf(r) !== want) return false;
    return re === null || re.test(s.msg[r]) || re.test(s.comp[r]);
  };
  const applyFilter = () => {
    want = level?.value || "ALL";
    const q = (filter?.value ?? "").trim();
    re = q === "" ? null : new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    v.keep = want === "ALL" && re === null ? null : keep;
    v.filter();
    show(true);
  };
  const show = (reset: boolean) => {
    table.setItems(v.view, v.vn, reset);
    if (count) {
      const total = s.n;
      setText(count, v.vn === total ? `${comma(total)} ${total === 1 ? "line" : "lines"}` : `${comma(v.vn)} of ${comma(total)} lines`);
    }
    table.setEmptyText(s.n === 0 ? (m.log.total === 0 ? "The scan wrote no log lines." : "Loading…") : "No log lines match the filter.");
  };
  level?.addEventListener("change", applyFilter);
  filter?.addEventListener("input", debounce(applyFilter, 150));
  filter?.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && filter.value !== "") {
      e.preventDefault();
      filter.value = "";
      applyFilter();
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
  if ((level && level.value !== "ALL") || (filter && filter.value !== "")) applyFilter(); // restored by the browser

  // Live updates (live/live.ts): the chunks that are new or were rewritten are
  // loaded and their new lines appended; lines already held never change.
  const chunkKeys = new Map<string, string>();
  const key = (c: ChunkRef) => `${c.s ?? ""}/${c.n}/${c.v ?? 0}`;
  const levelCounts: number[] = [];
  const place = (c: LogChunk, ref: ChunkRef) => {
    const from = s.put(c, typeof ref.s === "number" ? ref.s : s.n);
    chunkKeys.set(String(ref.f), key(ref));
    for (let r = from; r < s.n; r++) levelCounts[s.level[r]] = (levelCounts[s.level[r]] ?? 0) + 1;
    if (s.n > from) v.add(from, s.n);
  };
  // updateLevels brings the level dropdown's counts up to date, adding the
  // levels that appeared.
  const updateLevels = () => {
    if (!level) return;
    const opts = new Map(Array.from(level.options, (o) => [o.value, o]));
    const all = opts.get("ALL");
    if (all) setText(all, `All levels (${comma(s.n)})`);
    s.levels.forEach((l, i) => {
      const text = `${l} (${comma(levelCounts[i] ?? 0)})`;
      const o = opts.get(l);
      if (o) setText(o, text);
      else level.appendChild(h("option", { value: l }, text));
    });
  };
  let loaded!: () => void;
  const ready = new Promise<void>((r) => (loaded = r));
  setLiveTarget({
    update: async (nm, ch) => {
      await ready;
      if (nm.log.total < s.n) return "reload"; // the scan was read again from scratch
      m = nm;
      const want = nm.log.chunks.filter((c) => chunkKeys.get(String(c.f)) !== key(c));
      if (want.length) {
        try {
          const got = await Promise.all(want.map((c) => load(String(c.f), liveConfig() ? "v=" + (c.v ?? 0) : ch.query).then((p) => ({ c, p }))));
          got.sort((a, b) => (a.c.s ?? 0) - (b.c.s ?? 0));
          for (const { c, p } of got) {
            if (p.k !== "log") throw new Error(`The data file ${c.f} is not a log file.`);
            if (typeof c.s === "number" && c.s > s.n) break;
            place(p, c);
          }
          clearNotice(host, "live");
        } catch (e) {
          notice(host, (e as Error).message + " The log shows what was loaded before; it tries again with the next update.", "error", "live");
        }
        updateLevels();
        show(false);
      }
      return "ok";
    },
  });

  const chunks = m.log.chunks.slice();
  const files = chunks.map((c) => String(c.f));
  let frame = 0;
  try {
    if (files.length) setStatus(`Loading 1 of ${comma(files.length)} data files…`);
    await loadInOrder<LogChunk>(files, (c, k) => {
      if (c.k !== "log") throw new Error(`The data file ${files[k]} is not a log file.`);
      place(c, chunks[k]);
      if (k + 1 < files.length) setStatus(`Loading ${comma(k + 2)} of ${comma(files.length)} data files · ${comma(s.n)} of ${comma(m.log.total)} lines`);
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          show(false);
        });
    });
    setStatus("");
    show(false);
  } catch (e) {
    setStatus("");
    notice(host, (e as Error).message + (s.n ? ` The ${comma(s.n)} lines loaded before it are shown.` : ""), "error", "load");
    show(false);
  }
  loaded();
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
