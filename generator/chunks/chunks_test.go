package chunks

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/eltypes"
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
