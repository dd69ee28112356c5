package spiderfoot

import (
	"bytes"
	"context"
	"testing"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
)

// sfGraphPairs is SpiderFoot's buildGraphData (helpers.py, NOTES.md 3.7)
// written out as it is, recursion and visited row ids (pids) included, over
// the rows a scan's GEXF export reads (false positives left out): the set
// of undirected {entity, parent} pairs.
func sfGraphPairs(s *model.Scan) map[[2]string]bool {
	type parentRow struct {
		parent string
		id     int
	}
	entities := map[string]bool{}
	parents := map[string][]parentRow{}
	for i := range s.Elements {
		e := &s.Elements[i]
		if e.Is(model.FlagFP) {
			continue
		}
		cat := s.Types[e.Type].Category
		if cat == eltypes.Entity || cat == eltypes.Internal {
			entities[e.Data] = true
		}
		src := e.Data // ROOT is its own source
		if e.Source >= 0 {
			src = s.Elements[e.Source].Data
		}
		parents[e.Data] = append(parents[e.Data], parentRow{src, i})
	}
	var next func(item string, pids map[int]bool) []string
	next = func(item string, pids map[int]bool) []string {
		var ret []string
		for _, pr := range parents[item] {
			if pids[pr.id] {
				continue
			}
			if entities[pr.parent] {
				ret = append(ret, pr.parent)
			} else {
				pids[pr.id] = true
				ret = append(ret, next(pr.parent, pids)...)
			}
		}
		return ret
	}
	mapping := map[[2]string]bool{}
	add := func(a, b string) {
		if a == "ROOT" || b == "ROOT" || a == b {
			return
		}
		if a > b {
			a, b = b, a
		}
		mapping[[2]string{a, b}] = true
	}
	for entity := range entities {
		for _, pr := range parents[entity] {
			if entities[pr.parent] {
				add(entity, pr.parent)
				continue
			}
			for _, p := range next(pr.parent, map[int]bool{}) {
				add(entity, p)
			}
		}
	}
	return mapping
}

// The GEXF export of an imported SpiderFoot scan has exactly the nodes and
// edges of SpiderFoot's own GEXF of the same data.
func TestGEXFMatchesSpiderFoot(t *testing.T) {
	for _, seed := range []uint64{3, 11} {
		target, evs := synthScan(4000, seed)
		rows := synthCSV(target, evs)
		// Some false positives, as analysts mark them.
		for i := range rows {
			if i%97 == 5 {
				rows[i][4] = "1"
			}
		}
		root := t.TempDir()
		sum, err := ImportCSV(context.Background(), bytes.NewReader(pythonCSV(csvHeader, rows, false)), Options{ScansRoot: root, Name: "synthetic"})
		if err != nil {
			t.Fatal(err)
		}
		s := loadModel(t, root, sum.Scans[0].ID)
		g := entity.Build(s)
		got := map[[2]string]bool{}
		for _, e := range g.Edges {
			a, b := g.Nodes[e[0]].Label, g.Nodes[e[1]].Label
			if a > b {
				a, b = b, a
			}
			if got[[2]string{a, b}] {
				t.Errorf("edge %q–%q twice", a, b)
			}
			got[[2]string{a, b}] = true
		}
		want := sfGraphPairs(s)
		missing, extra := 0, 0
		for k := range want {
			if !got[k] {
				missing++
			}
		}
		for k := range got {
			if !want[k] {
				extra++
			}
		}
		t.Logf("seed %d: %d nodes, %d edges; SpiderFoot's: %d edges", seed, len(g.Nodes), len(got), len(want))
		if missing > 0 || extra > 0 {
			t.Errorf("seed %d: %d of SpiderFoot's edges missing, %d extra", seed, missing, extra)
		}
	}
}
