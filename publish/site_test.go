package publish

import (
	"context"
	"html"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/config"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/testread"
)

// buildSample writes the sample scans and builds their site.
func buildSample(t testing.TB) (scans, site string) {
	t.Helper()
	dir := t.TempDir()
	scans, site = filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	c := config.Default()
	_, err := generator.Build(context.Background(), generator.Options{
		ScansRoot: scans, Output: site, Title: "publish test",
		RiskyTypes: c.Risky.Types, MinRisk: c.Risky.MinRisk, IsSecret: c.Secrets.IsSecret,
		DefuseFormulas: c.Exports.DefuseFormulas, GEXFVersion: c.Exports.GEXFVersion,
	})
	if err != nil {
		t.Fatal(err)
	}
	return scans, site
}

// TestSampleSiteLinks publishes the sample site and follows every link,
// script and stylesheet of every page, and every data file the scan
// manifests name: each must be an object of the bucket (a bucket has no
// directory index, so a link to a folder would fail).
func TestSampleSiteLinks(t *testing.T) {
	_, dir := buildSample(t)
	b := memBucket(t)
	res := mustPublish(t, b, Options{Site: dir})
	keys := bucketKeys(t, b)
	if len(keys) != res.Uploaded+1 || res.Uploaded < 100 {
		t.Fatalf("published %d files, the bucket holds %d", res.Uploaded, len(keys))
	}
	missing, checked := brokenLinks(t, b, keys)
	if checked < 1000 {
		t.Errorf("only %d references checked", checked)
	}
	if len(missing) > 0 {
		t.Errorf("%d references name no object, such as %q", len(missing), missing[:min(len(missing), 10)])
	}
}

var linkAttr = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)

// brokenLinks lists "page -> target" for every reference that names no
// object, and counts the references it checked.
func brokenLinks(t testing.TB, b *blob.Bucket, keys []string) (missing []string, checked int) {
	t.Helper()
	ctx := context.Background()
	have := map[string]bool{}
	for _, k := range keys {
		have[k] = true
	}
	need := func(from, ref string) {
		if ref == "" || strings.HasPrefix(ref, "#") || strings.Contains(ref, ":") {
			return // in-page, or another site (analysts' notes link out)
		}
		checked++
		ref, _, _ = strings.Cut(ref, "#")
		ref, _, _ = strings.Cut(ref, "?")
		target := path.Join(path.Dir(from), ref)
		if strings.HasSuffix(ref, "/") || !have[target] {
			missing = append(missing, from+" -> "+ref)
		}
	}
	for _, k := range keys {
		switch {
		case strings.HasSuffix(k, ".html"):
			data, err := b.ReadAll(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range linkAttr.FindAllSubmatch(data, -1) {
				need(k, html.UnescapeString(string(m[1])))
			}
		case strings.HasSuffix(k, "/data/manifest.js"):
			var m struct {
				Types []struct{ Chunks []struct{ F string } }
				Log   struct{ Chunks []struct{ F string } }
				FP    *struct{ F string }
			}
			readPayload(t, b, k, &m)
			for _, ty := range m.Types {
				for _, c := range ty.Chunks {
					need(k, c.F)
				}
			}
			for _, c := range m.Log.Chunks {
				need(k, c.F)
			}
			if m.FP != nil {
				need(k, m.FP.F)
			}
		case k == "data/scans.js":
			var m struct{ Scans []struct{ Data string } }
			readPayload(t, b, k, &m)
			for _, s := range m.Scans {
				need("index.html", s.Data+"manifest.js")
			}
		}
	}
	return missing, checked
}

// readPayload decodes a data file of the bucket.
func readPayload(t testing.TB, b *blob.Bucket, key string, v any) {
	t.Helper()
	data, err := b.ReadAll(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	testread.Decode(t, key, data, v)
}
