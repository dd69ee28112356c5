package watch

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// watcher starts Run on a temporary scans root and returns a function that
// collects batches until the changes it has seen satisfy done.
type harness struct {
	t    *testing.T
	root string
	out  chan Batch
}

func start(t *testing.T, poll time.Duration, files ...string) *harness {
	t.Helper()
	return startWith(t, Options{Poll: poll, Files: files})
}

// startWith is start with more options; Root is filled in.
func startWith(t *testing.T, o Options) *harness {
	t.Helper()
	root := filepath.Join(t.TempDir(), "scans")
	if err := os.MkdirAll(filepath.Join(root, "s1"), 0o755); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, root: root, out: make(chan Batch, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	o.Root = root
	ready := make(chan struct{})
	o.Ready = sync.OnceFunc(func() { close(ready) })
	go func() { done <- Run(ctx, o, h.out) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		done <- err // for the cleanup
		t.Fatalf("Run ended before its watches were ready: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the watches were not ready within 10 s")
	}
	return h
}

func (h *harness) write(rel, data string, appendTo bool) {
	h.t.Helper()
	p := filepath.Join(h.root, filepath.FromSlash(rel))
	flag := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flag = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(p, flag, 0o644)
	if err != nil {
		h.t.Fatal(err)
	}
	if _, err := f.WriteString(data); err != nil {
		h.t.Fatal(err)
	}
	f.Close()
}

// collect gathers batches until want (a set of "scan/file" or "scan/" keys)
// has been seen, and returns every key seen and the number of batches.
func (h *harness) collect(want ...string) (map[string]bool, int) {
	h.t.Helper()
	seen := map[string]bool{}
	batches := 0
	deadline := time.After(5 * time.Second)
	for {
		all := true
		for _, w := range want {
			all = all && seen[w]
		}
		if all {
			// Give a trailing batch a moment, then stop.
			select {
			case b := <-h.out:
				batches++
				add(seen, b)
			case <-time.After(400 * time.Millisecond):
				return seen, batches
			}
			continue
		}
		select {
		case b := <-h.out:
			batches++
			add(seen, b)
		case <-deadline:
			var keys []string
			for k := range seen {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			h.t.Fatalf("timed out waiting for %v; saw %v", want, keys)
		}
	}
}

func add(seen map[string]bool, b Batch) {
	for _, c := range b.Changes {
		if c.Dir {
			seen[c.Scan+"/"] = true
		}
		for f := range c.Files {
			seen[c.Scan+"/"+f] = true
		}
	}
	for _, o := range b.Other {
		seen["other:"+filepath.Base(o)] = true
	}
	if b.Rescan {
		seen["rescan"] = true
	}
}

func TestBurstIsCoalesced(t *testing.T) {
	h := start(t, 0)
	for i := range 2000 {
		h.write("s1/elements.jsonl", strings.Repeat("x", i%50)+"\n", true)
	}
	seen, batches := h.collect("s1/elements.jsonl")
	if batches > 10 {
		t.Errorf("2,000 appends gave %d batches", batches)
	}
	if len(seen) != 1 {
		t.Errorf("seen %v", seen)
	}
}

func TestAtomicSaveAndTempFiles(t *testing.T) {
	h := start(t, 0)
	h.write("s1/.scan.toml.tmp-123", "status = \"FINISHED\"\n", false)
	if err := os.Rename(filepath.Join(h.root, "s1", ".scan.toml.tmp-123"), filepath.Join(h.root, "s1", "scan.toml")); err != nil {
		t.Fatal(err)
	}
	h.write("s1/notes.md~", "backup", false)
	h.write("s1/.notes.md.swp", "vim", false)
	seen, _ := h.collect("s1/scan.toml")
	for k := range seen {
		if k != "s1/scan.toml" {
			t.Errorf("unexpected change %s", k)
		}
	}
	// The watch on the directory survives the rename: a second save is seen.
	h.write("s1/scan.toml", "status = \"RUNNING\"\n", false)
	h.collect("s1/scan.toml")
}

func TestNewRenamedAndRemovedScans(t *testing.T) {
	h := start(t, 0)
	// A new scan directory, with a file written right after it appears.
	if err := os.Mkdir(filepath.Join(h.root, "s2"), 0o755); err != nil {
		t.Fatal(err)
	}
	h.write("s2/elements.jsonl", "{}\n", true)
	h.collect("s2/", "s2/elements.jsonl")
	// Later appends to it are seen too (it got a watch).
	h.write("s2/elements.jsonl", "{}\n", true)
	h.collect("s2/elements.jsonl")
	// A scan prepared elsewhere and renamed in.
	outside := filepath.Join(filepath.Dir(h.root), "staging")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "scan.toml"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(outside, filepath.Join(h.root, "s3")); err != nil {
		t.Fatal(err)
	}
	h.collect("s3/", "s3/scan.toml")
	h.write("s3/log.jsonl", "{}\n", true)
	h.collect("s3/log.jsonl")
	// Removal and truncation.
	if err := os.RemoveAll(filepath.Join(h.root, "s2")); err != nil {
		t.Fatal(err)
	}
	h.collect("s2/")
	h.write("s1/elements.jsonl", "", false)
	h.collect("s1/elements.jsonl")
}

func TestOtherFiles(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := start(t, 0, cfg)
	tmp := cfg + ".tmp"
	if err := os.WriteFile(tmp, []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, cfg); err != nil {
		t.Fatal(err)
	}
	h.collect("other:config.toml")
}

// A watched folder (a templates folder): any file written, replaced or
// added there is news; editor temp files are not. With fsnotify and polling.
func TestOtherDirs(t *testing.T) {
	for _, poll := range []time.Duration{0, 50 * time.Millisecond} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "layout.html"), []byte("a"), 0o644); err != nil {
			t.Fatal(err)
		}
		h := startWith(t, Options{Poll: poll, Dirs: []string{dir}})
		if err := os.WriteFile(filepath.Join(dir, "layout.html"), []byte("bb"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "overview.html"), []byte("c"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ".overview.html.swp"), []byte("c"), 0o644); err != nil {
			t.Fatal(err)
		}
		seen, _ := h.collect("other:layout.html", "other:overview.html")
		if seen["other:.overview.html.swp"] {
			t.Errorf("poll %v: an editor's swap file counted", poll)
		}
	}
}

func TestPolling(t *testing.T) {
	h := start(t, 50*time.Millisecond)
	h.write("s1/elements.jsonl", "{}\n", true)
	h.collect("s1/elements.jsonl")
	if err := os.Mkdir(filepath.Join(h.root, "s9"), 0o755); err != nil {
		t.Fatal(err)
	}
	h.write("s9/scan.toml", "x", false)
	h.collect("s9/", "s9/scan.toml")
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{"scan.toml": false, "elements.jsonl": false, ".x.tmp-1": true, "a~": true,
		"a.swp": true, "4913": true, "#a#": true, "x.goutputstream-1": true, "f.jb_tmp___": true} {
		if ignored(name) != want {
			t.Errorf("ignored(%q) = %v", name, !want)
		}
	}
}
