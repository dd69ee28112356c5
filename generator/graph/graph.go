// Package graph lays out the report's graph views (docs/graphs.md): the
// scan's entity graph (entity.Build: SpiderFoot's graph, false positives
// left out) laid out at build time on rings around the target, capped at
// MaxNodes drawn nodes. The browser draws and never lays out a large graph
// itself. The layout (Drawn) is written into data files by package chunks
// (graph.js and its parts, beside the tree files of every element's
// source).
package graph

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/model"
)

// Limits.
const (
	// MaxNodes is the most nodes drawn. A larger graph keeps the nodes
	// nearest the target and stands for the rest with one "more" node per
	// parent (see Compute).
	MaxNodes = 100_000
	// MaxLabel is how much of a value a node's label keeps, in bytes; the
	// whole value is in the element table the node links to.
	MaxLabel = 300
)

// Node flags in the data files.
const (
	FlagTarget = 1 // the scan's target
	FlagRisky  = 2 // a risky element has this value, or describes it
	FlagGroup  = 4 // a "more" node standing for nodes not drawn
	FlagCut    = 8 // the label is cut at MaxLabel
)

// Options configure Compute.
type Options struct {
	// MaxNodes caps the nodes drawn; 0 means MaxNodes.
	MaxNodes int
	// GEXFVersion is the version of the scan's GEXF download, which the
	// page's "GEXF of what is shown" follows.
	GEXFVersion string
}

// Drawn is the graph as the page draws it.
type Drawn struct {
	Nodes  []Node
	Edges  [][2]int32 // source node, target node
	Legend []Entry
	// Total and TotalEdges count the entity graph; Grouped counts its
	// nodes that are not drawn (they are inside "more" nodes).
	Total, TotalEdges, Grouped int
	Max                        int // the cap applied
}

// Node is one drawn node.
type Node struct {
	X, Y    int32 // layout units
	Size    int32 // tenths of a pixel at the default zoom
	Group   int32 // legend entry
	Label   string
	Element int32 // first element with the value; -1 for a "more" node
	Module  int32 // module of that element (manifest.modules); -1 for none
	Count   int   // elements with the value; for a "more" node, the nodes it stands for
	Flags   uint8
	First   int64 // first seen, Unix ms
}

// Entry is one legend entry: a node type (its first element's type), the
// target, or the "more" nodes.
type Entry struct {
	Code, Slug, Descr, Cat, Color string
	Drawn, All                    int // nodes drawn, nodes in the entity graph
}

// Legend codes that are not element types.
const (
	TargetCode = "ROOT"
	GroupCode  = "" // the "more" nodes
)

// Colours: the target red as in SpiderFoot, the "more" nodes grey, node
// types from a 32-colour categorical palette, in legend order (largest
// type first), repeating beyond its length. The palette was chosen for
// many classes: greedily, each colour the sRGB colour (of a 17-step grid,
// CIELAB lightness 30–82, chroma ≥ 22) farthest by CIEDE2000 from the
// target red, the grey, the white background and the colours before it,
// so every prefix is as distinct as it can be. palette_test.go measures
// the minimum pairwise distance of the types shown at once
// (docs/graphs.md): 26.7 for 8 types, 19.2 for 20, 17.5 for 24, 15.3 for
// 32 (the previous palette: 3.9 from 20 types on).
const (
	TargetColor = "#e0301e"
	GroupColor  = "#9aa0a6"
)

var palette = []string{
	"#005500", "#1100ee", "#00cc00", "#ddaa00", "#dd1199", "#664411", "#007777", "#ffaabb",
	"#00ddcc", "#554466", "#0077cc", "#778855", "#ff9966", "#882233", "#22ccff", "#8866cc",
	"#ff77ff", "#bbcc99", "#bb6600", "#ccbbee", "#aa7788", "#11aa77", "#77aaff", "#99aa00",
	"#ff5577", "#880088", "#004499", "#666600", "#5599aa", "#996655", "#008800", "#992200",
}

// Palette is the node type colours, in legend order (for the contrast
// table of docs/accessibility.md).
func Palette() []string { return append([]string(nil), palette...) }

// Compute builds the drawn graph of s: its entity graph, laid out by
// Radial over the breadth-first spanning tree from the target, capped.
func Compute(s *model.Scan, o Options) *Drawn {
	return fromGraph(s, entity.Build(s), o)
}

// ComputeFrom is Compute for the entity graph g of s already built.
func ComputeFrom(s *model.Scan, g *entity.Graph, o Options) *Drawn {
	return fromGraph(s, g, o)
}

func fromGraph(s *model.Scan, g *entity.Graph, o Options) *Drawn {
	limit := o.MaxNodes
	if limit <= 0 {
		limit = MaxNodes
	}
	n := len(g.Nodes)
	d := &Drawn{Total: n, TotalEdges: len(g.Edges), Max: limit}
	if n == 0 {
		return d
	}
	root := int32(0)
	for i, nd := range g.Nodes {
		if nd.Target {
			root = int32(i)
			break
		}
	}
	group, legend := legendOf(s, g)
	tree := SpanningTree(n, g.Edges, root)
	c := capTree(tree, n, limit, group)
	d.Grouped = c.grouped
	if len(c.groups) > 0 {
		legend = append(legend, Entry{Code: GroupCode, Descr: "More (not drawn)", Color: GroupColor})
	}
	l := layOut(g, root, group, c, int32(len(legend)-1))
	d.Nodes = drawNodes(s, g, c, l, legend)
	d.Edges = l.sub
	d.Legend = legend
	return d
}

// legendOf groups the nodes by type: one legend entry per node type,
// largest first (the target apart), coloured from the palette; group[i] is
// node i's entry.
func legendOf(s *model.Scan, g *entity.Graph) (group []int32, legend []Entry) {
	n := len(g.Nodes)
	codeIdx := map[string]int32{}
	var entries []Entry
	group = make([]int32, n)
	for i, nd := range g.Nodes {
		code := nd.Type
		if nd.Target {
			code = TargetCode
		}
		k, ok := codeIdx[code]
		if !ok {
			k = int32(len(entries))
			codeIdx[code] = k
			entries = append(entries, Entry{Code: code, Cat: nd.Category})
		}
		entries[k].All++
		group[i] = k
	}
	order := make([]int32, len(entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		ea, eb := entries[a], entries[b]
		if (ea.Code == TargetCode) != (eb.Code == TargetCode) {
			if ea.Code == TargetCode {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(eb.All, ea.All), cmp.Compare(ea.Code, eb.Code))
	})
	rank := make([]int32, len(entries))
	for r, k := range order {
		rank[k] = int32(r)
	}
	for i := range group {
		group[i] = rank[group[i]]
	}
	legend = make([]Entry, len(entries))
	for r, k := range order {
		legend[r] = entries[k]
	}
	colour := 0
	for r := range legend {
		e := &legend[r]
		if e.Code == TargetCode {
			e.Descr, e.Color = "Target", TargetColor
			continue
		}
		e.Color = palette[colour%len(palette)]
		colour++
		t := typeByCode(s, e.Code)
		if t != nil {
			e.Slug, e.Descr, e.Cat = t.Slug, t.Description, t.Category
		} else {
			e.Descr = e.Code
		}
	}
	return group, legend
}

// capped is which nodes a capped graph draws, and the "more" nodes that
// stand for the others: groups[gi] is the kept tree parent of "more" node
// gi, groupSize its node count, groupType its commonest legend entry.
type capped struct {
	keep      []bool
	groups    []int32
	groupSize []int
	groupType []int32
	grouped   int
}

// capTree keeps every node when there are at most limit, otherwise the
// nodes nearest the target in the breadth-first order of tree, with one
// "more" node under each kept parent of nodes left out, all within limit.
func capTree(tree *Tree, n, limit int, group []int32) capped {
	keep := make([]bool, n)
	var groups []int32 // tree parents (kept) of nodes not drawn
	var groupSize []int
	var groupType []int32
	grouped := 0
	if n <= limit {
		for i := range keep {
			keep[i] = true
		}
	} else {
		size := make([]int, n) // nodes in each subtree
		for q := n - 1; q >= 0; q-- {
			v := tree.Order[q]
			size[v]++
			if p := tree.Parent[v]; p >= 0 {
				size[p] += size[v]
			}
		}
		// Keep the first k nodes of the breadth-first order (the nearest
		// the target), k chosen so that they and their "more" nodes fit.
		k := limit
		for range 8 {
			clear(keep)
			for _, v := range tree.Order[:k] {
				keep[v] = true
			}
			parents := 0
			seen := map[int32]bool{}
			for _, v := range tree.Order[k:] {
				if p := tree.Parent[v]; p >= 0 && keep[p] && !seen[p] {
					seen[p] = true
					parents++
				}
			}
			if k+parents <= limit {
				break
			}
			k = max(1, limit-parents)
		}
		clear(keep)
		for _, v := range tree.Order[:k] {
			keep[v] = true
		}
		at := map[int32]int{} // kept parent → its "more" node
		typeCount := map[[2]int32]int{}
		for _, v := range tree.Order[k:] {
			p := tree.Parent[v]
			if p < 0 || !keep[p] {
				continue
			}
			gi, ok := at[p]
			if !ok {
				gi = len(groups)
				at[p] = gi
				groups = append(groups, p)
				groupSize = append(groupSize, 0)
				groupType = append(groupType, -1)
			}
			groupSize[gi] += size[v]
			typeCount[[2]int32{int32(gi), group[v]}]++
			grouped += size[v]
		}
		best := make([]int, len(groups))
		for key, c := range typeCount {
			gi := key[0]
			if c > best[gi] || c == best[gi] && key[1] < groupType[gi] {
				best[gi], groupType[gi] = c, key[1]
			}
		}
	}
	return capped{keep: keep, groups: groups, groupSize: groupSize, groupType: groupType, grouped: grouped}
}

// layout is the drawn graph laid out: kept nodes in entity-graph order
// (newID maps a node to its drawn index, -1 when not drawn), then the
// "more" nodes, each hung under its parent.
type layout struct {
	newID        []int32
	sub          [][2]int32
	subGroup     []int32
	drawn, total int
	xs, ys       []int32
}

// layOut builds the drawn graph of the kept nodes and lays it out by Radial
// over its spanning tree from the target.
func layOut(g *entity.Graph, root int32, group []int32, c capped, groupEntry int32) layout {
	n := len(g.Nodes)
	keep, groups := c.keep, c.groups
	newID := make([]int32, n)
	var sub [][2]int32
	var subGroup []int32
	drawn := 0
	for i := range n {
		newID[i] = -1
		if keep[i] {
			newID[i] = int32(drawn)
			drawn++
		}
	}
	for _, e := range g.Edges {
		if a, b := newID[e[0]], newID[e[1]]; a >= 0 && b >= 0 {
			sub = append(sub, [2]int32{a, b})
		}
	}
	total := drawn + len(groups)
	subGroup = make([]int32, total)
	for i := range n {
		if keep[i] {
			subGroup[newID[i]] = group[i]
		}
	}
	for gi, p := range groups {
		sub = append(sub, [2]int32{newID[p], int32(drawn + gi)})
		subGroup[drawn+gi] = groupEntry
	}
	lt := SpanningTree(total, sub, newID[root])
	xs, ys := Radial(lt, subGroup)
	return layout{newID: newID, sub: sub, subGroup: subGroup, drawn: drawn, total: total, xs: xs, ys: ys}
}

// drawNodes makes the drawn nodes, counting them in the legend.
func drawNodes(s *model.Scan, g *entity.Graph, c capped, l layout, legend []Entry) []Node {
	n := len(g.Nodes)
	keep, newID, subGroup, xs, ys, drawn := c.keep, l.newID, l.subGroup, l.xs, l.ys, l.drawn
	groupEntry := int32(len(legend) - 1)
	deg := make([]int32, n)
	for _, e := range g.Edges {
		deg[e[0]]++
		deg[e[1]]++
	}
	nodes := make([]Node, l.total)
	for i := range n {
		if !keep[i] {
			continue
		}
		nd := &g.Nodes[i]
		j := newID[i]
		label := nd.Label
		var flags uint8
		if len(label) > MaxLabel {
			label = cut(label, MaxLabel)
			flags |= FlagCut
		}
		if nd.Target {
			flags |= FlagTarget
		}
		if nd.Risky {
			flags |= FlagRisky
		}
		size := 20 + 16*math.Log2(1+float64(deg[i]))
		if nd.Target {
			size = max(size, 140)
		}
		mod := int32(-1)
		if e := nd.Element; e >= 0 && int(e) < len(s.Elements) {
			mod = int32(s.Elements[e].Module)
		}
		nodes[j] = Node{X: xs[j], Y: ys[j], Size: int32(math.Round(size)), Group: subGroup[j], Label: label,
			Element: nd.Element, Module: mod, Count: nd.Count, Flags: flags, First: nd.FirstSeen}
		legend[subGroup[j]].Drawn++
	}
	for gi := range c.groups {
		j := int32(drawn + gi)
		what := "nodes"
		if t := c.groupType[gi]; t >= 0 && int(t) < len(legend) {
			what = legend[t].Descr
		}
		label := "+" + strconv.Itoa(c.groupSize[gi]) + " more (" + what + ")"
		size := 20 + 12*math.Log2(1+math.Log2(1+float64(c.groupSize[gi])))
		nodes[j] = Node{X: xs[j], Y: ys[j], Size: int32(math.Round(size)), Group: groupEntry, Label: label,
			Element: -1, Module: -1, Count: c.groupSize[gi], Flags: FlagGroup}
		legend[groupEntry].Drawn++
		legend[groupEntry].All += c.groupSize[gi]
	}
	return nodes
}

// typeByCode finds a type of s by its code.
func typeByCode(s *model.Scan, code string) *model.TypeStat {
	for _, t := range s.Types {
		if t.Code == code {
			return t
		}
	}
	return nil
}

// cut shortens v to at most n bytes on a rune boundary.
func cut(v string, n int) string {
	for n > 0 && n < len(v) && v[n]&0xC0 == 0x80 {
		n--
	}
	return v[:n]
}
