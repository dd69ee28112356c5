package spiderfoot

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// exportRow is one element of a CSV or JSON export.
type exportRow struct {
	t                    time.Time // zero when unreadable
	typ                  string    // as written: a code, or a description
	module, source, data string
	fp                   bool
}

// exportScan is the rows of one scan of an export.
type exportScan struct {
	name   string // as written in the export
	target string // "" when the export does not say
	rows   []exportRow
}

// parseExportTime reads SpiderFoot's "YYYY-MM-DD HH:MM:SS" (server-local).
func parseExportTime(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.ParseInLocation(exportTimeLayout, s, loc); err == nil {
		return t, true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05.999999999"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 {
		return secondsTime(f), true
	}
	return time.Time{}, false
}

// selectExportScans keeps the scans o.Scans names (as written or unescaped).
func selectExportScans(scans []*exportScan, want []string) ([]*exportScan, error) {
	if len(want) == 0 {
		return scans, nil
	}
	var out []*exportScan
	var missing []string
	for _, w := range want {
		found := false
		for _, s := range scans {
			if s.name == w || unescapeName(s.name) == w || ScanID(s.name) == w {
				found = true
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		var have []string
		for _, s := range scans {
			have = append(have, strconv.Quote(s.name))
		}
		return nil, fmt.Errorf("no scan %q in the export; it has: %s", missing, strings.Join(have, ", "))
	}
	for _, s := range scans {
		for _, w := range want {
			if s.name == w || unescapeName(s.name) == w || ScanID(s.name) == w {
				out = append(out, s)
				break
			}
		}
	}
	return out, nil
}

// exportIDs gives each scan its id: o.ID for a single scan when set, else
// derived from the name.
func exportIDs(scans []*exportScan, o *Options) ([]string, error) {
	ids := make([]string, len(scans))
	seen := map[string]string{}
	for i, s := range scans {
		ids[i] = ScanID(s.name)
		if o.ID != "" {
			if len(scans) > 1 {
				return nil, fmt.Errorf("--id names one scan, but the export holds %d; use --scan to pick one", len(scans))
			}
			ids[i] = o.ID
		}
		if err := scan.ValidID(ids[i]); err != nil {
			return nil, err
		}
		if other, dup := seen[ids[i]]; dup {
			return nil, fmt.Errorf("scans %q and %q would both be %s", other, s.name, ids[i])
		}
		seen[ids[i]] = s.name
	}
	return ids, nil
}

// importExport writes the scans of a CSV or JSON export.
func importExport(kind, file string, scans []*exportScan, o *Options, sum *Summary) error {
	rows := 0
	for _, s := range scans {
		rows += len(s.rows)
	}
	if rows == 0 {
		return fmt.Errorf("the export holds no elements")
	}
	ids, err := exportIDs(scans, o)
	if err != nil {
		return err
	}
	targets := make([]target, len(scans))
	for i, s := range scans {
		targets[i] = target{ids[i], kind, s.name}
	}
	if err := checkTargets(o.ScansRoot, targets, o.Force); err != nil {
		return err
	}
	st, err := newStaging(o.ScansRoot)
	if err != nil {
		return err
	}
	defer st.cleanup()
	for i, s := range scans {
		ss, err := writeExportScan(st.tmp, ids[i], kind, file, s, o)
		if err != nil {
			return fmt.Errorf("scan %q: %w", s.name, err)
		}
		if ss.Replaced, err = st.commit(ss.ID, o.Force); err != nil {
			return err
		}
		sum.Scans = append(sum.Scans, ss)
	}
	return nil
}

// guessTarget works out the target of an export that does not name it: the
// source of a first event (module "SpiderFoot UI"), else the source value
// that matches no element's data and is named most often.
func guessTarget(rows []exportRow) string {
	for _, r := range rows {
		if r.module == rootModule {
			if r.source != "" {
				return r.source
			}
			return r.data
		}
	}
	data := make(map[string]bool, len(rows))
	for _, r := range rows {
		data[r.data] = true
	}
	count := map[string]int{}
	best, bestN := "", 0
	for _, r := range rows {
		if r.source == "" || data[r.source] {
			continue
		}
		count[r.source]++
		if n := count[r.source]; n > bestN {
			best, bestN = r.source, n
		}
	}
	return best
}

func writeExportScan(tmp, id, kind, file string, s *exportScan, o *Options) (ss ScanSummary, err error) {
	cat := o.catalogue()
	ss = ScanSummary{ID: id, Name: unescapeName(s.name), Correlations: -1}
	target := o.Target
	if target == "" {
		target = s.target
	}
	if target == "" {
		target = guessTarget(s.rows)
	}
	target = unescapeName(target)

	// Times, codes and links.
	var first, last time.Time
	for _, r := range s.rows {
		if r.t.IsZero() {
			ss.BadTimes++
			continue
		}
		if first.IsZero() || r.t.Before(first) {
			first = r.t
		}
		if r.t.After(last) {
			last = r.t
		}
	}
	if first.IsZero() {
		first = time.Unix(0, 0).UTC()
		last = first
	}
	codes := make([]string, len(s.rows))
	links := make([]linkRow, len(s.rows))
	modules := map[string]bool{}
	for i, r := range s.rows {
		code, known := typeCode(cat, r.typ)
		if !known {
			ss.unknownType(code)
		}
		codes[i] = code
		t := int64(unknownTime)
		if !r.t.IsZero() {
			t = r.t.Unix()
		}
		links[i] = linkRow{t: t, data: r.data, source: r.source, module: r.module, entity: isEntityType(cat, code)}
		if r.module != "" && r.module != rootModule {
			modules[r.module] = true
		}
	}
	order, lst := linkRows(links, target)
	ss.AmbiguousLinks, ss.UnmatchedLinks = lst.ambiguous, lst.unmatched

	status := o.Status
	if status == "" {
		status = scan.StatusFinished
	}
	ss.Status = status
	meta := scan.Meta{ID: id, Name: ss.Name, Target: target, Kind: scan.KindAutomated, Status: status,
		Created: first, Started: first, Ended: last, Modules: sortedKeys(modules)}
	if status != scan.StatusFinished && status != scan.StatusAborted && status != scan.StatusErrorFailed {
		meta.Ended = time.Time{}
	}
	for _, i := range order {
		if s.rows[i].data == target && (s.rows[i].module == rootModule || meta.TargetType == "") {
			meta.TargetType = codes[i]
			if s.rows[i].module == rootModule {
				break
			}
		}
	}

	w, err := scan.Create(tmp, meta)
	if err != nil {
		return ss, err
	}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	if err := w.Root(first); err != nil {
		return ss, err
	}
	ss.Elements = 1
	ids := make([]string, len(s.rows))
	underFP := make([]bool, len(s.rows))
	var fpIDs []string
	for n, i := range order {
		r := &s.rows[i]
		ids[i] = "e" + strconv.Itoa(n+1)
		src := scan.RootID
		p := links[i].parent
		if p >= 0 {
			src = ids[p]
		}
		t := r.t
		if t.IsZero() {
			t = last
		}
		if _, err := w.Add(scan.Element{ID: ids[i], Type: codes[i], Data: r.data, Source: src, Module: r.module, Generated: t}); err != nil {
			return ss, err
		}
		ss.Elements++
		parentFP := p >= 0 && underFP[p]
		switch {
		case r.fp:
			ss.FalsePositives++
			underFP[i] = true
			if p < 0 || !s.rows[p].fp {
				fpIDs = append(fpIDs, ids[i])
			}
		case parentFP:
			ss.FPUnsynced++
			underFP[i] = true
		}
	}
	if err := w.Flush(); err != nil {
		return ss, err
	}
	if err := writeFPDecisions(w.Dir(), fpIDs, last); err != nil {
		return ss, err
	}
	ss.FPDecisions = len(fpIDs)
	if err := os.WriteFile(filepath.Join(w.Dir(), MarkerFile), marker(kind, file, s.name), 0o644); err != nil {
		return ss, err
	}
	return ss, nil
}
