// Package sitecheck checks a built site's files without a browser: links
// that stay inside the site and resolve, the page hooks and CSP every page
// carries, data files that agree with the scan model and the format, script
// safety of the HTML and data bytes, valid UTF-8, and two builds with equal
// bytes. Its own test builds the fixture scans (sample.WriteFixture) and
// runs every check, so `go test ./...` of the main module runs them; the
// browser tests (e2e) use its HTML helpers. Only tests import it.
package sitecheck

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/scanreport/scanreport/generator"
	"github.com/scanreport/scanreport/internal/config"
)

// BuildOptions are the options scanreport builds with by default
// (config.Default()), for the scans root scans into out.
func BuildOptions(scans, out string) generator.Options {
	c := config.Default()
	return generator.Options{
		ScansRoot:  scans,
		Output:     out,
		Title:      "scanreport e2e",
		RiskyTypes: c.Risky.Types,
		MinRisk:    c.Risky.MinRisk,
		IsSecret:   c.Secrets.IsSecret,
		// As a normal build: formulas defused, the built-in correlation rules.
		DefuseFormulas: c.Exports.DefuseFormulas,
		GEXFVersion:    c.Exports.GEXFVersion,
		Correlations:   generator.Correlations{Enabled: c.Correlations.Enabled},
		// Small dictionary blocks, so that the search index of a test
		// scan has several and a selective query can be seen to load few.
		SearchBlockBytes: 4 << 10,
	}
}

// ParseHTML parses a file of the site (rel: slash-separated).
func ParseHTML(t testing.TB, site, rel string) *html.Node {
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

// Walk calls fn for every element node under n.
func Walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		Walk(c, fn)
	}
}

// Attr returns the value of n's attribute name (no namespace).
func Attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// URLAttrs are the attributes that hold URLs.
var URLAttrs = []string{"href", "src", "action", "formaction", "poster", "srcset", "data", "xlink:href", "background", "cite", "manifest"}

// SFURLLink reports whether n is the link the report makes of a value's
// <SFURL> marker: <a class="sfurl" rel="noopener noreferrer">.
func SFURLLink(n *html.Node) bool {
	c, _ := Attr(n, "class")
	rel, _ := Attr(n, "rel")
	return n.Data == "a" && slices.Contains(strings.Fields(c), "sfurl") &&
		slices.Contains(strings.Fields(rel), "noopener") && slices.Contains(strings.Fields(rel), "noreferrer")
}

// InNotes tells whether n is inside the analyst's notes (section.notes),
// Markdown the analyst wrote rather than a link of the site.
func InNotes(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && a.Data == "section" {
			if c, _ := Attr(a, "class"); slices.Contains(strings.Fields(c), "notes") {
				return true
			}
		}
	}
	return false
}

// checkRef says what is wrong with a URL found in page, or "".
func CheckRef(page, ref string, files, ids map[string]bool) string {
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
