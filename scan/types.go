package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// TypesFile declares element types the scan uses that are not among
// SpiderFoot's 172 (an older SpiderFoot's types, a custom module's), so that
// they show with their names and, as entities, in the graph. Tab-separated,
// one type a line, after a header line:
//
//	code	description	raw	category
//
// raw is 0 or 1, category one of ENTITY, DESCRIPTOR, DATA, SUBENTITY,
// INTERNAL (SpiderFoot's tbl_event_types). Optional; written by imports.
const TypesFile = "types.tsv"

// TypeDecl is one line of types.tsv.
type TypeDecl struct {
	Code, Description, Category string
	Raw                         bool
}

// typeCategories are the categories a declared type may have.
var typeCategories = map[string]bool{"ENTITY": true, "DESCRIPTOR": true, "DATA": true, "SUBENTITY": true, "INTERNAL": true}

// MaxTypesFile is the largest types.tsv read (1 MiB).
const MaxTypesFile = 1 << 20

// Types reads types.tsv (none: nil, no error). A line that cannot be used
// is reported and skipped.
func (d *Dir) Types(report Reporter) ([]TypeDecl, error) {
	data, truncated, err := d.ReadSmall(TypesFile, MaxTypesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	file := d.Rel(TypesFile)
	if truncated {
		report.report(Problem{Scan: d.ID, File: file, Severity: Warning, Kind: KindTooLong, Text: fmt.Sprintf("longer than %d bytes; the rest is not read", MaxTypesFile)})
	}
	return ParseTypes(string(data), d.ID, file, report), nil
}

// ParseTypes parses the text of types.tsv.
func ParseTypes(text, id, file string, report Reporter) []TypeDecl {
	var out []TypeDecl
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if i == 0 || line == "" || line[0] == '#' {
			continue // the header
		}
		bad := func(why string) {
			report.report(Problem{Scan: id, File: file, Line: i + 1, Severity: Warning, Kind: KindField, Text: why + "; line skipped"})
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			bad(fmt.Sprintf("want 4 tab-separated fields, got %d", len(f)))
			continue
		}
		if f[0] == "" || f[0] == RootID || len(f[0]) > 200 {
			bad("the type code " + strconv.Quote(f[0]) + " cannot be declared")
			continue
		}
		if !typeCategories[f[3]] {
			bad("category " + strconv.Quote(f[3]) + " is not ENTITY, DESCRIPTOR, DATA, SUBENTITY or INTERNAL")
			continue
		}
		out = append(out, TypeDecl{Code: f[0], Description: f[1], Raw: f[2] == "1", Category: f[3]})
	}
	return out
}
