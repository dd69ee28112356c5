// Explore (body data-page="explore", manual scans): start at the target and
// expand one element at a time into its children, in a small graph
// (graph/explore-graph.ts) with the current element's details beside it. The path
// taken is the breadcrumb and the URL hash (#path=0.12.57, element indices,
// which are stable), so it survives reloads, can be shared, and steps back
// with the Back button, a click on an ancestor, or the browser's back.
//
// Children come from the scan's element chunks (their source column `s`):
// the page loads every chunk of the scan (manual scans are small) and
// indexes children by source. Nothing is fetched: the chunks are classic
// scripts, so this works from file://. In the preview server, an element
// can be looked up with the commands of config.toml [lookups]: the server
// runs the command and appends what it prints as children; the page then
// loads the new chunks (also when any other live update names the scan's
// manifest: explore is a LiveTarget).
//
// Every value is text: labels are text nodes, links are built from
// validated type slugs only.

import { copyButton, field } from "../table/detail";
import { byId, clear, h, setText } from "../ui/dom";
import { ExploreGraph, MAX_SHOWN, type GraphNode } from "../graph/explore-graph";
import { comma, oneLine, plural, utc } from "../ui/format";
import { endpoints, post, type LookupInfo } from "../live/investigation-api";
import type { Live, LiveChange } from "../live/live";
import { load, manifest } from "../data/registry";
import { exactQuery } from "../search/query";
import { labelOf } from "../ui/sfurl";
import { FLAG_CUT, FLAG_CYCLE, FLAG_GUESSED, FLAG_ORPHAN, FLAG_RENAMED, FLAG_RISKY, type ChunkRef, type ElementChunk, type Manifest } from "../data/types";

// MAX_ELEMENTS is the largest scan explored in the page.
export const MAX_ELEMENTS = 1_000_000;
const MAX_LISTED = 500;

interface El {
  type: number; // index into manifest.types
  src: number;
  id: string;
  data: string;
  mod: number;
  t: number;
  r: number;
  c: number;
  v: number;
  f: number;
}

function chunkKey(c: ChunkRef): string {
  return `${c.s ?? ""}/${c.n}/${c.v ?? 0}`;
}

class Explore {
  private m: Manifest;
  private readonly els: Array<El | undefined> = [];
  private count = 0;
  private fp = new Set<number>();
  private kids: Map<number, number[]> | null = null;
  private readonly chunkKeys = new Map<string, string>();
  private path: number[] = [0];
  private queue: Promise<unknown> = Promise.resolve();
  private filter = "";
  private lookupBusy = false;
  private lookupNote: { i: number; text: string; error: boolean } | null = null;
  private readonly targetType: string;
  private readonly target: string;
  private readonly drawing: ExploreGraph;

  constructor(
    m: Manifest,
    private readonly graph: HTMLElement,
    private readonly crumbs: HTMLElement,
    private readonly back: HTMLButtonElement,
    private readonly list: HTMLElement,
    private readonly detail: HTMLElement,
    private readonly status: HTMLElement,
    filterBox: HTMLInputElement | null,
    private readonly live: Live,
  ) {
    this.m = m;
    this.drawing = new ExploreGraph(graph);
    const sec = graph.closest<HTMLElement>("section.explore");
    this.target = sec?.getAttribute("data-target") ?? "";
    this.targetType = document.body.getAttribute("data-target-type") ?? "";
    back.addEventListener("click", () => this.stepBack());
    filterBox?.addEventListener("input", () => {
      this.filter = filterBox.value.trim().toLowerCase();
      this.renderList();
    });
    list.addEventListener("click", (e) => {
      const b = (e.target as Element | null)?.closest?.("button.ex-child");
      if (b instanceof HTMLButtonElement) this.expand(Number(b.getAttribute("data-i")));
    });
    window.addEventListener("hashchange", () => this.fromHash());
    window.addEventListener("popstate", () => this.fromHash());
    document.addEventListener("keydown", (e) => {
      const t = e.target as HTMLElement | null;
      if (e.key === "Backspace" && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
        e.preventDefault();
        this.stepBack();
      }
    });
  }

  // ---- data ----

  async loadAll(query: string, m: Manifest): Promise<boolean> {
    const total = Number(m.count) || 0;
    if (total > MAX_ELEMENTS) {
      setText(this.status, `This scan has ${comma(total)} elements, more than Explore loads (${comma(MAX_ELEMENTS)}). Use Browse and Search instead.`);
      return false;
    }
    const want: Array<{ ch: ChunkRef; t: number }> = [];
    m.types.forEach((t, ti) => {
      for (const ch of t.chunks) if (this.chunkKeys.get(String(ch.f)) !== chunkKey(ch)) want.push({ ch, t: ti });
    });
    // A server's files carry their version in the URL (the browser may hold
    // an older copy); a built site's are asked for afresh after a change.
    const q = (ch: ChunkRef) => (this.live.config ? "v=" + (ch.v ?? 0) : query);
    let done = 0;
    let next = 0;
    const worker = async () => {
      while (next < want.length) {
        const w = want[next++];
        const p = await load(String(w.ch.f), q(w.ch));
        if (p.k !== "elements" || p.type !== m.types[w.t].slug) throw new Error(`The data file ${w.ch.f} holds other elements.`);
        this.place(p, w.t);
        this.chunkKeys.set(String(w.ch.f), chunkKey(w.ch));
        done++;
        if (done % 8 === 0) setText(this.status, `Loading… ${comma(this.count)} of ${comma(total)} elements`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    this.m = m;
    if (m.fp && m.fp.n >= 0) {
      try {
        const p = await load(String(m.fp.f), query);
        if (p.k === "fp") this.fp = new Set(p.i.map((x) => x | 0));
      } catch {
        /* false positives are shown when fp.js loads */
      }
    }
    if (want.length) this.kids = null;
    return true;
  }

  private place(c: ElementChunk, ti: number): void {
    for (let j = 0; j < c.n; j++) {
      const i = c.i[j] | 0;
      if (i <= 0) continue;
      if (!this.els[i]) this.count++;
      this.els[i] = {
        type: ti, src: c.s[j] | 0, id: String(c.id[j]), data: String(c.d[j]), mod: c.m[j] | 0, t: +c.t[j] || 0,
        r: c.r[j] | 0, c: c.c ? c.c[j] | 0 : 100, v: c.v ? c.v[j] | 0 : 100, f: c.f[j] | 0,
      };
    }
  }

  private children(i: number): number[] {
    if (!this.kids) {
      const k = new Map<number, number[]>();
      for (let j = 1; j < this.els.length; j++) {
        const e = this.els[j];
        if (!e) continue;
        const s = e.src > 0 && this.els[e.src] ? e.src : 0;
        let l = k.get(s);
        if (!l) k.set(s, (l = []));
        l.push(j);
      }
      for (const l of k.values()) l.sort((a, b) => this.typeCode(a).localeCompare(this.typeCode(b)) || a - b);
      this.kids = k;
    }
    return this.kids.get(i) ?? [];
  }

  private has(i: number): boolean {
    return i === 0 || !!this.els[i];
  }

  private parent(i: number): number {
    const e = this.els[i];
    return !e || e.src <= 0 || !this.els[e.src] ? 0 : e.src;
  }

  private typeCode(i: number): string {
    if (i === 0) return this.targetType || "ROOT";
    return String(this.m.types[this.els[i]!.type]?.code ?? "");
  }

  private typeDescr(i: number): string {
    if (i === 0) return "Target";
    return String(this.m.types[this.els[i]!.type]?.descr ?? this.typeCode(i));
  }

  private cat(i: number): string {
    if (i === 0) return "target";
    return String(this.m.types[this.els[i]!.type]?.cat ?? "");
  }

  private data(i: number): string {
    return i === 0 ? this.target : this.els[i]!.data;
  }

  private eid(i: number): string {
    return i === 0 ? "ROOT" : this.els[i]!.id;
  }

  private node(i: number): GraphNode {
    const e = this.els[i];
    return {
      i,
      label: oneLine(labelOf(this.data(i)), 200),
      title: `${this.typeDescr(i)} (${this.typeCode(i)}): ${oneLine(this.data(i), 300)}`,
      cat: this.cat(i),
      kids: this.children(i).length,
      risky: !!e && (e.f & FLAG_RISKY) !== 0,
      fp: this.fp.has(i),
    };
  }

  // ---- the path ----

  fromHash(): void {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const raw = (p.get("path") ?? "0").split(".").filter((s) => /^\d{1,9}$/.test(s)).map(Number);
    const path = [0];
    for (const i of raw.slice(raw[0] === 0 ? 1 : 0)) {
      // Each step must be a child of the one before (a shared link from a
      // scan that changed may not fit any more: it is cut there).
      if (!this.has(i) || i === 0 || this.parent(i) !== path[path.length - 1]) break;
      path.push(i);
    }
    this.path = path;
    this.render();
  }

  private setPath(path: number[]): void {
    this.path = path;
    const q = new URLSearchParams(location.hash.replace(/^#/, ""));
    q.set("path", path.join("."));
    history.pushState(null, "", "#" + q.toString());
    this.render();
  }

  expand(i: number): void {
    if (!this.has(i) || i === 0) return;
    const cur = this.path[this.path.length - 1];
    if (this.parent(i) === cur) {
      this.setPath([...this.path, i]);
    } else {
      // Not a child of the current element: go there from the target.
      const chain: number[] = [];
      for (let j = i, guard = 0; j > 0 && guard < 100000; j = this.parent(j), guard++) chain.unshift(j);
      this.setPath([0, ...chain]);
    }
    this.focusCurrent();
  }

  stepTo(i: number): void {
    const k = this.path.indexOf(i);
    if (k < 0 || k === this.path.length - 1) return;
    this.setPath(this.path.slice(0, k + 1));
    this.focusCurrent();
  }

  stepBack(): void {
    if (this.path.length > 1) this.stepTo(this.path[this.path.length - 2]);
  }

  private focusCurrent(): void {
    const cur = this.graph.querySelector<SVGElement>(".ex-current");
    if (cur) cur.focus({ preventScroll: true });
  }

  // current is the element shown now (for tests: #explore-graph's data-current).
  private get current(): number {
    return this.path[this.path.length - 1];
  }

  // ---- rendering ----

  render(): void {
    const cur = this.path[this.path.length - 1];
    this.renderCrumbs();
    this.back.disabled = this.path.length <= 1;
    const kids = this.children(cur);
    this.drawing.draw(
      { path: this.path.map((i) => this.node(i)), children: kids.slice(0, MAX_SHOWN).map((i) => this.node(i)), more: Math.max(0, kids.length - MAX_SHOWN) },
      (i, role) => (role === "child" ? this.expand(i) : role === "ancestor" ? this.stepTo(i) : undefined),
    );
    this.graph.setAttribute("aria-busy", "false");
    this.graph.setAttribute("data-current", String(this.current));
    this.renderList();
    this.renderDetail(cur);
    setText(this.status, `${plural(this.count, "element", "elements")} · depth ${this.path.length - 1} · ${plural(kids.length, "child", "children")} here`);
  }

  private renderCrumbs(): void {
    clear(this.crumbs);
    this.path.forEach((i, k) => {
      const last = k === this.path.length - 1;
      const label = k === 0 ? "Target: " + oneLine(this.data(0), 40) : oneLine(this.data(i), 40);
      const inner = last
        ? h("span", { "aria-current": "step", title: this.typeCode(i) + ": " + oneLine(this.data(i), 300) }, label)
        : h("button", { type: "button", class: "linklike", "data-i": i, title: "Step back to " + this.typeCode(i) + ": " + oneLine(this.data(i), 300) }, label);
      if (!last) inner.addEventListener("click", () => this.stepTo(i));
      this.crumbs.append(h("li", { "data-i": i }, inner));
    });
  }

  private renderList(): void {
    const cur = this.path[this.path.length - 1];
    const kids = this.children(cur);
    const f = this.filter;
    const shown = f ? kids.filter((i) => this.data(i).toLowerCase().includes(f) || this.typeCode(i).toLowerCase().includes(f) || this.typeDescr(i).toLowerCase().includes(f)) : kids;
    clear(this.list);
    for (const i of shown.slice(0, MAX_LISTED)) {
      const e = this.els[i]!;
      const n = this.children(i).length;
      const b = h(
        "button",
        { type: "button", class: "ex-child", "data-i": i, title: "Expand: " + oneLine(this.data(i), 300) },
        h("span", { class: "ex-type" }, this.typeDescr(i)),
        h("span", { class: "ex-data" }, oneLine(this.data(i), 300)),
        n > 0 ? h("span", { class: "ex-kids", title: plural(n, "child", "children") }, "+" + comma(n)) : null,
        (e.f & FLAG_RISKY) !== 0 ? h("span", { class: "tag risky-tag", title: "Risky" }, "risky") : null,
        this.fp.has(i) ? h("span", { class: "tag fp", title: "Marked false positive" }, "F/P") : null,
      );
      this.list.append(h("li", null, b));
    }
    if (shown.length > MAX_LISTED) this.list.append(h("li", { class: "more" }, `and ${comma(shown.length - MAX_LISTED)} more: filter to narrow the list`));
    if (!shown.length) this.list.append(h("li", { class: "empty" }, kids.length ? "No child matches the filter." : "This element has no children."));
  }

  private renderDetail(i: number): void {
    const d = this.detail;
    clear(d);
    const e = this.els[i];
    d.append(h("div", { class: "detail-head" }, h("h2", { id: "explore-detail-title" }, this.typeDescr(i))));
    d.setAttribute("aria-labelledby", "explore-detail-title");
    const body = h("div", { class: "detail-body" });
    d.append(body);
    const value = this.data(i);
    body.append(h("pre", { class: "detail-data" }, value));
    if (e && (e.f & FLAG_CUT) !== 0) body.append(h("p", { class: "muted" }, "The value is cut at 64 KiB in the report; the downloads have it whole."));
    body.append(h("div", { class: "detail-actions" }, copyButton("Copy value", () => value)));
    const dl = h("dl", { class: "detail-fields" });
    body.append(dl);
    field(dl, "Type", this.typeDescr(i) + " ", h("code", null, this.typeCode(i)));
    if (i === 0) {
      field(dl, "Element", "the scan's target (ROOT)");
    } else if (e) {
      const p = this.parent(i);
      field(dl, "Source", p === 0 ? "the target" : oneLine(this.data(p), 300));
      field(dl, "Module", String(this.m.modules[e.mod] ?? ""));
      const when = utc(e.t);
      field(dl, "Identified", when ? when + " UTC" : "unknown");
      field(dl, "Risk", e.r ? String(e.r) : "—");
      field(dl, "Confidence", String(e.c));
      field(dl, "Visibility", String(e.v));
      field(dl, "Element id", h("code", null, e.id));
      const flags: string[] = [];
      if (e.f & FLAG_RISKY) flags.push("risky");
      if (this.fp.has(i)) flags.push("false positive");
      if (e.f & FLAG_ORPHAN) flags.push("its source never appeared: shown under the target");
      if (e.f & FLAG_CYCLE) flags.push("its sources made a cycle: shown under the target");
      if (e.f & FLAG_RENAMED) flags.push("its id was used before: renamed");
      if (e.f & FLAG_GUESSED) flags.push("link guessed from value");
      if (flags.length) field(dl, "Flags", flags.join("; "));
      const t = this.m.types[e.type];
      const slug = String(t?.slug ?? "");
      if (/^[a-z0-9][a-z0-9_-]*$/.test(slug)) {
        const a = h("a", { class: "detail-open" }, "Open in the element table");
        a.href = "types/" + slug + ".html" + exactQuery(value);
        body.append(h("p", null, a));
      }
    }
    field(dl, "Children", comma(this.children(i).length));
    this.renderLookups(body, i);
  }

  private renderLookups(body: HTMLElement, i: number): void {
    const ep = endpoints(this.live.api);
    if (!ep || !ep.lookup || !ep.lookups.length) return;
    const type = this.typeCode(i);
    const apply = ep.lookups.filter((l) => l.kinds.includes("manual") && (l.types.includes("*") || l.types.includes(type)));
    const box = h("div", { id: "explore-lookups", class: "explore-lookups", role: "group", "aria-label": "Look this element up" });
    box.append(h("h3", null, "Look up"));
    if (!apply.length) {
      box.append(h("p", { class: "muted" }, `No lookup in config.toml applies to ${type} elements.`));
    }
    const msg = h("p", { id: "explore-lookup-message", class: "notice info", role: "status", hidden: true });
    if (this.lookupNote && this.lookupNote.i === i) {
      msg.textContent = this.lookupNote.text;
      msg.className = "notice " + (this.lookupNote.error ? "error" : "info");
      msg.setAttribute("role", this.lookupNote.error ? "alert" : "status");
      msg.hidden = false;
    }
    const row = h("div", { class: "detail-actions" });
    for (const l of apply) row.append(this.lookupButton(l, i, msg));
    box.append(row, msg);
    body.append(box);
  }

  private lookupButton(l: LookupInfo, i: number, msg: HTMLElement): HTMLButtonElement {
    const b = h("button", { type: "button", class: "btn small", "data-lookup": l.name, title: `Run ${l.label} on this element; what it finds becomes its children` }, l.label);
    b.disabled = this.lookupBusy;
    b.addEventListener("click", async () => {
      if (this.lookupBusy) return;
      this.lookupBusy = true;
      for (const x of Array.from(this.detail.querySelectorAll<HTMLButtonElement>("button[data-lookup]"))) x.disabled = true;
      msg.hidden = false;
      msg.className = "notice info";
      msg.textContent = `Running ${l.label}…`;
      this.detail.setAttribute("aria-busy", "true");
      const scan = document.body.getAttribute("data-scan") ?? "";
      let note: { i: number; text: string; error: boolean };
      try {
        const r = await post(this.live.api, "lookup", { scan, element: this.eid(i), lookup: l.name });
        if (r.ok) {
          note = { i, text: typeof r.body.message === "string" ? r.body.message : "Done.", error: false };
          // The server has written the new elements: load them now (the
          // live update that follows finds nothing left to load).
          await this.refresh();
        } else {
          note = { i, text: r.text, error: true };
        }
      } finally {
        this.lookupBusy = false;
        this.detail.removeAttribute("aria-busy");
      }
      this.lookupNote = note;
      this.render();
    });
    return b;
  }

  // ---- live updates ----

  // refresh loads the manifest again and whatever changed.
  refresh(): Promise<unknown> {
    return this.enqueue(async () => {
      const p = await load("manifest.js", "t=" + Date.now());
      if (p.k === "manifest") await this.apply(p, "t=" + Date.now());
    });
  }

  update(m: Manifest, c: LiveChange): Promise<"ok" | "reload"> {
    return this.enqueue(async () => {
      await this.apply(m, c.query);
      return "ok" as const;
    });
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const r = this.queue.then(fn, fn);
    this.queue = r.catch(() => undefined);
    return r;
  }

  private async apply(m: Manifest, query: string): Promise<void> {
    const before = this.count;
    const fpBefore = this.fp.size;
    try {
      if (!(await this.loadAll(query, m))) return;
    } catch (e) {
      // Keep what was loaded; the next update tries again.
      setText(this.status, (e as Error).message + " The page shows what was loaded before.");
      return;
    }
    if (this.count !== before || this.fp.size !== fpBefore) this.render();
  }
}

export async function initExplore(live: Live): Promise<void> {
  const graph = byId("explore-graph");
  const crumbs = byId("explore-path");
  const back = byId<HTMLButtonElement>("explore-back");
  const list = byId("explore-children");
  const detail = byId("explore-detail");
  const status = byId("explore-status");
  if (!graph || !crumbs || !back || !list || !detail || !status) return;
  let m: Manifest;
  try {
    m = await manifest();
  } catch (e) {
    setText(status, (e as Error).message);
    return;
  }
  const x = new Explore(m, graph, crumbs, back, list, detail, status, byId<HTMLInputElement>("explore-filter"), live);
  try {
    if (!(await x.loadAll("", m))) return;
  } catch (e) {
    setText(status, (e as Error).message);
    return;
  }
  x.fromHash();
  live.setTarget(x);
}
