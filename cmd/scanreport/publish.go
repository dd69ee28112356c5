package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"gocloud.dev/blob"

	"github.com/scanreport/scanreport/internal/numtext"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/publish"
)

// publishFlags are publish's flags.
type publishFlags struct {
	to, site                 string
	withScans, prune, dryRun bool
	rawSettings              bool
	watch, quiet             bool
	maxDeletes, jobs         int
	interval                 time.Duration
}

func (a *app) publishCommand() *cobra.Command {
	var f siteFlags
	var pf publishFlags
	cmd := &cobra.Command{
		Use:   "publish --to URL",
		Short: "Upload the built site to object storage (S3, GCS, Azure, a folder), sending only what changed",
		Long: `Publish uploads the built site to a bucket: only files whose checksum differs
from what the last publish stored, each with its Content-Type and Cache-Control,
in an order that never lets a page name data that is not uploaded yet (assets,
data, data manifests, pages, index.html, then the publish manifest
.scanreport-publish.json). Stale objects are deleted only with --prune, and a
publish that would delete more than --max-deletes objects is refused whole. The
files that the bucket's copy of a head this publish replaces names (a scan's
search index, manifest, graph, tree) are kept until the next publish: pages that
read that head moments ago still find them.

URLs (gocloud.dev):
  s3://BUCKET?region=eu-west-1                    AWS S3
  s3://BUCKET/PREFIX?endpoint=https%3A%2F%2Fminio.example&use_path_style=true
                                                  S3-compatible (MinIO, Ceph, R2 …)
  gs://BUCKET                                     Google Cloud Storage
  azblob://CONTAINER                              Azure Blob Storage
  file:///srv/www/report                          a local folder
A path after the bucket (s3://BUCKET/reports/acme) publishes under that prefix.

Credentials come from each cloud's usual environment variables and files
(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ~/.aws;
GOOGLE_APPLICATION_CREDENTIALS; AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY
or AZURE_STORAGE_SAS_TOKEN), never from the command line. See docs/publish.md.`,
		Example: `  scanreport publish --to s3://my-reports --dry-run
  scanreport publish --to 's3://my-reports/acme?region=eu-central-1' --prune
  scanreport publish --to gs://my-reports --with-scans
  scanreport publish --to s3://my-reports --watch    # beside a running 'scanreport serve'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if pf.to == "" {
				return errors.New("publish needs --to URL, for example: scanreport publish --to s3://my-bucket --dry-run")
			}
			if pf.maxDeletes < 0 {
				return errors.New("--max-deletes must be 0 or more")
			}
			if pf.watch && pf.dryRun {
				return errors.New("--watch and --dry-run do not go together")
			}
			f.out = pf.site
			if pf.withScans {
				// A bucket scans root is archived from its local mirror.
				if err := a.useMirror(cmd.Context(), &f); err != nil {
					return err
				}
			}
			o, err := a.options(f)
			if err != nil {
				return err
			}
			if pf.rawSettings && !pf.withScans {
				return errors.New("--with-raw-settings goes with --with-scans")
			}
			return a.publish(cmd.Context(), pf, o.Output, o.ScansRoot, redact.New(o.IsSecret))
		},
	}
	f.register(cmd, false)
	fl := cmd.Flags()
	fl.StringVar(&pf.to, "to", "", "bucket URL: s3://, gs://, azblob:// or file:// (see above)")
	fl.StringVar(&pf.site, "site", "", "site folder to publish (default from config: site)")
	fl.BoolVar(&pf.withScans, "with-scans", false, "also archive the scan files (scan.toml, elements.jsonl, log.jsonl, settings.toml, review.jsonl, notes.md) under scans-archive/<id>/ as downloads, secrets masked")
	fl.BoolVar(&pf.rawSettings, "with-raw-settings", false, "with --with-scans, archive the scan files unmasked: settings.toml with its API keys and passwords, logs with keys in URLs")
	fl.BoolVar(&pf.prune, "prune", false, "delete objects under the URL that are not in the site (what the bucket's replaced heads name: at the next publish)")
	fl.IntVar(&pf.maxDeletes, "max-deletes", publish.DefaultMaxDeletes, "with --prune, refuse to publish when more objects than this would be deleted")
	fl.BoolVar(&pf.dryRun, "dry-run", false, "print what would be uploaded and deleted, change nothing")
	fl.BoolVar(&pf.watch, "watch", false, "keep publishing the site's changes (from 'scanreport serve' or repeated builds) until Ctrl-C")
	fl.DurationVar(&pf.interval, "interval", time.Second, "with --watch, how often the site folder is looked at")
	fl.IntVar(&pf.jobs, "jobs", 4, "uploads at once")
	fl.BoolVarP(&pf.quiet, "quiet", "q", false, "print only errors")
	return cmd
}

// publish publishes the site; rules mask the archived scan files (the
// config's secret names, or the defaults when masking is off in the site).
func (a *app) publish(ctx context.Context, pf publishFlags, site, scans string, rules *redact.Rules) error {
	u, err := bucketURL(pf.to)
	if err != nil {
		return err
	}
	if err := checkDriver(u); err != nil {
		return err
	}
	archived := ""
	if pf.withScans {
		archived = scans
	}
	if err := checkTarget(u, site, archived); err != nil {
		return err
	}
	bucket, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return fmt.Errorf("open %s: %w", pf.to, err)
	}
	defer bucket.Close()

	o := publish.Options{
		Site: site, Name: pf.to, Prune: pf.prune, MaxDeletes: pf.maxDeletes, DryRun: pf.dryRun,
		Jobs: pf.jobs, Logger: a.log,
	}
	if pf.withScans {
		o.Scans = scans
		if pf.rawSettings {
			if !pf.quiet {
				fmt.Fprintf(a.stderr, "Note: --with-raw-settings uploads the scan files of %s under %s unmasked (settings.toml holds API keys and passwords): anyone who can read the bucket can read them.\n", scans, publish.ArchivePrefix)
			}
		} else {
			o.Redact = rules
		}
	}
	out := a.stdout
	if pf.quiet {
		out = io.Discard
	}
	pr := &publishPrinter{a: a, out: out, to: pf.to, dryRun: pf.dryRun, quiet: pf.quiet}
	o.OnPlan = pr.plan
	o.Progress = pr.progress
	p := publish.New(bucket, o)

	if !pf.watch {
		res, err := p.Publish(ctx)
		pr.finish()
		if err != nil {
			return publishError(ctx, err, res)
		}
		pr.done(res)
		return nil
	}
	fmt.Fprintf(out, "Watching %s and publishing its changes to %s (Ctrl-C to stop).\n", site, pf.to)
	pr.watching = true
	err = p.Watch(ctx, publish.WatchOptions{Interval: pf.interval}, func(res publish.Result, err error) error {
		pr.finish()
		if err != nil {
			err = publishError(ctx, err, res)
			if publish.IsFatal(err) {
				return err
			}
			fmt.Fprintf(a.stderr, "%s scanreport: %v (trying again)\n", time.Now().Format("15:04:05"), err)
			return nil
		}
		pr.done(res)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "Stopped watching.")
	return nil
}

// publishError adds what an interrupted publish left behind.
func publishError(ctx context.Context, err error, res publish.Result) error {
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted after uploading %d files: the bucket holds part of the new site (sent in an order that never links a missing file, and without the publish manifest); publish again to complete it", res.Uploaded)
	}
	return err
}

// bucketURL checks the URL and turns a path after an S3, GCS or Azure
// bucket into gocloud's prefix parameter (gocloud would ignore it, and
// publish into the bucket's root).
func bucketURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("--to %q: %w", raw, err)
	}
	if u.User != nil {
		return "", fmt.Errorf("--to: credentials do not go in the URL (they would land in shell history): use the environment or the cloud's config files, see 'scanreport publish --help'")
	}
	q := u.Query()
	switch u.Scheme {
	case "s3", "gs", "azblob":
		if u.Host == "" {
			return "", fmt.Errorf("--to %q: no bucket name, for example %s://my-bucket", raw, u.Scheme)
		}
		if p := strings.Trim(u.Path, "/"); p != "" {
			if q.Get("prefix") != "" {
				return "", fmt.Errorf("--to %q: give the prefix either as a path or as prefix=, not both", raw)
			}
			q.Set("prefix", p)
		}
		u.Path, u.RawPath = "", ""
	case "file", "mem":
	case "":
		return "", fmt.Errorf("--to %q: not a URL; use s3://BUCKET, gs://BUCKET, azblob://CONTAINER or file:///FOLDER", raw)
	default:
		return "", fmt.Errorf("--to %q: unsupported scheme %q; use s3://, gs://, azblob:// or file://", raw, u.Scheme)
	}
	// The prefix names a folder, in every form it is given: gocloud puts
	// it before each key as it is, so "team/acme" would publish
	// team/acmeindex.html and list (and prune) team/acme-old/… too.
	if q.Has("prefix") {
		p, err := normalPrefix(q.Get("prefix"))
		if err != nil {
			return "", fmt.Errorf("--to %q: %w", raw, err)
		}
		if p == "" {
			q.Del("prefix")
		} else {
			q.Set("prefix", p)
		}
		u.RawQuery = q.Encode()
	}
	if u.Scheme == "file" && u.Host == "" {
		if abs, err := filepath.Abs(filepath.FromSlash(u.Path)); err == nil {
			u.Path = filepath.ToSlash(abs)
		}
	}
	return u.String(), nil
}

// normalPrefix makes a bucket prefix a folder: no leading slash, one
// trailing slash, no empty, "." or ".." segments.
func normalPrefix(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "", nil
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("prefix %q: empty, \".\" or \"..\" segments are not allowed", p)
		}
	}
	return p + "/", nil
}

// checkTarget refuses a file:// target inside the site folder (or the
// scans root it archives), and a site folder inside the target: a publish
// would copy the site into itself again and again, or --prune would delete
// the site's own files.
func checkTarget(bucketURL, site, scans string) error {
	u, err := url.Parse(bucketURL)
	if err != nil || u.Scheme != "file" {
		return nil
	}
	target := filepath.Join(filepath.FromSlash(u.Path), filepath.FromSlash(u.Query().Get("prefix")))
	check := func(what, dir string) error {
		if dir == "" {
			return nil
		}
		if within(target, dir) {
			return fmt.Errorf("--to %s is inside the %s %s: refused (the publish would copy into what it reads)", target, what, dir)
		}
		if within(dir, target) {
			return fmt.Errorf("the %s %s is inside --to %s: refused (--prune would delete it)", what, dir, target)
		}
		return nil
	}
	if err := check("site folder", site); err != nil {
		return err
	}
	return check("scans root", scans)
}

// within reports whether path is dir or inside it, comparing absolute paths
// with symlinks resolved as far as they exist.
func within(path, dir string) bool {
	p, d := realPath(path), realPath(dir)
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath is the absolute path with symlinks resolved in the part that
// exists.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		if filepath.Dir(cur) == cur {
			return abs
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}

// publishPrinter prints the plan, progress and results.
type publishPrinter struct {
	a        *app
	out      io.Writer
	to       string
	dryRun   bool
	quiet    bool
	watching bool

	mu  sync.Mutex
	bar interface {
		ChangeMax64(int64)
		Set64(int64) error
		Finish() error
		Clear() error
	}
}

func (pr *publishPrinter) plan(pl *publish.Plan) {
	if pr.watching && pl.Empty() {
		return
	}
	stamp := ""
	if pr.watching {
		stamp = time.Now().Format("15:04:05") + " "
	}
	if pr.dryRun {
		for _, f := range pl.Uploads {
			fmt.Fprintf(pr.out, "  upload  %-14s %s (%s, %s, %s)\n", f.Phase, f.Key, bytesText(f.Size), f.Reason, f.Header.ContentType)
		}
		for _, k := range pl.Deletes {
			fmt.Fprintf(pr.out, "  delete  %s\n", k)
		}
		for _, k := range pl.Kept {
			fmt.Fprintf(pr.out, "  keep    %s (named by the bucket's %s, which this publish replaces)\n", k.Key, k.Head)
		}
	}
	if pr.dryRun {
		fmt.Fprintf(pr.out, "Dry run: publishing to %s would upload %s files (%s), delete %d, leave %s unchanged. Nothing was changed.\n",
			pr.to, numtext.Thousands(len(pl.Uploads)), bytesText(pl.UploadBytes), len(pl.Deletes), numtext.Thousands(pl.Unchanged))
	} else {
		fmt.Fprintf(pr.out, "%sPublishing to %s: upload %s files (%s), delete %d, %s unchanged.\n",
			stamp, pr.to, numtext.Thousands(len(pl.Uploads)), bytesText(pl.UploadBytes), len(pl.Deletes), numtext.Thousands(pl.Unchanged))
	}
	if n := len(pl.Kept); n > 0 {
		fmt.Fprintf(pr.out, "%s%d objects not in the site are kept one publish longer: pages that read the bucket's heads this publish replaces may still load them.\n", stamp, n)
	}
	if n := len(pl.Stale) - len(pl.Deletes) - len(pl.Kept); n > 0 {
		fmt.Fprintf(pr.out, "%s%d objects under the URL are not in the site; --prune deletes them.\n", stamp, n)
	}
	if pl.NoManifest && !pr.watching {
		fmt.Fprintf(pr.out, "No %s in the bucket: compared with the bucket listing.\n", publish.ManifestKey)
	}
	if !pr.dryRun && pl.UploadBytes > 0 {
		if bar := pr.a.progress(pr.quiet, "uploading"); bar != nil {
			pr.mu.Lock()
			pr.bar = bar
			bar.ChangeMax64(pl.UploadBytes)
			pr.mu.Unlock()
		}
	}
}

func (pr *publishPrinter) progress(sent, total int64) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.bar != nil {
		pr.bar.Set64(min(max(sent, 0), total))
	}
}

func (pr *publishPrinter) finish() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.bar != nil {
		pr.bar.Finish()
		pr.bar.Clear()
		pr.bar = nil
	}
}

func (pr *publishPrinter) done(res publish.Result) {
	if pr.dryRun || (pr.watching && res.Plan != nil && res.Plan.Empty()) {
		return
	}
	stamp := ""
	if pr.watching {
		stamp = time.Now().Format("15:04:05") + " "
	}
	retries := ""
	if res.Retries > 0 {
		retries = fmt.Sprintf(" (%d retries)", res.Retries)
	}
	fmt.Fprintf(pr.out, "%sPublished in %s: uploaded %s files (%s), deleted %d, %s unchanged%s.\n", stamp,
		res.Duration.Round(time.Millisecond), numtext.Thousands(res.Uploaded), bytesText(res.UploadedBytes), res.Deleted, numtext.Thousands(res.Plan.Unchanged), retries)
}
