// Package entity builds a scan's entity graph as SpiderFoot builds it for
// its graph view and GEXF export: one node per distinct value of the entity
// elements, edges by value. The graph page (generator/graph) lays it out and
// the GEXF download (generator/exports) writes it; neither imports the other.
package entity

import (
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

// Build builds the entity graph of a scan. The build computes it once per
// scan, for the graph page's data and the GEXF download both.
func Build(s *model.Scan) *Graph {
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
