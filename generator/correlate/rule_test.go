package correlate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/scanreport/scanreport/scan"
)

const goodRule = `id: x
version: 1
meta:
  name: A rule
  description: >
    What it finds.
  risk: HIGH
collections:
  - collect:
      - method: exact
        field: type
        value: INTERNET_NAME
      - method: regex
        field: source.data
        value: .*
aggregation:
  field: data
analysis:
  - method: threshold
    field: data
    minimum: 2
headline: "Found {data}"
`

func TestParseGood(t *testing.T) {
	r, err := Parse([]byte(goodRule), "rules/x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "x" || r.Name != "A rule" || r.Description != "What it finds." || r.Risk != RiskHigh ||
		r.Headline != "Found {data}" || !r.Enabled || r.Collections() != 1 || string(r.Raw) != goodRule {
		t.Errorf("rule = %+v", r)
	}
}

// TestParseErrors: broken rules are refused with messages naming the file,
// the line and the key.
func TestParseErrors(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(goodRule, old) {
			t.Fatalf("goodRule has no %q", old)
		}
		return strings.Replace(goodRule, old, new, 1)
	}
	for _, c := range []struct {
		name, text, want string
	}{
		{"misspelt field", edit("field: source.data", "field: sorce.data"),
			`rules/x.yaml:14: collections[0].collect[1].field: "sorce.data" is not a field (type, module, data, source.*, child.*, entity.*)`},
		{"unknown top-level key", edit("version: 1", "version: 1\ncolour: red"),
			`rules/x.yaml:3: colour: unknown key (allowed: id, version, enabled, meta, collections, aggregation, analysis, headline)`},
		{"no headline", strings.Replace(goodRule, `headline: "Found {data}"`, "", 1),
			`rules/x.yaml:1: headline: missing; every rule needs id, meta, collections and headline`},
		{"id differs from file", edit("id: x", "id: y"),
			`rules/x.yaml:1: id: "y" differs from the file name "x.yaml"; the id must be the file name without .yaml`},
		{"empty meta name", edit("name: A rule", `name: ""`),
			`rules/x.yaml:4: meta.name: must not be empty`},
		{"no risk", edit("  risk: HIGH\n", ""),
			`rules/x.yaml:4: meta.risk: missing; meta needs name, description and risk`},
		{"bad risk", edit("risk: HIGH", "risk: CRITICAL"),
			`rules/x.yaml:7: meta.risk: "CRITICAL" is not a risk (HIGH, MEDIUM, LOW or INFO)`},
		{"bad method", edit("method: regex", "method: glob"),
			`rules/x.yaml:13: collections[0].collect[1].method: "glob" is not a method (exact or regex)`},
		{"no value", edit("        value: .*\n", ""),
			`rules/x.yaml:13: collections[0].collect[1].value: missing; a match rule needs method, field and value`},
		{"dotted first field", edit("field: type", "field: source.type"),
			`rules/x.yaml:11: collections[0].collect[0].field: "source.type" cannot select elements`},
		{"regex on data first", edit("method: exact\n        field: type", "method: regex\n        field: data"),
			`rules/x.yaml:10: collections[0].collect[0].method: the first match rule cannot use regex on data`},
		{"not in first rule", edit("value: INTERNET_NAME", "value: not INTERNET_NAME"),
			`rules/x.yaml:12: collections[0].collect[0].value: "not INTERNET_NAME": the first match rule of a collection cannot use "not"`},
		{"lookahead", edit("value: .*", "value: foo(?=bar)"),
			`rules/x.yaml:15: collections[0].collect[1].value: "foo(?=bar)": it uses a lookahead (?=...), which Go's RE2 regular expressions do not support`},
		{"backreference", edit("value: .*", `value: (a)\1`),
			`rules/x.yaml:15: collections[0].collect[1].value: "(a)\\1": it uses the backreference \1`},
		{"bad regex", edit("value: .*", "value: '[a-'"),
			`rules/x.yaml:15: collections[0].collect[1].value: "[a-": not a valid RE2 regular expression: missing closing ]`},
		{"unknown analysis method", edit("method: threshold", "method: average"),
			`rules/x.yaml:19: analysis[0].method: "average" is not an analysis method`},
		{"must_be_unique", edit("minimum: 2", "minimum: 2\n    must_be_unique: true"),
			`rules/x.yaml:22: analysis[0].must_be_unique: SpiderFoot's engine never reads must_be_unique`},
		{"minimum not a number", edit("minimum: 2", "minimum: two"),
			`rules/x.yaml:21: analysis[0].minimum: must be a number, not a string`},
		{"aggregation without field", edit("  field: data\nanalysis", "  fields: data\nanalysis"),
			`rules/x.yaml:17: aggregation.fields: unknown key (aggregation has only field)`},
		{"bad placeholder", edit("Found {data}", "Found {source.name}"),
			`rules/x.yaml:22: headline: placeholder {source.name} is not a field`},
		{"first_collection_only dotted", edit("method: threshold\n    field: data", "method: first_collection_only\n    field: child.data"),
			`rules/x.yaml:20: analysis[0].field: "child.data": first_collection_only compares`},
		{"match_all without match_method", edit("method: threshold\n    field: data\n    minimum: 2", "method: match_all_to_first_collection\n    field: data"),
			`rules/x.yaml:19: analysis[0].match_method: missing`},
		{"publish a collection that does not exist", edit(`headline: "Found {data}"`, "headline:\n  text: x\n  publish_collections: [1]"),
			`rules/x.yaml:24: headline.publish_collections[0]: collection 1 does not exist: the rule has 1`},
		{"YAML syntax", edit("  risk: HIGH", "  risk: [HIGH"),
			`rules/x.yaml:7: YAML: did not find expected ',' or ']' (in the block that starts here)`},
		{"YAML bad indentation", edit("  risk: HIGH", "   risk: HIGH"),
			`rules/x.yaml:4: YAML: did not find expected key (in the block that starts here)`},
		{"YAML tab", edit("  risk: HIGH", "\trisk: HIGH"),
			`rules/x.yaml:5: YAML: found a tab character where an indentation space is expected (on this line or in the block that starts here)`},
		{"YAML mapping in value", edit("value: .*", "value: a: b"),
			`rules/x.yaml:15: YAML: mapping values are not allowed in this context (on this line`},
		{"repeated key", edit("  risk: HIGH", "  risk: HIGH\n  risk: LOW"),
			`rules/x.yaml:8: meta.risk: repeated key (first on line 7)`},
		{"value is a mapping", edit("value: INTERNET_NAME", "value: {a: b}"),
			`rules/x.yaml:12: collections[0].collect[0].value: must be a value or a list of values`},
		{"empty file", "", `rules/x.yaml: the file is empty`},
		{"not a mapping", "- a\n- b\n", `rules/x.yaml:1: the file must be a mapping of keys to values, not a list`},
		{"meta name a number", edit("name: A rule", "name: 2024"),
			`rules/x.yaml:4: meta.name: must be text, not an integer (quote it)`},
		{"enabled not a bool", edit("version: 1", "version: 1\nenabled: sometimes"),
			`rules/x.yaml:3: enabled: must be true or false, not a string`},
	} {
		_, err := Parse([]byte(c.text), "rules/x.yaml")
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if _, ok := err.(*ParseError); !ok {
			t.Errorf("%s: error is %T", c.name, err)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.name, err, c.want)
		}
	}
}

func TestParseWarnings(t *testing.T) {
	r, err := Parse([]byte(strings.Replace(strings.Replace(goodRule, "INTERNET_NAME", "MY_TYPE", 1), "version: 1", "version: 2", 1)), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range r.warnings {
		got = append(got, w.Error())
	}
	check(t, "warnings", got, []string{
		"x.yaml:2: version: 2: only version 1 exists; read as version 1",
		`x.yaml:12: collections[0].collect[0].value: "MY_TYPE" is not a SpiderFoot element type; the rule matches it only in scans that use it`,
	})
}

// TestYAMLValues: values become text as PyYAML (YAML 1.1) and Python's
// str() make them; aliases and merge keys work.
func TestYAMLValues(t *testing.T) {
	for in, want := range map[string]string{
		"yes": "True", "Off": "False", "true": "True", "~": "None", "null": "None",
		"0x1F": "31", "0o17": "0o17", "017": "15", "0b101": "5", "1_000": "1000", "1:30": "90", "-0": "0", "09": "09",
		"1.50": "1.5", "1e5": "1e5", "1.0e+5": "100000.0", "1.0e+16": "1e+16", "0.00001": "1e-05", "0.0001": "0.0001",
		".inf": "inf", "-.Inf": "-inf", ".NaN": "nan", "1:30.5": "90.5", "2001-12-14": "2001-12-14",
		"'yes'": "yes", `"0x1F"`: "0x1F", "!!str 12": "12", "plain text": "plain text", "3306": "3306",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+in), &n); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		v, err := pyScalar(n.Content[0].Content[1])
		if err != nil || v.str != want {
			t.Errorf("%s: got %q (%v), want %q", in, v.str, err, want)
		}
	}
	// An alias, a merge key and a plain yes as a value.
	text := `id: y
version: 1
meta: &m {name: N, description: D, risk: LOW}
collections:
  - collect:
      - &first {method: exact, field: type, value: INTERNET_NAME}
      - <<: *first
        field: data
        value: [yes, 3306]
headline: "{data}"
`
	r, err := Parse([]byte(text), "y.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := r.collections[0][1]
	if !m.exact || m.f != (field{attr: attrData}) || len(m.pats) != 2 || m.pats[0].text != "True" || m.pats[1].text != "3306" {
		t.Errorf("merged match rule = %+v", m)
	}
}

// TestPythonRegex: translation of Python patterns to RE2.
func TestPythonRegex(t *testing.T) {
	for _, c := range []struct {
		pattern    string
		ignoreCase bool
		value      string
		want       bool
	}{
		{`foo$`, false, "foo\n", true}, // Python's $ matches before a final newline
		{`foo$`, false, "foo\nx", false},
		{`foo\Z`, false, "foo\n", false}, // \Z does not
		{`foo\Z`, false, "foo", true},
		{`[$]`, false, "a$b", true}, // $ in a class is a dollar
		{`\$`, false, "a$b", true},
		{`(?m)^b$`, false, "a\nb\nc", true}, // MULTILINE keeps RE2's $
		{`.*dev.*`, true, "X-DEV-1", true},
		{`.*dev.*`, true, "x-prod-1", false},
		{`^.*dev`, false, "a\ndev", false}, // . does not cross a newline
		{`.*:3306$`, true, "1.2.3.4:3306", true},
		{`.*:3306$`, true, "1.2.3.4:33060", false},
		{`\101`, false, "A", true}, // three octal digits: a character
		{`[]a]`, false, "]", true}, // ] first in a class is a literal
		{`a{,2}b`, false, "ab", true},
		{`(.*)`, false, "", true},
		{`.*`, false, "", true},
		{`x|.*y.*`, false, "zzy", true},
		{`{foo}`, false, "a{foo}", true}, // a { that is no repetition is a literal
		{`caf\u00e9`, false, "café", true},
		{`[\u00e0-\u00ff]`, false, "é", true},
		{`\U0001F600`, false, "😀", true},
		{`a\0b`, false, "a\x00b", true},
	} {
		re, err := compilePython(c.pattern, c.ignoreCase)
		if err != nil {
			t.Errorf("%q: %v", c.pattern, err)
			continue
		}
		if got := re.MatchString(c.value); got != c.want {
			t.Errorf("%q (translated %q) on %q = %v", c.pattern, re.String(), c.value, got)
		}
	}
	// The literal pre-test never rules out a value the pattern matches.
	values := []string{"PHP/7.4", "php/7.4", "xPhP/5.x", "\u212a", "K", "k", "ſ", "S", "Ünïcode php/7.", "nginx/1.9.", "NGINX/1.17.3", "", "zz"}
	for _, p := range []string{`PHP/[57]\.`, `k`, `s`, `nginx/(0\.|1\.([0-9]|1[0-7])\.)`, `(?:abc)`, `x|y`, `Ü`, `^\+PONG`} {
		for _, ic := range []bool{true, false} {
			re, lit, err := compilePythonLit(p, ic)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range values {
				if re.MatchString(v) && !lit.mayMatch(v) {
					t.Errorf("%q (ignore case %v): literal %+v rules out %q, which matches", p, ic, lit, v)
				}
			}
		}
	}
	if _, lit, _ := compilePythonLit(`.*PHP/[57]\..*`, true); lit != (literal{text: "php/", fold: true}) {
		t.Errorf("literal = %+v", lit)
	}
	for _, p := range []string{`(?<=a)b`, `(?<!a)b`, `a(?!b)`, `(?P<x>a)(?P=x)`, `(a)\1`, `(?>a)`, `a++`, `(?x) a`, `a{2000}`} {
		if _, err := compilePython(p, false); err == nil {
			t.Errorf("%q compiled", p)
		}
	}
}

// TestLoad: a folder of rules; template.yaml, hidden files and other
// extensions skipped (.yml with a warning); a broken rule reported and
// left out, the others loaded, in file name order.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	named := func(id string) string { return strings.Replace(goodRule, "id: x", "id: "+id, 1) }
	write("b.yaml", named("b"))
	write("a.yaml", named("a"))
	write("template.yaml", "id: set_a_meaningful_id_here\n")
	write(".hidden.yaml", "junk: [")
	write("c.yml", named("c"))
	write("notes.txt", "hello")
	write("d.yaml", strings.Replace(named("d"), "risk: HIGH", "risk: SEVERE", 1))
	rules, probs := Load(dir)
	var got []string
	for _, r := range rules {
		got = append(got, r.ID)
	}
	check(t, "rules", got, []string{"a", "b"})
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, strings.TrimPrefix(p.String(), filepath.ToSlash(dir)+"/"))
		if p.Kind != KindRule {
			t.Errorf("kind %s", p.Kind)
		}
	}
	check(t, "problems", msgs, []string{
		"c.yml: warning: ignored: rule files must end in .yaml, as in SpiderFoot",
		`d.yaml:7: error: meta.risk: "SEVERE" is not a risk (HIGH, MEDIUM, LOW or INFO)`,
	})

	_, probs = Load(filepath.Join(dir, "missing"))
	if len(probs) != 1 || probs[0].Severity != scan.Error || !strings.Contains(probs[0].Text, "no such file") {
		t.Errorf("missing folder: %v", probs)
	}
}
