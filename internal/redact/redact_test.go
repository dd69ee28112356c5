package redact

import (
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

func TestDefaultKeysCoverSpiderFootOptions(t *testing.T) {
	r := New(nil)
	for name, want := range map[string]bool{
		// SpiderFoot option names (modules and globals).
		"api_key": true, "apikey": true, "_socks5pwd": true, "password": true, "api_key_password": true,
		"xforce_api_key": true, "censys_api_key_secret": true, "api_key_auth_token": true, "fraudguard_api_key_password": true,
		"token": true, "secret": true, "pass": true, "pwd": true, "api-key": true, "API Key": true, "access_key_id": true,
		"shodan.api_key": true, "key": true, "aws_secret_access_key": true,
		// Ordinary options stay readable.
		"_useragent": false, "_dnsserver": false, "maxpages": false, "_socks2addr": false, "_socks3port": false,
		"_genericusers": false, "verify": false, "bypass": false, "keywords": false, "checkaffiliates": false,
	} {
		if got := r.IsSecret(name); got != want {
			t.Errorf("IsSecret(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestTableAnyDepth(t *testing.T) {
	src := `
_socks4user = "proxyuser"
_socks5pwd = "s0cks-Pa55word"
_useragent = "Mozilla/5.0"
config = {api_key = "INLINEKEY123456", url = "https://x.example/"}
shodan.api_key = "DOTTEDKEY987654"
"api key" = "SPACEDKEY111111"
empty_token = ""
use_auth = true
[[proxies]]
host = "p1.example"
password = "ARRAYPASS22222"
[sfp_fsecure_riddler]
username = "riddler@example.com"
password = "RIDDLERPASS333"
[sfp_feed]
feed = "https://feed.example/list?apikey=QUERYKEY444444&fmt=csv"
`
	var doc map[string]any
	if err := toml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	n, values := New(nil).Table(doc, nil)
	if n != 8 {
		t.Errorf("masked %d values, want 8 (socks user+pwd, inline, dotted, spaced, array, riddler user+pwd)", n)
	}
	out, err := toml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"proxyuser", "s0cks-Pa55word", "INLINEKEY123456", "DOTTEDKEY987654", "SPACEDKEY111111",
		"ARRAYPASS22222", "riddler@example.com", "RIDDLERPASS333", "QUERYKEY444444"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("%s still in masked settings:\n%s", secret, out)
		}
	}
	for _, kept := range []string{"Mozilla/5.0", "https://x.example/", "p1.example", "use_auth = true", "fmt=csv"} {
		if !strings.Contains(string(out), kept) {
			t.Errorf("%q lost from masked settings:\n%s", kept, out)
		}
	}
	if len(values) != 8 {
		t.Errorf("secret values = %q", values)
	}
}

func TestMaskerText(t *testing.T) {
	r := New(nil)
	m := r.Masker([]string{"3f9a1c0d5e7b2a4c", "p@ss word/1", "true", "abc"})
	for in, want := range map[string]string{
		"Fetching: https://api.example/v1?api_key=ZZZ999&q=x.example": "Fetching: https://api.example/v1?api_key=[masked]&q=x.example",
		"GET https://h/p?q=1&token=abc#frag":                          "GET https://h/p?q=1&token=[masked]#frag",
		"https://h/p;jsessionid=ABCDEF?x=1":                           "https://h/p;jsessionid=[masked]?x=1",
		"https://h/p?API-Key=k1&key=k2&keyword=ok":                    "https://h/p?API-Key=[masked]&key=[masked]&keyword=ok",
		"https://h/p?api%5Fkey=k1":                                    "https://h/p?api%5Fkey=[masked]",
		"socks5://scan:hunter22@proxy:1080/ and ftp://anon@h/":        "socks5://scan:[masked]@proxy:1080/ and ftp://anon@h/",
		"header X=3f9a1c0d5e7b2a4c in text":                           "header X=[masked] in text",
		"/feed/3f9a1c0d5e7b2a4c/list":                                 "/feed/[masked]/list",
		"q=p%40ss+word%2F1":                                           "q=[masked]",
		"plain value true abc":                                        "plain value true abc",
		"a=b c=d":                                                     "a=b c=d",
		"x?token=[masked]":                                            "x?token=[masked]",
	} {
		if got := m.String(in); got != want {
			t.Errorf("String(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	var nilMasker *Masker
	if nilMasker.String("?api_key=1") != "?api_key=1" {
		t.Error("nil masker changed text")
	}
}

func TestSettingsFile(t *testing.T) {
	src := []byte("[global]\n_socks5pwd = \"SOCKSPW0RD\"\n[modules.sfp_shodan]\napi_key = \"SHODANKEY01\"\nurl = \"https://x/SHODANKEY01/\"\n")
	out, n, err := New(nil).SettingsFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || strings.Contains(string(out), "SOCKSPW0RD") || strings.Contains(string(out), "SHODANKEY01") {
		t.Errorf("masked %d:\n%s", n, out)
	}
	if _, _, err := New(nil).SettingsFile([]byte("not toml =")); err == nil {
		t.Error("a broken file is not an error")
	}
}

func BenchmarkMaskerString(b *testing.B) {
	m := New(nil).Masker([]string{"3f9a1c0d5e7b2a4c", "0123456789abcdef0123", "hunter2hunter2", "scanproxy"})
	values := []string{"www.example.com", "192.0.2.44", "https://www.example.com/login?next=/home", "admin@example.com",
		"Fetching: https://api.example/v1?api_key=ZZZ999&q=x.example", "Server: nginx/1.18.0 (Ubuntu)"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = m.String(values[i%len(values)])
	}
}
