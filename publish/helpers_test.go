package publish

// Test helpers: small sites written from a map, buckets (memblob,
// fileblob, an in-process S3 server with fault injection), and one-line
// assertions.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	"gocloud.dev/blob/memblob"
	"gocloud.dev/blob/s3blob"

	"github.com/scanreport/scanreport/generator/site"
)

// smallSite is a site with one file of each kind the headers care about,
// plus files that must never be published.
var smallSite = map[string]string{
	site.Marker:                       "marker",
	"index.html":                      "<a href=\"scans/a/index.html\">a</a>",
	"search.html":                     "<p>search</p>",
	"live.js":                         "window.__srLive=null;\n",
	"data/scans.js":                   "(window.__sr=window.__sr||[]).push({});",
	"assets/app.0123456789.js":        "console.log(1)",
	"assets/app.abcdef0123.css":       "body{}",
	"assets/icon.6f82721222.svg":      "<svg/>",
	"scans/a/index.html":              "<p>a</p>",
	"scans/a/types/ip.html":           "<p>ip</p>",
	"scans/a/data/manifest.js":        "(window.__sr=window.__sr||[]).push({k:1});",
	"scans/a/data/e-ip-0.js":          "(window.__sr=window.__sr||[]).push({k:2});",
	"scans/a/downloads/a.gexf":        "<gexf/>",
	"scans/a/downloads/a.csv":         "a,b\n",
	"scans/a/downloads/a.json":        "{}",
	"scans/a/data/.e-ip-0.js.tmp-123": "half a file",
	".hidden/x.html":                  "no",
}

func memBucket(t testing.TB) *blob.Bucket {
	b := memblob.OpenBucket(nil)
	t.Cleanup(func() { b.Close() })
	return b
}

func fileBucket(t testing.TB) (*blob.Bucket, string) {
	dir := t.TempDir()
	b, err := fileblob.OpenBucket(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b, dir
}

// fakeS3 is gofakes3 behind a handler that records requests and can fail
// the next writes with an S3 error.
type fakeS3 struct {
	srv    *httptest.Server
	inner  http.Handler // gofakes3
	client *s3.Client
	bucket string

	mu     sync.Mutex
	puts   []string // object keys written, in order
	fail   int      // fail this many more object writes …
	status int      // … with this HTTP status
	code   string   // … and this S3 error code
	// failGet answers every GET of these keys with this HTTP status.
	failGet map[string]int
}

func (f *fakeS3) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key, isObject := strings.CutPrefix(r.URL.Path, "/"+f.bucket+"/")
	f.mu.Lock()
	getStatus := f.failGet[key]
	f.mu.Unlock()
	if r.Method == http.MethodGet && isObject && getStatus != 0 {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(getStatus)
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected</Message></Error>`)
		return
	}
	if r.Method == http.MethodPut && isObject && key != "" {
		f.mu.Lock()
		fail := f.fail > 0
		if fail {
			f.fail--
		} else {
			f.puts = append(f.puts, key)
		}
		f.mu.Unlock()
		if fail {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(f.status)
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>%s</Code><Message>injected</Message></Error>`, f.code)
			return
		}
	}
	f.inner.ServeHTTP(w, r)
}

// newFakeS3 starts gofakes3 with the bucket created (when create is set).
func newFakeS3(t testing.TB, create bool) *fakeS3 {
	t.Helper()
	f := &fakeS3{bucket: "reports", inner: gofakes3.New(s3mem.New()).Server()}
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	f.client = s3Client(f.srv.URL)
	if create {
		if _, err := f.client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(f.bucket)}); err != nil {
			t.Fatalf("create bucket: %v", err)
		}
	}
	return f
}

// s3Client talks to an S3 endpoint with fixed credentials and without
// the SDK's own retries, so that the tests see publish's.
func s3Client(endpoint string) *s3.Client {
	cfg := aws.Config{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("KEY", "SECRET", ""),
		RetryMaxAttempts: 1,
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String(endpoint)
		o.UsePathStyle = true
	})
}

func (f *fakeS3) open(t testing.TB) *blob.Bucket {
	t.Helper()
	b, err := s3blob.OpenBucket(context.Background(), f.client, f.bucket, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func (f *fakeS3) failNext(n, status int, code string) {
	f.mu.Lock()
	f.fail, f.status, f.code = n, status, code
	f.mu.Unlock()
}

// failGets fails every read of key with the HTTP status.
func (f *fakeS3) failGets(key string, status int) {
	f.mu.Lock()
	if f.failGet == nil {
		f.failGet = map[string]int{}
	}
	f.failGet[key] = status
	f.mu.Unlock()
}

func (f *fakeS3) written() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.puts...)
}

// publishOnce publishes with quick retries.
func publishOnce(t testing.TB, b *blob.Bucket, o Options) (Result, error) {
	t.Helper()
	if o.Backoff == 0 {
		o.Backoff = time.Millisecond
	}
	return New(b, o).Publish(context.Background())
}

// mustPublish publishes and fails the test on error.
func mustPublish(t testing.TB, b *blob.Bucket, o Options) Result {
	t.Helper()
	res, err := publishOnce(t, b, o)
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	return res
}

// bucketKeys lists a bucket.
func bucketKeys(t testing.TB, b *blob.Bucket) []string {
	t.Helper()
	var keys []string
	it := b.List(nil)
	for {
		o, err := it.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, o.Key)
	}
	sort.Strings(keys)
	return keys
}

// uploadedKeys are the keys a result uploaded, sorted.
func uploadedKeys(res Result) []string {
	var keys []string
	if res.Plan != nil {
		for _, f := range res.Plan.Uploads {
			keys = append(keys, f.Key)
		}
	}
	sort.Strings(keys)
	return keys
}

// expectHeader checks the headers an object is stored with ("-" skips a
// header the server does not keep).
func expectHeader(t testing.TB, b *blob.Bucket, key, ctype, cache, disp string) {
	t.Helper()
	a, err := b.Attributes(context.Background(), key)
	if err != nil {
		t.Errorf("%s: %v", key, err)
		return
	}
	if a.ContentType != ctype {
		t.Errorf("%s: Content-Type %q, want %q", key, a.ContentType, ctype)
	}
	if cache != "-" && a.CacheControl != cache {
		t.Errorf("%s: Cache-Control %q, want %q", key, a.CacheControl, cache)
	}
	if disp != "-" && a.ContentDisposition != disp {
		t.Errorf("%s: Content-Disposition %q, want %q", key, a.ContentDisposition, disp)
	}
}
