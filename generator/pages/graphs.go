package pages

import (
	"sort"

	"github.com/scanreport/scanreport/generator/model"
)

// The graph views of a scan (docs/graphs.md): the network graph and the
// Visualise page (bubble charts and discovery paths of a type, and the
// discovery path of one element). Both pages are frames the browser fills
// from the scan's data files (data/graph.js, data/tree.js and the element
// chunks), so they do not change as elements arrive.
const (
	GraphPage     = "graph.html"
	VisualisePage = "visualise.html"
)

// Search scope of the graph page's search box: it highlights the matching
// nodes in place.
const SearchGraph = "graph"

// GraphView is scans/<id>/graph.html.
type GraphView struct {
	Page
	GEXF *Download // the scan's GEXF download, URL relative to the page
}

// VisualiseView is scans/<id>/visualise.html.
type VisualiseView struct {
	Page
	Types []TypeRow // the scan's element types, by description
}

// graphPages renders graph.html and visualise.html of a scan.
func (r *Renderer) graphPages(s *model.Scan, dir string, out Out) error {
	rel := dir + GraphPage
	g := GraphView{Page: r.scanPage(s, rel, "graph", "graph", "Graph")}
	g.Crumbs = append(g.Crumbs, Crumb{Label: "Graph"})
	g.Search = &SearchBox{Scope: SearchGraph, Label: "Search the graph's nodes",
		Placeholder: "Search the graph: value, *wildcard*, /regex/"}
	for i := range g.Scan.Downloads {
		if d := &g.Scan.Downloads[i]; d.Format == FormatGEXF {
			g.GEXF = d
		}
	}
	if err := r.render(out, rel, "graph", g); err != nil {
		return err
	}
	rel = dir + VisualisePage
	v := VisualiseView{Page: r.scanPage(s, rel, "visualise", "visualise", "Visualise")}
	v.Crumbs = append(v.Crumbs, Crumb{Label: "Visualise"})
	for _, t := range visibleTypes(s) {
		v.Types = append(v.Types, typeRow(t, ""))
	}
	sort.SliceStable(v.Types, func(i, j int) bool {
		a, b := v.Types[i], v.Types[j]
		return a.Descr < b.Descr || a.Descr == b.Descr && a.Code < b.Code
	})
	return r.render(out, rel, "visualise", v)
}
