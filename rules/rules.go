// Package rules is scanreport's default correlation rule set: the YAML
// files of this folder (SpiderFoot 4.0's rule format), built into the
// binary. See README.md.
package rules

import "embed"

// FS holds the rule files (*.yaml) at its top level.
//
//go:embed *.yaml
var FS embed.FS
