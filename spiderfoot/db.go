package spiderfoot

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver, registered as "sqlite"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// dbScan is one row of tbl_scan_instance.
type dbScan struct {
	guid, rawName, rawTarget, status string
	created, started, ended          float64 // epoch milliseconds, 0 = not yet
}

func (s *dbScan) id() string { return ScanID(s.guid) }

// ImportDB imports scans from a SpiderFoot SQLite database (spiderfoot.db),
// every scan or those o.Scans names (by SpiderFoot scan id or by name). The
// database is only read: opened read-only in place, or, when it has a
// write-ahead log (-wal) but no -shm index beside it, copied with its log to
// a temporary folder first, so that writes not yet checkpointed into the
// main file are read too.
func ImportDB(ctx context.Context, path string, o Options) (*Summary, error) {
	start := time.Now()
	src := o.Source
	if src == "" {
		src = path
	}
	sum := &Summary{Source: src + " (SpiderFoot database)", ScansRoot: o.ScansRoot}
	db, how, closeDB, err := openDB(path)
	if err != nil {
		return nil, err
	}
	defer closeDB()
	if how != "" {
		sum.Source += ", " + how
	}
	hasCorr, err := hasTables(ctx, db, "tbl_scan_correlation_results", "tbl_scan_correlation_results_events")
	if err != nil {
		return nil, err
	}
	if !hasCorr {
		sum.Source += ", schema from before 4.0 (no correlation tables)"
	}
	all, err := listDBScans(ctx, db)
	if err != nil {
		return nil, err
	}
	scans, err := selectDBScans(all, o.Scans)
	if err != nil {
		return nil, err
	}
	targets := make([]target, len(scans))
	for i := range scans {
		targets[i] = target{scans[i].id(), "spiderfoot-db", scans[i].guid, unescapeName(scans[i].rawTarget)}
	}
	if err := checkTargets(o.ScansRoot, targets, o.Force); err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(path)
	st, err := newStaging(o.ScansRoot)
	if err != nil {
		return nil, err
	}
	defer st.cleanup()
	for i := range scans {
		ss, err := importDBScan(ctx, db, st.tmp, &scans[i], hasCorr, abs, &o, sum)
		if err != nil {
			return nil, fmt.Errorf("scan %s (%s): %w", scans[i].guid, ss.Name, err)
		}
		if ss.Replaced, err = st.commit(ss.ID, o.Force); err != nil {
			return nil, err
		}
		sum.Scans = append(sum.Scans, ss)
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// openDB opens the database read-only. how says when a copy was read.
func openDB(path string) (db *sql.DB, how string, closeDB func(), err error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", nil, fmt.Errorf("open SpiderFoot database: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, "", nil, fmt.Errorf("open SpiderFoot database: %s is not a file", path)
	}
	walSize := int64(0)
	if ws, err := os.Stat(path + "-wal"); err == nil {
		walSize = ws.Size()
	}
	if walSize == 0 {
		// No log to replay: read in place as an immutable file, so that
		// SQLite takes no lock and writes nothing beside it (a read-only
		// connection in WAL mode would still write to the -shm index).
		db, err := openSQLite(path, true)
		if err != nil {
			return nil, "", nil, err
		}
		return db, "", func() { db.Close() }, nil
	}
	// A -wal with writes not yet checkpointed: reading it in place would
	// write to the -shm index beside it (or create one), so copy the
	// database and its log and read the copy.
	tmp, err := os.MkdirTemp("", "scanreport-spiderfoot-db-")
	if err != nil {
		return nil, "", nil, err
	}
	remove := func() { os.RemoveAll(tmp) }
	cp := filepath.Join(tmp, "spiderfoot.db")
	if err := copyFile(path, cp); err != nil {
		remove()
		return nil, "", nil, err
	}
	if err := copyFile(path+"-wal", cp+"-wal"); err != nil {
		remove()
		return nil, "", nil, err
	}
	db, err = openSQLite(cp, false)
	if err != nil {
		remove()
		return nil, "", nil, err
	}
	return db, "read from a copy with its write-ahead log", func() { db.Close(); remove() }, nil
}

func openSQLite(path string, readOnly bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	p := filepath.ToSlash(abs)
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letters
	}
	mode := "rw"
	if readOnly {
		mode = "ro&immutable=1"
	}
	db, err := sql.Open("sqlite", "file://"+p+"?mode="+mode+"&_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		return nil, fmt.Errorf("open SpiderFoot database: %w", err)
	}
	db.SetMaxOpenConns(1)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'tbl_scan_instance'`).Scan(&n); err != nil {
		db.Close()
		return nil, fmt.Errorf("open SpiderFoot database %s: %w", path, err)
	}
	if n == 0 {
		db.Close()
		return nil, fmt.Errorf("%s is not a SpiderFoot database (no tbl_scan_instance table)", path)
	}
	return db, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", from, err)
	}
	return out.Close()
}

func hasTables(ctx context.Context, db *sql.DB, names ...string) (bool, error) {
	for _, name := range names {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n); err != nil {
			return false, err
		}
		if n == 0 {
			return false, nil
		}
	}
	return true, nil
}

func listDBScans(ctx context.Context, db *sql.DB) ([]dbScan, error) {
	rows, err := db.QueryContext(ctx, `SELECT guid, name, seed_target, created, started, ended, status FROM tbl_scan_instance ORDER BY created, guid`)
	if err != nil {
		return nil, fmt.Errorf("list scans: %w", err)
	}
	defer rows.Close()
	var out []dbScan
	for rows.Next() {
		var s dbScan
		var name, target, status sql.NullString
		var created, started, ended sql.NullFloat64
		if err := rows.Scan(&s.guid, &name, &target, &created, &started, &ended, &status); err != nil {
			return nil, fmt.Errorf("list scans: %w", err)
		}
		s.rawName, s.rawTarget, s.status = name.String, target.String, strings.ToUpper(strings.TrimSpace(status.String))
		s.created, s.started, s.ended = created.Float64, started.Float64, ended.Float64
		out = append(out, s)
	}
	return out, rows.Err()
}

// selectDBScans picks the scans named by id (case-insensitive) or name (as
// stored, or unescaped). A name may pick several scans.
func selectDBScans(all []dbScan, want []string) ([]dbScan, error) {
	if len(want) == 0 {
		return all, nil
	}
	picked := make([]bool, len(all))
	var missing []string
	for _, w := range want {
		found := false
		for i, s := range all {
			if strings.EqualFold(s.guid, w) || s.rawName == w || unescapeName(s.rawName) == w || s.id() == w {
				picked[i], found = true, true
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		var have []string
		for _, s := range all {
			have = append(have, fmt.Sprintf("%s (%q)", s.guid, unescapeName(s.rawName)))
		}
		return nil, fmt.Errorf("no scan %q in the database; it has: %s", missing, strings.Join(have, ", "))
	}
	var out []dbScan
	for i, s := range all {
		if picked[i] {
			out = append(out, s)
		}
	}
	return out, nil
}

// importDBScan writes one scan into the staging root tmp.
func importDBScan(ctx context.Context, db *sql.DB, tmp string, s *dbScan, hasCorr bool, file string, o *Options, sum *Summary) (ss ScanSummary, err error) {
	cat := o.catalogue()
	ss = ScanSummary{ID: s.id(), Name: unescapeName(s.rawName), Status: s.status, Correlations: -1}
	// One read transaction: every query sees the same snapshot, even if
	// SpiderFoot is writing.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return ss, err
	}
	defer tx.Rollback()

	meta, settings, nSettings, modulesFromResults, err := dbScanMeta(ctx, tx, s, o, sum, &ss)
	if err != nil {
		return ss, err
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

	if err := writeDBRoot(ctx, tx, s.guid, w, meta, sum); err != nil {
		return ss, err
	}
	ss.Elements = 1
	fpIDs, last, err := copyDBResults(ctx, tx, s.guid, w, cat, meta, modulesFromResults, sum, &ss)
	if err != nil {
		return ss, err
	}
	if err := copyDBLog(ctx, tx, s.guid, w, meta.Created, &ss); err != nil {
		return ss, err
	}

	if nSettings > 0 {
		if err := w.WriteSettings(settings); err != nil {
			return ss, err
		}
	}
	if len(ss.UnknownTypes) > 0 {
		if ss.DeclaredTypes, err = writeDBTypes(ctx, tx, w.Dir(), ss.UnknownTypes); err != nil {
			return ss, err
		}
	}
	if hasCorr {
		if ss.Correlations, err = writeDBCorrelations(ctx, tx, s.guid, w.Dir()); err != nil {
			return ss, err
		}
	}
	if err := w.Flush(); err != nil {
		return ss, err
	}
	if len(fpIDs) > 0 {
		at := meta.Ended
		if at.IsZero() && last > 0 {
			at = secondsTime(last)
		}
		if at.IsZero() {
			at = meta.Created
		}
		if err := writeFPDecisions(w.Dir(), fpIDs, at); err != nil {
			return ss, err
		}
		ss.FPDecisions = len(fpIDs)
	}
	if err := os.WriteFile(filepath.Join(w.Dir(), MarkerFile), marker("spiderfoot-db", file, s.guid), 0o644); err != nil {
		return ss, err
	}
	return ss, nil
}

// dbScanMeta reads a scan's meta data (with --status applied), its
// settings and enabled modules; modulesFromResults says the database named
// no enabled modules, so the modules that found something stand in.
func dbScanMeta(ctx context.Context, tx *sql.Tx, s *dbScan, o *Options, sum *Summary, ss *ScanSummary) (meta scan.Meta, settings scan.Settings, nSettings int, modulesFromResults bool, err error) {
	meta = scan.Meta{ID: ss.ID, Name: ss.Name, Target: unescapeName(s.rawTarget), Kind: scan.KindAutomated, Status: s.status,
		Created: millisTime(s.created), Started: millisTime(s.started), Ended: millisTime(s.ended)}
	if meta.Status == "" {
		meta.Status = scan.StatusCreated
	}

	// --status: a scan whose SpiderFoot died stays RUNNING in the database
	// for ever; the import can close it. A final status without an end
	// time ends at the last result (else at the start).
	if o.Status != "" && o.Status != meta.Status {
		sum.note(fmt.Sprintf("scans given the status %s by --status (SpiderFoot said otherwise)", o.Status), 1)
		meta.Status = o.Status
		final := o.Status == scan.StatusFinished || o.Status == scan.StatusAborted || o.Status == scan.StatusErrorFailed
		if final && meta.Ended.IsZero() {
			var lastT sql.NullFloat64
			if err := tx.QueryRowContext(ctx, `SELECT max(generated) FROM tbl_scan_results WHERE scan_instance_id = ?`, s.guid).Scan(&lastT); err != nil {
				return meta, settings, 0, false, err
			}
			meta.Ended = meta.Started
			if lastT.Valid && lastT.Float64 > 0 {
				meta.Ended = secondsTime(lastT.Float64)
			}
			if meta.Ended.IsZero() {
				meta.Ended = meta.Created
			}
		}
		if !final {
			meta.Ended = time.Time{}
		}
		ss.Status = meta.Status
	}

	// Settings, and the modules enabled.
	settings, nSettings, modules, err := dbSettings(ctx, tx, s.guid)
	if err != nil {
		return meta, settings, 0, false, err
	}
	ss.Settings = nSettings
	meta.Modules = modules
	// Without _modulesenabled, the modules that found something are taken
	// (after the results are read).
	modulesFromResults = len(meta.Modules) == 0

	// The target's type: the first event stored under ROOT.
	var tt sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT type FROM tbl_scan_results WHERE scan_instance_id = ? AND source_event_hash = 'ROOT' AND hash <> 'ROOT' ORDER BY rowid LIMIT 1`, s.guid).Scan(&tt)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return meta, settings, 0, false, err
	}
	meta.TargetType = tt.String

	// The first result time stands in for a missing creation time.
	if meta.Created.IsZero() {
		var first sql.NullFloat64
		if err := tx.QueryRowContext(ctx, `SELECT min(generated) FROM tbl_scan_results WHERE scan_instance_id = ?`, s.guid).Scan(&first); err != nil {
			return meta, settings, 0, false, err
		}
		switch {
		case !meta.Started.IsZero():
			meta.Created = meta.Started
		case first.Valid:
			meta.Created = secondsTime(first.Float64)
		default:
			meta.Created = time.Unix(0, 0).UTC()
		}
	}

	return meta, settings, nSettings, modulesFromResults, nil
}

// writeDBRoot writes the scan's ROOT element first: SpiderFoot's ROOT row
// (hash and source "ROOT", data the target), or one made from the scan
// when it has none.
func writeDBRoot(ctx context.Context, tx *sql.Tx, guid string, w *scan.Writer, meta scan.Meta, sum *Summary) error {
	var rootGen sql.NullFloat64
	var rootData sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT generated, data FROM tbl_scan_results WHERE scan_instance_id = ? AND hash = 'ROOT' ORDER BY rowid LIMIT 1`, guid).Scan(&rootGen, &rootData)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := w.Root(meta.Created); err != nil {
			return err
		}
		sum.note("scans without a ROOT row: one was made from the target", 1)
	case err != nil:
		return err
	default:
		data := unescapeName(rootData.String)
		if data == "" {
			data = meta.Target
		}
		if _, err := w.Add(scan.Element{ID: scan.RootID, Type: scan.RootID, Data: data, Source: scan.RootID, Generated: secondsTime(rootGen.Float64)}); err != nil {
			return err
		}
	}
	return nil
}

// copyDBResults copies the scan's results in storage order (parents are
// stored before their children), counting what the summary reports, and
// returns the false positives to name in decisions and the last result time.
func copyDBResults(ctx context.Context, tx *sql.Tx, guid string, w *scan.Writer, cat *eltypes.Catalogue, meta scan.Meta, modulesFromResults bool, sum *Summary, ss *ScanSummary) (fpIDs []string, last float64, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT hash, type, generated, confidence, visibility, risk, module, data, false_positive, source_event_hash
		FROM tbl_scan_results WHERE scan_instance_id = ? ORDER BY rowid`, guid)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var (
		hash, typ, module, data, source sql.NullString
		gen                             sql.NullFloat64
		conf, vis, risk, fp             sql.NullInt64
		fpSet                           = map[string]bool{} // flagged elements
		underFP                         = map[string]bool{} // flagged elements and what lies under them
		rootRows                        int
		n                               int
		found                           = map[string]bool{}
		// Hashes seen and sources named, as 64-bit digests: enough to count
		// repeated hashes and sources that name nothing, in little memory.
		seen    = map[uint64]struct{}{}
		sources []uint64
	)
	for rows.Next() {
		if err := rows.Scan(&hash, &typ, &gen, &conf, &vis, &risk, &module, &data, &fp, &source); err != nil {
			return nil, 0, err
		}
		if n++; n%8192 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		if hash.String == scan.RootID {
			if rootRows++; rootRows > 1 {
				sum.skip("repeated ROOT rows", 1)
			}
			continue
		}
		if hash.String == "" {
			sum.skip("database rows without a hash", 1)
			continue
		}
		if typ.String == scan.RootID {
			sum.skip("database rows of type ROOT that are not the scan's ROOT", 1)
			continue
		}
		code, known := typeCode(cat, typ.String)
		if !known {
			ss.unknownType(code)
		}
		src := source.String
		if src == "" {
			src = scan.RootID
		}
		e := scan.Element{ID: hash.String, Type: code, Data: data.String, Source: src, Module: module.String,
			Generated: secondsTime(gen.Float64), Confidence: int(conf.Int64), Visibility: int(vis.Int64), Risk: int(risk.Int64)}
		if !conf.Valid {
			e.Confidence = 100
		}
		if !vis.Valid {
			e.Visibility = 100
		}
		if !gen.Valid {
			ss.BadTimes++
			e.Generated = meta.Created
		} else if gen.Float64 > last {
			last = gen.Float64
		}
		if modulesFromResults && e.Module != "" && e.Module != rootModule {
			found[e.Module] = true
		}
		d := digest(e.ID)
		if _, dup := seen[d]; dup {
			ss.DuplicateIDs++
		}
		seen[d] = struct{}{}
		if src != scan.RootID {
			sources = append(sources, digest(src))
		}
		if _, err := w.AddExact(e); err != nil {
			return nil, 0, err
		}
		ss.Elements++
		// False positives: our fp-set marks the whole subtree, so only
		// flagged elements whose parent is not flagged are named (parents
		// come first in storage order; if one does not, naming its child
		// too is harmless).
		isFP := fp.Int64 == 1
		switch {
		case isFP:
			if !fpSet[src] {
				fpIDs = append(fpIDs, e.ID)
			}
			fpSet[e.ID] = true
			underFP[e.ID] = true
			ss.FalsePositives++
		case underFP[src]:
			ss.FPUnsynced++
			underFP[e.ID] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows.Close()
	for _, d := range sources {
		if _, ok := seen[d]; !ok {
			ss.DanglingSources++
		}
	}
	seen, sources = nil, nil
	if modulesFromResults && len(found) > 0 {
		if err := w.UpdateMeta(func(m *scan.Meta) { m.Modules = slices.Sorted(maps.Keys(found)) }); err != nil {
			return nil, 0, err
		}
	}
	return fpIDs, last, nil
}

// copyDBLog copies the scan's log, oldest first.
func copyDBLog(ctx context.Context, tx *sql.Tx, guid string, w *scan.Writer, created time.Time, ss *ScanSummary) error {
	logRows, err := tx.QueryContext(ctx, `SELECT generated, component, type, message FROM tbl_scan_log WHERE scan_instance_id = ? ORDER BY generated, rowid`, guid)
	if err != nil {
		return err
	}
	defer logRows.Close()
	for logRows.Next() {
		var lgen sql.NullFloat64
		var comp, ltype, msg sql.NullString
		if err := logRows.Scan(&lgen, &comp, &ltype, &msg); err != nil {
			return err
		}
		t := millisTime(lgen.Float64)
		if t.IsZero() {
			t = created
		}
		if err := w.Log(t, strings.ToUpper(strings.TrimSpace(ltype.String)), comp.String, msg.String); err != nil {
			return err
		}
		ss.LogLines++
	}
	if err := logRows.Err(); err != nil {
		return err
	}
	logRows.Close()
	return nil
}

// digest is a 64-bit FNV-1a digest of s.
func digest(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// dbSettings reads tbl_scan_config: component GLOBAL into [global], every
// other component into [modules.NAME]. Values are kept as SpiderFoot stored
// them (text), API keys included: the report masks them.
func dbSettings(ctx context.Context, tx *sql.Tx, guid string) (scan.Settings, int, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT component, opt, val FROM tbl_scan_config WHERE scan_instance_id = ? ORDER BY rowid`, guid)
	if err != nil {
		return scan.Settings{}, 0, nil, err
	}
	defer rows.Close()
	global := map[string]string{}
	mods := map[string]map[string]string{}
	for rows.Next() {
		var comp, opt, val sql.NullString
		if err := rows.Scan(&comp, &opt, &val); err != nil {
			return scan.Settings{}, 0, nil, err
		}
		if comp.String == "GLOBAL" || comp.String == "" {
			global[opt.String] = val.String
			continue
		}
		m := mods[comp.String]
		if m == nil {
			m = map[string]string{}
			mods[comp.String] = m
		}
		m[opt.String] = val.String
	}
	if err := rows.Err(); err != nil {
		return scan.Settings{}, 0, nil, err
	}
	var s scan.Settings
	n := 0
	for _, k := range slices.Sorted(maps.Keys(global)) {
		s.Global = append(s.Global, scan.Setting{Key: k, Value: global[k]})
		n++
	}
	for _, name := range slices.Sorted(maps.Keys(mods)) {
		ms := scan.ModuleSettings{Module: name}
		for _, k := range slices.Sorted(maps.Keys(mods[name])) {
			ms.Settings = append(ms.Settings, scan.Setting{Key: k, Value: mods[name][k]})
			n++
		}
		s.Modules = append(s.Modules, ms)
	}
	var modules []string
	for _, m := range strings.Split(global["_modulesenabled"], ",") {
		if m = strings.TrimSpace(m); m != "" {
			modules = append(modules, m)
		}
	}
	return s, n, modules, nil
}

// Correlation is one of SpiderFoot's stored correlations, as written to
// CorrelationsFile.
type Correlation struct {
	ID        string   `json:"id"`
	RuleID    string   `json:"rule_id"`
	RuleName  string   `json:"rule_name"`
	RuleDescr string   `json:"rule_descr"`
	RuleRisk  string   `json:"rule_risk"`
	Title     string   `json:"title"`
	RuleLogic string   `json:"rule_logic"`
	Elements  []string `json:"elements"` // element ids (SpiderFoot hashes)
}

// CorrelationsDoc is the content of CorrelationsFile.
type CorrelationsDoc struct {
	Note         string        `json:"note"`
	Scan         string        `json:"spiderfoot_scan"`
	Correlations []Correlation `json:"correlations"`
}

func writeDBCorrelations(ctx context.Context, tx *sql.Tx, guid, dir string) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, rule_risk, rule_id, rule_name, rule_descr, rule_logic
		FROM tbl_scan_correlation_results WHERE scan_instance_id = ? ORDER BY title, rule_risk, id`, guid)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	doc := CorrelationsDoc{
		Note: "Correlations SpiderFoot stored for this scan (tbl_scan_correlation_results), kept as they were; " +
			"elements are element ids (SpiderFoot's hashes). scanreport computes its own correlations.",
		Scan:         guid,
		Correlations: []Correlation{},
	}
	index := map[string]int{}
	for rows.Next() {
		var c Correlation
		var title, risk, rid, rname, rdescr, logic sql.NullString
		if err := rows.Scan(&c.ID, &title, &risk, &rid, &rname, &rdescr, &logic); err != nil {
			return 0, err
		}
		c.Title, c.RuleRisk, c.RuleID, c.RuleName, c.RuleDescr, c.RuleLogic = title.String, risk.String, rid.String, rname.String, rdescr.String, logic.String
		c.Elements = []string{}
		index[c.ID] = len(doc.Correlations)
		doc.Correlations = append(doc.Correlations, c)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	rows.Close()
	ev, err := tx.QueryContext(ctx, `SELECT e.correlation_id, e.event_hash FROM tbl_scan_correlation_results_events e
		JOIN tbl_scan_correlation_results c ON c.id = e.correlation_id WHERE c.scan_instance_id = ? ORDER BY e.rowid`, guid)
	if err != nil {
		return 0, err
	}
	defer ev.Close()
	for ev.Next() {
		var cid, h sql.NullString
		if err := ev.Scan(&cid, &h); err != nil {
			return 0, err
		}
		if i, ok := index[cid.String]; ok {
			doc.Correlations[i].Elements = append(doc.Correlations[i].Elements, h.String)
		}
	}
	if err := ev.Err(); err != nil {
		return 0, err
	}
	for i := range doc.Correlations {
		sort.Strings(doc.Correlations[i].Elements)
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, CorrelationsFile), append(data, '\n'), 0o644); err != nil {
		return 0, err
	}
	return len(doc.Correlations), nil
}

// ReadCorrelations reads CorrelationsFile of a scan directory; a missing file
// is an error satisfying errors.Is(err, fs.ErrNotExist).
func ReadCorrelations(dir string) (*CorrelationsDoc, error) {
	data, err := os.ReadFile(filepath.Join(dir, CorrelationsFile))
	if err != nil {
		return nil, err
	}
	var doc CorrelationsDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", CorrelationsFile, err)
	}
	return &doc, nil
}

// writeDBTypes writes types.tsv for the types of a scan that the built-in
// catalogue does not know but the database's own tbl_event_types describes
// (an older SpiderFoot's types: VULNERABILITY, …), so that the report shows
// them with their names and categories. It returns how many it declared.
func writeDBTypes(ctx context.Context, tx *sql.Tx, dir string, unknown map[string]int) (int, error) {
	var b strings.Builder
	b.WriteString("code\tdescription\traw\tcategory\n")
	n := 0
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, code := range slices.Sorted(maps.Keys(unknown)) {
		var descr, cat sql.NullString
		var raw sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT event_descr, event_raw, event_type FROM tbl_event_types WHERE event = ?`, code).Scan(&descr, &raw, &cat)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			if strings.Contains(err.Error(), "no such table") {
				return 0, nil
			}
			return 0, fmt.Errorf("tbl_event_types: %w", err)
		}
		category := strings.ToUpper(strings.TrimSpace(cat.String))
		switch category {
		case "ENTITY", "DESCRIPTOR", "DATA", "SUBENTITY", "INTERNAL":
		default:
			continue
		}
		r := "0"
		if raw.Int64 == 1 {
			r = "1"
		}
		d := clean.Replace(descr.String)
		if d == "" {
			d = code
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", clean.Replace(code), d, r, category)
		n++
	}
	if n == 0 {
		return 0, nil
	}
	return n, os.WriteFile(filepath.Join(dir, TypesFile), []byte(b.String()), 0o644)
}
