package graph

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

func TestSpanningTree(t *testing.T) {
	// 0 → 1 → 3, 0 → 2 → 3 (3 reached first from 1), 4 unreachable with
	// child 5, 6 → 6 (a self loop, unreachable).
	edges := [][2]int32{{0, 1}, {0, 2}, {1, 3}, {2, 3}, {4, 5}, {6, 6}}
	tr := SpanningTree(7, edges, 0)
	wantParent := []int32{-1, 0, 0, 1, 0, 4, 0}
	wantDepth := []int32{0, 1, 1, 2, 1, 2, 1}
	for i := range wantParent {
		if tr.Parent[i] != wantParent[i] || tr.Depth[i] != wantDepth[i] {
			t.Errorf("node %d: parent %d depth %d; want %d %d", i, tr.Parent[i], tr.Depth[i], wantParent[i], wantDepth[i])
		}
	}
	if len(tr.Order) != 7 || tr.Order[0] != 0 {
		t.Errorf("order %v", tr.Order)
	}
	seen := map[int32]bool{}
	for _, v := range tr.Order {
		if p := tr.Parent[v]; p >= 0 && !seen[p] {
			t.Errorf("node %d comes before its parent %d", v, p)
		}
		seen[v] = true
	}
}

func TestRadial(t *testing.T) {
	// A star of 2,000 leaves and a chain: every node placed, the root at the
	// centre, depths in order of radius, the same positions every time.
	var edges [][2]int32
	n := int32(2000)
	for i := int32(1); i < n; i++ {
		edges = append(edges, [2]int32{0, i})
	}
	edges = append(edges, [2]int32{1, n}, [2]int32{n, n + 1})
	tr := SpanningTree(int(n+2), edges, 0)
	group := make([]int32, n+2)
	xs, ys := Radial(tr, group)
	xs2, ys2 := Radial(tr, group)
	for i := range xs {
		if xs[i] != xs2[i] || ys[i] != ys2[i] {
			t.Fatal("two layouts of the same graph differ")
		}
	}
	if xs[0] != 0 || ys[0] != 0 {
		t.Errorf("the root is at %d,%d", xs[0], ys[0])
	}
	r := func(i int32) float64 { return math.Hypot(float64(xs[i]), float64(ys[i])) }
	if !(r(n) > r(1) && r(n+1) > r(n)) {
		t.Errorf("radii along the chain: %.0f %.0f %.0f", r(1), r(n), r(n+1))
	}
	// Leaves of the star spread over the disc: few share a position.
	pos := map[[2]int32]int{}
	for i := int32(1); i < n; i++ {
		pos[[2]int32{xs[i], ys[i]}]++
	}
	if len(pos) < int(n)*9/10 {
		t.Errorf("%d distinct positions for %d leaves", len(pos), n-1)
	}
}

// writeSample writes and loads a sample scan of n elements.
func writeSample(t testing.TB, n, fps int) *model.Scan {
	t.Helper()
	dir := t.TempDir()
	id := fmt.Sprintf("g%d", n)
	if err := sample.Write(dir, sample.Options{ID: id, Name: "graph test", Target: "graph.example", Elements: n, Seed: 7,
		Status: scan.StatusFinished, FalsePositives: fps, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return loadTestScan(t, dir, id)
}

func TestComputeMatchesEntityGraph(t *testing.T) {
	s := writeSample(t, 3000, 5)
	eg := entity.Build(s)
	d := Compute(s, Options{})
	if len(d.Nodes) != len(eg.Nodes) || len(d.Edges) != len(eg.Edges) || d.Grouped != 0 || d.Total != len(eg.Nodes) {
		t.Fatalf("drawn %d nodes %d edges (grouped %d); entity graph %d, %d", len(d.Nodes), len(d.Edges), d.Grouped, len(eg.Nodes), len(eg.Edges))
	}
	for k, n := range d.Nodes {
		if n.Label != eg.Nodes[k].Label || n.Element != eg.Nodes[k].Element || n.Count != eg.Nodes[k].Count {
			t.Fatalf("node %d: %q/%d/%d; entity graph %q/%d/%d", k, n.Label, n.Element, n.Count, eg.Nodes[k].Label, eg.Nodes[k].Element, eg.Nodes[k].Count)
		}
		if (n.Flags&FlagTarget != 0) != eg.Nodes[k].Target {
			t.Errorf("node %d: target flag", k)
		}
		if d.Legend[n.Group].Code != eg.Nodes[k].Type && !(eg.Nodes[k].Target && d.Legend[n.Group].Code == TargetCode) {
			t.Errorf("node %d of type %s in legend entry %s", k, eg.Nodes[k].Type, d.Legend[n.Group].Code)
		}
	}
	if d.Legend[0].Code != TargetCode || d.Legend[0].Color != TargetColor {
		t.Errorf("first legend entry %+v, want the target", d.Legend[0])
	}
	sum := 0
	for _, e := range d.Legend {
		sum += e.Drawn
		if e.Code != TargetCode && (e.Slug == "" || e.Descr == "") {
			t.Errorf("legend entry %+v without a type page or description", e)
		}
	}
	if sum != len(d.Nodes) {
		t.Errorf("legend counts %d nodes of %d", sum, len(d.Nodes))
	}
}

func TestComputeCap(t *testing.T) {
	s := writeSample(t, 5000, 0)
	eg := entity.Build(s)
	const limit = 120
	d := Compute(s, Options{MaxNodes: limit})
	if len(eg.Nodes) <= limit {
		t.Fatalf("the sample has only %d nodes", len(eg.Nodes))
	}
	if len(d.Nodes) > limit {
		t.Errorf("%d nodes drawn, cap %d", len(d.Nodes), limit)
	}
	groups, kept, inGroups := 0, 0, 0
	for _, n := range d.Nodes {
		if n.Flags&FlagGroup != 0 {
			groups++
			inGroups += n.Count
			if n.Element != -1 || !strings.HasPrefix(n.Label, "+") {
				t.Errorf("group node %+v", n)
			}
		} else {
			kept++
		}
	}
	if groups == 0 || inGroups != d.Grouped || kept+d.Grouped != len(eg.Nodes) {
		t.Errorf("%d kept + %d grouped (in %d group nodes, which say %d) != %d nodes", kept, d.Grouped, groups, inGroups, len(eg.Nodes))
	}
	last := d.Legend[len(d.Legend)-1]
	if last.Code != GroupCode || last.Drawn != groups || last.All != d.Grouped {
		t.Errorf("legend's last entry %+v; %d group nodes for %d nodes", last, groups, d.Grouped)
	}
	// Every group node hangs under a kept node; every edge joins drawn nodes.
	parents := map[int32]int{}
	for _, e := range d.Edges {
		if int(e[0]) >= len(d.Nodes) || int(e[1]) >= len(d.Nodes) {
			t.Fatalf("edge %v out of range", e)
		}
		if d.Nodes[e[1]].Flags&FlagGroup != 0 {
			parents[e[1]]++
			if d.Nodes[e[0]].Flags&FlagGroup != 0 {
				t.Errorf("a group under a group")
			}
		}
	}
	for i, n := range d.Nodes {
		if n.Flags&FlagGroup != 0 && parents[int32(i)] != 1 {
			t.Errorf("group node %d has %d parents", i, parents[int32(i)])
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	s := writeSample(b, 200_000, 0)
	b.ResetTimer()
	for range b.N {
		d := Compute(s, Options{})
		if len(d.Nodes) == 0 {
			b.Fatal("no nodes")
		}
	}
}

// BenchmarkEntityBuild1M is building the entity graph of a 1,000,000-element
// scan: the work the build now does once per scan instead of twice (the
// graph job and the GEXF download shared none before).
func BenchmarkEntityBuild1M(b *testing.B) {
	s := writeSample(b, 1_000_000, 0)
	b.ResetTimer()
	for range b.N {
		if g := entity.Build(s); len(g.Nodes) == 0 {
			b.Fatal("no nodes")
		}
	}
}
