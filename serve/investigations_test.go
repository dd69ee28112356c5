package serve

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// invActions implements every action: false positives, investigations
// and lookups.
type invActions struct {
	fakeActions
	mu      sync.Mutex
	inv     []investigationRequest
	lookups []lookupRequest
}

func (a *invActions) SetInvestigation(_ context.Context, scan, name string, member bool) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.inv = append(a.inv, investigationRequest{scan, name, member})
	if !member && name == "not-in" {
		return "the scan is not in investigation not-in", nil
	}
	return "", nil
}

func (a *invActions) Lookups() []LookupInfo {
	return []LookupInfo{{Name: "example", Label: "Example", Types: []string{"*"}, Kinds: []string{"manual"}}}
}

func (a *invActions) Lookup(_ context.Context, scan, element, name string) (LookupResult, string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.lookups = append(a.lookups, lookupRequest{scan, element, name})
	if scan == "automated" {
		return LookupResult{}, "lookups run on manual scans only", nil
	}
	return LookupResult{Added: 3, Message: "3 new children"}, "", nil
}

// startWith serves an empty site with the given actions.
func startWith(t *testing.T, acts Actions) (*Server, string) {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "index.html"), []byte("<p>scans</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	return serveSite(t, site, acts)
}

// TestWriteEndpointsRefuseForeignRequests: the investigation and lookup
// endpoints take only what the false-positive endpoint takes: a JSON POST
// from the server's own pages carrying the token.
func TestWriteEndpointsRefuseForeignRequests(t *testing.T) {
	acts := &invActions{}
	s, base := startWith(t, acts)
	ok := map[string]string{"Origin": base, "X-SR-Token": s.Token(), "Content-Type": "application/json"}
	with := func(k, v string) map[string]string {
		h := map[string]string{}
		for a, b := range ok {
			h[a] = b
		}
		if v == "" {
			delete(h, k)
		} else {
			h[k] = v
		}
		return h
	}
	for _, ep := range []struct {
		path, body, bad, badCode string
	}{
		{InvestigationPath, `{"scan":"s1","investigation":"acme","member":true}`, `{"scan":"s1","investigation":"","member":true}`, ""},
		{LookupPath, `{"scan":"s1","element":"e1","lookup":"example"}`, `{"scan":"s1","element":"","lookup":"example"}`, ""},
	} {
		for _, c := range []struct {
			name string
			hdr  map[string]string
			body string
			code int
		}{
			{"ok", ok, ep.body, 200},
			{"other origin", with("Origin", "http://evil.example"), ep.body, 403},
			{"null origin", with("Origin", "null"), ep.body, 403},
			{"no origin, cross-site fetch", with("Origin", ""), ep.body, 403},
			{"no token", with("X-SR-Token", ""), ep.body, 403},
			{"wrong token", with("X-SR-Token", strings.Repeat("0", len(s.Token()))), ep.body, 403},
			{"token in the URL", with("X-SR-Token", ""), ep.body, 403},
			{"form post", with("Content-Type", "application/x-www-form-urlencoded"), ep.body, 415},
			{"text/plain (no-CORS)", with("Content-Type", "text/plain"), ep.body, 415},
			{"unknown field", ok, strings.TrimSuffix(ep.body, "}") + `,"x":1}`, 400},
			{"not JSON", ok, "scan=s1", 400},
			{"missing names", ok, ep.bad, 400},
			{"too big", ok, `{"scan":"` + strings.Repeat("x", MaxBody) + `"}`, 400},
			{"other host", with("Host", "evil.example"), ep.body, 421},
		} {
			url := base + ep.path
			if c.name == "token in the URL" {
				url += "?token=" + s.Token()
			}
			if c.name == "no origin, cross-site fetch" {
				c.hdr["Sec-Fetch-Site"] = "cross-site"
			}
			resp, got := do(t, "POST", url, c.hdr, c.body)
			if resp.StatusCode != c.code {
				t.Errorf("%s %s: %d %s, want %d", ep.path, c.name, resp.StatusCode, got, c.code)
			}
		}
		if resp, _ := do(t, "GET", base+ep.path, ok, ""); resp.StatusCode != 405 && resp.StatusCode != 404 {
			t.Errorf("GET %s: %d", ep.path, resp.StatusCode)
		}
	}
	acts.mu.Lock()
	defer acts.mu.Unlock()
	if len(acts.inv) != 1 || acts.inv[0] != (investigationRequest{"s1", "acme", true}) {
		t.Errorf("investigation actions called: %+v", acts.inv)
	}
	if len(acts.lookups) != 1 || acts.lookups[0] != (lookupRequest{"s1", "e1", "example"}) {
		t.Errorf("lookup actions called: %+v", acts.lookups)
	}
}

func TestInvestigationAndLookupReplies(t *testing.T) {
	acts := &invActions{}
	s, base := startWith(t, acts)
	ok := map[string]string{"Origin": base, "X-SR-Token": s.Token(), "Content-Type": "application/json"}
	resp, got := do(t, "POST", base+InvestigationPath, ok, `{"scan":"s1","investigation":"not-in","member":false}`)
	if resp.StatusCode != 409 || !strings.Contains(got, `"refused":true`) || !strings.Contains(got, "not in investigation") {
		t.Errorf("refusal: %d %s", resp.StatusCode, got)
	}
	resp, got = do(t, "POST", base+LookupPath, ok, `{"scan":"s1","element":"ROOT","lookup":"example"}`)
	var r struct {
		OK    bool `json:"ok"`
		Added int  `json:"added"`
	}
	if err := json.Unmarshal([]byte(got), &r); resp.StatusCode != 200 || err != nil || !r.OK || r.Added != 3 {
		t.Errorf("lookup: %d %s", resp.StatusCode, got)
	}
	resp, got = do(t, "POST", base+LookupPath, ok, `{"scan":"automated","element":"ROOT","lookup":"example"}`)
	if resp.StatusCode != 409 || !strings.Contains(got, "manual scans only") {
		t.Errorf("lookup refusal: %d %s", resp.StatusCode, got)
	}

	// live.js names the endpoints and the lookups.
	_, js := do(t, "GET", base+LivePath, nil, "")
	var cfg map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(js, "window.__srLive="), ";\n")), &cfg); err != nil {
		t.Fatalf("live.js %q: %v", js, err)
	}
	if cfg["investigation"] != InvestigationPath || cfg["lookup"] != LookupPath {
		t.Errorf("live.js: %v", cfg)
	}
	if l, _ := cfg["lookups"].([]any); len(l) != 1 {
		t.Errorf("live.js lookups: %v", cfg["lookups"])
	}
}

// A server whose actions offer neither investigations nor lookups says so.
func TestEndpointsUnavailable(t *testing.T) {
	s, base := startWith(t, &fakeActions{})
	ok := map[string]string{"Origin": base, "X-SR-Token": s.Token(), "Content-Type": "application/json"}
	if resp, _ := do(t, "POST", base+InvestigationPath, ok, `{"scan":"s1","investigation":"a","member":true}`); resp.StatusCode != 501 {
		t.Errorf("investigation: %d", resp.StatusCode)
	}
	if resp, _ := do(t, "POST", base+LookupPath, ok, `{"scan":"s1","element":"e1","lookup":"x"}`); resp.StatusCode != 501 {
		t.Errorf("lookup: %d", resp.StatusCode)
	}
	_, js := do(t, "GET", base+LivePath, nil, "")
	if strings.Contains(js, "lookup") || strings.Contains(js, "investigation") {
		t.Errorf("live.js offers what is not there: %s", js)
	}
}
