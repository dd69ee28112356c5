package sample

import (
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// scanner is the log component of the scan engine itself.
const scanner = "sfscan"

// startLog writes what a scan logs before its first finding.
func (g *gen) startLog() error {
	o := &g.o
	w := g.w
	t := o.Start
	mods := modules()
	lines := []struct {
		level, comp, msg string
	}{
		{scan.LevelStatus, scanner, "Scan [" + o.ID + "] for '" + o.Target + "' initiated."},
		{scan.LevelInfo, scanner, "Target " + o.Target + " is of type " + g.targetType + "."},
		{scan.LevelInfo, scanner, "Loading " + strconv.Itoa(len(mods)) + " modules."},
	}
	for _, l := range lines {
		if err := w.Log(t, l.level, l.comp, l.msg); err != nil {
			return err
		}
		t = t.Add(time.Millisecond)
	}
	for _, m := range mods {
		if err := w.Log(t, scan.LevelDebug, m, m+" module loaded."); err != nil {
			return err
		}
		t = t.Add(time.Millisecond)
	}
	return w.Log(t, scan.LevelInfo, scanner, "Scan ["+o.ID+"] running with "+strconv.Itoa(len(mods))+" modules and 3 threads.")
}

// endLog writes the closing lines for the final status.
func (g *gen) endLog(end time.Time) error {
	o := &g.o
	w := g.w
	elems := strconv.Itoa(int(g.n))
	switch o.Status {
	case scan.StatusRunning:
		return w.Log(g.now(), scan.LevelInfo, scanner, "Processed "+elems+" events so far; "+strconv.Itoa(g.rng.IntN(400)+20)+" queued.")
	case scan.StatusFinished:
		if err := w.Log(end.Add(-time.Second), scan.LevelInfo, "correlation", "Running 37 correlation rules on "+elems+" events."); err != nil {
			return err
		}
		return w.Log(end, scan.LevelStatus, scanner, "Scan ["+o.ID+"] completed.")
	case scan.StatusAborted:
		if err := w.Log(end.Add(-time.Second), scan.LevelWarning, scanner, "Scan abort requested by the user; waiting for modules to stop."); err != nil {
			return err
		}
		return w.Log(end, scan.LevelStatus, scanner, "Scan ["+o.ID+"] aborted.")
	case scan.StatusErrorFailed:
		if err := w.Log(end.Add(-time.Second), scan.LevelCritical, scanner, "Unhandled exception in sfp_spider: ConnectionResetError: [Errno 104] Connection reset by peer"); err != nil {
			return err
		}
		return w.Log(end, scan.LevelError, scanner, "Scan ["+o.ID+"] failed.")
	}
	return w.Log(end, scan.LevelStatus, scanner, "Scan ["+o.ID+"] status changed to "+o.Status+".")
}

// moduleMessages are what a module logs; "{}" is replaced by a value.
type moduleMessages struct{ info, warn, err string }

var logMessages = map[string]moduleMessages{
	"sfp_dnsresolve":     {"Resolved {}", "DNS query timed out; retrying with the next resolver", "Unable to resolve {}: SERVFAIL"},
	"sfp_dnsbrute":       {"Brute-forced host name {}", "Wildcard DNS detected on a parent name; skipping its common names", "DNS query for {} failed: REFUSED"},
	"sfp_crt":            {"crt.sh certificate entry: {}", "crt.sh responded slowly (12.4 s); results may be incomplete", "crt.sh returned HTTP 502; certificate search incomplete"},
	"sfp_sslcert":        {"Examined certificate: {}", "Certificate does not match the host name it was served for", "TLS handshake failed: certificate verify failed"},
	"sfp_spider":         {"Fetched and parsed: {}", "Fetch timed out after 5 seconds; skipping page", "Unable to fetch page: connection reset by peer"},
	"sfp_portscan_tcp":   {"Port scan result: {}", "Port scan slowed down: many filtered ports", "Timed out connecting to {}"},
	"sfp_shodan":         {"Shodan host data: {}", "Shodan API rate limit hit; waiting 1 second", "Shodan API returned HTTP 401: check the API key"},
	"sfp_email":          {"Found e-mail address {}", "Skipping e-mail address with an invalid domain", "Unable to parse page content for e-mail addresses"},
	"sfp_whois":          {"WHOIS lookup done: {}", "WHOIS server rate limited the query; retrying", "WHOIS lookup failed: connection refused"},
	"sfp_haveibeenpwned": {"Breach found: {}", "HaveIBeenPwned API rate limited; retrying in 2 seconds", "HaveIBeenPwned API returned HTTP 401: invalid API key"},
	"sfp_alienvault":     {"AlienVault OTX result: {}", "AlienVault OTX responded slowly; backing off", "AlienVault OTX returned HTTP 504"},
	"sfp_accounts":       {"Account found: {}", "Site check inconclusive (HTTP 429)", "Unable to load the site list"},
}

// typeMessages are INFO messages for elements of a type, when the module's
// own message would not fit the value.
var typeMessages = map[string]string{
	"LINKED_URL_INTERNAL":     "Fetched and parsed: {}",
	"LINKED_URL_EXTERNAL":     "Found link to an external site: {}",
	"AFFILIATE_INTERNET_NAME": "Affiliate host name found: {}",
	"HTTP_CODE":               "Received HTTP status {}",
	"WEBSERVER_HTTPHEADERS":   "Stored response headers",
	"TARGET_WEB_CONTENT":      "Stored page content",
	"TARGET_WEB_CONTENT_TYPE": "Content type: {}",
	"URL_FORM":                "Page has a form: {}",
	"URL_JAVASCRIPT":          "Page uses JavaScript: {}",
	"URL_PASSWORD":            "Page accepts passwords: {}",
	"TCP_PORT_OPEN":           "Open port found: {}",
	"TCP_PORT_OPEN_BANNER":    "Received banner: {}",
	"IP_ADDRESS":              "Resolved host to {}",
	"IPV6_ADDRESS":            "Resolved host to {}",
	"INTERNET_NAME":           "Found host name {}",
	"SSL_CERTIFICATE_ISSUED":  "Examined certificate: {}",
	"SSL_CERTIFICATE_ISSUER":  "Certificate issued by {}",
	"SSL_CERTIFICATE_RAW":     "Stored raw certificate",
	"RAW_DNS_RECORDS":         "DNS records: {}",
	"DOMAIN_WHOIS":            "Stored WHOIS record",
}

var defaultMessages = moduleMessages{"Found {}", "Slow response from the data source; continuing", "Error querying the data source: HTTP 500"}

// elementLog writes a log line about the element just written, at its time.
func (g *gen) elementLog(r *rule, parent entry, data string) error {
	if i := strings.IndexAny(data, "\r\n"); i >= 0 {
		data = data[:i]
	}
	if len(data) > 120 {
		data = data[:120]
	}
	msgs, ok := logMessages[r.module]
	if !ok {
		msgs = defaultMessages
	}
	level, msg := scan.LevelInfo, msgs.info
	if m, ok := typeMessages[r.typ]; ok && r.module != "sfp_dnsbrute" && r.module != "sfp_crt" {
		msg = m
	}
	switch x := g.rng.IntN(100); {
	case x < 3:
		level, msg = scan.LevelError, msgs.err
	case x < 14:
		level, msg = scan.LevelWarning, msgs.warn
	case x < 36:
		ptyp, pmod := g.targetType, firstModule
		if k := g.kind[parent.n]; k > 0 {
			ptyp, pmod = rules[k-1].typ, rules[k-1].module
		} else if parent.n == 2 && g.first == 2 {
			ptyp = "DOMAIN_NAME"
		}
		level, msg = scan.LevelDebug, "Received event, "+ptyp+", from "+pmod
	}
	msg = strings.Replace(msg, "{}", data, 1)
	g.logs++
	return g.w.Log(g.now(), level, r.module, msg)
}
