package e2e

// Publishing to a real S3-compatible server on loopback (versitygw): the
// sample site goes up, a changed scan moves only its changed objects,
// headers are stored as sent, prune removes a deleted scan, and the pages
// work in Chromium when served from the bucket over the server's HTTP
// endpoint (anonymous reads allowed by a bucket policy).

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/internal/sitecheck"
	"github.com/scanreport/scanreport/internal/sitefiles"
	"github.com/scanreport/scanreport/publish"
	"github.com/scanreport/scanreport/scan"
)

const (
	vgwAccess = "scanreport-e2e"
	vgwSecret = "scanreport-e2e-secret"
	vgwBucket = "reports"
)

// versitygwPath finds the versitygw binary on PATH or in $(go env
// GOPATH)/bin; without it the test skips, or fails when CI=true (.ci/run
// installs it).
func versitygwPath(t testing.TB) string {
	t.Helper()
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		for _, dir := range filepath.SplitList(strings.TrimSpace(string(out))) {
			p := filepath.Join(dir, "bin", "versitygw")
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
	}
	msg := "no versitygw (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + ": CI=true, so the publish test must run")
	}
	t.Skip(msg)
	return ""
}

// vgw is a versitygw server with one bucket whose objects anyone may read.
type vgw struct {
	endpoint string // http://127.0.0.1:PORT
	client   *s3.Client
}

// startVersitygw starts versitygw on a free loopback port over a fresh
// folder, creates the bucket and lets anonymous requests read its objects.
func startVersitygw(t *testing.T) *vgw {
	t.Helper()
	bin := versitygwPath(t)
	dir := t.TempDir()
	var lastErr error
	for try := 0; try < 3; try++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		out := &lockedBuffer{}
		cmd := exec.Command(bin, "--access", vgwAccess, "--secret", vgwSecret, "--port", addr, "posix", dir)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatalf("start versitygw: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		stop := func() {
			cmd.Process.Kill()
			<-exited
		}
		if err := waitListening(addr, exited); err != nil {
			stop()
			lastErr = fmt.Errorf("%v\n%s", err, out.String())
			continue
		}
		t.Cleanup(func() {
			stop()
			if t.Failed() {
				t.Logf("versitygw output:\n%s", out.String())
			}
		})
		v := &vgw{endpoint: "http://" + addr}
		v.client = s3.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(vgwAccess, vgwSecret, "")},
			func(o *s3.Options) { o.BaseEndpoint = aws.String(v.endpoint); o.UsePathStyle = true })
		ctx := context.Background()
		if _, err := v.client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(vgwBucket)}); err != nil {
			t.Fatalf("create bucket: %v", err)
		}
		policy := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}`, vgwBucket)
		if _, err := v.client.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String(vgwBucket), Policy: aws.String(policy)}); err != nil {
			t.Fatalf("put bucket policy: %v", err)
		}
		return v
	}
	t.Fatalf("versitygw did not start: %v", lastErr)
	return nil
}

// waitListening waits until addr accepts connections.
func waitListening(addr string, exited <-chan error) error {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("versitygw exited: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("versitygw is not listening after 15 s")
}

// credentials puts the server's credentials in the environment, where
// publish finds them as it does a user's (and no other).
func (v *vgw) credentials(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", vgwAccess)
	t.Setenv("AWS_SECRET_ACCESS_KEY", vgwSecret)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// bucketURL is the gocloud URL of the bucket; the credentials come from
// the environment, as they do for users.
func (v *vgw) bucketURL() string {
	return "s3://" + vgwBucket + "?endpoint=" + url.QueryEscape(v.endpoint) + "&region=us-east-1&use_path_style=true&disable_https=true"
}

// siteBase is where the published site is read anonymously.
func (v *vgw) siteBase() string { return v.endpoint + "/" + vgwBucket + "/" }

// objState is an object as listed: what moves when it is rewritten.
type objState struct {
	ETag     string
	Modified time.Time
	Size     int64
}

func (v *vgw) objects(t *testing.T) map[string]objState {
	t.Helper()
	m := map[string]objState{}
	p := s3.NewListObjectsV2Paginator(v.client, &s3.ListObjectsV2Input{Bucket: aws.String(vgwBucket)})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		for _, o := range page.Contents {
			m[aws.ToString(o.Key)] = objState{ETag: aws.ToString(o.ETag), Modified: aws.ToTime(o.LastModified), Size: aws.ToInt64(o.Size)}
		}
	}
	return m
}

// siteHashes hashes every file a publish sends (hidden ones left out).
func siteHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := sitefiles.List(dir, "an object key")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		m[f.Key] = hex.EncodeToString(sum[:])
	}
	return m
}

// changedKeys lists the keys whose hashes differ between two maps (added,
// changed or removed), sorted.
func changedKeys(a, b map[string]string) []string {
	var out []string
	for k, v := range b {
		if a[k] != v {
			out = append(out, k)
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// TestPublishS3 publishes the sample site to versitygw and checks the
// bucket and the pages served from it.
func TestPublishS3(t *testing.T) {
	v := startVersitygw(t)
	v.credentials(t)
	ctx := context.Background()

	dir := t.TempDir()
	scans, siteDir := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	build := func() map[string]string {
		t.Helper()
		if _, err := generator.Build(ctx, sitecheck.BuildOptions(scans, siteDir)); err != nil {
			t.Fatalf("build: %v", err)
		}
		return siteHashes(t, siteDir)
	}
	bucket, err := blob.OpenBucket(ctx, v.bucketURL())
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	pub := func(o publish.Options) (publish.Result, error) {
		o.Site, o.Name = siteDir, v.bucketURL()
		return publish.New(bucket, o).Publish(ctx)
	}
	uploaded := func(res publish.Result) []string {
		var keys []string
		for _, f := range res.Plan.Uploads {
			keys = append(keys, f.Key)
		}
		slices.Sort(keys)
		return keys
	}

	files := build()
	res, err := pub(publish.Options{})
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	t.Logf("first publish: %d files, %.1f MiB in %s", res.Uploaded, float64(res.UploadedBytes)/(1<<20), res.Duration.Round(time.Millisecond))
	if res.Uploaded != len(files) || !res.ManifestWritten {
		t.Fatalf("uploaded %d of %d files", res.Uploaded, len(files))
	}
	before := v.objects(t)
	if len(before) != len(files)+1 {
		t.Errorf("the bucket holds %d objects for %d files", len(before), len(files))
	}

	t.Run("headers as stored", func(t *testing.T) {
		var asset, download string
		for k := range files {
			switch {
			case strings.HasPrefix(k, "assets/app.") && strings.HasSuffix(k, ".js"):
				asset = k
			case strings.HasSuffix(k, ".gexf"):
				download = k
			}
		}
		id := firstScan(t, scans)
		for _, c := range []struct{ key, ctype, cache, disp string }{
			{"index.html", "text/html; charset=utf-8", "no-cache", ""},
			{asset, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", ""},
			{"scans/" + id + "/data/manifest.js", "text/javascript; charset=utf-8", "no-cache", ""},
			{"live.js", "text/javascript; charset=utf-8", "no-cache", ""},
			{download, "application/gexf+xml", "no-cache", "attachment; filename=" + path.Base(download)},
		} {
			// Read anonymously, as a browser does.
			resp, err := http.Get(v.siteBase() + c.key)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			h := resp.Header
			if resp.StatusCode != 200 || h.Get("Content-Type") != c.ctype || h.Get("Cache-Control") != c.cache || h.Get("Content-Disposition") != c.disp {
				t.Errorf("%s: %d, Content-Type %q, Cache-Control %q, Content-Disposition %q; want %q %q %q",
					c.key, resp.StatusCode, h.Get("Content-Type"), h.Get("Cache-Control"), h.Get("Content-Disposition"), c.ctype, c.cache, c.disp)
			}
		}
	})

	t.Run("every link resolves over HTTP", func(t *testing.T) {
		missing, checked := publishedLinks(t, v.siteBase(), before)
		if checked < 1000 {
			t.Errorf("only %d references checked", checked)
		}
		if len(missing) > 0 {
			t.Errorf("%d references name no object, such as %q", len(missing), missing[:min(10, len(missing))])
		}
	})

	t.Run("republish unchanged", func(t *testing.T) {
		res, err := pub(publish.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("unchanged republish: %s", res.Duration.Round(time.Millisecond))
		if res.Uploaded != 0 || res.ManifestWritten {
			t.Errorf("uploaded %q", uploaded(res))
		}
	})

	// One scan grows by an element; only its changed files (and the root
	// pages that count elements) move.
	id := firstScan(t, scans)
	time.Sleep(1100 * time.Millisecond) // a rewrite shows in LastModified (seconds)
	w, err := scan.OpenWriter(scans, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add(scan.Element{Type: "INTERNET_NAME", Data: "published.example.com", Module: "sfp_dnsresolve",
		Generated: time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files2 := build()
	changed := changedKeys(files, files2)
	if len(changed) == 0 {
		t.Fatal("the build did not change")
	}
	res, err = pub(publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("republish with one scan changed: %d of %d files (%.1f KiB) in %s", res.Uploaded, len(files2), float64(res.UploadedBytes)/1024, res.Duration.Round(time.Millisecond))
	if got := uploaded(res); !slices.Equal(got, changed) {
		t.Errorf("uploaded %q\nthe build changed %q", got, changed)
	}
	after := v.objects(t)
	var moved []string
	for k, o := range after {
		if k != publish.ManifestKey && before[k] != o {
			moved = append(moved, k)
		}
	}
	slices.Sort(moved)
	if !slices.Equal(moved, changed) {
		t.Errorf("objects that moved: %q\nthe build changed: %q", moved, changed)
	}
	for _, k := range moved {
		if strings.HasPrefix(k, "scans/") && !strings.HasPrefix(k, "scans/"+id+"/") {
			t.Errorf("%s of another scan moved", k)
		}
	}

	// A scan removed: prune refuses above the limit, then deletes exactly
	// its objects.
	gone := lastScan(t, scans)
	if err := os.RemoveAll(filepath.Join(scans, gone)); err != nil {
		t.Fatal(err)
	}
	files3 := build()
	var goneKeys []string
	for k := range after {
		if strings.HasPrefix(k, "scans/"+gone+"/") {
			goneKeys = append(goneKeys, k)
		}
	}
	_, err = pub(publish.Options{Prune: true, MaxDeletes: 1})
	var tooMany *publish.TooManyDeletesError
	if !errors.As(err, &tooMany) || tooMany.Stale != len(goneKeys) {
		t.Fatalf("prune above the limit: %v (the scan had %d objects)", err, len(goneKeys))
	}
	if now := v.objects(t); len(now) != len(after) {
		t.Fatalf("a refused prune changed the bucket: %d objects, were %d", len(now), len(after))
	}
	res, err = pub(publish.Options{Prune: true, MaxDeletes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if res.Deleted != len(goneKeys) {
		t.Errorf("deleted %d objects; the scan had %d", res.Deleted, len(goneKeys))
	}
	final := v.objects(t)
	if len(final) != len(files3)+1 {
		t.Errorf("after prune the bucket holds %d objects for %d files", len(final), len(files3))
	}
	for k := range final {
		if strings.HasPrefix(k, "scans/"+gone+"/") {
			t.Errorf("%s was not pruned", k)
		}
	}

	t.Run("pages in Chromium", func(t *testing.T) {
		b := newBrowser(t)
		base := v.siteBase()
		var ids []string
		for _, e := range mustReadDir(t, scans) {
			if e.IsDir() {
				ids = append(ids, e.Name())
			}
		}
		p := b.open(t, siteURL(base, "index.html"))
		if got := p.count("#scan-list tbody tr"); got != len(ids) {
			t.Errorf("scan list rows: %d, want %d", got, len(ids))
		}
		p.check()
		s, err := loadModel(scans, id)
		if err != nil {
			t.Fatal(err)
		}
		ov := b.open(t, siteURL(base, "scans/"+id+"/index.html"))
		if got := statValue(ov, "elements"); got != s.Count() {
			t.Errorf("overview elements: %d, want %d", got, s.Count())
		}
		ov.check()
		big := types(s)[0]
		et := b.open(t, siteURL(base, "scans/"+id+"/types/"+big.Slug+".html"))
		waitLoaded(et, big.Total(), 0)
		if rows := rows(et, elementHost); len(rows) == 0 {
			t.Error("the element table shows no rows")
		}
		et.check()
	})
}

// firstScan and lastScan are the first and last scan ids, in name order.
func firstScan(t *testing.T, scans string) string { return scanIDs(t, scans)[0] }

func lastScan(t *testing.T, scans string) string {
	ids := scanIDs(t, scans)
	return ids[len(ids)-1]
}

func scanIDs(t *testing.T, scans string) []string {
	t.Helper()
	var ids []string
	for _, e := range mustReadDir(t, scans) {
		if e.IsDir() {
			ids = append(ids, e.Name())
		}
	}
	if len(ids) < 2 {
		t.Fatalf("%d scans", len(ids))
	}
	return ids
}

func mustReadDir(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	e, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var publishedRef = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)

// publishedLinks reads every published page anonymously over HTTP and
// checks that each link, script and stylesheet, and each data file a scan
// manifest names, is an object of the bucket.
func publishedLinks(t *testing.T, base string, objs map[string]objState) (missing []string, checked int) {
	t.Helper()
	get := func(key string) []byte {
		resp, err := http.Get(base + key)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", key, resp.StatusCode, b)
		}
		return b
	}
	need := func(from, ref string) {
		if ref == "" || strings.HasPrefix(ref, "#") || strings.Contains(ref, ":") {
			return
		}
		checked++
		ref, _, _ = strings.Cut(ref, "#")
		target := path.Join(path.Dir(from), ref)
		if _, ok := objs[target]; !ok || strings.HasSuffix(ref, "/") {
			missing = append(missing, from+" -> "+ref)
		}
	}
	for key := range objs {
		switch {
		case strings.HasSuffix(key, ".html"):
			for _, m := range publishedRef.FindAllSubmatch(get(key), -1) {
				need(key, html.UnescapeString(string(m[1])))
			}
		case strings.HasSuffix(key, "/data/manifest.js"):
			var m struct {
				Types []struct{ Chunks []struct{ F string } }
				Log   struct{ Chunks []struct{ F string } }
			}
			payloadOf(t, key, get(key), &m)
			for _, ty := range m.Types {
				for _, c := range ty.Chunks {
					need(key, c.F)
				}
			}
			for _, c := range m.Log.Chunks {
				need(key, c.F)
			}
		}
	}
	return missing, checked
}

// payloadOf decodes the JSON of a data file.
func payloadOf(t *testing.T, key string, data []byte, v any) {
	t.Helper()
	i, j := bytes.IndexByte(data, '{'), bytes.LastIndexByte(data, '}')
	if i < 0 || j < i {
		t.Fatalf("%s is not a data file", key)
	}
	if err := json.Unmarshal(data[i:j+1], v); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
}
