package exports

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
)

// Graph is a scan's entity graph as SpiderFoot builds it for its graph view
// and GEXF export: one node per distinct data value of ENTITY (and ROOT's
// INTERNAL) elements, edges by value as SpiderFoot draws them (valueEdges),
// false positives left out.
type Graph struct {
	Nodes []Node
	Edges [][2]int32 // parent node, child node
}

// Node is one entity value.
type Node struct {
	Label     string
	Type      string // type code of its first element
	Category  string
	Module    string // module of its first element
	FirstSeen int64  // Unix ms
	Risky     bool   // one of its elements, or a non-entity element below it, is risky
	Count     int    // elements with this value
	Target    bool
	Element   int32 // index of its first element (ROOT for the target)
}

func isEntity(cat string) bool { return cat == eltypes.Entity || cat == eltypes.Internal }

// EntityGraph builds the graph of a scan.
func EntityGraph(s *model.Scan) *Graph {
	g := &Graph{}
	n := len(s.Elements)
	node := make([]int32, n) // element → node, -1 when not an entity
	byValue := map[string]int32{}
	for i := range n {
		e := &s.Elements[i]
		t := s.Types[e.Type]
		if !isEntity(t.Category) || e.Is(model.FlagFP) {
			node[i] = -1
			continue
		}
		id, ok := byValue[e.Data]
		if !ok {
			id = int32(len(g.Nodes))
			byValue[e.Data] = id
			g.Nodes = append(g.Nodes, Node{Label: e.Data, Type: t.Code, Category: t.Category, Module: s.Modules[e.Module],
				FirstSeen: e.Generated, Target: e.Data == s.Meta.Target || i == 0, Element: int32(i)})
		}
		nd := &g.Nodes[id]
		nd.Count++
		nd.Risky = nd.Risky || e.Is(model.FlagRisky)
		if e.Generated > 0 && (nd.FirstSeen == 0 || e.Generated < nd.FirstSeen) {
			nd.FirstSeen = e.Generated
		}
		node[i] = id
	}
	// anc[i] is the node of element i's nearest entity ancestor (-1: none).
	const unknown = -2
	anc := make([]int32, n)
	for i := range anc {
		anc[i] = unknown
	}
	var stack []int32
	ancestor := func(i int32) int32 {
		for j := i; anc[j] == unknown; {
			stack = append(stack, j)
			src := s.Elements[j].Source
			if src < 0 {
				break
			}
			if node[src] >= 0 {
				anc[j] = node[src]
				break
			}
			if anc[src] != unknown {
				anc[j] = anc[src]
				break
			}
			j = src
		}
		// Unwind: each element on the path takes what its parent resolved to.
		for k := len(stack) - 1; k >= 0; k-- {
			j := stack[k]
			if anc[j] == unknown {
				src := s.Elements[j].Source
				if src < 0 {
					anc[j] = -1
				} else if node[src] >= 0 {
					anc[j] = node[src]
				} else {
					anc[j] = anc[src]
				}
			}
		}
		stack = stack[:0]
		return anc[i]
	}
	for i := range n {
		// A risky descriptor (a blacklisting, a vulnerability) makes the
		// entity it describes risky.
		if e := &s.Elements[i]; node[i] < 0 && e.Is(model.FlagRisky) && !e.Is(model.FlagFP) {
			if a := ancestor(int32(i)); a >= 0 {
				g.Nodes[a].Risky = true
			}
		}
	}
	g.Edges = valueEdges(s, byValue)
	return g
}

// valueEdges links the nodes as SpiderFoot's buildGraphData does
// (helpers.py), by value, so that the graph has exactly the edges of
// SpiderFoot's: for every element (not a false positive) whose value is a
// node, whatever its own type, the value of its source is followed: a node
// value gives an edge; any other value is followed further through every
// element that has that value (not only the source element), until node
// values are reached. Pairs are undirected (networkx.Graph): one edge per
// pair of nodes, none from a node to itself, none with the value "ROOT". The
// edge is directed from the parent found first to the child.
func valueEdges(s *model.Scan, byValue map[string]int32) [][2]int32 {
	n := len(s.Elements)
	// Values as numbers; the node of each value (-1: not a node).
	vid := make([]int32, n)
	ids := make(map[string]int32, n) // sized once: growing it cost more than filling it
	var nodeOf []int32
	for i := range n {
		d := s.Elements[i].Data
		v, ok := ids[d]
		if !ok {
			v = int32(len(nodeOf))
			ids[d] = v
			nd, isNode := byValue[d]
			if !isNode || d == "ROOT" { // SpiderFoot skips pairs with the value "ROOT"
				nd = -1
			}
			nodeOf = append(nodeOf, nd)
		}
		vid[i] = v
	}
	// The elements (not false positives) of each value, CSR.
	start := make([]int32, len(nodeOf)+1)
	for i := range n {
		if !s.Elements[i].Is(model.FlagFP) {
			start[vid[i]+1]++
		}
	}
	for v := range nodeOf {
		start[v+1] += start[v]
	}
	rows := make([]int32, start[len(nodeOf)])
	fill := append([]int32(nil), start[:len(nodeOf)]...)
	for i := range n {
		if !s.Elements[i].Is(model.FlagFP) {
			rows[fill[vid[i]]] = int32(i)
			fill[vid[i]]++
		}
	}
	srcValue := func(i int32) int32 {
		if src := s.Elements[i].Source; src >= 0 {
			return vid[src]
		}
		return vid[i] // ROOT is its own source
	}
	// reach: the nodes reachable from a value that is not a node, memoised
	// for every value on the way. A value met again while its own reach is
	// being worked out (a loop of values) adds nothing more.
	memo := make([][]int32, len(nodeOf))
	state := make([]uint8, len(nodeOf)) // 0 new, 1 in progress, 2 done
	var reach func(p int32) []int32
	reach = func(p int32) []int32 {
		if state[p] != 0 {
			return memo[p]
		}
		state[p] = 1
		var out []int32
		var found map[int32]bool
		put := func(id int32) {
			if found == nil {
				found = make(map[int32]bool, len(out)+1)
				for _, x := range out {
					found[x] = true
				}
			}
			if !found[id] {
				found[id] = true
				out = append(out, id)
			}
		}
		for _, r := range rows[start[p]:start[p+1]] {
			q := srcValue(r)
			if nd := nodeOf[q]; nd >= 0 {
				put(nd)
				continue
			}
			for _, id := range reach(q) {
				put(id)
			}
		}
		state[p] = 2
		memo[p] = out
		return out
	}
	var edges [][2]int32
	seen := map[[2]int32]bool{}
	add := func(parent, child int32) {
		if parent == child {
			return
		}
		k := [2]int32{min(parent, child), max(parent, child)}
		if seen[k] {
			return
		}
		seen[k] = true
		edges = append(edges, [2]int32{parent, child})
	}
	for i := range n {
		child := nodeOf[vid[i]]
		if child < 0 || s.Elements[i].Is(model.FlagFP) {
			continue
		}
		p := srcValue(int32(i))
		if nd := nodeOf[p]; nd >= 0 {
			add(nd, child)
			continue
		}
		for _, id := range reach(p) {
			add(id, child)
		}
	}
	return edges
}

// GEXF versions.
const (
	GEXF12 = "1.2draft"
	GEXF13 = "1.3"
)

// WriteGEXF writes the scan's entity graph. version is GEXF12 (the default
// SpiderFoot, Gephi and every NetworkX read) or GEXF13. Characters XML
// forbids are dropped, so the file always parses.
func WriteGEXF(w io.Writer, s *model.Scan, version string) error {
	return WriteGraphGEXF(w, EntityGraph(s), version, s.Meta.Name, dateOf(s))
}

func dateOf(s *model.Scan) string {
	for _, t := range []int64{s.Meta.Ended.UnixMilli(), s.Meta.Started.UnixMilli(), s.Meta.Created.UnixMilli()} {
		if t > 0 {
			return model.Time(t).Format("2006-01-02")
		}
	}
	return "2000-01-01"
}

// WriteGraphGEXF writes g as GEXF.
func WriteGraphGEXF(w io.Writer, g *Graph, version, description, date string) error {
	ns, vizNS, ver := "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2"
	if version == GEXF13 {
		ns, vizNS, ver = "http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3"
	}
	b := make([]byte, 0, 64<<10)
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	b = append(b, `<gexf xmlns="`+ns+`" xmlns:viz="`+vizNS+`" version="`+ver+`">`+"\n"...)
	b = append(b, `  <meta lastmodifieddate="`+date+`"><creator>scanreport</creator><description>`...)
	b = appendXML(b, description)
	b = append(b, "</description></meta>\n"...)
	b = append(b, `  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="type" title="type" type="string"/>
      <attribute id="category" title="category" type="string"/>
      <attribute id="module" title="module" type="string"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="risky" title="risky" type="boolean"/>
      <attribute id="elements" title="elements" type="integer"/>
    </attributes>
    <nodes>
`...)
	for i, nd := range g.Nodes {
		b = append(b, `      <node id="n`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `" label="`...)
		b = appendXML(b, nd.Label)
		b = append(b, `"><attvalues><attvalue for="type" value="`...)
		b = appendXML(b, nd.Type)
		b = append(b, `"/><attvalue for="category" value="`...)
		b = appendXML(b, nd.Category)
		b = append(b, `"/><attvalue for="module" value="`...)
		b = appendXML(b, nd.Module)
		b = append(b, `"/><attvalue for="first_seen" value="`...)
		if t := model.Time(nd.FirstSeen); !t.IsZero() {
			b = t.AppendFormat(b, "2006-01-02T15:04:05Z07:00")
		}
		b = append(b, `"/><attvalue for="risky" value="`...)
		b = strconv.AppendBool(b, nd.Risky)
		b = append(b, `"/><attvalue for="elements" value="`...)
		b = strconv.AppendInt(b, int64(nd.Count), 10)
		b = append(b, `"/></attvalues>`...)
		r, gr, bl := nodeColor(nd)
		b = append(b, `<viz:color r="`...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, `" g="`...)
		b = strconv.AppendInt(b, int64(gr), 10)
		b = append(b, `" b="`...)
		b = strconv.AppendInt(b, int64(bl), 10)
		b = append(b, `" a="1.0"/></node>`+"\n"...)
		if len(b) > 60<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, "    </nodes>\n    <edges>\n"...)
	for i, e := range g.Edges {
		b = append(b, `      <edge id="`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `" source="n`...)
		b = strconv.AppendInt(b, int64(e[0]), 10)
		b = append(b, `" target="n`...)
		b = strconv.AppendInt(b, int64(e[1]), 10)
		b = append(b, "\"/>\n"...)
		if len(b) > 60<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, "    </edges>\n  </graph>\n</gexf>\n"...)
	_, err := w.Write(b)
	return err
}

// nodeColor: the target red, risky values orange, other entities blue.
func nodeColor(n Node) (r, g, b int) {
	switch {
	case n.Target:
		return 255, 0, 0
	case n.Risky:
		return 255, 140, 0
	}
	return 31, 119, 180
}

// appendXML appends s escaped for XML text and attribute values, dropping
// characters XML 1.0 does not allow (most control characters, lone
// surrogates, U+FFFE and U+FFFF) and invalid UTF-8.
func appendXML(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&quot;"...)
			case c == '\'':
				b = append(b, "&apos;"...)
			case c == '\t':
				b = append(b, "&#9;"...)
			case c == '\n':
				b = append(b, "&#10;"...)
			case c == '\r':
				b = append(b, "&#13;"...)
			case c < 0x20:
				// not allowed in XML 1.0: dropped
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size > 1) && xmlChar(r) {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

func xmlChar(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
