// The import's options and the names of the files it writes.

package spiderfoot

import (
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// MarkerFile marks a scan directory that an import created. Its content
// says where the scan came from. A re-import replaces a directory that has
// it; a directory without it is left alone unless Options.Force is set.
const MarkerFile = ".imported-from"

// CorrelationsFile holds the correlations SpiderFoot stored for a scan
// (database imports only). scanreport computes its own; this keeps
// SpiderFoot's.
const CorrelationsFile = "spiderfoot-correlations.json"

// TypesFile declares the element types of a scan that the built-in
// catalogue does not know (database imports of older SpiderFoot versions).
const TypesFile = scan.TypesFile

// ReviewBy is the "by" of the false-positive decisions an import writes.
const ReviewBy = "spiderfoot-import"

// rootModule is the module SpiderFoot gives the first events (the target).
const rootModule = "SpiderFoot UI"

// Options are what every import takes.
type Options struct {
	ScansRoot string   // where scan directories go
	Scans     []string // only these scans: ids or names (database), names (CSV, JSON); all when empty
	Force     bool     // replace a directory even if no import created it
	// Location is the time zone of the "YYYY-MM-DD HH:MM:SS" times in
	// exports and of the CLI's log lines: SpiderFoot writes server-local
	// time. Nil means UTC.
	Location *time.Location
	// Name names the scan of a single-scan CSV export (and the stream); ID,
	// when set, is its scan id instead of the one derived from the name.
	Name, ID string
	// Target is the scan target when the input does not say (CSV exports,
	// the CLI's csv and tab output). Empty means: work it out.
	Target string
	// Status is the status given to scans from exports, which do not say
	// (default FINISHED).
	Status string
	// Catalogue maps type descriptions to codes; nil loads the built-in one.
	Catalogue *eltypes.Catalogue
	// Source describes the input in the marker file and the summary (default:
	// the file name).
	Source string
}

func (o *Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func (o *Options) catalogue() *eltypes.Catalogue {
	if o.Catalogue == nil {
		o.Catalogue = eltypes.MustLoad()
	}
	return o.Catalogue
}
