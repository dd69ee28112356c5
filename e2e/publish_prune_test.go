package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/publish"
	"github.com/scanreport/scanreport/scan"
)

// TestPublishPruneKeepsPagesHead: a search page opened from the bucket
// reads the scan's search index head; the preview server then writes the
// index whole twice (the site no longer holds the generation the page
// read) and `publish --prune` replaces the head in the bucket. The page's
// next queries load the blocks and shards of the head it read, which the
// publish kept (one publish behind), so they answer, with no failed load;
// the publish after that deletes them. Before the fix the blocks were
// deleted and the queries' loads failed with 404.
func TestPublishPruneKeepsPagesHead(t *testing.T) {
	v := startVersitygw(t)
	b := newBrowser(t)
	ctx := context.Background()
	dir := t.TempDir()
	scans, siteDir := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	const id = "acme-2026"
	run := filepath.Join(scans, id)
	if err := os.MkdirAll(run, 0o755); err != nil {
		t.Fatal(err)
	}
	// The shapes of real data: values with newlines and <SFURL> markers,
	// API keys in URLs, mixed case.
	lines := []string{`{"id":"h","type":"INTERNET_NAME","data":"Example.COM","source":"ROOT","module":"sfp_dnsresolve","generated":"2026-11-20T10:00:01Z"}`}
	for i := range 300 {
		var typ, data string
		switch i % 3 {
		case 0:
			typ, data = "IP_ADDRESS", fmt.Sprintf("10.0.%d.%d", i/100, i%100)
		case 1:
			typ, data = "LINKED_URL_INTERNAL", fmt.Sprintf("https://example.com/api/v%d?api_key=AKIA%016d&page=%d", i, i, i)
		default:
			typ, data = "RAW_RIR_DATA", fmt.Sprintf("netname: EXAMPLE-%d\ndescr: <SFURL>https://rir.example/%d</SFURL>\nÄrger ÆØÅ", i, i)
		}
		lines = append(lines, fmt.Sprintf(`{"id":"e%d","type":%q,"data":%q,"source":"h","module":"sfp_test","generated":"2026-11-20T10:00:02Z"}`, i, typ, data))
	}
	if err := os.WriteFile(filepath.Join(run, scan.MetaFile), []byte("name = \"Acme\"\ntarget = \"example.com\"\nstatus = \"FINISHED\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(run, scan.ElementsFile), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := sitecheck.BuildOptions(scans, siteDir)
	o.SearchBlockBytes = 256 // many blocks: a selective query loads few
	l, _, err := generator.Start(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	rewrite := func() {
		t.Helper()
		if _, err := l.Update(ctx, []generator.ScanChange{{Scan: id, Dir: true}}); err != nil {
			t.Fatal(err)
		}
	}

	v.credentials(t)
	bucket, err := blob.OpenBucket(ctx, v.bucketURL())
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	pub := func() publish.Result {
		t.Helper()
		res, err := publish.New(bucket, publish.Options{Site: siteDir, Name: v.bucketURL(), Prune: true, MaxDeletes: -1}).Publish(ctx)
		if err != nil {
			t.Fatalf("publish: %v", err)
		}
		return res
	}
	const data = "scans/" + id + "/data/"
	headGen := func() int {
		t.Helper()
		raw, err := bucket.ReadAll(ctx, data+"ix.js")
		if err != nil {
			t.Fatal(err)
		}
		var h struct{ Gen int }
		payloadOf(t, data+"ix.js", raw, &h)
		return h.Gen
	}
	status := func(key string) int {
		t.Helper()
		resp, err := http.Get(v.siteBase() + key)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}

	pub()
	read := headGen()
	p := b.open(t, siteURL(v.siteBase(), "scans/"+id+"/search.html"))
	p.waitFor(`(e => !!e && !e.hasAttribute("aria-busy") && e.getAttribute("data-index") === "1")(document.querySelector("#search-results"))`, time.Minute,
		`document.querySelector("#search-progress").textContent`)
	p.sent()

	// Two whole indexes since the page read the head: the site holds
	// neither the page's generation nor any file it names.
	rewrite()
	rewrite()
	ents, err := os.ReadDir(filepath.Join(siteDir, "scans", id, "data"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), fmt.Sprintf("ix%d-", read)) {
			t.Fatalf("the site still holds %s of generation %d", e.Name(), read)
		}
	}
	res := pub()
	if now := headGen(); now <= read {
		t.Fatalf("the bucket's head is generation %d, the page read %d", now, read)
	}
	if len(res.Plan.Kept) == 0 {
		t.Fatalf("nothing kept; deleted %d", res.Deleted)
	}
	t.Logf("kept %d objects of generation %d, deleted %d", len(res.Plan.Kept), read, res.Deleted)

	// Exact, regex, wildcard over the values (the API keys are masked in
	// the site: the queries do not depend on them).
	for _, q := range []string{"10.0.1.5", "/^10\\.0\\.2\\.[0-9]$/", "*rir.example/29*", "*/api/v1?*", "/NETNAME: EXAMPLE-2[0-9]\\n/i"} {
		want, m := 0, matcher(t, q)
		for _, line := range lines[1:] {
			var e struct{ Data string }
			payloadOf(t, "elements.jsonl", []byte(line), &e)
			if m(e.Data) {
				want++
			}
		}
		if want == 0 {
			t.Fatalf("%s matches no value of the scan", q)
		}
		if got := matches(t, search(p, q)); got != want {
			t.Errorf("%s: %d matches, want %d", q, got, want)
		}
		if cand := evalT[string](p, `document.querySelector("#search-results").getAttribute("data-candidates") || ""`); cand == "scan" || cand == "" {
			t.Errorf("%s: not answered through the index (data-candidates %q)", q, cand)
		}
	}
	loaded := 0
	for _, u := range p.sent() {
		if strings.Contains(u, fmt.Sprintf("/data/ix%d-", read)) {
			loaded++
		}
	}
	if loaded == 0 {
		t.Errorf("the page loaded no file of generation %d after the publish", read)
	}
	p.check()

	// The next publish: no head in the bucket names the page's generation.
	pub()
	for _, k := range res.Plan.Kept {
		if s := status(k.Key); s != http.StatusNotFound && s != http.StatusForbidden {
			t.Errorf("%s, named by no head in the bucket, is still served (%d)", k.Key, s)
		}
	}
}
