package sample

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// longPayloadSize is the length of the last entry of XSSPayloads.
const longPayloadSize = 1 << 20

// XSSPayloads is the hostile corpus WriteXSS puts into every field of a scan:
// HTML and script injection in its common shapes, JavaScript string and
// template breakouts, javascript: and data: URLs, CSV formula injection,
// characters XML forbids, U+2028/U+2029, invalid UTF-8, names that collide
// with JavaScript object properties, and (last) a value 1 MiB long.
//
// Every payload that runs script, wherever it runs, increments
// window.__xss (or sets it, or parent.__xss from a frame), so a browser test
// can check that window.__xss is still undefined; a few call alert()
// instead, so a test that fails on any dialog catches them too.
var XSSPayloads = []string{
	`<script>window.__xss=(window.__xss||0)+1</script>`,
	`<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
	`"><svg onload="window.__xss=(window.__xss||0)+1">`,
	`'-alert(1)-'`,
	`javascript:window.__xss=(window.__xss||0)+1`,
	`</script><script>window.__xss=1</script>`,
	`</textarea><script>window.__xss=(window.__xss||0)+1</script>`,
	`</title></style></noscript><script>window.__xss=(window.__xss||0)+1</script>`,
	`<a href="javascript:window.__xss=(window.__xss||0)+1">x</a>`,
	`{{constructor.constructor('window.__xss=1')()}}`,
	"\u2028\u2029</script><script>window.__xss=(window.__xss||0)+1</script>",
	"line\u2028separator\u2029paragraph';window.__xss=(window.__xss||0)+1;'",
	`<style>*{display:none}</style>`,
	`<iframe srcdoc="<script>parent.__xss=1</script>">`,
	`<iframe src="javascript:parent.__xss=(parent.__xss||0)+1"></iframe>`,
	`data:text/html,<script>window.__xss=(window.__xss||0)+1</script>`,
	`=HYPERLINK("http://evil.example","x")`,
	`+cmd|' /C calc'!A0`,
	`-2+3`,
	`@SUM(1+1)`,
	"\t=1+1",
	"]]><x>&amp;\x01\x0b</x><!--",
	"\xff\xfe<script>window.__xss=(window.__xss||0)+1</script>\xc3\x28",
	`<img src=x onerror=alert(1)>`,
	`<svg/onload=alert(document.domain)>`,
	`" onmouseover="window.__xss=(window.__xss||0)+1" x="`,
	`' autofocus onfocus='window.__xss=(window.__xss||0)+1' x='`,
	`<details open ontoggle="window.__xss=(window.__xss||0)+1">`,
	`<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=(window.__xss||0)+1">`,
	`<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">`,
	`<base href="https://evil.example/">`,
	"`;window.__xss=(window.__xss||0)+1;`${window.__xss=(window.__xss||0)+1}",
	`\";window.__xss=(window.__xss||0)+1;//`,
	`</script><!--<script>window.__xss=(window.__xss||0)+1//`,
	`__proto__`,
	`constructor`,
	`../../../../etc/passwd`,
	longPayload(),
}

// longPayload is exactly 1 MiB of script tags and filler.
func longPayload() string {
	const chunk = `<script>window.__xss=(window.__xss||0)+1</script>AAAAAAAAAAAAAAAA `
	var b strings.Builder
	b.Grow(longPayloadSize)
	for b.Len()+len(chunk) <= longPayloadSize {
		b.WriteString(chunk)
	}
	for b.Len() < longPayloadSize {
		b.WriteByte('A')
	}
	return b.String()
}

// xssTypes are the real types payload elements take, in turn.
var xssTypes = []string{
	"INTERNET_NAME", "IP_ADDRESS", "EMAILADDR", "LINKED_URL_INTERNAL", "HUMAN_NAME",
	"TARGET_WEB_CONTENT", "MALICIOUS_IPADDR", "DOMAIN_WHOIS", "RAW_DNS_RECORDS",
	"ACCOUNT_EXTERNAL_OWNED", "WEBSERVER_HTTPHEADERS", "VULNERABILITY_CVE_CRITICAL",
	"LINKED_URL_EXTERNAL", "PHONE_NUMBER", "SOFTWARE_USED", "DNS_TEXT",
}

// xssNotes is notes.md of the hostile scan: raw HTML and dangerous links that
// a Markdown renderer with raw HTML off must neutralise.
const xssNotes = "# Notes <script>window.__xss=(window.__xss||0)+1</script>\n\n" +
	"<script>window.__xss=(window.__xss||0)+1</script>\n\n" +
	"<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">\n\n" +
	"<iframe src=\"javascript:parent.__xss=(parent.__xss||0)+1\"></iframe>\n\n" +
	"<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>\n\n" +
	"- [click me](javascript:window.__xss=(window.__xss||0)+1)\n" +
	"- [encoded](jav&#x61;script:window.__xss=(window.__xss||0)+1)\n" +
	"- [data](data:text/html,<script>window.__xss=(window.__xss||0)+1</script>)\n" +
	"- ![image](javascript:window.__xss=(window.__xss||0)+1)\n" +
	"- <javascript:window.__xss=(window.__xss||0)+1>\n" +
	"- [reference][evil]\n" +
	"- [x](\"onmouseover=\"window.__xss=(window.__xss||0)+1)\n" +
	"- [ ] task <svg onload=alert(1)>\n\n" +
	"[evil]: javascript:window.__xss=(window.__xss||0)+1\n\n" +
	"<style>*{display:none}</style>\n\n" +
	"<a href=\"javascript:alert(1)\">x</a>\n\n" +
	"```html\n</code></pre><script>window.__xss=(window.__xss||0)+1</script>\n```\n\n" +
	"Inline `</code><script>window.__xss=1</script>` code.\n\n" +
	"## Every payload\n\n"

// WriteXSS writes root/id, a FINISHED scan in which every field carries
// hostile payloads from XSSPayloads: the scan's name, target, modules and
// investigations; element ids, types (made-up ones included), data, modules
// and sources; log levels, components and messages; settings keys, values
// and module names; notes.md; review decisions. Payload elements are nested:
// payload elements are the sources of other payload elements. Besides what
// scan.Writer writes (which turns invalid UTF-8 into U+FFFD), a few lines are
// appended raw to elements.jsonl and log.jsonl so that invalid UTF-8 and raw
// control characters reach the files as such; notes.md holds them too.
func WriteXSS(root, id string) error {
	start := time.Date(2026, 11, 23, 13, 37, 0, 0, time.UTC)
	pl := XSSPayloads
	short := pl[:len(pl)-1] // without the 1 MiB value
	valid := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	target := `"><svg onload="window.__xss=(window.__xss||0)+1">.evil.example`
	meta := scan.Meta{
		ID:         id,
		Name:       `XSS corpus <script>window.__xss=(window.__xss||0)+1</script> <img src=x onerror="window.__xss=(window.__xss||0)+1"> =HYPERLINK("http://evil.example","x")`,
		Target:     target,
		TargetType: "INTERNET_NAME",
		Kind:       scan.KindAutomated,
		Status:     scan.StatusStarting,
		Created:    start.Add(-time.Second),
		Investigations: []string{
			`<script>window.__xss=(window.__xss||0)+1</script>`,
			`javascript:window.__xss=(window.__xss||0)+1`,
			`=HYPERLINK("http://evil.example","x")`,
			"line\u2028separator\u2029paragraph';window.__xss=(window.__xss||0)+1;'",
			"acme-external-2026q4",
		},
	}
	meta.Modules = []string{"sfp_dnsresolve", "sfp_spider"}
	for _, p := range short {
		meta.Modules = append(meta.Modules, valid(p))
	}
	w, err := scan.Create(root, meta)
	if err != nil {
		return err
	}
	x := &xssWriter{w: w, t: start}
	err = x.write(id, target, short)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	dir := filepath.Join(root, id)
	for i, d := range x.decisions {
		d.Time = start.Add(3*time.Hour + time.Duration(i)*time.Minute)
		if err := scan.AppendDecision(dir, d); err != nil {
			return err
		}
	}
	return nil
}

type xssWriter struct {
	w         *scan.Writer
	t         time.Time
	n         int
	decisions []scan.Decision
}

func (x *xssWriter) tick() time.Time {
	x.t = x.t.Add(1700 * time.Millisecond)
	return x.t
}

func (x *xssWriter) add(e scan.Element) (string, error) {
	if e.ID == "" {
		x.n++
		e.ID = "x" + strconv.Itoa(x.n)
	}
	e.Generated = x.tick()
	return x.w.Add(e)
}

func (x *xssWriter) write(id, target string, short []string) error {
	w := x.w
	start := x.t
	if err := w.SetStatus(scan.StatusRunning, start); err != nil {
		return err
	}
	if err := w.Root(start); err != nil {
		return err
	}
	if err := w.Log(start, scan.LevelStatus, "sfscan", "Scan ["+id+"] for '"+target+"' initiated."); err != nil {
		return err
	}
	first, err := x.add(scan.Element{ID: "e1", Type: "INTERNET_NAME", Data: target, Source: scan.RootID, Module: firstModule})
	if err != nil {
		return err
	}
	if _, err := x.add(scan.Element{ID: "e2", Type: "DOMAIN_NAME", Data: target, Source: scan.RootID, Module: firstModule}); err != nil {
		return err
	}

	// Per payload: an element holding it (id, data and module are the
	// payload), nested under the previous payload element every other
	// time; a child whose type is the payload; a grandchild with the
	// payload in SpiderFoot's <SFURL> marker; a breach record quoting it.
	prev := first
	var fpIDs []string
	for i, p := range short {
		typ := xssTypes[i%len(xssTypes)]
		src := first
		if i%2 == 1 {
			src = prev
		}
		e := scan.Element{ID: p, Type: typ, Data: p, Source: src, Module: p}
		if typ == "MALICIOUS_IPADDR" || typ == "VULNERABILITY_CVE_CRITICAL" {
			e.Risk = 90
		}
		if i%5 == 2 {
			e.Confidence = 40 + i
		}
		a, err := x.add(e)
		if err != nil {
			return err
		}
		b, err := x.add(scan.Element{Type: p, Data: "value of a made-up type " + p, Source: a, Module: "sfp_spider"})
		if err != nil {
			return err
		}
		if _, err := x.add(scan.Element{Type: "LINKED_URL_EXTERNAL", Data: "<SFURL>" + p + "</SFURL>\nfound via " + p,
			Source: b, Module: "sfp_spider", Risk: 10 * (i % 10)}); err != nil {
			return err
		}
		if _, err := x.add(scan.Element{Type: "EMAILADDR_COMPROMISED", Data: "victim@evil.example [" + p + "]",
			Source: a, Module: "sfp_haveibeenpwned", Risk: 60}); err != nil {
			return err
		}
		if i < 3 || p == "__proto__" {
			fpIDs = append(fpIDs, a)
		}
		prev = a
		if err := w.Log(x.t, []string{scan.LevelInfo, scan.LevelWarning, scan.LevelError, scan.LevelDebug}[i%4], p, p); err != nil {
			return err
		}
		if err := w.Log(x.t, scan.LevelInfo, "sfp_spider", "Fetched and parsed: https://evil.example/?q="+p); err != nil {
			return err
		}
	}

	// Ordinary-looking elements with hostile modules, so that tables scroll
	// and every column of every row is untrusted.
	for i := 0; i < 60; i++ {
		p := short[i%len(short)]
		if _, err := x.add(scan.Element{Type: "IP_ADDRESS", Data: "198.51.100." + strconv.Itoa(i+1), Source: first, Module: p}); err != nil {
			return err
		}
	}

	// One value of 1 MiB, under a payload element.
	long := XSSPayloads[len(XSSPayloads)-1]
	if _, err := x.add(scan.Element{ID: "long-value", Type: "TARGET_WEB_CONTENT", Data: long, Source: short[0], Module: "sfp_spider"}); err != nil {
		return err
	}
	if err := w.Log(x.t, scan.LevelWarning, "sfp_spider", "Large page: "+long[:4096]); err != nil {
		return err
	}
	// Hostile level.
	if err := w.Log(x.t, `<img src=x onerror="window.__xss=(window.__xss||0)+1">`, "sfscan", "level is a payload"); err != nil {
		return err
	}

	// Raw lines: what a careless scanner writes, bypassing the Writer's
	// escaping: invalid UTF-8 and raw control characters inside strings.
	if err := w.Flush(); err != nil {
		return err
	}
	ts := x.tick().UTC().Format("2006-01-02T15:04:05.000Z")
	rawElems := "{\"id\":\"raw-\xff\xfe\",\"type\":\"<b>\xff\xfeRAW</b>\",\"data\":\"\xff\xfe<script>window.__xss=(window.__xss||0)+1</script>\xc3\x28 raw \x01\x0b\u2028\u2029\",\"source\":\"e1\",\"module\":\"\xc3\x28<img src=x onerror=alert(1)>\",\"generated\":\"" + ts + "\"}\n" +
		"{\"id\":\"raw-child\",\"type\":\"IP_ADDRESS\",\"data\":\"\xc0\xaf../../etc/passwd\",\"source\":\"raw-\xff\xfe\",\"module\":\"sfp_dnsresolve\",\"generated\":\"" + ts + "\"}\n"
	rawLog := "{\"time\":\"" + ts + "\",\"level\":\"ERROR\",\"component\":\"\xff\xfe<script>window.__xss=(window.__xss||0)+1</script>\",\"message\":\"\xff\xfe<script>window.__xss=(window.__xss||0)+1</script>\xc3\x28 \x01\x0b\"}\n"
	if err := appendRaw(filepath.Join(w.Dir(), scan.ElementsFile), rawElems); err != nil {
		return err
	}
	if err := appendRaw(filepath.Join(w.Dir(), scan.LogFile), rawLog); err != nil {
		return err
	}

	// A few children of the raw element, written by the Writer again.
	for i := 0; i < 3; i++ {
		if _, err := x.add(scan.Element{Type: "LINKED_URL_INTERNAL", Data: "https://evil.example/" + strconv.Itoa(i) + "?" + short[i], Source: "raw-\uFFFD\uFFFD", Module: "sfp_spider"}); err != nil {
			return err
		}
	}

	// Correlation headlines quote scan data (SpiderFoot's stored XSS, its
	// issue #2012): hosts named after payloads expose a remote desktop
	// port, which the built-in rule remote_admin_port_open reports with the
	// host in its headline.
	for i := 0; i < 6; i++ {
		host, err := x.add(scan.Element{Type: "INTERNET_NAME", Data: short[i], Source: first, Module: "sfp_dnsbrute"})
		if err != nil {
			return err
		}
		if _, err := x.add(scan.Element{Type: "TCP_PORT_OPEN", Data: short[i] + ":3389", Source: host, Module: "sfp_portscan_tcp"}); err != nil {
			return err
		}
	}

	end := x.tick()
	if err := w.Log(end, scan.LevelStatus, "sfscan", "Scan ["+id+"] completed."); err != nil {
		return err
	}
	if err := w.SetStatus(scan.StatusFinished, end); err != nil {
		return err
	}
	if err := w.WriteSettings(xssSettings(short)); err != nil {
		return err
	}
	var notes strings.Builder
	notes.WriteString(xssNotes)
	for _, p := range short {
		notes.WriteString("- ")
		notes.WriteString(p)
		notes.WriteString("\n")
	}
	notes.WriteString("\n| col | <script>window.__xss=1</script> |\n|---|---|\n| =HYPERLINK(\"http://evil.example\",\"x\") | [x](javascript:window.__xss=1) |\n")
	if err := w.WriteNotes(notes.String()); err != nil {
		return err
	}

	for i, id := range fpIDs {
		x.decisions = append(x.decisions, scan.Decision{Op: scan.OpFPSet, Element: id, By: short[i%len(short)]})
	}
	x.decisions = append(x.decisions,
		scan.Decision{Op: scan.OpInvestigationAdd, Investigation: `<img src=x onerror="window.__xss=(window.__xss||0)+1">`, By: `'-alert(1)-'`},
		scan.Decision{Op: scan.OpFPUnset, Element: fpIDs[0], By: `"><svg onload="window.__xss=(window.__xss||0)+1">`},
	)
	return nil
}

// xssSettings puts payloads into keys, values and module names. TOML must
// be valid UTF-8, so invalid bytes become U+FFFD there.
//
// Secret settings hold a payload with a "secret-" prefix: the report masks
// every occurrence of a secret value anywhere in the scan (docs/secrets.md),
// so a secret equal to a bare payload would mask that payload in the
// element tables too, where the tests look for it as text.
func xssSettings(short []string) scan.Settings {
	valid := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	s := scan.Settings{Global: []scan.Setting{
		{Key: "user_agent", Value: `<script>window.__xss=(window.__xss||0)+1</script>`},
		{Key: "api_key", Value: `secret-"><svg onload="window.__xss=(window.__xss||0)+1">`},
		{Key: "password", Value: `secret-=HYPERLINK("http://evil.example","x")`},
	}}
	seen := map[string]bool{}
	for i, p := range short {
		k := valid(p)
		if seen[k] {
			continue
		}
		seen[k] = true
		s.Global = append(s.Global, scan.Setting{Key: k, Value: valid(short[(i+1)%len(short)])})
		s.Modules = append(s.Modules, scan.ModuleSettings{Module: k, Settings: []scan.Setting{
			{Key: k, Value: k},
			{Key: "api_key", Value: "secret-api-" + k},
			{Key: "shodan_api_key", Value: "secret-" + k},
		}})
	}
	s.Modules = append(s.Modules, scan.ModuleSettings{Module: "sfp_spider", Settings: []scan.Setting{
		{Key: "start", Value: "javascript:window.__xss=(window.__xss||0)+1"},
		{Key: "token", Value: `secret-</script><script>window.__xss=1</script>`},
	}})
	return s
}

// appendRaw appends text to path as it is.
func appendRaw(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	return errors.Join(err, f.Close())
}
