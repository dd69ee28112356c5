// Payloads of the graph data files (docs/site-format.md, "Graphs"), written
// by generator/graph: graph.js (the drawn graph's manifest and legend),
// graph-<n>.js (nodes and edges, columnar), tree.js and tree-<n>.js (every
// element's source and type). Strings inside are scan data: text only.

export interface GraphLegendEntry {
  code: string; // element type code; "ROOT" for the target, "" for the "more" nodes
  slug: string; // the type's page (types/<slug>.html); "" for none
  descr: string;
  cat: string;
  color: string; // #rrggbb
  n: number; // nodes drawn
  all: number; // nodes in the scan's entity graph
}

export interface GraphChunkRef {
  f: string;
  n: number; // nodes in the file
  e: number; // edges in the file
  v?: number;
}

export interface GraphManifest {
  k: "graph";
  scan: string;
  gen: number;
  nodes: number; // drawn
  edges: number; // drawn
  total: number; // nodes of the entity graph
  totalEdges: number;
  grouped: number; // nodes not drawn (inside "more" nodes)
  max: number; // the cap
  gexf: string; // GEXF version of the scan's download
  legend: GraphLegendEntry[];
  chunks: GraphChunkRef[];
}

// Node flags (generator/graph).
export const NODE_TARGET = 1;
export const NODE_RISKY = 2;
export const NODE_GROUP = 4;
export const NODE_CUT = 8;

export interface GraphPart {
  k: "graph-part";
  scan: string;
  seq: number;
  n0: number; // index of the first node
  n: number;
  x: number[];
  y: number[];
  z: number[]; // size, tenths of a pixel
  c: number[]; // legend entry
  l: string[]; // label (the value, cut at 300 bytes)
  i: number[]; // first element with the value; -1 for a "more" node
  m: number[]; // its module (manifest.modules); -1 for none
  w: number[]; // elements with the value; for a "more" node, nodes it stands for
  f: number[]; // flags
  t: number[]; // first seen, Unix ms
  e0: number; // index of the first edge
  ne: number;
  a: number[]; // edge source node
  b: number[]; // edge target node
}

export interface TreeChunkRef {
  f: string;
  n: number;
  s: number; // first element index
  v?: number;
}

export interface TreeManifest {
  k: "tree";
  scan: string;
  n: number; // elements, ROOT included
  types: string[]; // type slug by type index ("" for ROOT)
  chunks: TreeChunkRef[];
}

export interface TreePart {
  k: "tree-part";
  scan: string;
  seq: number;
  s: number;
  n: number;
  p: number[]; // source element index (-1 for ROOT)
  t: number[]; // type index into TreeManifest.types
}

export type GraphPayload = GraphManifest | GraphPart | TreeManifest | TreePart;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function arrays(o: Record<string, unknown>, n: number, keys: string[]): boolean {
  for (const k of keys) {
    const a = o[k];
    if (!Array.isArray(a) || a.length !== n) return false;
  }
  return true;
}

// asGraphPayload checks a pushed value of one of the graph kinds; null for
// anything else.
export function asGraphPayload(v: Record<string, unknown>): GraphPayload | null {
  switch (v.k) {
    case "graph":
      if (!Array.isArray(v.legend) || !Array.isArray(v.chunks)) return null;
      for (const e of v.legend) if (!isObj(e) || typeof e.color !== "string") return null;
      for (const c of v.chunks) if (!isObj(c) || typeof c.f !== "string") return null;
      return v as unknown as GraphManifest;
    case "graph-part": {
      const n = v.n;
      const ne = v.ne;
      if (typeof n !== "number" || typeof ne !== "number" || typeof v.n0 !== "number" || typeof v.e0 !== "number") return null;
      if (!arrays(v, n, ["x", "y", "z", "c", "l", "i", "m", "w", "f", "t"]) || !arrays(v, ne, ["a", "b"])) return null;
      return v as unknown as GraphPart;
    }
    case "tree":
      if (!Array.isArray(v.types) || !Array.isArray(v.chunks) || typeof v.n !== "number") return null;
      for (const c of v.chunks) if (!isObj(c) || typeof c.f !== "string") return null;
      return v as unknown as TreeManifest;
    case "tree-part": {
      const n = v.n;
      if (typeof n !== "number" || typeof v.s !== "number" || !arrays(v, n, ["p", "t"])) return null;
      return v as unknown as TreePart;
    }
  }
  return null;
}
