// Package config reads config.toml, scanreport's settings file. Decoding is
// strict: an unknown key or a value of the wrong type is an error that names
// the file and line. Only the command line (cmd/scanreport) reads the file;
// the pipeline receives the decoded values.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/scanreport/scanreport/internal/eltypes"
)

// Config is the whole of config.toml.
type Config struct {
	Site    Site    `toml:"site"`
	Risky   Risky   `toml:"risky"`
	Secrets Secrets `toml:"secrets"`
	Exports Exports `toml:"exports"`
	// Correlations: see generator/correlate and docs/correlations.md.
	Correlations Correlations `toml:"correlations"`

	// dir is the folder of the file the config came from; relative paths
	// are resolved against it.
	dir string
}

// Site says what to read and where to write.
type Site struct {
	Title  string `toml:"title"`
	Scans  string `toml:"scans"`  // the scans root
	Output string `toml:"output"` // the site folder
}

// Risky says which elements count as risky.
type Risky struct {
	Types   []string `toml:"types"`    // type patterns; '*' matches any run of characters
	MinRisk int      `toml:"min_risk"` // element risk from which any element is risky; 0 turns it off
}

// Secrets says which settings are masked in the report.
type Secrets struct {
	Mask bool     `toml:"mask"`
	Keys []string `toml:"keys"` // setting-name patterns, case-insensitive; '*' matches any run
}

// Exports shape the download files.
type Exports struct {
	DefuseFormulas bool   `toml:"defuse_formulas"` // prefix CSV cells starting with = + - @ tab CR with '
	GEXFVersion    string `toml:"gexf_version"`    // "1.2draft" or "1.3"
}

// Correlations says which correlation rules run over finished automated
// scans, and where their results are cached.
type Correlations struct {
	Enabled bool   `toml:"enabled"`
	Rules   string `toml:"rules"` // folder of rule files (*.yaml); empty: the rules built into the binary
	Cache   string `toml:"cache"` // cache folder; empty: under the user's cache folder
}

// Default returns the configuration used when there is no config.toml.
func Default() Config {
	return Config{
		Site:  Site{Title: "scanreport", Scans: "scans", Output: "site"},
		Risky: Risky{Types: append([]string(nil), eltypes.DefaultRiskyTypes...), MinRisk: eltypes.DefaultMinRisk},
		Secrets: Secrets{Mask: true, Keys: []string{"*api_key*", "*apikey*", "*_key", "*password*", "*passwd*",
			"*secret*", "*token*", "*credential*", "*cookie*", "*session*", "*auth*"}},
		Exports:      Exports{DefuseFormulas: true, GEXFVersion: "1.2draft"},
		Correlations: Correlations{Enabled: true},
		dir:          ".",
	}
}

// Load reads the file at path over the defaults.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(data, path)
	if err != nil {
		return Config{}, err
	}
	c.dir = filepath.Dir(path)
	return c, nil
}

// Parse decodes config data over the defaults; file names it in errors.
func Parse(data []byte, file string) (Config, error) {
	c := Default()
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		var strict *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &strict):
			var msgs []string
			for _, e := range strict.Errors {
				row, col := e.Position()
				msgs = append(msgs, fmt.Sprintf("%s:%d:%d: unknown key %q", file, row, col, strings.Join(e.Key(), ".")))
			}
			return Config{}, errors.New(strings.Join(msgs, "\n"))
		case errors.As(err, &de):
			row, col := de.Position()
			return Config{}, fmt.Errorf("%s:%d:%d: %s", file, row, col, de.Error())
		}
		return Config{}, fmt.Errorf("%s: %w", file, err)
	}
	if err := c.Validate(); err != nil {
		return Config{}, fmt.Errorf("%s: %w", file, err)
	}
	return c, nil
}

// Validate checks values that decode but make no sense.
func (c *Config) Validate() error {
	if strings.TrimSpace(c.Site.Scans) == "" {
		return errors.New("site.scans: the scans root must be set")
	}
	if strings.TrimSpace(c.Site.Output) == "" {
		return errors.New("site.output: the output folder must be set")
	}
	if _, err := eltypes.NewRisky(c.Risky.Types, c.Risky.MinRisk); err != nil {
		return fmt.Errorf("risky: %w", err)
	}
	if v := c.Exports.GEXFVersion; v != "1.2draft" && v != "1.3" {
		return fmt.Errorf("exports.gexf_version %q: must be \"1.2draft\" or \"1.3\"", v)
	}
	if c.Correlations.Rules != "" && strings.TrimSpace(c.Correlations.Rules) == "" {
		return errors.New("correlations.rules: a folder name, or \"\" for the built-in rules")
	}
	for _, k := range c.Secrets.Keys {
		if _, err := path.Match(strings.ToLower(k), ""); err != nil {
			return fmt.Errorf("secrets.keys: bad pattern %q", k)
		}
	}
	return nil
}

// Resolve makes a path from the config relative to the config file's folder.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) || c.dir == "" {
		return p
	}
	return filepath.Join(c.dir, p)
}

// ScansRoot is the resolved scans root.
func (c *Config) ScansRoot() string { return c.Resolve(c.Site.Scans) }

// OutputDir is the resolved site folder.
func (c *Config) OutputDir() string { return c.Resolve(c.Site.Output) }

// RulesDir is the resolved folder of correlation rules; "" means the rules
// built into the binary (correlate.LoadDefault).
func (c *Config) RulesDir() string {
	if c.Correlations.Rules == "" {
		return ""
	}
	return c.Resolve(c.Correlations.Rules)
}

// CacheDir is the resolved correlation cache folder; "" means the default
// one for the scans root (correlate.DefaultCacheDir).
func (c *Config) CacheDir() string {
	if c.Correlations.Cache == "" {
		return ""
	}
	return c.Resolve(c.Correlations.Cache)
}

// IsSecret reports whether a setting with this name is masked.
func (s *Secrets) IsSecret(key string) bool {
	if !s.Mask {
		return false
	}
	k := strings.ToLower(key)
	for _, p := range s.Keys {
		if ok, _ := path.Match(strings.ToLower(p), k); ok {
			return true
		}
	}
	return false
}
