// GraphView: the report's WebGL graph renderer, a thin layer over sigma.js
// (v3) and graphology, made to be reused by every page that draws a graph
// (the network graph, Explore). docs/site-format.md ("Graph renderer") is
// its API. It draws what it is given, where it is given: positions come from
// the caller (the network graph's are computed in Go at build time); the
// optional ForceAtlas2 layout runs in graphology's worker, which starts from
// a Blob URL (allowed by worker-src blob:, and the only way from file://).
//
// Scan values stay text: sigma draws labels with canvas fillText, and the
// tooltip is built with textContent. Nothing here parses markup.

import { reducedMotion } from "../ui/a11y";
import Graph from "graphology";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import { animateNodes } from "sigma/utils";

import { h } from "../ui/dom";
import { fadedColour, labelColour } from "./colours";
import { NodeGrid } from "./node-grid";
import { drawPNG, type PNGCaption } from "./png";

export type { PNGCaption } from "./png";

// A node as GraphView draws it. Extra attributes are kept and handed back
// (tooltip, click): put what the page needs to know about a node there.
export interface GraphViewNode {
  x: number;
  y: number;
  size: number; // radius in pixels at the default zoom
  color: string; // CSS colour (#rrggbb)
  label: string; // drawn on hover, when large enough on screen, or with labels on
  [attr: string]: unknown;
}

export interface GraphViewOptions {
  // onClick is called with the key of a node clicked (not dragged).
  onClick?: (key: string, e: MouseEvent) => void;
  // tooltip returns the lines shown beside a hovered node (term, value),
  // or null for none; values are set as text.
  tooltip?: (key: string) => Array<[string, string]> | null;
  // tooltipEl is the element the tooltip goes in (made when absent).
  tooltipEl?: HTMLElement | null;
  // labelSize is the rendered node size (px) from which labels show.
  labelSize?: number;
  // edgeColor colours every edge (default: a translucent grey).
  edgeColor?: string;
  // hideEdgesOnMove hides the edges while the camera moves; default: on
  // from 20,000 edges (on a software-rendered GPU they cost most of a frame).
  hideEdgesOnMove?: boolean;
}

// Nodes to draw: columns of equal length (the shape of the data files).
// key[k] names node k; it must be unique.
export interface GraphViewData {
  key: string[];
  nodes: GraphViewNode[];
  src: string[]; // edge k goes from node key src[k] to dst[k]
  dst: string[];
}

const DEFAULT_EDGE = "rgba(128,138,150,0.28)";

// Nodes are drawn as antialiased discs from single points (one vertex per
// node, not sigma's default triangle), and without sigma's picking pass (a
// second drawing of every node into an off-screen buffer, every frame, to
// find the node under the pointer): on a software GPU (SwiftShader, headless
// browsers, machines without a GPU) both halve the frame time of a large
// graph. GraphView finds the node under the pointer itself (NodeGrid).
class PointNodes extends NodePointProgram {
  constructor(gl: WebGLRenderingContext, _picking: WebGLFramebuffer | null, renderer: Sigma) {
    super(gl, null, renderer);
  }
}

// extent is the bounding box of nodes (sigma's frame of reference).
function extent(nodes: GraphViewNode[]): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (n.x < x0) x0 = n.x;
    if (n.x > x1) x1 = n.x;
    if (n.y < y0) y0 = n.y;
    if (n.y > y1) y1 = n.y;
  }
  if (!isFinite(x0)) return { x: [0, 1], y: [0, 1] };
  if (x0 === x1) x1 = x0 + 1;
  if (y0 === y1) y1 = y0 + 1;
  return { x: [x0, x1], y: [y0, y1] };
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    /* optional */
  }
}

// Graphs with more edges than PROGRESSIVE_EDGES are drawn nodes first
// (setData); their edges are added EDGE_SLICE at a time.
const PROGRESSIVE_EDGES = 30000;
const EDGE_SLICE = 40000;

function nextTask(): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}

// build makes the graphology graph of d (without its edges unless edges),
// all at once (sigma then indexes it once, rather than node by node).
function build(d: GraphViewData, edges = true): Graph {
  const g = new Graph({ type: "directed", multi: false, allowSelfLoops: true });
  for (let k = 0; k < d.key.length; k++) g.addNode(d.key[k], d.nodes[k]);
  if (edges) addEdges(g, d, 0, d.src.length);
  return g;
}

// addEdges adds edges [from, to) of d to g. Edge k's key is k.
function addEdges(g: Graph, d: GraphViewData, from: number, to: number): void {
  const src = d.src;
  const dst = d.dst;
  for (let k = from; k < to; k++) {
    try {
      g.addDirectedEdgeWithKey(k, src[k], dst[k]);
    } catch {
      // an edge to a node that is not there, or twice: left out
    }
  }
}

export class GraphView {
  readonly renderer: Sigma;
  private readonly o: GraphViewOptions;
  private readonly tip: HTMLElement | null;
  private hidden: ((key: string, n: GraphViewNode) => boolean) | null = null;
  private faded: ((key: string, n: GraphViewNode) => boolean) | null = null;
  private marked: Set<string> | null = null;
  private fa2: FA2Layout | null = null;
  private stopAnim: (() => void) | null = null;

  constructor(
    readonly container: HTMLElement,
    o: GraphViewOptions = {},
  ) {
    this.o = o;
    this.renderer = new Sigma(new Graph({ type: "directed" }), container, {
      allowInvalidContainer: true,
      defaultEdgeType: "line",
      edgeProgramClasses: { line: EdgeLineProgram },
      nodeProgramClasses: { circle: PointNodes },
      defaultEdgeColor: o.edgeColor ?? DEFAULT_EDGE,
      labelRenderedSizeThreshold: o.labelSize ?? 9,
      labelDensity: 0.5,
      labelGridCellSize: 80,
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelColor: { color: labelColour(container) },
      zIndex: false,
      hideEdgesOnMove: o.hideEdgesOnMove ?? false,
      minCameraRatio: 0.002,
      maxCameraRatio: 20,
      stagePadding: 24,
    });
    this.tip = o.tooltip ? (o.tooltipEl ?? document.body.appendChild(h("div", { class: "graph-tooltip", role: "tooltip", hidden: true }))) : null;
    const r = this.renderer;
    // The node under the pointer, found on the CPU (NodeGrid), for sigma's
    // hover and click events.
    (r as unknown as { getNodeAtPosition: (p: { x: number; y: number }) => string | null }).getNodeAtPosition = (p) => this.nodeAt(p.x, p.y);
    r.on("clickNode", (e) => {
      this.hideTip();
      o.onClick?.(e.node, e.event.original as MouseEvent);
    });
    r.on("enterNode", (e) => {
      container.style.cursor = "pointer";
      const ev = e.event.original;
      if ("clientX" in ev) this.showTip(e.node, ev.clientX, ev.clientY);
    });
    r.on("leaveNode", () => {
      container.style.cursor = "";
      this.hideTip();
    });
    r.getCamera().on("updated", () => this.hideTip());
  }

  // ---- data ----

  // setData replaces the graph. With fit, the whole graph is shown;
  // without, the camera stays where it is.
  setData(d: GraphViewData, fit = true): Promise<void> {
    this.stopLayouts();
    const token = ++this.dataSeq;
    const r = this.renderer;
    if (fit) {
      // Frame and camera first, so that sigma indexes and draws once.
      r.setCustomBBox(extent(d.nodes));
      r.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    if (d.src.length <= PROGRESSIVE_EDGES) {
      r.setGraph(build(d));
      mark("sr:graph-complete");
      return Promise.resolve();
    }
    // A large graph: its nodes first (on screen in a fraction of the
    // time), then its edges, added to a second graph a slice at a time
    // (the page stays responsive) and swapped in when complete.
    r.setGraph(build(d, false));
    return (async () => {
      await nextTask();
      const g = build(d, false);
      for (let from = 0; from < d.src.length; from += EDGE_SLICE) {
        if (token !== this.dataSeq) return;
        addEdges(g, d, from, Math.min(d.src.length, from + EDGE_SLICE));
        await nextTask();
      }
      if (token !== this.dataSeq) return;
      r.setGraph(g);
      mark("sr:graph-complete");
    })();
  }

  // update brings the graph to d, keeping the camera: nodes that are new
  // appear, nodes that are gone go, the others take their new attributes
  // and, in graphs of up to 20,000 nodes, glide to their new positions
  // over ms milliseconds (larger ones move at once).
  update(d: GraphViewData, ms = 500): void {
    this.stopLayouts();
    this.dataSeq++;
    const old = this.graph;
    const g = build(d);
    const targets: Record<string, Record<string, number>> = {};
    let moved = 0;
    if (g.order <= 20000 && ms > 0 && !reducedMotion()) {
      g.forEachNode((key, n) => {
        if (!old.hasNode(key)) return;
        const o = old.getNodeAttributes(key);
        if (o.x === n.x && o.y === n.y) return;
        targets[key] = { x: n.x as number, y: n.y as number };
        n.x = o.x;
        n.y = o.y;
        moved++;
      });
    }
    this.renderer.setGraph(g);
    if (moved) this.stopAnim = animateNodes(g, targets, { duration: ms, easing: "quadraticInOut" }, () => {
        this.stopAnim = null;
        this.grid = null;
      });
  }

  private dataSeq = 0;
  private grid: NodeGrid | null = null;
  private gridFor: Graph | null = null;
  private gridAt = 0;

  // nodeAt is the key of the node drawn at a point of the view (CSS
  // pixels from its top left corner), or null.
  nodeAt(vx: number, vy: number): string | null {
    const r = this.renderer;
    const g = this.graph;
    const moving = this.fa2 !== null || this.stopAnim !== null;
    if (!this.grid || this.gridFor !== g || (moving && performance.now() - this.gridAt > 250)) {
      this.grid = new NodeGrid(g);
      this.gridFor = g;
      this.gridAt = performance.now();
    }
    const p = r.viewportToGraph({ x: vx, y: vy });
    const q = r.viewportToGraph({ x: vx + 1, y: vy });
    const unit = Math.hypot(q.x - p.x, q.y - p.y) || 1; // graph units per pixel
    const pad = 2;
    const reach = (r.scaleSize(this.grid.maxSize) + pad + 4) * unit;
    return this.grid.nearest(p.x, p.y, reach, (size) => (Math.max(3, r.scaleSize(size)) + pad) * unit, (key) => {
      const d = r.getNodeDisplayData(key);
      return !!d && !d.hidden;
    });
  }

  // graph is the graphology graph drawn now (setData and update replace
  // it): read it, do not change it.
  get graph(): Graph {
    return this.renderer.getGraph();
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  get edgeCount(): number {
    return this.graph.size;
  }

  node(key: string): GraphViewNode | null {
    return this.graph.hasNode(key) ? (this.graph.getNodeAttributes(key) as GraphViewNode) : null;
  }

  // ---- what is shown ----

  // setHidden hides the nodes for which hide is true (and their edges);
  // null shows every node.
  setHidden(hide: ((key: string, n: GraphViewNode) => boolean) | null): void {
    this.hidden = hide;
    this.applyReducers();
  }

  // setFaded greys out the nodes for which fade is true (search, risky
  // only); null fades none. marked nodes (search matches) also get their
  // label.
  setFaded(fade: ((key: string, n: GraphViewNode) => boolean) | null, marked: Set<string> | null = null): void {
    this.faded = fade;
    this.marked = marked;
    this.applyReducers();
  }

  // isShown says whether a node is drawn (not hidden by setHidden).
  isShown(key: string): boolean {
    const n = this.node(key);
    return !!n && !(this.hidden && this.hidden(key, n));
  }

  // setAllLabels shows the label of every node large enough on screen
  // for one (sigma's label grid still keeps them from piling up).
  setAllLabels(on: boolean): void {
    this.renderer.setSetting("labelRenderedSizeThreshold", on ? 0 : (this.o.labelSize ?? 9));
  }

  private applyReducers(): void {
    const hide = this.hidden;
    const fade = this.faded;
    const marked = this.marked;
    const r = this.renderer;
    if (!hide && !fade) {
      r.setSetting("nodeReducer", null);
      return;
    }
    const grey = fadedColour(this.container);
    r.setSetting("nodeReducer", (key, attrs) => {
      const n = attrs as GraphViewNode;
      if (hide && hide(key, n)) return { ...n, hidden: true };
      if (fade && fade(key, n)) return { ...n, color: grey, label: "", zIndex: 0 };
      if (marked && marked.has(key)) return { ...n, highlighted: true, forceLabel: true };
      return n;
    });
  }

  // ---- camera ----

  // fit shows the whole graph (animated unless animate is false).
  fit(animate = true): void {
    const r = this.renderer;
    r.setCustomBBox(null);
    r.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
    // Keep this frame of reference while the graph changes (live
    // updates), so the camera does not jump when nodes are added.
    r.setCustomBBox(r.getBBox());
    if (animate && !reducedMotion()) void r.getCamera().animatedReset({ duration: 300 });
    else r.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  // focus centres the camera on a node, zoomed in to ratio.
  focus(key: string, ratio = 0.15): void {
    const p = this.framed(key);
    if (!p) return;
    const cam = this.renderer.getCamera();
    if (reducedMotion()) cam.setState({ ...cam.getState(), x: p.x, y: p.y, ratio });
    else void cam.animate({ x: p.x, y: p.y, ratio }, { duration: 400 });
  }

  // framed is a node's position in the camera's frame (0–1 across the
  // graph), from its attributes (sigma's display data may not be
  // normalised yet right after the graph or a setting changed).
  private framed(key: string): { x: number; y: number } | null {
    const n = this.node(key);
    if (!n) return null;
    const r = this.renderer;
    return r.viewportToFramedGraph(r.graphToViewport({ x: n.x, y: n.y }));
  }

  // viewportPosition is where a node is drawn, in CSS pixels from the
  // view's top left corner (null for an unknown node).
  viewportPosition(key: string): { x: number; y: number } | null {
    const n = this.node(key);
    return n ? this.renderer.graphToViewport({ x: n.x, y: n.y }) : null;
  }

  // ---- tooltip ----

  private showTip(key: string, cx: number, cy: number): void {
    const tip = this.tip;
    const lines = tip && this.o.tooltip ? this.o.tooltip(key) : null;
    if (!tip || !lines) return;
    tip.replaceChildren();
    const dl = h("dl");
    for (const [t, v] of lines) dl.append(h("dt", null, t), h("dd", null, v));
    tip.append(dl);
    tip.hidden = false;
    const pad = 14;
    const w = tip.offsetWidth;
    const hh = tip.offsetHeight;
    let x = cx + pad;
    let y = cy + pad;
    if (x + w > window.innerWidth - 8) x = Math.max(8, cx - pad - w);
    if (y + hh > window.innerHeight - 8) y = Math.max(8, cy - pad - hh);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  hideTip(): void {
    if (this.tip) this.tip.hidden = true;
  }

  // ---- layouts ----

  // forceAtlas2 runs ForceAtlas2 in a worker for ms milliseconds from the
  // current positions, moving the nodes as it goes; done is called after.
  // With prefers-reduced-motion it runs on a copy and the nodes move once,
  // at the end.
  forceAtlas2(ms: number, done?: () => void): void {
    this.stopLayouts();
    const n = this.graph.order;
    const still = reducedMotion();
    const work = still ? this.graph.copy() : this.graph;
    const fa2 = new FA2Layout(work, {
      settings: { barnesHutOptimize: n > 2000, slowDown: 1 + Math.log(Math.max(1, n)), gravity: 1, scalingRatio: 10, adjustSizes: false },
    });
    this.fa2 = fa2;
    fa2.start();
    window.setTimeout(() => {
      if (this.fa2 !== fa2) return;
      this.stopLayouts();
      if (still && this.graph.order === work.order) {
        work.forEachNode((k, a) => {
          if (this.graph.hasNode(k)) this.graph.mergeNodeAttributes(k, { x: a.x, y: a.y });
        });
      }
      done?.();
    }, ms);
  }

  get layoutRunning(): boolean {
    return !!this.fa2;
  }

  // stopLayouts stops ForceAtlas2 and a running glide.
  stopLayouts(): void {
    this.grid = null; // positions may have moved
    if (this.fa2) {
      this.fa2.kill();
      this.fa2 = null;
    }
    if (this.stopAnim) {
      this.stopAnim();
      this.stopAnim = null;
    }
  }

  // setPositions moves nodes to the given positions, gliding over ms.
  setPositions(pos: Map<string, { x: number; y: number }>, ms = 500): void {
    this.stopLayouts();
    const targets: Record<string, Record<string, number>> = {};
    for (const [k, p] of pos) if (this.graph.hasNode(k)) targets[k] = { x: p.x, y: p.y };
    if (reducedMotion() || ms <= 0) {
      for (const k of Object.keys(targets)) this.graph.mergeNodeAttributes(k, targets[k]);
      return;
    }
    this.stopAnim = animateNodes(this.graph, targets, { duration: ms, easing: "quadraticInOut" }, () => {
        this.stopAnim = null;
        this.grid = null;
      });
  }

  // ---- image ----

  // toPNG draws the graph as it is on screen (background, edges, nodes,
  // labels) into a PNG: the layers sigma draws are copied, right after a
  // render, onto one 2D canvas the size of the view (device pixels). It
  // costs one frame and the PNG encoding, whatever the graph's size.
  // With a caption, the image has a title band above the graph and the
  // legend (the types shown, their colours and counts) on its right, so a
  // PNG passed around still says what it shows.
  toPNG(caption?: PNGCaption): Promise<Blob> {
    return drawPNG(this.renderer, this.container, caption);
  }

  kill(): void {
    this.stopLayouts();
    this.hideTip();
    this.renderer.kill();
  }
}
