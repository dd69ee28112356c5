package correlate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// Risk levels of a rule, from the most serious.
const (
	RiskHigh   = "HIGH"
	RiskMedium = "MEDIUM"
	RiskLow    = "LOW"
	RiskInfo   = "INFO"
)

// Risks lists the risk levels from the most serious.
var Risks = []string{RiskHigh, RiskMedium, RiskLow, RiskInfo}

// KindRule is the kind of the problems Load reports.
const KindRule scan.Kind = "correlation-rule"

// TemplateFile is skipped by Load, as SpiderFoot skips it: it is the
// example to copy, not a rule.
const TemplateFile = "template.yaml"

// MaxRuleSize is the largest rule file read (1 MiB).
const MaxRuleSize = 1 << 20

// Rule is one parsed and checked correlation rule. Rules are not changed
// after Parse, so they can be shared between goroutines.
type Rule struct {
	ID          string // equals the file name without .yaml
	Name        string // meta.name, trimmed
	Description string // meta.description, trimmed
	Risk        string // HIGH, MEDIUM, LOW or INFO
	Author, URL string // meta.author and meta.url, when given
	// Enabled is false when the file says enabled: false; Run skips such
	// rules (SpiderFoot runs them anyway; see docs/correlations.md).
	Enabled bool
	File    string // the file as named to Parse
	// Set is where the rule comes from: a built-in set's name (package
	// rules), FolderSet, or "" when read by Parse or Load directly.
	Set string
	// Replaces names the built-in set whose rule of the same id this one
	// replaces (LoadSelection); "" when it replaces none.
	Replaces string
	Raw      []byte // the file's bytes (SpiderFoot's rawYaml / rule_logic)
	// Headline is the headline template, {field} placeholders included.
	Headline string

	collections [][]match
	agg         *field
	analysis    []analysis
	head        []headPart
	publish     []int32 // headline.publish_collections; nil: all
	warnings    []*RuleError
}

// Collections is the number of collections of the rule.
func (r *Rule) Collections() int { return len(r.collections) }

// rel says whose field a field is: the element's own, its source's, its
// children's or its entity's.
type rel uint8

const (
	relSelf rel = iota
	relSource
	relChild
	relEntity
)

// attr is the part of an element a field names.
type attr uint8

const (
	attrType attr = iota
	attrModule
	attrData
)

// field is a rule field such as data or source.type.
type field struct {
	rel  rel
	attr attr
}

var relNames = [...]string{"", "source.", "child.", "entity."}
var attrNames = [...]string{"type", "module", "data"}

func (f field) String() string { return relNames[f.rel] + attrNames[f.attr] }

// fieldList is how messages name the valid fields.
const fieldList = "type, module, data, source.*, child.*, entity.*"

func parseField(s string) (field, bool) {
	var f field
	prefix, name, dotted := strings.Cut(s, ".")
	if dotted {
		switch prefix {
		case "source":
			f.rel = relSource
		case "child":
			f.rel = relChild
		case "entity":
			f.rel = relEntity
		default:
			return f, false
		}
	} else {
		name = prefix
	}
	switch name {
	case "type":
		f.attr = attrType
	case "module":
		f.attr = attrModule
	case "data":
		f.attr = attrData
	default:
		return f, false
	}
	return f, true
}

// match is one match rule of a collection.
type match struct {
	exact bool
	f     field
	pats  []pattern
}

// pattern is one value of a match rule.
type pattern struct {
	text string // after str() and without the "not " prefix
	not  bool
	re   *regexp.Regexp // for regex match rules
	lit  literal        // text every match contains (a quick pre-test)
}

// Analysis methods.
const (
	methodThreshold  = "threshold"
	methodOutlier    = "outlier"
	methodFirstOnly  = "first_collection_only"
	methodMatchFirst = "match_all_to_first_collection"
	methodBoth       = "both_collections"
)

type analysis struct {
	method      string
	f           field
	min, max    float64
	unique      bool
	maxPct      float64
	noisyPct    float64
	matchMethod string // exact, contains or subnet
}

// headPart is a piece of a headline: text, or a placeholder.
type headPart struct {
	text    string
	isField bool
	f       field
}

// RuleError is one thing wrong with a rule file.
type RuleError struct {
	File string
	Line int    // 1-based; 0 when unknown
	Key  string // e.g. collections[0].collect[1].field; empty for the whole file
	Msg  string
}

func (e *RuleError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ParseError lists everything wrong with one rule file.
type ParseError struct {
	Errors []*RuleError
}

func (e *ParseError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, x := range e.Errors {
		msgs[i] = x.Error()
	}
	return strings.Join(msgs, "\n")
}

// catalogue is the element type vocabulary, for checking type names.
var catalogue = sync.OnceValue(eltypes.MustLoad)

// Parse reads and checks one rule. file names it in messages; its base name
// without .yaml must equal the rule's id (when file is empty, any id is
// accepted). The error, when not nil, is a *ParseError.
func Parse(data []byte, file string) (*Rule, error) {
	p := &parser{file: file}
	r := p.parse(data)
	if len(p.errs) > 0 {
		return nil, &ParseError{Errors: p.errs}
	}
	r.warnings = p.warns
	return r, nil
}

type parser struct {
	file         string
	errs         []*RuleError
	warns        []*RuleError
	nCollections int // collect blocks in the file
}

func (p *parser) errorf(n *yaml.Node, key, format string, args ...any) {
	p.errs = append(p.errs, &RuleError{File: p.file, Line: line(n), Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) warnf(n *yaml.Node, key, format string, args ...any) {
	p.warns = append(p.warns, &RuleError{File: p.file, Line: line(n), Key: key, Msg: fmt.Sprintf(format, args...)})
}

func line(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are libyaml's parser messages (the others come from
// its scanner).
var yamlParserProblems = map[string]bool{
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

func (p *parser) parse(data []byte) *Rule {
	r := &Rule{File: p.file, Raw: data, Enabled: true}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errorf(nil, "", "the file is empty; a rule needs id, meta, collections and headline")
			return r
		}
		msg := err.Error()
		if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			if yamlParserProblems[m[2]] {
				// go-yaml reports a parser (not scanner) error at the
				// 0-based line of the construct it was parsing.
				n++
				m[2] += " (in the block that starts here)"
			} else {
				m[2] += " (on this line or in the block that starts here)"
			}
			p.errs = append(p.errs, &RuleError{File: p.file, Line: n, Msg: "YAML: " + m[2]})
		} else {
			p.errorf(nil, "", "YAML: %s", strings.TrimPrefix(msg, "yaml: "))
		}
		return r
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		p.errorf(&extra, "", "a second YAML document; a rule file holds one")
		return r
	}
	top := resolve(&doc)
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = resolve(top.Content[0])
	}
	entries, ok := p.mapping(top, "")
	if !ok {
		return r
	}
	have := map[string]*yaml.Node{}
	for _, kv := range entries {
		have[kv.key] = kv.value
		switch kv.key {
		case "id", "version", "enabled", "meta", "collections", "aggregation", "analysis", "headline", "rawYaml":
		default:
			p.errorf(kv.keyNode, kv.key, "unknown key (allowed: id, version, enabled, meta, collections, aggregation, analysis, headline)")
		}
	}
	for _, k := range []string{"id", "meta", "collections", "headline"} {
		if have[k] == nil {
			p.errorf(top, k, "missing; every rule needs id, meta, collections and headline")
		}
	}
	if n := have["id"]; n != nil {
		if v, ok := p.scalar(n, "id"); ok {
			r.ID = v.str
			stem := strings.TrimSuffix(path.Base(filepath.ToSlash(p.file)), ".yaml")
			switch {
			case strings.TrimSpace(v.str) == "" || v.kind == pyNull:
				p.errorf(n, "id", "must not be empty")
			case p.file != "" && v.str != stem:
				p.errorf(n, "id", "%q differs from the file name %q; the id must be the file name without .yaml", v.str, path.Base(filepath.ToSlash(p.file)))
			}
		}
	}
	if n := have["version"]; n != nil {
		if v, ok := p.scalar(n, "version"); ok && !(v.kind == pyInt && v.str == "1") {
			p.warnf(n, "version", "%s: only version 1 exists; read as version 1", v.str)
		}
	}
	if n := have["enabled"]; n != nil {
		if v, ok := p.scalar(n, "enabled"); ok {
			if v.kind != pyBool {
				p.errorf(n, "enabled", "must be true or false, not %s", v.kind)
			} else {
				r.Enabled = v.b
			}
		}
	}
	if n := have["meta"]; n != nil {
		p.meta(r, n)
	}
	if n := have["collections"]; n != nil {
		p.collections(r, n)
	}
	if n := have["aggregation"]; n != nil {
		if ents, ok := p.mapping(n, "aggregation"); ok {
			var fn *yaml.Node
			for _, kv := range ents {
				if kv.key == "field" {
					fn = kv.value
				} else {
					p.errorf(kv.keyNode, "aggregation."+kv.key, "unknown key (aggregation has only field)")
				}
			}
			if fn == nil {
				p.errorf(n, "aggregation.field", "missing; aggregation needs a field")
			} else if f, ok := p.field(fn, "aggregation.field"); ok {
				r.agg = &f
			}
		}
	}
	if n := have["analysis"]; n != nil {
		p.analyses(r, n)
	}
	if n := have["headline"]; n != nil {
		p.headline(r, n)
	}
	return r
}

func (p *parser) meta(r *Rule, n *yaml.Node) {
	ents, ok := p.mapping(n, "meta")
	if !ok {
		return
	}
	got := map[string]bool{}
	for _, kv := range ents {
		key := "meta." + kv.key
		var dst *string
		switch kv.key {
		case "name":
			dst = &r.Name
		case "description":
			dst = &r.Description
		case "risk":
			dst = &r.Risk
		case "author":
			dst = &r.Author
		case "url":
			dst = &r.URL
		default:
			p.errorf(kv.keyNode, key, "unknown key (meta has name, description, risk, author and url)")
			continue
		}
		got[kv.key] = true
		v, ok := p.scalar(kv.value, key)
		if !ok {
			continue
		}
		if v.kind != pyStr {
			// SpiderFoot strips every meta value, which fails on anything
			// but a string.
			p.errorf(kv.value, key, "must be text, not %s (quote it)", v.kind)
			continue
		}
		*dst = strings.TrimSpace(v.str)
		if *dst == "" && (kv.key == "name" || kv.key == "description" || kv.key == "risk") {
			p.errorf(kv.value, key, "must not be empty")
		}
	}
	for _, k := range []string{"name", "description", "risk"} {
		if !got[k] {
			p.errorf(n, "meta."+k, "missing; meta needs name, description and risk")
		}
	}
	if r.Risk != "" {
		switch r.Risk {
		case RiskHigh, RiskMedium, RiskLow, RiskInfo:
		default:
			p.errorf(valueOf(ents, "risk"), "meta.risk", "%q is not a risk (HIGH, MEDIUM, LOW or INFO)", r.Risk)
		}
	}
}

func valueOf(ents []entry, key string) *yaml.Node {
	for _, kv := range ents {
		if kv.key == key {
			return kv.value
		}
	}
	return nil
}

func (p *parser) collections(r *Rule, n *yaml.Node) {
	items, ok := p.sequence(n, "collections")
	if !ok {
		return
	}
	p.nCollections = len(items)
	if len(items) == 0 {
		p.errorf(n, "collections", "empty; a rule needs at least one collect block")
	}
	cat := catalogue()
	for ci, item := range items {
		ckey := fmt.Sprintf("collections[%d]", ci)
		ents, ok := p.mapping(item, ckey)
		if !ok {
			continue
		}
		var collect *yaml.Node
		for _, kv := range ents {
			if kv.key == "collect" {
				collect = kv.value
			} else {
				p.errorf(kv.keyNode, ckey+"."+kv.key, "unknown key (a collection has only collect)")
			}
		}
		if collect == nil {
			p.errorf(item, ckey+".collect", "missing; each collection needs a collect list")
			continue
		}
		rules, ok := p.sequence(collect, ckey+".collect")
		if !ok {
			continue
		}
		if len(rules) == 0 {
			p.errorf(collect, ckey+".collect", "empty; a collect list needs at least one match rule")
			continue
		}
		var ms []match
		for mi, mn := range rules {
			mkey := fmt.Sprintf("%s.collect[%d]", ckey, mi)
			m, ok := p.match(mn, mkey, mi == 0, cat)
			if ok {
				ms = append(ms, m)
			}
		}
		if len(ms) == len(rules) {
			r.collections = append(r.collections, ms)
		}
	}
}

func (p *parser) match(n *yaml.Node, key string, first bool, cat *eltypes.Catalogue) (match, bool) {
	var m match
	ents, ok := p.mapping(n, key)
	if !ok {
		return m, false
	}
	var method, fieldN, value *yaml.Node
	for _, kv := range ents {
		switch kv.key {
		case "method":
			method = kv.value
		case "field":
			fieldN = kv.value
		case "value":
			value = kv.value
		default:
			p.errorf(kv.keyNode, key+"."+kv.key, "unknown key (a match rule has method, field and value)")
		}
	}
	good := true
	for _, x := range []struct {
		n    *yaml.Node
		name string
	}{{method, "method"}, {fieldN, "field"}, {value, "value"}} {
		if x.n == nil {
			p.errorf(n, key+"."+x.name, "missing; a match rule needs method, field and value")
			good = false
		}
	}
	if !good {
		return m, false
	}
	if v, ok := p.scalar(method, key+".method"); ok {
		switch v.str {
		case "exact":
			m.exact = true
		case "regex":
		default:
			p.errorf(method, key+".method", "%q is not a method (exact or regex)", v.str)
			good = false
		}
	} else {
		good = false
	}
	f, ok := p.field(fieldN, key+".field")
	if !ok {
		return m, false
	}
	m.f = f
	if first {
		switch {
		case f.rel != relSelf:
			p.errorf(fieldN, key+".field", "%q cannot select elements: the first match rule of a collection uses type, module or data; source.*, child.* and entity.* only filter in later rules", f.String())
			good = false
		case f.attr == attrModule && !m.exact:
			p.errorf(method, key+".method", "the first match rule selects modules by exact name only")
			good = false
		case f.attr == attrData && !m.exact:
			p.errorf(method, key+".method", "the first match rule cannot use regex on data; select by type or module first and filter data in a later rule")
			good = false
		}
	}
	vals, ok := p.values(value, key+".value")
	if !ok {
		return m, false
	}
	for i, v := range vals {
		vkey := key + ".value"
		if len(vals) > 1 || value.Kind == yaml.SequenceNode {
			vkey = fmt.Sprintf("%s.value[%d]", key, i)
		}
		pat := pattern{text: v.text}
		if strings.HasPrefix(v.text, "not ") {
			if first {
				p.errorf(v.node, vkey, "%q: the first match rule of a collection cannot use \"not\"", v.text)
				good = false
				continue
			}
			pat.not = true
			pat.text = notPrefix.ReplaceAllString(v.text, "")
		}
		if !m.exact {
			// SpiderFoot matches types case-sensitively in the first rule
			// and everything else with re.IGNORECASE.
			re, lit, err := compilePythonLit(pat.text, !first)
			if err != nil {
				p.errorf(v.node, vkey, "%q: %v", pat.text, err)
				good = false
				continue
			}
			pat.re, pat.lit = re, lit
		} else if first && f.attr == attrType && pat.text != scan.RootID {
			if t := cat.Lookup(pat.text); !t.Known {
				p.warnf(v.node, vkey, "%q is not a SpiderFoot element type; the rule matches it only in scans that use it", pat.text)
			}
		}
		m.pats = append(m.pats, pat)
	}
	return m, good
}

var notPrefix = regexp.MustCompile(`^not\s+`)

type value struct {
	text string
	node *yaml.Node
}

// values reads a match rule's value: a scalar or a list of scalars, each
// turned into text as Python's str() does.
func (p *parser) values(n *yaml.Node, key string) ([]value, bool) {
	n = resolve(n)
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			nodes = append(nodes, resolve(c))
		}
		if len(nodes) == 0 {
			p.errorf(n, key, "an empty list matches nothing; give at least one value")
			return nil, false
		}
	default:
		p.errorf(n, key, "must be a value or a list of values")
		return nil, false
	}
	var out []value
	good := true
	for i, c := range nodes {
		k := key
		if n.Kind == yaml.SequenceNode {
			k = fmt.Sprintf("%s[%d]", key, i)
		}
		if c.Kind != yaml.ScalarNode {
			p.errorf(c, k, "must be a single value, not a list or mapping")
			good = false
			continue
		}
		v, err := pyScalar(c)
		if err != nil {
			p.errorf(c, k, "%v", err)
			good = false
			continue
		}
		if v.kind == pyNull {
			p.errorf(c, k, "is empty (null); quote it (\"\") to match an empty value")
			good = false
			continue
		}
		out = append(out, value{text: v.str, node: c})
	}
	return out, good
}

func (p *parser) field(n *yaml.Node, key string) (field, bool) {
	v, ok := p.scalar(n, key)
	if !ok {
		return field{}, false
	}
	f, ok := parseField(v.str)
	if !ok || v.kind != pyStr {
		p.errorf(n, key, "%q is not a field (%s)", v.str, fieldList)
		return field{}, false
	}
	return f, true
}

func (p *parser) analyses(r *Rule, n *yaml.Node) {
	items, ok := p.sequence(n, "analysis")
	if !ok {
		return
	}
	for i, item := range items {
		key := fmt.Sprintf("analysis[%d]", i)
		ents, ok := p.mapping(item, key)
		if !ok {
			continue
		}
		mn := valueOf(ents, "method")
		if mn == nil {
			p.errorf(item, key+".method", "missing; each analysis needs a method (%s)", methodList)
			continue
		}
		mv, ok := p.scalar(mn, key+".method")
		if !ok {
			continue
		}
		a := analysis{method: mv.str, min: 0, max: 999999999, noisyPct: 10}
		var allowed, required []string
		switch a.method {
		case methodThreshold:
			allowed, required = []string{"field", "minimum", "maximum", "count_unique_only"}, []string{"field"}
		case methodOutlier:
			allowed, required = []string{"maximum_percent", "noisy_percent"}, []string{"maximum_percent"}
		case methodFirstOnly:
			allowed, required = []string{"field"}, []string{"field"}
		case methodMatchFirst:
			allowed, required = []string{"field", "match_method"}, []string{"field", "match_method"}
		case methodBoth:
			allowed = []string{"field"}
		default:
			p.errorf(mn, key+".method", "%q is not an analysis method (%s)", mv.str, methodList)
			continue
		}
		good := true
		for _, kv := range ents {
			k := key + "." + kv.key
			if kv.key == "method" {
				continue
			}
			if !slices.Contains(allowed, kv.key) {
				if kv.key == "must_be_unique" {
					p.errorf(kv.keyNode, k, "SpiderFoot's engine never reads must_be_unique (its validator names it by mistake); use count_unique_only")
				} else {
					p.errorf(kv.keyNode, k, "unknown key for %s (allowed: %s)", a.method, strings.Join(allowed, ", "))
				}
				good = false
				continue
			}
			switch kv.key {
			case "field":
				f, ok := p.field(kv.value, k)
				if !ok {
					good = false
				} else if a.method == methodFirstOnly && f.rel != relSelf {
					p.errorf(kv.value, k, "%q: first_collection_only compares the elements' own type, module or data", f.String())
					good = false
				}
				a.f = f
			case "minimum", "maximum", "maximum_percent", "noisy_percent":
				v, ok := p.scalar(kv.value, k)
				if !ok {
					good = false
					continue
				}
				if v.kind != pyInt && v.kind != pyFloat {
					p.errorf(kv.value, k, "must be a number, not %s", v.kind)
					good = false
					continue
				}
				switch kv.key {
				case "minimum":
					a.min = v.num
				case "maximum":
					a.max = v.num
				case "maximum_percent":
					a.maxPct = v.num
				case "noisy_percent":
					a.noisyPct = v.num
				}
			case "count_unique_only":
				v, ok := p.scalar(kv.value, k)
				if !ok {
					good = false
				} else if v.kind != pyBool {
					p.errorf(kv.value, k, "must be true or false, not %s", v.kind)
					good = false
				} else {
					a.unique = v.b
				}
			case "match_method":
				v, ok := p.scalar(kv.value, k)
				if !ok {
					good = false
					continue
				}
				switch v.str {
				case "exact", "contains", "subnet":
					a.matchMethod = v.str
				default:
					p.errorf(kv.value, k, "%q is not a match method (exact, contains or subnet)", v.str)
					good = false
				}
			}
		}
		for _, k := range required {
			if valueOf(ents, k) == nil {
				p.errorf(item, key+"."+k, "missing; %s needs %s", a.method, strings.Join(required, " and "))
				good = false
			}
		}
		if good {
			r.analysis = append(r.analysis, a)
		}
	}
}

const methodList = "threshold, outlier, first_collection_only, match_all_to_first_collection, both_collections"

// placeholderRe is SpiderFoot's placeholder pattern: lower-case letters and
// dots between braces.
var placeholderRe = regexp.MustCompile(`\{([a-z.]+)\}`)

func (p *parser) headline(r *Rule, n *yaml.Node) {
	textN, key := n, "headline"
	n = resolve(n)
	if n.Kind == yaml.MappingNode {
		key = "headline.text"
		ents, _ := p.mapping(n, "headline")
		textN = nil
		for _, kv := range ents {
			switch kv.key {
			case "text":
				textN = kv.value
			case "publish_collections":
				p.publish(r, kv.value)
			default:
				p.errorf(kv.keyNode, "headline."+kv.key, "unknown key (a headline block has text and publish_collections)")
			}
		}
		if textN == nil {
			p.errorf(n, "headline.text", "missing; a headline block needs text")
			return
		}
	}
	v, ok := p.scalar(textN, key)
	if !ok {
		return
	}
	if v.kind != pyStr {
		p.errorf(textN, key, "must be text, not %s (quote it)", v.kind)
		return
	}
	r.Headline = v.str
	text := v.str
	last := 0
	for _, loc := range placeholderRe.FindAllStringSubmatchIndex(text, -1) {
		name := text[loc[2]:loc[3]]
		f, ok := parseField(name)
		if !ok {
			p.errorf(textN, key, "placeholder {%s} is not a field (%s)", name, fieldList)
			continue
		}
		if loc[0] > last {
			r.head = append(r.head, headPart{text: text[last:loc[0]]})
		}
		r.head = append(r.head, headPart{isField: true, f: f})
		last = loc[1]
	}
	if last < len(text) {
		r.head = append(r.head, headPart{text: text[last:]})
	}
}

func (p *parser) publish(r *Rule, n *yaml.Node) {
	items, ok := p.sequence(n, "headline.publish_collections")
	if !ok {
		return
	}
	for i, item := range items {
		key := fmt.Sprintf("headline.publish_collections[%d]", i)
		v, ok := p.scalar(item, key)
		if !ok {
			continue
		}
		c, err := strconv.Atoi(v.str)
		if v.kind != pyInt || err != nil || c < 0 {
			p.errorf(item, key, "%q is not a collection number (0 is the first collection)", v.str)
			continue
		}
		if c >= p.nCollections {
			p.errorf(item, key, "collection %d does not exist: the rule has %d (0 is the first)", c, p.nCollections)
			continue
		}
		r.publish = append(r.publish, int32(c))
	}
	if len(r.publish) == 0 {
		r.publish = nil // an empty list publishes everything, as no list does
	}
}
