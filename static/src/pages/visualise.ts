// The Visualise page (body data-page="visualise", scans/<id>/visualise.html):
// for the element type chosen (#vis-type, or #type=<slug> in the URL hash),
// a bubble chart by data element or by source data element (graph/bubble.ts), or
// the discovery path of its elements (graph/discovery.ts); with #el=<element
// index>, the chain of that element back to the target (the element
// detail panel links here). The data comes from the scan's data files: the
// type's element chunks, fp.js, and for discovery paths tree.js (every
// element's source and type) and the element chunks of the ancestors on
// screen, loaded as they are needed.

import { BubbleStage, countValues, type Bubble } from "../graph/bubble";
import { DiscoveryTree, ROW, TreeStage, type TNode } from "../graph/discovery";
import { byId, clear, h, notice, setText } from "../ui/dom";
import { DrawnList, MAX_ITEMS, type DrawnItem } from "../graph/drawn-list";
import { comma, plural } from "../ui/format";
import { CanvasView } from "../graph/canvas";
import type { Live, LiveChange } from "../live/live";
import { manifest } from "../data/registry";
import { replaceHash } from "../search/box";
import { exactQuery } from "../search/query";
import type { Manifest, TypeInfo } from "../data/types";
import { ScanData } from "./visualise-data";

type View = "bubble-data" | "bubble-source" | "discovery";
const VIEWS: View[] = ["bubble-data", "bubble-source", "discovery"];
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    /* optional */
  }
}

export async function initVisualise(live: Live): Promise<void> {
  const stageEl = byId("vis-stage");
  const status = byId("vis-status");
  const sel = byId<HTMLSelectElement>("vis-type");
  const chain = byId("vis-chain");
  if (!stageEl && !chain) return;
  const say = (t: string) => {
    if (status) {
      setText(status, t);
      status.hidden = t === "";
      status.classList.toggle("is-done", !/\u2026$/.test(t));
    }
  };
  let m: Manifest;
  try {
    m = await manifest();
  } catch (e) {
    say("");
    if (stageEl) notice(stageEl, (e as Error).message, "error", "manifest");
    return;
  }
  const page = new VisualisePage(m, stageEl, sel, chain, say, live);
  live.setTarget(page);
  await page.start();
}

class VisualisePage {
  private data: ScanData;
  private readonly canvas: CanvasView | null;
  private view: View = "bubble-data";
  private slug = "";
  private el = -1; // element whose chain is shown (-1: none)
  private defaultSlug = ""; // the type shown when the fragment names none
  private tree: DiscoveryTree | null = null;
  private treeStage: TreeStage | null = null;
  private drawn: DrawnList | null = null; // the list of what is drawn (keyboard, screen readers)
  private listed: () => { items: DrawnItem[]; total: number } = () => ({ items: [], total: 0 });
  private seq = 0;
  private readonly actions: HTMLElement | null;

  constructor(
    private m: Manifest,
    private readonly stageEl: HTMLElement | null,
    private readonly sel: HTMLSelectElement | null,
    private readonly chainEl: HTMLElement | null,
    private readonly say: (t: string) => void,
    private readonly live: Live,
  ) {
    this.data = new ScanData(m, "", !!live.config);
    this.data.target = targetOf();
    this.actions = byId("vis-actions");
    this.canvas = stageEl ? new CanvasView(stageEl, byId("vis-tooltip")) : null;
    // For scripts and tests: the canvas and its chart (docs/site-format.md).
    if (stageEl && this.canvas) Object.defineProperty(stageEl, "canvasView", { value: this.canvas, configurable: true });
    this.defaultSlug = this.sel?.value || (m.types[0]?.slug ?? "");
    this.readHash();
    // The fragment is the one source of truth: a choice on the page is a
    // new history entry (Back and Forward step through them), and a
    // fragment edited by hand or changed by Back/Forward is shown.
    if (this.sel) {
      this.sel.addEventListener("change", () => {
        this.slug = this.sel!.value;
        this.el = -1;
        this.go();
      });
    }
    for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="vis-view"]'))) {
      r.addEventListener("change", () => {
        if (!r.checked) return;
        this.view = r.value as View;
        this.el = -1;
        this.go();
      });
    }
    const follow = () => {
      if (location.hash.replace(/^#/, "") === this.hashOf().toString()) return;
      this.readHash();
      void this.show(true);
    };
    window.addEventListener("hashchange", follow);
    window.addEventListener("popstate", follow);
  }

  // readHash takes the view, type and element from the fragment; what it
  // leaves out takes its default (an element's own type wins over type=).
  private readHash(): void {
    const m = this.m;
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const v = p.get("view") as View | null;
    this.view = v && VIEWS.includes(v) ? v : "bubble-data";
    const slug = p.get("type") ?? "";
    this.slug = m.types.some((t) => t.slug === slug) ? slug : this.defaultSlug;
    const el = Number(p.get("el"));
    this.el = -1;
    if (p.has("el") && Number.isInteger(el) && el > 0) {
      this.el = el;
      if (!v) this.view = "discovery"; // the element's place in its type's tree
    }
    this.syncControls();
  }

  private syncControls(): void {
    if (this.sel) this.sel.value = this.slug;
    for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="vis-view"]'))) r.checked = r.value === this.view;
  }

  // go records the page's new state as a history entry and shows it.
  private go(): void {
    const hash = this.hashOf().toString();
    try {
      history.pushState(null, "", "#" + hash);
    } catch {
      /* file:// in some browsers: the state is still shown */
    }
    void this.show(true);
  }

  async start(): Promise<void> {
    await this.show(true);
  }

  private hashOf(): URLSearchParams {
    const p = new URLSearchParams();
    if (this.slug) p.set("type", this.slug);
    if (this.view !== "bubble-data") p.set("view", this.view);
    if (this.el > 0) p.set("el", String(this.el));
    return p;
  }

  private writeHash(): void {
    replaceHash(this.hashOf());
  }

  // show draws the current view; fresh resets zoom and open branches.
  private async show(fresh: boolean): Promise<void> {
    const seq = ++this.seq;
    this.writeHash();
    const stage = this.stageEl;
    if (this.chainEl) this.chainEl.hidden = this.el <= 0;
    if (this.el > 0) {
      await this.showChain(this.el, seq);
      if (seq !== this.seq) return;
      this.writeHash(); // the chart shows the element's own type
    }
    if (!stage || !this.canvas) return;
    if (!this.slug) {
      this.say("No element types yet.");
      return;
    }
    const t = this.data.typeInfo(this.slug);
    if (!t) {
      this.say("This element type is not in the scan's data files yet.");
      return;
    }
    const keep = fresh ? null : this.canvas.transform;
    stage.setAttribute("aria-busy", "true");
    stage.setAttribute("data-view", this.view);
    try {
      if (this.view === "discovery") await this.showDiscovery(t, seq, fresh);
      else await this.showBubbles(t, seq);
    } catch (e) {
      if (seq !== this.seq) return;
      this.say("");
      notice(stage, (e as Error).message, "error", "vis");
      stage.removeAttribute("aria-busy");
      return;
    }
    if (seq !== this.seq) return;
    if (keep) this.canvas.setTransform(keep);
    this.canvas.paint();
    if (!this.drawn) this.drawn = new DrawnList(stage, "vis-drawn", "What the chart draws, as a list", () => this.listed());
    this.drawn.refresh();
    stage.removeAttribute("aria-busy");
    stage.setAttribute("data-ready", String(seq));
    mark("sr:vis-drawn");
  }

  private async showBubbles(t: TypeInfo, seq: number): Promise<void> {
    const canvas = this.canvas!;
    const bySource = this.view === "bubble-source";
    this.say(`Loading ${t.descr}…`);
    const [s] = await Promise.all([this.data.loadType(t.slug, (d, a) => this.say(`Loading ${t.descr}: ${d} of ${a} data files…`)), this.data.loadFP()]);
    if (seq !== this.seq) return;
    const fp = this.data.fp;
    const vals = function* () {
      for (let r = 0; r < s.n; r++) if (!fp.has(s.idx[r])) yield bySource ? s.sdata[r] : s.data[r];
    };
    const set = countValues(vals());
    const noun = bySource ? "source value" : "value";
    const stage = new BubbleStage(set, noun, (b, e) => this.openBubble(b, e), canvas);
    this.listed = () => ({
      items: set.bubbles.slice(0, MAX_ITEMS).map((b) => ({ text: b.value, note: `${plural(b.count, "time", "times")}`, act: (e: MouseEvent) => this.openBubble(b, e) })),
      total: set.bubbles.length,
    });
    this.treeStage = null;
    canvas.setStage(stage);
    canvas.fit(Infinity, 12);
    this.stageEl!.setAttribute("data-bubbles", String(set.bubbles.length));
    this.stageEl!.setAttribute("data-values", String(set.values));
    let text = `${plural(set.values, "distinct " + noun, "distinct " + noun + "s")} in ${plural(set.total, t.descr + " element", t.descr + " elements")}`;
    if (set.left > 0) text += ` · the ${comma(set.bubbles.length)} most frequent are drawn, ${comma(set.left)} others are not`;
    text += " · size = occurrences (values compared ignoring case) · wheel or buttons to zoom, drag to move";
    if (set.total === 0) text = `No ${t.descr} elements to count (false positives are left out).`;
    this.say(text);
    this.mountZoom(false);
  }

  private openBubble(b: Bubble, e: MouseEvent): void {
    if (!SAFE_NAME.test(this.slug)) return;
    // The table counts what the bubble counts: the value exactly (ignoring
    // case, newlines and all), false positives hidden.
    const extra: Record<string, string> = { hidefp: "1" };
    if (this.view === "bubble-source") extra.src = "1";
    const u = `types/${this.slug}.html${exactQuery(b.value, extra)}`;
    if (e.ctrlKey || e.metaKey) window.open(u, "_blank", "noopener");
    else location.href = u;
  }

  private async showDiscovery(t: TypeInfo, seq: number, fresh: boolean): Promise<void> {
    const canvas = this.canvas!;
    this.say(`Loading ${t.descr} and the discovery tree…`);
    const [s] = await Promise.all([
      this.data.loadType(t.slug),
      this.data.loadFP(),
      this.data.loadTree((d, a) => this.say(`Loading the discovery tree: ${d} of ${a} data files…`)),
    ]);
    if (seq !== this.seq) return;
    const fp = this.data.fp;
    const members: number[] = [];
    for (let r = 0; r < s.n; r++) if (!fp.has(s.idx[r])) members.push(s.idx[r]);
    const prevOpen = !fresh && this.tree ? openSet(this.tree) : null;
    const tree = new DiscoveryTree(members, this.data.tree!.parent);
    this.tree = tree;
    const budget = Math.max(12, Math.floor((canvas.height - 40) / ROW));
    if (prevOpen) tree.each((n) => (n.open = n === tree.root || prevOpen.has(n.i)));
    else tree.openToFit(budget);
    // The element a chain is shown for: its branch open, ringed, in view.
    const mine = this.el > 0 ? tree.find(this.el) : null;
    if (mine) tree.reveal(mine);
    const stage = new TreeStage(tree, this.data, t.descr, canvas, (i, e) => this.openElement(i, e), () => this.treeChanged());
    this.listed = () => {
      // The nodes of the tree as drawn, parents before children, each at
      // its depth (layout is deterministic: it places them where they are).
      const shown: TNode[] = tree.layout();
      const items = shown.slice(0, MAX_ITEMS).map((n) => ({
        text: n.i < 0 ? `${comma(n.leaves)} more` : stage.label(n),
        note: n.i === 0 ? "target" : n.member ? t.descr : n.i < 0 ? "" : "found on the way",
        level: n.depth + 1,
        act: n.i < 0 ? undefined : (e: MouseEvent) => this.openElement(n.i, e),
      }));
      return { items, total: shown.length };
    };
    stage.highlight = mine;
    this.treeStage = stage;
    canvas.setStage(stage);
    if (fresh) canvas.fit(1.2, 16, 0.75);
    if (mine && fresh && canvas.scale < 0.7) {
      canvas.zoomBy(0.8 / canvas.scale);
      canvas.keepPoint(mine.x, mine.y, canvas.width / 2, canvas.height / 2);
    }
    this.stageEl!.setAttribute("data-leaves", String(tree.members));
    this.stageEl!.setAttribute("data-nodes", String(tree.size));
    this.say(
      `${plural(tree.members, t.descr + " element", t.descr + " elements")} found through ${plural(tree.size - tree.members - 1, "other element", "other elements")}, ` +
        `up to ${plural(tree.depth, "step", "steps")} from the target · click a node to open or close its branch, Ctrl-click to open the element · wheel to zoom, drag to move`,
    );
    this.mountZoom(true);
  }

  private treeChanged(): void {
    const st = this.treeStage;
    if (!st || !this.stageEl) return;
    this.stageEl.setAttribute("data-visible", String(st.visibleCount));
    this.canvas?.schedule();
    this.drawn?.refresh();
  }

  private mountZoom(tree: boolean): void {
    const box = this.actions;
    const c = this.canvas;
    if (!box || !c) return;
    clear(box);
    const btn = (label: string, title: string, fn: () => void, cls = "") => {
      const b = h("button", { type: "button", class: "btn small " + cls, title }, label);
      b.addEventListener("click", fn);
      box.append(b);
      return b;
    };
    btn("−", "Zoom out", () => c.zoomBy(1 / 1.5), "vis-zoom-out");
    btn("+", "Zoom in", () => c.zoomBy(1.5), "vis-zoom-in");
    btn("Fit", "Show the whole chart", () => c.fit(tree ? 1.2 : Infinity, 16), "vis-fit");
    if (tree) btn("1:1", "Readable size", () => c.fit(1, 16, 1), "vis-actual");
    if (tree) {
      btn("Open all", "Open every branch (then zoom in to read)", () => {
        this.tree?.openAll();
        this.treeStage?.relayout();
        c.fit(1.2, 16, 0.75);
      }, "vis-open-all");
      btn("Close", "Back to the branches that fit the view", () => {
        this.tree?.openToFit(Math.max(12, Math.floor((c.height - 40) / ROW)));
        this.treeStage?.relayout();
        c.fit(1.2, 16, 0.75);
      }, "vis-close-all");
    }
  }

  // elementURL is the element table of an element's type, with the element
  // selected (pages/elements.ts reads #sel); the overview for the target.
  private elementURL(i: number): string | null {
    if (i <= 0) return "index.html";
    const slug = this.data.slugOf(i);
    return SAFE_NAME.test(slug) ? `types/${slug}.html#sel=${i}` : null;
  }

  private openElement(i: number, e: MouseEvent): void {
    const u = this.elementURL(i);
    if (!u) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey) window.open(u, "_blank", "noopener");
    else location.href = u;
  }

  // ---- the chain of one element ----

  private async showChain(el: number, seq: number): Promise<void> {
    const box = this.chainEl;
    if (!box) return;
    clear(box);
    box.append(h("h3", null, "Discovery path"), h("p", { class: "load-status", role: "status" }, "Loading…"));
    try {
      await this.data.loadTree();
    } catch (e) {
      clear(box);
      notice(box, (e as Error).message, "error", "chain");
      return;
    }
    if (seq !== this.seq) return;
    const tree = this.data.tree!;
    if (el >= tree.parent.length) {
      clear(box);
      box.append(h("h3", null, "Discovery path"), h("p", { class: "notice error" }, "This element is not in the scan's data files."));
      return;
    }
    const path: number[] = [];
    const seen = new Set<number>();
    for (let i = el; i >= 0 && !seen.has(i); i = tree.parent[i]) {
      seen.add(i);
      path.push(i);
      if (i === 0) break;
    }
    if (path[path.length - 1] !== 0) path.push(0);
    await Promise.all([this.data.ensure(path), this.data.loadFP()]);
    if (seq !== this.seq) return;
    clear(box);
    const t = this.data.typeOf(el);
    const head = h("div", { class: "chain-head" }, h("h3", null, "Discovery path"), h("p", { class: "lead" }, `How this ${t.descr} element was found: from the element, through each source it was found from, back to the target (${plural(path.length - 1, "step", "steps")}).`));
    const ol = h("ol", { class: "chain", "data-steps": path.length });
    path.forEach((i, k) => {
      const ty = this.data.typeOf(i);
      const v = this.data.value(i);
      const li = h("li", { class: "chain-step" + (k === 0 ? " is-start" : "") + (i === 0 ? " is-target" : ""), "data-element": i });
      const u = this.elementURL(i);
      const title = h("div", { class: "chain-type" }, h("strong", null, i === 0 ? "Target" : ty.descr), i === 0 ? "" : " ", i === 0 ? "" : h("code", null, ty.code));
      const val = v === null ? "(not loaded)" : v.length > 2000 ? v.slice(0, 2000) + "…" : v;
      const pre = h("pre", { class: "chain-data" }, val);
      const meta = h("div", { class: "chain-meta" });
      const mod = this.data.module(i);
      if (mod) meta.append(h("span", { class: "k" }, "Module "), h("span", null, mod));
      if (this.data.fp.has(i)) meta.append(h("span", { class: "tag fp" }, "false positive"));
      if (this.data.guessed(i)) meta.append(h("span", { class: "tag link-guessed", title: "Imported from an export that names sources by value only: another element (or none) could have been the source" }, "link guessed from value"));
      if (u) meta.append(h("a", { class: "btn small", href: u }, i === 0 ? "Overview" : "Open in browse"));
      li.append(title, pre, meta);
      ol.append(li);
      if (k < path.length - 1) ol.append(h("li", { class: "chain-arrow", "aria-hidden": "true" }, "↑ found from"));
    });
    const all = h("button", { type: "button", class: "btn small" }, `Discovery path of every ${t.descr} element`);
    all.addEventListener("click", () => {
      this.el = -1;
      this.slug = t.slug || this.slug;
      this.view = "discovery";
      this.syncControls();
      this.go();
    });
    box.append(head, ol, h("p", null, all));
    box.hidden = false;
    // The chart below shows the element's type.
    if (t.slug && this.m.types.some((x) => x.slug === t.slug)) {
      this.slug = t.slug;
      if (this.sel) this.sel.value = t.slug;
    }
  }

  // ---- live updates (live/live.ts) ----

  async update(m: Manifest, c: LiveChange): Promise<"ok" | "reload"> {
    const prev = this.m;
    this.m = m;
    const t0 = prev.types.find((t) => t.slug === this.slug);
    const t1 = m.types.find((t) => t.slug === this.slug);
    const changed = !t0 || !t1 || t0.total !== t1.total || t0.fp !== t1.fp || prev.count !== m.count || prev.fp.n !== m.fp.n;
    if (!changed) return "ok";
    this.data = new ScanData(m, c.query, !!this.live.config);
    this.data.target = targetOf();
    await this.show(false);
    return "ok";
  }
}

function openSet(t: DiscoveryTree): Set<number> {
  const s = new Set<number>();
  t.each((n) => {
    if (n.open) s.add(n.i);
  });
  return s;
}

// targetOf is the scan's target as the page header shows it.
function targetOf(): string {
  const c = document.querySelector(".scan-header .scan-meta code");
  return c?.textContent ?? "";
}
