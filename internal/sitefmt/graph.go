package sitefmt

// The graph data files (docs/site-format.md, "Graphs"), written by
// generator/graph: graph.js (the drawn graph's manifest and legend),
// graph-<n>.js (nodes and edges, columnar), tree.js and tree-<n>.js (every
// element's source and type). Strings inside are scan data: text only.

// GraphLegendEntry is one entry of the graph's legend.
type GraphLegendEntry struct {
	Code  string `json:"code"` // element type code; "ROOT" for the target, "" for the "more" nodes
	Slug  string `json:"slug"` // the type's page (types/<slug>.html); "" for none
	Descr string `json:"descr"`
	Cat   string `json:"cat"`
	Color string `json:"color"` // #rrggbb
	N     int    `json:"n"`     // nodes drawn
	All   int    `json:"all"`   // nodes in the scan's entity graph
}

// GraphChunkRef names a file of the drawn graph.
type GraphChunkRef struct {
	F string `json:"f"`
	N int    `json:"n"` // nodes in the file
	E int    `json:"e"` // edges in the file
	V int    `json:"v,omitempty"`
}

// GraphManifest is data/graph.js.
type GraphManifest struct {
	K          string             `json:"k" ts:"\"graph\""`
	Scan       string             `json:"scan"`
	Gen        int                `json:"gen"`
	Nodes      int                `json:"nodes"` // drawn
	Edges      int                `json:"edges"` // drawn
	Total      int                `json:"total"` // nodes of the entity graph
	TotalEdges int                `json:"totalEdges"`
	Grouped    int                `json:"grouped"` // nodes not drawn (inside "more" nodes)
	Max        int                `json:"max"`     // the cap
	Gexf       string             `json:"gexf"`    // GEXF version of the scan's download
	Legend     []GraphLegendEntry `json:"legend"`
	Chunks     []GraphChunkRef    `json:"chunks"`
}

// GraphPart is data/graph-<n>.js: nodes and edges of the drawn graph.
type GraphPart struct {
	K    string   `json:"k" ts:"\"graph-part\""`
	Scan string   `json:"scan"`
	Seq  int      `json:"seq"`
	N0   int      `json:"n0"` // index of the first node
	N    int      `json:"n"`
	X    []int    `json:"x"`
	Y    []int    `json:"y"`
	Z    []int    `json:"z"`  // size, tenths of a pixel
	C    []int    `json:"c"`  // legend entry
	L    []string `json:"l"`  // label (the value, cut at 300 bytes)
	I    []int    `json:"i"`  // first element with the value; -1 for a "more" node
	M    []int    `json:"m"`  // its module (manifest.modules); -1 for none
	W    []int    `json:"w"`  // elements with the value; for a "more" node, nodes it stands for
	F    []int    `json:"f"`  // flags
	T    []int64  `json:"t"`  // first seen, Unix ms
	E0   int      `json:"e0"` // index of the first edge
	Ne   int      `json:"ne"`
	A    []int    `json:"a"` // edge source node
	B    []int    `json:"b"` // edge target node
}

// TreeChunkRef names a file of the discovery tree.
type TreeChunkRef struct {
	F string `json:"f"`
	N int    `json:"n"`
	S int    `json:"s"` // first element index
	V int    `json:"v,omitempty"`
}

// TreeManifest is data/tree.js.
type TreeManifest struct {
	K      string         `json:"k" ts:"\"tree\""`
	Scan   string         `json:"scan"`
	N      int            `json:"n"`     // elements, ROOT included
	Types  []string       `json:"types"` // type slug by type index ("" for ROOT)
	Chunks []TreeChunkRef `json:"chunks"`
}

// TreePart is data/tree-<n>.js.
type TreePart struct {
	K    string `json:"k" ts:"\"tree-part\""`
	Scan string `json:"scan"`
	Seq  int    `json:"seq"`
	S    int    `json:"s"`
	N    int    `json:"n"`
	P    []int  `json:"p"` // source element index (-1 for ROOT)
	T    []int  `json:"t"` // type index into TreeManifest.types
}
