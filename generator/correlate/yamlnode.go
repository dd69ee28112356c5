package correlate

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// entry is one key and value of a mapping.
type entry struct {
	key     string
	keyNode *yaml.Node
	value   *yaml.Node
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// mapping returns the entries of a mapping node, with merge keys (<<)
// applied as PyYAML does; a repeated key is an error (PyYAML silently keeps
// the last one).
func (p *parser) mapping(n *yaml.Node, key string) ([]entry, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		what := "the file"
		if key != "" {
			what = "this"
		}
		p.errorf(n, key, "%s must be a mapping of keys to values, not %s", what, kindName(n))
		return nil, false
	}
	var out []entry
	seen := map[string]*yaml.Node{}
	var merged []entry
	good := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, key, "keys must be plain names")
			good = false
			continue
		}
		if k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0) {
			merged = append(merged, p.mergeEntries(v, key)...)
			continue
		}
		if prev := seen[k.Value]; prev != nil {
			p.errorf(k, joinKey(key, k.Value), "repeated key (first on line %d)", prev.Line)
			good = false
			continue
		}
		seen[k.Value] = k
		out = append(out, entry{key: k.Value, keyNode: k, value: v})
	}
	for _, m := range merged {
		if seen[m.key] == nil {
			seen[m.key] = m.keyNode
			out = append(out, m)
		}
	}
	return out, good
}

func (p *parser) mergeEntries(v *yaml.Node, key string) []entry {
	v = resolve(v)
	var out []entry
	switch v.Kind {
	case yaml.MappingNode:
		ents, _ := p.mapping(v, key)
		out = append(out, ents...)
	case yaml.SequenceNode:
		for _, c := range v.Content {
			if c = resolve(c); c.Kind == yaml.MappingNode {
				ents, _ := p.mapping(c, key)
				out = append(out, ents...)
			} else {
				p.errorf(c, key, "a merge (<<) takes mappings only")
			}
		}
	default:
		p.errorf(v, key, "a merge (<<) takes mappings only")
	}
	return out
}

func joinKey(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}

func (p *parser) sequence(n *yaml.Node, key string) ([]*yaml.Node, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		p.errorf(n, key, "must be a list, not %s", kindName(n))
		return nil, false
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = resolve(c)
	}
	return out, true
}

func (p *parser) scalar(n *yaml.Node, key string) (pyValue, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		p.errorf(n, key, "must be a single value, not %s", kindName(n))
		return pyValue{}, false
	}
	v, err := pyScalar(n)
	if err != nil {
		p.errorf(n, key, "%v", err)
		return pyValue{}, false
	}
	return v, true
}

func kindName(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if v, err := pyScalar(n); err == nil {
			if v.kind == pyNull {
				return "an empty value"
			}
			return fmt.Sprintf("%s (%q)", v.kind, n.Value)
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unexpected node"
}
