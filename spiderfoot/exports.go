package spiderfoot

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	code                 string // typ as a code (set by prepareExportScan)
	known                bool   // code is in the catalogue
}

// exportScan is the rows of one scan of an export.
type exportScan struct {
	name   string // as written in the export
	target string // "" when the export does not say
	rows   []exportRow

	// Set by prepareExportScan.
	scanTarget  string    // the target: the options', the export's, or guessed
	first, last time.Time // the first and last readable times
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

// targetTypes are the types SpiderFoot accepts as a scan's target
// (SpiderFoot.targetTypeFromString).
var targetTypes = map[string]bool{
	"IP_ADDRESS": true, "IPV6_ADDRESS": true, "NETBLOCK_OWNER": true, "NETBLOCKV6_OWNER": true,
	"INTERNET_NAME": true, "EMAILADDR": true, "HUMAN_NAME": true, "BGP_AS_OWNER": true,
	"PHONE_NUMBER": true, "USERNAME": true, "BITCOIN_ADDRESS": true,
}

// exportIDs gives each scan its id: o.ID for a single scan when set, else
// derived from what the data says (exportScanID).
func exportIDs(scans []*exportScan, o *Options) ([]string, error) {
	ids := make([]string, len(scans))
	seen := map[string]string{}
	for i, s := range scans {
		ids[i] = exportScanID(s.name, s.scanTarget, s.first)
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

// defaultExportName is the name of a single-scan export that nothing names:
// SpiderFoot calls every download SpiderFoot.csv (or .xlsx).
const defaultExportName = "SpiderFoot"

// exportScanID derives an export's scan id from what its data says: the
// scan's name (or, when the name is only the default "SpiderFoot" of a
// download, its target) and the time of its first element, UTC:
// "sf-acme-20231114-211320". Two scans exported under the same file name
// get two ids; the same scan exported again (a running scan, refreshed)
// keeps its id, since its first element stays the first.
func exportScanID(name, target string, first time.Time) string {
	label := name
	if label == "" || strings.EqualFold(label, defaultExportName) {
		label = target
	}
	if label == "" {
		label = defaultExportName
	}
	suffix := "-" + first.UTC().Format("20060102-150405")
	base := ScanID(label)
	if len(base)+len(suffix) > scan.MaxIDLen {
		base = strings.TrimRight(base[:scan.MaxIDLen-len(suffix)], "-.")
	}
	return base + suffix
}

// elementIDs gives each row (in write order) an id derived from its content:
// "e" and 16 hex digits of the SHA-256 of its type, data, module, source
// value and time, so that the same row gets the same id in every import
// (CSV, Excel or JSON; an export of the same scan taken later), whatever
// its position. A row equal in all of these to an earlier one (SpiderFoot
// stores true duplicates) gets "-2", "-3" … in content order, which does not
// depend on the input's order either.
func elementIDs(rows []exportRow, codes []string, order []int32) []string {
	ids := make([]string, len(rows))
	seen := make(map[string]int, len(rows))
	h := sha256.New()
	var buf []byte
	var sum [sha256.Size]byte
	for _, i := range order {
		r := &rows[i]
		buf = buf[:0]
		for _, f := range []string{codes[i], r.data, r.module, r.source} {
			buf = strconv.AppendInt(buf, int64(len(f)), 10)
			buf = append(buf, ':')
			buf = append(buf, f...)
		}
		if !r.t.IsZero() {
			buf = strconv.AppendInt(buf, r.t.Unix(), 10)
		}
		h.Reset()
		h.Write(buf)
		id := "e" + hex.EncodeToString(h.Sum(sum[:0])[:8])
		n := seen[id] + 1
		seen[id] = n
		if n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		ids[i] = id
	}
	return ids
}

// importExport writes the scans of a CSV or JSON export.
func importExport(kind, file string, scans []*exportScan, o *Options, sum *Summary) error {
	rows := 0
	for _, s := range scans {
		rows += len(s.rows)
		prepareExportScan(s, o)
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
		targets[i] = target{ids[i], kind, s.name, s.scanTarget}
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

// prepareExportScan works out what the rows say about the scan: type codes,
// its target, its first and last times; and puts the rows in an order that
// depends on their content only (time, type, data, module, source, F/P), so
// that the same rows in any order (the CSV's, the Excel export's sheet by
// sheet) give the same scan.
func prepareExportScan(s *exportScan, o *Options) {
	cat := o.catalogue()
	for i := range s.rows {
		r := &s.rows[i]
		r.code, r.known = typeCode(cat, r.typ)
	}
	slices.SortStableFunc(s.rows, func(a, b exportRow) int {
		if c := a.t.Compare(b.t); c != 0 {
			// Unreadable (zero) times go last.
			switch {
			case a.t.IsZero():
				return 1
			case b.t.IsZero():
				return -1
			}
			return c
		}
		if c := cmp.Compare(a.code, b.code); c != 0 {
			return c
		}
		if c := cmp.Compare(a.data, b.data); c != 0 {
			return c
		}
		if c := cmp.Compare(a.module, b.module); c != 0 {
			return c
		}
		if c := cmp.Compare(a.source, b.source); c != 0 {
			return c
		}
		switch {
		case a.fp == b.fp:
			return 0
		case b.fp:
			return -1
		}
		return 1
	})
	t := o.Target
	if t == "" {
		t = s.target
	}
	if t == "" {
		t = guessTarget(s.rows)
	}
	s.scanTarget = unescapeName(t)
	s.first, s.last = time.Time{}, time.Time{}
	for _, r := range s.rows {
		if r.t.IsZero() {
			continue
		}
		if s.first.IsZero() || r.t.Before(s.first) {
			s.first = r.t
		}
		if r.t.After(s.last) {
			s.last = r.t
		}
	}
	if s.first.IsZero() {
		s.first = time.Unix(0, 0).UTC()
		s.last = s.first
	}
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
	target, first, last := s.scanTarget, s.first, s.last

	// Codes and links.
	codes := make([]string, len(s.rows))
	links := make([]linkRow, len(s.rows))
	modules := map[string]bool{}
	for i, r := range s.rows {
		if r.t.IsZero() {
			ss.BadTimes++
		}
		code := r.code
		if !r.known {
			ss.unknownType(code)
		}
		codes[i] = code
		t := int64(unknownTime)
		if !r.t.IsZero() {
			t = r.t.Unix()
		}
		links[i] = linkRow{t: t, data: r.data, source: r.source, module: r.module, typ: code, entity: isEntityType(cat, code)}
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
		Created: first, Started: first, Ended: last, Modules: slices.Sorted(maps.Keys(modules))}
	if status != scan.StatusFinished && status != scan.StatusAborted && status != scan.StatusErrorFailed {
		meta.Ended = time.Time{}
	}
	found := false
	for _, i := range order {
		// The type SpiderFoot gives targets first (several first events can
		// hold the target: INTERNET_NAME and DOMAIN_NAME, say).
		if s.rows[i].data == target && s.rows[i].module == rootModule && targetTypes[codes[i]] {
			meta.TargetType, found = codes[i], true
			break
		}
	}
	for _, i := range order {
		if found {
			break
		}
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
	ids := elementIDs(s.rows, codes, order)
	underFP := make([]bool, len(s.rows))
	var fpIDs []string
	for _, i := range order {
		r := &s.rows[i]
		src := scan.RootID
		p := links[i].parent
		if p >= 0 {
			src = ids[p]
		}
		t := r.t
		if t.IsZero() {
			t = last
		}
		link := ""
		if links[i].guessed {
			link = scan.LinkGuessed
		}
		if _, err := w.Add(scan.Element{ID: ids[i], Type: codes[i], Data: r.data, Source: src, Module: r.module, Generated: t, Link: link}); err != nil {
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
