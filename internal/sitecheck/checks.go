package sitecheck

// The checks, each over a built site; a problem fails the test t.

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/scanreport/scanreport/generator/pages"
	"github.com/scanreport/scanreport/internal/testread"
)

// Links crawls every HTML file: every URL is relative, names a file
// (never a folder), stays inside the site and resolves to a file that
// exists; a fragment names an element of its page. The one exception is
// the analyst's Markdown notes: a link there may point to an http(s) or
// mailto address (a hyperlink the reader chooses to follow; nothing is
// fetched), and a link the renderer neutralised is left empty.
func Links(t testing.TB, site string) {
	t.Helper()
	files := map[string]bool{}
	for _, rel := range testread.SiteFiles(t, site) {
		files[rel] = true
	}
	checked := 0
	for _, page := range testread.HTMLFiles(t, site) {
		doc := ParseHTML(t, site, page)
		ids := map[string]bool{}
		Walk(doc, func(n *html.Node) {
			if id, ok := Attr(n, "id"); ok {
				ids[id] = true
			}
		})
		Walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				key := a.Key
				if a.Namespace != "" {
					key = a.Namespace + ":" + a.Key
				}
				if !slices.Contains(URLAttrs, key) {
					continue
				}
				checked++
				if InNotes(n) {
					if a.Val == "" {
						continue // a dangerous link the Markdown renderer dropped
					}
					if u, err := url.Parse(a.Val); err == nil && n.Data == "a" && key == "href" &&
						(u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto") {
						continue
					}
				}
				if SFURLLink(n) {
					// A scan value's <SFURL> link (docs/site-format.md): out of
					// the site on purpose, http(s) only, no referrer or opener.
					if u, err := url.Parse(a.Val); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
						t.Errorf("%s: <a class=sfurl href=%q>: not an http(s) URL", page, a.Val)
					}
					continue
				}
				if problem := CheckRef(page, a.Val, files, ids); problem != "" {
					t.Errorf("%s: <%s %s=%q>: %s", page, n.Data, key, a.Val, problem)
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no links found")
	}
	t.Logf("%d URLs checked in %d pages", checked, len(testread.HTMLFiles(t, site)))
}

// PageHooks checks what every page carries: the CSP meta of the
// contract, body data-page, and on scan pages data-scan and a data-data
// folder holding the manifest; element pages have data-type.
func PageHooks(t testing.TB, site string) {
	t.Helper()
	kinds := map[string]int{}
	for _, page := range testread.HTMLFiles(t, site) {
		doc := ParseHTML(t, site, page)
		var csp []string
		var body *html.Node
		Walk(doc, func(n *html.Node) {
			if n.Data == "meta" {
				if v, _ := Attr(n, "http-equiv"); strings.EqualFold(v, "Content-Security-Policy") {
					c, _ := Attr(n, "content")
					csp = append(csp, c)
				}
			}
			if n.Data == "body" {
				body = n
			}
		})
		if len(csp) != 1 || csp[0] != pages.CSP {
			t.Errorf("%s: CSP metas %q, want exactly one %q", page, csp, pages.CSP)
		}
		if body == nil {
			t.Errorf("%s: no body", page)
			continue
		}
		kind, _ := Attr(body, "data-page")
		kinds[kind]++
		want := map[string]string{"index.html": "scans", "search.html": "search-all", "settings.html": "global-settings",
			"compare.html": "compare", "investigations/index.html": "investigations"}[page]
		switch {
		case want != "":
		case strings.HasPrefix(page, "investigations/"):
			want = "investigation"
		case strings.HasSuffix(page, "/investigations.html"):
			want = "scan-investigations"
		case strings.HasSuffix(page, "/explore.html"):
			want = "explore"
		case strings.HasSuffix(page, "/graph.html"):
			want = "graph"
		case strings.HasSuffix(page, "/visualise.html"):
			want = "visualise"
		case strings.HasSuffix(page, "/correlations.html"):
			want = "correlations"
		case strings.HasSuffix(page, "/search.html"):
			want = "search"
		case strings.HasSuffix(page, "/index.html"):
			want = "overview"
		case strings.HasSuffix(page, "/browse.html"):
			want = "browse"
		case strings.HasSuffix(page, "/settings.html"):
			want = "settings"
		case strings.HasSuffix(page, "/log.html"):
			want = "log"
		case strings.Contains(page, "/types/"):
			want = "elements"
		}
		if kind != want {
			t.Errorf("%s: data-page=%q, want %q", page, kind, want)
		}
		if kind == "scans" || kind == "search-all" || kind == "global-settings" || kind == "compare" || kind == "investigations" || kind == "investigation" {
			continue
		}
		id, _ := Attr(body, "data-scan")
		if !strings.HasPrefix(page, "scans/"+id+"/") || id == "" {
			t.Errorf("%s: data-scan=%q", page, id)
		}
		data, _ := Attr(body, "data-data")
		if !strings.HasSuffix(data, "/") || strings.Contains(data, ":") || strings.HasPrefix(data, "/") {
			t.Errorf("%s: data-data=%q is not a relative folder URL ending in /", page, data)
		} else if p := path.Join(path.Dir(page), data, "manifest.js"); p != "scans/"+id+"/data/manifest.js" {
			t.Errorf("%s: data-data=%q resolves to %s, not the scan's data folder", page, data, p)
		}
		if kind == "elements" {
			slug, _ := Attr(body, "data-type")
			if page != "scans/"+id+"/types/"+slug+".html" {
				t.Errorf("%s: data-type=%q does not match the file name", page, slug)
			}
		}
	}
	for _, k := range []string{"scans", "overview", "browse", "settings", "log", "elements"} {
		if kinds[k] == 0 {
			t.Errorf("no page with data-page=%q", k)
		}
	}
}

// ScriptSafe checks the files, not the browser: no HTML
// file has a <script> other than the site's own <script src>, an event
// handler attribute, a style attribute, a javascript: URL or an element a
// payload would bring (iframe, object, embed, base, form, img); every data
// file is one push statement with no raw <, > or &.
func ScriptSafe(t testing.TB, site string) {
	t.Helper()
	files := map[string]bool{}
	for _, rel := range testread.SiteFiles(t, site) {
		files[rel] = true
	}
	forbidden := []string{"iframe", "frame", "object", "embed", "base", "form", "img", "video", "audio", "math", "template", "link"}
	for _, page := range testread.HTMLFiles(t, site) {
		doc := ParseHTML(t, site, page)
		scripts := 0
		Walk(doc, func(n *html.Node) {
			switch {
			case n.Data == "script":
				scripts++
				src, ok := Attr(n, "src")
				inline := n.FirstChild != nil && strings.TrimSpace(n.FirstChild.Data) != ""
				if !ok || inline || !(strings.HasSuffix(src, "data/manifest.js") || src == "data/scans.js" || strings.HasSuffix(src, "live.js") || strings.Contains(src, "assets/app.") || strings.Contains(src, "assets/app-graphs.") ||
					strings.HasSuffix(page, "/investigations.html") && src == "../../data/investigations.js") {
					t.Errorf("%s: a <script> that is not the site's own: src=%q inline=%v", page, src, inline)
				}
				if typ, ok := Attr(n, "type"); ok && typ != "text/javascript" {
					t.Errorf("%s: <script type=%q>", page, typ)
				}
			case n.Data == "link":
				rel, _ := Attr(n, "rel")
				href, _ := Attr(n, "href")
				if !(rel == "stylesheet" && strings.Contains(href, "assets/app.")) && !(rel == "icon" && strings.Contains(href, "assets/icon.")) {
					t.Errorf("%s: <link rel=%q href=%q>", page, rel, href)
				}
				return
			case n.Data == "img" && InNotes(n):
				// Markdown images in the notes: only empty (dropped) or in-site sources.
				if src, _ := Attr(n, "src"); src != "" && CheckRef(page, src, files, nil) != "" {
					t.Errorf("%s: notes image %q", page, src)
				}
			case slices.Contains(forbidden, n.Data):
				t.Errorf("%s: unexpected <%s> element", page, n.Data)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" {
					t.Errorf("%s: <%s %s=%q>", page, n.Data, a.Key, a.Val)
				}
				if slices.Contains(URLAttrs, k) && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")) {
					t.Errorf("%s: <%s %s=%q>", page, n.Data, a.Key, a.Val)
				}
				if n.Data == "meta" && k == "http-equiv" && v == "refresh" {
					t.Errorf("%s: meta refresh", page)
				}
			}
		})
		want := 3 // the bundle, live.js and a data file (manifest.js, or scans.js on the root pages)
		if page == "settings.html" {
			want = 2 // the site's settings need no data
		}
		if strings.HasPrefix(page, "investigations/") {
			want = 2 // investigation pages are server-rendered
		}
		if strings.HasPrefix(page, "scans/") && strings.HasSuffix(page, "/investigations.html") {
			want = 4 // the Investigations tab also loads data/investigations.js
		}
		if scripts != want {
			t.Errorf("%s: %d <script> elements, want %d", page, scripts, want)
		}
	}
	// A careful regexp-free cross-check on the raw bytes: every "<script"
	// (any case) opens one of the two script tags the layout writes.
	for _, page := range testread.HTMLFiles(t, site) {
		b, _ := os.ReadFile(filepath.Join(site, filepath.FromSlash(page)))
		low := strings.ToLower(string(b))
		for i := strings.Index(low, "<script"); i >= 0; {
			tag := low[i:min(len(low), i+200)]
			if !strings.HasPrefix(tag, `<script src="`) {
				t.Errorf("%s: raw %q", page, tag[:min(len(tag), 60)])
			}
			next := strings.Index(low[i+1:], "<script")
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	for _, rel := range testread.SiteFiles(t, site) {
		if !strings.HasPrefix(rel, "data/") && !strings.Contains(rel, "/data/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(testread.DataPrefix)) {
			t.Errorf("%s: does not start with %s", rel, testread.DataPrefix)
		}
		body := bytes.TrimPrefix(b, []byte(testread.DataPrefix))
		if i := bytes.IndexAny(body, "<>&"); i >= 0 {
			t.Errorf("%s: raw %q at byte %d", rel, body[i], len(testread.DataPrefix)+i)
		}
	}
}

// ValidUTF8: every text file of the site (pages, scripts,
// data, downloads) is valid UTF-8, as the pages declare; a GEXF file holds
// no character XML forbids.
func ValidUTF8(t testing.TB, site string) {
	t.Helper()
	for _, rel := range testread.SiteFiles(t, site) {
		ext := path.Ext(rel)
		if !slices.Contains([]string{".html", ".js", ".css", ".json", ".csv", ".gexf", ".xml", ".txt"}, ext) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			i := 0
			for i < len(b) {
				r, size := utf8.DecodeRune(b[i:])
				if r == utf8.RuneError && size == 1 {
					break
				}
				i += size
			}
			t.Errorf("%s: invalid UTF-8 at byte %d: %q", rel, i, b[max(0, i-60):min(len(b), i+10)])
		}
		if ext == ".gexf" || ext == ".xml" {
			if i := bytes.IndexFunc(b, func(r rune) bool {
				return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
			}); i >= 0 {
				t.Errorf("%s: a character XML forbids at byte %d", rel, i)
			}
		}
	}
}
