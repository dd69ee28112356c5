// Package rules holds the correlation rule sets built into scanreport, in
// SpiderFoot 4.0's rule format: scanreport's own rules (the YAML files of
// this folder) and SpiderFoot's 37 rules, unchanged, under SpiderFoot's MIT
// licence (spiderfoot/, see LICENSE-spiderfoot there). See README.md.
package rules

import (
	"embed"
	"io/fs"
)

// FS holds scanreport's own rule files (*.yaml) at its top level.
//
//go:embed *.yaml
var FS embed.FS

//go:embed spiderfoot/*.yaml
var spiderfootFS embed.FS

// Names of the built-in rule sets.
const (
	SpiderFoot = "spiderfoot" // SpiderFoot 4.0.0's correlations/*.yaml
	Scanreport = "scanreport" // this folder's own rules
)

// Set is one built-in rule set.
type Set struct {
	Name  string // SpiderFoot or Scanreport, as config.toml names it
	Title string // what the site calls it
	FS    fs.FS  // the rule files, at the top level
}

// Sets returns the built-in rule sets in their default order.
func Sets() []Set {
	sf, err := fs.Sub(spiderfootFS, "spiderfoot")
	if err != nil {
		panic("rules: embedded spiderfoot folder: " + err.Error()) // cannot happen: the folder is embedded
	}
	return []Set{
		{Name: SpiderFoot, Title: "SpiderFoot 4.0", FS: sf},
		{Name: Scanreport, Title: "scanreport", FS: FS},
	}
}

// DefaultSets are the names of the sets that run when config.toml chooses
// none: every built-in set.
func DefaultSets() []string {
	var names []string
	for _, s := range Sets() {
		names = append(names, s.Name)
	}
	return names
}

// Lookup returns the built-in set called name.
func Lookup(name string) (Set, bool) {
	for _, s := range Sets() {
		if s.Name == name {
			return s, true
		}
	}
	return Set{}, false
}
