// The graph of Explore (pages/explore.ts): the path from the target to the
// current element, and the current element's children fanned out beside
// it. It is small by design (a path and one level of children, at most
// MAX_SHOWN of them). It is drawn by the report's WebGL graph renderer
// (graph/view.ts, the network graph's) when the browser has WebGL, else as
// plain SVG built with createElementNS. Either way labels are text (canvas
// fillText, or text nodes), never markup, and nothing is fetched. Both
// draw the same layout (layout below); the keyboard way through the graph
// is the breadcrumb and the list of children beside it.

import { graphBackground, readableOn } from "../ui/a11y";
import { GraphView, type GraphViewData } from "./view";

export interface GraphNode {
  i: number; // element index
  label: string; // the value, shortened by the caller
  title: string; // the tooltip: type and value
  cat: string; // type category: ENTITY, DESCRIPTOR, DATA, SUBENTITY, INTERNAL
  kids: number; // children it has
  risky: boolean;
  fp: boolean;
}

export interface GraphModel {
  path: GraphNode[]; // from the target; the last is the current element
  children: GraphNode[]; // the current element's children shown
  more: number; // children not shown
}

export const MAX_SHOWN = 24;
const MAX_ANCESTORS = 6;
const SVG = "http://www.w3.org/2000/svg";
const W = 900;
const H = 520;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...kids: Array<Node | string>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
  for (const c of kids) e.append(typeof c === "string" ? document.createTextNode(c) : c);
  return e;
}

function short(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

// drawGraph replaces host's content with the graph; pick is called with
// the element index of a node chosen by click or keyboard, and role says
// whether it is an ancestor (step back), a child (expand) or the current one.
export function drawGraph(host: HTMLElement, g: GraphModel, pick: (i: number, role: "ancestor" | "child" | "current") => void): void {
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "explore-svg", role: "group", "aria-label": "Explore graph" });
  const edges = el("g", { class: "ex-edges" });
  const nodes = el("g", { class: "ex-nodes" });
  svg.append(edges, nodes);

  const y0 = H / 2;
  const shownPath = g.path.slice(-MAX_ANCESTORS - 1);
  const hidden = g.path.length - shownPath.length;
  const L = shownPath.length;
  const cx = L === 1 ? 170 : 340;
  const px = (k: number) => (L === 1 ? cx : 75 + (k * (cx - 75)) / (L - 1));

  const node = (n: GraphNode, x: number, y: number, role: "ancestor" | "child" | "current" | "more", label: string, anchor: string) => {
    const r = role === "current" ? 13 : role === "ancestor" ? 9 : 7;
    const cls = ["ex-node", "ex-" + role, "cat-" + (n.cat || "other").toLowerCase()];
    if (n.risky) cls.push("risky");
    if (n.fp) cls.push("fp");
    if (n.kids > 0) cls.push("has-kids");
    const grp = el("g", { class: cls.join(" "), transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` });
    if (role !== "more") {
      grp.setAttribute("data-i", String(n.i));
      grp.setAttribute("tabindex", "0");
      grp.setAttribute("role", "button");
      const what = role === "ancestor" ? "Step back to " : role === "child" ? "Expand " : "Current: ";
      grp.setAttribute("aria-label", what + n.title);
    }
    grp.append(el("title", {}, n.title));
    grp.append(el("circle", { r }));
    if (n.kids > 0 && role !== "current") grp.append(el("circle", { r: r + 3.5, class: "ring" }));
    const tx = anchor === "start" ? r + 8 : 0;
    const ty = anchor === "start" ? 4 : r + 16;
    grp.append(el("text", { x: tx, y: ty, "text-anchor": anchor, class: "ex-label" }, label));
    if (role === "child" && n.kids > 0) {
      grp.append(el("text", { x: 0, y: -r - 5, "text-anchor": "middle", class: "ex-count" }, "+" + n.kids));
    }
    if (role !== "more") {
      const go = () => pick(n.i, role);
      grp.addEventListener("click", go);
      grp.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          go();
        }
      });
    }
    nodes.append(grp);
  };

  // The path, left to right, ending at the current element.
  if (hidden > 0) {
    edges.append(el("line", { x1: 20, y1: y0, x2: px(0), y2: y0, class: "ex-edge ex-path-edge faded" }));
    nodes.append(el("text", { x: 20, y: y0 - 14, class: "ex-hidden" }, `${hidden} more`));
  }
  for (let k = 0; k < L; k++) {
    if (k > 0) edges.append(el("line", { x1: px(k - 1), y1: y0, x2: px(k), y2: y0, class: "ex-edge ex-path-edge" }));
  }
  for (let k = 0; k < L; k++) {
    const cur = k === L - 1;
    const n = shownPath[k];
    node(n, px(k), y0, cur ? "current" : "ancestor", short(n.label, cur ? 30 : 16), "middle");
  }

  // The children on an arc to the right.
  const list: Array<{ n: GraphNode; more: boolean }> = g.children.map((n) => ({ n, more: false }));
  if (g.more > 0) list.push({ n: { i: -1, label: `+${g.more} more (see the list)`, title: `${g.more} more children: see the list below`, cat: "", kids: 0, risky: false, fp: false }, more: true });
  const count = list.length;
  const R = Math.min(300, W - cx - 250);
  const span = count <= 1 ? 0 : Math.min(160, 24 + count * 9);
  list.forEach(({ n, more }, j) => {
    const a = ((count <= 1 ? 0 : -span / 2 + (span * j) / (count - 1)) * Math.PI) / 180;
    const x = cx + R * Math.cos(a);
    const y = y0 + Math.min(H / 2 - 24, R) * Math.sin(a) * 1.05;
    edges.append(el("line", { x1: cx, y1: y0, x2: x, y2: y, class: "ex-edge" + (more ? " faded" : "") }));
    node(n, x, y, more ? "more" : "child", short(n.label, 34), "start");
  });
  if (count === 0) {
    nodes.append(el("text", { x: cx + 40, y: y0 + 5, class: "ex-none" }, "no children"));
  }
  host.replaceChildren(svg);
}

// ---- the layout, shared by both renderers ----

interface Placed {
  n: GraphNode;
  x: number;
  y: number;
  role: "ancestor" | "child" | "current" | "more";
}

// layout places the nodes as drawGraph does, in SVG coordinates (y down).
function layout(g: GraphModel): Placed[] {
  const out: Placed[] = [];
  const y0 = H / 2;
  const shownPath = g.path.slice(-MAX_ANCESTORS - 1);
  const L = shownPath.length;
  const cx = L === 1 ? 170 : 340;
  const px = (k: number) => (L === 1 ? cx : 75 + (k * (cx - 75)) / (L - 1));
  shownPath.forEach((n, k) => out.push({ n, x: px(k), y: y0, role: k === L - 1 ? "current" : "ancestor" }));
  const list: Array<{ n: GraphNode; more: boolean }> = g.children.map((n) => ({ n, more: false }));
  if (g.more > 0) list.push({ n: { i: -1, label: `+${g.more} more (see the list)`, title: `${g.more} more children`, cat: "", kids: 0, risky: false, fp: false }, more: true });
  const count = list.length;
  const R = Math.min(300, W - cx - 250);
  const span = count <= 1 ? 0 : Math.min(160, 24 + count * 9);
  list.forEach(({ n, more }, j) => {
    const a = ((count <= 1 ? 0 : -span / 2 + (span * j) / (count - 1)) * Math.PI) / 180;
    out.push({ n, x: cx + R * Math.cos(a), y: y0 + Math.min(H / 2 - 24, R) * Math.sin(a) * 1.05, role: more ? "more" : "child" });
  });
  return out;
}

// Node colours by type category (as the CSS of the SVG drawing).
const CAT_COLOUR: Record<string, string> = {
  entity: "#2f62d8", descriptor: "#3f8f6a", data: "#b45309", subentity: "#7c4dff", internal: "#1d2430", target: "#1d2430",
};
const RISKY = "#c4232e";
const FADED = "#9aa3af";

// ExploreGraph draws the explore graph in host, with WebGL when it can.
export class ExploreGraph {
  private view: GraphView | null = null;
  private roles = new Map<string, { i: number; role: "ancestor" | "child" | "current" | "more" }>();
  private tips = new Map<string, string>();
  private pick: (i: number, role: "ancestor" | "child" | "current") => void = () => undefined;
  readonly renderer: "webgl" | "svg";

  constructor(private readonly host: HTMLElement) {
    let view: GraphView | null = null;
    if (webgl()) {
      const stage = document.createElement("div");
      stage.className = "explore-stage";
      host.replaceChildren(stage);
      try {
        view = new GraphView(stage, {
          onClick: (key) => {
            const r = this.roles.get(key);
            if (r && r.role !== "more") this.pick(r.i, r.role);
          },
          tooltip: (key) => {
            const t = this.tips.get(key);
            return t ? [["", t]] : null;
          },
          labelSize: 0,
          edgeColor: "#9aa3af",
        });
        // For scripts and tests, as on the network graph (docs/investigations.md).
        Object.defineProperty(host, "graphView", { value: view, configurable: true });
      } catch {
        view = null;
        host.replaceChildren();
      }
    }
    this.view = view;
    this.renderer = view ? "webgl" : "svg";
    host.setAttribute("data-renderer", this.renderer);
  }

  draw(g: GraphModel, pick: (i: number, role: "ancestor" | "child" | "current") => void): void {
    this.pick = pick;
    const view = this.view;
    if (!view) {
      drawGraph(this.host, g, pick);
      return;
    }
    const d: GraphViewData = { key: [], nodes: [], src: [], dst: [] };
    this.roles.clear();
    this.tips.clear();
    let prev = "";
    let current = "";
    const bg = graphBackground(); // colours 3:1 against it, in either theme
    for (const p of layout(g)) {
      const key = p.role === "more" ? "more" : String(p.n.i);
      this.roles.set(key, { i: p.n.i, role: p.role });
      this.tips.set(key, p.n.title);
      const size = p.role === "current" ? 14 : p.role === "ancestor" ? 9 : 7;
      let color = CAT_COLOUR[(p.n.cat || "").toLowerCase()] ?? "#596273";
      if (p.n.risky) color = RISKY;
      if (p.n.fp || p.role === "more") color = FADED;
      color = readableOn(color, bg);
      const label = p.role === "current" ? short(p.n.label, 30) : p.role === "ancestor" ? short(p.n.label, 16) : (p.role === "child" && p.n.kids > 0 ? `(+${p.n.kids}) ` : "") + short(p.n.label, 34);
      d.key.push(key);
      d.nodes.push({ x: p.x, y: -p.y, size, color, label, forceLabel: true, highlighted: p.role === "current" });
      if (p.role === "ancestor" || p.role === "current") {
        if (prev) {
          d.src.push(prev);
          d.dst.push(key);
        }
        prev = key;
        if (p.role === "current") current = key;
      } else if (current) {
        d.src.push(current);
        d.dst.push(key);
      }
    }
    // Labels are drawn to the right of the children: room for them.
    let right = 0;
    for (const n of d.nodes) right = Math.max(right, n.x);
    d.key.push("__room");
    d.nodes.push({ x: right + 230, y: -H / 2, size: 0.01, color: "#ffffff", label: "", hidden: true });
    view.setData(d, true);
    view.setAllLabels(true);
  }
}

// webgl reports whether the browser can draw WebGL (headless or locked-down
// browsers may not).
function webgl(): boolean {
  try {
    const c = document.createElement("canvas");
    return !!(c.getContext("webgl2") || c.getContext("webgl"));
  } catch {
    return false;
  }
}
