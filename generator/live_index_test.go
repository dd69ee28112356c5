package generator

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/sitecmp"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

// A running scan's index grows by segments, one per update that adds
// rows, listed in ix.js with the rows they cover; a source arriving after
// its child puts the child in the next segment's late rows (no merge).
// When the scan finishes, the segments are merged: ix.js is the index
// written whole as generation 1; the files the head before it named (the
// segments, generation 0) stay for a page that read it, until the next
// whole index; a full rewrite writes a generation of its own too.
// TestLiveIndexRewrite tests the rule over many rewrites and merges.
func TestLiveIndexSegments(t *testing.T) {
	l, scans, out := startRunning(t, nil)
	defer l.Close()
	data := filepath.Join(out, "scans", "run", "data")
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(data, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	elements := filepath.Join(scans, "run", scan.ElementsFile)
	update := func(files ...string) Change {
		t.Helper()
		ch, err := l.Update(context.Background(), []ScanChange{{Scan: "run", Files: files}})
		if err != nil {
			t.Fatal(err)
		}
		return ch
	}
	// indexFiles lists the index's files but the head by generation (-1:
	// segments).
	indexFiles := func() map[int][]string {
		ents, err := os.ReadDir(data)
		if err != nil {
			t.Fatal(err)
		}
		out := map[int][]string{}
		for _, e := range ents {
			if g, ok := searchindex.FileGen(e.Name()); ok {
				out[g] = append(out[g], e.Name())
			}
		}
		return out
	}
	gens := func() []int { return slices.Sorted(maps.Keys(indexFiles())) }
	whole := read("ix.js")
	for k := range 3 {
		var lines []string
		for i := range 10 {
			lines = append(lines, fmt.Sprintf(`{"id":"n%d-%d","type":"IP_ADDRESS","data":"10.0.%d.%d","source":"h","module":"m","generated":"2026-11-20T10:00:02Z"}`, k, i, k, i))
		}
		if k == 0 {
			// Its source comes two updates later.
			lines = append(lines, `{"id":"child","type":"EMAILADDR","data":"a@example.com","source":"later","module":"m","generated":"2026-11-20T10:00:02Z"}`)
		}
		if k == 2 {
			lines = append(lines, `{"id":"later","type":"INTERNET_NAME","data":"Later.Example.com","source":"h","module":"m","generated":"2026-11-20T10:00:03Z"}`)
		}
		appendLines(t, elements, lines...)
		ch := update(scan.ElementsFile)
		seg := fmt.Sprintf("scans/run/data/ix-g%d.js", k+1)
		if !strings.Contains(strings.Join(ch.Paths, " "), seg) {
			t.Errorf("update %d did not write %s: %v", k, seg, ch.Paths)
		}
		g := read(fmt.Sprintf("ix-g%d.js", k+1))
		if !strings.Contains(g, fmt.Sprintf(`{"slug":"ip_address","s":%d,"n":10}`, k*10)) || !strings.Contains(g, fmt.Sprintf(`"10.0.%d.9"`, k)) {
			t.Errorf("segment %d: %s", k+1, g)
		}
		var seg3 sitefmt.IndexSegment
		testread.Payload(t, filepath.Join(data, fmt.Sprintf("ix-g%d.js", k+1)), &seg3)
		if k < 2 && seg3.Late != "AA==" {
			t.Errorf("segment %d: late %q, want none", k+1, seg3.Late)
		}
		if k == 2 {
			// The child (row 0 of emailaddr, covered by segment 1) is
			// late here, listed under its new source's value.
			ek := slices.IndexFunc(seg3.Types, func(r sitefmt.IndexRange) bool { return r.Slug == "emailaddr" })
			if ek < 0 || seg3.Types[ek].N != 0 || seg3.Types[ek].S != 1 || !lateIs(seg3.Late, uint64(ek)<<searchindex.RowBits) {
				t.Errorf("segment 3: types %+v, late %q; want emailaddr row 0 late", seg3.Types, seg3.Late)
			}
			if !slices.Contains(seg3.E, "Later.Example.com") {
				t.Errorf("segment 3 lacks the late source's value: %v", seg3.E)
			}
		}
	}
	if got := gens(); !slices.Equal(got, []int{-1, 0}) {
		t.Errorf("index files of generations %v before any merge (the relink merged?)", got)
	}
	head := read("ix.js")
	if !strings.HasPrefix(head, whole[:strings.LastIndex(whole, "]}")+1]) ||
		!strings.Contains(head, `"segs":[1,2,3],"cover":[{"slug":"internet_name","n":2},{"slug":"emailaddr","n":1},{"slug":"ip_address","n":30}]`) {
		t.Errorf("head after three updates:\n%s\nthe index written whole:\n%s", head, whole)
	}
	// An update with no new rows writes no segment.
	ch := update(scan.LogFile)
	if strings.Contains(strings.Join(ch.Paths, " "), "ix-") {
		t.Errorf("an update without rows wrote index files: %v", ch.Paths)
	}
	// Finished: merged with the downloads, as generation 1.
	writeFiles(t, scans, "-- run/scan.toml --\nname = \"Running\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n")
	update(scan.MetaFile)
	if _, err := l.FlushExports(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	var ix sitefmt.IndexMeta
	testread.Payload(t, filepath.Join(data, "ix.js"), &ix)
	head = read("ix.js")
	if ix.Gen != 1 || strings.Contains(head, "segs") || !strings.Contains(head, `{"slug":"ip_address","n":30}`) {
		t.Errorf("head after the merge: %s", head)
	}
	if got := gens(); !slices.Equal(got, []int{-1, 0, 1}) || len(indexFiles()[-1]) != 3 {
		t.Errorf("after the first merge, index files of generations %v, segments %v; want 0 and its segments (a reader may still use them) and 1", got, indexFiles()[-1])
	}
	// Later merges: generation G-1 (and the segments its head named) goes
	// when G+1 is installed; the segment the head of G named stays.
	for g := 2; g <= 3; g++ {
		appendLines(t, elements, fmt.Sprintf(`{"id":"m%d","type":"IP_ADDRESS","data":"10.1.0.%d","source":"h","module":"m","generated":"2026-11-20T10:00:04Z"}`, g, g))
		update(scan.ElementsFile)
		if _, err := l.FlushExports(context.Background(), 0); err != nil {
			t.Fatal(err)
		}
		testread.Payload(t, filepath.Join(data, "ix.js"), &ix)
		if got := gens(); ix.Gen != g || !slices.Equal(got, []int{-1, g - 1, g}) || len(indexFiles()[-1]) != 1 {
			t.Errorf("merge %d: head of generation %d, files of %v, segments %v; want %d with one segment, and %d", g, ix.Gen, got, indexFiles()[-1], g-1, g)
		}
	}
	// A merge from an older copy of the scan (a job that waited for
	// another) is not installed, and its files go.
	l.mu.Lock()
	old := l.scans["run"].s.View()
	l.mu.Unlock()
	appendLines(t, elements, `{"id":"m9","type":"IP_ADDRESS","data":"10.1.0.9","source":"h","module":"m","generated":"2026-11-20T10:00:05Z"}`)
	update(scan.ElementsFile)
	if _, err := l.FlushExports(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	if err := l.writeIndex(context.Background(), "run", old); err != nil {
		t.Fatal(err)
	}
	testread.Payload(t, filepath.Join(data, "ix.js"), &ix)
	if got := gens(); ix.Gen != 4 || !slices.Equal(got, []int{-1, 3, 4}) {
		t.Errorf("after an older copy's merge: head of generation %d, files of %v; want 4, files of 3 (and its segment) and 4", ix.Gen, got)
	}
	// The index of the last merge is the one a build writes (the pages
	// of a scan that went on after it finished differ, not the index).
	clean := filepath.Join(t.TempDir(), "clean")
	if _, err := Build(context.Background(), options(scans, clean)); err != nil {
		t.Fatal(err)
	}
	diff, err := sitecmp.Diff(clean, out, func(rel string) bool { return path.Base(rel) != searchindex.MetaFile })
	if err != nil || len(diff) > 0 {
		t.Errorf("the merged index differs from a clean build's: %v %v", diff, err)
	}
	// A full rewrite: a generation above every one written (5 went to the
	// older copy's merge), and the files of the one it replaced.
	ch, err = l.Update(context.Background(), []ScanChange{{Scan: "run", Dir: true}})
	if err != nil {
		t.Fatal(err)
	}
	testread.Payload(t, filepath.Join(data, "ix.js"), &ix)
	if got := gens(); ix.Gen != 6 || !slices.Equal(got, []int{4, 6}) {
		t.Errorf("after a full rewrite: head of generation %d, files of %v; want 6, and 4", ix.Gen, got)
	}
	for _, f := range indexFiles()[6] {
		if !strings.Contains(strings.Join(ch.Paths, " "), f) {
			// Every file is written afresh (and so reported).
			t.Errorf("%s not reported written: %v", f, ch.Paths)
			break
		}
	}
	sameAsCleanBuild(t, scans, out)
}

// lateIs says whether a segment's late field lists exactly the row id.
func lateIs(late string, id uint64) bool {
	b, err := base64.StdEncoding.DecodeString(late)
	if err != nil {
		return false
	}
	want := binary.AppendUvarint([]byte{1}, id)
	return bytes.Equal(b, want)
}
