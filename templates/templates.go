// Package templates holds the report's HTML templates (html/template),
// embedded in the binary and parsed once. layout.html frames every page;
// each page file defines "content" (and may define "scripts"). A folder of
// the operator's own templates can stand in for some or all of them
// (Overlay): a file there replaces the embedded one of the same name.
package templates

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
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
	"sfurl": SFURL,
}

// Parse parses every embedded page with the layout.
func Parse() (*Set, error) { return ParseFS(files) }

// Known reports whether name (such as "overview.html") is one of the
// template files: the layout or a page.
func Known(name string) bool {
	if name == "layout.html" {
		return true
	}
	for _, p := range Pages {
		if name == p+".html" {
			return true
		}
	}
	return false
}

// Embedded is the templates built into the binary.
func Embedded() fs.FS { return files }

// ParseFS parses every page with the layout from fsys, which holds
// layout.html and one <page>.html for each of Pages.
func ParseFS(fsys fs.FS) (*Set, error) {
	base, err := template.New("layout.html").Funcs(Funcs).ParseFS(fsys, "layout.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	s := &Set{pages: map[string]*template.Template{}}
	for _, p := range Pages {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(fsys, p+".html"); err != nil {
			return nil, fmt.Errorf("parse %s.html: %w", p, err)
		}
		s.pages[p] = t
	}
	return s, nil
}

// Overlay is the embedded templates with the .html files of dir in front:
// a file in dir replaces the embedded file of the same name, the others
// stay. Only the top level of dir is read.
func Overlay(dir string) fs.FS { return overlay{top: os.DirFS(dir), dir: dir} }

type overlay struct {
	top fs.FS
	dir string
}

func (o overlay) Open(name string) (fs.File, error) {
	if path.Ext(name) == ".html" && !strings.Contains(name, "/") {
		f, err := o.top.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("template %s in %s: %w", name, o.dir, err)
		}
	}
	return files.Open(name)
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
