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
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/rules"
)

// Config is the whole of config.toml.
type Config struct {
	Site    Site    `toml:"site"`
	Risky   Risky   `toml:"risky"`
	Secrets Secrets `toml:"secrets"`
	Exports Exports `toml:"exports"`
	// Correlations: see generator/correlate and docs/correlations.md.
	Correlations Correlations `toml:"correlations"`
	// Investigations and Lookups: see docs/investigations.md.
	Investigations Investigations `toml:"investigations"`
	Lookups        Lookups        `toml:"lookups"`
	// Analyst names who records false-positive and investigation decisions.
	Analyst Analyst `toml:"analyst"`

	// dir is the folder of the file the config came from; relative paths
	// are resolved against it.
	dir string
	// file is the config file's name and lines the line of each
	// "table.key" in it, for messages (Where).
	file  string
	lines map[string]int
}

// Site says what to read and where to write.
type Site struct {
	Title  string `toml:"title"`
	Scans  string `toml:"scans"`  // the scans root
	Output string `toml:"output"` // the site folder
	// Templates is a folder of page templates that replace the built-in
	// ones of the same name; "" means the built-in templates only.
	Templates string `toml:"templates"`
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
	// ExtraKeys are added to Keys, so a config can add patterns without
	// repeating the defaults.
	ExtraKeys []string `toml:"extra_keys"`
}

// Exports shape the download files.
type Exports struct {
	DefuseFormulas bool   `toml:"defuse_formulas"` // apostrophe before formula starts in CSV cells (exports.Defuse)
	GEXFVersion    string `toml:"gexf_version"`    // "1.2draft" or "1.3"
}

// Correlations says which correlation rules run over finished automated
// scans, and where their results are cached.
type Correlations struct {
	Enabled bool `toml:"enabled"`
	// Sets names the built-in rule sets that run (package rules:
	// "spiderfoot", "scanreport"); by default all; [] runs none of them.
	Sets []string `toml:"sets"`
	// Disable lists ids of rules that do not run, from any set or folder.
	Disable []string `toml:"disable"`
	// Rules is a folder of rule files (*.yaml) that add to the sets or
	// replace their rule of the same id; empty: none.
	Rules string `toml:"rules"`
	Cache string `toml:"cache"` // cache folder; empty: under the user's cache folder
}

// Analyst is the person deciding: decisions made from `serve` and
// `scanreport fp` are recorded under Name (review.jsonl "by"); "" means
// the operating-system user.
type Analyst struct {
	Name string `toml:"name"`
}

// Investigations says where investigation files are (docs/investigations.md).
type Investigations struct {
	// Folder holds one <name>.md per investigation; "" means a folder
	// named "investigations" beside the scans root.
	Folder string `toml:"folder"`
}

// Lookups are the commands Explore may run on an element of a scan in the
// preview server (docs/investigations.md, "Lookups"). None are configured
// by default, which turns lookups off.
type Lookups struct {
	Timeout   string   `toml:"timeout"`    // default time limit of a command, e.g. "30s"
	Kinds     []string `toml:"kinds"`      // scan kinds whose elements may be looked up (default: manual)
	MaxOutput int      `toml:"max_output"` // bytes of a command's output read at most
	Commands  []Lookup `toml:"command"`
}

// Lookup is one lookup command. Argv is the program and its arguments,
// never a shell string: {type} and {data} in an argument are replaced by
// the element's type code and value, within that argument only.
type Lookup struct {
	Name    string   `toml:"name"`    // short id: [a-z0-9][a-z0-9_-]*
	Label   string   `toml:"label"`   // what the button says; default the name
	Types   []string `toml:"types"`   // element types it applies to ("*": any)
	Argv    []string `toml:"argv"`    // program (relative paths: from config.toml's folder) and arguments
	Timeout string   `toml:"timeout"` // overrides [lookups] timeout
	Kinds   []string `toml:"kinds"`   // overrides [lookups] kinds
	Env     []string `toml:"env"`     // names of environment variables passed on (besides PATH, HOME, LANG, TMPDIR)
	// Pass says how the value is passed where it begins an argument:
	// "refuse-options" (the default) refuses a value beginning with - + or
	// @; "after-double-dash" passes any value and needs "--" in argv
	// before every argument that begins with {data}.
	Pass string `toml:"pass"`
}

// Limits of lookups.
const (
	DefaultLookupTimeout   = 30 * time.Second
	MaxLookupTimeout       = 10 * time.Minute
	DefaultLookupMaxOutput = 1 << 20
	MaxLookupMaxOutput     = 64 << 20
)

// Default returns the configuration used when there is no config.toml.
func Default() Config {
	return Config{
		Site:         Site{Title: "scanreport", Scans: "scans", Output: "site"},
		Risky:        Risky{Types: append([]string(nil), eltypes.DefaultRiskyTypes...), MinRisk: eltypes.DefaultMinRisk},
		Secrets:      Secrets{Mask: true, Keys: append([]string(nil), redact.DefaultKeys...)},
		Exports:      Exports{DefuseFormulas: true, GEXFVersion: "1.2draft"},
		Correlations: Correlations{Enabled: true, Sets: rules.DefaultSets()},
		Lookups:      Lookups{Timeout: "30s", Kinds: []string{"manual"}, MaxOutput: DefaultLookupMaxOutput},
		dir:          ".",
	}
}

// Load reads the file at path over the defaults.
func Load(path string) (Config, error) {
	// Checked before it is opened: opening a FIFO blocks for good.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return Config{}, fmt.Errorf("read config: %s is not a regular file", path)
	}
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

// keyError is a Validate error about one key ("table.key"), which Parse
// reports with the key's line.
type keyError struct {
	key string
	err error
}

func (e *keyError) Error() string { return e.key + ": " + e.err.Error() }
func (e *keyError) Unwrap() error { return e.err }

// keyLines finds the line of every "key =" under a "[table]" header of a
// TOML file: what messages need, not a TOML parser (the decoder has
// checked the file already).
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	table := ""
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "[["):
			table = strings.TrimSpace(strings.Trim(l, "[] "))
		case strings.HasPrefix(l, "["):
			if j := strings.IndexByte(l, ']'); j > 0 {
				table = strings.TrimSpace(l[1:j])
			}
		default:
			if j := strings.IndexByte(l, '='); j > 0 && !strings.HasPrefix(l, "#") {
				key := strings.Trim(strings.TrimSpace(l[:j]), `"'`)
				if table != "" {
					key = table + "." + key
				}
				if _, ok := lines[key]; !ok {
					lines[key] = i + 1
				}
			}
		}
	}
	return lines
}

// Where names the place of key ("table.key", e.g. "correlations.disable")
// for messages: "config.toml:52", or the file alone when the key is not
// in it, or "config.toml" for the defaults.
func (c *Config) Where(key string) string {
	file := c.file
	if file == "" {
		file = "config.toml"
	}
	if l := c.lines[key]; l > 0 {
		return fmt.Sprintf("%s:%d", file, l)
	}
	return file
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
	c.file, c.lines = file, keyLines(data)
	if err := c.Validate(); err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			return Config{}, fmt.Errorf("%s: %w", c.Where(ke.key), err)
		}
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
		return errors.New("correlations.rules: a folder name, or \"\" for none (the built-in sets only)")
	}
	for _, name := range c.Correlations.Sets {
		if _, ok := rules.Lookup(name); !ok {
			return &keyError{"correlations.sets", fmt.Errorf("no built-in rule set is called %q (there are: %s)", name, strings.Join(rules.DefaultSets(), ", "))}
		}
	}
	for _, id := range c.Correlations.Disable {
		if strings.TrimSpace(id) == "" || strings.ContainsAny(id, "/\\ \t\n") {
			return &keyError{"correlations.disable", fmt.Errorf("%q is not a rule id (the file name of a rule without .yaml)", id)}
		}
	}
	for _, k := range append(append([]string(nil), c.Secrets.Keys...), c.Secrets.ExtraKeys...) {
		if strings.TrimSpace(k) == "" || strings.ContainsAny(k, "[]\\") {
			return fmt.Errorf("secrets.keys: bad pattern %q ('*' and '?' are the only wildcards)", k)
		}
	}
	if c.Investigations.Folder != "" && strings.TrimSpace(c.Investigations.Folder) == "" {
		return errors.New("investigations.folder: a folder name, or \"\" for \"investigations\" beside the scans root")
	}
	return c.Lookups.validate()
}

var lookupName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)
var lookupType = regexp.MustCompile(`^(?:\*|[A-Z0-9][A-Z0-9_]{0,63})$`)

func lookupTimeout(v, key string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 || d > MaxLookupTimeout {
		return 0, fmt.Errorf("%s %q: a duration such as \"30s\", at most %s", key, v, MaxLookupTimeout)
	}
	return d, nil
}

func validKinds(kinds []string, key string) error {
	for _, k := range kinds {
		if k != "manual" && k != "automated" {
			return fmt.Errorf("%s: %q is not a scan kind (manual or automated)", key, k)
		}
	}
	return nil
}

func (l *Lookups) validate() error {
	if _, err := lookupTimeout(l.Timeout, "lookups.timeout"); err != nil {
		return err
	}
	if err := validKinds(l.Kinds, "lookups.kinds"); err != nil {
		return err
	}
	if l.MaxOutput < 1024 || l.MaxOutput > MaxLookupMaxOutput {
		return fmt.Errorf("lookups.max_output %d: from 1024 to %d bytes", l.MaxOutput, MaxLookupMaxOutput)
	}
	names := map[string]bool{}
	for i, c := range l.Commands {
		key := fmt.Sprintf("lookups.command[%d]", i)
		if !lookupName.MatchString(c.Name) {
			return fmt.Errorf("%s.name %q: lower-case letters, digits, '_' and '-', starting with a letter or digit", key, c.Name)
		}
		key = fmt.Sprintf("lookups.command %q", c.Name)
		if names[c.Name] {
			return fmt.Errorf("%s: the name is used twice", key)
		}
		names[c.Name] = true
		if len(c.Types) == 0 {
			return fmt.Errorf("%s: types must name the element types it applies to (\"*\" for any)", key)
		}
		for _, t := range c.Types {
			if !lookupType.MatchString(t) {
				return fmt.Errorf("%s: types: %q is not an element type code", key, t)
			}
		}
		if len(c.Argv) == 0 || strings.TrimSpace(c.Argv[0]) == "" {
			return fmt.Errorf("%s: argv must name a program", key)
		}
		if strings.ContainsAny(c.Argv[0], "{}") {
			return fmt.Errorf("%s: argv[0] is the program and may not hold a placeholder", key)
		}
		for _, a := range c.Argv {
			if strings.ContainsRune(a, 0) {
				return fmt.Errorf("%s: argv holds a NUL character", key)
			}
		}
		switch c.Pass {
		case "", "refuse-options":
		case "after-double-dash":
			dash := false
			for _, a := range c.Argv[1:] {
				dash = dash || a == "--"
				if strings.HasPrefix(a, "{data}") && !dash {
					return fmt.Errorf("%s: pass = \"after-double-dash\" needs \"--\" in argv before %q", key, a)
				}
			}
		default:
			return fmt.Errorf("%s: pass %q: must be \"refuse-options\" (the default) or \"after-double-dash\"", key, c.Pass)
		}
		if c.Timeout != "" {
			if _, err := lookupTimeout(c.Timeout, key+".timeout"); err != nil {
				return err
			}
		}
		if err := validKinds(c.Kinds, key+".kinds"); err != nil {
			return err
		}
		for _, e := range c.Env {
			if e == "" || strings.ContainsAny(e, "=\x00") {
				return fmt.Errorf("%s: env: %q is not a variable name", key, e)
			}
		}
	}
	return nil
}

// LookupTimeout is the time limit of command c.
func (l *Lookups) LookupTimeout(c Lookup) time.Duration {
	v := c.Timeout
	if v == "" {
		v = l.Timeout
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return DefaultLookupTimeout
	}
	return d
}

// LookupKinds are the scan kinds command c may look up elements of.
func (l *Lookups) LookupKinds(c Lookup) []string {
	if len(c.Kinds) > 0 {
		return c.Kinds
	}
	return l.Kinds
}

// InvestigationsDir is the resolved folder of investigation files: the
// configured one, or "investigations" beside scansRoot (the scans root in
// use, which a flag may have changed).
func (c *Config) InvestigationsDir(scansRoot string) string {
	if c.Investigations.Folder == "" {
		return filepath.Join(filepath.Dir(filepath.Clean(scansRoot)), "investigations")
	}
	return c.Resolve(c.Investigations.Folder)
}

// Dir is the folder of the config file (relative paths in it start there).
func (c *Config) Dir() string {
	if c.dir == "" {
		return "."
	}
	return c.dir
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

// TemplatesDir is the resolved folder of the operator's templates; "" means
// none.
func (c *Config) TemplatesDir() string {
	if c.Site.Templates == "" {
		return ""
	}
	return c.Resolve(c.Site.Templates)
}

// RulesDir is the resolved folder of the operator's correlation rules; ""
// means none (the built-in sets only).
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

// IsSecret reports whether a setting (or URL query parameter) with this
// name is masked. Names and patterns are compared in redact.Normalize form:
// case-insensitive, with '-', ' ' and '.' read as '_' ("api-key", "API Key"
// and "api.key" all match "*api_key*").
func (s *Secrets) IsSecret(key string) bool {
	if !s.Mask {
		return false
	}
	k := redact.Normalize(key)
	for _, list := range [][]string{s.Keys, s.ExtraKeys} {
		for _, p := range list {
			if redact.Match(redact.Normalize(p), k) {
				return true
			}
		}
	}
	return false
}
