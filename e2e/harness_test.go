package e2e

// The browser harness: find Chromium, start it headless with a fresh
// profile, open pages in tabs that record every console error, uncaught
// exception, failed or blocked load, CSP violation and JavaScript dialog,
// and small helpers to wait, read, click and type.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// wait is how long a helper waits for the page before it fails the test.
const wait = 20 * time.Second

// chromiumPath returns the browser to drive: $CHROMIUM when set (and
// nothing when it does not exist), else the first of the usual names.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if lp, err := exec.LookPath(p); err == nil {
			return lp
		}
		return ""
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if lp, err := exec.LookPath(p); err == nil {
			return lp
		}
	}
	return ""
}

// needChromium returns the browser, or skips the test when there is none;
// on CI (CI=true) a missing browser fails the test instead.
func needChromium(t testing.TB) string {
	t.Helper()
	p := chromiumPath()
	if p == "" {
		msg := "no Chromium found (set CHROMIUM, or install Debian's chromium)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + ": CI=true, so end-to-end tests must run")
		}
		t.Skip(msg)
	}
	return p
}

// browser is one headless Chromium with its own fresh profile.
type browser struct{ ctx context.Context }

// browserFlags are the flags every browser gets. Never add
// --allow-file-access-from-files: users' browsers do not have it.
func browserFlags(exe, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		// performance.memory exact, not bucketed (the benchmarks report
		// the JS heap while a search runs).
		chromedp.Flag("enable-precise-memory-info", true),
		// window.gc, so a benchmark can tell the heap a page holds from
		// garbage not yet collected. SCANREPORT_BENCH_JSFLAGS adds V8
		// flags for a diagnosis (--no-compilation-cache: what the
		// page holds itself, without the scripts V8 keeps).
		chromedp.Flag("js-flags", strings.TrimSpace("--expose-gc "+os.Getenv("SCANREPORT_BENCH_JSFLAGS"))),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.WindowSize(1280, 900),
	}
}

// newBrowser starts Chromium for the test and stops it when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := needChromium(t)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserFlags(exe, t.TempDir())...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return &browser{ctx: ctx}
}

// tab is one browser tab. It records everything that must never happen on
// a page of the report; check (run at the end of the test and by helpers
// that want it) fails the test for each.
type tab struct {
	t *testing.T // the test that helpers fail; see on
	*tabState
}

type tabState struct {
	ctx context.Context

	mu       sync.Mutex
	problems []string
	reported int
	dialogs  int
	urls     map[network.RequestID]string
	requests []string // every request's URL, in order (see sent)
	allowed  []string // problems containing one of these are expected (see allow)
}

// pageScript runs in every document before the page's own scripts. It
// keeps the CSP violations the page reports to itself, and defines
// window.__e2e, read-only helpers the tests call:
//   - table(sel): a <table>'s header texts (lower case) and rows (cells
//     with text, data-value and the first link's href);
//   - grid(host): the visible virtual table (.vt-grid) inside host;
//   - rows(host): its rendered rows in display order, as {pos, cells}
//     where cells maps a column class (c-data, c-fp …) to its text;
//   - scrollAll(host): scrolls the grid from top to bottom a screen at a
//     time and returns every row it saw, by position; rows still waiting
//     for their data (.is-pending: the indexed search pages load a row's
//     cells lazily) are waited for, up to 10 s a screen.
const pageScript = `(() => {
  const csp = [];
  Object.defineProperty(window, "__e2eCSP", {value: csp});
  document.addEventListener("securitypolicyviolation", e =>
    csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const h = {
    table(sel) {
      const t = document.querySelector(sel);
      if (!t) return null;
      const head = [...t.querySelectorAll("thead th")].map(th => th.textContent.trim().toLowerCase());
      const rows = [...t.querySelectorAll("tbody tr")].map(tr => [...tr.cells].map(c => ({
        text: c.textContent.trim(), value: c.getAttribute("data-value"), href: c.querySelector("a") ? c.querySelector("a").getAttribute("href") : null})));
      return {head, rows};
    },
    grid(host) {
      return [...document.querySelectorAll(host + " .vt-grid")].find(g => !g.hidden && g.offsetParent !== null) || null;
    },
    rows(host) {
      const g = h.grid(host);
      if (!g) return [];
      return [...g.querySelectorAll(".vt-body .vt-row")].filter(r => !r.hidden).map(r => {
        const cells = {};
        for (const c of r.querySelectorAll(".vt-cell")) for (const k of c.classList) if (k.startsWith("c-")) cells[k] = c.textContent;
        return {pos: +r.getAttribute("aria-rowindex") - 2, cls: r.className, cells};
      }).sort((a, b) => a.pos - b.pos);
    },
    async scrollAll(host) {
      const g = h.grid(host);
      const seen = new Map();
      if (!g) return [];
      g.scrollTop = 0;
      const settled = async () => {
        await frame(); await frame();
        for (const t0 = performance.now(); g.querySelector(".vt-row.is-pending:not([hidden])") && performance.now() - t0 < 10000; ) await frame();
      };
      for (let guard = 0; guard < 100000; guard++) {
        await settled();
        for (const r of h.rows(host)) seen.set(r.pos, r);
        if (g.scrollTop + g.clientHeight >= g.scrollHeight - 1) break;
        g.scrollTop += Math.max(1, g.clientHeight - 60);
      }
      await settled();
      for (const r of h.rows(host)) seen.set(r.pos, r);
      return [...seen.values()].sort((a, b) => a.pos - b.pos);
    },
  };
  Object.defineProperty(window, "__e2e", {value: Object.freeze(h)});
})();`

// open opens a new tab on u and waits for its load event. Extra scripts
// run in every document of the tab before the page's own.
func (b *browser) open(t *testing.T, u string, scripts ...string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &tab{t: t, tabState: &tabState{ctx: ctx, urls: map[network.RequestID]string{}}}
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		t.Fatalf("new tab: %v", err)
	}
	t.Cleanup(cancel)
	dialogs := make(chan struct{}, 64)
	if err := chromedp.Listen(ctx, func(ev any) { p.event(ev, dialogs) }); err != nil {
		t.Fatalf("listen: %v", err)
	}
	go func() { // a dialog blocks the page: dismiss it (the test fails anyway)
		for {
			select {
			case <-ctx.Done():
				return
			case <-dialogs:
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}
		}
	}()
	for _, src := range append([]string{pageScript}, scripts...) {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
			t.Fatalf("install a page script: %v", err)
		}
	}
	t.Cleanup(func() { p.check() })
	p.nav(u)
	return p
}

// on returns the same tab with helpers that fail t (a subtest) instead.
func (p *tab) on(t *testing.T) *tab { return &tab{t: t, tabState: p.tabState} }

// event records a page event that is a problem. It runs on the tab's
// reading goroutine, so it only takes notes.
func (p *tab) event(ev any, dialogs chan<- struct{}) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p.problem("console.%s: %s", ev.Type, argsText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		p.problem("uncaught exception: %s", exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		if e := ev.Entry; e != nil && (e.Level == log.EntryLevelError || e.Source == log.EntrySourceSecurity) && !isFavicon(e.URL) {
			p.problem("browser log (%s, %s): %s %s", e.Source, e.Level, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			p.mu.Lock()
			p.urls[ev.RequestID] = ev.Request.URL
			p.requests = append(p.requests, ev.Request.URL)
			p.mu.Unlock()
		}
	case *network.EventLoadingFailed:
		p.mu.Lock()
		u := p.urls[ev.RequestID]
		p.mu.Unlock()
		if (!ev.Canceled || ev.BlockedReason != "") && !isFavicon(u) {
			p.problem("load failed: %s %s %s", u, ev.ErrorText, ev.BlockedReason)
		}
	case *page.EventJavascriptDialogOpening:
		p.mu.Lock()
		p.dialogs++
		p.mu.Unlock()
		p.problem("JavaScript dialog %s opened: %q", ev.Type, ev.Message)
		select {
		case dialogs <- struct{}{}:
		default:
		}
	}
}

// isFavicon tells the browser's own request for /favicon.ico, which no
// page asks for; TestOverHTTP checks it separately (it is a 404 there).
func isFavicon(u string) bool { return strings.HasSuffix(u, "/favicon.ico") }

func (p *tab) problem(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := fmt.Sprintf(format, args...)
	for _, a := range p.allowed {
		if strings.Contains(s, a) {
			return
		}
	}
	p.problems = append(p.problems, s)
}

// allow makes problems that contain s expected from now on: a test that
// provokes an error answer (the browser logs every 4xx response).
func (p *tab) allow(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.allowed = append(p.allowed, s)
}

// check fails the test for every problem recorded since the last check.
func (p *tab) check() {
	p.t.Helper()
	for _, s := range p.takeProblems() {
		p.t.Errorf("page problem on %s: %s", p.location(), s)
	}
}

// takeProblems returns the problems recorded since the last call, after a
// round trip that flushes pending events and collects the page's own CSP
// violation reports.
func (p *tab) takeProblems() []string {
	if p.ctx.Err() == nil {
		ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(window.__e2eCSP || []).splice(0)`))
		cancel()
		if err == nil {
			for _, s := range v {
				p.problem("CSP violation: %s", s)
			}
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	news := append([]string(nil), p.problems[p.reported:]...)
	p.reported = len(p.problems)
	return news
}

// sent returns the URLs the tab requested since the last call (every
// request when it is the first), after a round trip that flushes pending
// events.
func (p *tab) sent() []string {
	p.t.Helper()
	evalT[bool](p, "true")
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.requests
	p.requests = nil
	return out
}

// dialogCount is how many JavaScript dialogs opened in this tab.
func (p *tab) dialogCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dialogs
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "?"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s (%s:%d:%d)", s, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

// --- helpers; each fails the test on error or timeout ---

// run runs steps with the helper timeout.
func (p *tab) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, wait)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("%s on %s: %v", what, p.location(), err)
	}
}

// evalT evaluates a JavaScript expression and decodes its value into T.
func evalT[T any](p *tab, js string) T {
	p.t.Helper()
	return evalWithin[T](p, js, wait)
}

// evalWithin is evalT with its own time limit, for work that grows with
// the page (scrolling a whole table takes two frames a screen, and frames
// slow down on a loaded machine).
func evalWithin[T any](p *tab, js string, d time.Duration) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, d)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluate %s on %s: %v", js, p.location(), err)
	}
	return v
}

// location is the current URL, relative to the site when it is in it.
func (p *tab) location() string {
	ctx, cancel := context.WithTimeout(p.ctx, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return u
}

// nav navigates and waits for the load event.
func (p *tab) nav(u string) { p.t.Helper(); p.run("navigate to "+u, chromedp.Navigate(u)) }

// waitFor polls a JavaScript condition until it is truthy, for at most d
// (wait when 0); on timeout it fails with the value of explain.
func (p *tab) waitFor(cond string, d time.Duration, explain string) {
	p.t.Helper()
	if d == 0 {
		d = wait
	}
	ctx, cancel := context.WithTimeout(p.ctx, d+5*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(d), chromedp.WithPollingInterval(25*time.Millisecond)))
	if err != nil {
		why := ""
		if explain != "" {
			why = " (" + explain + " = " + evalT[string](p, "String("+explain+")") + ")"
		}
		p.t.Fatalf("waiting for %s on %s: %v%s", cond, p.location(), err, why)
	}
}

// waitThroughReload waits until cond holds on the tab's current document,
// across reloads and navigations (waitFor stops when the page it polls
// goes away).
func (p *tab) waitThroughReload(cond string, d time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(d)
	for {
		ctx, cancel := context.WithTimeout(p.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting through reloads for %s on %s: %v", cond, p.location(), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitSel waits until a CSS selector matches something.
func (p *tab) waitSel(sel string) {
	p.t.Helper()
	p.waitFor("document.querySelector("+jsString(sel)+") !== null", 0, "")
}

// count counts the elements matching a CSS selector.
func (p *tab) count(sel string) int {
	p.t.Helper()
	return evalT[int](p, "document.querySelectorAll("+jsString(sel)+").length")
}

// text is the textContent of the first match of a CSS selector ("" when none).
func (p *tab) text(sel string) string {
	p.t.Helper()
	return evalT[string](p, "(document.querySelector("+jsString(sel)+") || {}).textContent || ''")
}

// texts are the trimmed textContents of every match of a CSS selector.
func (p *tab) texts(sel string) []string {
	p.t.Helper()
	return evalT[[]string](p, "Array.from(document.querySelectorAll("+jsString(sel)+"), e => e.textContent.trim())")
}

// attrs are the values of an attribute of every match of a CSS selector.
func (p *tab) attrs(sel, name string) []string {
	p.t.Helper()
	return evalT[[]string](p, "Array.from(document.querySelectorAll("+jsString(sel)+"), e => e.getAttribute("+jsString(name)+") || '')")
}

// click clicks the first match of a CSS selector with the mouse.
func (p *tab) click(sel string) {
	p.t.Helper()
	p.run("click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// clickNav clicks a link and waits for the page it opens to load.
func (p *tab) clickNav(sel string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, wait)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)))
	if err != nil {
		p.t.Fatalf("click %s and wait for the next page: %v", sel, err)
	}
}

// typeText types s into the first match of a CSS selector, key by key.
func (p *tab) typeText(sel, s string) {
	p.t.Helper()
	p.run("type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), s, chromedp.NodeVisible))
}

// selectValue chooses an option of a <select> as a user would: set the
// value and fire the change event.
func (p *tab) selectValue(sel, value string) {
	p.t.Helper()
	js := fmt.Sprintf(`(() => { const s = document.querySelector(%s); s.value = %s;
		s.dispatchEvent(new Event("input", {bubbles: true})); s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`,
		jsString(sel), jsString(value))
	if got := evalT[string](p, js); got != value {
		p.t.Fatalf("select %q in %s: got %q (no such option?)", value, sel, got)
	}
}

// html is the serialised DOM of the document as it is now.
func (p *tab) html() string {
	p.t.Helper()
	return evalT[string](p, "document.documentElement.outerHTML")
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// fileURL is the file:// URL of a file of the site.
func fileURL(site, rel string) string {
	abs, err := filepath.Abs(filepath.Join(site, filepath.FromSlash(rel)))
	if err != nil {
		panic(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// siteURL joins a base (file:// or http:// URL of the site root, ending in
// "/") and a path relative to the site.
func siteURL(base, rel string) string {
	u, err := url.Parse(base)
	if err != nil {
		panic(err)
	}
	r, err := url.Parse(rel)
	if err != nil {
		panic(err)
	}
	return u.ResolveReference(r).String()
}
