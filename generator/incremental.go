package generator

// Incremental builds: a scan whose inputs did not change since the
// previous site was built keeps that site's files (site.Build.Reuse, hard
// links), and is neither read nor rendered again. Each scan folder of the
// site holds RecordFile: the key of the inputs it was made from and what
// the pages about all scans need of it (the scan list, the search over all
// scans, investigations), so those are written again from the records.
//
// The key covers everything a scan's files depend on: the scan directory
// (every file's name, size, modification time, and inode and change time
// where the system has them), the binary (its bytes' hash), the options
// (title, risky types, secrets via Options.Fingerprint, exports, graph),
// the correlation rules, the templates folder, the bundles and the
// investigation files. A clean build writes the same records, so a rebuilt
// site is byte for byte the site a clean build makes.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/scanreport/scanreport/generator/correlate"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/generator/pages"
)

// RecordFile is the record of a scan folder in the site (a dot file: the
// preview server does not serve it and publish does not upload it).
const RecordFile = ".scanreport-scan"

// record is what RecordFile holds.
type record struct {
	Key      string                  `json:"key"`
	Facts    pages.InvestigationScan `json:"facts"`
	Problems int                     `json:"problems"`
	Errors   int                     `json:"errors"`
}

// binaryHash is the hash of the running executable, computed once.
var binaryHash = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// siteKey hashes the inputs every scan's files depend on; "" when reuse
// is off (no Options.Fingerprint, or the binary cannot be read).
func (b *builder) siteKey() string {
	if b.o.Fingerprint == "" {
		return ""
	}
	bin, err := binaryHash()
	if err != nil {
		b.o.Logger.Warn("every scan is built again: the binary cannot be read for the build key", "err", err)
		return ""
	}
	h := sha256.New()
	field := func(k string, v any) { fmt.Fprintf(h, "%s=%q\n", k, fmt.Sprint(v)) }
	field("format", 1)
	field("binary", bin)
	field("fingerprint", b.o.Fingerprint)
	field("title", b.o.Title)
	field("risky", b.o.RiskyTypes)
	field("minrisk", b.o.MinRisk)
	field("secrets", b.o.IsSecret != nil)
	field("defuse", b.o.DefuseFormulas)
	field("gexf", b.o.GEXFVersion)
	field("graph", fmt.Sprintf("%+v", b.graphOptions()))
	field("correlations", b.o.Correlations.Enabled)
	if b.o.Correlations.Enabled {
		field("rules", correlate.Fingerprint(b.rules))
	}
	assets := make([]string, 0, len(b.assets))
	for p := range b.assets {
		assets = append(assets, p)
	}
	slices.Sort(assets)
	field("assets", assets)
	field("templates", b.o.TemplatesDir)
	if b.o.TemplatesDir != "" {
		stampDir(h, b.o.TemplatesDir)
	}
	field("investigations", b.inv.stamp)
	return hex.EncodeToString(h.Sum(nil))
}

// stampDir writes every entry of dir (name, size, times, inode) to h.
func stampDir(h hash.Hash, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintf(h, "unreadable %s: %v\n", dir, err)
		return
	}
	for _, e := range entries {
		fi, err := os.Lstat(filepath.Join(dir, e.Name()))
		if err != nil {
			fmt.Fprintf(h, "%q ?\n", e.Name())
			continue
		}
		fmt.Fprintf(h, "%q %d %d %o %s\n", e.Name(), fi.Size(), fi.ModTime().UnixNano(), fi.Mode(), fileID(fi))
	}
}

// scanKey is the key of one scan's files: the site key and its directory.
func (b *builder) scanKey(siteKey, id string) string {
	if siteKey == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "site=%s\nscan=%q\n", siteKey, id)
	stampDir(h, filepath.Join(b.o.ScansRoot, id))
	return hex.EncodeToString(h.Sum(nil))
}

// reuse puts the previous site's files of scan id into this build when
// they were made from the same inputs, and returns their record.
func (b *builder) reuse(key, id string) (*record, bool) {
	if key == "" {
		return nil, false
	}
	sb, ok := b.out.(interface {
		Previous() string
		Reuse(rel string) (bool, error)
	})
	if !ok || sb.Previous() == "" {
		return nil, false
	}
	dir := strings.TrimSuffix(pages.ScanDir(id), "/")
	data, err := os.ReadFile(filepath.Join(sb.Previous(), filepath.FromSlash(dir), RecordFile))
	if err != nil {
		return nil, false
	}
	var r record
	if err := json.Unmarshal(data, &r); err != nil || r.Key != key || r.Facts.Summary.Meta.ID != id {
		return nil, false
	}
	ok, err = sb.Reuse(dir)
	if err != nil {
		b.o.Logger.Warn("scan built again: its files could not be reused", "scan", id, "err", err)
		return nil, false
	}
	return &r, ok
}

// writeRecord writes the record of a scan just built.
func (b *builder) writeRecord(key string, s *model.Scan, facts pages.InvestigationScan) error {
	data, err := json.Marshal(record{Key: key, Facts: facts, Problems: s.Problems.Total, Errors: s.Problems.Errors})
	if err != nil {
		return fmt.Errorf("scan record of %s: %w", s.Meta.ID, err)
	}
	return b.out.Write(pages.ScanDir(s.Meta.ID)+RecordFile, append(data, '\n'))
}
