package spiderfoot

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// csvHeader is SpiderFoot's single-scan export header; the multi-scan
// export puts "Scan Name" before it.
var csvHeader = []string{"Updated", "Type", "Module", "Source", "F/P", "Data"}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ImportCSV imports a SpiderFoot CSV export: the single-scan layout
// (Updated,Type,Module,Source,F/P,Data; the scan is named o.Name, or the one
// name in o.Scans) or the multi-scan layout with "Scan Name" first (one
// scan directory per name; o.Scans picks names). UTF-8 with or without a
// BOM, CRLF or LF, quoted fields with line breaks; a tab-separated export
// (SpiderFoot's excel-tab dialect) is recognised by its header.
func ImportCSV(ctx context.Context, r io.Reader, o Options) (*Summary, error) {
	start := time.Now()
	if o.Source == "" {
		o.Source = "input"
	}
	sum := &Summary{Source: o.Source + " (SpiderFoot CSV export)", ScansRoot: o.ScansRoot}
	br := bufio.NewReaderSize(r, 1<<20)
	if b, _ := br.Peek(3); bytes.Equal(b, utf8BOM) {
		br.Discard(3)
	}
	headerLine, err := br.ReadString('\n')
	if err != nil && (err != io.EOF || headerLine == "") {
		if err == io.EOF {
			return nil, errors.New("empty file: not a SpiderFoot CSV export")
		}
		return nil, err
	}
	delim := ','
	if strings.Contains(headerLine, "\t") && !strings.Contains(headerLine, ",") {
		delim = '\t'
	}
	hr := csv.NewReader(strings.NewReader(headerLine))
	hr.Comma = delim
	header, err := hr.Read()
	if err != nil {
		return nil, fmt.Errorf("not a SpiderFoot CSV export: header: %w", err)
	}
	multi := false
	switch {
	case sameHeader(header, csvHeader):
	case len(header) == len(csvHeader)+1 && strings.EqualFold(strings.TrimSpace(header[0]), "Scan Name") && sameHeader(header[1:], csvHeader):
		multi = true
	default:
		return nil, fmt.Errorf("not a SpiderFoot CSV export: the header is %q, not %q or with \"Scan Name\" first", strings.Join(header, string(delim)), strings.Join(csvHeader, ","))
	}

	cr := newCSVReader(br, byte(delim))
	var scans []*exportScan
	byName := map[string]*exportScan{}
	single := &exportScan{name: o.Name}
	if !multi {
		switch {
		case len(o.Scans) > 1:
			return nil, fmt.Errorf("a single-scan export holds one scan; --scan names it (got %d)", len(o.Scans))
		case len(o.Scans) == 1:
			single.name = o.Scans[0]
		case single.name == "":
			single.name = "SpiderFoot"
		}
		scans = append(scans, single)
	}
	loc := o.loc()
	for n := 0; ; n++ {
		rec, err := cr.read()
		if err == io.EOF {
			break
		}
		if n%8192 == 0 {
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr
			}
		}
		if errors.Is(err, errCSVQuote) {
			sum.skip("CSV rows with broken quoting", 1)
			continue
		}
		if err != nil {
			return nil, err
		}
		if len(rec) != len(header) {
			sum.skip(fmt.Sprintf("CSV rows without %d fields", len(header)), 1)
			continue
		}
		s := single
		if multi {
			name := rec[0]
			if s = byName[name]; s == nil {
				s = &exportScan{name: name}
				byName[name] = s
				scans = append(scans, s)
			}
			rec = rec[1:]
		}
		t, _ := parseExportTime(rec[0], loc)
		fp := strings.TrimSpace(rec[4])
		s.rows = append(s.rows, exportRow{t: t, typ: strings.TrimSpace(rec[1]), module: rec[2], source: rec[3], fp: fp == "1" || strings.EqualFold(fp, "true"), data: rec[5]})
	}
	if multi {
		if scans, err = selectExportScans(scans, o.Scans); err != nil {
			return nil, err
		}
	}
	src := o.Source
	if err := importExport("spiderfoot-csv", src, scans, &o, sum); err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

func sameHeader(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !strings.EqualFold(strings.TrimSpace(got[i]), want[i]) {
			return false
		}
	}
	return true
}
