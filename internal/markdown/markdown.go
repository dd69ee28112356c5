// Package markdown renders analysts' Markdown (scan notes, investigation
// notes) to HTML that is safe to show: raw HTML is dropped, links with
// dangerous schemes (javascript:, vbscript:, data: other than images, file:)
// are dropped by goldmark, headings get ids, and GitHub-style tables, task
// lists, strikethrough and autolinks are on. This is the only place where
// text from a scan directory becomes template.HTML.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Renderer converts Markdown to safe HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New makes a Renderer. goldmark's HTML renderer leaves raw HTML out unless
// WithUnsafe is given, and it is not.
func New() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// Render converts src.
func (r *Renderer) Render(src []byte) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.md.Convert(src, &b); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return template.HTML(b.String()), nil // #nosec: goldmark without WithUnsafe escapes everything it does not drop
}
