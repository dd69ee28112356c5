package spiderfoot

import (
	_ "embed"
	"strings"
	"sync"
)

// modulesTSV is SpiderFoot 4.0's module table (MIT, LICENSE-spiderfoot):
// module, name, the element types it watches, the types it produces.
//
//go:embed modules.tsv
var modulesTSV string

// moduleTable is what the link rule uses of it: which types each module
// watches. "*" (the storage modules) watches everything.
type moduleTable struct {
	watched map[string]map[string]bool
}

var loadModules = sync.OnceValue(func() *moduleTable {
	mt := &moduleTable{watched: map[string]map[string]bool{}}
	for _, line := range strings.Split(modulesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || f[0] == "module" {
			continue
		}
		set := map[string]bool{}
		for _, t := range strings.Split(f[2], ",") {
			if t = strings.TrimSpace(t); t != "" {
				set[t] = true
			}
		}
		mt.watched[f[0]] = set
	}
	return mt
})

// watches reports whether module is known and, if so, whether it watches
// typ. SpiderFoot versions differ, so this is a preference, never a rule.
func (mt *moduleTable) watches(module, typ string) (known, yes bool) {
	set, ok := mt.watched[module]
	if !ok {
		return false, false
	}
	return true, set[typ] || set["*"]
}
