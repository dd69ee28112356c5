package graph

import (
	"math"
	"slices"
)

// Layout geometry, in layout units (the browser scales the whole drawing to
// the screen, so only ratios matter): nodes on one ring stay about Spacing
// apart, rings at least RingGap apart.
const (
	Spacing = 10.0
	RingGap = 60.0
	// Area is the room a node gets on its band, in square Spacings.
	Area = 3.0
)

// Tree is the spanning tree the layout draws: each node's parent (-1 for the
// root) and depth, and the nodes in breadth-first order from the root.
type Tree struct {
	Parent []int32
	Depth  []int32
	Order  []int32
}

// SpanningTree walks the graph breadth first from root, following edges
// from parent to child: a node's tree parent is the first node it is reached
// from, so every node sits as close to the root as the graph allows. Nodes
// the walk does not reach (other roots, cycles cut off from the root) are
// hung under the root in index order, with what hangs below them. It costs
// O(nodes + edges).
func SpanningTree(n int, edges [][2]int32, root int32) *Tree {
	t := &Tree{Parent: make([]int32, n), Depth: make([]int32, n), Order: make([]int32, 0, n)}
	if n == 0 {
		return t
	}
	start, adj := csr(n, edges)
	for i := range t.Parent {
		t.Parent[i] = -2 // not reached
	}
	visit := func(from int32, parent, depth int32) {
		t.Parent[from], t.Depth[from] = parent, depth
		t.Order = append(t.Order, from)
		for q := len(t.Order) - 1; q < len(t.Order); q++ {
			v := t.Order[q]
			for _, c := range adj[start[v]:start[v+1]] {
				if t.Parent[c] == -2 {
					t.Parent[c], t.Depth[c] = v, t.Depth[v]+1
					t.Order = append(t.Order, c)
				}
			}
		}
	}
	visit(root, -1, 0)
	for i := range int32(n) {
		if t.Parent[i] == -2 {
			visit(i, root, 1)
		}
	}
	return t
}

// csr lists each node's children (edge targets) contiguously, in edge order.
func csr(n int, edges [][2]int32) (start []int32, adj []int32) {
	start = make([]int32, n+1)
	for _, e := range edges {
		start[e[0]+1]++
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	adj = make([]int32, len(edges))
	next := slices.Clone(start[:n])
	for _, e := range edges {
		adj[next[e[0]]] = e[1]
		next[e[0]]++
	}
	return start, adj
}

// Radial places the tree's nodes on rings around the root (ring d holds
// the nodes d steps away), each node in the middle of an angular sector
// that its parent's sector shares out among its children in proportion to
// the leaves below them, so subtrees never cross. Children are ordered by
// group (the legend entry: same-coloured nodes sit together), then by index.
// Leaves that would crowd their ring are staggered outwards over a few
// sub-rings. Positions are rounded to whole layout units. It costs
// O(n log n) for the ordering, O(n) for the rest, and gives the same
// positions for the same input.
func Radial(t *Tree, group []int32) (xs, ys []int32) {
	n := len(t.Parent)
	xs, ys = make([]int32, n), make([]int32, n)
	if n == 0 {
		return xs, ys
	}
	// Tree children, ordered.
	start := make([]int32, n+1)
	for v := range n {
		if p := t.Parent[v]; p >= 0 {
			start[p+1]++
		}
	}
	for i := 1; i <= n; i++ {
		start[i] += start[i-1]
	}
	kids := make([]int32, start[n])
	next := slices.Clone(start[:n])
	for _, v := range t.Order {
		if p := t.Parent[v]; p >= 0 {
			kids[next[p]] = v
			next[p]++
		}
	}
	for v := range n {
		ks := kids[start[v]:start[v+1]]
		if len(ks) > 1 {
			slices.SortFunc(ks, func(a, b int32) int {
				if group[a] != group[b] {
					return int(group[a] - group[b])
				}
				return int(a - b)
			})
		}
	}
	// Leaves below each node.
	w := make([]float64, n)
	for q := len(t.Order) - 1; q >= 0; q-- {
		v := t.Order[q]
		if w[v] == 0 {
			w[v] = 1
		}
		if p := t.Parent[v]; p >= 0 {
			w[p] += w[v]
		}
	}
	// Sectors, top down.
	lo := make([]float64, n)
	span := make([]float64, n)
	root := t.Order[0]
	span[root] = 2 * math.Pi
	maxDepth := int32(0)
	for _, v := range t.Order {
		maxDepth = max(maxDepth, t.Depth[v])
		cur := lo[v]
		for _, c := range kids[start[v]:start[v+1]] {
			lo[c] = cur
			span[c] = span[v] * w[c] / w[v]
			cur += span[c]
		}
	}
	// Each node's rank among its parent's children.
	rank := make([]int32, n)
	for v := range n {
		for k, c := range kids[start[v]:start[v+1]] {
			rank[c] = int32(k)
		}
	}
	// Nodes by depth.
	dStart := make([]int32, maxDepth+2)
	for _, v := range t.Order {
		dStart[t.Depth[v]+1]++
	}
	for d := 1; d <= int(maxDepth)+1; d++ {
		dStart[d] += dStart[d-1]
	}
	byDepth := make([]int32, n)
	dNext := slices.Clone(dStart[:maxDepth+1])
	for _, v := range t.Order {
		byDepth[dNext[t.Depth[v]]] = v
		dNext[t.Depth[v]]++
	}
	// Rings: ring d is a band [inner, outer] whose area gives its nodes
	// about Area square Spacings each, so crowded depths get thick bands
	// and the drawing fills its disc rather than a thin circle. Children
	// that their parent's sector cannot hold side by side on the band's
	// inner edge are spread over sub-rings across the band (child k of its
	// parent on sub-ring k mod rows).
	inner := make([]float64, maxDepth+1)
	outer := make([]float64, maxDepth+1)
	for d := int32(1); d <= maxDepth; d++ {
		count := float64(dStart[d+1] - dStart[d])
		inner[d] = outer[d-1] + RingGap
		outer[d] = math.Sqrt(inner[d]*inner[d] + Area*Spacing*Spacing*count/math.Pi)
	}
	rows := make([]int32, n) // sub-rings the children of each node use
	for v := range n {
		kn := start[v+1] - start[v]
		if kn < 2 || t.Depth[v] >= maxDepth {
			continue
		}
		d := t.Depth[v] + 1
		arc := span[v] * inner[d] / float64(kn)
		if arc < Spacing {
			fit := int32((outer[d]-inner[d])/(Spacing*0.7)) + 1
			rows[v] = max(1, min(int32(math.Ceil(Spacing/arc)), fit, kn))
		}
	}
	// Angles: the middle of each node's sector; children spread over
	// sub-rings go in columns of rows[p] (one per sub-ring) that share the
	// column's mean angle, so each column is a straight spoke.
	angle := make([]float64, n)
	for v := range n {
		angle[v] = lo[v] + span[v]/2
	}
	for v := range n {
		if rows[v] <= 1 {
			continue
		}
		ks := kids[start[v]:start[v+1]]
		for c := 0; c < len(ks); c += int(rows[v]) {
			col := ks[c:min(len(ks), c+int(rows[v]))]
			a := (angle[col[0]] + angle[col[len(col)-1]]) / 2
			for _, k := range col {
				angle[k] = a
			}
		}
	}
	for _, v := range t.Order {
		d := t.Depth[v]
		if d == 0 {
			continue
		}
		r := inner[d]
		if p := t.Parent[v]; rows[p] > 1 {
			r += float64(rank[v]%rows[p]) * (outer[d] - inner[d]) / float64(rows[p]-1)
		}
		xs[v] = int32(math.Round(r * math.Cos(angle[v])))
		ys[v] = int32(math.Round(r * math.Sin(angle[v])))
	}
	return xs, ys
}
