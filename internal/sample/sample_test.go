package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/internal/testread"
	"github.com/scanreport/scanreport/scan"
)

func noProblems(t *testing.T, s *testread.ScanFiles) {
	t.Helper()
	for _, p := range s.Problems {
		t.Errorf("problem: %s", p)
	}
}

// checkTree checks that ROOT comes first, ids are unique, every source is
// an earlier element, and generated times never go back. It returns the
// depth of each element (ROOT 0) and the number of children.
func checkTree(t *testing.T, s *testread.ScanFiles) (depth map[string]int, children map[string]int) {
	t.Helper()
	if len(s.Elements) == 0 || s.Elements[0].ID != scan.RootID || s.Elements[0].Type != scan.RootID {
		t.Fatalf("first element is not ROOT")
	}
	if s.Elements[0].Data != s.Meta.Target {
		t.Errorf("ROOT data %q, target %q", s.Elements[0].Data, s.Meta.Target)
	}
	depth = map[string]int{scan.RootID: 0}
	children = map[string]int{}
	last := s.Elements[0].Generated
	for i, e := range s.Elements[1:] {
		if _, dup := depth[e.ID]; dup {
			t.Fatalf("element %d: duplicate id %q", i+1, e.ID)
		}
		d, ok := depth[e.Source]
		if !ok {
			t.Fatalf("element %q: source %q is not an earlier element", e.ID, e.Source)
		}
		depth[e.ID] = d + 1
		children[e.Source]++
		if e.Generated.Before(last) {
			t.Errorf("element %q: generated %v before the previous element's %v", e.ID, e.Generated, last)
		}
		last = e.Generated
	}
	return depth, children
}

func maxDepth(depth map[string]int) int {
	m := 0
	for _, d := range depth {
		m = max(m, d)
	}
	return m
}

func riskyTypes(s *testread.ScanFiles) map[string]int {
	r, err := eltypes.NewRisky(eltypes.DefaultRiskyTypes, 0)
	if err != nil {
		panic(err)
	}
	out := map[string]int{}
	for _, e := range s.Elements {
		if r.Type(e.Type) {
			out[e.Type]++
		}
	}
	return out
}

func TestWriteSamples(t *testing.T) {
	root := t.TempDir()
	if err := WriteSamples(root); err != nil {
		t.Fatal(err)
	}
	r, err := scan.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := r.List(func(p scan.Problem) { t.Errorf("list: %s", p) })
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(samples) {
		t.Fatalf("listed %v, want %d scans", ids, len(samples))
	}
	cat := eltypes.MustLoad()
	for _, o := range samples {
		t.Run(o.ID, func(t *testing.T) {
			s := testread.Scan(t, root, o.ID)
			noProblems(t, s)
			m := s.Meta
			if m.Name != o.Name || m.Target != o.Target || m.Kind != o.Kind || m.Status != o.Status {
				t.Errorf("meta = %+v, options %+v", m, o)
			}
			if m.TargetType != TargetType(o.Target) {
				t.Errorf("target type %q", m.TargetType)
			}
			if !m.Started.Equal(o.Start) || !m.Created.Before(m.Started) {
				t.Errorf("created %v started %v, start %v", m.Created, m.Started, o.Start)
			}
			if m.Done() != !m.Ended.IsZero() {
				t.Errorf("status %s with ended %v", m.Status, m.Ended)
			}
			if len(s.Elements) != o.Elements+1 {
				t.Errorf("%d elements read, want %d + ROOT", len(s.Elements)-1, o.Elements)
			}
			depth, children := checkTree(t, s)
			if e := s.Elements[1]; e.Type != m.TargetType || e.Data != o.Target || e.Module != firstModule || e.Source != scan.RootID {
				t.Errorf("first event %+v", e)
			}
			for _, e := range s.Elements {
				if !cat.Lookup(e.Type).Known {
					t.Errorf("element %s: unknown type %q", e.ID, e.Type)
				}
				if !m.Ended.IsZero() && e.Generated.After(m.Ended) {
					t.Errorf("element %s generated after the scan ended", e.ID)
				}
			}
			if len(s.Log) < 10 {
				t.Errorf("%d log lines", len(s.Log))
			}
			if len(s.Settings.Global) < 5 || len(s.Settings.Modules) != len(m.Modules) {
				t.Errorf("settings: %d global, %d modules for %d enabled", len(s.Settings.Global), len(s.Settings.Modules), len(m.Modules))
			}
			if got := len(s.Review); got != o.FalsePositives {
				t.Errorf("%d decisions, want %d", got, o.FalsePositives)
			}
			for _, d := range s.Review {
				if d.Op != scan.OpFPSet || children[d.Element] == 0 || d.Element == "e1" {
					t.Errorf("decision %+v: want fp-set on a generated element with children", d)
				}
				if d.Time.Before(m.Ended) {
					t.Errorf("decision at %v, before the scan ended", d.Time)
				}
			}
			if (o.Notes != "") != (s.Notes != nil) || string(s.Notes) != o.Notes {
				t.Errorf("notes %q", s.Notes)
			}
			if o.Elements >= 1000 {
				if d := maxDepth(depth); d < 5 {
					t.Errorf("max depth %d", d)
				}
				if rt := riskyTypes(s); len(rt) < 5 {
					t.Errorf("risky types %v", rt)
				}
			}
		})
	}
}

func TestAcmeSample(t *testing.T) {
	root := t.TempDir()
	o := samples[0]
	if err := Write(root, o); err != nil {
		t.Fatal(err)
	}
	s := testread.Scan(t, root, o.ID)
	depth, _ := checkTree(t, s)
	if d := maxDepth(depth); d < 5 {
		t.Errorf("max depth %d, want at least 5", d)
	}
	t.Logf("max depth %d, %d log lines", maxDepth(depth), len(s.Log))
	types := map[string]int{}
	var withRisk, lowConf, sfurl, multiline, long int
	for _, e := range s.Elements {
		types[e.Type]++
		if e.Risk > 0 {
			withRisk++
		}
		if e.Confidence < 100 {
			lowConf++
		}
		if strings.Contains(e.Data, "<SFURL>") && strings.Contains(e.Data, "</SFURL>") {
			sfurl++
		}
		if strings.Contains(e.Data, "\n") {
			multiline++
		}
		if len(e.Data) > 500 {
			long++
		}
	}
	for _, typ := range []string{
		"INTERNET_NAME", "DOMAIN_NAME", "IP_ADDRESS", "TCP_PORT_OPEN", "TCP_PORT_OPEN_BANNER", "NETBLOCK_OWNER",
		"BGP_AS_OWNER", "GEOINFO", "PROVIDER_HOSTING", "LINKED_URL_INTERNAL", "LINKED_URL_EXTERNAL", "HTTP_CODE",
		"WEBSERVER_BANNER", "WEBSERVER_HTTPHEADERS", "WEBSERVER_TECHNOLOGY", "EMAILADDR", "URL_FORM", "URL_JAVASCRIPT",
		"TARGET_WEB_CONTENT", "SSL_CERTIFICATE_ISSUED", "SSL_CERTIFICATE_ISSUER", "SSL_CERTIFICATE_EXPIRED",
		"DOMAIN_REGISTRAR", "DOMAIN_WHOIS", "AFFILIATE_INTERNET_NAME", "CO_HOSTED_SITE", "SIMILARDOMAIN", "HUMAN_NAME",
		"PHONE_NUMBER", "ACCOUNT_EXTERNAL_OWNED", "SOFTWARE_USED", "RAW_DNS_RECORDS", "PROVIDER_DNS", "PROVIDER_MAIL",
		"DNS_TEXT", "DNS_SPF", "MALICIOUS_IPADDR", "MALICIOUS_INTERNET_NAME", "BLACKLISTED_IPADDR",
		"VULNERABILITY_CVE_HIGH", "VULNERABILITY_CVE_CRITICAL", "VULNERABILITY_CVE_MEDIUM", "EMAILADDR_COMPROMISED",
		"PASSWORD_COMPROMISED", "CLOUD_STORAGE_BUCKET_OPEN",
	} {
		if types[typ] == 0 {
			t.Errorf("no %s element", typ)
		}
	}
	if withRisk == 0 || lowConf == 0 || sfurl == 0 || multiline == 0 || long == 0 {
		t.Errorf("risk %d, confidence<100 %d, SFURL %d, multi-line %d, long %d", withRisk, lowConf, sfurl, multiline, long)
	}
	// Addresses are reached from several hosts.
	ips := map[string]int{}
	for _, e := range s.Elements {
		if e.Type == "IP_ADDRESS" {
			ips[e.Data]++
		}
	}
	if len(ips) == 0 || len(ips) >= types["IP_ADDRESS"] {
		t.Errorf("%d IP_ADDRESS elements with %d distinct values: want duplicates", types["IP_ADDRESS"], len(ips))
	}
	levels := map[string]int{}
	for _, l := range s.Log {
		levels[l.Level]++
	}
	for _, lv := range []string{scan.LevelStatus, scan.LevelInfo, scan.LevelWarning, scan.LevelError, scan.LevelDebug} {
		if levels[lv] == 0 {
			t.Errorf("no %s log line: %v", lv, levels)
		}
	}
	if last := s.Log[len(s.Log)-1]; last.Level != scan.LevelStatus || !strings.Contains(last.Message, "completed") {
		t.Errorf("last log line %+v", last)
	}
	var secrets int
	for _, ms := range s.Settings.Modules {
		for _, st := range ms.Settings {
			if strings.Contains(st.Key, "api_key") || strings.Contains(st.Key, "password") {
				secrets++
			}
		}
	}
	for _, st := range s.Settings.Global {
		if strings.Contains(st.Key, "password") {
			secrets++
		}
	}
	if secrets < 4 {
		t.Errorf("%d secret settings", secrets)
	}
	for _, want := range []string{"# ", "- [x]", "- [ ]", "](https://"} {
		if !bytes.Contains(s.Notes, []byte(want)) {
			t.Errorf("notes lack %q", want)
		}
	}
	if len(s.Meta.Investigations) != 1 || s.Meta.Investigations[0] != "acme-external-2026q4" {
		t.Errorf("investigations %v", s.Meta.Investigations)
	}
}

// TestCounts writes small and odd scans and checks the exact element count.
func TestCounts(t *testing.T) {
	start := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		target string
		first  []string
	}{
		{"acme-corp.example", []string{"INTERNET_NAME", "DOMAIN_NAME"}},
		{"www.acme-corp.example", []string{"INTERNET_NAME"}},
		{"j.smith@acme-corp.example", []string{"EMAILADDR"}},
		{"203.0.113.7", []string{"IP_ADDRESS"}},
		{"2001:db8::1", []string{"IPV6_ADDRESS"}},
		{"198.51.100.0/24", []string{"NETBLOCK_OWNER"}},
		{"+1 555 0100", []string{"PHONE_NUMBER"}},
		{`"John Smith"`, []string{"HUMAN_NAME"}},
		{`"jsmith"`, []string{"USERNAME"}},
		{"AS16509", []string{"BGP_AS_OWNER"}},
	}
	for _, c := range cases {
		for _, n := range []int{1, 2, 3, 7, 60, 500} {
			root := t.TempDir()
			o := Options{ID: "s", Target: c.target, Elements: n, Seed: uint64(n), Start: start, FalsePositives: 2}
			if err := Write(root, o); err != nil {
				t.Fatalf("%s/%d: %v", c.target, n, err)
			}
			s := testread.Scan(t, root, "s")
			noProblems(t, s)
			if len(s.Elements) != n+1 {
				t.Errorf("%s/%d: %d elements besides ROOT", c.target, n, len(s.Elements)-1)
			}
			checkTree(t, s)
			for i, typ := range c.first {
				if i+1 < len(s.Elements) && (s.Elements[i+1].Type != typ || s.Elements[i+1].Source != scan.RootID) {
					t.Errorf("%s/%d: first event %d is %s from %s, want %s from ROOT", c.target, n, i, s.Elements[i+1].Type, s.Elements[i+1].Source, typ)
				}
			}
			if s.Meta.TargetType != c.first[0] {
				t.Errorf("%s: target type %s", c.target, s.Meta.TargetType)
			}
			if s.Meta.Name != "s" || s.Meta.Status != scan.StatusFinished || s.Meta.Kind != scan.KindAutomated {
				t.Errorf("defaults: %+v", s.Meta)
			}
			if len(s.Log) < 10 {
				t.Errorf("%s/%d: %d log lines", c.target, n, len(s.Log))
			}
		}
	}
}

func TestStatuses(t *testing.T) {
	start := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for _, st := range []string{scan.StatusRunning, scan.StatusFinished, scan.StatusAborted, scan.StatusErrorFailed, scan.StatusAbortRequested} {
		root := t.TempDir()
		o := Options{ID: "s", Target: "acme-corp.example", Status: st, Elements: 300, Seed: 3, Start: start, FalsePositives: 2}
		if err := Write(root, o); err != nil {
			t.Fatal(err)
		}
		s := testread.Scan(t, root, "s")
		noProblems(t, s)
		if s.Meta.Status != st {
			t.Errorf("status %s, want %s", s.Meta.Status, st)
		}
		final := s.Meta.Done()
		if final == s.Meta.Ended.IsZero() {
			t.Errorf("%s: ended %v", st, s.Meta.Ended)
		}
		if want := map[bool]int{true: 2, false: 0}[final]; len(s.Review) != want {
			t.Errorf("%s: %d decisions, want %d", st, len(s.Review), want)
		}
	}
}

func TestErrors(t *testing.T) {
	root := t.TempDir()
	if err := Write(root, Options{ID: "s", Target: "x.example", Elements: 0}); err == nil {
		t.Error("0 elements accepted")
	}
	if err := Write(root, Options{ID: "../s", Target: "x.example", Elements: 5}); err == nil {
		t.Error("bad id accepted")
	}
	if err := Write(root, Options{ID: "s", Elements: 5}); err == nil {
		t.Error("empty target accepted")
	}
	if err := Write(root, Options{ID: "s", Target: "x.example", Elements: 5}); err != nil {
		t.Fatal(err)
	}
	if err := Write(root, Options{ID: "s", Target: "x.example", Elements: 5}); err == nil {
		t.Error("existing scan overwritten")
	}
}

func sameFiles(t *testing.T, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%d files and %d files", len(a), len(b))
	}
	for name, x := range a {
		y, ok := b[name]
		if !ok {
			t.Errorf("%s missing in the second run", name)
		} else if x != y {
			t.Errorf("%s differs between runs", name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	write := func() map[string]string {
		root := t.TempDir()
		if err := WriteSamples(root); err != nil {
			t.Fatal(err)
		}
		if err := WriteXSS(root, "xss"); err != nil {
			t.Fatal(err)
		}
		o := Options{ID: "big", Name: "Big", Target: "big.example", Status: scan.StatusFinished, Elements: 20000,
			Seed: 99, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Notes: "# n\n", FalsePositives: 4,
			Investigations: []string{"a", "b"}}
		if err := Write(root, o); err != nil {
			t.Fatal(err)
		}
		return testread.Files(t, root)
	}
	a, b := write(), write()
	if len(a) < 20 {
		t.Fatalf("only %d files written", len(a))
	}
	sameFiles(t, a, b)

	// Another seed gives another scan.
	root := t.TempDir()
	o := samples[0]
	o.Seed++
	if err := Write(root, o); err != nil {
		t.Fatal(err)
	}
	other := testread.Files(t, root)
	if other[o.ID+"/elements.jsonl"] == a[o.ID+"/elements.jsonl"] {
		t.Error("a different seed wrote the same elements")
	}
}

// TestMixAtScale checks that proportions hold for a larger scan.
func TestMixAtScale(t *testing.T) {
	n := 200000
	if testing.Short() {
		n = 30000
	}
	root := t.TempDir()
	o := Options{ID: "big", Target: "acme-corp.example", Elements: n, Seed: 7, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	if err := Write(root, o); err != nil {
		t.Fatal(err)
	}
	s := testread.Scan(t, root, "big")
	noProblems(t, s)
	depth, _ := checkTree(t, s)
	types := map[string]int{}
	values := map[string]map[string]bool{}
	for _, e := range s.Elements {
		types[e.Type]++
		if e.Type == "IP_ADDRESS" || e.Type == "INTERNET_NAME" || e.Type == "LINKED_URL_INTERNAL" {
			if values[e.Type] == nil {
				values[e.Type] = map[string]bool{}
			}
			values[e.Type][e.Data] = true
		}
	}
	share := func(typ string) float64 { return float64(types[typ]) / float64(n) }
	for _, c := range []struct {
		typ    string
		lo, hi float64
	}{
		{"LINKED_URL_INTERNAL", 0.15, 0.35}, {"INTERNET_NAME", 0.04, 0.12}, {"IP_ADDRESS", 0.04, 0.10},
		{"TCP_PORT_OPEN", 0.03, 0.09}, {"HTTP_CODE", 0.04, 0.12}, {"EMAILADDR", 0.005, 0.04},
	} {
		if f := share(c.typ); f < c.lo || f > c.hi {
			t.Errorf("%s is %.3f of the elements, want %.2f–%.2f", c.typ, f, c.lo, c.hi)
		}
	}
	var risky int
	for _, c := range riskyTypes(s) {
		risky += c
	}
	if f := float64(risky) / float64(n); f < 0.01 || f > 0.06 {
		t.Errorf("risky share %.3f", f)
	}
	if d := maxDepth(depth); d < 8 {
		t.Errorf("max depth %d", d)
	}
	if u := len(values["IP_ADDRESS"]); u < n/100 || u >= types["IP_ADDRESS"] {
		t.Errorf("%d distinct addresses of %d", u, types["IP_ADDRESS"])
	}
	if u := len(values["INTERNET_NAME"]); u < n/50 {
		t.Errorf("%d distinct host names", u)
	}
	perLog := float64(n) / float64(len(s.Log))
	if perLog < 20 || perLog > 50 {
		t.Errorf("one log line per %.1f elements", perLog)
	}
	span := s.Elements[len(s.Elements)-1].Generated.Sub(s.Elements[0].Generated)
	if span < time.Hour {
		t.Errorf("scan spans %v", span)
	}
}

func TestTargetType(t *testing.T) {
	for in, want := range map[string]string{
		"acme-corp.example": "INTERNET_NAME", "a@b.example": "EMAILADDR", "1.2.3.4": "IP_ADDRESS",
		"::1": "IPV6_ADDRESS", "10.0.0.0/8": "NETBLOCK_OWNER", "2001:db8::/32": "NETBLOCKV6_OWNER",
		"+44 20 7946 0000": "PHONE_NUMBER", `"Jane Doe"`: "HUMAN_NAME", `"jdoe"`: "USERNAME", "AS13335": "BGP_AS_OWNER",
	} {
		if got := TargetType(in); got != want {
			t.Errorf("TargetType(%q) = %s, want %s", in, got, want)
		}
	}
}

// BenchmarkWrite1M writes a scan of 1,000,000 elements. Skipped with -short.
func BenchmarkWrite1M(b *testing.B) {
	if testing.Short() {
		b.Skip("-short")
	}
	o := Options{ID: "bench", Name: "Benchmark", Target: "acme-corp.example", Status: scan.StatusFinished,
		Elements: 1_000_000, Seed: 1, Start: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), FalsePositives: 3}
	var size int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		root := b.TempDir()
		b.StartTimer()
		if err := Write(root, o); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		size = 0
		for _, f := range []string{scan.ElementsFile, scan.LogFile} {
			st, err := os.Stat(filepath.Join(root, o.ID, f))
			if err != nil {
				b.Fatal(err)
			}
			size += st.Size()
		}
		os.RemoveAll(root)
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/1e6, "MB/scan")
}
