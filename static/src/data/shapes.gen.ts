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

// IndexShards counts the search index's shards of each kind.
export interface IndexShards {
  v: number;
  s: number;
  x: number;
}

// IndexType is one type of the search index.
export interface IndexType {
  slug: string;
  n: number;
}

// IndexMeta is data/ix.js, the head of the search index (docs/site-format.md,
// "Search index"), whose shards hold value trigrams (ixv), source trigrams
// (ixs) and exact hashes (ixx).
export interface IndexMeta {
  k: "ix";
  scan: string;
  v: number;
  rowBits: number;
  sourceBlock: number;
  shards: IndexShards;
  types: IndexType[];
  // The preview server's append-only segments (data/ix-g<n>.js) in
  // the order written, and the rows of each type the index and its
  // segments cover together (a type only segments know included);
  // absent: no segments.
  segs?: number[];
  cover?: IndexType[];
}

// IndexSegment is data/ix-g<n>.js, one append-only segment of a running
// scan's search index: the rows of each type it covers, and its value
// trigrams, source trigrams and exact hashes, as the shards hold them
// with postings over its own types (IndexRange order).
export interface IndexSegment {
  k: "ixg";
  scan: string;
  seg: number;
  types: IndexRange[];
  v: SegTrigrams;
  s: SegTrigrams;
  x: SegExact;
}

// IndexRange is the rows [s, s+n) of one type a segment covers.
export interface IndexRange {
  slug: string;
  s: number;
  n: number;
}

// SegTrigrams is one family of a segment's trigrams (as a TrigramShard).
export interface SegTrigrams {
  t: string[];
  p: string[];
}

// SegExact is a segment's exact hashes (as an ExactShard).
export interface SegExact {
  n: number;
  h: string;
  p: string;
}

// TrigramShard is data/ix-v<n>.js or ix-s<n>.js.
export interface TrigramShard {
  k: "ixv" | "ixs";
  scan: string;
  shard: number;
  t: string[];
  p: string[];
}

// ExactShard is data/ix-x<n>.js.
export interface ExactShard {
  k: "ixx";
  scan: string;
  shard: number;
  n: number;
  h: string;
  p: string;
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
