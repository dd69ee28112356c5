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
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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
		goldmark.WithParserOptions(parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(imagesToLinks{}, 100))),
	)}
}

// imagesToLinks turns images into links to them: a report loads nothing
// from outside itself (its Content-Security-Policy would block it anyway).
type imagesToLinks struct{}

func (imagesToLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		link := ast.NewLink()
		link.Destination, link.Title = img.Destination, img.Title
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if link.ChildCount() == 0 {
			link.AppendChild(link, ast.NewString([]byte("image")))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
	}
}

// Render converts src. Invalid UTF-8 becomes U+FFFD first, so the page
// stays valid UTF-8.
func (r *Renderer) Render(src []byte) (template.HTML, error) {
	var b bytes.Buffer
	src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	if err := r.md.Convert(src, &b); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return template.HTML(b.String()), nil // #nosec: goldmark without WithUnsafe escapes everything it does not drop
}
