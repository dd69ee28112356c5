package graph

import (
	"strconv"
	"time"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/jsonw"
)

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
		if isRoot(t) {
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

// Write computes the scan's graph and writes every graph and tree file, as
// a build does.
func Write(s *model.Scan, o Options, buf []byte, out Out) ([]byte, error) {
	return WriteFrom(s, entity.Build(s), o, buf, out)
}

// WriteFrom is Write for the entity graph g of s already built (the build
// shares one with the GEXF download).
func WriteFrom(s *model.Scan, g *entity.Graph, o Options, buf []byte, out Out) ([]byte, error) {
	buf, err := WriteGraph(s, ComputeFrom(s, g, o), o.GEXFVersion, 0, buf, out)
	if err != nil {
		return buf, err
	}
	return WriteTree(s, nil, nil, buf, out)
}

// Live keeps one scan's graph files up to date while the scan is written
// (the preview server). The tree files take each update at once, rewriting
// only the files whose elements arrived or changed source. The graph is
// laid out again from scratch (the layout is deterministic, so a page that
// reloads sees what a page that followed the updates sees): at once for a
// scan of at most LiveElements elements, otherwise at most every
// LiveInterval (Flush), since a million-element scan takes a few hundred
// milliseconds to lay out. The zero Live is ready; it is not safe for
// concurrent use (generator.Live holds its lock).
type Live struct {
	gen     int       // the graph files' version
	parents []int32   // each element's source as the tree files have it
	ver     []int     // each tree file's version
	stale   bool      // the graph files are behind the scan
	written time.Time // when the graph files were last written
}

// Live update pacing.
const (
	LiveElements = 100_000
	LiveInterval = 10 * time.Second
)

// Update brings the files up to date after the scan changed: the tree at
// once, the graph at once or later (see Live).
func (l *Live) Update(s *model.Scan, o Options, out Out) error {
	if err := l.tree(s, out); err != nil {
		return err
	}
	l.stale = true
	if s.Count() <= LiveElements {
		return l.graph(s, o, out)
	}
	return nil
}

// Flush writes the graph of a large scan when it is behind and the last
// write is LiveInterval old, or the scan has finished; it reports whether
// it wrote.
func (l *Live) Flush(s *model.Scan, o Options, out Out) (bool, error) {
	if !l.stale || (time.Since(l.written) < LiveInterval && !s.Meta.Done()) {
		return false, nil
	}
	return true, l.graph(s, o, out)
}

// Due reports whether Flush would write the graph now.
func (l *Live) Due(s *model.Scan) bool {
	return l.stale && (time.Since(l.written) >= LiveInterval || s.Meta.Done())
}

// Begin is Flush for a caller that lays the graph out elsewhere (from a
// copy of the scan, without the lock updates need): it marks the graph
// written as of now and returns the version to write it with
// (WriteGraphAt). Failed marks it behind again if that write failed.
func (l *Live) Begin() int {
	l.gen++
	l.stale, l.written = false, time.Now()
	return l.gen
}

// Failed marks the graph behind again after a write started by Begin
// failed.
func (l *Live) Failed() { l.stale = true }

// WriteGraphAt lays out and writes the graph files of s at version gen.
func WriteGraphAt(s *model.Scan, o Options, gen int, out Out) error {
	_, err := WriteGraph(s, Compute(s, o), o.GEXFVersion, gen, nil, out)
	return err
}

func (l *Live) graph(s *model.Scan, o Options, out Out) error {
	l.gen++
	if _, err := WriteGraph(s, Compute(s, o), o.GEXFVersion, l.gen, nil, out); err != nil {
		return err
	}
	l.stale, l.written = false, time.Now()
	return nil
}

// tree rewrites the tree files whose elements changed since the last
// write (every file the first time: what the build wrote is not known).
func (l *Live) tree(s *model.Scan, out Out) error {
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
