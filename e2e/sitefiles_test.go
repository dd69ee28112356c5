package e2e

// Tests of the built files themselves, in Go only (no browser): links,
// page hooks, data files, script safety and determinism.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/generator/pages"
)

// siteFiles lists the site's files, relative and slash-separated.
func siteFiles(t testing.TB, site string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(site, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func htmlFiles(t testing.TB, site string) []string {
	var out []string
	for _, f := range siteFiles(t, site) {
		if strings.HasSuffix(f, ".html") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatal("the site has no HTML files")
	}
	return out
}

// parseHTML parses a file of the site.
func parseHTML(t testing.TB, site, rel string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return doc
}

// walk calls fn for every element node under n.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// urlAttrs are the attributes that hold URLs.
var urlAttrs = []string{"href", "src", "action", "formaction", "poster", "srcset", "data", "xlink:href", "background", "cite", "manifest"}

// inNotes tells whether n is inside the analyst's notes (section.notes),
// Markdown the analyst wrote rather than a link of the site.
// sfurlLink reports whether n is the link the report makes of a value's
// <SFURL> marker: <a class="sfurl" rel="noopener noreferrer">.
func sfurlLink(n *html.Node) bool {
	c, _ := attr(n, "class")
	rel, _ := attr(n, "rel")
	return n.Data == "a" && slices.Contains(strings.Fields(c), "sfurl") &&
		slices.Contains(strings.Fields(rel), "noopener") && slices.Contains(strings.Fields(rel), "noreferrer")
}

func inNotes(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && a.Data == "section" {
			if c, _ := attr(a, "class"); slices.Contains(strings.Fields(c), "notes") {
				return true
			}
		}
	}
	return false
}

// TestLinks crawls every HTML file: every URL is relative, names a file
// (never a folder), stays inside the site and resolves to a file that
// exists; a fragment names an element of its page. The one exception is
// the analyst's Markdown notes: a link there may point to an http(s) or
// mailto address (a hyperlink the reader chooses to follow; nothing is
// fetched), and a link the renderer neutralised is left empty.
func TestLinks(t *testing.T) {
	f := site(t)
	files := map[string]bool{}
	for _, rel := range siteFiles(t, f.Site) {
		files[rel] = true
	}
	checked := 0
	for _, page := range htmlFiles(t, f.Site) {
		doc := parseHTML(t, f.Site, page)
		ids := map[string]bool{}
		walk(doc, func(n *html.Node) {
			if id, ok := attr(n, "id"); ok {
				ids[id] = true
			}
		})
		walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				key := a.Key
				if a.Namespace != "" {
					key = a.Namespace + ":" + a.Key
				}
				if !slices.Contains(urlAttrs, key) {
					continue
				}
				checked++
				if inNotes(n) {
					if a.Val == "" {
						continue // a dangerous link the Markdown renderer dropped
					}
					if u, err := url.Parse(a.Val); err == nil && n.Data == "a" && key == "href" &&
						(u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto") {
						continue
					}
				}
				if sfurlLink(n) {
					// A scan value's <SFURL> link (docs/site-format.md): out of
					// the site on purpose, http(s) only, no referrer or opener.
					if u, err := url.Parse(a.Val); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
						t.Errorf("%s: <a class=sfurl href=%q>: not an http(s) URL", page, a.Val)
					}
					continue
				}
				if problem := checkRef(page, a.Val, files, ids); problem != "" {
					t.Errorf("%s: <%s %s=%q>: %s", page, n.Data, key, a.Val, problem)
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no links found")
	}
	t.Logf("%d URLs checked in %d pages", checked, len(htmlFiles(t, f.Site)))
}

// checkRef says what is wrong with a URL found in page, or "".
func checkRef(page, ref string, files, ids map[string]bool) string {
	if ref == "" {
		return "empty URL"
	}
	if strings.TrimSpace(ref) != ref || strings.ContainsAny(ref, "\\\t\n\r") {
		return "URL with spaces or backslashes"
	}
	if strings.HasPrefix(ref, "//") {
		return "protocol-relative URL points outside the site"
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "unparsable: " + err.Error()
	}
	if u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "not a relative URL (" + u.Scheme + ":)"
	}
	if strings.HasPrefix(u.Path, "/") {
		return "root-absolute path: breaks under file:// and in a bucket prefix"
	}
	if u.Path == "" { // a fragment or query on this page
		// A fragment with "=" is the page's own state (#q=…, #rule=…),
		// read by its script; any other names an element.
		if u.Fragment != "" && !strings.Contains(u.Fragment, "=") && !ids[u.Fragment] {
			return "fragment names no element of the page"
		}
		return ""
	}
	if strings.HasSuffix(u.Path, "/") || strings.HasSuffix(u.Path, "/.") || strings.HasSuffix(u.Path, "/..") || u.Path == "." || u.Path == ".." {
		return "names a folder, not a file"
	}
	target := path.Join(path.Dir(page), u.Path)
	if target == ".." || strings.HasPrefix(target, "../") {
		return "leaves the site (" + target + ")"
	}
	if !files[target] {
		return "no such file in the site (" + target + ")"
	}
	return ""
}

// TestPageHooks checks what every page carries: the CSP meta of the
// contract, body data-page, and on scan pages data-scan and a data-data
// folder holding the manifest; element pages have data-type.
func TestPageHooks(t *testing.T) {
	f := site(t)
	kinds := map[string]int{}
	for _, page := range htmlFiles(t, f.Site) {
		doc := parseHTML(t, f.Site, page)
		var csp []string
		var body *html.Node
		walk(doc, func(n *html.Node) {
			if n.Data == "meta" {
				if v, _ := attr(n, "http-equiv"); strings.EqualFold(v, "Content-Security-Policy") {
					c, _ := attr(n, "content")
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
		kind, _ := attr(body, "data-page")
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
		id, _ := attr(body, "data-scan")
		if !strings.HasPrefix(page, "scans/"+id+"/") || id == "" {
			t.Errorf("%s: data-scan=%q", page, id)
		}
		data, _ := attr(body, "data-data")
		if !strings.HasSuffix(data, "/") || strings.Contains(data, ":") || strings.HasPrefix(data, "/") {
			t.Errorf("%s: data-data=%q is not a relative folder URL ending in /", page, data)
		} else if p := path.Join(path.Dir(page), data, "manifest.js"); p != "scans/"+id+"/data/manifest.js" {
			t.Errorf("%s: data-data=%q resolves to %s, not the scan's data folder", page, data, p)
		}
		if kind == "elements" {
			slug, _ := attr(body, "data-type")
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

// The data file statement of docs/site-format.md.
const (
	dataPrefix = "(window.__sr=window.__sr||[]).push("
	dataSuffix = ");"
)

// readPayload reads a data file and decodes its JSON payload into v.
func readPayload(t testing.TB, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimRight(string(b), "\n")
	if !strings.HasPrefix(s, dataPrefix) || !strings.HasSuffix(s, dataSuffix) {
		t.Fatalf("%s: not one %s…%s statement", file, dataPrefix, dataSuffix)
	}
	if err := json.Unmarshal([]byte(s[len(dataPrefix):len(s)-len(dataSuffix)]), v); err != nil {
		t.Fatalf("%s: payload: %v", file, err)
	}
}

// manifest is docs/site-format.md's manifest.js.
type manifest struct {
	K       string   `json:"k"`
	Scan    string   `json:"scan"`
	Status  string   `json:"status"`
	Done    bool     `json:"done"`
	Count   int      `json:"count"`
	Modules []string `json:"modules"`
	Types   []struct {
		Code, Slug, Descr, Cat   string
		Total, Unique, Risky, FP int
		Last                     int64
		Chunks                   []chunkRef
	} `json:"types"`
	Log struct {
		Total  int
		Chunks []chunkRef
	} `json:"log"`
	FP struct {
		F string
		N int
	} `json:"fp"`
}

type chunkRef struct {
	F string `json:"f"`
	N int    `json:"n"`
}

// elementChunk is an element chunk's payload.
type elementChunk struct {
	K    string   `json:"k"`
	Scan string   `json:"scan"`
	Type string   `json:"type"`
	Seq  int      `json:"seq"`
	N    int      `json:"n"`
	I    []int    `json:"i"`
	ID   []string `json:"id"`
	D    []string `json:"d"`
	S    []int    `json:"s"`
	SD   []string `json:"sd"`
	M    []int    `json:"m"`
	T    []int64  `json:"t"`
	R    []int    `json:"r"`
	F    []int    `json:"f"`
}

func readManifest(t testing.TB, site, id string) manifest {
	var m manifest
	readPayload(t, filepath.Join(site, "scans", id, "data", "manifest.js"), &m)
	return m
}

// TestDataFiles checks every scan's data files against the model and the
// format: the manifest's numbers, chunk files that exist and hold n rows
// of equal-length columns, 10,000 rows at most, and nothing else in data/.
func TestDataFiles(t *testing.T) {
	f := site(t)
	for _, id := range f.ids {
		t.Run(id, func(t *testing.T) {
			s := f.scan(t, id)
			m := readManifest(t, f.Site, id)
			dir := filepath.Join(f.Site, "scans", id, "data")
			if m.K != "manifest" || m.Scan != id || m.Status != s.Meta.Status || m.Count != s.Count() || m.Done != s.Meta.Done() {
				t.Errorf("manifest head: k=%q scan=%q status=%q count=%d done=%v; want manifest %q %q %d %v",
					m.K, m.Scan, m.Status, m.Count, m.Done, id, s.Meta.Status, s.Count(), s.Meta.Done())
			}
			want := map[string]bool{"manifest.js": true, m.FP.F: true}
			graphFiles(t, dir, want) // graph.js, tree.js and the files they list (graph_test.go)
			indexFiles(t, dir, want) // ix.js and the shards it counts (docs/site-format.md)
			sum := 0
			byCode := map[string]int{}
			for _, ty := range types(s) {
				byCode[ty.Code] = ty.Total()
			}
			for _, ty := range m.Types {
				sum += ty.Total
				if byCode[ty.Code] != ty.Total {
					t.Errorf("type %s: manifest total %d, model %d", ty.Code, ty.Total, byCode[ty.Code])
				}
				rows := 0
				for seq, c := range ty.Chunks {
					want[c.F] = true
					rows += c.N
					if c.N > 10000 || c.N <= 0 {
						t.Errorf("%s: n=%d", c.F, c.N)
					}
					var ch elementChunk
					readPayload(t, filepath.Join(dir, c.F), &ch)
					cols := map[string]int{"i": len(ch.I), "id": len(ch.ID), "d": len(ch.D), "s": len(ch.S), "sd": len(ch.SD), "m": len(ch.M), "t": len(ch.T), "r": len(ch.R), "f": len(ch.F)}
					for col, n := range cols {
						if n != c.N {
							t.Errorf("%s: column %s has %d values, n=%d", c.F, col, n, c.N)
						}
					}
					if ch.K != "elements" || ch.Scan != id || ch.Type != ty.Slug || ch.Seq != seq || ch.N != c.N {
						t.Errorf("%s: head k=%q scan=%q type=%q seq=%d n=%d", c.F, ch.K, ch.Scan, ch.Type, ch.Seq, ch.N)
					}
					for _, mi := range ch.M {
						if mi < 0 || mi >= len(m.Modules) {
							t.Errorf("%s: module index %d out of range", c.F, mi)
							break
						}
					}
				}
				if rows != ty.Total {
					t.Errorf("type %s: chunks hold %d rows, total %d", ty.Code, rows, ty.Total)
				}
			}
			if sum != m.Count || len(m.Types) != len(byCode) {
				t.Errorf("manifest types add up to %d elements in %d types; count %d, model has %d types", sum, len(m.Types), m.Count, len(byCode))
			}
			logRows := 0
			for _, c := range m.Log.Chunks {
				want[c.F] = true
				logRows += c.N
			}
			if logRows != m.Log.Total || m.Log.Total != len(s.Log) {
				t.Errorf("log: chunks %d rows, total %d, model %d", logRows, m.Log.Total, len(s.Log))
			}
			var fp struct {
				K    string
				Scan string
				I    []int
			}
			readPayload(t, filepath.Join(dir, m.FP.F), &fp)
			if len(fp.I) != m.FP.N || fp.K != "fp" {
				t.Errorf("fp.js: k=%q with %d indices; manifest says %d", fp.K, len(fp.I), m.FP.N)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if !want[e.Name()] {
					t.Errorf("data/%s is in no manifest list", e.Name())
				}
				delete(want, e.Name())
			}
			for name := range want {
				t.Errorf("data/%s is listed in the manifest but missing", name)
			}
		})
	}
}

// TestBuiltFilesAreScriptSafe checks the files, not the browser: no HTML
// file has a <script> other than the site's own <script src>, an event
// handler attribute, a style attribute, a javascript: URL or an element a
// payload would bring (iframe, object, embed, base, form, img); every data
// file is one push statement with no raw <, > or &.
func TestBuiltFilesAreScriptSafe(t *testing.T) {
	f := site(t)
	files := map[string]bool{}
	for _, rel := range siteFiles(t, f.Site) {
		files[rel] = true
	}
	forbidden := []string{"iframe", "frame", "object", "embed", "base", "form", "img", "video", "audio", "math", "template", "link"}
	for _, page := range htmlFiles(t, f.Site) {
		doc := parseHTML(t, f.Site, page)
		scripts := 0
		walk(doc, func(n *html.Node) {
			switch {
			case n.Data == "script":
				scripts++
				src, ok := attr(n, "src")
				inline := n.FirstChild != nil && strings.TrimSpace(n.FirstChild.Data) != ""
				if !ok || inline || !(strings.HasSuffix(src, "data/manifest.js") || src == "data/scans.js" || strings.HasSuffix(src, "live.js") || strings.Contains(src, "assets/app.") || strings.Contains(src, "assets/app-graphs.") ||
					strings.HasSuffix(page, "/investigations.html") && src == "../../data/investigations.js") {
					t.Errorf("%s: a <script> that is not the site's own: src=%q inline=%v", page, src, inline)
				}
				if typ, ok := attr(n, "type"); ok && typ != "text/javascript" {
					t.Errorf("%s: <script type=%q>", page, typ)
				}
			case n.Data == "link":
				rel, _ := attr(n, "rel")
				href, _ := attr(n, "href")
				if !(rel == "stylesheet" && strings.Contains(href, "assets/app.")) && !(rel == "icon" && strings.Contains(href, "assets/icon.")) {
					t.Errorf("%s: <link rel=%q href=%q>", page, rel, href)
				}
				return
			case n.Data == "img" && inNotes(n):
				// Markdown images in the notes: only empty (dropped) or in-site sources.
				if src, _ := attr(n, "src"); src != "" && checkRef(page, src, files, nil) != "" {
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
				if slices.Contains(urlAttrs, k) && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")) {
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
	for _, page := range htmlFiles(t, f.Site) {
		b, _ := os.ReadFile(filepath.Join(f.Site, filepath.FromSlash(page)))
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
	for _, rel := range siteFiles(t, f.Site) {
		if !strings.Contains(rel, "/data/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(f.Site, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(dataPrefix)) {
			t.Errorf("%s: does not start with %s", rel, dataPrefix)
		}
		body := bytes.TrimPrefix(b, []byte(dataPrefix))
		if i := bytes.IndexAny(body, "<>&"); i >= 0 {
			t.Errorf("%s: raw %q at byte %d", rel, body[i], len(dataPrefix)+i)
		}
	}
}

// TestTextFilesAreValidUTF8: every text file of the site (pages, scripts,
// data, downloads) is valid UTF-8, as the pages declare; a GEXF file holds
// no character XML forbids.
func TestTextFilesAreValidUTF8(t *testing.T) {
	f := site(t)
	for _, rel := range siteFiles(t, f.Site) {
		ext := path.Ext(rel)
		if !slices.Contains([]string{".html", ".js", ".css", ".json", ".csv", ".gexf", ".xml", ".txt"}, ext) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(f.Site, filepath.FromSlash(rel)))
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

// TestDeterministicBuild builds the same scans twice and compares every
// file's bytes.
func TestDeterministicBuild(t *testing.T) {
	f := site(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b} {
		if _, err := generator.Build(context.Background(), buildOptions(f.Scans, out)); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := siteFiles(t, a), siteFiles(t, b)
	if !slices.Equal(fa, fb) {
		t.Fatalf("the two builds have different files:\n%v\n%v", fa, fb)
	}
	diffs := 0
	for _, rel := range fa {
		x, _ := os.ReadFile(filepath.Join(a, rel))
		y, _ := os.ReadFile(filepath.Join(b, rel))
		if !bytes.Equal(x, y) {
			if diffs++; diffs <= 10 {
				i := 0
				for i < len(x) && i < len(y) && x[i] == y[i] {
					i++
				}
				t.Errorf("%s differs at byte %d: %q vs %q", rel, i, x[i:min(len(x), i+60)], y[i:min(len(y), i+60)])
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d files differ", diffs, len(fa))
	}
}

// indexFiles adds the search index to want: ix.js and, for each kind of
// shard, the shards 0..n-1 its "shards" counts say exist.
func indexFiles(t *testing.T, dir string, want map[string]bool) {
	t.Helper()
	var ix struct {
		K      string
		V      int
		Shards map[string]int
	}
	readPayload(t, filepath.Join(dir, "ix.js"), &ix)
	if ix.K != "ix" || ix.V != 1 || len(ix.Shards) == 0 {
		t.Errorf("ix.js: k=%q v=%d shards=%v", ix.K, ix.V, ix.Shards)
	}
	want["ix.js"] = true
	for kind, n := range ix.Shards {
		for i := range n {
			name := fmt.Sprintf("ix-%s%d.js", kind, i)
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("ix.js counts %d %q shards; %s: %v", n, kind, name, err)
			}
			want[name] = true
		}
	}
}
