// The network graph page (body data-page="graph", scans/<id>/graph.html):
// the scan's entity graph as generator/graph laid it out at build time,
// drawn by GraphView (sigma.js, WebGL). It loads data/graph.js and its data
// files, builds the legend (one entry per node type, with a box that hides
// the type), highlights the nodes the header's search box matches, shows a
// text-only tooltip on hover, opens the element's table on click, and
// offers PNG (the view as on screen) and GEXF (the nodes shown) downloads.
// In the preview server and in a built site whose scan still runs, the
// graph takes new data in place (live/live.ts), keeping the camera.

import { byId, clear, h, notice, setText } from "../ui/dom";
import { DrawnList, MAX_ITEMS, type DrawnItem } from "../graph/drawn-list";
import { Graph as GexfGraph, type GraphNode } from "../export/gexf";
import { comma, plural } from "../ui/format";
import {
  NODE_CUT,
  NODE_GROUP,
  NODE_RISKY,
  NODE_TARGET,
  type GraphManifest,
} from "../data/graph-types";
import { GraphView, type PNGCaption } from "../graph/view";
import type { Live, LiveChange } from "../live/live";
import { load, manifest } from "../data/registry";
import { addSearchHash, readSearchHash, replaceHash, type SearchBox, type SearchHandler } from "../search/box";
import { labelOf } from "../ui/sfurl";
import type { Query } from "../search/query";
import { compile, isRefused } from "../search/match";
import type { Manifest } from "../data/types";
import { FA2_MAX, mountGraphDownloads, mountLayoutTools, type LayoutTools } from "./graph-tools";
import { countGroups, loadGraph, sameChunks, type Cols, type GraphData, type NodeAttrs } from "./graph-data";

// Matches of a graph search drawn with their label (the rest are listed
// beside the graph) and how many the list shows.
const LABELLED_MATCHES = 8;
const MATCHES_LISTED = 200;
// Characters of a value in the tooltip.
const TIP_CHARS = 300;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export async function initGraphPage(box: SearchBox | null, live: Live): Promise<void> {
  const host = byId("graph");
  const status = byId("graph-status");
  if (!host) return;
  const say = (t: string, done = true) => {
    if (status) {
      setText(status, t);
      status.hidden = t === "";
      status.classList.toggle("is-done", done);
    }
  };
  let m: Manifest;
  let data: GraphData;
  try {
    say("Loading the graph…", false);
    m = await manifest();
    data = await loadGraph("", (done, all) => say(`Loading the graph: ${comma(done)} of ${comma(all)} data files…`, false));
    mark("sr:graph-data");
  } catch (e) {
    say("");
    host.removeAttribute("aria-busy");
    notice(host, (e as Error).message, "error", "graph");
    return;
  }
  const page = new GraphPage(host, m, data, say, box, live);
  live.setTarget(page);
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    /* optional */
  }
}

class GraphPage implements SearchHandler {
  private readonly view: GraphView;
  private gm: GraphManifest;
  private cols: Cols;
  private readonly off = new Set<number>(); // legend entries hidden
  private complete = false; // every edge is drawn
  private riskyOnly = false;
  private query: Query | null = null;
  private matches: Set<string> | null = null;
  private ranked: string[] = []; // the matches, best first
  private labelled: Set<string> | null = null; // the matches drawn with their label
  private step = -1; // the match stepped to (index into ranked)
  private matchBox: HTMLElement | null = null;
  private layout: LayoutTools | null = null; // ForceAtlas2 and back
  private readonly legendEl: HTMLElement | null;
  private drawn: DrawnList | null = null; // the list of the nodes shown (keyboard, screen readers)

  constructor(
    private readonly host: HTMLElement,
    private m: Manifest,
    d: GraphData,
    private readonly say: (t: string) => void,
    private readonly box: SearchBox | null,
    private readonly live: Live,
  ) {
    this.gm = d.gm;
    this.cols = d.cols;
    this.legendEl = byId("graph-legend");
    const t0 = performance.now();
    this.view = new GraphView(host, {
      tooltip: (k) => this.tooltip(k),
      tooltipEl: byId("graph-tooltip"),
      onClick: (k, e) => this.open(k, e),
      hideEdgesOnMove: d.view.src.length > 20000,
      edgeColor: edgeColour(d.view.src.length),
    });
    const complete = this.view.setData(d.view);
    mark("sr:graph-built");
    // For scripts and tests: the renderer (docs/site-format.md).
    Object.defineProperty(host, "graphView", { value: this.view, configurable: true });
    host.removeAttribute("aria-busy");
    // The first frame is on screen once the next one starts.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        mark("sr:graph-drawn");
        host.setAttribute("data-drawn-ms", String(Math.round(performance.now() - t0)));
      }),
    );
    this.readHash();
    this.mountTools();
    this.showCounts();
    this.renderLegend();
    void complete.then(() => {
      this.complete = true;
      this.showCounts();
      host.setAttribute("data-complete", "1");
    });
    if (box) {
      box.handler = this;
      box.onStateChange = () => this.writeHash();
      const st = readSearchHash();
      if (st.q !== "") {
        box.setState(st);
        box.submit();
      }
      // The graph matches node values only: the "+ source" toggle does not apply.
      const src = byId("search-source")?.closest("label");
      if (src) src.hidden = true;
    }
  }

  // ---- counts and legend ----

  // listNodes is what the list of drawn nodes shows: the nodes shown now,
  // the target first, then by size (the most connected first).
  private listNodes(): { items: DrawnItem[]; total: number } {
    const c = this.cols;
    const shown: number[] = [];
    for (let j = 0; j < c.key.length; j++) if (c.key[j] !== undefined && this.view.isShown(c.key[j])) shown.push(j);
    const size = (j: number) => (c.f[j] & NODE_TARGET ? Infinity : (this.view.node(c.key[j])?.size ?? 0));
    shown.sort((a, b) => size(b) - size(a) || a - b);
    const items = shown.slice(0, MAX_ITEMS).map((j) => {
      const k = c.key[j];
      const e = this.gm.legend[c.g[j]];
      const group = (c.f[j] & NODE_GROUP) !== 0;
      return {
        text: c.full[j],
        note: c.f[j] & NODE_TARGET ? "target" : group ? "(more, not drawn one by one)" : (e?.descr ?? ""),
        act: (ev: MouseEvent) => {
          this.view.focus(k, 0.15);
          if (!group) this.open(k, ev);
        },
      };
    });
    return { items, total: shown.length };
  }

  private showCounts(): void {
    if (!this.drawn) {
      const side = byId("graph-legend");
      if (side) this.drawn = new DrawnList(side, "graph-drawn", "Nodes drawn, as a list", () => this.listNodes());
    }
    this.drawn?.refresh();
    const gm = this.gm;
    const v = this.view;
    this.host.setAttribute("data-nodes", String(v.nodeCount));
    this.host.setAttribute("data-edges", String(v.edgeCount));
    const shown = this.shownCount();
    this.host.setAttribute("data-shown", String(shown));
    let text = `${plural(v.nodeCount, "node", "nodes")} · ` + (this.complete ? plural(v.edgeCount, "link", "links") : `drawing ${plural(gm.edges, "link", "links")}…`);
    if (shown !== v.nodeCount) text += ` · ${comma(shown)} shown`;
    if (v.nodeCount === 0) text = "No entities to draw: the scan has no host names, addresses or other entities yet (false positives are left out).";
    this.say(text);
    const cap = byId("graph-cap");
    if (cap) {
      cap.hidden = gm.grouped === 0;
      if (gm.grouped > 0) {
        setText(
          cap,
          `This scan's graph has ${comma(gm.total)} nodes; ${comma(gm.max)} can be drawn. The ${comma(gm.nodes - countGroups(this.cols))} nodes nearest the target are drawn; ` +
            `the ${comma(gm.grouped)} others are shown as grey "+N more" nodes, one under each node they were found from. ` +
            `Every value is in the element tables and the GEXF download.`,
        );
      }
    }
  }

  private shownCount(): number {
    if (this.off.size === 0) return this.view.nodeCount;
    let n = 0;
    const g = this.cols.g;
    for (let j = 0; j < g.length; j++) if (!this.off.has(g[j])) n++;
    return n;
  }

  // index is the data-file index of the node with key k, or -1.
  private index(k: string): number {
    const a = this.view.node(k) as NodeAttrs | null;
    return a ? a.n : -1;
  }

  // caption is the PNG's title and legend: the scan, what is shown, and
  // the node types shown (unticked ones left out).
  private caption(): PNGCaption {
    const name = document.querySelector(".scan-header h1")?.textContent?.trim() || document.body.getAttribute("data-scan") || "Scan";
    const target = document.querySelector(".scan-header .scan-meta code")?.textContent ?? "";
    const legend: PNGCaption["legend"] = [];
    this.gm.legend.forEach((e, g) => {
      if (e.n === 0 || this.off.has(g)) return;
      legend.push({ color: e.color, label: e.descr || e.code, count: comma(e.n) });
    });
    const date = new Date().toISOString().slice(0, 16).replace("T", " ");
    return {
      title: `${name} · network graph`,
      subtitle: `${target ? "Target " + target + " · " : ""}${this.statusBase()} · exported ${date} UTC by scanreport`,
      legend,
    };
  }

  private renderLegend(): void {
    const el = this.legendEl;
    if (!el) return;
    clear(el);
    const list = h("ul", { class: "legend-list" });
    this.gm.legend.forEach((e, g) => {
      if (e.n === 0) return;
      const box = h("input", { type: "checkbox", "data-legend": g });
      box.checked = !this.off.has(g);
      box.addEventListener("change", () => {
        if (box.checked) this.off.delete(g);
        else this.off.add(g);
        this.applyFilter();
      });
      const sw = h("span", { class: "swatch", "aria-hidden": "true" });
      sw.style.background = e.color;
      const label = h("label", { class: "legend-item", title: e.code ? `${e.descr} (${e.code})` : e.descr }, box, sw, h("span", { class: "legend-name" }, e.descr || e.code));
      const count = h("span", { class: "legend-count" }, comma(e.n) + (e.all !== e.n && e.code !== "" ? ` of ${comma(e.all)}` : ""));
      list.append(h("li", { "data-code": e.code }, label, count));
    });
    const all = h("button", { type: "button", class: "btn small" }, "All");
    all.addEventListener("click", () => {
      this.off.clear();
      this.renderLegend();
      this.applyFilter();
    });
    const none = h("button", { type: "button", class: "btn small" }, "None");
    none.addEventListener("click", () => {
      this.gm.legend.forEach((_, g) => this.off.add(g));
      this.renderLegend();
      this.applyFilter();
    });
    el.append(list, h("div", { class: "legend-tools" }, all, none));
  }

  private applyFilter(): void {
    const off = this.off;
    const g = this.cols.g;
    this.view.setHidden(off.size ? (_, n) => off.has(g[(n as NodeAttrs).n]) : null);
    this.showCounts();
    if (this.query) this.search(this.query);
    this.writeHash();
  }

  private applyFade(): void {
    const risky = this.riskyOnly;
    const match = this.matches;
    if (!risky && !match) {
      this.view.setFaded(null);
      return;
    }
    const f = this.cols.f;
    this.view.setFaded((k, n) => (risky && !(f[(n as NodeAttrs).n] & (NODE_RISKY | NODE_TARGET))) || (!!match && !match.has(k)), this.labelled);
  }

  // ---- search (the header's box) ----

  search(q: Query | null): void {
    this.query = q;
    if (!q) {
      this.matches = null;
      this.labelled = null;
      this.ranked = [];
      this.applyFade();
      this.showMatches();
      return;
    }
    const t0 = performance.now();
    // The linear-time automaton (search/match.ts), like the search worker: no pattern can hang the page.
    const re = compile(q.source, q.flags);
    if (isRefused(re)) {
      this.box?.showError(re.error);
      return;
    }
    const found = new Set<string>();
    const hits: number[] = [];
    const c = this.cols;
    for (let j = 0; j < c.full.length; j++) {
      if (this.off.has(c.g[j]) || c.f[j] & NODE_GROUP) continue;
      if (re.test(c.full[j])) {
        found.add(c.key[j]);
        hits.push(j);
      }
    }
    // Best first: the value itself (ignoring case), then the nodes most
    // elements share, then the shorter value, then graph order.
    const want = q.text.toLowerCase();
    const exact = (j: number) => (c.full[j].toLowerCase() === want ? 1 : 0);
    hits.sort((a, b) => exact(b) - exact(a) || c.w[b] - c.w[a] || c.full[a].length - c.full[b].length || a - b);
    this.ranked = hits.map((j) => c.key[j]);
    this.labelled = new Set(this.ranked.slice(0, LABELLED_MATCHES));
    this.step = -1;
    this.matches = found;
    this.applyFade();
    this.host.setAttribute("data-matches", String(found.size));
    this.host.setAttribute("data-labelled", String(this.labelled.size));
    this.box?.showResult(q, found.size, performance.now() - t0, ["matching node", "matching nodes"]);
    this.showMatches();
    if (found.size === 1) this.view.focus(this.ranked[0]);
  }

  // showMatches lists the matches beside the graph (the best few are
  // labelled on it) with buttons to step through them one by one.
  private showMatches(): void {
    if (!this.matchBox) {
      const side = document.querySelector(".graph-side");
      if (!side) return;
      this.matchBox = h("section", { id: "graph-matches", class: "graph-matches", "aria-label": "Search matches" });
      side.prepend(this.matchBox);
    }
    const box = this.matchBox;
    clear(box);
    const n = this.ranked.length;
    box.hidden = !this.query;
    if (!this.query) return;
    const c = this.cols;
    box.append(h("h3", null, `Matches (${comma(n)})`));
    if (n === 0) {
      box.append(h("p", { class: "hint" }, "No node matches. Hidden types are not searched."));
      return;
    }
    box.append(h("p", { class: "hint" }, n > LABELLED_MATCHES ? `The best ${LABELLED_MATCHES} are labelled on the graph; step through all of them here.` : "All are labelled on the graph."));
    const prev = h("button", { type: "button", class: "btn small", id: "graph-match-prev", title: "Previous match" }, "‹ Previous");
    const next = h("button", { type: "button", class: "btn small", id: "graph-match-next", title: "Next match" }, "Next ›");
    const at = h("span", { id: "graph-match-at", class: "k", role: "status" }, "");
    prev.addEventListener("click", () => this.stepTo(this.step <= 0 ? n - 1 : this.step - 1));
    next.addEventListener("click", () => this.stepTo(this.step < 0 || this.step >= n - 1 ? 0 : this.step + 1));
    box.append(h("div", { class: "graph-match-steps" }, prev, next, at));
    const list = h("ol", { class: "graph-match-list" });
    this.ranked.slice(0, MATCHES_LISTED).forEach((k, idx) => {
      const j = this.index(k);
      const e = this.gm.legend[c.g[j]];
      const b = h("button", { type: "button", class: "linklike", "data-node": k, title: e ? e.descr : "" }, clip(labelOf(c.full[j]), 80));
      b.addEventListener("click", () => this.stepTo(idx));
      list.append(h("li", null, b));
    });
    box.append(list);
    if (n > MATCHES_LISTED) box.append(h("p", { class: "hint" }, `The first ${MATCHES_LISTED} are listed; Next steps through all ${comma(n)}.`));
  }

  // stepTo moves the camera to match k, labels it and marks it in the list.
  private stepTo(k: number): void {
    const key = this.ranked[k];
    if (!key) return;
    this.step = k;
    const lab = new Set(this.ranked.slice(0, LABELLED_MATCHES));
    lab.add(key);
    this.labelled = lab;
    this.applyFade();
    this.view.focus(key, 0.3);
    const at = byId("graph-match-at");
    if (at) setText(at, `${comma(k + 1)} of ${comma(this.ranked.length)}`);
    this.host.setAttribute("data-step", key);
    for (const b of Array.from(this.matchBox?.querySelectorAll<HTMLElement>("button[data-node]") ?? [])) b.classList.toggle("is-current", b.dataset.node === key);
  }

  // ---- tooltip and click ----

  private tooltip(k: string): Array<[string, string]> | null {
    const j = this.index(k);
    if (j < 0) return null;
    const c = this.cols;
    const f = c.f[j];
    const e = this.gm.legend[c.g[j]];
    if (f & NODE_GROUP) {
      const p = c.parent[j];
      return [
        ["Not drawn", `${plural(c.w[j], "node", "nodes")} found from the node below`],
        ["Found from", p >= 0 ? clip(c.full[p], TIP_CHARS) : "?"],
        ["Why", `the graph draws at most ${comma(this.gm.max)} nodes`],
      ];
    }
    const full = c.full[j];
    const lines: Array<[string, string]> = [];
    lines.push(["Type", f & NODE_TARGET ? "Target" : e ? `${e.descr} (${e.code})` : "?"]);
    lines.push(["Data", clip(full, TIP_CHARS) + (f & NODE_CUT && full.length <= TIP_CHARS ? "…" : "")]);
    const mod = c.m[j] >= 0 ? String(this.m.modules[c.m[j]] ?? "") : "";
    if (mod) lines.push(["Module", mod]);
    lines.push(["Elements", plural(c.w[j], "element has", "elements have") + " this value"]);
    if (f & NODE_RISKY) lines.push(["Risky", "yes"]);
    lines.push(["Click", c.i[j] > 0 ? "opens the element" : "opens the scan's overview"]);
    return lines;
  }

  // url is the page a node opens: the element in its type's table, or the
  // overview for the target.
  url(k: string): string | null {
    const j = this.index(k);
    if (j < 0) return null;
    const c = this.cols;
    if (c.f[j] & NODE_GROUP) return null;
    if (c.i[j] <= 0) return "index.html";
    const slug = this.gm.legend[c.g[j]]?.slug ?? "";
    if (!SAFE_NAME.test(slug)) return null;
    return `types/${slug}.html#sel=${c.i[j]}`;
  }

  private open(k: string, e: MouseEvent): void {
    const j = this.index(k);
    if (j >= 0 && this.cols.f[j] & NODE_GROUP) {
      this.view.focus(k, 0.05);
      return;
    }
    const u = this.url(k);
    if (!u) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey) window.open(u, "_blank", "noopener");
    else location.href = u;
  }

  // ---- tools ----

  private mountTools(): void {
    byId("graph-fit")?.addEventListener("click", () => this.view.fit());
    const labels = byId<HTMLInputElement>("graph-labels");
    labels?.addEventListener("change", () => {
      this.view.setAllLabels(labels.checked);
      this.writeHash();
    });
    if (labels?.checked) this.view.setAllLabels(true);
    const risky = byId<HTMLInputElement>("graph-risky");
    risky?.addEventListener("change", () => {
      this.riskyOnly = risky.checked;
      this.applyFade();
      this.writeHash();
    });
    if (risky?.checked) {
      this.riskyOnly = true;
      this.applyFade();
    }
    this.layout = mountLayoutTools(this.view, this.host);
    mountGraphDownloads(this.view, this.host, {
      say: (t) => this.say(t),
      status: () => this.statusBase(),
      caption: () => this.caption(),
      shown: () => this.shownGEXF(),
      gexf: () => this.gm.gexf,
    });
  }

  private statusBase(): string {
    return `${plural(this.view.nodeCount, "node", "nodes")} · ${plural(this.view.edgeCount, "link", "links")}`;
  }

  // shownGEXF is the graph as shown (type filters applied; "more" nodes
  // left out, as they stand for no value), in export/gexf.ts's shape.
  private shownGEXF(): GexfGraph {
    const out = new GexfGraph();
    const ids = new Map<string, number>();
    const legend = this.gm.legend;
    const c = this.cols;
    this.view.graph.forEachNode((k, a) => {
      const j = (a as NodeAttrs).n;
      if (c.f[j] & NODE_GROUP || this.off.has(c.g[j])) return;
      const e = legend[c.g[j]];
      const node: GraphNode = {
        label: c.full[j],
        type: e?.code ?? "",
        category: e?.cat ?? "",
        module: c.m[j] >= 0 ? String(this.m.modules[c.m[j]] ?? "") : "",
        firstSeen: c.t[j],
        risky: !!(c.f[j] & NODE_RISKY),
        count: c.w[j],
        target: !!(c.f[j] & NODE_TARGET),
      };
      ids.set(k, out.node(k, () => node));
    });
    this.view.graph.forEachEdge((_, __, s, t) => {
      const a = ids.get(s);
      const b = ids.get(t);
      if (a !== undefined && b !== undefined) out.edge(a, b);
    });
    return out;
  }

  // ---- state in the hash ----

  private readHash(): void {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const off = p.get("off");
    if (off) {
      for (const code of off.split(",")) {
        const g = this.gm.legend.findIndex((e) => e.code === code);
        if (g >= 0) this.off.add(g);
      }
      const g = this.cols.g;
      if (this.off.size) this.view.setHidden((_, n) => this.off.has(g[(n as NodeAttrs).n]));
    }
    const labels = byId<HTMLInputElement>("graph-labels");
    if (labels && p.get("labels") === "1") labels.checked = true;
    const risky = byId<HTMLInputElement>("graph-risky");
    if (risky && p.get("risky") === "1") risky.checked = true;
  }

  private writeHash(): void {
    const p = new URLSearchParams();
    if (this.off.size) p.set("off", Array.from(this.off, (g) => this.gm.legend[g]?.code ?? "").join(","));
    if (byId<HTMLInputElement>("graph-labels")?.checked) p.set("labels", "1");
    if (this.riskyOnly) p.set("risky", "1");
    if (this.box) addSearchHash(p, this.box.state());
    replaceHash(p);
  }

  // ---- live updates (live/live.ts) ----

  async update(m: Manifest, c: LiveChange): Promise<"ok" | "reload"> {
    this.m = m;
    let d: GraphData;
    try {
      const served = !!this.live.config;
      const p = await load("graph.js", c.query);
      if (p.k !== "graph") return "ok";
      if (p.gen === this.gm.gen && sameChunks(p, this.gm)) return "ok";
      d = await loadGraph(c.query, () => undefined, served);
    } catch (e) {
      notice(this.host, (e as Error).message + " The graph shows what was loaded before; it tries again with the next update.", "error", "live");
      return "ok";
    }
    const legendChanged = JSON.stringify(d.gm.legend.map((e) => [e.code, e.n, e.all])) !== JSON.stringify(this.gm.legend.map((e) => [e.code, e.n, e.all]));
    // Hidden types stay hidden by code (legend entries may be renumbered).
    const offCodes = new Set(Array.from(this.off, (g) => this.gm.legend[g]?.code));
    this.gm = d.gm;
    this.cols = d.cols;
    this.off.clear();
    d.gm.legend.forEach((e, g) => {
      if (offCodes.has(e.code)) this.off.add(g);
    });
    this.layout?.forget();
    this.view.update(d.view);
    // The filters read the columns by node index: give them the new ones.
    const g = this.cols.g;
    this.view.setHidden(this.off.size ? (_, n) => this.off.has(g[(n as NodeAttrs).n]) : null);
    this.applyFade();
    const fa2 = byId("graph-fa2");
    if (fa2) fa2.hidden = this.view.nodeCount > FA2_MAX || this.view.nodeCount < 3;
    this.host.setAttribute("data-gen", String(d.gm.gen));
    if (legendChanged) this.renderLegend();
    this.showCounts();
    if (this.query) this.search(this.query);
    return "ok";
  }
}

// edgeColour fades edges as they get many, so that nodes stay visible.
function edgeColour(n: number): string {
  const a = n <= 2000 ? 0.6 : n <= 20000 ? 0.4 : 0.22;
  return `rgba(112,122,138,${a})`;
}

function clip(v: string, n: number): string {
  return v.length > n ? v.slice(0, n) + "…" : v;
}
