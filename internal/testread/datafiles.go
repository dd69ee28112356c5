package testread

// The payloads of a site's data files (docs/site-format.md), as the tests
// read them back.

// Manifest is a scan's data/manifest.js.
type Manifest struct {
	K       string   `json:"k"`
	Scan    string   `json:"scan"`
	Status  string   `json:"status"`
	Done    bool     `json:"done"`
	Count   int      `json:"count"`
	Modules []string `json:"modules"`
	Types   []struct {
		Code, Slug, Descr, Cat   string
		Total, Unique, Risky, FP int
		Last                     int64
		Chunks                   []ChunkRef
	} `json:"types"`
	Log struct {
		Total  int
		Chunks []ChunkRef
	} `json:"log"`
	FP struct {
		F string
		N int
	} `json:"fp"`
}

// ChunkRef names a chunk file and its number of rows.
type ChunkRef struct {
	F string `json:"f"`
	N int    `json:"n"`
}

// ElementChunk is an element chunk's payload.
type ElementChunk struct {
	K    string   `json:"k"`
	Scan string   `json:"scan"`
	Type string   `json:"type"`
	Seq  int      `json:"seq"`
	N    int      `json:"n"`
	I    []int    `json:"i"`
	ID   []string `json:"id"`
	D    []string `json:"d"`
	S    []int    `json:"s"`
	SD   []string `json:"sd"`
	M    []int    `json:"m"`
	T    []int64  `json:"t"`
	R    []int    `json:"r"`
	F    []int    `json:"f"`
}

// FPList is data/fp.js: the indices of the false positives.
type FPList struct {
	K    string
	Scan string
	I    []int
}

// Index is data/ix.js, the search index's head.
type Index struct {
	K      string
	V      int
	Shards map[string]int
}

// GraphManifest is data/graph.js.
type GraphManifest struct {
	K, Scan                                            string
	Gen, Nodes, Edges, Total, TotalEdges, Grouped, Max int
	Gexf                                               string
	Legend                                             []struct {
		Code, Slug, Descr, Cat, Color string
		N, All                        int
	}
	Chunks []struct {
		F    string
		N, E int
		V    int
	}
}

// TreeManifest is data/tree.js.
type TreeManifest struct {
	K, Scan string
	N       int
	Types   []string
	Chunks  []struct {
		F       string
		N, S, V int
	}
}

// GraphPart is a chunk of the drawn graph (graph.js lists them).
type GraphPart struct {
	K          string
	N0, N      int
	X, Y, Z, C []int
	L          []string
	I, M, W, F []int
	T          []int64
	E0, Ne     int
	A, B       []int
}

// TreePart is a chunk of the discovery tree (tree.js lists them).
type TreePart struct {
	K    string
	S, N int
	P, T []int
}
