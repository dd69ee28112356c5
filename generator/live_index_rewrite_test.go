package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/scanreport/scanreport/generator/chunks"
	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/sitefmt"
	"github.com/scanreport/scanreport/scan"
)

// readHead reads the search index head in the data folder data and the
// names of the files it names (blocks, shards, segments), as a page
// reads them.
func readHead(data string) (*sitefmt.IndexMeta, []string, error) {
	b, err := os.ReadFile(filepath.Join(data, searchindex.MetaFile))
	if err != nil {
		return nil, nil, err
	}
	v, err := sitefmt.Decode(bytes.TrimSuffix(bytes.TrimPrefix(b, []byte(chunks.ScriptPrefix)), []byte(chunks.ScriptSuffix)))
	if err != nil {
		return nil, nil, err
	}
	m, ok := v.(*sitefmt.IndexMeta)
	if !ok {
		return nil, nil, fmt.Errorf("%s is a %T", searchindex.MetaFile, v)
	}
	return m, searchindex.HeadFiles(m.Gen, m.Blocks, m.Shards.T, m.Shards.X, m.Segs), nil
}

// runningMeta is the scan.toml of the running scan "run".
const runningMeta = "-- run/scan.toml --\nname = \"Running\"\ntarget = \"example.com\"\nstatus = \"RUNNING\"\n"

// startRunning serves, from a new scans root, the running scan "run"
// holding the elements lines (an INTERNET_NAME "h" when none), with the
// options o changes; it returns the server and the scans root and site.
func startRunning(t *testing.T, o func(*Options), lines ...string) (l *Live, scans, out string) {
	t.Helper()
	dir := t.TempDir()
	scans, out = filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if len(lines) == 0 {
		lines = []string{`{"id":"h","type":"INTERNET_NAME","data":"example.com","source":"ROOT","module":"m","generated":"2026-11-20T10:00:01Z"}`}
	}
	writeFiles(t, scans, runningMeta+"-- run/elements.jsonl --\n"+strings.Join(lines, "\n")+"\n")
	opts := options(scans, out)
	if o != nil {
		o(&opts)
	}
	l, _, err := Start(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return l, scans, out
}

// seenFiles remembers the bytes (a hash) every index file name was seen
// with: a page that read a head must find the files it names as they
// were when the head was written, so a name is never written again with
// other bytes.
type seenFiles struct {
	mu  sync.Mutex
	sum map[string][sha256.Size]byte
}

func (s *seenFiles) check(name string, b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := sha256.Sum256(b)
	if old, ok := s.sum[name]; ok && old != sum {
		return fmt.Errorf("%s was written again with other bytes", name)
	}
	s.sum[name] = sum
	return nil
}

// A full rewrite of a live scan's index (the scan read afresh: Dir, a
// shrunk elements file) writes a generation of its own, as a merge does,
// and so do a rebuild of the whole site and a server started again over
// its site; one rule holds for all: after each step, every file the head
// before it named is still there with the same bytes (a page mid-query),
// the data folder holds only the files of the current head and of the
// head the last whole index replaced, generations only grow and segment
// numbers are never used twice.
func TestLiveIndexRewrite(t *testing.T) {
	el := func(id, typ, data, src string) string {
		return fmt.Sprintf(`{"id":%q,"type":%q,"data":%q,"source":%q,"module":"m","generated":"2026-11-20T10:00:01Z"}`, id, typ, data, src)
	}
	first := []string{
		el("h", "INTERNET_NAME", "example.com", "ROOT"),
		el("u", "LINKED_URL_INTERNAL", "https://example.com/api?key=SECRET123<SFURL>x</SFURL>", "h"),
		el("m", "RAW_RIR_DATA", "line one\nADMIN line two\r\nÉcole", "h"),
	}
	for i := range 6 {
		first = append(first, el(fmt.Sprintf("a%d", i), "IP_ADDRESS", fmt.Sprintf("10.0.0.%d", i), "h"))
	}
	l, scans, out := startRunning(t, nil, first...)
	defer func() { l.Close() }()
	data := filepath.Join(out, "scans", "run", "data")
	elements := filepath.Join(scans, "run", scan.ElementsFile)
	update := func(c ScanChange) {
		t.Helper()
		c.Scan = "run"
		if _, err := l.Update(context.Background(), []ScanChange{c}); err != nil {
			t.Fatal(err)
		}
	}
	flush := func() {
		t.Helper()
		if _, err := l.FlushExports(context.Background(), 0); err != nil {
			t.Fatal(err)
		}
	}
	seen := &seenFiles{sum: map[string][sha256.Size]byte{}}
	// held reads the files the head names, as a page that read it.
	held := func() (*sitefmt.IndexMeta, []string, map[string][]byte) {
		t.Helper()
		m, names, err := readHead(data)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, n := range names {
			b, err := os.ReadFile(filepath.Join(data, n))
			if err != nil {
				t.Fatalf("the head (generation %d) names %s: %v", m.Gen, n, err)
			}
			if err := seen.check(n, b); err != nil {
				t.Error(err)
			}
			files[n] = b
		}
		return m, names, files
	}
	_, older, _ := held() // the head the last whole index replaced
	gens := []int{0}
	maxSeg := 0
	step := func(what string, whole bool, do func()) {
		t.Helper()
		before, names, files := held()
		do()
		m, cur, _ := held()
		t.Logf("%s: generation %d segments %v", what, m.Gen, m.Segs)
		if whole {
			if m.Gen <= before.Gen || len(m.Segs) > 0 {
				t.Errorf("%s: head of generation %d (segments %v) after %d; want a new generation", what, m.Gen, m.Segs, before.Gen)
			}
			gens = append(gens, m.Gen)
			older = names
		} else if m.Gen != before.Gen {
			t.Errorf("%s: generation %d after %d", what, m.Gen, before.Gen)
		}
		for _, n := range m.Segs {
			if !slices.Contains(before.Segs, n) {
				if n <= maxSeg {
					t.Errorf("%s: new segment %d; segment numbers up to %d were used before", what, n, maxSeg)
				}
				maxSeg = max(maxSeg, n)
			}
		}
		// A page that read the previous head finds its files unchanged.
		for n, b := range files {
			got, err := os.ReadFile(filepath.Join(data, n))
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("%s: %s, named by the head before it, is gone or changed (%v)", what, n, err)
			}
		}
		// Nothing else is left.
		ents, err := os.ReadDir(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if _, ok := searchindex.FileGen(e.Name()); ok && !slices.Contains(cur, e.Name()) && !slices.Contains(older, e.Name()) {
				t.Errorf("%s: %s left in the data folder; the head (generation %d) and the one before it (%d) do not name it", what, e.Name(), m.Gen, before.Gen)
			}
		}
	}
	row := 0
	add := func(n int) {
		var lines []string
		for range n {
			row++
			lines = append(lines, el(fmt.Sprintf("n%d", row), "IP_ADDRESS", fmt.Sprintf("10.1.%d.%d", row/200, row%200), "h"))
		}
		appendLines(t, elements, lines...)
		update(ScanChange{Files: []string{scan.ElementsFile}})
	}

	step("a segment", false, func() { add(3) })
	step("a second segment", false, func() { add(2) })
	step("a rewrite with segments listed", true, func() { update(ScanChange{Dir: true}) })
	step("a segment after the rewrite", false, func() { add(2) })
	step("a merge", true, func() {
		writeFiles(t, scans, strings.Replace(runningMeta, "RUNNING", "FINISHED", 1))
		update(ScanChange{Files: []string{scan.MetaFile}})
		flush()
	})
	step("a segment after the merge", false, func() { add(4) })
	step("a rewrite after merges: an element removed, one renamed", true, func() {
		lines := slices.Clone(first[:len(first)-1])
		lines[1] = el("u", "LINKED_URL_INTERNAL", "https://example.com/admin?token=OTHER<SFURL>y</SFURL>", "h")
		writeFiles(t, scans, "-- run/elements.jsonl --\n"+strings.Join(lines, "\n")+"\n")
		update(ScanChange{Files: []string{scan.ElementsFile}})
	})
	for k := range 3 {
		step(fmt.Sprintf("segment %d", k), false, func() { add(2) })
		step(fmt.Sprintf("merge %d", k), true, flush)
	}
	step("a rewrite", true, func() { update(ScanChange{Dir: true}) })
	step("another rewrite at once", true, func() { update(ScanChange{Dir: true}) })
	step("a segment", false, func() { add(1) })
	step("a rewrite", true, func() { update(ScanChange{Dir: true}) })
	// The whole site written again and swapped in (config.toml changed):
	// the previous site's index files are kept in the new one.
	step("a rebuild", true, func() {
		if _, err := l.Rebuild(context.Background(), options(scans, out)); err != nil {
			t.Fatal(err)
		}
	})
	step("a segment after the rebuild", false, func() { add(2) })
	step("a rebuild with segments listed", true, func() {
		if _, err := l.Rebuild(context.Background(), options(scans, out)); err != nil {
			t.Fatal(err)
		}
	})
	step("a segment after the second rebuild", false, func() { add(1) })
	step("a merge after the rebuild", true, flush)
	// The server started again over its site.
	step("a restart", true, func() {
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
		var err error
		if l, _, err = Start(context.Background(), options(scans, out)); err != nil {
			t.Fatal(err)
		}
	})
	step("a rewrite after the restart", true, func() { update(ScanChange{Dir: true}) })
	if !slices.IsSorted(gens) || len(slices.Compact(slices.Clone(gens))) != len(gens) {
		t.Errorf("generations %v do not only grow", gens)
	}
	sameAsCleanBuild(t, scans, out)
}

// While a page queries the index over and over (the head, then every
// file it names), the scan is rewritten, appended to and merged: every
// file the page finds holds the bytes its name was first written with,
// and a file the head named is only ever gone once two whole indexes were
// installed after that head.
func TestLiveIndexRewriteReader(t *testing.T) {
	l, scans, out := startRunning(t, func(o *Options) { o.SearchBlockBytes = 64 }) // several blocks
	defer l.Close()
	data := filepath.Join(out, "scans", "run", "data")
	elements := filepath.Join(scans, "run", scan.ElementsFile)
	seen := &seenFiles{sum: map[string][sha256.Size]byte{}}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var reads, gone int
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			m, names, err := readHead(data)
			if err != nil {
				t.Errorf("head: %v", err)
				return
			}
			for _, n := range names {
				b, err := os.ReadFile(filepath.Join(data, n))
				if errors.Is(err, fs.ErrNotExist) {
					if now, _, err := readHead(data); err != nil || now.Gen < m.Gen+2 {
						t.Errorf("%s, named by the head of generation %d, is gone (head now: %v %v)", n, m.Gen, now, err)
					}
					gone++
					break
				}
				if err != nil {
					t.Errorf("%s: %v", n, err)
					return
				}
				if err := seen.check(n, b); err != nil {
					t.Error(err)
				}
			}
			reads++
		}
	}()
	for k := range 24 {
		var err error
		switch k % 4 {
		case 0, 1:
			appendLines(t, elements, fmt.Sprintf(`{"id":"n%d","type":"IP_ADDRESS","data":"10.2.0.%d","source":"h","module":"m","generated":"2026-11-20T10:00:02Z"}`, k, k))
			_, err = l.Update(context.Background(), []ScanChange{{Scan: "run", Files: []string{scan.ElementsFile}}})
		case 2:
			_, err = l.FlushExports(context.Background(), 0)
		case 3:
			_, err = l.Update(context.Background(), []ScanChange{{Scan: "run", Dir: true}})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if reads < 24 {
		t.Errorf("the reader read the index %d times", reads)
	}
	t.Logf("the reader read the index %d times; %d times a file was gone after two newer heads", reads, gone)
}
