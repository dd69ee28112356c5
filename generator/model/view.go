package model

import "slices"

// View returns a copy of s that later updates of s do not change, for
// writing the downloads and the search index while s takes new data (the
// preview's background exports and index merges). It holds what those
// read: the metadata, the elements (copied: their flags, risk and source
// change in place), the types (each copied, its counts as they are now
// and its list of elements cut at its length: the scan's own types go on
// growing theirs), modules, log lines, decisions and correlations
// (shared: those lists only grow, so the copy's shorter slices never see
// what is appended later). It must be taken while nothing updates s; it
// is for reading only.
func (s *Scan) View() *Scan {
	types := make([]*TypeStat, len(s.Types))
	for i, t := range s.Types {
		c := *t
		c.Elements = slices.Clip(t.Elements)
		c.hashes = nil // counting is the scan's, not the copy's
		types[i] = &c
	}
	return &Scan{
		Meta:            s.Meta,
		Settings:        s.Settings,
		Elements:        slices.Clone(s.Elements),
		Types:           types,
		Modules:         slices.Clip(s.Modules),
		Log:             slices.Clip(s.Log),
		Correlations:    slices.Clip(s.Correlations),
		CorrelationsRun: s.CorrelationsRun,
		Masking:         s.Masking,
		decisions:       slices.Clip(s.decisions),
	}
}
