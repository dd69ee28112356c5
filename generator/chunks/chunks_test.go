package chunks

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/scan"
)

// payload strips the registration wrapper and decodes the JSON inside.
func payload(t *testing.T, file []byte) map[string]any {
	t.Helper()
	var v map[string]any
	decode(t, file, &v)
	return v
}

// decode strips the registration wrapper (unpacking a packed file) and
// decodes the JSON inside into v.
func decode(t *testing.T, file []byte, v any) {
	t.Helper()
	pl, err := datafile.Payload(file, 0)
	if err != nil {
		t.Fatalf("not a data file: %v: %.80q", err, file)
	}
	if err := json.Unmarshal(pl, v); err != nil {
		t.Fatalf("payload is not JSON: %v", err)
	}
}

func testScan(t *testing.T, n int) *model.Scan {
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "s", Target: "t", Status: scan.StatusFinished}, eltypes.MustLoad(), risky)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	s.Add(scan.Element{ID: "h", Type: "INTERNET_NAME", Data: "host", Source: "ROOT", Module: "m0", Generated: t0}, 1)
	for i := range n {
		data := fmt.Sprintf("10.0.%d.%d", i/256, i%256)
		if i == 0 {
			data = "</script>\u2028" + strings.Repeat("x", MaxData+10) // cut, and escaped
		}
		s.Add(scan.Element{ID: fmt.Sprint("e", i), Type: "IP_ADDRESS", Data: data, Source: "h", Module: "m1",
			Generated: t0.Add(time.Duration(i) * time.Second), Risk: i % 101}, i+2)
	}
	s.AddDecision(scan.Decision{Op: scan.OpFPSet, Element: "e3"}, 1)
	s.Finish()
	return s
}

func TestElementChunks(t *testing.T) {
	s := testScan(t, Rows+5)
	ip := s.Types[s.Elements[2].Type]
	files := map[string][]byte{}
	sl := NewScanLayout(s)
	if _, err := TypeChunks(s, ip, sl.Type(ip.Slug), nil, nil, func(name string, data []byte) error {
		files[name] = append([]byte(nil), data...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("files = %d", len(files))
	}
	first := payload(t, files["e-ip_address-0.js"])
	second := payload(t, files["e-ip_address-1.js"])
	if first["n"].(float64) != Rows || second["n"].(float64) != 5 {
		t.Errorf("rows = %v, %v", first["n"], second["n"])
	}
	for _, col := range []string{"i", "id", "d", "s", "sd", "m", "t", "r", "c", "v", "f"} {
		if got := len(first[col].([]any)); got != Rows {
			t.Errorf("column %s has %d values", col, got)
		}
	}
	d0 := first["d"].([]any)[0].(string)
	if !strings.HasPrefix(d0, "</script>\u2028") || len(d0) > MaxData || first["f"].([]any)[0].(float64) != FlagCut {
		t.Errorf("cut value: len %d flags %v", len(d0), first["f"].([]any)[0])
	}
	if strings.ContainsAny(string(files["e-ip_address-0.js"]), "<>\u2028") {
		t.Error("raw < > or U+2028 in a chunk")
	}
	if sd := first["sd"].([]any)[1]; sd != "host" {
		t.Errorf("source data = %v", sd)
	}
	fp := payload(t, FP(s))
	if got := fmt.Sprint(fp["i"]); got != "[5]" { // e3 is element 5 (ROOT, h, e0, e1, e2, e3)
		t.Errorf("fp = %s", got)
	}
	m := payload(t, Manifest(s, sl))
	types := m["types"].([]any)
	if len(types) != 2 || m["count"].(float64) != Rows+6 || m["done"] != true {
		t.Errorf("manifest = %v", m)
	}
	ipm := types[1].(map[string]any)
	if len(ipm["chunks"].([]any)) != 2 || ipm["fp"].(float64) != 1 {
		t.Errorf("manifest type = %v", ipm)
	}
}

func TestLogChunks(t *testing.T) {
	s := testScan(t, 1)
	s.AddLog(scan.LogEntry{Time: time.Unix(5, 0), Level: "ERROR", Component: "c", Message: "<b>boom</b>"})
	var got map[string]any
	if _, err := LogChunks(s, NewScanLayout(s).Log, nil, nil, func(name string, data []byte) error {
		got = payload(t, data)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got["t"], got["l"], got["c"], got["m"]) != "[5000] [ERROR] [c] [<b>boom</b>]" {
		t.Errorf("log chunk = %v", got)
	}
}

// fp.js names each false positive twice: by element index ("i") and as a
// row of its type ("r"). On random scans (several types, one past Rows
// rows, false positives marked and unmarked through their subtrees, a
// layout grown as the preview server grows it), every row "r" names holds,
// in the chunk covering it, an element "i" names, and every element "i"
// names (but ROOT) is at a row "r" names: the search pages may trust
// either.
func TestFPRows(t *testing.T) {
	codes := []string{"INTERNET_NAME", "IP_ADDRESS", "EMAILADDR", "TCP_PORT_OPEN", "RAW_RIR_DATA"}
	for seed := range int64(3) {
		rnd := rand.New(rand.NewPCG(uint64(seed), 7))
		risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
		s := model.New(scan.Meta{ID: "s", Target: "t", Status: scan.StatusFinished}, eltypes.MustLoad(), risky)
		n := Rows + 2500 + rnd.IntN(3000)
		for i := range n {
			code := codes[rnd.IntN(len(codes))]
			if i%3 != 0 {
				code = "IP_ADDRESS" // the type past Rows rows
			}
			src := "ROOT"
			if i > 0 && rnd.IntN(4) > 0 {
				src = fmt.Sprint("e", rnd.IntN(i))
			}
			s.Add(scan.Element{ID: fmt.Sprint("e", i), Type: code, Data: fmt.Sprintf("v%d\n<SFURL>http://x/%d</SFURL>", i, rnd.IntN(50)), Source: src, Module: "m"}, i+1)
		}
		line := 1
		for range 40 {
			op := scan.OpFPSet
			if rnd.IntN(4) == 0 {
				op = scan.OpFPUnset
			}
			s.AddDecision(scan.Decision{Op: op, Element: fmt.Sprint("e", rnd.IntN(n))}, line)
			line++
		}
		s.Finish()

		var fp sitefmt.FPList
		decode(t, FP(s), &fp)
		if len(fp.I) == 0 || len(fp.R) < 2 {
			t.Fatalf("seed %d: %d false positives in %d types: the test needs more", seed, len(fp.I), len(fp.R))
		}
		marked := map[int]bool{}
		for _, i := range fp.I {
			marked[i] = true
		}
		sl := NewScanLayout(s)
		seen := map[int]bool{}
		big := false
		for _, ty := range s.Types {
			if ty.Code == scan.RootID {
				if fp.R[ty.Slug] != nil {
					t.Errorf("seed %d: ROOT has rows in fp.js", seed)
				}
				continue
			}
			// A layout grown in steps, as the preview server's (chunks
			// not all of Rows rows), and the full build's.
			grown := &Layout{}
			for at := 0; at < ty.Total(); {
				at = min(ty.Total(), at+1+rnd.IntN(Rows/3))
				grown.Grow(at)
			}
			rows := fp.R[ty.Slug]
			if !slices.IsSorted(rows) {
				t.Errorf("seed %d, %s: rows not ascending: %v", seed, ty.Slug, rows)
			}
			big = big || len(rows) > 0 && rows[len(rows)-1] >= Rows
			for _, l := range []*Layout{sl.Type(ty.Slug), grown} {
				got := map[int]bool{}
				for ci, c := range l.Chunks {
					var ch struct {
						I []int `json:"i"`
					}
					decode(t, ElementChunkBytes(nil, s, ty, c.Seq, ty.Elements[c.Start:c.Start+c.N]), &ch)
					for x, i := range ch.I {
						if marked[i] {
							got[c.Start+x] = true
							seen[i] = true
						}
					}
					if l == sl.Type(ty.Slug) && c.Start != ci*Rows {
						t.Fatalf("full layout: chunk %d starts at %d", ci, c.Start)
					}
				}
				want := map[int]bool{}
				for _, r := range rows {
					want[r] = true
				}
				if !maps.Equal(got, want) || len(want) != len(rows) {
					t.Errorf("seed %d, %s: fp.js rows %v; the chunks' false positives are at rows %v", seed, ty.Slug, rows, slices.Sorted(maps.Keys(got)))
				}
			}
		}
		if !big {
			t.Errorf("seed %d: no false positive past row %d", seed, Rows)
		}
		for _, i := range fp.I {
			if !seen[i] {
				t.Errorf("seed %d: element %d is a false positive in no chunk", seed, i)
			}
		}
	}
}
