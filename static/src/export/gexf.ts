// The entity graph of several scans as GEXF, made in the browser. Each
// scan's graph is built exactly as generator/exports/gexf.go EntityGraph
// builds it (one node per distinct value of ENTITY and INTERNAL elements,
// ROOT included; an edge from each such element's nearest entity ancestor
// to it; false positives left out; a risky non-entity makes its entity
// risky), then the graphs are merged by value, as SpiderFoot's multi-scan
// graph merges them: the same value in two scans is one node, every scan's
// target is red. The file is written as WriteGraphGEXF writes it.

import { Parts } from "./csv";
import type { ScanData } from "../data/scan-data";

export interface GraphNode {
  label: string;
  type: string; // type code of its first element
  category: string;
  module: string; // module of its first element
  firstSeen: number; // Unix ms, 0 = unknown
  risky: boolean;
  count: number;
  target: boolean;
}

export class Graph {
  nodes: GraphNode[] = [];
  src: number[] = []; // edge k: nodes[src[k]] → nodes[dst[k]]
  dst: number[] = [];
  private byLabel = new Map<string, number>();
  private edgeSet = new Set<number>();

  // node returns the node of label, made from proto when it is new.
  node(label: string, proto: () => GraphNode): number {
    let id = this.byLabel.get(label);
    if (id === undefined) {
      id = this.nodes.length;
      this.byLabel.set(label, id);
      this.nodes.push(proto());
    }
    return id;
  }

  // edge adds a → b unless the pair is there already, in either direction
  // (SpiderFoot's graph is undirected).
  edge(a: number, b: number): void {
    if (a === b) return;
    const key = Math.min(a, b) * 4294967296 + Math.max(a, b);
    if (this.edgeSet.has(key)) return;
    this.edgeSet.add(key);
    this.src.push(a);
    this.dst.push(b);
  }
}

const isEntity = (cat: string) => cat === "ENTITY" || cat === "INTERNAL";

// addScan adds one scan's entity graph to g (merging by value).
export function addScan(g: Graph, s: ScanData): void {
  const n = s.n;
  const node = new Int32Array(n).fill(-1); // element → node of g
  for (let i = 0; i < n; i++) {
    if (!s.has(i)) continue;
    const cat = s.category(i);
    if (!isEntity(cat) || s.fp[i]) continue;
    const label = s.data[i];
    const target = label === s.info.target || i === 0;
    const id = g.node(label, () => ({
      label,
      type: s.typeCode(i),
      category: cat,
      module: s.module(i),
      firstSeen: s.time[i],
      risky: false,
      count: 0,
      target,
    }));
    const nd = g.nodes[id];
    nd.count++;
    nd.risky = nd.risky || s.risky(i);
    nd.target = nd.target || target;
    const t = s.time[i];
    if (t > 0 && (nd.firstSeen === 0 || t < nd.firstSeen)) nd.firstSeen = t;
    node[i] = id;
  }
  // anc[i]: the node of element i's nearest entity ancestor (-1: none).
  const UNKNOWN = -2;
  const anc = new Int32Array(n).fill(UNKNOWN);
  const stack: number[] = [];
  const parent = (j: number): number => {
    const p = s.src[j];
    return p >= 0 && !s.has(p) ? 0 : p; // a source not loaded hangs under ROOT
  };
  const ancestor = (i: number): number => {
    for (let j = i; anc[j] === UNKNOWN; ) {
      stack.push(j);
      const p = parent(j);
      if (p < 0) break;
      if (node[p] >= 0) {
        anc[j] = node[p];
        break;
      }
      if (anc[p] !== UNKNOWN) {
        anc[j] = anc[p];
        break;
      }
      if (stack.length > n) break; // a cycle (the generator breaks them; be safe)
      j = p;
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      const j = stack[k];
      if (anc[j] !== UNKNOWN) continue;
      const p = parent(j);
      if (p < 0) anc[j] = -1;
      else if (node[p] >= 0) anc[j] = node[p];
      else anc[j] = anc[p] === UNKNOWN ? -1 : anc[p];
    }
    stack.length = 0;
    return anc[i];
  };
  for (let i = 0; i < n; i++) {
    if (!s.has(i) || node[i] >= 0) continue;
    if (s.risky(i) && !s.fp[i]) {
      const a = ancestor(i);
      if (a >= 0) g.nodes[a].risky = true;
    }
  }
  valueEdges(g, s, node, parent);
}

// valueEdges links the scan's nodes as SpiderFoot's buildGraphData does, by
// value (gexf.go valueEdges): for every element (not a false positive)
// whose value is a node, the value of its source; a node value gives an
// edge, any other value is followed through every element that has it
// until node values are reached. No pair with the value "ROOT".
function valueEdges(g: Graph, s: ScanData, node: Int32Array, parent: (j: number) => number): void {
  const n = s.n;
  const vid = new Int32Array(n).fill(-1);
  const ids = new Map<string, number>();
  const nodeOf: number[] = []; // value → node of g (-1: not a node here)
  for (let i = 0; i < n; i++) {
    if (!s.has(i)) continue;
    const d = s.data[i];
    let v = ids.get(d);
    if (v === undefined) {
      v = nodeOf.length;
      ids.set(d, v);
      nodeOf.push(-1);
    }
    vid[i] = v;
    if (node[i] >= 0 && d !== "ROOT") nodeOf[v] = node[i];
  }
  const rowsOf: number[][] = nodeOf.map(() => []);
  for (let i = 0; i < n; i++) if (vid[i] >= 0 && !s.fp[i]) rowsOf[vid[i]].push(i);
  const srcValue = (i: number): number => {
    const p = parent(i);
    return p >= 0 && vid[p] >= 0 ? vid[p] : vid[i]; // ROOT is its own source
  };
  const memo: Array<number[] | undefined> = new Array(nodeOf.length);
  const busy = new Uint8Array(nodeOf.length);
  const reach = (p: number): number[] => {
    const m = memo[p];
    if (m) return m;
    if (busy[p]) return [];
    busy[p] = 1;
    const out: number[] = [];
    const found = new Set<number>();
    for (const r of rowsOf[p]) {
      const q = srcValue(r);
      const nq = nodeOf[q];
      for (const id of nq >= 0 ? [nq] : reach(q)) {
        if (!found.has(id)) {
          found.add(id);
          out.push(id);
        }
      }
    }
    busy[p] = 0;
    memo[p] = out;
    return out;
  };
  for (let i = 0; i < n; i++) {
    const child = vid[i] >= 0 ? nodeOf[vid[i]] : -1;
    if (child < 0 || s.fp[i]) continue;
    const p = srcValue(i);
    if (nodeOf[p] >= 0) g.edge(nodeOf[p], child);
    else for (const id of reach(p)) g.edge(id, child);
  }
}

// xmlText escapes s for XML text and attribute values and drops what XML
// 1.0 forbids (control characters, lone surrogates, U+FFFE, U+FFFF).
const XML_SPECIAL = /[&<>"'\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

export function xmlText(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    switch (c) {
      case 0x26:
        out += "&amp;";
        continue;
      case 0x3c:
        out += "&lt;";
        continue;
      case 0x3e:
        out += "&gt;";
        continue;
      case 0x22:
        out += "&quot;";
        continue;
      case 0x27:
        out += "&apos;";
        continue;
      case 0x09:
        out += "&#9;";
        continue;
      case 0x0a:
        out += "&#10;";
        continue;
      case 0x0d:
        out += "&#13;";
        continue;
    }
    if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    out += s[i];
  }
  return out;
}

function isoSeconds(ms: number): string {
  if (!ms || !isFinite(ms)) return "";
  const d = new Date(ms);
  if (isNaN(d.getTime()) || d.getUTCFullYear() < 0 || d.getUTCFullYear() > 9999) return "";
  return d.toISOString().slice(0, 19) + "Z";
}

// nodeColor: the target red, risky values orange, other entities blue
// (gexf.go nodeColor).
function nodeColor(n: GraphNode): string {
  if (n.target) return 'r="255" g="0" b="0"';
  if (n.risky) return 'r="255" g="140" b="0"';
  return 'r="31" g="119" b="180"';
}

export const GEXF12 = "1.2draft";
export const GEXF13 = "1.3";

// writeGEXF writes g as GEXF into a Blob, as gexf.go WriteGraphGEXF does.
export function writeGEXF(g: Graph, version: string, description: string, date: string): Blob {
  let ns = "http://www.gexf.net/1.2draft";
  let vizNS = "http://www.gexf.net/1.2draft/viz";
  let ver = "1.2";
  if (version === GEXF13) {
    ns = "http://gexf.net/1.3";
    vizNS = "http://gexf.net/1.3/viz";
    ver = "1.3";
  }
  const p = new Parts("application/gexf+xml");
  p.add('<?xml version="1.0" encoding="UTF-8"?>\n');
  p.add(`<gexf xmlns="${ns}" xmlns:viz="${vizNS}" version="${ver}">\n`);
  p.add(`  <meta lastmodifieddate="${xmlText(date)}"><creator>scanreport</creator><description>${xmlText(description)}</description></meta>\n`);
  p.add(`  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="type" title="type" type="string"/>
      <attribute id="category" title="category" type="string"/>
      <attribute id="module" title="module" type="string"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="risky" title="risky" type="boolean"/>
      <attribute id="elements" title="elements" type="integer"/>
    </attributes>
    <nodes>
`);
  g.nodes.forEach((nd, i) => {
    p.add(
      `      <node id="n${i}" label="${xmlText(nd.label)}"><attvalues>` +
        `<attvalue for="type" value="${xmlText(nd.type)}"/>` +
        `<attvalue for="category" value="${xmlText(nd.category)}"/>` +
        `<attvalue for="module" value="${xmlText(nd.module)}"/>` +
        `<attvalue for="first_seen" value="${isoSeconds(nd.firstSeen)}"/>` +
        `<attvalue for="risky" value="${nd.risky ? "true" : "false"}"/>` +
        `<attvalue for="elements" value="${nd.count}"/></attvalues>` +
        `<viz:color ${nodeColor(nd)} a="1.0"/></node>\n`,
    );
  });
  p.add("    </nodes>\n    <edges>\n");
  for (let k = 0; k < g.src.length; k++) {
    p.add(`      <edge id="${k}" source="n${g.src[k]}" target="n${g.dst[k]}"/>\n`);
  }
  p.add("    </edges>\n  </graph>\n</gexf>\n");
  return p.blob();
}

// graphDate is the newest of the scans' dates (ended, else started, else
// created), as gexf.go dates a single scan's graph.
export function graphDate(scans: ScanData[]): string {
  let best = "";
  for (const s of scans) {
    for (const iso of [s.info.ended, s.info.started, s.info.created]) {
      const t = Date.parse(iso);
      if (iso && isFinite(t)) {
        const d = new Date(t).toISOString().slice(0, 10);
        if (d > best) best = d;
        break;
      }
    }
  }
  return best || "2000-01-01";
}
