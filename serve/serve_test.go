package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

type fakeActions struct {
	mu    sync.Mutex
	calls []fpRequest
}

func (f *fakeActions) SetFP(_ context.Context, scan string, ids []string, fp bool) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fpRequest{scan, ids, fp})
	if scan == "running" {
		return "this scan is RUNNING", nil
	}
	return "", nil
}

// start serves a small site on a loopback port.
func start(t *testing.T) (*Server, string, *fakeActions) {
	t.Helper()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	for rel, body := range map[string]string{
		"index.html": "<p>scans</p>", "scans/a/index.html": "<p>a</p>", "scans/a/data/m.js": "m()",
		"assets/app.1.js": "js", ".scanreport-site": "marker", "scans/a/downloads/a.gexf": "<gexf/>",
	} {
		p := filepath.Join(site, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(site, "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(site, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	acts := &fakeActions{}
	s, base := serveSite(t, site, acts)
	return s, base, acts
}

// serveSite serves site with acts on a loopback port until the test ends;
// it returns the server and its base URL.
func serveSite(t *testing.T, site string, acts Actions) (*Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	s, err := New(Options{Site: site, Addr: addr, Hosts: LoopbackHosts(port), Actions: acts, HeaderTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		s.Close()
	})
	return s, "http://" + addr
}

func do(t *testing.T, method, url string, hdr map[string]string, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestFiles(t *testing.T) {
	_, base, _ := start(t)
	for _, c := range []struct {
		method, path string
		code         int
		body         string
	}{
		{"GET", "/", 200, "<p>scans</p>"},
		{"GET", "/index.html", 200, "<p>scans</p>"},
		{"GET", "/scans/a/index.html", 200, "<p>a</p>"},
		{"GET", "/scans/a/", 200, "<p>a</p>"},
		{"HEAD", "/scans/a/data/m.js", 200, ""},
		{"GET", "/empty/", 404, ""},
		{"GET", "/scans/", 404, ""},
		{"GET", "/../secret.txt", 404, ""},
		{"GET", "/%2e%2e/secret.txt", 404, ""},
		{"GET", "/leak.txt", 404, ""},
		{"GET", "/.scanreport-site", 404, ""},
		{"GET", "/nope.html", 404, ""},
		{"POST", "/index.html", 405, ""},
		{"GET", "/_sr/other", 404, ""},
	} {
		resp, body := do(t, c.method, base+c.path, nil, "")
		if resp.StatusCode != c.code || (c.body != "" && body != c.body) {
			t.Errorf("%s %s: %d %q, want %d %q", c.method, c.path, resp.StatusCode, body, c.code, c.body)
		}
		if resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: security headers missing", c.method, c.path)
		}
	}
	resp, _ := do(t, "GET", base+"/assets/app.1.js", nil, "")
	if !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("asset headers: %v", resp.Header)
	}
	resp, _ = do(t, "GET", base+"/scans/a/downloads/a.gexf", nil, "")
	if resp.Header.Get("Content-Type") != "application/gexf+xml" || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("download headers: %v", resp.Header)
	}
}

// A page on another site whose name was rebound to 127.0.0.1 sends its own
// name as Host: refused.
func TestHostCheck(t *testing.T) {
	_, base, _ := start(t)
	port := base[strings.LastIndex(base, ":")+1:]
	for host, want := range map[string]int{"evil.example:" + port: 421, "evil.example": 421, "localhost:" + port: 200, "127.0.0.1:" + port: 200} {
		resp, _ := do(t, "GET", base+"/index.html", map[string]string{"Host": host}, "")
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// TestHostHeaderNotRequestLine: an absolute-form request line naming the
// server's own address cannot stand in for the Host header.
func TestHostHeaderNotRequestLine(t *testing.T) {
	_, base, _ := start(t)
	addr := strings.TrimPrefix(base, "http://")
	for _, c := range []struct {
		req  string
		want string
	}{
		{"GET " + base + "/index.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", " 400 "},
		{"GET " + base + "/index.html HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n\r\n", " 400 "},
		{"GET /index.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", " 421 "},
		{"GET /index.html HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n\r\n", " 200 "},
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Write([]byte(c.req)); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(conn).ReadString('\n')
		conn.Close()
		if err != nil || !strings.Contains(line, c.want) {
			t.Errorf("%q: status line %q (%v), want %q", strings.SplitN(c.req, "\r\n", 3)[:2], line, err, c.want)
		}
	}
}

func TestFalsePositiveRequests(t *testing.T) {
	s, base, acts := start(t)
	origin := base
	ok := map[string]string{"Origin": origin, "X-SR-Token": s.Token(), "Content-Type": "application/json"}
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
	body := `{"scan":"done","ids":["e1","e2"],"fp":true}`
	for _, c := range []struct {
		name string
		hdr  map[string]string
		body string
		code int
	}{
		{"ok", ok, body, 200},
		{"refused by the rules", ok, `{"scan":"running","ids":["e1"],"fp":true}`, 409},
		{"other origin", with("Origin", "http://evil.example"), body, 403},
		{"no origin", with("Origin", ""), body, 403},
		{"same-origin by fetch metadata", with("Origin", "") /* plus Sec-Fetch-Site below */, body, 200},
		{"no token", with("X-SR-Token", ""), body, 403},
		{"wrong token", with("X-SR-Token", "x"), body, 403},
		{"form post", with("Content-Type", "application/x-www-form-urlencoded"), body, 415},
		{"unknown field", ok, `{"scan":"done","ids":["e1"],"fp":true,"x":1}`, 400},
		{"no ids", ok, `{"scan":"done","ids":[],"fp":true}`, 400},
		{"too big", ok, `{"scan":"done","ids":["` + strings.Repeat("x", MaxBody) + `"],"fp":true}`, 400},
	} {
		if c.name == "same-origin by fetch metadata" {
			c.hdr["Sec-Fetch-Site"] = "same-origin"
		}
		resp, got := do(t, "POST", base+FPPath, c.hdr, c.body)
		if resp.StatusCode != c.code {
			t.Errorf("%s: %d %s, want %d", c.name, resp.StatusCode, got, c.code)
		}
		if c.code == 409 && !strings.Contains(got, "RUNNING") {
			t.Errorf("refusal text not passed on: %s", got)
		}
	}
	if resp, _ := do(t, "GET", base+FPPath, ok, ""); resp.StatusCode != 405 && resp.StatusCode != 404 {
		t.Errorf("GET on the API: %d", resp.StatusCode)
	}
	acts.mu.Lock()
	defer acts.mu.Unlock()
	if len(acts.calls) != 3 || acts.calls[0].Scan != "done" || len(acts.calls[0].IDs) != 2 {
		t.Errorf("actions called: %+v", acts.calls)
	}
}

func TestLiveConfigAndEvents(t *testing.T) {
	s, base, _ := start(t)
	_, js := do(t, "GET", base+LivePath, nil, "")
	if !strings.Contains(js, s.Token()) || !strings.HasPrefix(js, "window.__srLive=") {
		t.Errorf("live.js = %q", js)
	}
	req, _ := http.NewRequest("GET", base+EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	r := bufio.NewReader(resp.Body)
	readEvent := func() string {
		var lines []string
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if l == "\n" {
				return strings.Join(lines, "")
			}
			lines = append(lines, l)
		}
	}
	if ev := readEvent(); !strings.Contains(ev, "event: hello") {
		t.Fatalf("first event %q", ev)
	}
	s.Notify(Event{Scans: []string{"a"}, Paths: []string{"scans/a/data/manifest.js"}})
	if ev := readEvent(); !strings.Contains(ev, "event: change") || !strings.Contains(ev, `"scans":["a"]`) || !strings.Contains(ev, "id: 1") {
		t.Errorf("change event %q", ev)
	}
}

// A client that sends half its headers and stops is cut off.
func TestSlowClient(t *testing.T) {
	_, base, _ := start(t)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n")); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn)
	if time.Since(start) > 3*time.Second {
		t.Errorf("slow client held the connection for %s (%v)", time.Since(start), err)
	}
}

// TestRevalidation checks that a file rewritten within the same second is
// not answered "304 Not Modified" to a browser holding the old copy:
// Last-Modified has whole seconds, the ETag does not.
func TestRevalidation(t *testing.T) {
	s, base, _ := start(t)
	get := func(etag, since string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", base+"/scans/a/data/m.js", nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		if since != "" {
			req.Header.Set("If-Modified-Since", since)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
		return r
	}
	first := get("", "")
	etag, mod := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
	if etag == "" || first.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, first.Header.Get("Cache-Control"))
	}
	if r := get(etag, mod); r.StatusCode != http.StatusNotModified {
		t.Errorf("unchanged file: %d, want 304", r.StatusCode)
	}
	// Rewrite it at the same second (keep the mtime's second).
	p := filepath.Join(s.o.Site, "scans", "a", "data", "m.js")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("m(2)"), 0o644); err != nil {
		t.Fatal(err)
	}
	same := st.ModTime().Truncate(time.Second).Add(500 * time.Millisecond)
	if err := os.Chtimes(p, same, same); err != nil {
		t.Fatal(err)
	}
	if r := get(etag, mod); r.StatusCode != http.StatusOK {
		t.Errorf("file rewritten within the second: %d, want 200", r.StatusCode)
	}
}

// A full build swaps a new site folder in under the same name; after the
// Full event the server serves the new folder, not the one swapped out.
func TestSiteReplaced(t *testing.T) {
	s, base, _ := start(t)
	site := s.o.Site
	fresh := site + ".build"
	if err := os.MkdirAll(fresh, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fresh, "index.html"), []byte("<p>rebuilt</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(site, site+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(fresh, site); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(site + ".old"); err != nil {
		t.Fatal(err)
	}
	// Before the Full event arrives, a request already finds the new folder.
	if resp, body := do(t, "GET", base+"/index.html", nil, ""); resp.StatusCode != 200 || body != "<p>rebuilt</p>" {
		t.Errorf("after the swap, before the event: %d %q", resp.StatusCode, body)
	}
	s.Notify(Event{Full: true})
	if resp, body := do(t, "GET", base+"/index.html", nil, ""); resp.StatusCode != 200 || body != "<p>rebuilt</p>" {
		t.Errorf("after the swap: %d %q", resp.StatusCode, body)
	}
	if resp, _ := do(t, "GET", base+"/nope.html", nil, ""); resp.StatusCode != 404 {
		t.Errorf("a missing file: %d", resp.StatusCode)
	}
}
