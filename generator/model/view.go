package model

import "slices"

// View returns a copy of s that later updates of s do not change, for
// writing the downloads while s takes new data (the preview's background
// exports). It holds what the exports read: the metadata, the elements
// (copied: their flags, risk and source change in place), the types,
// modules, log lines, decisions and correlations (shared: those lists only
// grow, so the copy's shorter slices never see what is appended later).
// It must be taken while nothing updates s; it is for reading only.
func (s *Scan) View() *Scan {
	return &Scan{
		Meta:            s.Meta,
		Settings:        s.Settings,
		Elements:        slices.Clone(s.Elements),
		Types:           slices.Clip(s.Types),
		Modules:         slices.Clip(s.Modules),
		Log:             slices.Clip(s.Log),
		Correlations:    slices.Clip(s.Correlations),
		CorrelationsRun: s.CorrelationsRun,
		Masking:         s.Masking,
		decisions:       slices.Clip(s.decisions),
	}
}
