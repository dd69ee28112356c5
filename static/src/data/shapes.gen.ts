// Code generated from internal/sitefmt (the Go types of the data files) by
// `make types`; DO NOT EDIT. docs/site-format.md describes the files; the
// structure comes from our own generator; every string inside is scan data
// and so untrusted: it only ever reaches the page through textContent.

// ChunkRef names a chunk file of a list (a type's elements, the log).
export interface ChunkRef {
  f: string; // file name, relative to the scan's data/ folder
  n: number; // rows in the file
  s?: number; // position of its first row among the list's rows
  v?: number; // version: grows each time the file is rewritten (absent = 0)
}

// TypeInfo is one element type of a scan in its manifest.
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
  // Facts are the type's facts as the element page shows them under its
  // heading (generator/scantext TypeFacts).
  facts: TypeFact[];
}

// TypeFact is one of an element type's facts: a count, n then label
// ("1,234" "total"), or, with time, label then the time ("last seen").
export interface TypeFact {
  n?: string;
  label: string;
  time?: string; // for people, "2006-01-02 15:04:05 UTC"
  iso?: string; // for <time datetime>
}

// StatusText is what the scan header shows about the scan's status
// (generator/scantext StatusOf): the badge's text and class, and the
// partial-results notice ("" for a finished scan).
export interface StatusText {
  label: string;
  class: string;
  partial: string;
}

// LogList is the manifest's list of log chunks.
export interface LogList {
  total: number;
  chunks: ChunkRef[];
}

// FPRef names the scan's false-positive list.
export interface FPRef {
  f: string;
  n: number;
}

// DownloadsState is in the manifest only while the preview server is
// rewriting the scan's downloads (or waiting for the scan to be quiet):
// they show the first n elements.
export interface DownloadsState {
  n: number;
  updating: boolean;
}

// Manifest is a scan's data/manifest.js.
export interface Manifest {
  k: "manifest";
  scan: string;
  gen?: number; // grows with every change the preview server writes
  status: string;
  badge: StatusText; // the status as the scan header shows it
  done: boolean;
  count: number;
  modules: string[];
  types: TypeInfo[];
  log: LogList;
  fp: FPRef;
  downloads?: DownloadsState;
}

// ElementChunk is data/e-<slug>-<seq>.js: up to 10,000 elements of one
// type, column by column.
export interface ElementChunk {
  k: "elements";
  scan: string;
  type: string; // the type's slug
  seq: number;
  n: number;
  i: number[]; // element index
  id: string[]; // the scanner's id
  d: string[]; // data
  s: number[]; // source element index
  sd: string[]; // source data
  m: number[]; // module (manifest.modules)
  t: number[]; // generated, Unix ms
  r: number[]; // risk
  c: number[]; // confidence
  v: number[]; // visibility
  f: number[]; // flags
}

// LogChunk is data/log-<seq>.js: log lines, column by column.
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

// FPList is data/fp.js: the elements marked false positive.
export interface FPList {
  k: "fp";
  scan: string;
  i: number[];
  // the same false positives as rows of their types: type slug → rows
  // ascending (a row as the manifest's chunks count them); absent in
  // sites written before it
  r?: Record<string, number[]>;
  // the decisions behind them: [element, by, time (Unix ms, 0 unknown)]
  // for each element a decision names (its descendants follow it)
  d?: Array<[number, string, number]>;
}

// ScanEntry is one scan of data/scans.js.
export interface ScanEntry {
  id: string;
  name: string;
  target: string;
  status: string;
  count: number;
  data: string;
}

// ScansList is data/scans.js: every scan of the site and its data folder
// (relative to the site root). It belongs to no single scan.
export interface ScansList {
  k: "scans";
  // never written; declared so that TypeScript may read .scan of any payload
  scan?: undefined;
  scans: ScanEntry[];
}

// InvestigationEntry is one investigation of data/investigations.js.
export interface InvestigationEntry {
  name: string;
  title: string;
  url: string; // relative to the site root
  scans: number;
}

// InvestigationsList is data/investigations.js: every investigation of the
// site (docs/investigations.md). It belongs to no single scan.
export interface InvestigationsList {
  k: "investigations";
  scan: "";
  list: InvestigationEntry[];
}

// IndexShards counts the search index's trigram and exact-hash shards.
export interface IndexShards {
  t: number;
  x: number;
}

// IndexType is one type of the search index: its slug and how many of its
// rows are covered.
export interface IndexType {
  slug: string;
  n: number;
}

// IndexMeta is data/ix.js, the head of the search index, format version 4
// (docs/site-format.md, "Search index"). The index is a dictionary of the
// scan's distinct values and source values, sorted and cut into blocks
// (ixd, each with its source postings in ixs), with the blocks each
// trigram (ixt) and each exact hash (ixx) occurs in. Its files are named
// by generation: ix<gen>-d<n>.js, ix<gen>-s<n>.js, ix<gen>-t<n>.js,
// ix<gen>-x<n>.js.
export interface IndexMeta {
  k: "ix";
  scan: string;
  v: number;
  gen: number;
  rowBits: number;
  blocks: number;
  entries: number;
  shards: IndexShards;
  types: IndexType[];
  // The preview server's append-only segments (data/ix-g<n>.js) in
  // the order written, and the rows of each type the index and its
  // segments cover together (a type only segments know included);
  // absent: no segments.
  segs?: number[];
  cover?: IndexType[];
}

// IndexBlock is data/ix<gen>-d<n>.js, block n of the dictionary, a
// packed file whose payload is this header and a binary body (Bin; see
// Dict): the entries (distinct strings, each a row's data as the chunks
// hold it or a row's source data as the chunks hold it) in dictionary
// order, and for each entry the rows whose data is it (the rows whose
// source data is it are the block's IndexSources). The page reads the
// body without making one string of it (docs/site-format.md, "Search
// index").
export interface IndexBlock {
  k: "ixd";
  scan: string;
  gen: number;
  block: number;
  // The body, in Go; the page holds it packed (data/packed.ts
  // PackedBody) and inflates it when it tests the block.
  body: { z: (() => void) | Uint8Array; n: number };
}

// IndexSources is data/ix<gen>-s<n>.js, the source postings of block n: a
// packed file whose payload is this header and a binary body (Bin), for
// each of the block's entries in order the rows whose source data is it
// (as Dict.D). A file of its own because only a query with "+ source"
// reads it.
export interface IndexSources {
  k: "ixs";
  scan: string;
  gen: number;
  block: number;
  // The body, in Go; the page holds it packed, as a block's.
  body: { z: (() => void) | Uint8Array; n: number };
}

// IndexSegment is data/ix-g<n>.js, one append-only segment of a running
// scan's search index: the rows of each type it covers, a small
// dictionary of their values and source values in E with their postings
// in D and S (base64 of the posting lists a block's Dict holds, over the
// segment's own types in IndexRange order), and the rows of earlier parts
// whose source data changed since (Late: their source postings in the
// index and in earlier segments no longer hold). A segment is small and
// plain JSON.
export interface IndexSegment {
  k: "ixg";
  scan: string;
  seg: number;
  types: IndexRange[];
  e: string[];
  d: string;
  s: string;
  late: string;
}

// IndexRange is the rows [s, s+n) of one type a segment covers.
export interface IndexRange {
  slug: string;
  s: number;
  n: number;
}

// TrigramShard is data/ix<gen>-t<n>.js, a packed file whose payload is
// this header and a binary body (Bin; see Lists): trigrams of the
// dictionary's entries, sorted, each with the blocks holding an entry
// with that trigram.
export interface TrigramShard {
  k: "ixt";
  scan: string;
  gen: number;
  shard: number;
  // The body, in Go; the page holds it packed (data/packed.ts
  // PackedBody) and inflates it when a query first needs the shard.
  body: { z: (() => void) | Uint8Array; n: number };
}

// ExactShard is data/ix<gen>-x<n>.js, a packed file whose payload is this
// header and a binary body (Bin; see Streams): N (exact hash, block) pairs
// sorted by hash then block.
export interface ExactShard {
  k: "ixx";
  scan: string;
  gen: number;
  shard: number;
  n: number;
  // The body, as TrigramShard's.
  body: { z: (() => void) | Uint8Array; n: number };
}

// GraphLegendEntry is one entry of the graph's legend.
export interface GraphLegendEntry {
  code: string; // element type code; "ROOT" for the target, "" for the "more" nodes
  slug: string; // the type's page (types/<slug>.html); "" for none
  descr: string;
  cat: string;
  color: string; // #rrggbb
  n: number; // nodes drawn
  all: number; // nodes in the scan's entity graph
}

// GraphChunkRef names a file of the drawn graph.
export interface GraphChunkRef {
  f: string;
  n: number; // nodes in the file
  e: number; // edges in the file
  v?: number;
}

// GraphManifest is data/graph.js.
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

// GraphPart is data/graph-<n>.js: nodes and edges of the drawn graph.
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

// TreeChunkRef names a file of the discovery tree.
export interface TreeChunkRef {
  f: string;
  n: number;
  s: number; // first element index
  v?: number;
}

// TreeManifest is data/tree.js.
export interface TreeManifest {
  k: "tree";
  scan: string;
  n: number; // elements, ROOT included
  types: string[]; // type slug by type index ("" for ROOT)
  chunks: TreeChunkRef[];
}

// TreePart is data/tree-<n>.js.
export interface TreePart {
  k: "tree-part";
  scan: string;
  seq: number;
  s: number;
  n: number;
  p: number[]; // source element index (-1 for ROOT)
  t: number[]; // type index into TreeManifest.types
}
