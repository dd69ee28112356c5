// The network graph page's data (pages/graph-page.ts): graph.js and its
// data files (generator/graph's layout, docs/site-format.md "Graphs")
// assembled into what GraphView draws and, in columns, what the page knows
// of each node.

import { readableLegend } from "../ui/a11y";
import { NODE_CUT, NODE_GROUP, NODE_TARGET, type GraphManifest, type GraphPart } from "../data/graph-types";
import type { GraphViewData, GraphViewNode } from "../graph/view";
import { load, loadInOrder } from "../data/registry";
import { labelOf } from "../ui/sfurl";

// Characters of a value drawn as a node's label on the canvas.
const LABEL_CHARS = 48;
// What the page knows of each drawn node, by its index in the data files,
// in columns (a graph node's attributes hold only what sigma draws, and n,
// the index): fewer objects, less garbage, a faster first frame.
export interface Cols {
  full: string[]; // the value as the data file has it (cut at 300 bytes)
  g: Int32Array; // legend entry
  i: Int32Array; // first element (-1: a "more" node)
  m: Int32Array; // module
  w: Int32Array; // elements with the value (nodes, for a "more" node)
  f: Int32Array; // flags
  t: Float64Array; // first seen
  parent: Int32Array; // a "more" node's parent (index), else -1
  key: string[];
}

// The attributes of a node in the graph: what GraphView draws, and n.
export interface NodeAttrs extends GraphViewNode {
  n: number;
}

// GraphData is the drawn graph as the data files describe it.
export interface GraphData {
  gm: GraphManifest;
  view: GraphViewData;
  cols: Cols;
}

// loadGraph loads graph.js and its data files (query: a live update's
// cache-busting query, or "" for the first load) and assembles the drawn
// graph. progress is told the files loaded so far.
export async function loadGraph(query: string, progress: (done: number, all: number) => void, versioned = false): Promise<GraphData> {
  const p = await load("graph.js", query);
  if (p.k !== "graph") throw new Error("The data file graph.js holds no graph: the report may be out of date. Build it again.");
  const gm = p;
  readableLegend(gm.legend); // node colours 3:1 against this theme's background
  const files = gm.chunks.map((c) => String(c.f));
  const n = gm.chunks.reduce((a, c) => a + c.n, 0);
  const ne = gm.chunks.reduce((a, c) => a + c.e, 0);
  const key: string[] = new Array(n);
  const nodes: NodeAttrs[] = new Array(n);
  const cols: Cols = {
    full: new Array(n),
    g: new Int32Array(n),
    i: new Int32Array(n),
    m: new Int32Array(n),
    w: new Int32Array(n),
    f: new Int32Array(n),
    t: new Float64Array(n),
    parent: new Int32Array(n).fill(-1),
    key,
  };
  const ea = new Int32Array(ne);
  const eb = new Int32Array(ne);
  const legend = gm.legend;
  // Sizes shrink as the graph grows, so that 100,000 nodes do not cover one
  // another at the first zoom (zooming in enlarges them); the target stays
  // large enough to find.
  const scale = Math.min(1, Math.max(0.22, Math.sqrt(3000 / Math.max(1, n))));
  let got = 0;
  progress(0, files.length);
  const each = (c: GraphPart) => {
    for (let k = 0; k < c.n; k++) {
      const j = c.n0 + k;
      if (j >= n) break;
      const g = c.c[k] | 0;
      const full = typeof c.l[k] === "string" ? c.l[k] : String(c.l[k]);
      const f = c.f[k] | 0;
      const i = c.i[k] | 0;
      nodes[j] = {
        x: +c.x[k] || 0,
        y: +c.y[k] || 0,
        size: f & NODE_TARGET ? Math.max(7, ((+c.z[k] || 20) / 10) * scale) : Math.max(0.6, ((+c.z[k] || 20) / 10) * scale),
        color: legend[g]?.color ?? "#888888",
        label: shortLabel(full, f),
        n: j,
      };
      cols.full[j] = full;
      cols.g[j] = g;
      cols.i[j] = i;
      cols.m[j] = c.m[k] | 0;
      cols.w[j] = c.w[k] | 0;
      cols.f[j] = f;
      cols.t[j] = +c.t[k] || 0;
      // Keys: the first element's index (integer-like keys make
      // graphology's and sigma's lookups fastest; stable across updates).
      key[j] = i >= 0 ? String(i) : "";
    }
    for (let k = 0; k < c.ne; k++) {
      const j = c.e0 + k;
      if (j >= ne) break;
      ea[j] = c.a[k] | 0;
      eb[j] = c.b[k] | 0;
    }
    got++;
    progress(got, files.length);
  };
  if (query === "") {
    await loadInOrder<GraphPart>(files, (c, k) => {
      if (c.k !== "graph-part") throw new Error(`The data file ${files[k]} holds no graph data.`);
      each(c);
    });
  } else {
    const parts = await Promise.all(gm.chunks.map((c) => load(String(c.f), versioned ? "v=" + (c.v ?? 0) : query)));
    for (const c of parts) {
      if (c.k !== "graph-part") throw new Error("A graph data file holds no graph data.");
      each(c);
    }
  }
  for (let j = 0; j < n; j++) if (!nodes[j]) throw new Error("The graph's data files do not hold every node: the report may be incomplete.");
  // A "more" node is named after its parent, so it keeps its key when the
  // graph is laid out again.
  for (let k = 0; k < ne; k++) {
    const b = eb[k];
    if (b < n && cols.f[b] & NODE_GROUP) {
      cols.parent[b] = ea[k];
      key[b] = "g" + (key[ea[k]] || ea[k]);
    }
  }
  for (let j = 0; j < n; j++) if (key[j] === "") key[j] = "n" + j;
  const src: string[] = new Array(ne);
  const dst: string[] = new Array(ne);
  for (let k = 0; k < ne; k++) {
    src[k] = key[ea[k]];
    dst[k] = key[eb[k]];
  }
  return { gm, view: { key, nodes, src, dst }, cols };
}

// shortLabel is what the canvas draws for a value: one line, cut.
function shortLabel(full: string, flags: number): string {
  const v = labelOf(full);
  let s = v.length > LABEL_CHARS ? v.slice(0, LABEL_CHARS) + "…" : flags & NODE_CUT && v === full ? v + "…" : v;
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return s;
}

export function sameChunks(a: GraphManifest, b: GraphManifest): boolean {
  if (a.chunks.length !== b.chunks.length) return false;
  return a.chunks.every((c, k) => c.f === b.chunks[k].f && c.n === b.chunks[k].n && c.e === b.chunks[k].e && (c.v ?? 0) === (b.chunks[k].v ?? 0));
}

export function countGroups(c: Cols): number {
  let n = 0;
  for (let j = 0; j < c.f.length; j++) if (c.f[j] & NODE_GROUP) n++;
  return n;
}
