package chunks

import (
	"fmt"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/graph"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// sampleScan writes and loads a sample scan of n elements.
func sampleScan(t testing.TB, n int) *model.Scan {
	t.Helper()
	dir := t.TempDir()
	id := fmt.Sprintf("g%d", n)
	if err := sample.Write(dir, sample.Options{ID: id, Name: "graph test", Target: "graph.example", Elements: n, Seed: 7,
		Status: scan.StatusFinished, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return testread.Model(t, dir, id, testread.Risky(t, nil, 100))
}

// files collects written data files.
type files map[string][]byte

func (f files) out(name string, data []byte) error {
	f[name] = append([]byte(nil), data...)
	return nil
}

func TestGraphFilesAndLive(t *testing.T) {
	s := sampleScan(t, 2000)
	f := files{}
	if _, err := WriteGraphs(s, entity.Build(s), graph.Options{GEXFVersion: "1.3"}, nil, f.out); err != nil {
		t.Fatal(err)
	}
	var gm struct {
		K, Gexf    string
		Gen, Nodes int
		Chunks     []struct {
			F       string
			N, E, V int
		}
	}
	decode(t, f[GraphFile], &gm)
	if gm.K != "graph" || gm.Gexf != "1.3" || gm.Gen != 0 || len(gm.Chunks) != 1 || gm.Chunks[0].N != gm.Nodes {
		t.Errorf("graph.js %+v", gm)
	}
	var part struct {
		K    string
		N    int
		X, I []int
		L    []string
	}
	decode(t, f[GraphChunk(0)], &part)
	if part.K != "graph-part" || part.N != gm.Nodes || len(part.X) != part.N || len(part.L) != part.N {
		t.Errorf("graph-0.js: k=%q n=%d", part.K, part.N)
	}
	var tm struct {
		K      string
		N      int
		Types  []string
		Chunks []struct {
			F       string
			N, S, V int
		}
	}
	decode(t, f[TreeFile], &tm)
	if tm.K != "tree" || tm.N != len(s.Elements) || len(tm.Types) != len(s.Types) || tm.Types[0] != "" {
		t.Errorf("tree.js k=%q n=%d types=%v", tm.K, tm.N, tm.Types)
	}

	// Live: the first update rewrites every tree file (what the build wrote
	// is not known), the next only those whose elements changed.
	var l GraphLive
	f = files{}
	if err := l.Update(s, graph.Options{}, f.out); err != nil {
		t.Fatal(err)
	}
	if f[TreeChunk(0)] == nil || f[GraphFile] == nil {
		t.Fatalf("first live update wrote %v", keys(f))
	}
	decode(t, f[GraphFile], &gm)
	if gm.Gen != 1 || gm.Chunks[0].V != 1 {
		t.Errorf("live graph.js gen %d v %d", gm.Gen, gm.Chunks[0].V)
	}
	f = files{}
	if err := l.Update(s, graph.Options{}, f.out); err != nil {
		t.Fatal(err)
	}
	if f[TreeChunk(0)] != nil {
		t.Errorf("an update with nothing new rewrote the tree")
	}
	if f[GraphFile] == nil {
		t.Errorf("a small scan's graph is not rewritten at once")
	}
	// A relinked element: its tree file is rewritten, with a new version.
	s.Elements[len(s.Elements)-1].Source = 0
	f = files{}
	if err := l.Update(s, graph.Options{}, f.out); err != nil {
		t.Fatal(err)
	}
	if f[TreeChunk(0)] == nil {
		t.Fatal("a changed source did not rewrite its tree file")
	}
	decode(t, f[TreeFile], &tm)
	if tm.Chunks[0].V != 2 {
		t.Errorf("tree file version %d after two writes", tm.Chunks[0].V)
	}
	// Flush has nothing to do for a small scan.
	if wrote, err := l.Flush(s, graph.Options{}, files{}.out); wrote || err != nil {
		t.Errorf("flush of an up-to-date graph: %v %v", wrote, err)
	}
}

func keys(f files) []string {
	var out []string
	for k := range f {
		out = append(out, k)
	}
	return out
}

// BenchmarkGraphFiles1M is the build's graph job for a 1,000,000-element
// scan: the entity graph, its layout, the graph and tree data files.
func BenchmarkGraphFiles1M(b *testing.B) {
	s := sampleScan(b, 1_000_000)
	var buf []byte
	b.ResetTimer()
	for range b.N {
		size := 0
		var err error
		buf, err = WriteGraphs(s, entity.Build(s), graph.Options{}, buf, func(name string, data []byte) error { size += len(data); return nil })
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(size)/1e6, "MB")
	}
}
