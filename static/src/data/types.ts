// Payload shapes of the data files (docs/site-format.md). The structure
// comes from our own generator; every string inside is scan data and so
// untrusted: it only ever reaches the page through textContent.

import { asGraphPayload, type GraphPayload } from "./graph-types";

export interface ChunkRef {
  f: string; // file name, relative to the scan's data/ folder
  n: number; // rows in the file
  s?: number; // position of its first row among the list's rows
  v?: number; // version: grows each time the file is rewritten (absent = 0)
}

export interface TypeInfo {
  code: string;
  slug: string;
  descr: string;
  cat: string;
  total: number;
  unique: number;
  risky: number;
  fp: number;
  last: number;
  chunks: ChunkRef[];
}

export interface Manifest {
  k: "manifest";
  scan: string;
  gen?: number; // grows with every change the preview server writes
  status: string;
  done: boolean;
  count: number;
  modules: string[];
  types: TypeInfo[];
  log: { total: number; chunks: ChunkRef[] };
  fp: { f: string; n: number };
  // Only while the preview server is rewriting the scan's downloads (or
  // waiting for the scan to be quiet): they show the first n elements.
  downloads?: { n: number; updating: boolean };
}

export interface ElementChunk {
  k: "elements";
  scan: string;
  type: string;
  seq: number;
  n: number;
  i: number[];
  id: string[];
  d: string[];
  s: number[];
  sd: string[];
  m: number[];
  t: number[];
  r: number[];
  f: number[];
}

export interface LogChunk {
  k: "log";
  scan: string;
  seq: number;
  n: number;
  t: number[];
  l: string[];
  c: string[];
  m: string[];
}

export interface FPList {
  k: "fp";
  scan: string;
  i: number[];
  // the decisions behind them: [element, by, time (Unix ms, 0 unknown)]
  // for each element a decision names (its descendants follow it)
  d?: Array<[number, string, number]>;
}

// ScansList is data/scans.js: every scan of the site and its data folder
// (relative to the site root). It belongs to no single scan.
export interface ScanEntry {
  id: string;
  name: string;
  target: string;
  status: string;
  count: number;
  data: string;
}

export interface ScansList {
  k: "scans";
  scan?: undefined;
  scans: ScanEntry[];
}

// InvestigationsList is data/investigations.js: every investigation of the
// site (docs/investigations.md). It belongs to no single scan.
export interface InvestigationEntry {
  name: string;
  title: string;
  url: string; // relative to the site root
  scans: number;
}

export interface InvestigationsList {
  k: "investigations";
  scan: "";
  list: InvestigationEntry[];
}

// The search index (docs/site-format.md, "Search index"): ix.js, and its
// shards of value trigrams (ixv), source trigrams (ixs) and exact hashes (ixx).
export interface IndexMeta {
  k: "ix";
  scan: string;
  v: number;
  rowBits: number;
  sourceBlock: number;
  shards: { v: number; s: number; x: number };
  types: Array<{ slug: string; n: number }>;
}
export interface TrigramShard {
  k: "ixv" | "ixs";
  scan: string;
  shard: number;
  t: string[];
  p: string[];
}
export interface ExactShard {
  k: "ixx";
  scan: string;
  shard: number;
  n: number;
  h: string;
  p: string;
}
export type IndexPayload = IndexMeta | TrigramShard | ExactShard;

export type Payload = Manifest | ElementChunk | LogChunk | FPList | ScansList | InvestigationsList | GraphPayload | IndexPayload;

// Element flags in chunks.
export const FLAG_RISKY = 1;
export const FLAG_ORPHAN = 4;
export const FLAG_CYCLE = 8;
export const FLAG_RENAMED = 16;
export const FLAG_CUT = 32;
export const FLAG_GUESSED = 64; // the link to the source was guessed from its value (imports)

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

// asPayload checks the shape of a pushed value well enough that the code
// reading it cannot be tricked into throwing half-way; it returns null for
// anything else.
export function asPayload(v: unknown): Payload | null {
  if (isObj(v) && v.k === "scans") {
    if (!Array.isArray(v.scans)) return null;
    for (const s of v.scans) {
      if (!isObj(s) || typeof s.id !== "string" || typeof s.data !== "string") return null;
    }
    return { k: "scans", scans: v.scans as ScanEntry[] };
  }
  if (!isObj(v) || typeof v.k !== "string" || typeof v.scan !== "string") return null;
  switch (v.k) {
    case "manifest":
      if (!Array.isArray(v.modules) || !Array.isArray(v.types) || !isObj(v.log) || !isObj(v.fp)) return null;
      if (!Array.isArray(v.log.chunks)) return null;
      for (const t of v.types) {
        if (!isObj(t) || typeof t.slug !== "string" || !Array.isArray(t.chunks)) return null;
      }
      return v as unknown as Manifest;
    case "elements": {
      const n = v.n;
      if (typeof n !== "number" || typeof v.type !== "string") return null;
      if (!arrays(v, n, ["i", "id", "d", "s", "sd", "m", "t", "r", "f"])) return null;
      return v as unknown as ElementChunk;
    }
    case "log": {
      const n = v.n;
      if (typeof n !== "number" || !arrays(v, n, ["t", "l", "c", "m"])) return null;
      return v as unknown as LogChunk;
    }
    case "graph":
    case "graph-part":
    case "tree":
    case "tree-part":
      return asGraphPayload(v);
    case "fp":
      if (!Array.isArray(v.i)) return null;
      return v as unknown as FPList;
    case "ix":
      if (typeof v.v !== "number" || typeof v.rowBits !== "number" || typeof v.sourceBlock !== "number" || !(v.sourceBlock >= 1) || !isObj(v.shards) || !Array.isArray(v.types)) return null;
      for (const t of v.types) if (!isObj(t) || typeof t.slug !== "string" || typeof t.n !== "number") return null;
      for (const f of ["v", "s", "x"]) if (typeof v.shards[f] !== "number") return null;
      return v as unknown as IndexMeta;
    case "ixv":
    case "ixs":
      if (typeof v.shard !== "number" || !Array.isArray(v.t) || !Array.isArray(v.p) || v.t.length !== v.p.length) return null;
      return v as unknown as TrigramShard;
    case "ixx":
      if (typeof v.shard !== "number" || typeof v.h !== "string" || typeof v.p !== "string") return null;
      return v as unknown as ExactShard;
    case "investigations":
      if (!Array.isArray(v.list)) return null;
      for (const e of v.list) {
        if (!isObj(e) || typeof e.name !== "string" || typeof e.title !== "string") return null;
      }
      return v as unknown as InvestigationsList;
  }
  return null;
}
