package testread

import (
	"testing"

	"github.com/scanreport/scanreport/scan"
)

// ScanFiles is everything the scan package reads from one scan directory.
type ScanFiles struct {
	Meta     scan.Meta
	Elements []scan.Element
	ByID     map[string]scan.Element
	Log      []scan.LogEntry
	Settings scan.Settings
	Review   []scan.Decision
	Notes    []byte
	Problems []scan.Problem // what the readers reported, in order
}

// Scan reads scan id of the scans root with the scan package's own readers
// (missing optional files read as empty, as they do). An error fails the
// test; problems are collected in Problems.
func Scan(t testing.TB, root, id string) *ScanFiles {
	t.Helper()
	d := openDir(t, root, id)
	defer d.Close()
	s := &ScanFiles{ByID: map[string]scan.Element{}}
	report := func(p scan.Problem) { s.Problems = append(s.Problems, p) }
	var err error
	if s.Meta, err = d.Meta(report); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Elements(scan.Position{}, report, func(e scan.Element, _ int) error {
		s.Elements = append(s.Elements, e)
		s.ByID[e.ID] = e
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Log(scan.Position{}, report, func(e scan.LogEntry, _ int) error {
		s.Log = append(s.Log, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if s.Settings, err = d.Settings(report); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Review(scan.Position{}, report, func(dc scan.Decision, _ int) error {
		s.Review = append(s.Review, dc)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if s.Notes, err = d.Notes(report); err != nil {
		t.Fatal(err)
	}
	return s
}
