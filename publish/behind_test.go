package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/datafile"
	"github.com/scanreport/scanreport/internal/testread"
)

// ixHead is an ix.js payload as the generator writes it, of
// scan a, generation gen, with blocks dictionary blocks, one trigram and
// one exact shard, and the segments segs.
func ixHead(gen, blocks int, segs ...int) string {
	s := fmt.Sprintf(`{"k":"ix","scan":"a","v":%d,"gen":%d,"rowBits":24,"blocks":%d,"entries":7,"shards":{"t":1,"x":1},`+
		`"types":[{"slug":"ip_address","n":5},{"slug":"internet_name","n":2}]`, searchindex.Version, gen, blocks)
	if len(segs) > 0 {
		js := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(segs)), ","), "[]")
		s += `,"segs":[` + js + `],"cover":[{"slug":"ip_address","n":9},{"slug":"internet_name","n":2}]`
	}
	return s + "}"
}

// manifestHead is a manifest.js payload naming the element chunks of
// ip_address given, one log chunk and fp.js.
func manifestHead(chunks ...string) string {
	var refs []string
	for i, c := range chunks {
		refs = append(refs, fmt.Sprintf(`{"f":%q,"n":10000,"s":%d}`, c, i*10000))
	}
	return `{"k":"manifest","scan":"a","status":"FINISHED","badge":{"label":"Finished","class":"ok","partial":""},"done":true,"count":1,` +
		`"modules":["sfp_dnsresolve"],"types":[{"code":"IP_ADDRESS","slug":"ip_address","descr":"IP Address","cat":"Network","total":1,` +
		`"unique":1,"risky":0,"fp":0,"last":0,"chunks":[` + strings.Join(refs, ",") + `],"facts":[]}],` +
		`"log":{"total":1,"chunks":[{"f":"log-0.js","n":1}]},"fp":{"f":"fp.js","n":0}}`
}

// TestHeldBy: the kept set is exactly the stale files a replaced head
// names in its own folder (for ix.js, searchindex.HeadFiles of its
// generation and segments), whatever the other stale objects are; a head
// that does not parse keeps nothing and says why.
func TestHeldBy(t *testing.T) {
	const a = "scans/a/data/"
	var named []string
	for _, n := range searchindex.HeadFiles(3, 2, 1, 1, []int{4, 5}) {
		named = append(named, a+n)
	}
	others := []string{
		a + "ix2-d0.js", a + "ix2-t0.js", a + "ix-g2.js", a + "ix-g6.js", // an older generation, segments the head does not list
		a + "ix-v1.js", a + "ix-a3.js", // format 1's files
		a + "ix30-d0.js",                                  // a generation whose number starts like 3's
		"scans/b/data/ix3-d0.js", "scans/b/data/ix-g4.js", // the same names in another scan's folder
		"scans/a/types/ip_address.html", "scans/a/index.html", "data/old.js",
		a + "e-ip_address-7.js", // a chunk: ix.js names none
	}
	stale := slices.Sorted(slices.Values(append(slices.Clone(named), others...)))
	kept, bad := heldBy(stale, map[string][]byte{a + "ix.js": []byte(ixHead(3, 2, 4, 5))})
	if len(bad) > 0 {
		t.Fatalf("bad heads: %v", bad)
	}
	var keys []string
	for _, k := range kept {
		keys = append(keys, k.Key)
		if k.Head != a+"ix.js" {
			t.Errorf("%s kept by %s", k.Key, k.Head)
		}
	}
	if want := slices.Sorted(slices.Values(named)); !slices.Equal(keys, want) {
		t.Errorf("kept %q\nwant %q (HeadFiles)", keys, want)
	}

	// The manifest, graph and tree heads keep the chunks they name, and
	// never an index file (only ix.js names those).
	stale = []string{a + "e-ip_address-0.js", a + "e-ip_address-1.js", a + "e-ip_address-2.js", a + "graph-3.js", a + "ix0-d0.js", a + "log-0.js", a + "tree-1.js"}
	kept, bad = heldBy(stale, map[string][]byte{
		a + "manifest.js": []byte(manifestHead("e-ip_address-0.js", "e-ip_address-1.js", "ix0-d0.js")),
		a + "graph.js":    []byte(`{"k":"graph","scan":"a","gen":1,"chunks":[{"f":"graph-3.js","n":4,"e":3}]}`),
		a + "tree.js":     []byte(`{"k":"tree","scan":"a","n":3,"types":["","ip_address"],"chunks":[{"f":"tree-0.js","n":3,"s":0}]}`),
	})
	want := []Kept{
		{a + "e-ip_address-0.js", a + "manifest.js"}, {a + "e-ip_address-1.js", a + "manifest.js"},
		{a + "graph-3.js", a + "graph.js"}, {a + "log-0.js", a + "manifest.js"},
	}
	if len(bad) > 0 || !slices.Equal(kept, want) {
		t.Errorf("kept %v (bad %v)\nwant %v", kept, bad, want)
	}

	// Heads that cannot be read keep nothing.
	for _, payload := range []string{
		`not json`,
		`{"k":"ix","scan":"a","v":2}`,           // no generation
		`{"k":"manifest","scan":"a","gen":3}`,   // not a search index head
		`{"k":"ix","scan":"a","gen":"3"}`,       // a generation that is not a number
		`{"k":"ix","scan":"a","gen":-1}`,        // no generation
		`{"k":"ix","gen":3,"segs":"4"}`,         // segments that are not a list
		`["ix3-d0.js","ix3-t0.js","ix3-x0.js"]`, // not an object
	} {
		kept, bad := heldBy([]string{a + "ix3-d0.js", a + "ix-g4.js"}, map[string][]byte{a + "ix.js": []byte(payload)})
		if len(kept) > 0 || bad[a+"ix.js"] == nil {
			t.Errorf("%s: kept %v, bad %v", payload, kept, bad)
		}
	}
	// A head of a format version this binary does not know (the bucket's
	// may be older or newer than the site's), naming its files the same
	// way, keeps them.
	kept, bad = heldBy([]string{a + "ix5-d0.js", a + "ix5-q0.js"}, map[string][]byte{a + "ix.js": []byte(`{"k":"ix","scan":"a","v":99,"gen":5,"future":{"b":1}}`)})
	if len(kept) != 2 || len(bad) > 0 {
		t.Errorf("a head of another version: kept %v, bad %v", kept, bad)
	}
}

// TestReplacedHeads: a head is read only when the site sends a new one,
// the bucket holds the old one, and a stale file of its folder is of the
// kind it names.
func TestReplacedHeads(t *testing.T) {
	files := []*Local{
		{Key: "scans/a/data/ix.js", Reason: "changed"},
		{Key: "scans/a/data/manifest.js", Reason: "changed"},
		{Key: "scans/b/data/ix.js", Reason: ""},             // the bucket's is the site's
		{Key: "scans/c/data/ix.js", Reason: "new"},          // the bucket has none
		{Key: "scans/d/data/ix.js", Reason: "changed"},      // nothing stale of its kind
		{Key: "data/scans.js", Reason: "changed"},           // names scan folders: not read
		{Key: "scans/a/data/e-ip_address-0.js", Reason: ""}, // not a head
	}
	objs := map[string]remoteObject{"scans/a/data/ix.js": {}, "scans/a/data/manifest.js": {}, "scans/b/data/ix.js": {}, "scans/d/data/ix.js": {}, "data/scans.js": {}}
	stale := []string{"scans/a/data/ix0-d0.js", "scans/b/data/ix0-d0.js", "scans/c/data/ix-g3.js", "scans/d/data/e-ip_address-1.js", "scans/gone/index.html"}
	replaced, absent := replacedHeads(files, objs, stale)
	if want := []string{"scans/a/data/ix.js"}; !slices.Equal(replaced, want) {
		t.Errorf("replaced %q, want %q", replaced, want)
	}
	if want := []string{"scans/c/data/ix.js"}; !slices.Equal(absent, want) {
		t.Errorf("absent %q, want %q", absent, want)
	}
}

// TestPruneKeepsReplacedHeadFiles publishes, to an S3 server, a site
// whose search index and manifest are rewritten between publishes, the
// files of the previous generation already gone from the site (a preview
// server that wrote two whole indexes since): --prune keeps in the bucket
// what the bucket's replaced heads name, counts them out of
// --max-deletes, reports them in a dry run, and deletes them at the next
// publish, when no head in the bucket names them.
func TestPruneKeepsReplacedHeadFiles(t *testing.T) {
	const a = "scans/a/data/"
	wrap := func(payload string) string { return datafile.Prefix + payload + datafile.Suffix }
	// gen writes generation g of the index (two blocks, one segment s)
	// and a manifest naming chunks, and removes every other index file
	// and chunk.
	files := maps.Clone(smallSite)
	gen := func(g int, chunks ...string) map[string]string {
		for k := range files {
			if _, ok := searchindex.FileGen(strings.TrimPrefix(k, a)); ok || strings.HasPrefix(k, a+"e-") {
				delete(files, k)
			}
		}
		files[a+"ix.js"] = wrap(ixHead(g, 2, 10+g))
		for _, n := range searchindex.HeadFiles(g, 2, 1, 1, []int{10 + g}) {
			files[a+n] = wrap(fmt.Sprintf(`{"k":"ixd","scan":"a","gen":%d,"name":%q}`, g, n))
		}
		files[a+"manifest.js"] = wrap(manifestHead(chunks...))
		for _, c := range chunks {
			files[a+c] = wrap(`{"k":"elements","scan":"a","type":"ip_address","data":["10.0.0.1\nhttps://x.example/?api_key=SECRET <SFURL>"]}`)
		}
		return files
	}
	dir := testread.WriteSite(t, gen(0, "e-ip_address-0.js", "e-ip_address-1.js"))
	rewrite := func() {
		t.Helper()
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		testread.WriteTree(t, dir, files)
	}
	f := newFakeS3(t, true)
	b := f.open(t)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	mustPublish(t, b, Options{Site: dir, Prune: true, Logger: log})
	gen0 := bucketKeys(t, b)

	// Two whole indexes since: the site holds generation 2 only, and one
	// chunk fewer.
	gen(1)
	gen(2, "e-ip_address-0.js")
	rewrite()
	var plan *Plan
	res := mustPublish(t, b, Options{Site: dir, Prune: true, MaxDeletes: 0, DryRun: true, Logger: log, OnPlan: func(p *Plan) { plan = p }})
	var kept []string
	for _, k := range plan.Kept {
		kept = append(kept, k.Key)
	}
	var want []string
	for _, n := range searchindex.HeadFiles(0, 2, 1, 1, []int{10}) {
		want = append(want, a+n)
	}
	want = append(want, a+"e-ip_address-1.js")
	slices.Sort(want)
	if !slices.Equal(kept, want) || len(plan.Deletes) != 0 || res.Plan != plan {
		t.Errorf("dry run: kept %q, deletes %q\nwant kept %q", kept, plan.Deletes, want)
	}
	if !slices.Equal(plan.Stale, want) {
		t.Errorf("stale %q, want %q", plan.Stale, want)
	}
	if got := bucketKeys(t, b); !slices.Equal(got, gen0) {
		t.Errorf("a dry run changed the bucket: %q", got)
	}
	// Kept objects are no deletes: --max-deletes 0 lets it through.
	res = mustPublish(t, b, Options{Site: dir, Prune: true, MaxDeletes: 0, Logger: log})
	if res.Deleted != 0 || len(res.Plan.Kept) != len(want) {
		t.Errorf("deleted %d, kept %d", res.Deleted, len(res.Plan.Kept))
	}
	keys := bucketKeys(t, b)
	for _, k := range want {
		if !slices.Contains(keys, k) {
			t.Errorf("%s, named by the head this publish replaced, was deleted", k)
		}
	}
	if !strings.Contains(logs.String(), "kept stale objects") {
		t.Errorf("no log line says what was kept:\n%s", logs.String())
	}

	// The next publish: the bucket's head is generation 2's, which names
	// none of them.
	gen(3, "e-ip_address-0.js")
	rewrite()
	res = mustPublish(t, b, Options{Site: dir, Prune: true, MaxDeletes: -1, Logger: log})
	keys = bucketKeys(t, b)
	for _, k := range want {
		if slices.Contains(keys, k) {
			t.Errorf("%s, named by no head in the bucket, was not deleted", k)
		}
	}
	for _, n := range searchindex.HeadFiles(2, 2, 1, 1, []int{12}) {
		if !slices.Contains(keys, a+n) {
			t.Errorf("%s of generation 2, which the replaced head names, was deleted", n)
		}
	}
	if res.Deleted != len(want) {
		t.Errorf("deleted %d, want %d", res.Deleted, len(want))
	}

	// A head in the bucket that is not one, and a head the bucket lacks:
	// nothing is kept, and a log line says so.
	for _, c := range []struct {
		name string
		mess func() error
		log  string
	}{
		{"not a head", func() error { return b.WriteAll(context.Background(), a+"ix.js", []byte("<html>oops</html>"), nil) }, "cannot be read as a head"},
		{"no head", func() error { return b.Delete(context.Background(), a+"ix.js") }, "the bucket has no ix.js"},
	} {
		t.Run(c.name, func(t *testing.T) {
			gen(4+len(c.name), "e-ip_address-0.js")
			rewrite()
			before := bucketKeys(t, b)
			if err := c.mess(); err != nil {
				t.Fatal(err)
			}
			logs.Reset()
			res := mustPublish(t, b, Options{Site: dir, Prune: true, MaxDeletes: -1, Logger: log})
			if len(res.Plan.Kept) != 0 {
				t.Errorf("kept %v", res.Plan.Kept)
			}
			if !strings.Contains(logs.String(), c.log) || !strings.Contains(logs.String(), a+"ix.js") {
				t.Errorf("log %q lacks %q", logs.String(), c.log)
			}
			for _, k := range before {
				if _, ok := files[k]; !ok && k != ManifestKey && slices.Contains(bucketKeys(t, b), k) {
					t.Errorf("%s is not in the site and was not deleted", k)
				}
			}
		})
	}
}

// TestKeepReadFails: a read of the bucket's head that fails for good
// fails the publish before anything is changed, as a failed listing does.
func TestKeepReadFails(t *testing.T) {
	files := maps.Clone(smallSite)
	files["scans/a/data/ix.js"] = datafile.Prefix + ixHead(0, 1) + datafile.Suffix
	files["scans/a/data/ix0-d0.js"] = "x"
	dir := testread.WriteSite(t, files)
	f := newFakeS3(t, true)
	b := f.open(t)
	mustPublish(t, b, Options{Site: dir})
	delete(files, "scans/a/data/ix0-d0.js")
	files["scans/a/data/ix.js"] = datafile.Prefix + ixHead(1, 1) + datafile.Suffix
	files["scans/a/data/ix1-d0.js"] = "y"
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	testread.WriteTree(t, dir, files)
	before := bucketKeys(t, b)
	f.failGets("scans/a/data/ix.js", 500)
	_, err := publishOnce(t, b, Options{Site: dir, Prune: true, Retries: 1})
	var e *Error
	if !errors.As(err, &e) || e.Op != "read" || e.Key != "scans/a/data/ix.js" {
		t.Fatalf("err %v", err)
	}
	if got := bucketKeys(t, b); !slices.Equal(got, before) {
		t.Errorf("the bucket changed: %q", got)
	}
}

// BenchmarkKeepSet: the kept-set computation of a prune after every scan
// of a 20-scan archive got a new index generation (2,000 blocks, 64 + 16
// shards each) and lost 10 of its 500 chunks: which heads to read and
// what they keep, the reads themselves excepted.
func BenchmarkKeepSet(b *testing.B) {
	const scans, blocks, chunks = 20, 2000, 500
	var files []*Local
	objs := map[string]remoteObject{}
	var stale []string
	heads := map[string][]byte{}
	for s := range scans {
		dir := fmt.Sprintf("scans/scan-%02d/data/", s)
		var names []string
		for n := range chunks {
			names = append(names, fmt.Sprintf("e-ip_address-%d.js", n))
		}
		for _, n := range searchindex.HeadFiles(1, blocks, 64, 16, nil) {
			files = append(files, &Local{Key: dir + n, Reason: "new"})
		}
		for _, n := range names[:chunks-10] {
			files = append(files, &Local{Key: dir + n})
		}
		for _, n := range append(searchindex.HeadFiles(0, blocks, 64, 16, nil), names[chunks-10:]...) {
			stale = append(stale, dir+n)
		}
		for _, h := range []string{"ix.js", "manifest.js"} {
			files = append(files, &Local{Key: dir + h, Reason: "changed"})
			objs[dir+h] = remoteObject{}
		}
		heads[dir+"ix.js"] = []byte(ixHead(0, blocks))
		heads[dir+"manifest.js"] = []byte(manifestHead(names...))
	}
	slices.Sort(stale)
	b.ReportAllocs()
	for b.Loop() {
		replaced, _ := replacedHeads(files, objs, stale)
		kept, _ := heldBy(stale, heads)
		if len(replaced) != 2*scans || len(kept) != len(stale) {
			b.Fatalf("%d heads read, %d of %d kept", len(replaced), len(kept), len(stale))
		}
	}
	b.ReportMetric(float64(len(stale)), "stale")
	b.ReportMetric(float64(len(files)), "files")
}
