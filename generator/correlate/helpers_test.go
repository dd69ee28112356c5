package correlate

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

var testCat = eltypes.MustLoad()

// sfRulesDir is SpiderFoot's rule set as kept in the repository (and
// built into the binary from there).
var sfRulesDir = filepath.Join("..", "..", "rules", "spiderfoot")

// build makes a finished automated scan of target from element lines:
//
//	id  TYPE  source  module  data
//
// separated by blanks; data is the rest of the line, or a Go-quoted string
// when it starts with a double quote. A module of "-" is empty.
func build(t testing.TB, target string, lines ...string) *model.Scan {
	t.Helper()
	s := model.New(scan.Meta{ID: "test", Target: target, Status: scan.StatusFinished, Kind: scan.KindAutomated}, testCat, nil)
	for n, l := range lines {
		var fields [4]string
		rest := strings.TrimSpace(l)
		for i := range fields {
			j := strings.IndexAny(rest, " \t")
			if j < 0 {
				j = len(rest)
			}
			fields[i], rest = rest[:j], strings.TrimSpace(rest[j:])
		}
		if fields[3] == "" {
			t.Fatalf("element line %q: want id, type, source, module, data", l)
		}
		data := rest
		if strings.HasPrefix(data, `"`) {
			u, err := strconv.Unquote(data)
			if err != nil {
				t.Fatalf("element line %q: %v", l, err)
			}
			data = u
		}
		mod := fields[3]
		if mod == "-" {
			mod = ""
		}
		s.Add(scan.Element{ID: fields[0], Type: fields[1], Source: fields[2], Module: mod, Data: data}, n+1)
	}
	s.Finish()
	return s
}

// mustParse parses a rule written in a test.
func mustParse(t testing.TB, id, text string) *Rule {
	t.Helper()
	r, err := Parse([]byte(text), id+".yaml")
	if err != nil {
		t.Fatalf("rule %s: %v", id, err)
	}
	return r
}

func ids(s *model.Scan, els []int32) []string { return elementIDs(s, els) }

// summary is a result as "headline [id id ...]", for comparisons.
func summary(s *model.Scan, res []Result) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Headline+" "+strings.Join(ids(s, r.Elements), ","))
	}
	return out
}

func headlines(res []Result) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Headline)
	}
	return out
}

// defaultRulesDir is scanreport's own rule set.
var defaultRulesDir = filepath.Join("..", "..", "rules")
