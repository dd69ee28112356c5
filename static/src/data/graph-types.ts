// Payloads of the graph data files (docs/site-format.md, "Graphs"), written
// by generator/graph: graph.js (the drawn graph's manifest and legend),
// graph-<n>.js (nodes and edges, columnar), tree.js and tree-<n>.js (every
// element's source and type). Strings inside are scan data: text only.

import { arrays, isObj } from "./check";

// The payload types are generated from the Go types (internal/sitefmt,
// `make types`) into shapes.gen.ts.
import type { GraphLegendEntry, GraphChunkRef, GraphManifest, GraphPart, TreeChunkRef, TreeManifest, TreePart } from "./shapes.gen";
export type { GraphLegendEntry, GraphChunkRef, GraphManifest, GraphPart, TreeChunkRef, TreeManifest, TreePart };

// Node flags (generator/graph).
export const NODE_TARGET = 1;
export const NODE_RISKY = 2;
export const NODE_GROUP = 4;
export const NODE_CUT = 8;

export type GraphPayload = GraphManifest | GraphPart | TreeManifest | TreePart;

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
