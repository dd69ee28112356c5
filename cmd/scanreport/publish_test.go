package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/internal/sample"
)

// runCLI runs scanreport with args and returns the exit code and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// cliEnv keeps the tests away from the user's caches and cloud config.
func cliEnv(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("AWS_ACCESS_KEY_ID", "KEY")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "SECRET")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// builtSite builds the sample scans with the CLI, with --zip.
func builtSite(t *testing.T) (scans, out, zipFile string) {
	t.Helper()
	dir := t.TempDir()
	scans, out, zipFile = filepath.Join(dir, "scans"), filepath.Join(dir, "site"), filepath.Join(dir, "share", "acme.zip")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "build", "--scans", scans, "--out", out, "--zip", zipFile)
	if code != 0 {
		t.Fatalf("build: %d %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "Wrote "+zipFile) || !strings.Contains(stdout, "acme/index.html") {
		t.Errorf("build said %q", stdout)
	}
	return scans, out, zipFile
}

func TestBuildZip(t *testing.T) {
	cliEnv(t)
	_, _, zipFile := builtSite(t)
	r, err := zip.OpenReader(zipFile)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	names := map[string]bool{}
	for _, f := range r.File {
		names[f.Name] = true
	}
	for _, want := range []string{"acme/index.html", "acme/live.js", "acme/data/scans.js"} {
		if !names[want] {
			t.Errorf("the zip has no %s", want)
		}
	}
	if names["acme/"+site.Marker] {
		t.Errorf("the zip holds the site marker")
	}
}

func TestPublishFile(t *testing.T) {
	cliEnv(t)
	_, siteDir, _ := builtSite(t)
	dest := t.TempDir()
	to := "file://" + filepath.ToSlash(dest)

	code, out, errOut := runCLI(t, "publish", "--site", siteDir, "--to", to, "--dry-run")
	if code != 0 || !strings.Contains(out, "Dry run: publishing to "+to+" would upload") || !strings.Contains(out, "upload  index.html") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(dest); len(entries) != 0 {
		t.Fatalf("a dry run wrote %d entries", len(entries))
	}

	code, out, errOut = runCLI(t, "publish", "--site", siteDir, "--to", to)
	if code != 0 || !strings.Contains(out, "Published in") {
		t.Fatalf("publish: %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
	code, out, _ = runCLI(t, "publish", "--site", siteDir, "--to", to)
	if code != 0 || !strings.Contains(out, "upload 0 files (0 B), delete 0") {
		t.Errorf("second publish: %d %s", code, out)
	}
}

// TestPublishPruneKeepDryRun: a dry run with --prune lists the stale
// objects a head it replaces names as kept, says why, and counts them out
// of the deletes.
func TestPublishPruneKeepDryRun(t *testing.T) {
	cliEnv(t)
	scans, siteDir, _ := builtSite(t)
	dest := t.TempDir()
	to := "file://" + filepath.ToSlash(dest) + "?metadata=skip"
	if code, out, errOut := runCLI(t, "publish", "--site", siteDir, "--to", to); code != 0 {
		t.Fatalf("publish: %d\n%s\n%s", code, out, errOut)
	}
	ents, err := os.ReadDir(scans)
	if err != nil || len(ents) == 0 {
		t.Fatal(err)
	}
	data := "scans/" + ents[0].Name() + "/data/"
	// The bucket holds a block of the head's generation that the site no
	// longer has, and another file that nothing names; the site sends a
	// new head.
	for _, k := range []string{data + "ix0-d9999.js", data + "old.txt"} {
		if err := os.WriteFile(filepath.Join(dest, filepath.FromSlash(k)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	head := filepath.Join(siteDir, filepath.FromSlash(data+"ix.js"))
	b, err := os.ReadFile(head)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(head, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "publish", "--site", siteDir, "--to", to, "--prune", "--max-deletes", "1", "--dry-run")
	if code != 0 {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{
		"  keep    " + data + "ix0-d9999.js (named by the bucket's " + data + "ix.js, which this publish replaces)",
		"  delete  " + data + "old.txt",
		"delete 1,",
		"1 objects not in the site are kept one publish longer",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the dry run lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "--prune deletes them") {
		t.Errorf("a dry run with --prune says --prune would delete more:\n%s", out)
	}
}

func TestPublishS3(t *testing.T) {
	cliEnv(t)
	scans, siteDir, _ := builtSite(t)
	srv := httptest.NewServer(gofakes3.New(s3mem.New()).Server())
	t.Cleanup(srv.Close)
	client := s3.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("KEY", "SECRET", "")},
		func(o *s3.Options) { o.BaseEndpoint = aws.String(srv.URL); o.UsePathStyle = true })
	ctx := context.Background()
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("reports")}); err != nil {
		t.Fatal(err)
	}
	query := "?endpoint=" + url.QueryEscape(srv.URL) + "&region=us-east-1&use_path_style=true&disable_https=true"

	code, out, errOut := runCLI(t, "publish", "--site", siteDir, "--to", "s3://reports/team/acme"+query, "--with-scans", "--scans", scans)
	if code != 0 {
		t.Fatalf("publish: %d\n%s\n%s", code, out, errOut)
	}
	if strings.Contains(errOut, "unmasked") {
		t.Errorf("a warning about raw scans, which were masked: %q", errOut)
	}
	list, err := client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("reports")})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, o := range list.Contents {
		keys[*o.Key] = true
	}
	for _, want := range []string{"team/acme/index.html", "team/acme/.scanreport-publish.json", "team/acme/scans-archive/acme-corp-2026-11-18/elements.jsonl"} {
		if !keys[want] {
			t.Errorf("no object %s", want)
		}
	}
	head, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("reports"), Key: aws.String("team/acme/index.html")})
	if err != nil || aws.ToString(head.ContentType) != "text/html; charset=utf-8" {
		t.Errorf("index.html: %v %v", aws.ToString(head.ContentType), err)
	}
	// Archived scan files are plain-text downloads, settings.toml masked.
	settingsKey := "team/acme/scans-archive/acme-corp-2026-11-18/settings.toml"
	head, err = client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("reports"), Key: aws.String(settingsKey)})
	if err != nil || aws.ToString(head.ContentType) != "text/plain; charset=utf-8" ||
		aws.ToString(head.ContentDisposition) != "attachment; filename=settings.toml" || head.Metadata["x-content-type-options"] != "nosniff" {
		t.Errorf("settings.toml: %v %v %v %v", aws.ToString(head.ContentType), aws.ToString(head.ContentDisposition), head.Metadata, err)
	}
	raw, err := os.ReadFile(filepath.Join(scans, "acme-corp-2026-11-18", "settings.toml"))
	if err != nil {
		t.Fatal(err)
	}
	get, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String(settingsKey)})
	if err != nil {
		t.Fatal(err)
	}
	archived, _ := io.ReadAll(get.Body)
	get.Body.Close()
	if !strings.Contains(string(archived), "[masked]") || string(archived) == string(raw) {
		t.Errorf("archived settings.toml is not masked:\n%s", archived)
	}
	// --with-raw-settings archives them as they are, and says so.
	code, out, errOut = runCLI(t, "publish", "--site", siteDir, "--to", "s3://reports/team/acme"+query, "--with-scans", "--with-raw-settings", "--scans", scans)
	if code != 0 || !strings.Contains(errOut, "unmasked") {
		t.Fatalf("publish --with-raw-settings: %d\n%s\n%s", code, out, errOut)
	}
	get, err = client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String(settingsKey)})
	if err != nil {
		t.Fatal(err)
	}
	archived, _ = io.ReadAll(get.Body)
	get.Body.Close()
	if string(archived) != string(raw) {
		t.Errorf("--with-raw-settings archived:\n%s", archived)
	}
}

func TestPublishUsage(t *testing.T) {
	cliEnv(t)
	notSite := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"publish"}, "publish needs --to URL, for example"},
		{[]string{"publish", "--to", "ftp://x"}, `unsupported scheme "ftp"`},
		{[]string{"publish", "--to", "s3://KEY:SECRET@bucket"}, "credentials do not go in the URL"},
		{[]string{"publish", "--to", "s3:///x"}, "no bucket name"},
		{[]string{"publish", "--to", "s3://b/p?prefix=q/"}, "not both"},
		{[]string{"publish", "--to", "mem://", "--max-deletes", "-1"}, "--max-deletes must be 0 or more"},
		{[]string{"publish", "--to", "mem://", "--site", notSite}, "is not a site built by scanreport"},
		{[]string{"publish", "--to", "mem://", "--watch", "--dry-run", "--site", notSite}, "do not go together"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, %q %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestBucketURL(t *testing.T) {
	for in, want := range map[string]string{
		"s3://b":                           "s3://b",
		"s3://b/":                          "s3://b",
		"s3://b/team/acme?region=x":        "s3://b?prefix=team%2Facme%2F&region=x",
		"gs://b/r":                         "gs://b?prefix=r%2F",
		"azblob://c/r/":                    "azblob://c?prefix=r%2F",
		"file:///srv/www/report":           "file:///srv/www/report",
		"file:///srv/www?metadata=skip":    "file:///srv/www?metadata=skip",
		"s3://b?endpoint=http%3A%2F%2Fx:1": "s3://b?endpoint=http%3A%2F%2Fx:1",
		// The prefix is a folder in every form.
		"s3://b?prefix=team/acme":            "s3://b?prefix=team%2Facme%2F",
		"s3://b?prefix=/team/acme/":          "s3://b?prefix=team%2Facme%2F",
		"s3://b?prefix=team%2Facme&region=x": "s3://b?prefix=team%2Facme%2F&region=x",
		"gs://b?prefix=r":                    "gs://b?prefix=r%2F",
		"azblob://c?prefix=r//":              "azblob://c?prefix=r%2F",
		"file:///srv/www?prefix=acme":        "file:///srv/www?prefix=acme%2F",
		"s3://b?prefix=/":                    "s3://b",
	} {
		got, err := bucketURL(in)
		if err != nil || got != want {
			t.Errorf("bucketURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"s3://b?prefix=team/../x", "s3://b/team/./x", "s3://b?prefix=a//b"} {
		if got, err := bucketURL(in); err == nil {
			t.Errorf("bucketURL(%q) = %q, want an error", in, got)
		}
	}
}
