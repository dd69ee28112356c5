package exports

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/entity"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

func FuzzCSVField(f *testing.F) {
	for _, s := range []string{"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\rlf\r\n", "=1+2", "-3", "@x", "\tx", " lead", "\x00\xff", "x;=cmd|' /C calc'!A0", " =1+1", "\n=1+1", "a,\r\n@b", "\xef\xbc\x9d1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, defuse := range []bool{false, true} {
			var b bytes.Buffer
			c := &CSVWriter{W: &b, Defuse: defuse}
			if err := c.Row(s, "x", s); err != nil {
				t.Fatal(err)
			}
			rows := testread.CSV(t, b.String())
			want := s
			if defuse {
				want = Defuse(s)
			}
			if len(rows) != 1 || len(rows[0]) != 3 || rows[0][0] != want || rows[0][2] != want || rows[0][1] != "x" {
				t.Fatalf("round trip of %q (defuse %v): %q", s, defuse, rows)
			}
			if defuse && Dangerous(rows[0][0]) {
				t.Fatalf("dangerous cell left: %q", rows[0][0])
			}
		}
	})
}

func FuzzGEXFLabel(f *testing.F) {
	for _, s := range []string{"", "a&b<c>\"'", "\x00\x01\x0b\x1f", "]]><x>&amp;", "\xff\xfe", "\ufffe\uffff", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := &entity.Graph{Nodes: []entity.Node{{Label: s, Type: s, Module: s, Count: 1, Target: true}, {Label: "x"}}, Edges: [][2]int32{{0, 1}}}
		for _, v := range []string{GEXF12, GEXF13} {
			var b bytes.Buffer
			if err := WriteGraphGEXF(&b, g, v, s, "2026-11-20"); err != nil {
				t.Fatal(err)
			}
			d := xml.NewDecoder(&b)
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("GEXF %s with label %q does not parse: %v", v, s, err)
				}
			}
		}
	})
}

var cat = eltypes.MustLoad()

// testScan: ROOT → example.com (INTERNET_NAME) → 1.2.3.4 (IP) → 1.2.3.4:22
// (port, SUBENTITY) → banner (DATA) → nested host (INTERNET_NAME); a second
// path to 1.2.3.4; a false-positive branch; values that need quoting.
func testScan(t testing.TB) *model.Scan {
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "t", Name: "Test", Target: "example.com", Status: scan.StatusFinished,
		Started: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}, cat, risky)
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	add := func(id, typ, data, src string, sec int) {
		s.Add(scan.Element{ID: id, Type: typ, Data: data, Source: src, Module: "sfp_" + strings.ToLower(typ)[:3],
			Generated: t0.Add(time.Duration(sec) * time.Second)}, sec+1)
	}
	add("ROOT", "ROOT", "example.com", "ROOT", 0)
	add("h", "INTERNET_NAME", "example.com", "ROOT", 1)
	add("ip", "IP_ADDRESS", "1.2.3.4", "h", 2)
	add("port", "TCP_PORT_OPEN", "1.2.3.4:22", "ip", 3)
	add("ban", "TCP_PORT_OPEN_BANNER", "SSH-2.0 \"x\",y\r\nz", "port", 4)
	add("h2", "INTERNET_NAME", "deep.example.com", "ban", 5)
	add("w", "INTERNET_NAME", "www.example.com", "h", 6)
	add("ip2", "IP_ADDRESS", "1.2.3.4", "w", 7)
	add("mal", "MALICIOUS_IPADDR", "<SFURL>https://bl.example/1.2.3.4</SFURL>", "ip", 8)
	add("fp", "INTERNET_NAME", "=cmd|' /C calc'!A0", "h", 9)
	add("fpc", "IP_ADDRESS", "9.9.9.9", "fp", 10)
	s.AddDecision(scan.Decision{Op: scan.OpFPSet, Element: "fp"}, 1)
	s.Finish()
	return s
}

func TestCSV(t *testing.T) {
	s := testScan(t)
	var b bytes.Buffer
	if err := WriteCSV(&b, s, true, "", true); err != nil {
		t.Fatal(err)
	}
	rows := testread.CSV(t, b.String())
	if len(rows) != 11 || strings.Join(rows[0], ",") != "Updated,Type,Module,Source,F/P,Data" {
		t.Fatalf("rows = %q", rows)
	}
	want := map[int]string{
		1: "2026-11-20 10:00:01|INTERNET_NAME|sfp_int|example.com|0|example.com",
		4: "2026-11-20 10:00:04|TCP_PORT_OPEN_BANNER|sfp_tcp|1.2.3.4:22|0|SSH-2.0 \"x\",y\r\nz",
		8: "2026-11-20 10:00:08|MALICIOUS_IPADDR|sfp_mal|1.2.3.4|0|https://bl.example/1.2.3.4",
		9: "2026-11-20 10:00:09|INTERNET_NAME|sfp_int|example.com|1|'=cmd|' /C calc'!A0",
	}
	for i, w := range want {
		if got := strings.Join(rows[i], "|"); got != w {
			t.Errorf("row %d = %q\nwant %q", i, got, w)
		}
	}
	b.Reset()
	if err := WriteCSV(&b, s, false, "Scan, one", true); err != nil {
		t.Fatal(err)
	}
	rows = testread.CSV(t, b.String())
	if rows[0][0] != "Scan Name" || rows[9][0] != "Scan, one" || rows[9][6] != "=cmd|' /C calc'!A0" {
		t.Errorf("multi-scan rows: %q / %q", rows[0], rows[9])
	}
}

func TestJSON(t *testing.T) {
	s := testScan(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Format   string
		Scan     map[string]any
		Types    map[string]map[string]string
		Elements []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if doc.Format != JSONFormat || doc.Scan["target"] != "example.com" || doc.Scan["elements"].(float64) != 10 || len(doc.Elements) != 11 {
		t.Fatalf("doc = %v %v %d", doc.Format, doc.Scan, len(doc.Elements))
	}
	e := doc.Elements[4]
	if e["id"] != "ban" || e["source_id"] != "port" || e["source_data"] != "1.2.3.4:22" || doc.Types[e["type"].(string)]["description"] != "Open TCP Port Banner" ||
		e["data"] != "SSH-2.0 \"x\",y\r\nz" || e["generated"] != "2026-11-20T10:00:04.000Z" || e["false_positive"] != false {
		t.Errorf("element = %v", e)
	}
	if doc.Elements[10]["false_positive"] != true || doc.Elements[8]["risky"] != true {
		t.Errorf("flags wrong: %v %v", doc.Elements[10], doc.Elements[8])
	}
}

func TestEntityGraph(t *testing.T) {
	g := entity.Build(testScan(t))
	var nodes []string
	for _, n := range g.Nodes {
		nodes = append(nodes, fmt.Sprintf("%s(%d)", n.Label, n.Count))
	}
	// Values merge (example.com: ROOT and the host; 1.2.3.4 twice); the
	// false-positive branch is left out; non-entities are not nodes.
	if got := strings.Join(nodes, " "); got != "example.com(2) 1.2.3.4(2) deep.example.com(1) www.example.com(1)" {
		t.Errorf("nodes = %s", got)
	}
	var edges []string
	for _, e := range g.Edges {
		edges = append(edges, g.Nodes[e[0]].Label+">"+g.Nodes[e[1]].Label)
	}
	// deep.example.com hangs off 1.2.3.4 through a port and a banner.
	if got := strings.Join(edges, " "); got != "example.com>1.2.3.4 1.2.3.4>deep.example.com example.com>www.example.com www.example.com>1.2.3.4" {
		t.Errorf("edges = %s", got)
	}
	if !g.Nodes[0].Target || g.Nodes[1].Target || !g.Nodes[1].Risky {
		t.Errorf("flags: %+v", g.Nodes[:2])
	}
}

// tool runs an external checker: skipped when it is missing, unless CI=true.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is needed in CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// TestReadBack has Python's csv module and NetworkX read our files, and
// xmllint check GEXF 1.3 against the RELAX NG schema.
func TestReadBack(t *testing.T) {
	py := tool(t, "python3")
	if out, err := exec.Command(py, "-c", "import networkx").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("networkx: %v %s", err, out)
		}
		t.Skip("networkx not installed")
	}
	s := testScan(t)
	dir := t.TempDir()
	write := func(name string, fn func(io.Writer) error) string {
		p := filepath.Join(dir, name)
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	csvPath := write("t.csv", func(w io.Writer) error { return WriteCSV(w, s, true, "", true) })
	g12 := write("t12.gexf", func(w io.Writer) error { return WriteGEXF(w, s, GEXF12) })
	g13 := write("t13.gexf", func(w io.Writer) error { return WriteGEXF(w, s, GEXF13) })
	script := `
import csv, sys, networkx as nx
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
print(len(rows), rows[4][5].encode('unicode_escape').decode())
for p in sys.argv[2:]:
    g = nx.read_gexf(p)
    n = g.nodes['n0']
    print(g.number_of_nodes(), g.number_of_edges(), n['label'], n['viz']['color']['r'], n['risky'], n['elements'], g.is_directed())
`
	out, err := exec.Command(py, "-c", script, csvPath, g12, g13).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	want := "11 SSH-2.0 \"x\",y\\r\\nz\n4 4 example.com 255 False 2 True\n4 4 example.com 255 False 2 True\n"
	if string(out) != want {
		t.Errorf("python read back:\n%s\nwant:\n%s", out, want)
	}
	xmllint := tool(t, "xmllint")
	rng := filepath.Join("testdata", "gexf-1.3", "gexf.rng")
	if out, err := exec.Command(xmllint, "--noout", "--relaxng", rng, g13).CombinedOutput(); err != nil {
		t.Errorf("GEXF 1.3 does not validate: %v\n%s", err, out)
	}
}

// sampleScan loads the finished sample scan shipped in scans/.
func sampleScan(t *testing.T, id string) *model.Scan {
	t.Helper()
	s := testread.Model(t, filepath.Join("..", "..", "scans"), id, testread.Risky(t, eltypes.DefaultRiskyTypes, 50))
	if s.Meta.Status != scan.StatusFinished || s.Count() < 1000 {
		t.Fatalf("%s: %s with %d elements; want a finished scan of some size", id, s.Meta.Status, s.Count())
	}
	return s
}

// TestSampleReadBack writes the finished sample scan's CSV and GEXF (1.2draft
// and 1.3) and has Python's csv module and NetworkX read them: row count,
// false positives, some rows, node and edge counts, node attributes and
// colours must be what the scan model says.
func TestSampleReadBack(t *testing.T) {
	py := tool(t, "python3")
	if out, err := exec.Command(py, "-c", "import networkx").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("networkx: %v %s", err, out)
		}
		t.Skip("networkx not installed")
	}
	s := sampleScan(t, "acme-corp-2026-11-18")
	dir := t.TempDir()
	write := func(name string, fn func(io.Writer) error) string {
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	csvPath := write("s.csv", func(w io.Writer) error { return WriteCSV(w, s, true, "", true) })
	g12 := write("s12.gexf", func(w io.Writer) error { return WriteGEXF(w, s, GEXF12) })
	g13 := write("s13.gexf", func(w io.Writer) error { return WriteGEXF(w, s, GEXF13) })
	// Rows to compare: the first, one in the middle, the last.
	picks := []int{1, s.Count() / 2, s.Count()}
	script := `
import csv, json, sys, networkx as nx
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
picks = json.loads(sys.argv[2])
out = {"rows": len(rows), "header": rows[0], "fp": sum(1 for r in rows[1:] if r[4] == "1"),
       "widths": sorted(set(len(r) for r in rows)), "picks": [rows[k] for k in picks], "graphs": []}
for p in sys.argv[3:]:
    g = nx.read_gexf(p)
    nodes = list(g.nodes(data=True))
    out["graphs"].append({
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
        "elements": sum(d["elements"] for _, d in nodes),
        "risky": sum(1 for _, d in nodes if d["risky"]),
        "red": sorted(d["label"] for _, d in nodes if d["viz"]["color"]["r"] == 255 and d["viz"]["color"]["g"] == 0),
        "n0": [nodes[0][1]["label"], nodes[0][1]["type"], nodes[0][1]["category"]],
        "edge0": [g.nodes[a]["label"] + ">" + g.nodes[b]["label"] for a, b in list(g.edges())[:1]],
    })
print(json.dumps(out))
`
	pickJSON, _ := json.Marshal(picks)
	out, err := exec.Command(py, "-c", script, csvPath, string(pickJSON), g12, g13).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	var got struct {
		Rows   int
		Header []string
		FP     int
		Widths []int
		Picks  [][]string
		Graphs []struct {
			Nodes, Edges, Elements, Risky int
			Directed                      bool
			Red, N0, Edge0                []string
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("python said %s: %v", out, err)
	}

	fps := 0
	for _, ty := range s.Types {
		fps += ty.FP
	}
	if fps == 0 {
		t.Fatal("the sample scan has no false positives: the test checks nothing")
	}
	if got.Rows != s.Count()+1 || strings.Join(got.Header, ",") != strings.Join(CSVHeader, ",") || got.FP != fps || len(got.Widths) != 1 || got.Widths[0] != 6 {
		t.Errorf("Python reads the CSV as %d rows (header %q, widths %v), %d false positives; want %d elements, %d false positives",
			got.Rows-1, got.Header, got.Widths, got.FP, s.Count(), fps)
	}
	for k, i := range picks {
		e := &s.Elements[i]
		fp := "0"
		if e.Is(model.FlagFP) {
			fp = "1"
		}
		data := Defuse(StripSFURL(e.Data))
		want := []string{csvTime(e.Generated), s.Type(int32(i)).Code, s.Module(int32(i)), s.SourceData(int32(i)), fp, data}
		if k >= len(got.Picks) || strings.Join(got.Picks[k], "|") != strings.Join(want, "|") {
			t.Errorf("CSV row %d as Python reads it: %q, want %q", i, got.Picks, want)
		}
	}

	g := entity.Build(s)
	elements, risky := 0, 0
	for _, n := range g.Nodes {
		elements += n.Count
		if n.Risky {
			risky++
		}
	}
	if len(got.Graphs) != 2 {
		t.Fatalf("python read %d graphs", len(got.Graphs))
	}
	for k, gg := range got.Graphs {
		v := []string{"1.2draft", "1.3"}[k]
		if gg.Nodes != len(g.Nodes) || gg.Edges != len(g.Edges) || !gg.Directed || gg.Elements != elements || gg.Risky != risky {
			t.Errorf("GEXF %s: NetworkX reads %d nodes, %d edges (directed %v), %d elements, %d risky; want %d, %d, true, %d, %d",
				v, gg.Nodes, gg.Edges, gg.Directed, gg.Elements, gg.Risky, len(g.Nodes), len(g.Edges), elements, risky)
		}
		if len(gg.Red) != 1 || gg.Red[0] != s.Meta.Target {
			t.Errorf("GEXF %s: red nodes %q, want only the target %q", v, gg.Red, s.Meta.Target)
		}
		if strings.Join(gg.N0, "|") != s.Meta.Target+"|ROOT|INTERNAL" {
			t.Errorf("GEXF %s: first node %q, want the target as ROOT", v, gg.N0)
		}
		if e := g.Edges[0]; len(gg.Edge0) != 1 || gg.Edge0[0] != g.Nodes[e[0]].Label+">"+g.Nodes[e[1]].Label {
			t.Errorf("GEXF %s: first edge %q, want %s>%s", v, gg.Edge0, g.Nodes[e[0]].Label, g.Nodes[e[1]].Label)
		}
	}
	// The graph leaves false positives out and keeps every other entity value.
	values := map[string]bool{}
	for i := range s.Elements {
		e := &s.Elements[i]
		if c := s.Type(int32(i)).Category; (c == eltypes.Entity || c == eltypes.Internal) && !e.Is(model.FlagFP) {
			values[e.Data] = true
		}
	}
	if len(values) != len(g.Nodes) {
		t.Errorf("EntityGraph has %d nodes; the scan has %d entity values that are not false positives", len(g.Nodes), len(values))
	}
}

// TestJSONKeysOnce checks that no object key of the JSON download repeats
// at the top level (encoding/json would silently keep the last).
func TestJSONKeysOnce(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, testScan(t)); err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(&b)
	if _, err := d.Token(); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for d.More() {
		k, err := d.Token()
		if err != nil {
			t.Fatal(err)
		}
		if seen[k.(string)] {
			t.Errorf("key %q twice", k)
		}
		seen[k.(string)] = true
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Join(slices.Sorted(maps.Keys(seen)), ",") != "correlations,elements,format,scan,types" {
		t.Errorf("keys %v", seen)
	}
}

// defuseVectors is the test table the browser's CSV shares
// (static/test/csv-defuse.test.cjs reads the same file).
type defuseVectors struct {
	Vectors []struct {
		Name    string `json:"name"`
		In      string `json:"in"`
		Defused string `json:"defused"`
		Field   string `json:"field"`
	} `json:"vectors"`
}

func TestDefuseVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "csv-defuse.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v defuseVectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Vectors) < 20 {
		t.Fatalf("%d vectors", len(v.Vectors))
	}
	for _, c := range v.Vectors {
		if got := Defuse(c.In); got != c.Defused {
			t.Errorf("%s: Defuse(%q) = %q, want %q", c.Name, c.In, got, c.Defused)
		}
		if got := string(AppendCSVField(nil, c.In, true)); got != c.Field {
			t.Errorf("%s: field %q = %q, want %q", c.Name, c.In, got, c.Field)
		}
		if Defuse(c.Defused) != c.Defused {
			t.Errorf("%s: defusing %q again changes it", c.Name, c.Defused)
		}
	}
}
