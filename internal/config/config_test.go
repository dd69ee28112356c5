package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	c, err := Parse([]byte("[site]\ntitle = \"T\"\n[risky]\nmin_risk = 70\n"), "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Site.Title != "T" || c.Risky.MinRisk != 70 || c.Site.Scans != "scans" || len(c.Risky.Types) == 0 {
		t.Errorf("config = %+v", c)
	}
	for text, want := range map[string]string{
		"[site]\ntitle = \"T\"\ncolour = 1\n":  "config.toml:3:1: unknown key \"site.colour\"",
		"[site]\ntitle = 5\n":                  "config.toml:2:9: ",
		"[sites]\ntitle = \"x\"\n":             "config.toml:1:",
		"[risky]\nmin_risk = 101\n":            "config.toml: risky: min_risk 101",
		"[risky]\ntypes = [\"A/B\"]\n":         "config.toml: risky: risky type pattern",
		"[site]\nscans = \"\"\n":               "config.toml: site.scans",
		"[secrets]\nmask = \"yes\"\n":          "config.toml:2:",
		"[site]\ntitle = \"T\"\n[site]\nx=1\n": "config.toml:3:",
		"[correlations]\nrule = \"r\"\n":       "config.toml:2:1: unknown key \"correlations.rule\"",
		"[correlations]\nenabled = \"yes\"\n":  "config.toml:2:",
		"[correlations]\nrules = \"  \"\n":     "config.toml: correlations.rules",
	} {
		_, err := Parse([]byte(text), "config.toml")
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%q) error = %v, want prefix %q", text, err, want)
		}
	}
}

func TestRepoConfig(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "config.toml"))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			t.Skip("no config.toml")
		}
		t.Fatal(err)
	}
	if c.ScansRoot() != filepath.Join("..", "..", "scans") {
		t.Errorf("scans root = %s", c.ScansRoot())
	}
	if !c.Correlations.Enabled || c.RulesDir() != filepath.Join("..", "..", "rules") || c.CacheDir() != "" {
		t.Errorf("correlations = %+v, rules dir %q, cache dir %q", c.Correlations, c.RulesDir(), c.CacheDir())
	}
}

func TestCorrelations(t *testing.T) {
	d := Default()
	if !d.Correlations.Enabled || d.RulesDir() != "" || d.CacheDir() != "" {
		t.Errorf("default correlations = %+v", d.Correlations)
	}
	c, err := Parse([]byte("[correlations]\nenabled = false\nrules = \"my-rules\"\ncache = \"/var/cache/sr\"\n"), "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = "conf"
	if c.Correlations.Enabled || c.RulesDir() != filepath.Join("conf", "my-rules") || c.CacheDir() != "/var/cache/sr" {
		t.Errorf("correlations = %+v, rules dir %q, cache dir %q", c.Correlations, c.RulesDir(), c.CacheDir())
	}
}

func TestSecrets(t *testing.T) {
	s := Default().Secrets
	for key, want := range map[string]bool{"api_key": true, "API_KEY": true, "shodan_apikey": true, "password": true,
		"max_threads": false, "user_agent": false, "aws_secret_access_key": true, "github_token": true} {
		if s.IsSecret(key) != want {
			t.Errorf("IsSecret(%q) = %v", key, !want)
		}
	}
	s.Mask = false
	if s.IsSecret("api_key") {
		t.Error("masking off still masks")
	}
}
