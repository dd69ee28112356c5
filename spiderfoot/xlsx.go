package spiderfoot

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/scanreport/scanreport/internal/eltypes"
)

// The Excel exports (NOTES.md 3.1, 3.2): one worksheet per element type,
// named after the type's code (filtered to A-Z, 0-9 and _, not cut to Excel's
// 31 characters by SpiderFoot, but cut by anything that saved the file
// again), with the header "Updated, Module, Source, F/P, Data", or
// "Scan Name" first in the multi-scan export. github.com/xuri/excelize
// reads the workbook: the maintained pure-Go reader of the format, which
// streams a sheet's rows instead of loading the sheet whole.

var xlsxHeader = []string{"Updated", "Module", "Source", "F/P", "Data"}

// maxSheetName is the longest worksheet name Excel keeps.
const maxSheetName = 31

// ImportXLSX imports a SpiderFoot Excel export, single-scan (the scan is
// named o.Name, or the one name in o.Scans) or multi-scan (one scan
// directory per "Scan Name"; o.Scans picks names). Rows are taken in time
// order (the export groups them by type), so that links are rebuilt from
// the elements found before each one, as for CSV.
func ImportXLSX(ctx context.Context, r io.Reader, o Options) (*Summary, error) {
	start := time.Now()
	if o.Source == "" {
		o.Source = "input"
	}
	sum := &Summary{Source: o.Source + " (SpiderFoot Excel export)", ScansRoot: o.ScansRoot}
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("not a SpiderFoot Excel export: %w", err)
	}
	defer f.Close()
	cat := o.catalogue()
	loc := o.loc()
	var scans []*exportScan
	byName := map[string]*exportScan{}
	single := &exportScan{name: o.Name}
	multi := -1 // unknown until the first sheet's header
	var foreign []string
	for _, sheet := range f.GetSheetList() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		typ := sheetType(cat.All(), sheet)
		rows, err := f.Rows(sheet)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sheet, err)
		}
		first := true
		for rows.Next() {
			rec, err := rows.Columns()
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("sheet %q: %w", sheet, err)
			}
			if first {
				first = false
				m, ok := xlsxLayout(rec)
				if !ok {
					// A sheet added by hand (a summary, notes): skipped, the
					// others imported.
					foreign = append(foreign, fmt.Sprintf("sheet %q starts with %q, not %q or with \"Scan Name\" first", sheet, truncateText(strings.Join(rec, ", "), 80), strings.Join(xlsxHeader, ", ")))
					sum.skip(fmt.Sprintf("Excel sheet %q (not one of SpiderFoot's: its first row is not %s)", truncateText(sheet, 40), strings.Join(xlsxHeader, ", ")), 1)
					break
				}
				if multi >= 0 && m != (multi == 1) {
					rows.Close()
					return nil, fmt.Errorf("sheet %q: single-scan and multi-scan sheets mixed in one workbook", sheet)
				}
				multi = 0
				if m {
					multi = 1
				}
				continue
			}
			want := len(xlsxHeader) + multi
			for len(rec) < want && len(rec) > 0 {
				rec = append(rec, "") // trailing empty cells are not stored
			}
			if len(rec) == 0 || allEmpty(rec) {
				continue
			}
			if len(rec) != want {
				sum.skip(fmt.Sprintf("Excel rows without %d cells", want), 1)
				continue
			}
			s := single
			if multi == 1 {
				name := rec[0]
				if s = byName[name]; s == nil {
					s = &exportScan{name: name}
					byName[name] = s
					scans = append(scans, s)
				}
				rec = rec[1:]
			}
			fp := strings.TrimSpace(rec[3])
			s.rows = append(s.rows, exportRow{t: xlsxTime(rec[0], loc), typ: typ, module: rec[1], source: rec[2], fp: fp == "1" || strings.EqualFold(fp, "true"), data: rec[4]})
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sheet, err)
		}
	}
	if multi < 0 {
		if len(foreign) == 0 {
			return nil, fmt.Errorf("not a SpiderFoot Excel export: it has no sheet with rows")
		}
		return nil, fmt.Errorf("not a SpiderFoot Excel export: %s", strings.Join(foreign, "; "))
	}
	if multi != 1 {
		switch {
		case len(o.Scans) > 1:
			return nil, fmt.Errorf("a single-scan export holds one scan; --scan names it (got %d)", len(o.Scans))
		case len(o.Scans) == 1:
			single.name = o.Scans[0]
		case single.name == "":
			single.name = "SpiderFoot"
		}
		scans = []*exportScan{single}
	} else if scans, err = selectExportScans(scans, o.Scans); err != nil {
		return nil, err
	}
	if err := importExport("spiderfoot-xlsx", o.Source, scans, &o, sum); err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// xlsxLayout reads a sheet's header: multi says "Scan Name" comes first.
func xlsxLayout(rec []string) (multi, ok bool) {
	switch {
	case sameHeader(rec, xlsxHeader):
		return false, true
	case len(rec) == len(xlsxHeader)+1 && strings.EqualFold(strings.TrimSpace(rec[0]), "Scan Name") && sameHeader(rec[1:], xlsxHeader):
		return true, true
	}
	return false, false
}

// sheetType is the element type a sheet holds: its name, or the one known
// code that a name cut to Excel's 31 characters starts.
func sheetType(all []eltypes.Type, name string) string {
	if len(name) != maxSheetName {
		return name
	}
	found := ""
	for _, t := range all {
		if code := t.Code; code != name && strings.HasPrefix(code, name) {
			if found != "" {
				return name // two codes fit: keep what the sheet says
			}
			found = code
		}
	}
	if found == "" {
		return name
	}
	return found
}

// xlsxTime reads an Updated cell: SpiderFoot writes text
// ("2026-11-20 10:00:00"); a workbook saved again by a spreadsheet may hold
// a date serial number (days since 1899-12-30) instead.
func xlsxTime(cell string, loc *time.Location) time.Time {
	cell = strings.TrimSpace(cell)
	if f, err := strconv.ParseFloat(cell, 64); err == nil && f > 20000 && f < 80000 {
		days, frac := math.Modf(f)
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, loc)
		return base.AddDate(0, 0, int(days)).Add(time.Duration(math.Round(frac*86400)) * time.Second)
	}
	t, _ := parseExportTime(cell, loc)
	return t
}

func allEmpty(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// truncateText cuts s to n bytes (at a rune boundary) with an ellipsis.
func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
