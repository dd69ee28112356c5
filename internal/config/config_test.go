package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
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
		"[correlations]\nenabled = true\nsets = [\"spiderfoot\", \"SpiderFoot\"]\n": `config.toml:3: correlations.sets: no built-in rule set is called "SpiderFoot" (there are: spiderfoot, scanreport)`,
		"[correlations]\n\n  disable = [\"ok\",\n \"not an id\"]\n":                 `config.toml:3: correlations.disable: "not an id" is not a rule id`,
		"[correlations]\nsets = \"spiderfoot\"\n":                                   "config.toml:2:",
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
	if !c.Correlations.Enabled || c.RulesDir() != "" || c.CacheDir() != "" ||
		!slices.Equal(c.Correlations.Sets, []string{"spiderfoot", "scanreport"}) || len(c.Correlations.Disable) != 0 {
		t.Errorf("correlations = %+v, rules dir %q, cache dir %q", c.Correlations, c.RulesDir(), c.CacheDir())
	}
}

func TestCorrelations(t *testing.T) {
	d := Default()
	if !d.Correlations.Enabled || d.RulesDir() != "" || d.CacheDir() != "" || !slices.Equal(d.Correlations.Sets, []string{"spiderfoot", "scanreport"}) {
		t.Errorf("default correlations = %+v", d.Correlations)
	}
	// sets = [] runs no built-in set (only the folder's rules); an absent
	// key keeps the default; the place of disable is named for messages.
	c, err := Parse([]byte("[site]\ntitle = \"x\"\n[correlations]\nsets = []\nrules = \"mine\"\ndisable = [\"stale_host\"]\n"), "conf/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Correlations.Sets == nil || len(c.Correlations.Sets) != 0 || !slices.Equal(c.Correlations.Disable, []string{"stale_host"}) {
		t.Errorf("sets %#v, disable %v", c.Correlations.Sets, c.Correlations.Disable)
	}
	if w := c.Where("correlations.disable"); w != "conf/config.toml:6" {
		t.Errorf("where disable = %q", w)
	}
	if w := c.Where("correlations.cache"); w != "conf/config.toml" {
		t.Errorf("where cache = %q", w)
	}
	if w := d.Where("correlations.rules"); w != "config.toml" {
		t.Errorf("where in the defaults = %q", w)
	}
	c, err = Parse([]byte("[correlations]\nenabled = false\nrules = \"my-rules\"\ncache = \"/var/cache/sr\"\n"), "config.toml")
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

func TestInvestigations(t *testing.T) {
	d := Default()
	if got := d.InvestigationsDir(filepath.Join("data", "scans")); got != filepath.Join("data", "investigations") {
		t.Errorf("default investigations folder beside data/scans = %q", got)
	}
	c, err := Parse([]byte("[investigations]\nfolder = \"cases\"\n"), "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = "conf"
	if got := c.InvestigationsDir("scans"); got != filepath.Join("conf", "cases") {
		t.Errorf("configured folder = %q", got)
	}
	for text, want := range map[string]string{
		"[investigations]\nfolders = \"x\"\n": "config.toml:2:1: unknown key \"investigations.folders\"",
		"[investigations]\nfolder = \" \"\n":  "config.toml: investigations.folder",
	} {
		if _, err := Parse([]byte(text), "config.toml"); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%q) error = %v, want prefix %q", text, err, want)
		}
	}
}

func TestLookups(t *testing.T) {
	d := Default()
	if len(d.Lookups.Commands) != 0 || d.Lookups.Timeout != "30s" || strings.Join(d.Lookups.Kinds, ",") != "manual" {
		t.Errorf("default lookups = %+v (lookups must be off unless configured)", d.Lookups)
	}
	c, err := Parse([]byte(`[lookups]
timeout = "10s"

[[lookups.command]]
name = "dns"
label = "Example DNS"
types = ["INTERNET_NAME", "DOMAIN_NAME"]
argv = ["examples/lookups/example-lookup.sh", "{type}", "--", "{data}"]

[[lookups.command]]
name = "any"
types = ["*"]
argv = ["/usr/bin/true"]
timeout = "2s"
kinds = ["manual", "automated"]
env = ["SHODAN_API_KEY"]
`), "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	l := c.Lookups
	if len(l.Commands) != 2 || l.Commands[0].Label != "Example DNS" || l.LookupTimeout(l.Commands[0]) != 10*time.Second ||
		l.LookupTimeout(l.Commands[1]) != 2*time.Second || strings.Join(l.LookupKinds(l.Commands[0]), ",") != "manual" ||
		strings.Join(l.LookupKinds(l.Commands[1]), ",") != "manual,automated" {
		t.Errorf("lookups = %+v", l)
	}
	cmd := func(body string) string { return "[[lookups.command]]\n" + body }
	for text, want := range map[string]string{
		"[lookups]\ntimeout = \"forever\"\n":                                                                            "config.toml: lookups.timeout",
		"[lookups]\ntimeout = \"11m\"\n":                                                                                "config.toml: lookups.timeout",
		"[lookups]\nkinds = [\"robotic\"]\n":                                                                            "config.toml: lookups.kinds",
		"[lookups]\nmax_output = 10\n":                                                                                  "config.toml: lookups.max_output",
		cmd("name = \"x\"\ntypes = [\"*\"]\nargv = \"sh -c 'dig {data}'\"\n"):                                           "config.toml:4:",
		cmd("name = \"Bad Name\"\ntypes = [\"*\"]\nargv = [\"x\"]\n"):                                                   "config.toml: lookups.command[0].name",
		cmd("name = \"x\"\nargv = [\"x\"]\n"):                                                                           "config.toml: lookups.command \"x\": types",
		cmd("name = \"x\"\ntypes = [\"ip address\"]\nargv = [\"x\"]\n"):                                                 "config.toml: lookups.command \"x\": types",
		cmd("name = \"x\"\ntypes = [\"*\"]\nargv = []\n"):                                                               "config.toml: lookups.command \"x\": argv",
		cmd("name = \"x\"\ntypes = [\"*\"]\nargv = [\"{data}\"]\n"):                                                     "config.toml: lookups.command \"x\": argv[0]",
		cmd("name = \"x\"\ntypes = [\"*\"]\nargv = [\"x\"]\nshell = true\n"):                                            "config.toml:5:1: unknown key \"lookups.command.shell\"",
		cmd("name = \"x\"\ntypes = [\"*\"]\nargv = [\"x\"]\nenv = [\"A=B\"]\n"):                                         "config.toml: lookups.command \"x\": env",
		cmd("name = \"x\"\ntypes = [\"*\"]\nargv = [\"x\"]\n") + cmd("name = \"x\"\ntypes = [\"*\"]\nargv = [\"y\"]\n"): "config.toml: lookups.command \"x\": the name is used twice",
	} {
		if _, err := Parse([]byte(text), "config.toml"); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%q) error = %v, want prefix %q", text, err, want)
		}
	}
}

func TestSecretsNormalisedAndExtraKeys(t *testing.T) {
	c, err := Parse([]byte("[secrets]\nextra_keys = [\"*vendor_code*\"]\n"), "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]bool{"_socks5pwd": true, "api-key": true, "API Key": true, "access_key_id": true,
		"pass": true, "pwd": true, "shodan.api_key": true, "Vendor-Code": true, "_useragent": false} {
		if c.Secrets.IsSecret(key) != want {
			t.Errorf("IsSecret(%q) = %v", key, !want)
		}
	}
	if _, err := Parse([]byte("[secrets]\nextra_keys = [\"[a-z]\"]\n"), "config.toml"); err == nil {
		t.Error("a character class pattern is accepted")
	}
}

func TestShippedConfigMatchesDefaults(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Secrets.Keys, ",") != strings.Join(Default().Secrets.Keys, ",") {
		t.Errorf("config.toml [secrets] keys differ from the defaults:\n%q\n%q", c.Secrets.Keys, Default().Secrets.Keys)
	}
}

func TestLookupPass(t *testing.T) {
	base := "[[lookups.command]]\nname = \"dig\"\ntypes = [\"*\"]\n"
	for _, c := range []struct{ text, err string }{
		{base + "argv = [\"dig\", \"{data}\"]\n", ""},
		{base + "argv = [\"dig\", \"--\", \"{data}\"]\npass = \"after-double-dash\"\n", ""},
		{base + "argv = [\"dig\", \"{data}\"]\npass = \"after-double-dash\"\n", "needs \"--\""},
		{base + "argv = [\"dig\", \"{data}\"]\npass = \"anything\"\n", "must be"},
	} {
		_, err := Parse([]byte(c.text), "config.toml")
		if (c.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: %v, want %q", c.text, err, c.err)
		}
	}
}
