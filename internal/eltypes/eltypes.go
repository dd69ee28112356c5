// Package eltypes is the element type vocabulary: SpiderFoot's 172 element
// types (code, description, category, raw flag), shipped as event-types.tsv
// under SpiderFoot's MIT licence (LICENSE-spiderfoot), and the rule that says
// which elements count as risky.
package eltypes

import (
	_ "embed"
	"fmt"
	"path"
	"sort"
	"strings"
)

//go:embed event-types.tsv
var tsv string

// Categories of element types, as SpiderFoot defines them. Unknown is ours:
// a type a scanner used that the catalogue does not know.
const (
	Entity     = "ENTITY"
	Descriptor = "DESCRIPTOR"
	Data       = "DATA"
	Subentity  = "SUBENTITY"
	Internal   = "INTERNAL"
	Unknown    = "UNKNOWN"
)

// Type is one element type.
type Type struct {
	Code        string // e.g. INTERNET_NAME
	Description string // e.g. Internet Name
	Category    string
	Raw         bool // the data is raw content (web pages, whois records)
	Known       bool // false for types not in the catalogue
}

// Catalogue looks types up by code and by description.
type Catalogue struct {
	byCode  map[string]Type
	byDescr map[string]Type
	all     []Type
}

// Load parses the embedded catalogue.
func Load() (*Catalogue, error) {
	c := &Catalogue{byCode: map[string]Type{}, byDescr: map[string]Type{}}
	for i, line := range strings.Split(strings.TrimSpace(tsv), "\n") {
		if i == 0 {
			continue // header
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("event-types.tsv:%d: want 4 fields, got %d", i+1, len(f))
		}
		t := Type{Code: f[0], Description: f[1], Raw: f[2] == "1", Category: f[3], Known: true}
		c.byCode[t.Code] = t
		c.byDescr[strings.ToLower(t.Description)] = t
		c.all = append(c.all, t)
	}
	sort.Slice(c.all, func(i, j int) bool { return c.all[i].Code < c.all[j].Code })
	return c, nil
}

// MustLoad is Load for callers that cannot go on without the catalogue.
func MustLoad() *Catalogue {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

// Lookup returns the type for code. An unknown code gets a Type with the
// code as its description and category Unknown.
func (c *Catalogue) Lookup(code string) Type {
	if t, ok := c.byCode[code]; ok {
		return t
	}
	return Type{Code: code, Description: code, Category: Unknown}
}

// ByDescription finds a type by its description ("Internet Name"), ignoring
// case, as SpiderFoot's CLI output and exports name types.
func (c *Catalogue) ByDescription(descr string) (Type, bool) {
	t, ok := c.byDescr[strings.ToLower(strings.TrimSpace(descr))]
	return t, ok
}

// All returns every known type, sorted by code.
func (c *Catalogue) All() []Type { return c.all }

// DefaultRiskyTypes are the type patterns that count as risky unless the
// configuration says otherwise.
var DefaultRiskyTypes = []string{
	"MALICIOUS_*", "BLACKLISTED_*", "VULNERABILITY*", "*_COMPROMISED", "DEFACED_*",
	"CLOUD_STORAGE_BUCKET_OPEN", "DARKNET_MENTION_*", "LEAKSITE_*", "URL_PASSWORD*",
}

// DefaultMinRisk is the element risk (0–100) from which an element of any
// type counts as risky.
const DefaultMinRisk = 50

// Risky decides which elements are risky: those of a type matching one of
// the patterns ('*' matches any run of characters), and those whose own risk
// is at least MinRisk (0 turns that off).
type Risky struct {
	patterns []string
	minRisk  int
	cache    map[string]bool
}

// NewRisky checks the patterns and builds a Risky.
func NewRisky(patterns []string, minRisk int) (*Risky, error) {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil || strings.ContainsAny(p, "/[]?\\") {
			return nil, fmt.Errorf("risky type pattern %q: only letters, digits, '_' and '*' are allowed", p)
		}
	}
	if minRisk < 0 || minRisk > 100 {
		return nil, fmt.Errorf("min_risk %d: must be from 0 to 100", minRisk)
	}
	return &Risky{patterns: patterns, minRisk: minRisk, cache: map[string]bool{}}, nil
}

// Type reports whether every element of the type is risky. Not safe for
// concurrent use (it caches answers).
func (r *Risky) Type(code string) bool {
	if v, ok := r.cache[code]; ok {
		return v
	}
	v := false
	for _, p := range r.patterns {
		if ok, _ := path.Match(p, code); ok {
			v = true
			break
		}
	}
	r.cache[code] = v
	return v
}

// Element reports whether an element of the type with the given risk is risky.
func (r *Risky) Element(code string, risk int) bool {
	return r.Type(code) || (r.minRisk > 0 && risk >= r.minRisk)
}

// With returns a catalogue that also knows the given types (a scan's own
// declarations: an older SpiderFoot's types). Built-in types keep their
// definition; c itself is not changed.
func (c *Catalogue) With(extra []Type) *Catalogue {
	if len(extra) == 0 {
		return c
	}
	n := &Catalogue{byCode: make(map[string]Type, len(c.byCode)+len(extra)), byDescr: make(map[string]Type, len(c.byDescr)+len(extra)), all: append([]Type(nil), c.all...)}
	for k, v := range c.byCode {
		n.byCode[k] = v
	}
	for k, v := range c.byDescr {
		n.byDescr[k] = v
	}
	for _, t := range extra {
		if _, ok := n.byCode[t.Code]; ok {
			continue
		}
		t.Known = true
		n.byCode[t.Code] = t
		if _, ok := n.byDescr[strings.ToLower(t.Description)]; !ok {
			n.byDescr[strings.ToLower(t.Description)] = t
		}
		n.all = append(n.all, t)
	}
	sort.Slice(n.all, func(i, j int) bool { return n.all[i].Code < n.all[j].Code })
	return n
}

// MinRisk is the risk score from which any element is risky (0: off).
func (r *Risky) MinRisk() int { return r.minRisk }
