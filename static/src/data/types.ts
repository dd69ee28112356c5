// Payload shapes of the data files (docs/site-format.md), generated from
// the Go types into shapes.gen.ts, and the check of a pushed value. The
// structure comes from our own generator; every string inside is scan data
// and so untrusted: it only ever reaches the page through textContent.

import { asGraphPayload, type GraphPayload } from "./graph-types";
import { arrays, isObj } from "./check";
import { isPackedBody } from "./packed";

// The payload types are generated from the Go types of the data files
// (internal/sitefmt, `make types`) into shapes.gen.ts.
import type { ChunkRef, TypeInfo, TypeFact, StatusText, Manifest, ElementChunk, LogChunk, FPList, ScanEntry, ScansList, InvestigationEntry, InvestigationsList, IndexMeta, IndexBlock, IndexSources, TrigramShard, ExactShard, IndexSegment } from "./shapes.gen";
export type { ChunkRef, TypeInfo, TypeFact, StatusText, Manifest, ElementChunk, LogChunk, FPList, ScanEntry, ScansList, InvestigationEntry, InvestigationsList, IndexMeta, IndexBlock, IndexSources, TrigramShard, ExactShard, IndexSegment };

export type IndexPayload = IndexMeta | IndexBlock | IndexSources | TrigramShard | ExactShard | IndexSegment;

export type Payload = Manifest | ElementChunk | LogChunk | FPList | ScansList | InvestigationsList | GraphPayload | IndexPayload;

// Element flags in chunks.
export const FLAG_RISKY = 1;
export const FLAG_ORPHAN = 4;
export const FLAG_CYCLE = 8;
export const FLAG_RENAMED = 16;
export const FLAG_CUT = 32;
export const FLAG_GUESSED = 64; // the link to the source was guessed from its value (imports)

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
      if (typeof v.v !== "number" || typeof v.rowBits !== "number" || !isObj(v.shards) || !Array.isArray(v.types)) return null;
      for (const t of v.types) if (!isObj(t) || typeof t.slug !== "string" || typeof t.n !== "number") return null;
      // A head of another version is read no further (the page scans;
      // search/index-math.ts INDEX_VERSION).
      if (v.v !== 4) return v as unknown as IndexMeta;
      if (!count(v.gen) || !count(v.blocks) || !count(v.entries) || !(v.rowBits >= 1 && v.rowBits <= 30)) return null;
      for (const f of ["t", "x"]) if (!count(v.shards[f]) || !(v.shards[f] >= 1)) return null;
      if (v.segs !== undefined && (!Array.isArray(v.segs) || !v.segs.every(count))) return null;
      if (v.cover !== undefined && (!Array.isArray(v.cover) || !v.cover.every((t) => isObj(t) && typeof t.slug === "string" && typeof t.n === "number"))) return null;
      return v as unknown as IndexMeta;
    case "ixd":
      // Its body, left packed (read when the block is tested:
      // search/block.ts refuses one that does not add up).
      if (!count(v.gen) || !count(v.block) || !isPackedBody(v.body)) return null;
      return v as unknown as IndexBlock;
    case "ixs":
      if (!count(v.gen) || !count(v.block) || !isPackedBody(v.body)) return null;
      return v as unknown as IndexSources;
    case "ixg":
      if (!count(v.seg) || !Array.isArray(v.types) || !dict(v) || typeof v.late !== "string") return null;
      for (const t of v.types) if (!isObj(t) || typeof t.slug !== "string" || !count(t.s) || !count(t.n)) return null;
      return v as unknown as IndexSegment;
    case "ixt":
      if (!count(v.gen) || !count(v.shard) || !isPackedBody(v.body)) return null;
      return v as unknown as TrigramShard;
    case "ixx":
      if (!count(v.gen) || !count(v.shard) || !count(v.n) || !isPackedBody(v.body)) return null;
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

// count: a whole number ≥ 0.
function count(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0;
}

// dict: a dictionary's entries (strings) and its two posting streams.
function dict(v: Record<string, unknown>): boolean {
  return Array.isArray(v.e) && v.e.every((x) => typeof x === "string") && typeof v.d === "string" && typeof v.s === "string";
}
