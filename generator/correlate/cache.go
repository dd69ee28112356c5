package correlate

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/atomicfile"
	"github.com/scanreport/scanreport/scan"
)

// EngineVersion changes whenever Run would give other results for the
// same rules and scan; it is part of every cache key.
const EngineVersion = 1

// Eligible reports whether a scan gets correlations: automated scans that
// FINISHED. SpiderFoot runs correlations only when a scan finishes
// normally; ABORTED and ERROR-FAILED scans get none here either, because
// rules such as "found only by brute force" or the outliers would report
// what the missing modules never had the chance to find. Manual scans are
// explored step by step and are never finished in that sense.
func Eligible(s *model.Scan) bool {
	return s.Meta.Status == scan.StatusFinished && s.Meta.Kind == scan.KindAutomated
}

// Fingerprint identifies a rule set: the engine version and every rule's
// file name and bytes, in order. Two rule sets with the same fingerprint
// give the same results on the same scan.
func Fingerprint(rules []*Rule) string {
	h := sha256.New()
	fmt.Fprintf(h, "scanreport-correlate/%d\n", EngineVersion)
	for _, r := range rules {
		fmt.Fprintf(h, "%s\x00%d\x00", r.ID, len(r.Raw))
		h.Write(r.Raw)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// scanKey identifies what correlations read of a scan: its identity and
// target, its status and kind, and how much of elements.jsonl it holds.
// Review decisions are left out on purpose: correlations ignore false
// positives, as SpiderFoot's do.
func scanKey(s *model.Scan, rulesFP string) string {
	h := sha256.New()
	var n [8]byte
	num := func(v int64) {
		binary.LittleEndian.PutUint64(n[:], uint64(v))
		h.Write(n[:])
	}
	str := func(v string) {
		num(int64(len(v)))
		h.Write([]byte(v))
	}
	str(rulesFP)
	str(s.Meta.ID)
	str(s.Meta.Target)
	str(s.Meta.Status)
	str(s.Meta.Kind)
	num(s.ElementsPos.Offset)
	num(int64(s.ElementsPos.Line))
	num(int64(len(s.Elements)))
	str(s.Elements[0].Data)
	last := &s.Elements[len(s.Elements)-1]
	str(last.ID)
	str(last.Data)
	return hex.EncodeToString(h.Sum(nil))
}

// Cache keeps each scan's correlations in a JSON file under Dir, so that a
// scan whose elements, status and rules have not changed is not evaluated
// again. Use one Dir per scans root (see DefaultCacheDir): files are named
// after the scan id.
type Cache struct {
	Dir string
}

// DefaultCacheDir is the cache folder for a scans root: under the user's
// cache folder (e.g. ~/.cache/scanreport/correlations/<hash of the root's
// absolute path>), so that it is kept out of the report and of the scans.
func DefaultCacheDir(scansRoot string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(scansRoot)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "scanreport", "correlations", hex.EncodeToString(sum[:8])), nil
}

// cacheFile is what the cache stores for one scan.
type cacheFile struct {
	Key     string        `json:"key"`
	Results []cacheResult `json:"results"`
}

type cacheResult struct {
	Rule     string   `json:"rule"`
	Headline string   `json:"headline"`
	Elements []string `json:"elements"` // element ids
}

// Run returns the correlations of the scan under the rules: from the
// cache when it holds them for this scan content and rule set (cached is
// then true), else from Run, storing them. Results are valid whenever err
// is nil or reports only a failed cache write. A missing or unreadable
// cache entry is not an error: the rules are run. Call it for Eligible
// scans only.
func (c *Cache) Run(s *model.Scan, rules []*Rule) (results []Result, cached bool, err error) {
	key := scanKey(s, Fingerprint(rules))
	file := c.file(s.Meta.ID)
	if res, ok := c.read(file, key, s, rules); ok {
		return res, true, nil
	}
	results = Run(s, rules)
	return results, false, c.write(file, key, s, results)
}

func (c *Cache) file(id string) string {
	name := id
	if scan.ValidID(id) != nil {
		sum := sha256.Sum256([]byte(id))
		name = "x-" + hex.EncodeToString(sum[:8])
	}
	return filepath.Join(c.Dir, name+".json")
}

func (c *Cache) read(file, key string, s *model.Scan, rules []*Rule) ([]Result, bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	var cf cacheFile
	if json.Unmarshal(data, &cf) != nil || cf.Key != key {
		return nil, false
	}
	byID := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	out := make([]Result, 0, len(cf.Results))
	for _, cr := range cf.Results {
		r := byID[cr.Rule]
		if r == nil {
			return nil, false
		}
		els := make([]int32, len(cr.Elements))
		for i, id := range cr.Elements {
			el, ok := s.Lookup(id)
			if !ok {
				return nil, false
			}
			els[i] = el
		}
		out = append(out, Result{Rule: r, Headline: cr.Headline, Elements: els})
	}
	return out, true
}

func (c *Cache) write(file, key string, s *model.Scan, results []Result) error {
	cf := cacheFile{Key: key, Results: make([]cacheResult, len(results))}
	for i, r := range results {
		cf.Results[i] = cacheResult{Rule: r.Rule.ID, Headline: r.Headline, Elements: elementIDs(s, r.Elements)}
	}
	data, err := json.Marshal(cf)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return fmt.Errorf("correlation cache: %w", err)
	}
	if err := atomicfile.Write(file, data, 0o644); err != nil {
		return fmt.Errorf("correlation cache: %w", err)
	}
	return nil
}

// Forget removes the cached correlations of a scan (e.g. when it is
// deleted).
func (c *Cache) Forget(id string) error {
	err := os.Remove(c.file(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// elementIDs returns the ids of elements.
func elementIDs(s *model.Scan, els []int32) []string {
	out := make([]string, len(els))
	for i, e := range els {
		out[i] = s.Elements[e].ID
	}
	return out
}
