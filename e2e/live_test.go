package e2e

// Live updates in Chromium. Against the real preview server (the
// scanreport binary, built once, running `serve --port 0` on a copy of the
// sample scans): elements appended to a running scan appear in its open
// element table, log and overview without a reload; a status change shows
// on the overview and the scan list; a new scan directory appears in the
// open scan list and a removed one goes; false positives are marked from
// the element table, and refused on a running scan. From file:// (a built
// site): a page of a finished scan sends no request at all, a page of a
// running scan only polls its manifest, and picks up a rebuilt site within
// a poll.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/scanreport/scanreport/generator/model"
	"github.com/scanreport/scanreport/internal/sample"
	"github.com/scanreport/scanreport/scan"
)

// ---- the scanreport binary ----

var scanreportBin struct {
	once sync.Once
	path string
	err  error
}

// binary builds cmd/scanreport once per test binary (the bundle in
// static/gen must be current: `go run ./internal/bundle`).
func binary(t testing.TB) string {
	t.Helper()
	sb := &scanreportBin
	sb.once.Do(func() {
		sb.path = filepath.Join(tmpRoot, "bin", "scanreport")
		cmd := exec.Command("go", "build", "-o", sb.path, "./cmd/scanreport")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			sb.err = fmt.Errorf("go build ./cmd/scanreport: %v\n%s", err, out)
		}
	})
	if sb.err != nil {
		t.Fatal(sb.err)
	}
	return sb.path
}

// run runs the scanreport binary with args in an empty folder (so that no
// config.toml is read) and fails the test on an error.
func runBinary(t testing.TB, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scanreport %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// lockedBuffer collects a process's output for the test log.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// liveServer is `scanreport serve` running on a scans root.
type liveServer struct {
	base  string // http://127.0.0.1:PORT/
	scans string
	site  string
	logs  *lockedBuffer
}

func (s *liveServer) url(rel string) string { return s.base + rel }

var servingLine = regexp.MustCompile(`Serving (http://127\.0\.0\.1:\d+/)`)

// startServe runs `scanreport serve --port 0` and stops it (Ctrl-C) when
// the test ends; its log is shown when the test failed.
func startServe(t *testing.T, scans, site string, extra ...string) *liveServer {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"serve", "--verbose", "--scans", scans, "--out", site, "--port", "0"}, extra...)...)
	cmd.Dir = t.TempDir()
	logs := &lockedBuffer{}
	cmd.Stderr = logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start scanreport serve: %v", err)
	}
	exited := make(chan error, 1)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(logs, "stdout:", line)
			if m := servingLine.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("scanreport serve did not stop cleanly on Ctrl-C: %v", err)
			}
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("scanreport serve did not stop within 15 s of Ctrl-C")
		}
		if t.Failed() {
			t.Logf("scanreport serve log:\n%s", logs.String())
		}
	})
	select {
	case base := <-found:
		return &liveServer{base: base, scans: scans, site: site, logs: logs}
	case err := <-exited:
		t.Fatalf("scanreport serve exited: %v\n%s", err, logs.String())
	case <-time.After(2 * time.Minute):
		t.Fatalf("scanreport serve did not say where it serves within 2 minutes:\n%s", logs.String())
	}
	return nil
}

// serveSamples writes the sample scans into a temporary folder, serves them
// with `scanreport serve` and starts a browser.
func serveSamples(t *testing.T) (*liveServer, *browser, string) {
	t.Helper()
	needChromium(t)
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	return startServe(t, scans, filepath.Join(dir, "site")), newBrowser(t), scans
}

// ---- page helpers ----

// waitLive waits until the page's live updates are connected and the
// first look at the server's files is done.
func waitLive(p *tab) {
	p.t.Helper()
	p.waitFor(`(e => !!e && !e.hidden && e.dataset.state === "live")(document.querySelector("#live-status"))`, 0,
		`(document.querySelector("#live-status") || {}).textContent`)
}

// setMarker sets a variable that only survives as long as the page is
// not reloaded.
func setMarker(p *tab) { p.t.Helper(); evalT[bool](p, `(window.__liveMarker = 42, true)`) }

func checkMarker(p *tab, what string) {
	p.t.Helper()
	if !evalT[bool](p, `window.__liveMarker === 42`) {
		p.t.Errorf("%s: the page was reloaded (its marker is gone; live/live.ts says why: %q)", what,
			evalT[string](p, `document.documentElement.getAttribute("data-live-reload") || ""`))
	}
}

// gridTop is the element table's scroll position.
func gridTop(p *tab, host string) float64 {
	p.t.Helper()
	return evalT[float64](p, `__e2e.grid(`+jsString(host)+`).scrollTop`)
}

// scrollGrid scrolls the virtual table inside host and returns where it is.
func scrollGrid(p *tab, host string, top int) float64 {
	p.t.Helper()
	return evalT[float64](p, fmt.Sprintf(`(async g => { g.scrollTop = %d; await new Promise(r => requestAnimationFrame(() => r())); return g.scrollTop; })(__e2e.grid(%s))`, top, jsString(host)))
}

// scanRowCount is the element count the scan list shows for a scan.
const scanRowCount = `(id => { const b = document.querySelector('input.scan-select[value="' + id + '"]'); if (!b) return -1;
  const c = b.closest("tr").querySelectorAll("td.num")[0]; return c ? +c.getAttribute("data-value") : -1; })`

func lineCount(t testing.TB, file string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// scanWithStatus finds the sample scan with a status (and kind automated).
func scanWithStatus(t testing.TB, scans, status string) (string, *model.Scan) {
	t.Helper()
	entries, err := os.ReadDir(scans)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		s, err := loadModel(scans, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if s.Meta.Status == status && s.Meta.Kind == scan.KindAutomated {
			return e.Name(), s
		}
	}
	t.Fatalf("no %s sample scan in %s", status, scans)
	return "", nil
}

// appendElements appends n elements of a type to a scan, as a scanner
// would (whole lines, one write), with data prefix-<k>.
func appendElements(t testing.TB, scans, id, typ, prefix string, n int) []string {
	t.Helper()
	w, err := scan.OpenWriter(scans, id)
	if err != nil {
		t.Fatal(err)
	}
	var data []string
	for k := range n {
		d := fmt.Sprintf("%s-%02d.example", prefix, k)
		if _, err := w.Add(scan.Element{ID: fmt.Sprintf("%s-%d", prefix, k), Type: typ, Data: d, Module: "sfp_live_e2e"}); err != nil {
			t.Fatal(err)
		}
		data = append(data, d)
	}
	if err := w.Log(time.Time{}, "INFO", "sfp_live_e2e", fmt.Sprintf("%s: %d new elements", prefix, n)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return data
}

// newScan writes a RUNNING scan of target new.example with n host names
// (format has one %d), as a scanner starting would.
func newScan(t testing.TB, scans, id, name, format string, n int) {
	t.Helper()
	w, err := scan.Create(scans, scan.Meta{ID: id, Name: name, Target: "new.example", Status: scan.StatusRunning, Started: time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Root(time.Now()); err != nil {
		t.Fatal(err)
	}
	for k := range n {
		if _, err := w.Add(scan.Element{Type: "INTERNET_NAME", Data: fmt.Sprintf(format, k), Module: "sfp_dnsresolve"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func setStatus(t testing.TB, scans, id, status string) {
	t.Helper()
	w, err := scan.OpenWriter(scans, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(status, time.Time{}); err != nil { // scan.toml: temporary file + rename
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// ---- the preview server ----

func TestLiveServe(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	finished, fs := scanWithStatus(t, scans, scan.StatusFinished)
	big := types(rs)[0]

	// Check a row of the element table by its position in the view and
	// press one of the false-positive buttons.
	check := func(p *tab, pos int) {
		p.t.Helper()
		p.click(fmt.Sprintf(`%s .vt-grid:not([hidden]) .vt-row[aria-rowindex="%d"] input.row-select`, elementHost, pos+2))
		p.waitFor(`!document.querySelector('#fp-tools button[data-fp="set"]').disabled`, 0, "")
	}

	t.Run("disabled on a running scan, with the reason", func(t *testing.T) {
		p := b.open(t, srv.url("scans/"+running+"/types/"+big.Slug+".html"))
		waitLive(p)
		waitLoaded(p, big.Total(), 0)
		if n := p.count(`#fp-tools:not([hidden]) button[data-fp]`); n != 2 {
			t.Fatalf("%d false-positive buttons in #fp-tools, want 2 (mark and unmark)", n)
		}
		p.click(fmt.Sprintf(`%s .vt-grid:not([hidden]) .vt-row[aria-rowindex="2"] input.row-select`, elementHost))
		p.waitFor(`/1 selected/.test(document.querySelector("#row-count").textContent)`, 0, `document.querySelector("#row-count").textContent`)
		if !evalT[bool](p, `[...document.querySelectorAll("#fp-tools button[data-fp]")].every(b => b.disabled)`) {
			t.Error("the false-positive buttons are enabled on a running scan")
		}
		msg := p.text("#fp-reason")
		if !strings.Contains(msg, "once the scan has finished") || !strings.Contains(msg, scan.StatusRunning) {
			t.Errorf("the reason shown is %q", msg)
		}
		t.Logf("reason shown: %q", msg)
		if n := lineCount(t, filepath.Join(scans, running, scan.ReviewFile)); n != 0 {
			t.Errorf("review.jsonl of the running scan has %d lines after a refused decision", n)
		}
		if got := rows(p, elementHost)[0].Cells["c-fp"]; got != "" {
			t.Errorf("the refused row shows F/P %q", got)
		}
	})

	t.Run("elements appear, status changes", func(t *testing.T) {
		ov := b.open(t, srv.url("scans/"+running+"/index.html"))
		el := b.open(t, srv.url("scans/"+running+"/types/"+big.Slug+".html"))
		lg := b.open(t, srv.url("scans/"+running+"/log.html"))
		list := b.open(t, srv.url("index.html"))
		tabs := []*tab{ov, el, lg, list}
		for _, p := range tabs {
			waitLive(p)
			setMarker(p)
		}
		waitLoaded(el, big.Total(), 0)
		lg.waitFor(`/^`+regexpNum(len(rs.Log))+`\b/.test(document.querySelector("#log-count").textContent.trim())`, 0, `document.querySelector("#log-count").textContent`)
		gridAt := scrollGrid(el, elementHost, 340)
		winAt := evalT[float64](ov, `(window.scrollTo(0, 260), window.scrollY)`)
		if gridAt == 0 || winAt == 0 {
			t.Fatalf("could not scroll: table at %v, overview at %v", gridAt, winAt)
		}
		count := rs.Count()
		if got := statValue(ov, "elements"); got != count {
			t.Fatalf("overview shows %d elements, want %d", got, count)
		}
		if got := evalT[int](list, scanRowCount+`(`+jsString(running)+`)`); got != count {
			t.Fatalf("scan list shows %d elements for %s, want %d", got, running, count)
		}

		n := 25
		t0 := time.Now()
		data := appendElements(t, scans, running, big.Code, "live-e2e", n)
		waitLoaded(el, big.Total()+n, 10*time.Second)
		t.Logf("element table: %d new rows after %v", n, time.Since(t0).Round(time.Millisecond))
		ov.waitFor(fmt.Sprintf(`(%s) === %d`, `[...document.querySelectorAll(".totals .stat")].map(s => [s.querySelector(".label").textContent.trim(), s.querySelector(".value").textContent.replace(/,/g, "")]).find(x => x[0] === "elements")?.[1] | 0`, count+n), 10*time.Second, `document.querySelector(".totals").textContent`)
		list.waitFor(fmt.Sprintf(`%s(%s) === %d`, scanRowCount, jsString(running), count+n), 10*time.Second, "")
		lg.waitFor(`/^`+regexpNum(len(rs.Log)+1)+`\b/.test(document.querySelector("#log-count").textContent.trim())`, 10*time.Second, `document.querySelector("#log-count").textContent`)
		for _, p := range tabs {
			checkMarker(p, "after the append")
		}
		if got := gridTop(el, elementHost); got != gridAt {
			t.Errorf("element table scrolled from %v to %v", gridAt, got)
		}
		if got := evalT[float64](ov, `window.scrollY`); got != winAt {
			t.Errorf("overview scrolled from %v to %v", winAt, got)
		}
		if !strings.Contains(el.text(".type-head"), fmt.Sprintf("%d", big.Total()+n)) && !strings.Contains(el.text(".type-head"), comma(big.Total()+n)) {
			t.Errorf("the type header says %q, want the new total %d", el.text(".type-head"), big.Total()+n)
		}
		if got := el.text("#live-status"); !strings.HasPrefix(got, "Live · updated ") {
			t.Errorf("live status %q", got)
		}
		// The new rows, at the end in arrival order, with their new module.
		all := scrollAll(el, elementHost)
		if len(all) != big.Total()+n {
			t.Fatalf("%d rows, want %d", len(all), big.Total()+n)
		}
		for k, d := range data {
			r := all[big.Total()+k]
			if r.Cells["c-data"] != d || r.Cells["c-module"] != "sfp_live_e2e" {
				t.Errorf("row %d: %q from %q, want %q from sfp_live_e2e", big.Total()+k, r.Cells["c-data"], r.Cells["c-module"], d)
			}
		}
		if got := lg.text("#log-level option[value=ALL]"); !strings.Contains(got, comma(len(rs.Log)+1)) {
			t.Errorf("log level dropdown says %q, want %d lines", got, len(rs.Log)+1)
		}

		// A sort, a search, a checked row and an open detail panel survive
		// an update; the search runs again over the new rows.
		el.click(elementHost + " .vt-grid:not([hidden]) .vt-th.c-data button")
		el.waitFor(`document.querySelector("#element-table .vt-grid:not([hidden]) .vt-th.c-data").getAttribute("aria-sort") === "ascending"`, 0, "")
		el.typeText("#search-q", "*live-e2e*")
		searched := func(n int) {
			el.t.Helper()
			el.waitFor(fmt.Sprintf(`/^%d matches /.test(document.querySelector("#search-count").textContent) && __e2e.grid("#element-table").getAttribute("aria-rowcount") === "%d"`, n, n+1), 10*time.Second,
				`document.querySelector("#search-count").textContent`)
		}
		searched(n)
		el.click(fmt.Sprintf(`%s .vt-grid:not([hidden]) .vt-row[aria-rowindex="2"] input.row-select`, elementHost))
		el.click(fmt.Sprintf(`%s .vt-grid:not([hidden]) .vt-row[aria-rowindex="4"] .c-data`, elementHost))
		el.waitFor(`!document.querySelector("#element-detail").hidden`, 0, "")
		detail := el.text("#element-detail .detail-data")
		more := appendElements(t, scans, running, big.Code, "live-e2e-more", 5)
		searched(n + len(more))
		if got := el.text("#row-count"); !strings.Contains(got, "1 selected") {
			t.Errorf("row count %q: the checked row was lost", got)
		}
		if el.count(`#element-table .vt-row.is-selected`) != 1 {
			t.Errorf("%d rows marked selected, want 1", el.count(`#element-table .vt-row.is-selected`))
		}
		if hidden := evalT[bool](el, `document.querySelector("#element-detail").hidden`); hidden || el.text("#element-detail .detail-data") != detail {
			t.Errorf("the detail panel closed or changed (hidden %v, %q → %q)", hidden, detail, el.text("#element-detail .detail-data"))
		}
		var shownData []string
		for _, r := range scrollAll(el, elementHost) {
			shownData = append(shownData, r.Cells["c-data"])
		}
		if want := slices.Sorted(slices.Values(append(slices.Clone(data), more...))); !slices.Equal(shownData, want) {
			t.Errorf("after the update the search shows %q, want %q (sorted by data)", shownData, want)
		}
		count += len(more)
		n += len(more)

		// An element whose source comes later is shown under the target,
		// then, once the source arrives, its row changes in place.
		sourceOf := func(d string) string {
			t.Helper()
			return evalT[string](el, `__e2e.scrollAll("#element-table").then(rs => (rs.find(r => r.cells["c-data"] === `+jsString(d)+`) || {cells: {}}).cells["c-source"] || "?")`)
		}
		waitSource := func(d, want string) {
			t.Helper()
			for end := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
				got := sourceOf(d)
				if got == want {
					return
				}
				if time.Now().After(end) {
					t.Fatalf("source of %s: %q, want %q", d, got, want)
				}
			}
		}
		w, err := scan.OpenWriter(scans, running)
		if err != nil {
			t.Fatal(err)
		}
		add := func(e scan.Element) {
			t.Helper()
			if _, err := w.Add(e); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
		}
		add(scan.Element{ID: "live-e2e-child", Type: big.Code, Data: "live-e2e-child.example", Source: "live-e2e-parent", Module: "sfp_live_e2e"})
		searched(n + 1)
		waitSource("live-e2e-child.example", rs.Meta.Target)
		add(scan.Element{ID: "live-e2e-parent", Type: big.Code, Data: "live-e2e-parent.example", Module: "sfp_live_e2e"})
		searched(n + 2)
		waitSource("live-e2e-child.example", "live-e2e-parent.example")
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		count += 2
		n += 2

		// RUNNING → FINISHED: the badges change, the partial notice goes.
		if ov.count(".scan-header .notice.partial") != 1 {
			t.Fatalf("the running scan's overview has no partial-results notice")
		}
		setStatus(t, scans, running, scan.StatusFinished)
		badge := `(document.querySelector(".scan-header .badge[class*=status-]") || {}).textContent`
		for _, p := range []*tab{ov, el, lg} {
			p.waitFor(badge+` === "FINISHED" || document.documentElement.hasAttribute("data-live-reload")`, 10*time.Second, `document.documentElement.getAttribute("data-live-reload")`)
			checkMarker(p, "after the status change")
			p.waitFor(`!document.querySelector(".scan-header .notice.partial")`, 0, "")
		}
		list.waitFor(`(b => !!b && b.closest("tr").querySelector(".badge[class*=status-]").textContent === "FINISHED")(document.querySelector('input.scan-select[value="`+running+`"]'))`, 10*time.Second, "")
		if got := evalT[string](ov, `document.querySelector(".scan-header .badge[class*=status-]").className`); got != "badge status-ok" {
			t.Errorf("overview badge class %q, want badge status-ok", got)
		}
		for _, p := range tabs {
			checkMarker(p, "after the status change")
		}
	})

	t.Run("new and removed scans in the scan list", func(t *testing.T) {
		list := b.open(t, srv.url("index.html"))
		all := b.open(t, srv.url("search.html#q=%2A.new.example"))
		waitLive(list)
		waitLive(all)
		all.waitFor(`(e => !!e && !e.hasAttribute("aria-busy"))(document.querySelector("#search-results"))`, time.Minute, `document.querySelector("#search-progress").textContent`)
		waitMatches(all, 0, 10*time.Second)
		setMarker(list)
		setMarker(all)
		// A checked scan and a sort that must survive the update.
		list.click(`input.scan-select[value="` + finished + `"]`)
		list.click(`#scan-list th.c-name`)
		names := func() []string { return list.texts("#scan-list tbody tr td.value a") }
		before := names()
		if !slices.IsSortedFunc(before, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
			t.Fatalf("names not sorted after the click: %q", before)
		}
		const id = "zz-live-e2e-new"
		newScan(t, scans, id, "Aardvark live scan", "h%d.new.example", 7)
		list.waitFor(scanRowCount+`(`+jsString(id)+`) === 7`, 10*time.Second, `document.querySelector("#scan-list tbody").textContent`)
		after := names()
		if len(after) != len(before)+1 || after[0] != "Aardvark live scan" || !slices.IsSortedFunc(after, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
			t.Errorf("rows after the new scan: %q (want it first, sorted by name)", after)
		}
		if !evalT[bool](list, `document.querySelector('input.scan-select[value="`+finished+`"]').checked`) {
			t.Errorf("the checked scan was unchecked by the update")
		}
		if got := list.text("#scan-selection-count"); got != "1 scan selected" {
			t.Errorf("selection count %q", got)
		}
		if !strings.Contains(list.text(".page-head .lead"), fmt.Sprintf("%d scans", len(before)+1)) {
			t.Errorf("the list head says %q", list.text(".page-head .lead"))
		}
		// The search over all scans takes the new scan in place: its
		// elements are searched, under their own group.
		waitMatches(all, 7, 10*time.Second)
		if got := all.texts("#search-results .vt-row.vt-group .c-scan"); len(got) != 1 || !strings.HasPrefix(got[0], "Aardvark live scan") {
			t.Errorf("result groups %q, want the new scan's", got)
		}
		checkMarker(all, "search over all scans, new scan")
		if err := os.RemoveAll(filepath.Join(scans, id)); err != nil {
			t.Fatal(err)
		}
		list.waitFor(`!document.querySelector('input.scan-select[value="`+id+`"]')`, 10*time.Second, "")
		// Gone: its results are left out, with a notice.
		waitMatches(all, 0, 10*time.Second)
		if !strings.Contains(all.text("main"), "Aardvark live scan is no longer in the scans folder") {
			t.Errorf("no notice that the scan went")
		}
		checkMarker(all, "search over all scans, scan gone")
		if got := names(); !slices.Equal(got, before) {
			t.Errorf("rows after the scan went: %q, want %q", got, before)
		}
		checkMarker(list, "after a scan came and went")
	})

	t.Run("false positive on a finished scan", func(t *testing.T) {
		ty := types(fs)[0]
		for _, x := range types(fs) {
			if x.FP > 0 && x.Total() > x.FP {
				ty = x // a type whose hide-FP label shows a count
				break
			}
		}
		browse := b.open(t, srv.url("scans/"+finished+"/browse.html"))
		waitLive(browse)
		setMarker(browse)
		fpCell := `[...document.querySelectorAll("#type-list tbody tr")].find(tr => tr.querySelector('a[href="types/` + ty.Slug + `.html"]')).cells[6].getAttribute("data-value") | 0`
		if got := evalT[int](browse, fpCell); got != ty.FP {
			t.Fatalf("browse shows %d false positives of %s, want %d", got, ty.Code, ty.FP)
		}
		p := b.open(t, srv.url("scans/"+finished+"/types/"+ty.Slug+".html"))
		waitLive(p)
		waitLoaded(p, ty.Total(), 0)
		setMarker(p)
		pos := -1
		for _, r := range rows(p, elementHost) {
			if r.Cells["c-fp"] == "" {
				pos = r.Pos
				break
			}
		}
		if pos < 0 {
			t.Fatalf("every visible row of %s is already a false positive", ty.Code)
		}
		review := filepath.Join(scans, finished, scan.ReviewFile)
		lines := lineCount(t, review)
		fpText := func() string { return strings.TrimSpace(p.text("#hide-fp-text")) }
		hideBefore := fpText()
		check(p, pos)
		p.click(`#fp-tools button[data-fp="set"]`)
		cell := fmt.Sprintf(`(r => r ? r.querySelector(".c-fp").textContent : "?")(__e2e.grid("#element-table").querySelector('.vt-row[aria-rowindex="%d"]'))`, pos+2)
		p.waitFor(cell+` === "F/P"`, 10*time.Second, cell)
		if got := lineCount(t, review); got != lines+1 {
			t.Errorf("review.jsonl: %d lines, want %d", got, lines+1)
		}
		// Recorded under the analyst's name (no config.toml here: the OS
		// user), and the detail panel says who and when.
		who := osUser(t)
		if data, _ := os.ReadFile(review); !strings.Contains(string(data), `"by":`+strconv.Quote(who)) {
			t.Errorf("review.jsonl does not record %q as who decided:\n%s", who, data)
		}
		p.waitFor(`!!document.querySelector("#fp-tools") && document.querySelector("#hide-fp-text").textContent.trim() !== `+jsString(hideBefore), 10*time.Second, `document.querySelector("#hide-fp-text").textContent`)
		evalT[bool](p, fmt.Sprintf(`(__e2e.grid("#element-table").querySelector('.vt-row[aria-rowindex="%d"] .c-module').click(), true)`, pos+2))
		p.waitFor(`/marked by /.test(document.querySelector("#element-detail .fp-who")?.textContent || "")`, 10*time.Second, `document.querySelector("#element-detail")?.textContent`)
		if got := p.text("#element-detail .fp-who"); !strings.Contains(got, "marked by "+who+" on ") {
			t.Errorf("the detail panel says %q", got)
		}
		p.click("#element-detail button.close")
		p.waitFor(`document.querySelector("#hide-fp-text").textContent.trim() !== `+jsString(hideBefore), 10*time.Second, `document.querySelector("#hide-fp-text").textContent`)
		if msg := evalT[bool](p, `document.querySelector("#fp-message").hidden`); !msg {
			t.Errorf("an error shows after a decision that was taken: %q", p.text("#fp-message"))
		}
		t.Logf("hide-FP label %q → %q", hideBefore, fpText())
		browse.waitFor(fpCell+` > `+fmt.Sprint(ty.FP), 10*time.Second, fpCell)
		checkMarker(browse, "browse after marking")
		// Hiding false positives hides the row; unmarking brings it back.
		p.click("#hide-fp")
		p.waitFor(`/false positives? hidden/.test(document.querySelector("#row-count").textContent)`, 0, "")
		p.click("#hide-fp")
		p.waitFor(cell+` === "F/P"`, 0, cell)
		p.click(`#fp-tools button[data-fp="unset"]`)
		p.waitFor(cell+` === ""`, 10*time.Second, cell)
		if got := lineCount(t, review); got != lines+2 {
			t.Errorf("review.jsonl: %d lines after unmarking, want %d", got, lines+2)
		}
		checkMarker(p, "after marking and unmarking")
	})
}

// Many tabs on one preview server: the pages share one event stream (one
// leads, the others follow over a BroadcastChannel), so more tabs than the
// browser's six connections per host all load and all follow the scan; when
// the leading tab closes, another takes over.
func TestLiveManyTabs(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	big := types(rs)[0]
	const n = 9 // more than Chromium's 6 connections per host
	var tabs []*tab
	for range n {
		p := b.open(t, srv.url("scans/"+running+"/types/"+big.Slug+".html"))
		waitLive(p)
		waitLoaded(p, big.Total(), 0)
		setMarker(p)
		tabs = append(tabs, p)
	}
	roles := func() (leader int, followers int) {
		leader = -1
		for i, p := range tabs {
			if p == nil {
				continue
			}
			switch r := evalT[string](p, `document.documentElement.getAttribute("data-live-role") || ""`); r {
			case "leader":
				if leader >= 0 {
					t.Errorf("tabs %d and %d both lead", leader, i)
				}
				leader = i
			case "follower":
				followers++
			default:
				t.Errorf("tab %d has live role %q", i, r)
			}
		}
		return leader, followers
	}
	leader, followers := roles()
	if leader < 0 || followers != n-1 {
		t.Fatalf("leader %d, %d followers; want one leader and %d followers", leader, followers, n-1)
	}
	total := big.Total()
	appendElements(t, scans, running, big.Code, "many-tabs", 7)
	total += 7
	for i, p := range tabs {
		waitLoaded(p, total, 15*time.Second)
		checkMarker(p, fmt.Sprintf("tab %d after the append", i))
	}

	// The leader goes: a follower takes over and every tab still follows.
	if _, err := chromedp.Call(tabs[leader].ctx, page.Close, cdp.Empty{}); err != nil {
		t.Fatalf("close the leading tab: %v", err)
	}
	tabs[leader] = nil
	deadline := time.Now().Add(15 * time.Second)
	for {
		l, f := roles()
		if l >= 0 && f == n-2 {
			t.Logf("tab %d took over from tab %d", l, leader)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no tab took the lead (leader %d, %d followers)", l, f)
		}
		time.Sleep(100 * time.Millisecond)
	}
	appendElements(t, scans, running, big.Code, "many-tabs-more", 3)
	total += 3
	for i, p := range tabs {
		if p != nil {
			waitLoaded(p, total, 15*time.Second)
			checkMarker(p, fmt.Sprintf("tab %d after the new leader", i))
		}
	}
	// One more tab still loads at once.
	last := b.open(t, srv.url("scans/"+running+"/index.html"))
	waitLive(last)
	if r := evalT[string](last, `document.documentElement.getAttribute("data-live-role")`); r != "follower" {
		t.Errorf("the new tab's live role is %q, want follower", r)
	}
}

// An operator's templates folder is watched too: editing a template there
// rebuilds the site and open pages reload with it.
func TestLiveTemplates(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	scans, tdir := filepath.Join(dir, "scans"), filepath.Join(dir, "tmpl")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(tdir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := startServe(t, scans, filepath.Join(dir, "site"), "--templates", tdir)
	b := newBrowser(t)
	finished, _ := scanWithStatus(t, scans, scan.StatusFinished)
	p := b.open(t, srv.url("scans/"+finished+"/index.html"))
	waitLive(p)
	orig, err := os.ReadFile(filepath.Join("..", "templates", "overview.html"))
	if err != nil {
		t.Fatal(err)
	}
	custom := strings.Replace(string(orig), `{{define "content"}}`, `{{define "content"}}<p class="house-banner">Acme red team</p>`, 1)
	if custom == string(orig) {
		t.Fatal("overview.html has no content block to extend")
	}
	if err := os.WriteFile(filepath.Join(tdir, "overview.html"), []byte(custom), 0o644); err != nil {
		t.Fatal(err)
	}
	p.waitThroughReload(`document.readyState === "complete" && (e => !!e && e.textContent === "Acme red team")(document.querySelector("p.house-banner"))`, 15*time.Second)
	waitLive(p)
}

// waitMatches waits until a search page shows n matches, all of them rows.
func waitMatches(p *tab, n int, d time.Duration) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf(`/^%s match/.test(document.querySelector("#search-count").textContent) && (k => %d === 0 ? k === 0 : k >= Math.min(%d, 10))(__e2e.rows("#search-results").filter(r => !r.cls.includes("vt-group")).length)`, regexpNum(n), n, n), d,
		`document.querySelector("#search-count").textContent + " | " + document.querySelector("#search-progress").textContent`)
}

// The search pages of a preview server merge new elements in place: the
// query runs again over them, the sort stays, the page is not reloaded.
func TestLiveSearchPages(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	ty := types(rs)[1]
	sp := b.open(t, srv.url("scans/"+running+"/search.html#q=%2Alive-search%2A&sort=data-desc"))
	sa := b.open(t, srv.url("search.html#q=%2Alive-search%2A"))
	for _, p := range []*tab{sp, sa} {
		waitLive(p)
		p.waitFor(`(e => !!e && !e.hasAttribute("aria-busy"))(document.querySelector("#search-results"))`, time.Minute, `document.querySelector("#search-progress").textContent`)
		waitMatches(p, 0, 10*time.Second)
		setMarker(p)
	}
	rows0 := evalT[int](sp, `+document.querySelector("#search-results").getAttribute("data-rows")`)
	data := appendElements(t, scans, running, ty.Code, "live-search", 4)
	for _, p := range []*tab{sp, sa} {
		waitMatches(p, 4, 10*time.Second)
		checkMarker(p, "search page after the append")
		if got := p.text("#live-status"); !strings.HasPrefix(got, "Live · updated ") {
			t.Errorf("live status %q", got)
		}
	}
	if got := evalT[int](sp, `+document.querySelector("#search-results").getAttribute("data-rows")`); got != rows0+4 {
		t.Errorf("the scan's search page holds %d rows, want %d", got, rows0+4)
	}
	shown := func(p *tab) []string {
		var out []string
		for _, r := range scrollAll(p, "#search-results") {
			if d := r.Cells["c-data"]; d != "" {
				out = append(out, d)
			}
		}
		return out
	}
	want := slices.Clone(data)
	slices.Sort(want)
	slices.Reverse(want)
	if got := shown(sp); !slices.Equal(got, want) {
		t.Errorf("the scan's search page shows %q, want %q (sorted by data, descending)", got, want)
	}
	if got := sp.attrs("#search-results .vt-th.c-data", "aria-sort"); !slices.Equal(got, []string{"descending"}) {
		t.Errorf("sort after the update: %q", got)
	}
	// Two more: they take their sorted place.
	more := appendElements(t, scans, running, ty.Code, "live-search-more", 2)
	waitMatches(sp, 6, 10*time.Second)
	waitMatches(sa, 6, 10*time.Second)
	want = append(want, more...)
	slices.Sort(want)
	slices.Reverse(want)
	if got := shown(sp); !slices.Equal(got, want) {
		t.Errorf("after the second append the page shows %q, want %q", got, want)
	}
	for _, p := range []*tab{sp, sa} {
		checkMarker(p, "search page after the second append")
	}
}

// comma formats n as the pages do.
func comma(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// ---- built sites ----

// fastPoll is how often the built-site pages of these tests poll while a
// scan runs (the page URL's ?sr-poll=<ms>; the pages' default is 5 s).
const fastPoll = 300 * time.Millisecond

// polled is u with ?sr-poll=<fastPoll> before its fragment.
func polled(u string) string {
	base, frag, hasFrag := strings.Cut(u, "#")
	base += fmt.Sprintf("?sr-poll=%d", fastPoll.Milliseconds())
	if hasFrag {
		base += "#" + frag
	}
	return base
}

// TestLiveStaticRequests opens pages of the shared fixture from file:// and
// records every request after the load: none for a finished scan, only
// the manifest's polling for a running one, only data/scans.js's on the
// scan list (a sample scan is running).
func TestLiveStaticRequests(t *testing.T) {
	f := site(t)
	b := newBrowser(t)
	fin := f.finished(t)
	run := f.withStatus(t, scan.StatusRunning)
	bigFin, bigRun := types(f.scan(t, fin))[0], types(f.scan(t, run))[0]
	pages := map[string]*tab{
		"finished overview":      b.open(t, polled(f.url("scans/"+fin+"/index.html"))),
		"finished element table": b.open(t, polled(f.url("scans/"+fin+"/types/"+bigFin.Slug+".html"))),
		"running overview":       b.open(t, polled(f.url("scans/"+run+"/index.html"))),
		"running element table":  b.open(t, polled(f.url("scans/"+run+"/types/"+bigRun.Slug+".html"))),
		"scan list":              b.open(t, polled(f.url("index.html"))),
	}
	waitLoaded(pages["finished element table"], bigFin.Total(), 0)
	waitLoaded(pages["running element table"], bigRun.Total(), 0)
	for _, p := range pages {
		p.sent() // what the page loaded
	}
	// Until each running page has polled once (every fastPoll) and says so
	// ("Refreshed"); the finished pages had as long to send anything.
	running := []string{"running overview", "running element table", "scan list"}
	got := map[string][]string{}
	for end := time.Now().Add(wait); ; time.Sleep(fastPoll / 4) {
		for name, p := range pages {
			got[name] = append(got[name], p.sent()...)
		}
		if !slices.ContainsFunc(running, func(n string) bool { return len(got[n]) == 0 }) || time.Now().After(end) {
			break
		}
	}
	for _, name := range running {
		pages[name].waitFor(`/^Refreshed /.test(document.querySelector("#live-status").textContent)`, 0, `document.querySelector("#live-status").textContent`)
	}
	poll := map[string]*regexp.Regexp{
		"finished overview":      nil,
		"finished element table": nil,
		"running overview":       regexp.MustCompile(`/scans/` + regexp.QuoteMeta(run) + `/data/manifest\.js\?t=\d+$`),
		"running element table":  regexp.MustCompile(`/scans/` + regexp.QuoteMeta(run) + `/data/manifest\.js\?t=\d+$`),
		"scan list":              regexp.MustCompile(`/data/scans\.js\?t=\d+$`),
	}
	for name, p := range pages {
		got := append(got[name], p.sent()...)
		want := poll[name]
		switch {
		case want == nil && len(got) > 0:
			t.Errorf("%s sent requests after it loaded: %q", name, got)
		case want != nil && len(got) == 0:
			t.Errorf("%s did not poll", name)
		}
		for _, u := range got {
			if want != nil && !want.MatchString(u) {
				t.Errorf("%s sent %q; only the poll %v is expected", name, u, want)
			}
		}
		status := evalT[string](p, `(e => e && !e.hidden ? e.textContent : "")(document.querySelector("#live-status"))`)
		if (want == nil) != (status == "") {
			t.Errorf("%s: live status %q", name, status)
		}
		if want != nil && !regexp.MustCompile(`^Refreshed \d\d:\d\d:\d\d — .* still running$`).MatchString(status) {
			t.Errorf("%s: live status %q, want Refreshed HH:MM:SS — … still running", name, status)
		}
	}
}

// TestLiveStaticPolling builds a site with a running scan, opens it from
// file://, appends elements and builds again: the element table and the
// log take the new rows in place within a poll, the overview reloads
// where it was; once the scan has finished the pages say so and stop.
func TestLiveStaticPolling(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	scans, out := filepath.Join(dir, "scans"), filepath.Join(dir, "site")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	big := types(rs)[0]
	build := func() { runBinary(t, "build", "--scans", scans, "--out", out) }
	build()
	b := newBrowser(t)
	el := b.open(t, polled(fileURL(out, "scans/"+running+"/types/"+big.Slug+".html")))
	ov := b.open(t, polled(fileURL(out, "scans/"+running+"/index.html")))
	lg := b.open(t, polled(fileURL(out, "scans/"+running+"/log.html")))
	// The search pages (one scan, all scans) keep their query and merge
	// the new rows too.
	sp := b.open(t, polled(fileURL(out, "scans/"+running+"/search.html")+"#q=%2Apoll-e2e%2A"))
	sa := b.open(t, polled(fileURL(out, "search.html")+"#q=%2Apoll-e2e%2A"))
	waitLoaded(el, big.Total(), 0)
	for _, p := range []*tab{el, ov, lg, sp, sa} {
		p.waitFor(`/still running/.test(document.querySelector("#live-status").textContent)`, 0, "")
		setMarker(p)
	}
	el.click(fmt.Sprintf(`%s .vt-row[aria-rowindex="%d"] input.row-select`, elementHost, 2+10))
	if got := el.text("#row-count"); !strings.Contains(got, "1 selected") {
		t.Fatalf("row count %q after checking a row", got)
	}
	gridAt := scrollGrid(el, elementHost, 300)
	winAt := evalT[float64](ov, `(window.scrollTo(0, 240), window.scrollY)`)
	const n = 30
	appendElements(t, scans, running, big.Code, "poll-e2e", n)
	t0 := time.Now()
	build()
	waitLoaded(el, big.Total()+n, 7*time.Second)
	t.Logf("element table: new rows %v after the build", time.Since(t0).Round(time.Millisecond))
	checkMarker(el, "element table")
	if got := gridTop(el, elementHost); got != gridAt {
		t.Errorf("element table scrolled from %v to %v", gridAt, got)
	}
	if got := el.text("#row-count"); !strings.Contains(got, "1 selected") {
		t.Errorf("row count %q: the checked row was lost", got)
	}
	if !strings.Contains(el.text(".type-head"), comma(big.Total()+n)) {
		t.Errorf("type header %q, want the new total %d", el.text(".type-head"), big.Total()+n)
	}
	lg.waitFor(`/^`+regexpNum(len(rs.Log)+1)+`\b/.test(document.querySelector("#log-count").textContent.trim())`, 7*time.Second, `document.querySelector("#log-count").textContent`)
	checkMarker(lg, "log")
	for _, p := range []*tab{sp, sa} {
		waitMatches(p, n, 8*time.Second)
		checkMarker(p, "search page")
	}
	// A new scan: the search over all scans loads and searches it too.
	newScan(t, scans, "zz-poll-new", "Polled new scan", "poll-e2e-new-%d.example", 3)
	build()
	waitMatches(sa, n+3, 8*time.Second)
	checkMarker(sa, "search over all scans after a new scan")
	// The overview reloads (its numbers are server-rendered) where it was.
	ov.waitFor(fmt.Sprintf(`window.__liveMarker !== 42 && document.readyState === "complete" && [...document.querySelectorAll(".totals .stat")].some(s => s.querySelector(".label").textContent.trim() === "elements" && s.querySelector(".value").textContent.replace(/,/g, "") === "%d")`, rs.Count()+n), 8*time.Second, `document.querySelector(".totals").textContent`)
	ov.waitFor(fmt.Sprintf(`window.scrollY === %v`, winAt), 0, `window.scrollY`)
	if got := ov.text("#live-status"); !regexp.MustCompile(`^Refreshed \d\d:\d\d:\d\d — the scan is still running$`).MatchString(got) {
		t.Errorf("overview live status %q", got)
	}

	// Finished: the header follows, polling stops.
	setStatus(t, scans, running, scan.StatusFinished)
	build()
	badge := `(document.querySelector(".scan-header .badge[class*=status-]") || {}).textContent`
	el.waitFor(badge+` === "FINISHED"`, 7*time.Second, badge)
	el.waitFor(`!document.querySelector(".scan-header .notice.partial") && /has ended/.test(document.querySelector("#live-status").textContent)`, 0, `document.querySelector("#live-status").textContent`)
	lg.waitFor(badge+` === "FINISHED"`, 7*time.Second, badge)
	checkMarker(el, "element table after the status change")
	// The overview reloads on the status change: wait across it.
	ov.waitThroughReload(badge+` === "FINISHED"`, 8*time.Second)
	// The status said "has ended" (above): polling stopped there. Three
	// poll intervals without a request show it.
	el.sent()
	time.Sleep(3 * fastPoll)
	if got := el.sent(); len(got) > 0 {
		t.Errorf("the element table still sends requests after the scan finished: %q", got)
	}
}

// liveProbe runs in the element page before its scripts and notes, each
// time #row-count changes, the wall-clock time (performance.timeOrigin +
// performance.now(), in ms) and the number of elements it says are loaded;
// and the time of each change event the page's EventSource receives.
const liveProbe = `(() => {
  const rec = [], events = [];
  Object.defineProperty(window, "__liveBench", {value: rec});
  Object.defineProperty(window, "__liveEvents", {value: events});
  const ES = window.EventSource;
  window.EventSource = class extends ES {
    constructor(u, o) { super(u, o); this.addEventListener("change", () => events.push(performance.timeOrigin + performance.now())); }
  };
  const read = () => {
    const e = document.querySelector("#row-count");
    const m = e && /^([\d,]+) elements?\b/.exec(e.textContent.trim());
    if (!m) return;
    const n = +m[1].replace(/,/g, "");
    if (!rec.length || rec[rec.length - 1][1] !== n) rec.push([performance.timeOrigin + performance.now(), n]);
  };
  document.addEventListener("DOMContentLoaded", () => {
    const e = document.querySelector("#row-count");
    if (e) new MutationObserver(read).observe(e, {childList: true, characterData: true, subtree: true});
    read();
  });
})();`

// TestBenchLiveLatency measures, against the real preview server, the time
// from an element's write to elements.jsonl to its row being in the open
// element table (the table's count includes it): 20 elements a second for
// 20 seconds, each written and flushed on its own, as a scanner would.
// Only with SCANREPORT_BENCH=1; the target is 500 ms.
func TestBenchLiveLatency(t *testing.T) {
	needBench(t)
	dir := t.TempDir()
	scans := filepath.Join(dir, "scans")
	if err := sample.WriteSamples(scans); err != nil {
		t.Fatal(err)
	}
	srv := startServe(t, scans, filepath.Join(dir, "site"))
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	big := types(rs)[0]
	b := newBrowser(t)
	p := b.open(t, srv.url("scans/"+running+"/types/"+big.Slug+".html"), liveProbe)
	waitLive(p)
	waitLoaded(p, big.Total(), 0)

	// The page's clock against ours (the same system clock, read through
	// a round trip: keep the closest of a few readings).
	offset, rtt := 0.0, time.Hour
	for range 10 {
		g0 := time.Now()
		js := evalT[float64](p, `performance.timeOrigin + performance.now()`)
		g1 := time.Now()
		if d := g1.Sub(g0); d < rtt {
			rtt = d
			offset = js - float64(g0.Add(d/2).UnixMicro())/1000
		}
	}

	const rate, seconds = 20, 20
	const total = rate * seconds
	w, err := scan.OpenWriter(scans, running)
	if err != nil {
		t.Fatal(err)
	}
	written := make([]float64, total) // Unix ms, after the write
	tick := time.NewTicker(time.Second / rate)
	for k := range total {
		<-tick.C
		if _, err := w.Add(scan.Element{ID: fmt.Sprintf("bench-%d", k), Type: big.Code, Data: fmt.Sprintf("bench-%04d-%d.example", k, time.Now().UnixNano()), Module: "sfp_bench"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		written[k] = float64(time.Now().UnixMicro()) / 1000
	}
	tick.Stop()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	waitLoaded(p, big.Total()+total, 30*time.Second)
	rec := evalT[[][2]float64](p, `window.__liveBench`)
	events := evalT[[]float64](p, `window.__liveEvents`)

	// For each element: write → row, and its two parts: write → the last
	// change event before the row arrived (watcher, site update, push),
	// and that event → row (manifest, chunks, merge, render).
	lat := make([]float64, 0, total)
	var server, page []float64
	for k := range total {
		want := float64(big.Total() + k + 1)
		i := slices.IndexFunc(rec, func(r [2]float64) bool { return r[1] >= want })
		if i < 0 {
			t.Fatalf("element %d never counted", k)
		}
		arrived := rec[i][0] - offset
		lat = append(lat, arrived-written[k])
		ev := -1.0
		for _, e := range events {
			if e-offset <= arrived && e-offset >= written[k] {
				ev = e - offset
			}
		}
		if ev >= 0 {
			server = append(server, ev-written[k])
			page = append(page, arrived-ev)
		}
	}
	updates := 0
	for _, r := range rec {
		if r[1] > float64(big.Total()) {
			updates++
		}
	}
	quant := func(v []float64) string {
		if len(v) == 0 {
			return "no samples"
		}
		v = slices.Clone(v)
		slices.Sort(v)
		q := func(f float64) float64 { return v[min(len(v)-1, int(f*float64(len(v))))] }
		return fmt.Sprintf("p50 %3.0f ms, p95 %3.0f ms, max %3.0f ms", q(0.5), q(0.95), v[len(v)-1])
	}
	p.check()
	t.Logf("\nlive latency: %d elements written at %d/s to %s (%s), element table open over scanreport serve\n"+
		"  write → row in the page:              %s (target 500 ms)\n"+
		"    write → change event (server side): %s\n"+
		"    change event → row (page side):     %s\n"+
		"  %d table updates, %d change events for %d elements; clock offset %.2f ms (round trip %v)",
		total, rate, running, big.Code, quant(lat), quant(server), quant(page), updates, len(events), total, offset, rtt)
	// A benchmark reports; it does not fail on a time (docs/benchmarks.md
	// holds the figures and the target).
}

// TestLiveDownloadsBehind: the preview writes a running scan's downloads in
// the background once it is quiet, so after new elements they are behind
// for a while; the page says so beside the download links ("as of N of M
// elements"), and the note goes once the downloads show every element
// (here: the scan finishes, and they are written at once).
func TestLiveDownloadsBehind(t *testing.T) {
	srv, b, scans := serveSamples(t)
	running, rs := scanWithStatus(t, scans, scan.StatusRunning)
	typ := types(rs)[0]
	p := b.open(t, srv.url("scans/"+running+"/types/"+typ.Slug+".html"))
	waitLive(p)
	if n := p.count(".downloads a[data-format]"); n == 0 {
		t.Fatal("no download links on the element page")
	}
	before := rs.Count()
	appendElements(t, scans, running, typ.Code, "behind", 5)
	want := fmt.Sprintf("as of %s of %s elements", comma(before), comma(before+5))
	p.waitFor(`(document.querySelector(".downloads .downloads-state") || {}).textContent === `+jsString(want), 30*time.Second,
		`(document.querySelector(".downloads .downloads-state") || {}).textContent`)
	setStatus(t, scans, running, scan.StatusFinished)
	p.waitFor(`!document.querySelector(".downloads .downloads-state")`, 60*time.Second,
		`(document.querySelector(".downloads .downloads-state") || {}).textContent`)
	csv, err := os.ReadFile(filepath.Join(srv.site, "scans", running, "downloads", running+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(csv), "behind-04.example") {
		t.Error("the CSV download lacks the new elements once the note is gone")
	}
	p.check()
}
