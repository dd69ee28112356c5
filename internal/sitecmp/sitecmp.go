// Package sitecmp compares two site folders as a reader sees them, for
// tests: a site kept up to date by the preview server must show what a
// clean build of the same scan files shows.
//
// Data files are compared by content, not bytes: a manifest (or tree,
// graph) with its chunks is read as one object with the chunks' columns
// concatenated in the order it lists them, so the same rows split into
// other chunks compare equal, and the counters that only tell pages what
// to fetch again ("gen", chunk versions "v") are left out. A search index
// head (ix.js) is read with the files of its generation, whatever its
// number. Every other file
// is compared byte for byte; hidden files are left out. Files only the second site holds (chunks of
// an older layout that nothing names) are not compared.
package sitecmp

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/scanreport/scanreport/internal/datafile"
)

// Diff lists the files of want that got lacks or shows differently, as
// "path: why", sorted. skip, when not nil, leaves out the files (by path
// relative to the site, with slashes) it returns true for.
func Diff(want, got string, skip func(rel string) bool) ([]string, error) {
	w, err := read(want)
	if err != nil {
		return nil, err
	}
	g, err := read(got)
	if err != nil {
		return nil, err
	}
	var out []string
	for name, wv := range w {
		if skip != nil && skip(name) {
			continue
		}
		gv, ok := g[name]
		switch {
		case !ok:
			out = append(out, name+": missing")
		case !reflect.DeepEqual(wv, gv):
			out = append(out, name+": differs"+hint(wv, gv))
		}
	}
	sort.Strings(out)
	return out, nil
}

// hint names the first top-level key whose value differs.
func hint(a, b any) string {
	am, ok1 := a.(map[string]any)
	bm, ok2 := b.(map[string]any)
	if !ok1 || !ok2 {
		return ""
	}
	var keys []string
	for k := range am {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !reflect.DeepEqual(am[k], bm[k]) {
			return fmt.Sprintf(" (%q)", k)
		}
	}
	return ""
}

const prefix = datafile.Prefix

// read returns the site's files as a reader sees them: data files as
// decoded, normalised JSON, other files as bytes (strings).
func read(root string) (map[string]any, error) {
	raw := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		// Hidden files (.scanreport-site, the incremental build's
		// .scanreport-scan records) are never served to a reader.
		if strings.HasPrefix(path.Base(rel), ".") || strings.Contains(path.Base(rel), ".tmp-") {
			return nil
		}
		data, err := os.ReadFile(p)
		raw[rel] = data
		return err
	})
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	chunk := map[string]bool{} // files read as chunks of another
	for rel, data := range raw {
		if !bytes.HasPrefix(data, []byte(prefix)) {
			continue
		}
		v, err := payload(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", rel, err)
		}
		if m, ok := v.(map[string]any); ok && path.Base(rel) == "manifest.js" {
			// How far the preview's downloads are behind: compared
			// through the downloads themselves (or skipped with them).
			delete(m, "downloads")
		}
		// load reads a data file rel names (a chunk of it).
		load := func(f string) (any, error) {
			name := path.Join(path.Dir(rel), f)
			chunk[name] = true
			d, ok := raw[name]
			if !ok {
				return nil, fmt.Errorf("%s names %s, which is not there", rel, f)
			}
			return payload(d)
		}
		if m, ok := v.(map[string]any); ok && path.Base(rel) == "ix.js" && m["k"] == "ix" {
			// The search index: its head with the files of its
			// generation (whichever number it has).
			m["files"] = indexFiles(m, load, &err)
		}
		out[rel] = normalise(v, load, &err)
		if err != nil {
			return nil, err
		}
	}
	for rel, data := range raw {
		if _, ok := out[rel]; !ok {
			out[rel] = string(data)
		}
	}
	for rel := range chunk {
		delete(out, rel)
	}
	return out, nil
}

func payload(data []byte) (any, error) {
	s, err := datafile.Payload(bytes.TrimSpace(data), 0)
	if err != nil {
		return nil, err
	}
	header, body := datafile.Split(s)
	var v any
	if err := json.Unmarshal(header, &v); err != nil {
		return nil, fmt.Errorf("not a data file: %w", err)
	}
	if m, ok := v.(map[string]any); ok && body != nil {
		m["bin"] = base64.StdEncoding.EncodeToString(body) // a binary body, compared byte for byte
	}
	return v, nil
}

// Keys that differ between two sites showing the same data.
var volatile = map[string]bool{"gen": true, "v": true}

// Keys of a chunk that say where it sits, not what it holds.
var placement = map[string]bool{"k": true, "scan": true, "type": true, "seq": true, "n": true, "s": true, "n0": true, "e": true, "gen": true, "v": true, "f": true}

// indexFiles loads the files a search index head (format 4) names: its
// dictionary blocks and their source postings, trigram and exact shards,
// by family and number.
func indexFiles(head map[string]any, load func(string) (any, error), errp *error) map[string]any {
	gen, _ := head["gen"].(float64)
	counts := map[string]float64{}
	counts["d"], _ = head["blocks"].(float64)
	counts["s"] = counts["d"]
	if sh, ok := head["shards"].(map[string]any); ok {
		counts["t"], _ = sh["t"].(float64)
		counts["x"], _ = sh["x"].(float64)
	}
	out := map[string]any{}
	for family, n := range counts {
		for i := range int(n) {
			key := fmt.Sprintf("%s%d", family, i)
			v, err := load(fmt.Sprintf("ix%d-%s", int(gen), key) + ".js")
			if err != nil {
				if *errp == nil {
					*errp = err
				}
				return nil
			}
			out[key] = v
		}
	}
	return out
}

func normalise(v any, load func(string) (any, error), errp *error) any {
	switch x := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, val := range x {
			if volatile[k] {
				continue
			}
			m[k] = normalise(val, load, errp)
		}
		return m
	case []any:
		if isChunkList(x) {
			merged := map[string][]any{}
			for _, c := range x {
				f := c.(map[string]any)["f"].(string)
				p, err := load(f)
				if err != nil {
					if *errp == nil {
						*errp = err
					}
					return nil
				}
				pm, _ := p.(map[string]any)
				for k, val := range pm {
					if placement[k] {
						continue
					}
					if arr, ok := val.([]any); ok {
						merged[k] = append(merged[k], arr...)
					} else {
						merged[k] = append(merged[k], val)
					}
				}
			}
			out := map[string]any{}
			for k, val := range merged {
				out[k] = val
			}
			return out
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalise(e, load, errp)
		}
		return out
	}
	return v
}

func isChunkList(x []any) bool {
	if len(x) == 0 {
		return false
	}
	for _, e := range x {
		m, ok := e.(map[string]any)
		if !ok {
			return false
		}
		if _, ok := m["f"].(string); !ok {
			return false
		}
	}
	return true
}
