package e2e

// The graph views (issue 4; docs/graphs.md) in Chromium from file://: the
// network graph (sigma.js, WebGL through SwiftShader) with its node and link
// counts against entity.Build, false positives absent, search,
// hover, click to the element, the type filter, PNG and GEXF downloads;
// Visualise (bubbles by data and by source, the discovery tree, one
// element's chain) against the model; the XSS scan in every view (TestXSS
// calls xssGraphPage); and, with SCANREPORT_BENCH=1, a 100,000-node graph.

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/graph"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// readGraph reads a scan's drawn graph back from its data files.
func readGraph(t *testing.T, site, id string) (testread.GraphManifest, []testread.GraphPart) {
	t.Helper()
	dir := filepath.Join(site, "scans", id, "data")
	var gm testread.GraphManifest
	testread.Payload(t, filepath.Join(dir, chunks.GraphFile), &gm)
	var parts []testread.GraphPart
	for _, c := range gm.Chunks {
		var p testread.GraphPart
		testread.Payload(t, filepath.Join(dir, c.F), &p)
		parts = append(parts, p)
	}
	return gm, parts
}

// fpOnlyEntities are entity values of s whose every element is a false
// positive: the graph must not have them.
func fpOnlyEntities(s *model.Scan) []string {
	fp, ok := map[string]bool{}, map[string]bool{}
	for i := range s.Elements {
		e := &s.Elements[i]
		cat := s.Types[e.Type].Category
		if cat != eltypes.Entity && cat != eltypes.Internal {
			continue
		}
		if e.Is(model.FlagFP) {
			fp[e.Data] = true
		} else {
			ok[e.Data] = true
		}
	}
	var out []string
	for v := range fp {
		if !ok[v] {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// entityGraphWithFP is the scan's entity graph as if nothing were marked
// false positive.
func entityGraphWithFP(s *model.Scan) *entity.Graph {
	c := *s
	c.Elements = slices.Clone(s.Elements)
	for i := range c.Elements {
		c.Elements[i].Flags &^= model.FlagFP
	}
	return entity.Build(&c)
}

// TestGraphDataFiles checks every scan's graph files against the model:
// the drawn graph is entity.Build (node values, links, legend
// counts), false positives are absent, positions are set, and tree.js has
// every element's source and type.
func TestGraphDataFiles(t *testing.T) {
	f := site(t)
	for _, id := range f.ids {
		t.Run(id, func(t *testing.T) {
			s := f.scan(t, id)
			eg := entity.Build(s)
			gm, parts := readGraph(t, f.Site, id)
			if gm.K != "graph" || gm.Scan != id || gm.Total != len(eg.Nodes) || gm.TotalEdges != len(eg.Edges) || gm.Grouped != 0 {
				t.Fatalf("graph.js: k=%q scan=%q total=%d/%d grouped=%d; entity graph %d nodes, %d edges",
					gm.K, gm.Scan, gm.Total, gm.TotalEdges, gm.Grouped, len(eg.Nodes), len(eg.Edges))
			}
			if gm.Nodes != len(eg.Nodes) || gm.Edges != len(eg.Edges) {
				t.Errorf("graph.js draws %d nodes and %d edges; entity graph %d and %d", gm.Nodes, gm.Edges, len(eg.Nodes), len(eg.Edges))
			}
			var labels []string
			sum := 0
			for _, p := range parts {
				labels = append(labels, p.L...)
				for k := range p.N {
					if p.F[k]&graph.FlagGroup != 0 {
						t.Errorf("a \"more\" node in a graph under the cap")
					}
					if i := p.I[k]; i < 0 || i >= len(s.Elements) || chunkTextCut(s.Elements[i].Data) != p.L[k] {
						t.Errorf("node %q: first element %d does not hold its value", p.L[k], i)
					}
				}
			}
			for _, e := range gm.Legend {
				sum += e.N
			}
			if sum != gm.Nodes {
				t.Errorf("legend counts add up to %d, %d nodes drawn", sum, gm.Nodes)
			}
			want := make([]string, len(eg.Nodes))
			for k, n := range eg.Nodes {
				want[k] = chunkTextCut(n.Label)
			}
			slices.Sort(want)
			got := slices.Clone(labels)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("node labels differ from the entity graph's values (%d vs %d)", len(got), len(want))
			}
			have := map[string]bool{}
			for _, l := range labels {
				have[l] = true
			}
			for _, v := range fpOnlyEntities(s) {
				if have[chunkTextCut(v)] {
					t.Errorf("false positive %q is a node", v)
				}
			}
			// tree.js: every element's source and type.
			var tm testread.TreeManifest
			dir := filepath.Join(f.Site, "scans", id, "data")
			testread.Payload(t, filepath.Join(dir, chunks.TreeFile), &tm)
			if tm.N != len(s.Elements) || len(tm.Types) != len(s.Types) {
				t.Fatalf("tree.js: n=%d types=%d; model %d elements, %d types", tm.N, len(tm.Types), len(s.Elements), len(s.Types))
			}
			n := 0
			for _, c := range tm.Chunks {
				var p testread.TreePart
				testread.Payload(t, filepath.Join(dir, c.F), &p)
				for k := range p.N {
					i := p.S + k
					if e := &s.Elements[i]; int32(p.P[k]) != e.Source || uint32(p.T[k]) != e.Type {
						t.Fatalf("tree: element %d has source %d type %d; model %d %d", i, p.P[k], p.T[k], e.Source, e.Type)
					}
					n++
				}
			}
			if n != len(s.Elements) {
				t.Errorf("tree files hold %d elements, model %d", n, len(s.Elements))
			}
		})
	}
}

// chunkTextCut is a value as a graph label holds it: cut at MaxLabel
// bytes, as the data files carry values.
func chunkTextCut(v string) string { return inChunk(v, graph.MaxLabel) }

// openGraph opens a scan's graph page and waits until it is drawn.
func openGraph(t *testing.T, b *browser, u string) *tab {
	t.Helper()
	p := b.open(t, u)
	p.waitFor(`document.querySelector("#graph[data-complete]") !== null`, time.Minute,
		`document.querySelector("#graph-status").textContent`)
	evalT[bool](p, `(() => { document.getElementById("graph").scrollIntoView({block: "start"}); return true; })()`)
	evalT[bool](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	return p
}

// nodeAt is the page (client) position of a graph node, by key.
func nodeAt(p *tab, key string) (float64, float64) {
	p.t.Helper()
	xy := evalT[[]float64](p, fmt.Sprintf(`(() => {
		const g = document.getElementById("graph"), v = g.graphView.viewportPosition(%s);
		if (!v) return [];
		const box = g.getBoundingClientRect();
		return [box.left + v.x, box.top + v.y];
	})()`, jsString(key)))
	if len(xy) != 2 {
		p.t.Fatalf("no node %q in the graph", key)
	}
	return xy[0], xy[1]
}

// hover moves the mouse to a page position (and away first, so that an
// enter event fires).
func hover(p *tab, x, y float64) {
	p.t.Helper()
	p.run("move the mouse", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x-3, y-3), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	evalT[bool](p, `new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => r(true))), 50))`)
}

// searchGraph types a query into the header's box and waits for its count.
func searchGraph(p *tab, q string) int {
	p.t.Helper()
	evalT[bool](p, `(() => { const i = document.getElementById("search-q"); i.value = ""; document.getElementById("graph").removeAttribute("data-matches"); return true; })()`)
	p.typeText("#search-q", q+"\n")
	p.waitFor(`document.querySelector("#graph[data-matches]") !== null`, 0, `document.querySelector("#search-error").textContent`)
	return evalT[int](p, `+document.getElementById("graph").dataset.matches`)
}

// graphFPID is the small scan graphFixture writes.
const graphFPID = "graph-fp"

// graphFixtureSite is a small scan whose false positives take entities out
// of its graph, built into its own site once.
type graphFix struct {
	once sync.Once
	site string
	s    *model.Scan
	err  error
}

var graphFixtureSite graphFix

func graphFixture(t *testing.T) *graphFix {
	t.Helper()
	g := &graphFixtureSite
	g.once.Do(func() {
		dir := filepath.Join(tmpRoot, "graph-fixture")
		scans := filepath.Join(dir, "scans")
		t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
		w, err := scan.Create(scans, scan.Meta{ID: graphFPID, Name: "Graph false positives", Target: "graph.example", TargetType: "INTERNET_NAME",
			Status: scan.StatusFinished, Created: t0, Started: t0, Ended: t0.Add(time.Hour)})
		if err != nil {
			g.err = err
			return
		}
		add := func(id, typ, data, src string) {
			if err == nil {
				_, err = w.Add(scan.Element{ID: id, Type: typ, Data: data, Source: src, Module: "sfp_test", Generated: t0.Add(time.Minute)})
			}
		}
		err = w.Root(t0)
		add("t", "INTERNET_NAME", "graph.example", "ROOT")
		add("h1", "INTERNET_NAME", "www.graph.example", "t")
		add("h2", "INTERNET_NAME", "mail.graph.example", "t")
		add("i1", "IP_ADDRESS", "192.0.2.10", "h1")
		add("i2", "IP_ADDRESS", "192.0.2.11", "h2")
		add("u1", "LINKED_URL_INTERNAL", "https://www.graph.example/", "h1")
		add("h3", "INTERNET_NAME", "shop.graph.example", "u1")
		add("fp", "INTERNET_NAME", "cdn-noise.graph.example", "t")
		add("fi", "IP_ADDRESS", "203.0.113.66", "fp")
		add("fu", "LINKED_URL_INTERNAL", "https://cdn-noise.graph.example/", "fp")
		if err == nil {
			err = w.Close()
		}
		if err == nil {
			err = scan.AppendDecision(filepath.Join(scans, graphFPID), scan.Decision{Op: scan.OpFPSet, Element: "fp", By: "test", Time: t0.Add(2 * time.Hour)})
		}
		if err != nil {
			g.err = err
			return
		}
		g.site = filepath.Join(dir, "site")
		if _, g.err = generator.Build(context.Background(), sitecheck.BuildOptions(scans, g.site)); g.err != nil {
			return
		}
		g.s, g.err = loadModel(scans, graphFPID)
	})
	if g.err != nil {
		t.Fatalf("graph fixture: %v", g.err)
	}
	return g
}

// TestGraphPage opens the finished sample scan's graph from file://.
func TestGraphPage(t *testing.T) {
	f := site(t)
	id := f.finished(t)
	s := f.scan(t, id)
	eg := entity.Build(s)
	b := newBrowser(t)
	p := openGraph(t, b, f.url("scans/"+id+"/graph.html"))
	d := captureDownloads(t, p)

	nodes := evalT[int](p, `+document.getElementById("graph").dataset.nodes`)
	edges := evalT[int](p, `+document.getElementById("graph").dataset.edges`)
	if nodes != len(eg.Nodes) || edges != len(eg.Edges) {
		t.Errorf("the page draws %d nodes and %d links; the entity graph has %d and %d", nodes, edges, len(eg.Nodes), len(eg.Edges))
	}
	if got := p.text("#graph-status"); !strings.Contains(got, fmt.Sprintf("%d nodes", nodes)) {
		t.Errorf("status %q", got)
	}
	if !evalT[bool](p, `document.querySelector("#graph-cap").hidden`) {
		t.Errorf("a cap notice on a graph under the cap: %q", p.text("#graph-cap"))
	}
	if n := p.count("#graph canvas"); n < 3 {
		t.Errorf("%d canvases in the graph", n)
	}

	t.Run("false positives are absent", func(t *testing.T) {
		// The sample scan's false positives hide no entity of their own
		// (their values are found elsewhere too), so a small scan made for
		// it: a host marked false positive, with an address below it.
		gf := graphFixture(t)
		s := gf.s
		eg := entity.Build(s)
		all := entityGraphWithFP(s)
		if len(all.Nodes) != len(eg.Nodes)+2 {
			t.Fatalf("the false positives should take 2 nodes out of the graph: %d with, %d without", len(all.Nodes), len(eg.Nodes))
		}
		p := openGraph(t, b, fileURL(gf.site, "scans/"+graphFPID+"/graph.html"))
		if n := evalT[int](p, `+document.getElementById("graph").dataset.nodes`); n != len(eg.Nodes) {
			t.Errorf("the page draws %d nodes; without false positives the graph has %d", n, len(eg.Nodes))
		}
		for _, v := range fpOnlyEntities(s) {
			if n := searchGraph(p, v); n != 0 {
				t.Errorf("search %q found %d nodes; it is a false positive", v, n)
			}
		}
		if n := searchGraph(p, "www.graph.example"); n != 1 {
			t.Errorf("search for a host that is no false positive found %d nodes", n)
		}
	})

	// A node that is not the target, with a plain value.
	var pick entity.Node
	for _, n := range eg.Nodes {
		if !n.Target && n.Type == "INTERNET_NAME" && !strings.ContainsAny(n.Label, "*/") {
			pick = n
			break
		}
	}
	key := fmt.Sprint(pick.Element)

	t.Run("search", func(t *testing.T) {
		p := p.on(t)
		if n := searchGraph(p, pick.Label); n != 1 {
			t.Errorf("search %q found %d nodes, want 1", pick.Label, n)
		}
		if got := p.text("#search-count"); !strings.Contains(got, "1 matching node") {
			t.Errorf("search count %q", got)
		}
		evalT[bool](p, `new Promise(r => setTimeout(() => r(true), 600))`) // the camera glides to it
		n := searchGraph(p, "*.example")
		if n < 10 {
			t.Errorf("wildcard *.example found %d nodes", n)
		}
	})

	t.Run("hover shows type, data and module", func(t *testing.T) {
		p := p.on(t)
		x, y := nodeAt(p, key)
		hover(p, x, y)
		p.waitFor(`!document.getElementById("graph-tooltip").hidden`, 0, "")
		tip := p.text("#graph-tooltip")
		for _, want := range []string{"Internet Name", pick.Label, pick.Module} {
			if !strings.Contains(tip, want) {
				t.Errorf("tooltip %q does not say %q", tip, want)
			}
		}
	})

	t.Run("PNG of what is on screen", func(t *testing.T) {
		p := p.on(t)
		// The graph's size: its drawing area (the canvases sigma draws on).
		w := evalT[int](p, `document.querySelector("#graph canvas").width`)
		h := evalT[int](p, `document.querySelector("#graph canvas").height`)
		if cw := evalT[int](p, `document.getElementById("graph").clientWidth`); w < cw || w > cw+4 {
			t.Errorf("the graph's canvas is %d px wide in a %d px view", w, cw)
		}
		name, data := d.download(t, "PNG", func() { p.click("#graph-png") })
		if name != id+"-graph.png" {
			t.Errorf("saved as %q", name)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("the PNG does not decode: %v", err)
		}
		checkGraphImage(t, img, w, h)
	})

	t.Run("GEXF of what is shown", func(t *testing.T) {
		p := p.on(t)
		evalT[bool](p, `(() => { const i = document.getElementById("search-q"); i.value = ""; i.dispatchEvent(new Event("input")); return true; })()`)
		_, data := d.download(t, "GEXF of what is shown", func() { p.click("#graph-gexf-shown") })
		g := parseGEXF(t, data)
		if len(g.Nodes) != len(eg.Nodes) || len(g.Edges) != len(eg.Edges) {
			t.Errorf("GEXF of what is shown: %d nodes, %d edges; entity graph %d, %d", len(g.Nodes), len(g.Edges), len(eg.Nodes), len(eg.Edges))
		}
		var got, want []string
		for _, n := range g.Nodes {
			got = append(got, n.Label)
		}
		for _, n := range eg.Nodes {
			want = append(want, chunkTextCut(n.Label))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("GEXF node labels differ from the entity graph's values")
		}
		href := p.attrs("#graph-gexf", "href")
		if len(href) != 1 || href[0] != "downloads/"+id+".gexf" {
			t.Errorf("whole-graph GEXF link %q", href)
		} else if _, err := os.Stat(filepath.Join(f.Site, "scans", id, "downloads", id+".gexf")); err != nil {
			t.Error(err)
		}

		// Hide one type: fewer nodes shown, and in the GEXF.
		code := "IP_ADDRESS"
		hidden := 0
		for _, n := range eg.Nodes {
			if n.Type == code && !n.Target {
				hidden++
			}
		}
		p.click(`#graph-legend li[data-code="` + code + `"] input`)
		p.waitFor(fmt.Sprintf(`+document.getElementById("graph").dataset.shown === %d`, len(eg.Nodes)-hidden), 0, `document.getElementById("graph").dataset.shown`)
		if !strings.Contains(evalT[string](p, "location.hash"), "off=IP_ADDRESS") {
			t.Errorf("hash %q does not keep the filter", evalT[string](p, "location.hash"))
		}
		_, data = d.download(t, "GEXF of what is shown, filtered", func() { p.click("#graph-gexf-shown") })
		if g := parseGEXF(t, data); len(g.Nodes) != len(eg.Nodes)-hidden {
			t.Errorf("filtered GEXF: %d nodes, want %d", len(g.Nodes), len(eg.Nodes)-hidden)
		}
		p.click(`#graph-legend li[data-code="` + code + `"] input`)
		p.waitFor(fmt.Sprintf(`+document.getElementById("graph").dataset.shown === %d`, len(eg.Nodes)), 0, "")
	})

	t.Run("ForceAtlas2 in a Blob-URL worker", func(t *testing.T) {
		p := p.on(t)
		pos := `JSON.stringify((g => [g.getNodeAttribute(%[1]s, "x"), g.getNodeAttribute(%[1]s, "y")])(document.getElementById("graph").graphView.graph))`
		before := evalT[string](p, fmt.Sprintf(pos, jsString(key)))
		p.click("#graph-fa2")
		p.waitFor(`document.getElementById("graph").dataset.layout === "fa2"`, 30*time.Second, `document.getElementById("graph").dataset.layout`)
		if after := evalT[string](p, fmt.Sprintf(pos, jsString(key))); after == before {
			t.Errorf("ForceAtlas2 did not move the node (%s)", after)
		}
		p.click("#graph-reset")
		p.waitFor(fmt.Sprintf(`%s === %s`, fmt.Sprintf(pos, jsString(key)), jsString(before)), 0, fmt.Sprintf(pos, jsString(key)))
	})

	t.Run("click opens the element", func(t *testing.T) {
		p := p.on(t)
		evalT[bool](p, `(() => { document.getElementById("graph").graphView.fit(false); return true; })()`)
		evalT[bool](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		x, y := nodeAt(p, key)
		hover(p, x, y)
		ctx, cancel := context.WithTimeout(p.ctx, wait)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.MouseClickXY(x, y))); err != nil {
			t.Fatalf("click the node: %v", err)
		}
		slug := s.Type(pick.Element).Slug
		if u := p.location(); !strings.HasSuffix(u, "/scans/"+id+"/types/"+slug+".html#sel="+fmt.Sprint(pick.Element)) {
			t.Fatalf("the click opened %s", u)
		}
		p.waitFor(`!!document.querySelector("#element-detail:not([hidden])")`, 0, "")
		if got := p.text("#element-detail .detail-data"); got != pick.Label {
			t.Errorf("the detail panel shows %q, want %q", got, pick.Label)
		}
		if href := p.attrs("#element-detail a.detail-path", "href"); len(href) != 1 || href[0] != fmt.Sprintf("../visualise.html#el=%d", pick.Element) {
			t.Errorf("discovery path link %q", href)
		}
	})
}

// checkGraphImage checks an exported image: its size, and that it is a
// drawing (many colours, much that is not background), not a blank.
func checkGraphImage(t *testing.T, img image.Image, w, h int) {
	t.Helper()
	b := img.Bounds()
	// The graph as on screen, a title band above it (56 px) and the legend
	// on its right (260 px).
	if b.Dx() != w+260 || b.Dy() < h+56 {
		t.Errorf("the PNG is %d×%d; the graph is %d×%d, with its title and legend %d×%d at least", b.Dx(), b.Dy(), w, h, w+260, h+56)
	}
	// The title and the legend are drawn: ink in the title band and in
	// the legend column, not only background.
	inked := func(x0, y0, x1, y1 int) int {
		c0 := img.At(b.Min.X, b.Min.Y)
		n := 0
		for y := y0; y < y1 && y < b.Max.Y; y++ {
			for x := x0; x < x1 && x < b.Max.X; x++ {
				if img.At(x, y) != c0 {
					n++
				}
			}
		}
		return n
	}
	if n := inked(0, 0, min(400, b.Dx()), 50); n < 200 {
		t.Errorf("the PNG's title band has %d inked pixels: no title", n)
	}
	if n := inked(w+10, 60, b.Dx(), min(b.Dy(), 200)); n < 200 {
		t.Errorf("the PNG's legend column has %d inked pixels: no legend", n)
	}
	bg := img.At(b.Min.X, b.Min.Y)
	br, bgc, bb, _ := bg.RGBA()
	colours := map[[3]uint32]bool{}
	other := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if r != br || g != bgc || bl != bb {
				other++
			}
		}
	}
	total := (b.Dx() / 2) * (b.Dy() / 2)
	if len(colours) < 8 || other < total/200 {
		t.Errorf("the PNG looks blank: %d colours, %d of %d sampled pixels differ from the background", len(colours), other, total)
	}
	if _, _, _, a := bg.RGBA(); a != 0xffff {
		t.Errorf("the PNG has no opaque background (corner alpha %d)", a>>8)
	}
}

// expectedTree is the discovery tree of a type in the model: its members
// (not false positives) and every ancestor up to ROOT.
func expectedTree(s *model.Scan, ty *model.TypeStat) (members, nodes int) {
	in := map[int32]bool{0: true}
	for _, i := range ty.Elements {
		if s.Elements[i].Is(model.FlagFP) {
			continue
		}
		members++
		for j := i; j > 0 && !in[j]; j = max(s.Elements[j].Source, 0) {
			in[j] = true
		}
	}
	return members, len(in)
}

// distinctFold counts a type's values (or their sources' values) ignoring
// case, false positives left out, as the bubble charts do.
func distinctFold(s *model.Scan, ty *model.TypeStat, source bool) int {
	seen := map[string]bool{}
	for _, i := range ty.Elements {
		if s.Elements[i].Is(model.FlagFP) {
			continue
		}
		v := chunkText(s.Elements[i].Data)
		if source {
			v = inChunk(s.SourceData(i), 1<<10)
		}
		seen[strings.ToLower(v)] = true
	}
	return len(seen)
}

// openVis opens the Visualise page at a hash and waits for its chart.
func openVis(t *testing.T, b *browser, u string) *tab {
	t.Helper()
	p := b.open(t, u)
	waitVis(p)
	return p
}

func waitVis(p *tab) {
	p.t.Helper()
	p.waitFor(`document.querySelector("#vis-stage[data-ready]:not([aria-busy])") !== null`, time.Minute, `document.querySelector("#vis-status").textContent`)
	evalT[bool](p, `(() => { document.getElementById("vis-stage").scrollIntoView({block: "start"}); return true; })()`)
	evalT[bool](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

// TestVisualise opens the bubble charts, the discovery tree and a chain.
func TestVisualise(t *testing.T) {
	f := site(t)
	id := f.finished(t)
	s := f.scan(t, id)
	b := newBrowser(t)
	var ip *model.TypeStat
	for _, ty := range types(s) {
		if ty.Code == "IP_ADDRESS" {
			ip = ty
		}
	}
	if ip == nil {
		t.Fatal("no IP_ADDRESS type in the finished sample scan")
	}
	base := f.url("scans/" + id + "/visualise.html")

	for _, view := range []string{"bubble-data", "bubble-source"} {
		t.Run(view, func(t *testing.T) {
			p := openVis(t, b, base+"#type="+ip.Slug+"&view="+view)
			want := distinctFold(s, ip, view == "bubble-source")
			got := evalT[int](p, `+document.getElementById("vis-stage").dataset.bubbles`)
			if got != want {
				t.Errorf("%d bubbles, want %d distinct values", got, want)
			}
			// Hover the largest bubble: its value and count.
			xy := evalT[[]float64](p, `(() => { const c = document.getElementById("vis-stage").canvasView, b = c.chart.set.bubbles[0];
				const [x, y] = c.toScreen(b.x, b.y), r = c.canvas.getBoundingClientRect(); return [r.left + x, r.top + y, b.count]; })()`)
			hover(p, xy[0], xy[1])
			p.waitFor(`!document.getElementById("vis-tooltip").hidden`, 0, "")
			if tip := p.text("#vis-tooltip"); !strings.Contains(tip, fmt.Sprintf("%d times", int(xy[2]))) {
				t.Errorf("tooltip %q does not give the count %d", tip, int(xy[2]))
			}
		})
	}

	t.Run("discovery", func(t *testing.T) {
		p := openVis(t, b, base+"#type="+ip.Slug+"&view=discovery")
		members, nodes := expectedTree(s, ip)
		if got := evalT[int](p, `+document.getElementById("vis-stage").dataset.leaves`); got != members {
			t.Errorf("%d leaves, want %d", got, members)
		}
		if got := evalT[int](p, `+document.getElementById("vis-stage").dataset.nodes`); got != nodes {
			t.Errorf("%d tree nodes, want %d", got, nodes)
		}
		// It fits: the rows shown at first fit the view.
		rows := evalT[int](p, `document.getElementById("vis-stage").canvasView.chart.visibleRows`)
		h := evalT[int](p, `document.getElementById("vis-stage").clientHeight`)
		if rows*18 > h+2*18 {
			t.Errorf("%d rows shown at first in a %d px view", rows, h)
		}
		// Hover the root: the target.
		xy := evalT[[]float64](p, `(() => { const c = document.getElementById("vis-stage").canvasView, n = c.chart.tree.root;
			c.keepPoint(n.x, n.y, 40, c.height / 2); c.paint();
			const [x, y] = c.toScreen(n.x, n.y), r = c.canvas.getBoundingClientRect(); return [r.left + x, r.top + y]; })()`)
		hover(p, xy[0], xy[1])
		p.waitFor(`!document.getElementById("vis-tooltip").hidden`, 0, "")
		if tip := p.text("#vis-tooltip"); !strings.Contains(tip, s.Meta.Target) || !strings.Contains(tip, "Target") {
			t.Errorf("root tooltip %q", tip)
		}
		p.click(".vis-open-all")
		p.waitFor(fmt.Sprintf(`+document.getElementById("vis-stage").dataset.visible === %d`, nodes), 0, `document.getElementById("vis-stage").dataset.visible`)
	})

	t.Run("chain of one element", func(t *testing.T) {
		// The deepest non-false-positive element.
		deep, depth := int32(0), 0
		for i := range s.Elements {
			if s.Elements[i].Is(model.FlagFP) {
				continue
			}
			d := 0
			for j := int32(i); j > 0; j = max(s.Elements[j].Source, 0) {
				d++
			}
			if d > depth {
				deep, depth = int32(i), d
			}
		}
		p := openVis(t, b, base+fmt.Sprintf("#el=%d", deep))
		p.waitFor(`document.querySelectorAll("#vis-chain .chain-step").length > 0`, 0, "")
		steps := p.texts("#vis-chain .chain-step .chain-data")
		if len(steps) != depth+1 {
			t.Fatalf("%d steps, want %d (the element, its %d sources up to the target)", len(steps), depth+1, depth)
		}
		for k, j := 0, deep; k < len(steps); k, j = k+1, max(s.Elements[j].Source, 0) {
			if want := s.Elements[j].Data; steps[k] != want {
				t.Errorf("step %d shows %q, want %q", k, steps[k], want)
			}
			if j == 0 {
				break
			}
		}
		if got := evalT[int](p, `document.getElementById("vis-stage").canvasView.chart.highlight.i`); got != int(deep) {
			t.Errorf("the tree below rings element %d, want %d", got, deep)
		}
	})
}

// xssGraphPage exercises a graph view of the XSS scan (called by TestXSS):
// every label drawn, tooltips of many nodes or bubbles, the discovery tree
// open, chains of hostile elements. noXSS runs after it.
func xssGraphPage(p *tab, kind string) {
	p.t.Helper()
	switch kind {
	case "graph":
		p.waitFor(`document.querySelector("#graph[data-complete]") !== null`, time.Minute, "")
		p.click("#graph-labels") // every label drawn
		keys := evalT[[]string](p, `document.getElementById("graph").graphView.graph.nodes().slice(0, 40)`)
		for _, k := range keys {
			x, y := nodeAt(p, k)
			hover(p, x, y)
		}
		if n := evalT[int](p, `+document.getElementById("graph").dataset.nodes`); n < 5 {
			p.t.Errorf("the XSS scan's graph has %d nodes", n)
		}
		searchGraph(p, "*<script>*")
		p.click("#graph-gexf-shown")
	case "visualise":
		// Each view is a new document (a query makes the URL differ, so
		// the page loads again rather than only changing its hash).
		page := strings.SplitN(strings.SplitN(p.location(), "#", 2)[0], "?", 2)[0]
		n := 0
		visit := func(hash string) {
			n++
			p.nav(fmt.Sprintf("%s?v=%d#%s", page, n, hash))
			waitVis(p)
		}
		types := evalT[[]string](p, `Array.from(document.querySelectorAll("#vis-type option"), o => o.value)`)
		for k, slug := range types {
			if k >= 6 {
				break
			}
			for _, view := range []string{"bubble-data", "bubble-source", "discovery"} {
				noXSS(p) // before the document goes
				visit(fmt.Sprintf("type=%s&view=%s", slug, view))
				if view == "discovery" {
					p.click(".vis-open-all")
				}
				pts := evalT[[][]float64](p, `(() => { const c = document.getElementById("vis-stage").canvasView, ch = c.chart, r = c.canvas.getBoundingClientRect();
					const items = ch.set ? ch.set.bubbles.slice(0, 15) : [...ch.shown].slice(0, 15);
					return items.map(b => { const [x, y] = c.toScreen(b.x, b.y); return [r.left + x, r.top + y]; }); })()`)
				for _, xy := range pts {
					if xy[1] > 0 && xy[1] < 2000 {
						hover(p, xy[0], xy[1])
					}
				}
			}
		}
		// Chains of a few hostile elements.
		for _, el := range []int{1, 5, 17, 40} {
			noXSS(p)
			visit(fmt.Sprintf("el=%d", el))
		}
	}
}

// TestBenchGraph100k measures the graph page of the benchmark scan (one
// million elements; its entity graph has ~109,000 nodes, so 100,000 are
// drawn): time to the first frame (nodes) and to every link drawn, frame
// times while panning, the PNG export. Only with SCANREPORT_BENCH=1.
func TestBenchGraph100k(t *testing.T) {
	needBench(t)
	out, _ := benchSite(t)
	gm, _ := readGraph(t, out, "bench-1m")
	t.Logf("graph: %d nodes in the entity graph, %d drawn (%d grouped), %d links drawn", gm.Total, gm.Nodes, gm.Grouped, gm.Edges)
	var size int64
	for _, c := range gm.Chunks {
		if st, err := os.Stat(filepath.Join(out, "scans", "bench-1m", "data", c.F)); err == nil {
			size += st.Size()
		}
	}
	t.Logf("graph data files: %d, %.1f MB", len(gm.Chunks), float64(size)/1e6)
	b := newBrowser(t)
	u := fileURL(out, "scans/bench-1m/graph.html")
	mark := func(p *tab, name string) float64 {
		return evalT[float64](p, `(performance.getEntriesByName(`+jsString(name)+`)[0] || {startTime: -1}).startTime`)
	}
	for _, label := range []string{"cold", "warm", "warm 2"} {
		t.Run(label, func(t *testing.T) {
			p := b.open(t, u)
			defer func() { p.check(); _ = chromedp.Cancel(p.ctx) }()
			p.waitFor(`document.querySelector("#graph[data-complete]") !== null`, 5*time.Minute, `document.querySelector("#graph-status").textContent`)
			t.Logf("data loaded %.0f ms, nodes indexed %.0f ms, first frame (nodes) %.0f ms, every link drawn %.0f ms (from navigation start); JS heap %.0f MB",
				mark(p, "sr:graph-data"), mark(p, "sr:graph-built"), mark(p, "sr:graph-drawn"), mark(p, "sr:graph-complete"),
				evalT[float64](p, `performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1`))
			if label != "warm 2" {
				return
			}
			report := func(what string, iv []float64) {
				slices.Sort(iv)
				if len(iv) == 0 {
					t.Logf("%s: no frames", what)
					return
				}
				t.Logf("%s: %d frames in 3 s, median %.0f ms, p95 %.0f ms, max %.0f ms", what, len(iv), iv[len(iv)/2], iv[len(iv)*95/100], iv[len(iv)-1])
			}
			// Frame intervals (requestAnimationFrame) while the camera moves:
			// an animated pan (as after a drag: sigma hides the links while
			// the camera moves), then a pan set frame by frame (links drawn).
			report("pan, animated (links hidden while moving)", evalT[[]float64](p, `(async () => {
				const cam = document.getElementById("graph").graphView.renderer.getCamera();
				cam.setState({x: 0.5, y: 0.5, ratio: 1, angle: 0});
				await new Promise(r => requestAnimationFrame(r));
				const ts = [], end = performance.now() + 3000;
				cam.animate({x: 0.8, y: 0.3}, {duration: 3000, easing: "linear"});
				while (performance.now() < end) { await new Promise(r => requestAnimationFrame(r)); ts.push(performance.now()); }
				return ts.slice(1).map((t, i) => t - ts[i]);
			})()`))
			report("pan, frame by frame (links drawn)", evalT[[]float64](p, `(async () => {
				const cam = document.getElementById("graph").graphView.renderer.getCamera();
				const ts = [], end = performance.now() + 3000;
				for (let k = 0; performance.now() < end; k++) {
					cam.setState({...cam.getState(), x: 0.5 + 0.2 * Math.sin(k / 10)});
					await new Promise(r => requestAnimationFrame(r));
					ts.push(performance.now());
				}
				return ts.slice(1).map((t, i) => t - ts[i]);
			})()`))
			d := captureDownloads(t, p)
			_, data := d.download(t, "PNG", func() { p.click("#graph-png") })
			ms := evalT[float64](p, `+document.getElementById("graph").dataset.pngMs`)
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("PNG: %v", err)
			}
			t.Logf("PNG export: %.0f ms (%d×%d, %d KB)", ms, img.Bounds().Dx(), img.Bounds().Dy(), len(data)/1024)
		})
	}
}

// TestBenchVisualise1M measures Visualise on the benchmark scan: bubbles of
// its largest type, and discovery trees (every element's source loaded from
// the tree files). Only with SCANREPORT_BENCH=1.
func TestBenchVisualise1M(t *testing.T) {
	needBench(t)
	out, _ := benchSite(t)
	m := testread.ReadManifest(t, out, "bench-1m")
	big := largestType(m)
	b := newBrowser(t)
	for _, c := range []struct{ slug, view string }{{big.Slug, "bubble-data"}, {big.Slug, "bubble-source"}, {"ip_address", "discovery"}, {big.Slug, "discovery"}} {
		p := b.open(t, fileURL(out, "scans/bench-1m/visualise.html")+"#type="+c.slug+"&view="+c.view)
		p.waitFor(`performance.getEntriesByName("sr:vis-drawn").length > 0`, 5*time.Minute, `document.querySelector("#vis-status").textContent`)
		ms := evalT[float64](p, `performance.getEntriesByName("sr:vis-drawn")[0].startTime`)
		attrs := evalT[string](p, `JSON.stringify(Object.assign({}, document.getElementById("vis-stage").dataset))`)
		t.Logf("%s %s: drawn %.0f ms after navigation start; %s; %s", c.slug, c.view, ms, attrs, p.text("#vis-status"))
		p.check()
		_ = chromedp.Cancel(p.ctx)
	}
}

// TestGraphLive: in the preview server, elements appended to a running
// scan appear in its open graph page without a reload, and the camera
// stays where the user left it.
func TestGraphLive(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, _ := scanWithStatus(t, scans, scan.StatusRunning)
	p := openGraph(t, b, srv.url("scans/"+running+"/graph.html"))
	waitLive(p)
	setMarker(p)
	before := evalT[int](p, `+document.getElementById("graph").dataset.nodes`)
	cam := `JSON.stringify(document.getElementById("graph").graphView.renderer.getCamera().getState())`
	evalT[bool](p, `(() => { document.getElementById("graph").graphView.renderer.getCamera().setState({x: 0.4, y: 0.6, ratio: 0.5, angle: 0}); return true; })()`)
	state := evalT[string](p, cam)
	added := appendElements(t, scans, running, "INTERNET_NAME", "live-graph", 6)
	p.waitFor(fmt.Sprintf(`+document.getElementById("graph").dataset.nodes === %d`, before+len(added)), 30*time.Second,
		`document.getElementById("graph").dataset.nodes`)
	checkMarker(p, "new elements")
	if got := evalT[string](p, cam); got != state {
		t.Errorf("the camera moved: %s, was %s", got, state)
	}
	if n := searchGraph(p, added[3]); n != 1 {
		t.Errorf("search for a new value found %d nodes", n)
	}

	// Visualise follows too: the bubbles of the type count the new values.
	v := b.open(t, srv.url("scans/"+running+"/visualise.html")+"#type=internet_name")
	waitVis(v)
	waitLive(v)
	values := evalT[int](v, `+document.getElementById("vis-stage").dataset.values`)
	more := appendElements(t, scans, running, "INTERNET_NAME", "live-bubble", 4)
	v.waitFor(fmt.Sprintf(`+document.getElementById("vis-stage").dataset.values === %d`, values+len(more)), 30*time.Second,
		`document.getElementById("vis-stage").dataset.values`)

	// A false positive marked through the preview server leaves the open
	// graph: pick an entity value held by one element with no children.
	finished, s := scanWithStatus(t, scans, scan.StatusFinished)
	counts := map[string]int{}
	for i := range s.Elements {
		counts[s.Elements[i].Data]++
	}
	var victim string
	var value string
	kids := s.Children()
	for i := 1; i < len(s.Elements) && victim == ""; i++ {
		e := &s.Elements[i]
		if cat := s.Types[e.Type].Category; cat == "ENTITY" && !e.Is(model.FlagFP) && counts[e.Data] == 1 && len(kids.Of(int32(i))) == 0 && e.Data != s.Meta.Target {
			victim, value = e.ID, e.Data
		}
	}
	if victim == "" {
		t.Fatal("no leaf entity with a unique value in the finished scan")
	}
	g := openGraph(t, b, srv.url("scans/"+finished+"/graph.html"))
	waitLive(g)
	setMarker(g)
	nodes := evalT[int](g, `+document.getElementById("graph").dataset.nodes`)
	if n := searchGraph(g, value); n != 1 {
		t.Fatalf("before: search for %q found %d nodes", value, n)
	}
	status := evalT[int](g, `fetch(window.__srLive.fp, {method: "POST", headers: {"Content-Type": "application/json", "X-SR-Token": window.__srLive.token},
		body: JSON.stringify({scan: `+jsString(finished)+`, ids: [`+jsString(victim)+`], fp: true})}).then(r => r.status)`)
	if status != 200 {
		t.Fatalf("marking %s: HTTP %d", victim, status)
	}
	g.waitFor(fmt.Sprintf(`+document.getElementById("graph").dataset.nodes === %d`, nodes-1), 30*time.Second,
		`document.getElementById("graph").dataset.nodes`)
	checkMarker(g, "a false positive")
	if n := searchGraph(g, value); n != 0 {
		t.Errorf("after marking it a false positive, search for %q found %d nodes", value, n)
	}
}
