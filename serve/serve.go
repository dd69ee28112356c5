// Package serve is the preview server of `scanreport serve`: it serves a
// built site folder over HTTP on the loopback interface, pushes change
// events to open pages (Server-Sent Events), and takes the few state-changing
// requests the preview allows (false-positive decisions, investigation
// membership, lookups). It knows nothing
// of how the site is built: the command wires the generator to Notify and to
// Actions.
//
// Because the report shows hostile data and the server can change files,
// every request is checked: the Host header must name the served address
// (no DNS rebinding), state-changing requests must be POSTs from the same
// origin carrying the per-server token, bodies and headers are size-limited
// with timeouts, and paths are confined to the site folder (os.Root).
package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Actions are the state changes the preview server offers. Actions may
// also implement Investigator and Lookuper; the server offers what they
// implement.
type Actions interface {
	// SetFP records a false-positive decision. A decision the rules
	// refuse returns refusal (a sentence for the analyst) and no error.
	SetFP(ctx context.Context, scan string, ids []string, fp bool) (refusal string, err error)
}

// Investigator adds scans to investigations and removes them
// (docs/investigations.md).
type Investigator interface {
	// SetInvestigation adds scan to investigation (member) or removes it.
	// A request the rules refuse returns refusal and no error.
	SetInvestigation(ctx context.Context, scan, investigation string, member bool) (refusal string, err error)
}

// Lookuper runs the lookup commands of config.toml on an element of a scan
// and adds what they find as its children (docs/investigations.md).
type Lookuper interface {
	// Lookups lists the configured lookups, for the pages.
	Lookups() []LookupInfo
	// Lookup runs lookup name on element of scan. A lookup that does not
	// apply or failed returns refusal (a sentence for the analyst).
	Lookup(ctx context.Context, scan, element, name string) (res LookupResult, refusal string, err error)
}

// LookupInfo describes a lookup to the pages.
type LookupInfo struct {
	Name  string   `json:"name"`
	Label string   `json:"label"`
	Types []string `json:"types"` // element type codes; "*" for any
	Kinds []string `json:"kinds"` // scan kinds
}

// LookupResult says what a lookup added.
type LookupResult struct {
	Added   int    `json:"added"`   // new children
	Known   int    `json:"known"`   // children the element already had
	Skipped int    `json:"skipped"` // output lines that were not valid elements
	Message string `json:"message"` // for the analyst
}

// Options configure a Server.
type Options struct {
	Site    string // the site folder
	Addr    string // host:port it is served on, as the browser sees it
	Hosts   []string
	Actions Actions
	Logger  *slog.Logger
	// MaxClients bounds open event streams (default 64).
	MaxClients int
	// HeaderTimeout bounds the time to read a request's headers (default 5 s).
	HeaderTimeout time.Duration
}

// Event is a change pushed to open pages.
type Event struct {
	Gen   int      `json:"gen"`
	Scans []string `json:"scans,omitempty"`
	Paths []string `json:"paths,omitempty"`
	List  bool     `json:"list,omitempty"`
	Full  bool     `json:"full,omitempty"`
	// Behind is what the site is behind on right now (set by the server
	// on every event and in its hello, from SetBehind; empty when the site
	// is up to date), so every open page can say so.
	Behind []Behind `json:"behind"`
}

// Behind is a scan whose pages are behind its data (Scan "" for the scan
// list), why, and since when.
type Behind struct {
	Scan   string    `json:"scan,omitempty"`
	Reason string    `json:"reason"`
	Since  time.Time `json:"since,omitzero"`
}

// Paths of the server's own endpoints. LivePath is also a file of every
// built site ("window.__srLive=null", meaning no server); the server answers
// it with its own settings instead. Nothing in a site starts with "_sr".
const (
	LivePath          = "/live.js"
	EventsPath        = "/_sr/events"
	FPPath            = "/_sr/api/fp"
	InvestigationPath = "/_sr/api/investigation"
	LookupPath        = "/_sr/api/lookup"
)

// CSP is sent with every response (pages carry the same policy in a meta tag).
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"worker-src blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// MaxBody is the largest request body accepted.
const MaxBody = 1 << 20

// Server serves one site.
type Server struct {
	o     Options
	token string
	hosts map[string]bool

	rootMu sync.RWMutex
	root   *os.Root // the site folder; opened again when the site is replaced (Notify, Full)

	mu      sync.Mutex
	clients map[chan []byte]bool
	gen     int
	behind  []Behind
}

// New opens the site folder and makes a server for it. hosts are the Host
// header values accepted; o.Addr is always among them.
func New(o Options) (*Server, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MaxClients <= 0 {
		o.MaxClients = 64
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = 5 * time.Second
	}
	root, err := os.OpenRoot(o.Site)
	if err != nil {
		return nil, fmt.Errorf("open site: %w", err)
	}
	tok := make([]byte, 24)
	if _, err := rand.Read(tok); err != nil {
		root.Close()
		return nil, fmt.Errorf("make token: %w", err)
	}
	s := &Server{o: o, root: root, token: hex.EncodeToString(tok), hosts: map[string]bool{}, clients: map[chan []byte]bool{}}
	for _, h := range append([]string{o.Addr}, o.Hosts...) {
		s.hosts[strings.ToLower(h)] = true
	}
	return s, nil
}

// Close releases the site folder.
func (s *Server) Close() error {
	s.rootMu.Lock()
	defer s.rootMu.Unlock()
	return s.root.Close()
}

// open opens a file of the site folder. A file not found in a folder that
// was swapped out (a full build finished before its Full event reached
// Notify) is looked for again in the folder now at the site's path.
func (s *Server) open(name string) (*os.File, error) {
	s.rootMu.RLock()
	root := s.root
	f, err := root.Open(name)
	s.rootMu.RUnlock()
	if err == nil || !s.stale(root) {
		return f, err
	}
	if rerr := s.reopen(); rerr != nil {
		return nil, err
	}
	s.rootMu.RLock()
	defer s.rootMu.RUnlock()
	return s.root.Open(name)
}

// stale reports whether root is no longer the folder at the site's path.
func (s *Server) stale(root *os.Root) bool {
	held, err := root.Stat(".")
	if err != nil {
		return true
	}
	now, err := os.Stat(s.o.Site)
	return err == nil && !os.SameFile(held, now)
}

// reopen opens the site folder again: a full build replaced it (a new
// folder swapped in under the same name), and the old handle still points
// at the folder that was swapped out.
func (s *Server) reopen() error {
	root, err := os.OpenRoot(s.o.Site)
	if err != nil {
		return fmt.Errorf("open site again: %w", err)
	}
	s.rootMu.Lock()
	old := s.root
	s.root = root
	s.rootMu.Unlock()
	return old.Close()
}

// Token is the per-server secret state-changing requests must carry.
func (s *Server) Token() string { return s.token }

// LoopbackHosts returns the Host values that name a loopback address on
// port: 127.0.0.1, localhost and [::1].
func LoopbackHosts(port string) []string {
	return []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}
}

// Handler is the whole server.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+LivePath, s.live)
	mux.HandleFunc("GET "+EventsPath, s.events)
	mux.HandleFunc("POST "+FPPath, s.fp)
	mux.HandleFunc("POST "+InvestigationPath, s.investigation)
	mux.HandleFunc("POST "+LookupPath, s.lookup)
	mux.HandleFunc("/_sr/", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "not found", http.StatusNotFound) })
	mux.HandleFunc("/", s.file)
	return s.guard(mux)
}

// guard checks what every request must satisfy and sets the headers every
// response carries.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.URL.Host != "" || r.URL.Scheme != "" || !strings.HasPrefix(r.RequestURI, "/") {
			// An absolute-form request line (GET http://127.0.0.1:P/ HTTP/1.1)
			// makes net/http take r.Host from the URL, not from the Host
			// header (which it drops): browsers never send it to a server
			// that is not a proxy, so it is refused, and r.Host below is
			// always the Host header itself.
			s.o.Logger.Warn("request refused: absolute-form request target", "target", r.RequestURI)
			http.Error(w, "absolute-form request targets are not accepted: this is not a proxy", http.StatusBadRequest)
			return
		}
		if !s.hosts[strings.ToLower(r.Host)] {
			// A page from another site that rebound its name to 127.0.0.1.
			s.o.Logger.Warn("request refused: unknown Host", "host", r.Host, "path", r.URL.Path)
			http.Error(w, "unknown host: this server answers only to "+s.o.Addr, http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin reports whether a state-changing request comes from a page of
// this server.
func (s *Server) sameOrigin(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" {
		return o == "http://"+r.Host
	}
	// No Origin (some same-origin requests): rely on Fetch Metadata.
	return r.Header.Get("Sec-Fetch-Site") == "same-origin"
}

func (s *Server) live(w http.ResponseWriter, r *http.Request) {
	settings := map[string]any{"events": EventsPath, "fp": FPPath, "token": s.token}
	if _, ok := s.o.Actions.(Investigator); ok {
		settings["investigation"] = InvestigationPath
	}
	if l, ok := s.o.Actions.(Lookuper); ok {
		if infos := l.Lookups(); len(infos) > 0 {
			settings["lookup"], settings["lookups"] = LookupPath, infos
		}
	}
	cfg, _ := json.Marshal(settings)
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "window.__srLive=%s;\n", cfg)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch := make(chan []byte, 16)
	s.mu.Lock()
	if len(s.clients) >= s.o.MaxClients {
		s.mu.Unlock()
		http.Error(w, "too many open pages", http.StatusServiceUnavailable)
		return
	}
	s.clients[ch] = true
	hello, _ := json.Marshal(Event{Gen: s.gen, Behind: s.behindList()})
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()
	_ = rc.SetWriteDeadline(time.Time{}) // a stream lives as long as the page
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s\n\n", hello)
	if err := rc.Flush(); err != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			if _, err := w.Write(msg); err != nil {
				return
			}
		case <-ping.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// Notify sends a change to every open page. A page that cannot keep up is
// dropped (its EventSource reconnects and the page reloads what it shows).
// A Full event (the whole site was built again and swapped in) makes the
// server open the site folder again first.
func (s *Server) Notify(ev Event) {
	if ev.Full {
		// The site folder was replaced: serve the new one before pages
		// come back for it.
		if err := s.reopen(); err != nil {
			s.o.Logger.Error("site folder", "err", err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.send(ev)
}

// SetBehind says what the site is behind on (nil: nothing). Open pages are
// told when it changes; pages that connect later hear it in the hello.
func (s *Server) SetBehind(b []Behind) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Equal(b, s.behind) {
		return
	}
	s.behind = slices.Clone(b)
	s.send(Event{})
}

func (s *Server) behindList() []Behind {
	if s.behind == nil {
		return []Behind{}
	}
	return s.behind
}

// send sends ev to every open page; s.mu is held.
func (s *Server) send(ev Event) {
	s.gen++
	ev.Gen = s.gen
	ev.Behind = s.behindList()
	data, err := json.Marshal(ev)
	if err != nil {
		return
	}
	msg := []byte(fmt.Sprintf("id: %d\nevent: change\ndata: %s\n\n", ev.Gen, data))
	for ch := range s.clients {
		select {
		case ch <- msg:
		default:
			close(ch)
			delete(s.clients, ch)
		}
	}
}

type fpRequest struct {
	Scan string   `json:"scan"`
	IDs  []string `json:"ids"`
	FP   bool     `json:"fp"`
}

type apiReply struct {
	OK      bool   `json:"ok"`
	Error   string `json:"error,omitempty"`
	Refused bool   `json:"refused,omitempty"`
}

func reply(w http.ResponseWriter, code int, r apiReply) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(r)
}

// writeRequest checks what every state-changing request must satisfy (same
// origin, the token in its header, a JSON body of at most MaxBody bytes
// without unknown fields) and decodes the body into req. It answers the
// request itself and returns false when one fails.
func (s *Server) writeRequest(w http.ResponseWriter, r *http.Request, available bool, req any) bool {
	if !s.sameOrigin(r) {
		reply(w, http.StatusForbidden, apiReply{Error: "cross-origin request refused"})
		return false
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-SR-Token")), []byte(s.token)) != 1 {
		reply(w, http.StatusForbidden, apiReply{Error: "missing or wrong token"})
		return false
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		reply(w, http.StatusUnsupportedMediaType, apiReply{Error: "send application/json"})
		return false
	}
	if !available {
		reply(w, http.StatusNotImplemented, apiReply{Error: "not available"})
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(req); err != nil {
		reply(w, http.StatusBadRequest, apiReply{Error: "bad request: " + err.Error()})
		return false
	}
	return true
}

func (s *Server) fp(w http.ResponseWriter, r *http.Request) {
	var req fpRequest
	if !s.writeRequest(w, r, s.o.Actions != nil, &req) {
		return
	}
	if req.Scan == "" || len(req.IDs) == 0 || len(req.IDs) > 100000 {
		reply(w, http.StatusBadRequest, apiReply{Error: "name a scan and 1 to 100,000 elements"})
		return
	}
	refusal, err := s.o.Actions.SetFP(r.Context(), req.Scan, req.IDs, req.FP)
	s.decided(w, "false-positive", req.Scan, refusal, err)
}

// decided answers a decision request: recorded (200), refused by a rule
// (409, with the rule's text) or failed (500; the error is logged, not sent).
func (s *Server) decided(w http.ResponseWriter, what, scanID, refusal string, err error) {
	switch {
	case err != nil:
		s.o.Logger.Error(what+" decision failed", "scan", scanID, "err", err)
		// Say only what happened: a decision may be recorded and not
		// applied yet (the site is behind).
		msg := "the decision could not be recorded"
		var rec interface{ Recorded() string }
		if errors.As(err, &rec) {
			msg = rec.Recorded()
		}
		reply(w, http.StatusInternalServerError, apiReply{Error: msg})
	case refusal != "":
		reply(w, http.StatusConflict, apiReply{Error: refusal, Refused: true})
	default:
		reply(w, http.StatusOK, apiReply{OK: true})
	}
}

type investigationRequest struct {
	Scan          string `json:"scan"`
	Investigation string `json:"investigation"`
	Member        bool   `json:"member"`
}

func (s *Server) investigation(w http.ResponseWriter, r *http.Request) {
	inv, ok := s.o.Actions.(Investigator)
	var req investigationRequest
	if !s.writeRequest(w, r, ok, &req) {
		return
	}
	if req.Scan == "" || req.Investigation == "" {
		reply(w, http.StatusBadRequest, apiReply{Error: "name a scan and an investigation"})
		return
	}
	refusal, err := inv.SetInvestigation(r.Context(), req.Scan, req.Investigation, req.Member)
	s.decided(w, "investigation", req.Scan, refusal, err)
}

type lookupRequest struct {
	Scan    string `json:"scan"`
	Element string `json:"element"`
	Lookup  string `json:"lookup"`
}

type lookupReply struct {
	OK bool `json:"ok"`
	LookupResult
}

func (s *Server) lookup(w http.ResponseWriter, r *http.Request) {
	l, ok := s.o.Actions.(Lookuper)
	var req lookupRequest
	if !s.writeRequest(w, r, ok && len(l.Lookups()) > 0, &req) {
		return
	}
	if req.Scan == "" || req.Element == "" || req.Lookup == "" {
		reply(w, http.StatusBadRequest, apiReply{Error: "name a scan, an element and a lookup"})
		return
	}
	res, refusal, err := l.Lookup(r.Context(), req.Scan, req.Element, req.Lookup)
	switch {
	case err != nil:
		s.o.Logger.Error("lookup failed", "scan", req.Scan, "lookup", req.Lookup, "err", err)
		reply(w, http.StatusInternalServerError, apiReply{Error: "the lookup's results could not be recorded"})
	case refusal != "":
		reply(w, http.StatusConflict, apiReply{Error: refusal, Refused: true})
	default:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(lookupReply{OK: true, LookupResult: res})
	}
}

// file serves a file of the site. Directories are served through their
// index.html (there is no listing); nothing outside the folder is reachable,
// symlinks included.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Now().Add(5 * time.Minute))
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	if strings.HasPrefix(path.Base(name), ".") && name != "." {
		http.NotFound(w, r) // temporary and marker files
		return
	}
	f, err := s.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if st.IsDir() {
		f.Close()
		name = path.Join(name, "index.html")
		if f, err = s.open(name); err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		if st, err = f.Stat(); err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
	}
	if !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	if ct := contentType(name); ct != "" {
		h.Set("Content-Type", ct)
	}
	if strings.HasPrefix(name, "assets/") {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if strings.Contains(name, "/downloads/") {
		h.Set("Content-Disposition", "attachment; filename=\""+path.Base(name)+"\"")
	}
	// Files are rewritten many times a second while a scan runs, and
	// Last-Modified has whole seconds: a revalidation could keep a stale
	// copy. The ETag (modification time in nanoseconds and size) takes
	// precedence over it.
	h.Set("ETag", fmt.Sprintf(`"%x-%x"`, st.ModTime().UnixNano(), st.Size()))
	http.ServeContent(w, r, name, st.ModTime(), f)
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".gexf":
		return "application/gexf+xml"
	case ".jsonl":
		return "application/jsonl"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	return mime.TypeByExtension(path.Ext(name))
}

// Serve answers on ln until ctx ends, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: s.o.HeaderTimeout,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(s.o.Logger.Handler(), slog.LevelDebug),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	// Close event streams first, or Shutdown waits for them.
	s.mu.Lock()
	for ch := range s.clients {
		close(ch)
		delete(s.clients, ch)
	}
	s.mu.Unlock()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
