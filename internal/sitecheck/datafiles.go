package sitecheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// DataFiles checks a scan's data files against its model s and the format:
// the manifest's numbers, chunk files that exist and hold n rows of
// equal-length columns, 10,000 rows at most, and nothing else in data/.
func DataFiles(t testing.TB, site, id string, s *model.Scan) {
	t.Helper()
	m := testread.ReadManifest(t, site, id)
	dir := filepath.Join(site, "scans", id, "data")
	if m.K != "manifest" || m.Scan != id || m.Status != s.Meta.Status || m.Count != s.Count() || m.Done != s.Meta.Done() {
		t.Errorf("manifest head: k=%q scan=%q status=%q count=%d done=%v; want manifest %q %q %d %v",
			m.K, m.Scan, m.Status, m.Count, m.Done, id, s.Meta.Status, s.Count(), s.Meta.Done())
	}
	want := map[string]bool{"manifest.js": true, m.FP.F: true}
	graphFiles(t, dir, want) // graph.js, tree.js and the files they list
	indexFiles(t, dir, want) // ix.js and the shards it counts (docs/site-format.md)
	var fp testread.FPList
	testread.Payload(t, filepath.Join(dir, m.FP.F), &fp)
	if len(fp.I) != m.FP.N || fp.K != "fp" {
		t.Errorf("fp.js: k=%q with %d indices; manifest says %d", fp.K, len(fp.I), m.FP.N)
	}
	marked := map[int]bool{}
	for _, i := range fp.I {
		marked[i] = true
	}
	fpRows := 0
	sum := 0
	byCode := map[string]int{}
	for _, ty := range s.Types {
		if ty.Code != scan.RootID {
			byCode[ty.Code] = ty.Total()
		}
	}
	for _, ty := range m.Types {
		sum += ty.Total
		if byCode[ty.Code] != ty.Total {
			t.Errorf("type %s: manifest total %d, model %d", ty.Code, ty.Total, byCode[ty.Code])
		}
		rows := 0
		var fpAt []int // the rows whose element fp.js names, by the chunks
		for seq, c := range ty.Chunks {
			want[c.F] = true
			rows += c.N
			if c.N > 10000 || c.N <= 0 {
				t.Errorf("%s: n=%d", c.F, c.N)
			}
			var ch testread.ElementChunk
			testread.Payload(t, filepath.Join(dir, c.F), &ch)
			cols := map[string]int{"i": len(ch.I), "id": len(ch.ID), "d": len(ch.D), "s": len(ch.S), "sd": len(ch.SD), "m": len(ch.M), "t": len(ch.T), "r": len(ch.R), "f": len(ch.F)}
			for col, n := range cols {
				if n != c.N {
					t.Errorf("%s: column %s has %d values, n=%d", c.F, col, n, c.N)
				}
			}
			if ch.K != "elements" || ch.Scan != id || ch.Type != ty.Slug || ch.Seq != seq || ch.N != c.N {
				t.Errorf("%s: head k=%q scan=%q type=%q seq=%d n=%d", c.F, ch.K, ch.Scan, ch.Type, ch.Seq, ch.N)
			}
			for _, mi := range ch.M {
				if mi < 0 || mi >= len(m.Modules) {
					t.Errorf("%s: module index %d out of range", c.F, mi)
					break
				}
			}
			for x, i := range ch.I {
				if marked[i] {
					fpAt = append(fpAt, c.S+x)
				}
			}
		}
		// fp.js "r" names the same false positives by row.
		slices.Sort(fpAt)
		if got := fp.R[ty.Slug]; !slices.Equal(got, fpAt) || len(got) != ty.FP {
			t.Errorf("fp.js: type %s has false positives at rows %v; its chunks at %v; manifest counts %d", ty.Slug, got, fpAt, ty.FP)
		}
		fpRows += len(fpAt)
		if rows != ty.Total {
			t.Errorf("type %s: chunks hold %d rows, total %d", ty.Code, rows, ty.Total)
		}
	}
	if sum != m.Count || len(m.Types) != len(byCode) {
		t.Errorf("manifest types add up to %d elements in %d types; count %d, model has %d types", sum, len(m.Types), m.Count, len(byCode))
	}
	logRows := 0
	for _, c := range m.Log.Chunks {
		want[c.F] = true
		logRows += c.N
	}
	if logRows != m.Log.Total || m.Log.Total != len(s.Log) {
		t.Errorf("log: chunks %d rows, total %d, model %d", logRows, m.Log.Total, len(s.Log))
	}
	if fpRows != len(fp.I) || len(fp.R) > len(m.Types) {
		t.Errorf("fp.js: %d elements, %d rows in %d types", len(fp.I), fpRows, len(fp.R))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("data/%s is in no manifest list", e.Name())
		}
		delete(want, e.Name())
	}
	for name := range want {
		t.Errorf("data/%s is listed in the manifest but missing", name)
	}
}

// graphFiles adds graph.js, tree.js and the data files they list to the
// files a scan's data folder dir may hold (want), checking that each
// exists and is of its kind.
func graphFiles(t testing.TB, dir string, want map[string]bool) {
	t.Helper()
	var gm testread.GraphManifest
	testread.Payload(t, filepath.Join(dir, chunks.GraphFile), &gm)
	want[chunks.GraphFile] = true
	for _, c := range gm.Chunks {
		want[c.F] = true
		var p testread.GraphPart
		testread.Payload(t, filepath.Join(dir, c.F), &p)
		if p.K != "graph-part" || p.N != c.N || p.Ne != c.E || len(p.X) != p.N || len(p.A) != p.Ne {
			t.Errorf("%s: k=%q n=%d ne=%d; graph.js says %d nodes, %d edges", c.F, p.K, p.N, p.Ne, c.N, c.E)
		}
	}
	var tm testread.TreeManifest
	testread.Payload(t, filepath.Join(dir, chunks.TreeFile), &tm)
	want[chunks.TreeFile] = true
	for _, c := range tm.Chunks {
		want[c.F] = true
	}
}

// indexFiles adds the search index to want: ix.js and the files of its
// generation: the dictionary blocks (each with its source postings),
// trigram and exact shards its counts say exist, each of its kind and
// generation, the blocks holding the entries ix.js counts.
func indexFiles(t testing.TB, dir string, want map[string]bool) {
	t.Helper()
	var ix testread.Index
	testread.Payload(t, filepath.Join(dir, "ix.js"), &ix)
	if ix.K != "ix" || ix.V != 4 || (ix.Blocks == 0) != (ix.Entries == 0) || ix.Shards.T == 0 || ix.Shards.X == 0 {
		t.Errorf("ix.js: k=%q v=%d blocks=%d shards=%v", ix.K, ix.V, ix.Blocks, ix.Shards)
	}
	want["ix.js"] = true
	entries := 0
	for i := range ix.Blocks {
		name := fmt.Sprintf("ix%d-d%d.js", ix.Gen, i)
		var blk sitefmt.IndexBlock
		testread.Payload(t, filepath.Join(dir, name), &blk)
		d, err := blk.Dict()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if blk.K != "ixd" || blk.Gen != ix.Gen || blk.Block != i || len(d.E) == 0 {
			t.Errorf("%s: k=%q gen=%d block=%d, %d entries", name, blk.K, blk.Gen, blk.Block, len(d.E))
		}
		entries += len(d.E)
		want[name] = true
		src := fmt.Sprintf("ix%d-s%d.js", ix.Gen, i)
		var s sitefmt.IndexSources
		testread.Payload(t, filepath.Join(dir, src), &s)
		if s.K != "ixs" || s.Gen != ix.Gen || s.Block != i || len(s.Bin) < len(d.E) {
			t.Errorf("%s: k=%q gen=%d block=%d, %d bytes for %d entries", src, s.K, s.Gen, s.Block, len(s.Bin), len(d.E))
		}
		want[src] = true
	}
	if entries != ix.Entries {
		t.Errorf("ix.js counts %d entries; its blocks hold %d", ix.Entries, entries)
	}
	for kind, n := range map[string]int{"t": ix.Shards.T, "x": ix.Shards.X} {
		for i := range n {
			name := fmt.Sprintf("ix%d-%s%d.js", ix.Gen, kind, i)
			var sh struct {
				K     string `json:"k"`
				Gen   int    `json:"gen"`
				Shard int    `json:"shard"`
				Bin   []byte `json:"-" body:"body"`
			}
			testread.Payload(t, filepath.Join(dir, name), &sh)
			if sh.K != "ix"+kind || sh.Gen != ix.Gen || sh.Shard != i || len(sh.Bin) == 0 {
				t.Errorf("%s: k=%q gen=%d shard=%d, a %d-byte body", name, sh.K, sh.Gen, sh.Shard, len(sh.Bin))
			}
			want[name] = true
		}
	}
}

// SameFiles checks that the sites a and b hold the same files with the
// same bytes (a deterministic build).
func SameFiles(t testing.TB, a, b string) {
	t.Helper()
	fa, fb := testread.SiteFiles(t, a), testread.SiteFiles(t, b)
	if !slices.Equal(fa, fb) {
		t.Fatalf("the two builds have different files:\n%v\n%v", fa, fb)
	}
	diffs := 0
	for _, rel := range fa {
		x, _ := os.ReadFile(filepath.Join(a, rel))
		y, _ := os.ReadFile(filepath.Join(b, rel))
		if !bytes.Equal(x, y) {
			if diffs++; diffs <= 10 {
				i := 0
				for i < len(x) && i < len(y) && x[i] == y[i] {
					i++
				}
				t.Errorf("%s differs at byte %d: %q vs %q", rel, i, x[i:min(len(x), i+60)], y[i:min(len(y), i+60)])
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d files differ", diffs, len(fa))
	}
}

// DataShapes decodes every data file of the site (the scans' data/ folders
// and the site's own data/) strictly into its type of internal/sitefmt: a
// key the writer adds that the types do not declare, or one they declare
// that the writer leaves out, fails the test.
func DataShapes(t testing.TB, site string) {
	t.Helper()
	kinds := map[string]int{}
	for _, rel := range testread.SiteFiles(t, site) {
		if !strings.HasPrefix(rel, "data/") && !strings.Contains(rel, "/data/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		pl, err := datafile.Payload(b, 0)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		v, err := sitefmt.Decode(pl)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		kinds[fmt.Sprintf("%T", v)]++
	}
	if len(kinds) < 10 {
		t.Errorf("only %d kinds of data file checked: %v", len(kinds), kinds)
	}
	t.Logf("data files checked by kind: %v", kinds)
}
