// Package sitefmt declares the shapes of the site's data files
// (docs/site-format.md) once, as Go types: the payload of each
// `(window.__sr=window.__sr||[]).push({...});` file, field by field, with
// the JSON names the writers use. The browser's TypeScript interfaces
// (static/src/data/shapes.gen.ts) are generated from this file
// (`make types`), and the tests decode every data file of a built site
// into these types strictly (no unknown key, no missing one), so a writer,
// these types and the browser's types cannot drift apart.
//
// A field's `ts` tag overrides the TypeScript type; `omitempty` makes it
// optional there. The comments of types and fields are carried over.
package sitefmt

//go:generate go test -count=1 -run TestTypeScript -args -update

// ChunkRef names a chunk file of a list (a type's elements, the log).
type ChunkRef struct {
	F string `json:"f"`           // file name, relative to the scan's data/ folder
	N int    `json:"n"`           // rows in the file
	S int    `json:"s,omitempty"` // position of its first row among the list's rows
	V int    `json:"v,omitempty"` // version: grows each time the file is rewritten (absent = 0)
}

// TypeInfo is one element type of a scan in its manifest.
type TypeInfo struct {
	Code   string     `json:"code"`
	Slug   string     `json:"slug"`
	Descr  string     `json:"descr"`
	Cat    string     `json:"cat"`
	Total  int        `json:"total"`
	Unique int        `json:"unique"`
	Risky  int        `json:"risky"`
	FP     int        `json:"fp"`
	Last   int64      `json:"last"`
	Chunks []ChunkRef `json:"chunks"`
	// Facts are the type's facts as the element page shows them under its
	// heading (generator/scantext TypeFacts).
	Facts []TypeFact `json:"facts"`
}

// TypeFact is one of an element type's facts: a count, n then label
// ("1,234" "total"), or, with time, label then the time ("last seen").
type TypeFact struct {
	N     string `json:"n,omitempty"`
	Label string `json:"label"`
	Time  string `json:"time,omitempty"` // for people, "2006-01-02 15:04:05 UTC"
	ISO   string `json:"iso,omitempty"`  // for <time datetime>
}

// StatusText is what the scan header shows about the scan's status
// (generator/scantext StatusOf): the badge's text and class, and the
// partial-results notice ("" for a finished scan).
type StatusText struct {
	Label   string `json:"label"`
	Class   string `json:"class"`
	Partial string `json:"partial"`
}

// LogList is the manifest's list of log chunks.
type LogList struct {
	Total  int        `json:"total"`
	Chunks []ChunkRef `json:"chunks"`
}

// FPRef names the scan's false-positive list.
type FPRef struct {
	F string `json:"f"`
	N int    `json:"n"`
}

// DownloadsState is in the manifest only while the preview server is
// rewriting the scan's downloads (or waiting for the scan to be quiet):
// they show the first n elements.
type DownloadsState struct {
	N        int  `json:"n"`
	Updating bool `json:"updating"`
}

// Manifest is a scan's data/manifest.js.
type Manifest struct {
	K         string          `json:"k" ts:"\"manifest\""`
	Scan      string          `json:"scan"`
	Gen       int             `json:"gen,omitempty"` // grows with every change the preview server writes
	Status    string          `json:"status"`
	Badge     StatusText      `json:"badge"` // the status as the scan header shows it
	Done      bool            `json:"done"`
	Count     int             `json:"count"`
	Modules   []string        `json:"modules"`
	Types     []TypeInfo      `json:"types"`
	Log       LogList         `json:"log"`
	FP        FPRef           `json:"fp"`
	Downloads *DownloadsState `json:"downloads,omitempty"`
}

// ElementChunk is data/e-<slug>-<seq>.js: up to 10,000 elements of one
// type, column by column.
type ElementChunk struct {
	K    string   `json:"k" ts:"\"elements\""`
	Scan string   `json:"scan"`
	Type string   `json:"type"` // the type's slug
	Seq  int      `json:"seq"`
	N    int      `json:"n"`
	I    []int    `json:"i"`  // element index
	ID   []string `json:"id"` // the scanner's id
	D    []string `json:"d"`  // data
	S    []int    `json:"s"`  // source element index
	SD   []string `json:"sd"` // source data
	M    []int    `json:"m"`  // module (manifest.modules)
	T    []int64  `json:"t"`  // generated, Unix ms
	R    []int    `json:"r"`  // risk
	C    []int    `json:"c"`  // confidence
	V    []int    `json:"v"`  // visibility
	F    []int    `json:"f"`  // flags
}

// LogChunk is data/log-<seq>.js: log lines, column by column.
type LogChunk struct {
	K    string   `json:"k" ts:"\"log\""`
	Scan string   `json:"scan"`
	Seq  int      `json:"seq"`
	N    int      `json:"n"`
	T    []int64  `json:"t"`
	L    []string `json:"l"`
	C    []string `json:"c"`
	M    []string `json:"m"`
}

// FPList is data/fp.js: the elements marked false positive.
type FPList struct {
	K    string `json:"k" ts:"\"fp\""`
	Scan string `json:"scan"`
	I    []int  `json:"i"`
	// the same false positives as rows of their types: type slug → rows
	// ascending (a row as the manifest's chunks count them); absent in
	// sites written before it
	R map[string][]int `json:"r,omitempty"`
	// the decisions behind them: [element, by, time (Unix ms, 0 unknown)]
	// for each element a decision names (its descendants follow it)
	D [][]any `json:"d,omitempty" ts:"Array<[number, string, number]>"`
}

// ScanEntry is one scan of data/scans.js.
type ScanEntry struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Target string `json:"target"`
	Status string `json:"status"`
	Count  int    `json:"count"`
	Data   string `json:"data"`
}

// ScansList is data/scans.js: every scan of the site and its data folder
// (relative to the site root). It belongs to no single scan.
type ScansList struct {
	K string `json:"k" ts:"\"scans\""`
	// never written; declared so that TypeScript may read .scan of any payload
	Scan  *struct{}   `json:"scan,omitempty" ts:"undefined"`
	Scans []ScanEntry `json:"scans"`
}

// InvestigationEntry is one investigation of data/investigations.js.
type InvestigationEntry struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	URL   string `json:"url"` // relative to the site root
	Scans int    `json:"scans"`
}

// InvestigationsList is data/investigations.js: every investigation of the
// site (docs/investigations.md). It belongs to no single scan.
type InvestigationsList struct {
	K    string               `json:"k" ts:"\"investigations\""`
	Scan string               `json:"scan" ts:"\"\""`
	List []InvestigationEntry `json:"list"`
}

// IndexShards counts the search index's trigram and exact-hash shards.
type IndexShards struct {
	T int `json:"t"`
	X int `json:"x"`
}

// IndexType is one type of the search index: its slug and how many of its
// rows are covered.
type IndexType struct {
	Slug string `json:"slug"`
	N    int    `json:"n"`
}

// IndexMeta is data/ix.js, the head of the search index, format version 4
// (docs/site-format.md, "Search index"). The index is a dictionary of the
// scan's distinct values and source values, sorted and cut into blocks
// (ixd, each with its source postings in ixs), with the blocks each
// trigram (ixt) and each exact hash (ixx) occurs in. Its files are named
// by generation: ix<gen>-d<n>.js, ix<gen>-s<n>.js, ix<gen>-t<n>.js,
// ix<gen>-x<n>.js.
type IndexMeta struct {
	K       string      `json:"k" ts:"\"ix\""`
	Scan    string      `json:"scan"`
	V       int         `json:"v"`
	Gen     int         `json:"gen"`
	RowBits int         `json:"rowBits"`
	Blocks  int         `json:"blocks"`
	Entries int         `json:"entries"`
	Shards  IndexShards `json:"shards"`
	Types   []IndexType `json:"types"`
	// The preview server's append-only segments (data/ix-g<n>.js) in
	// the order written, and the rows of each type the index and its
	// segments cover together (a type only segments know included);
	// absent: no segments.
	Segs  []int       `json:"segs,omitempty"`
	Cover []IndexType `json:"cover,omitempty"`
}

// IndexBlock is data/ix<gen>-d<n>.js, block n of the dictionary, a
// packed file whose payload is this header and a binary body (Bin; see
// Dict): the entries (distinct strings, each a row's data as the chunks
// hold it or a row's source data as the chunks hold it) in dictionary
// order, and for each entry the rows whose data is it (the rows whose
// source data is it are the block's IndexSources). The page reads the
// body without making one string of it (docs/site-format.md, "Search
// index").
type IndexBlock struct {
	K     string `json:"k" ts:"\"ixd\""`
	Scan  string `json:"scan"`
	Gen   int    `json:"gen"`
	Block int    `json:"block"`
	// The body, in Go; the page holds it packed (data/packed.ts
	// PackedBody) and inflates it when it tests the block.
	Bin []byte `json:"-" body:"body" ts:"{ z: (() => void) | Uint8Array; n: number }"`
}

// IndexSources is data/ix<gen>-s<n>.js, the source postings of block n: a
// packed file whose payload is this header and a binary body (Bin), for
// each of the block's entries in order the rows whose source data is it
// (as Dict.D). A file of its own because only a query with "+ source"
// reads it.
type IndexSources struct {
	K     string `json:"k" ts:"\"ixs\""`
	Scan  string `json:"scan"`
	Gen   int    `json:"gen"`
	Block int    `json:"block"`
	// The body, in Go; the page holds it packed, as a block's.
	Bin []byte `json:"-" body:"body" ts:"{ z: (() => void) | Uint8Array; n: number }"`
}

// IndexSegment is data/ix-g<n>.js, one append-only segment of a running
// scan's search index: the rows of each type it covers, a small
// dictionary of their values and source values in E with their postings
// in D and S (base64 of the posting lists a block's Dict holds, over the
// segment's own types in IndexRange order), and the rows of earlier parts
// whose source data changed since (Late: their source postings in the
// index and in earlier segments no longer hold). A segment is small and
// plain JSON.
type IndexSegment struct {
	K     string       `json:"k" ts:"\"ixg\""`
	Scan  string       `json:"scan"`
	Seg   int          `json:"seg"`
	Types []IndexRange `json:"types"`
	E     []string     `json:"e"`
	D     string       `json:"d"`
	S     string       `json:"s"`
	Late  string       `json:"late"`
}

// IndexRange is the rows [s, s+n) of one type a segment covers.
type IndexRange struct {
	Slug string `json:"slug"`
	S    int    `json:"s"`
	N    int    `json:"n"`
}

// TrigramShard is data/ix<gen>-t<n>.js, a packed file whose payload is
// this header and a binary body (Bin; see Lists): trigrams of the
// dictionary's entries, sorted, each with the blocks holding an entry
// with that trigram.
type TrigramShard struct {
	K     string `json:"k" ts:"\"ixt\""`
	Scan  string `json:"scan"`
	Gen   int    `json:"gen"`
	Shard int    `json:"shard"`
	// The body, in Go; the page holds it packed (data/packed.ts
	// PackedBody) and inflates it when a query first needs the shard.
	Bin []byte `json:"-" body:"body" ts:"{ z: (() => void) | Uint8Array; n: number }"`
}

// ExactShard is data/ix<gen>-x<n>.js, a packed file whose payload is this
// header and a binary body (Bin; see Streams): N (exact hash, block) pairs
// sorted by hash then block.
type ExactShard struct {
	K     string `json:"k" ts:"\"ixx\""`
	Scan  string `json:"scan"`
	Gen   int    `json:"gen"`
	Shard int    `json:"shard"`
	N     int    `json:"n"`
	// The body, as TrigramShard's.
	Bin []byte `json:"-" body:"body" ts:"{ z: (() => void) | Uint8Array; n: number }"`
}
