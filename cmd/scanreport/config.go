package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/correlate"
	"github.com/scanreport/scanreport/internal/config"
)

// loadConfig reads --config, or config.toml if it is in the current folder,
// or falls back to the defaults.
func (a *app) loadConfig() (config.Config, error) {
	path := a.configPath
	if path == "" {
		if _, err := os.Stat("config.toml"); errors.Is(err, fs.ErrNotExist) {
			return config.Default(), nil
		}
		path = "config.toml"
	}
	c, err := config.Load(path)
	if err != nil {
		return config.Config{}, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

// siteFlags are the flags that override config.toml's [site] section.
type siteFlags struct {
	scans, out, title, templates string
	mirror                       string // local copy of a bucket --scans (bucketscans.go)
}

func (f *siteFlags) register(cmd *cobra.Command, withOutput bool) {
	cmd.Flags().StringVar(&f.scans, "scans", "", "scans root: the folder holding one directory per scan, or a bucket URL (s3://, gs://, azblob://, file://) in the segment layout (default from config: scans)")
	cmd.Flags().StringVar(&f.mirror, "mirror", "", "with a bucket --scans, the local folder that mirrors it (default: one per URL in the user's cache folder)")
	if withOutput {
		cmd.Flags().StringVar(&f.out, "out", "", "site folder to write; replaced whole when the build succeeds (default from config: site)")
		cmd.Flags().StringVar(&f.title, "title", "", "site title (default from config)")
		cmd.Flags().StringVar(&f.templates, "templates", "", "folder of page templates (.html) that replace the built-in ones of the same name (default from config: none)")
	}
}

// options turns the config and flags into generator options.
func (a *app) options(f siteFlags) (generator.Options, error) {
	c, err := a.loadConfig()
	if err != nil {
		return generator.Options{}, err
	}
	return a.optionsFrom(c, f), nil
}

// optionsFrom turns a loaded config.toml and the flags into build options.
func (a *app) optionsFrom(c config.Config, f siteFlags) generator.Options {
	o := generator.Options{
		ScansRoot: c.ScansRoot(), Output: c.OutputDir(), Title: c.Site.Title,
		RiskyTypes: c.Risky.Types, MinRisk: c.Risky.MinRisk, Logger: a.log,
		DefuseFormulas: c.Exports.DefuseFormulas, GEXFVersion: c.Exports.GEXFVersion,
	}
	secrets := c.Secrets
	if secrets.Mask {
		o.IsSecret = secrets.IsSecret
	}
	// The whole configuration keys the scans' files for incremental builds
	// (it holds the secret patterns behind IsSecret).
	o.Fingerprint = fmt.Sprintf("%#v", c)
	if f.scans != "" {
		o.ScansRoot = f.scans
	}
	o.InvestigationsDir = c.InvestigationsDir(o.ScansRoot)
	if c.Correlations.Enabled {
		o.Correlations = generator.Correlations{Enabled: true, Sets: c.Correlations.Sets, Disable: c.Correlations.Disable,
			RulesDir: c.RulesDir(), CacheDir: c.CacheDir(), Where: c.Where}
		if o.Correlations.CacheDir == "" {
			if dir, err := correlate.DefaultCacheDir(o.ScansRoot); err == nil {
				o.Correlations.CacheDir = dir
			} else {
				a.log.Warn("no cache folder for correlation results: they are computed on every build", "err", err)
			}
		}
	}
	if f.out != "" {
		o.Output = f.out
	}
	if f.title != "" {
		o.Title = f.title
	}
	o.TemplatesDir = c.TemplatesDir()
	if f.templates != "" {
		o.TemplatesDir = f.templates
	}
	return o
}

// analystName is who decides: [analyst] name in config.toml, else the
// operating-system user, else $USER; "analyst" when none is known.
func analystName(c config.Config) string {
	if n := strings.TrimSpace(c.Analyst.Name); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "analyst"
}
