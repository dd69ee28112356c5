package chunks

// The data files of the graph views (docs/graphs.md, docs/site-format.md
// "Graphs"): graph.js and its parts, the layout package graph computes
// (graph.Drawn), and tree.js and its parts, every element's source and
// type for the discovery-path views. GraphLive keeps them up to date in
// the watch mode.

import (
	"strconv"
	"time"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/graph"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/jsonw"
	"github.com/scanreport/scanreport/scan"
)

// The graph files.
const (
	// ChunkNodes and ChunkEdges bound a graph data file.
	ChunkNodes = 25_000
	ChunkEdges = 50_000
	// GraphFile is the graph's manifest in the scan's data folder.
	GraphFile = "graph.js"
)

// GraphChunk is the name of graph data file seq.
func GraphChunk(seq int) string { return "graph-" + strconv.Itoa(seq) + ".js" }

// WriteGraph writes graph.js and the graph's data files, all with version
// gen (0 after a build; live updates raise it).
func WriteGraph(s *model.Scan, d *graph.Drawn, gexf string, gen int, buf []byte, out Out) ([]byte, error) {
	nChunks := max(1, (len(d.Nodes)+ChunkNodes-1)/ChunkNodes, (len(d.Edges)+ChunkEdges-1)/ChunkEdges)
	b := append(buf[:0], prefix...)
	b = append(b, `{"k":"graph","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	for _, kv := range []struct {
		k string
		v int
	}{{"gen", gen}, {"nodes", len(d.Nodes)}, {"edges", len(d.Edges)}, {"total", d.Total}, {"totalEdges", d.TotalEdges},
		{"grouped", d.Grouped}, {"max", d.Max}} {
		b = append(b, `,"`...)
		b = append(b, kv.k...)
		b = append(b, `":`...)
		b = jsonw.Int(b, int64(kv.v))
	}
	b = append(b, `,"gexf":`...)
	b = jsonw.String(b, gexf)
	b = append(b, `,"legend":[`...)
	for i, e := range d.Legend {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"code":`...)
		b = jsonw.String(b, e.Code)
		b = append(b, `,"slug":`...)
		b = jsonw.String(b, e.Slug)
		b = append(b, `,"descr":`...)
		b = jsonw.String(b, e.Descr)
		b = append(b, `,"cat":`...)
		b = jsonw.String(b, e.Cat)
		b = append(b, `,"color":`...)
		b = jsonw.String(b, e.Color)
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(e.Drawn))
		b = append(b, `,"all":`...)
		b = jsonw.Int(b, int64(e.All))
		b = append(b, '}')
	}
	b = append(b, `],"chunks":[`...)
	for seq := range nChunks {
		n0, n1 := span(seq, ChunkNodes, len(d.Nodes))
		e0, e1 := span(seq, ChunkEdges, len(d.Edges))
		if seq > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"f":`...)
		b = jsonw.String(b, GraphChunk(seq))
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(n1-n0))
		b = append(b, `,"e":`...)
		b = jsonw.Int(b, int64(e1-e0))
		if gen > 0 {
			b = append(b, `,"v":`...)
			b = jsonw.Int(b, int64(gen))
		}
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	b = append(b, suffix...)
	if err := out(GraphFile, b); err != nil {
		return b, err
	}
	for seq := range nChunks {
		b = graphChunk(b[:0], s.Meta.ID, d, seq)
		if err := out(GraphChunk(seq), b); err != nil {
			return b, err
		}
	}
	return b, nil
}

// span is the range of items of chunk seq of size per.
func span(seq, per, total int) (int, int) {
	return min(total, seq*per), min(total, (seq+1)*per)
}

func graphChunk(b []byte, id string, d *graph.Drawn, seq int) []byte {
	n0, n1 := span(seq, ChunkNodes, len(d.Nodes))
	e0, e1 := span(seq, ChunkEdges, len(d.Edges))
	nodes := d.Nodes[n0:n1]
	edges := d.Edges[e0:e1]
	b = append(b, prefix...)
	b = append(b, `{"k":"graph-part","scan":`...)
	b = jsonw.String(b, id)
	b = append(b, `,"seq":`...)
	b = jsonw.Int(b, int64(seq))
	b = append(b, `,"n0":`...)
	b = jsonw.Int(b, int64(n0))
	b = append(b, `,"n":`...)
	b = jsonw.Int(b, int64(len(nodes)))
	col := func(name string, v func(*graph.Node) int64) {
		b = append(b, `,"`...)
		b = append(b, name...)
		b = append(b, `":[`...)
		for k := range nodes {
			if k > 0 {
				b = append(b, ',')
			}
			b = jsonw.Int(b, v(&nodes[k]))
		}
		b = append(b, ']')
	}
	col("x", func(n *graph.Node) int64 { return int64(n.X) })
	col("y", func(n *graph.Node) int64 { return int64(n.Y) })
	col("z", func(n *graph.Node) int64 { return int64(n.Size) })
	col("c", func(n *graph.Node) int64 { return int64(n.Group) })
	b = append(b, `,"l":[`...)
	for k := range nodes {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonw.String(b, nodes[k].Label)
	}
	b = append(b, ']')
	col("i", func(n *graph.Node) int64 { return int64(n.Element) })
	col("m", func(n *graph.Node) int64 { return int64(n.Module) })
	col("w", func(n *graph.Node) int64 { return int64(n.Count) })
	col("f", func(n *graph.Node) int64 { return int64(n.Flags) })
	col("t", func(n *graph.Node) int64 { return n.First })
	b = append(b, `,"e0":`...)
	b = jsonw.Int(b, int64(e0))
	b = append(b, `,"ne":`...)
	b = jsonw.Int(b, int64(len(edges)))
	for side, name := range []string{"a", "b"} {
		b = append(b, `,"`...)
		b = append(b, name...)
		b = append(b, `":[`...)
		for k, e := range edges {
			if k > 0 {
				b = append(b, ',')
			}
			b = jsonw.Int(b, int64(e[side]))
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	return append(b, suffix...)
}

// The tree files: every element's source and type, for the discovery-path
// views (the data of the elements on a path comes from their element
// chunks, which the page loads as needed).
const (
	// TreeFile lists the tree's data files and the type slugs they refer to.
	TreeFile = "tree.js"
	// TreeRows is the most elements a tree data file holds.
	TreeRows = 100_000
)

// TreeChunk is the name of tree data file seq.
func TreeChunk(seq int) string { return "tree-" + strconv.Itoa(seq) + ".js" }

// treeManifest encodes tree.js for the chunk versions ver.
func treeManifest(b []byte, s *model.Scan, ver []int) []byte {
	b = append(b, prefix...)
	b = append(b, `{"k":"tree","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"n":`...)
	b = jsonw.Int(b, int64(len(s.Elements)))
	b = append(b, `,"types":[`...)
	for i, t := range s.Types {
		if i > 0 {
			b = append(b, ',')
		}
		if t.Code == scan.RootID {
			b = append(b, `""`...)
		} else {
			b = jsonw.String(b, t.Slug)
		}
	}
	b = append(b, `],"chunks":[`...)
	for seq := range treeChunks(len(s.Elements)) {
		s0, s1 := span(seq, TreeRows, len(s.Elements))
		if seq > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"f":`...)
		b = jsonw.String(b, TreeChunk(seq))
		b = append(b, `,"n":`...)
		b = jsonw.Int(b, int64(s1-s0))
		b = append(b, `,"s":`...)
		b = jsonw.Int(b, int64(s0))
		if seq < len(ver) && ver[seq] > 0 {
			b = append(b, `,"v":`...)
			b = jsonw.Int(b, int64(ver[seq]))
		}
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	return append(b, suffix...)
}

func treeChunks(n int) int { return (n + TreeRows - 1) / TreeRows }

// treeChunk encodes tree data file seq: the source ("p", -1 for ROOT) and
// the type ("t", an index into tree.js's types) of each of its elements.
func treeChunk(b []byte, s *model.Scan, seq int) []byte {
	s0, s1 := span(seq, TreeRows, len(s.Elements))
	els := s.Elements[s0:s1]
	b = append(b, prefix...)
	b = append(b, `{"k":"tree-part","scan":`...)
	b = jsonw.String(b, s.Meta.ID)
	b = append(b, `,"seq":`...)
	b = jsonw.Int(b, int64(seq))
	b = append(b, `,"s":`...)
	b = jsonw.Int(b, int64(s0))
	b = append(b, `,"n":`...)
	b = jsonw.Int(b, int64(len(els)))
	b = append(b, `,"p":[`...)
	for k := range els {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonw.Int(b, int64(els[k].Source))
	}
	b = append(b, `],"t":[`...)
	for k := range els {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonw.Int(b, int64(els[k].Type))
	}
	b = append(b, "]}"...)
	return append(b, suffix...)
}

// WriteTree writes tree.js and the tree data files seqs (all when nil)
// with the versions ver (nil: all 0).
func WriteTree(s *model.Scan, seqs []int, ver []int, buf []byte, out Out) ([]byte, error) {
	b := buf[:0]
	if seqs == nil {
		for seq := range treeChunks(len(s.Elements)) {
			seqs = append(seqs, seq)
		}
	}
	for _, seq := range seqs {
		b = treeChunk(b[:0], s, seq)
		if err := out(TreeChunk(seq), b); err != nil {
			return b, err
		}
	}
	b = treeManifest(b[:0], s, ver)
	return b, out(TreeFile, b)
}

// WriteGraphs lays out the scan's graph from its entity graph g (the build
// shares one with the GEXF download) and writes every graph and tree file,
// as a build does.
func WriteGraphs(s *model.Scan, g *entity.Graph, o graph.Options, buf []byte, out Out) ([]byte, error) {
	buf, err := WriteGraph(s, graph.ComputeFrom(s, g, o), o.GEXFVersion, 0, buf, out)
	if err != nil {
		return buf, err
	}
	return WriteTree(s, nil, nil, buf, out)
}

// GraphLive keeps one scan's graph files up to date while the scan is written
// (the preview server). The tree files take each update at once, rewriting
// only the files whose elements arrived or changed source. The graph is
// laid out again from scratch (the layout is deterministic, so a page that
// reloads sees what a page that followed the updates sees): at once for a
// scan of at most GraphLiveElements elements, otherwise at most every
// GraphLiveInterval (Flush), since a million-element scan takes a few hundred
// milliseconds to lay out. The zero GraphLive is ready; it is not safe for
// concurrent use (generator.Live holds its lock).
type GraphLive struct {
	gen     int       // the graph files' version
	parents []int32   // each element's source as the tree files have it
	ver     []int     // each tree file's version
	stale   bool      // the graph files are behind the scan
	written time.Time // when the graph files were last written
}

// GraphLive update pacing.
const (
	GraphLiveElements = 100_000
	GraphLiveInterval = 10 * time.Second
)

// Update brings the files up to date after the scan changed: the tree at
// once, the graph at once or later (see Live).
func (l *GraphLive) Update(s *model.Scan, o graph.Options, out Out) error {
	if err := l.tree(s, out); err != nil {
		return err
	}
	l.stale = true
	if s.Count() <= GraphLiveElements {
		return l.graph(s, o, out)
	}
	return nil
}

// Flush writes the graph of a large scan when it is behind and the last
// write is GraphLiveInterval old, or the scan has finished; it reports whether
// it wrote.
func (l *GraphLive) Flush(s *model.Scan, o graph.Options, out Out) (bool, error) {
	if !l.stale || (time.Since(l.written) < GraphLiveInterval && !s.Meta.Done()) {
		return false, nil
	}
	return true, l.graph(s, o, out)
}

// Due reports whether Flush would write the graph now.
func (l *GraphLive) Due(s *model.Scan) bool {
	return l.stale && (time.Since(l.written) >= GraphLiveInterval || s.Meta.Done())
}

// Begin is Flush for a caller that lays the graph out elsewhere (from a
// copy of the scan, without the lock updates need): it marks the graph
// written as of now and returns the version to write it with
// (WriteGraphAt). Failed marks it behind again if that write failed.
func (l *GraphLive) Begin() int {
	l.gen++
	l.stale, l.written = false, time.Now()
	return l.gen
}

// Failed marks the graph behind again after a write started by Begin
// failed.
func (l *GraphLive) Failed() { l.stale = true }

// WriteGraphAt lays out and writes the graph files of s at version gen.
func WriteGraphAt(s *model.Scan, o graph.Options, gen int, out Out) error {
	_, err := WriteGraph(s, graph.Compute(s, o), o.GEXFVersion, gen, nil, out)
	return err
}

func (l *GraphLive) graph(s *model.Scan, o graph.Options, out Out) error {
	l.gen++
	if _, err := WriteGraph(s, graph.Compute(s, o), o.GEXFVersion, l.gen, nil, out); err != nil {
		return err
	}
	l.stale, l.written = false, time.Now()
	return nil
}

// tree rewrites the tree files whose elements changed since the last
// write (every file the first time: what the build wrote is not known).
func (l *GraphLive) tree(s *model.Scan, out Out) error {
	n := len(s.Elements)
	nc := treeChunks(n)
	dirty := make([]bool, nc)
	for i := range n {
		if i >= len(l.parents) || l.parents[i] != s.Elements[i].Source {
			dirty[i/TreeRows] = true
		}
	}
	if len(l.parents) > n { // the scan was read again with fewer elements
		l.parents = l.parents[:0]
		for seq := range dirty {
			dirty[seq] = true
		}
	}
	var seqs []int
	for seq, d := range dirty {
		if d {
			seqs = append(seqs, seq)
		}
	}
	if len(seqs) == 0 {
		return nil
	}
	for len(l.ver) < nc {
		l.ver = append(l.ver, 0)
	}
	for _, seq := range seqs {
		l.ver[seq]++
	}
	if _, err := WriteTree(s, seqs, l.ver, nil, out); err != nil {
		return err
	}
	l.parents = l.parents[:0]
	for i := range s.Elements {
		l.parents = append(l.parents, s.Elements[i].Source)
	}
	return nil
}
