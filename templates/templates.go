// Package templates holds the report's HTML templates (html/template),
// embedded in the binary and parsed once. layout.html frames every page;
// each page file defines "content" (and may define "scripts").
package templates

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

//go:embed *.html
var files embed.FS

// Pages lists the page templates; each is <name>.html.
var Pages = []string{"scans", "overview", "browse", "elements", "settings", "log", "search", "search-all", "correlations", "global-settings",
	"investigations", "investigation", "investigation-tab", "explore", "compare", "graph", "visualise"}

// Set is the parsed templates, one per page.
type Set struct {
	pages map[string]*template.Template
}

// Funcs are the helpers templates may use.
var Funcs = template.FuncMap{
	"comma": Comma,
	"lower": strings.ToLower,
}

// Parse parses every page with the layout.
func Parse() (*Set, error) {
	base, err := template.New("layout.html").Funcs(Funcs).ParseFS(files, "layout.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	s := &Set{pages: map[string]*template.Template{}}
	for _, p := range Pages {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(files, p+".html"); err != nil {
			return nil, fmt.Errorf("parse %s.html: %w", p, err)
		}
		s.pages[p] = t
	}
	return s, nil
}

// Execute renders page with data.
func (s *Set) Execute(w io.Writer, page string, data any) error {
	t, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("no template for page %q", page)
	}
	if err := t.ExecuteTemplate(w, "layout.html", data); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	return nil
}

// Comma formats n with thousands separators: 1234567 → "1,234,567".
func Comma(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
