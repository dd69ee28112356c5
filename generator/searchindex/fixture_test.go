package searchindex

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// fixture is testdata/fixture.json, for the browser's reader tests
// (static/test): a running scan's index as this package writes it — the
// index written whole (generation 2, several blocks) and three segments,
// with sources that arrived after their children (late rows) — and, as
// the truth to check a reader against, every row of the scan with its
// data and source data as the chunks show them.
type fixture struct {
	Rows  []fixtureRow               `json:"rows"`  // every row, types in the head's cover order
	Files map[string]json.RawMessage `json:"files"` // data file name → its payload
}

type fixtureRow struct {
	Type string `json:"t"` // slug
	Row  int    `json:"r"`
	D    string `json:"d"`
	S    string `json:"s"`
}

// TestFixture writes (with -update) or checks testdata/fixture.json.
func TestFixture(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 4))
	risky, _ := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 50)
	s := model.New(scan.Meta{ID: "fx", Target: "Fixture.Example", Status: scan.StatusRunning}, eltypes.MustLoad(), risky)
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	types := []string{"IP_ADDRESS", "INTERNET_NAME", "RAW_RIR_DATA", "TCP_PORT_OPEN"}
	const n = 700
	var els []scan.Element
	for i := range n {
		src := "ROOT"
		switch {
		case i > 0 && r.IntN(3) == 0:
			src = fmt.Sprint("e", r.IntN(i))
		case i < n-40 && r.IntN(6) == 0:
			src = fmt.Sprint("e", i+1+r.IntN(30)) // arrives later: late
		}
		ty := types[r.IntN(len(types))]
		if i >= 600 && i%9 == 0 {
			ty = "EMAILADDR" // only segments know it
		}
		data := randomValue(r, i)
		if i == 7 || i == 8 {
			// Long values close blocks by their bytes.
			data = "-----BEGIN CERTIFICATE-----\n" + strings.Repeat(fmt.Sprintf("MIIB%dabcXYZ+/\n", i), 1200) + "-----END CERTIFICATE-----"
		}
		els = append(els, scan.Element{ID: fmt.Sprint("e", i), Type: ty, Data: data, Source: src, Module: "m",
			Generated: t0.Add(time.Duration(i) * time.Second)})
	}
	files := map[string][]byte{}
	out := func(name string, data []byte) error {
		files[name] = bytes.Clone(data)
		return nil
	}
	at := 500
	for i := range at {
		s.Add(els[i], i+1)
	}
	s.TakeRelinked()
	if _, err := writeIndex(s, 2, testBlocks, out); err != nil {
		t.Fatal(err)
	}
	meta := files[MetaFile]
	cover := Covered(s)
	var order []string
	for _, ty := range s.Types {
		order = append(order, ty.Slug)
	}
	var segs []int
	for seg, to := range []int{600, 603, n} {
		for i := at; i < to; i++ {
			s.Add(els[i], i+1)
		}
		at = to
		ranges := Appended(s, cover)
		if _, err := WriteSegment(s, seg+1, ranges, s.TakeRelinked(), out); err != nil {
			t.Fatal(err)
		}
		for _, rg := range ranges {
			cover[rg.Slug] = rg.To
		}
		segs = append(segs, seg+1)
	}
	head, err := Head(meta, segs, cover, order)
	if err != nil {
		t.Fatal(err)
	}
	files[MetaFile] = head

	fx := fixture{Files: map[string]json.RawMessage{}}
	for name, b := range files {
		pl, err := datafile.Payload(b, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// A binary body (a dictionary block's) goes in "bin", base64.
		if h, body := datafile.Split(pl); body != nil {
			pl = fmt.Appendf(h[:len(h)-1:len(h)-1], `,"bin":%q}`, base64.StdEncoding.EncodeToString(body))
		}
		fx.Files[name] = json.RawMessage(pl)
	}
	var blocks, late int
	for name := range files {
		if strings.Contains(name, "-d") {
			blocks++
		}
	}
	for _, ty := range s.Types {
		if ty.Code == "ROOT" {
			continue
		}
		for row, i := range ty.Elements {
			fx.Rows = append(fx.Rows, fixtureRow{ty.Slug, row,
				jsonRead(cut(s.Elements[i].Data, chunks.MaxData)), jsonRead(cut(s.SourceData(i), chunks.MaxSourceData))})
		}
	}
	for _, seg := range segs {
		g, _ := readSegment(t, files[SegFile(seg)], newMapping())
		late += len(decodeVarints(t, g.Late)) - 1
	}
	if blocks < 2 || late < 3 {
		t.Fatalf("the fixture has %d blocks and %d late rows; want several", blocks, late)
	}
	// One file or row a line: small diffs when the writer changes.
	var buf bytes.Buffer
	buf.WriteString("{\"rows\":[\n")
	for k, row := range fx.Rows {
		line, err := json.Marshal(row)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		if k < len(fx.Rows)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("],\"files\":{\n")
	names := slices.Sorted(maps.Keys(fx.Files))
	for k, name := range names {
		key, _ := json.Marshal(name)
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(fx.Files[name])
		if k < len(names)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("}}")
	b := buf.Bytes()
	var check fixture
	if err := json.Unmarshal(b, &check); err != nil || len(check.Rows) != len(fx.Rows) || len(check.Files) != len(files) {
		t.Fatalf("the fixture does not read back: %v", err)
	}
	testdataFile(t, "fixture.json", "TestFixture", b)
}
