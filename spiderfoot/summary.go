// Summary: what an import did, and its text for a person.

package spiderfoot

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/internal/numtext"
)

// Summary is what an import did.
type Summary struct {
	Source    string // what was imported
	ScansRoot string
	Scans     []ScanSummary
	// Skipped counts input that was not imported, by reason.
	Skipped map[string]int
	// Notes counts input that was imported but had to be guessed at or
	// repaired, by what was done.
	Notes   map[string]int
	Elapsed time.Duration
}

// ScanSummary is what an import did to one scan.
type ScanSummary struct {
	ID, Name, Status string
	Elements         int // ROOT included
	LogLines         int
	Settings         int
	FalsePositives   int // elements flagged in SpiderFoot
	FPDecisions      int // elements named in fp-set decisions (the others follow by cascade)
	FPUnsynced       int // elements SpiderFoot did not flag that sit under a flagged one (flagged here)
	Correlations     int // SpiderFoot's stored correlations, -1 when the database has none
	AmbiguousLinks   int // sources that matched several earlier elements
	UnmatchedLinks   int // sources that matched none (put under ROOT)
	DanglingSources  int // database sources naming a hash not in the scan
	DuplicateIDs     int // database rows whose hash repeats an earlier row's
	BadTimes         int // times that could not be read
	UnknownTypes     map[string]int
	DeclaredTypes    int          // unknown types the database's tbl_event_types describes (written to types.tsv)
	Replaced         *Replacement // the earlier import's directory this one replaced
	Appended         bool         // the stream added to an existing scan
}

func (s *Summary) skip(reason string, n int) {
	if n == 0 {
		return
	}
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[reason] += n
}

func (s *Summary) note(what string, n int) {
	if n == 0 {
		return
	}
	if s.Notes == nil {
		s.Notes = map[string]int{}
	}
	s.Notes[what] += n
}

func (ss *ScanSummary) unknownType(t string) {
	if ss.UnknownTypes == nil {
		ss.UnknownTypes = map[string]int{}
	}
	ss.UnknownTypes[t]++
}

// Totals adds up the scans' counts.
func (s *Summary) Totals() (elements, logLines int) {
	for _, sc := range s.Scans {
		elements += sc.Elements
		logLines += sc.LogLines
	}
	return
}

// WriteText prints the summary for a person.
func (s *Summary) WriteText(w io.Writer) {
	el, ll := s.Totals()
	fmt.Fprintf(w, "Imported %d %s (%s %s, %s %s) from %s into %s in %s.\n",
		len(s.Scans), plural(len(s.Scans), "scan", "scans"), numtext.Thousands(el), plural(el, "element", "elements"), numtext.Thousands(ll), plural(ll, "log line", "log lines"),
		s.Source, s.ScansRoot, s.Elapsed.Round(time.Millisecond))
	for _, sc := range s.Scans {
		var extra []string
		if sc.Settings > 0 {
			extra = append(extra, numtext.Thousands(sc.Settings)+" settings")
		}
		if sc.FalsePositives > 0 || sc.FPDecisions > 0 {
			extra = append(extra, fmt.Sprintf("%s false positives (%s named in decisions)", numtext.Thousands(sc.FalsePositives), numtext.Thousands(sc.FPDecisions)))
		}
		if sc.FPUnsynced > 0 {
			extra = append(extra, fmt.Sprintf("%s unflagged elements under a false positive (now false positives too)", numtext.Thousands(sc.FPUnsynced)))
		}
		if sc.Correlations >= 0 {
			extra = append(extra, fmt.Sprintf("%s SpiderFoot correlations kept in %s", numtext.Thousands(sc.Correlations), CorrelationsFile))
		}
		if sc.AmbiguousLinks > 0 {
			extra = append(extra, numtext.Thousands(sc.AmbiguousLinks)+" ambiguous links (resolved by the rule)")
		}
		if sc.UnmatchedLinks > 0 {
			extra = append(extra, numtext.Thousands(sc.UnmatchedLinks)+" unmatched sources (put under ROOT)")
		}
		if sc.DanglingSources > 0 {
			extra = append(extra, numtext.Thousands(sc.DanglingSources)+" sources naming no element (shown under ROOT)")
		}
		if sc.DuplicateIDs > 0 {
			extra = append(extra, numtext.Thousands(sc.DuplicateIDs)+" repeated hashes")
		}
		if sc.BadTimes > 0 {
			extra = append(extra, numtext.Thousands(sc.BadTimes)+" unreadable times")
		}
		if len(sc.UnknownTypes) > 0 {
			var parts []string
			for _, t := range slices.Sorted(maps.Keys(sc.UnknownTypes)) {
				parts = append(parts, fmt.Sprintf("%s ×%d", strconv.Quote(t), sc.UnknownTypes[t]))
			}
			extra = append(extra, "unknown types kept: "+strings.Join(parts, ", "))
		}
		if sc.DeclaredTypes > 0 {
			extra = append(extra, fmt.Sprintf("%s of them named, with their categories, by the database's tbl_event_types (in %s)", numtext.Thousands(sc.DeclaredTypes), TypesFile))
		}
		how := ""
		switch {
		case sc.Replaced != nil:
			how = " (replaced the earlier import)"
			extra = append(extra, sc.Replaced.describe()...)
		case sc.Appended:
			how = " (appended)"
		}
		fmt.Fprintf(w, "  %s  %s  %s: %s %s, %s %s%s\n", sc.ID, strconv.Quote(sc.Name), sc.Status,
			numtext.Thousands(sc.Elements), plural(sc.Elements, "element", "elements"), numtext.Thousands(sc.LogLines), plural(sc.LogLines, "log line", "log lines"), how)
		for _, e := range extra {
			fmt.Fprintf(w, "      %s\n", e)
		}
	}
	if len(s.Skipped) > 0 {
		total := 0
		for _, n := range s.Skipped {
			total += n
		}
		fmt.Fprintf(w, "Skipped %s:\n", numtext.Thousands(total))
		for _, r := range slices.Sorted(maps.Keys(s.Skipped)) {
			fmt.Fprintf(w, "  %8s  %s\n", numtext.Thousands(s.Skipped[r]), r)
		}
	}
	if len(s.Notes) > 0 {
		fmt.Fprintln(w, "Imported, with a guess or a repair:")
		for _, r := range slices.Sorted(maps.Keys(s.Notes)) {
			fmt.Fprintf(w, "  %8s  %s\n", numtext.Thousands(s.Notes[r]), r)
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
