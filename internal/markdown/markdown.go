// Package markdown renders analysts' Markdown (scan notes, investigation
// notes) to HTML that is safe to show: raw HTML is dropped, links with
// dangerous schemes (javascript:, vbscript:, data: other than images, file:)
// are dropped by goldmark, headings get ids (prefixed "note-", so a heading
// can neither clash with nor clobber the page's own ids), and GitHub-style tables, task
// lists, strikethrough and autolinks are on. This is the only place where
// text from a scan directory becomes template.HTML.
package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
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
		// Before the GFM task list's own renderer (priority 500; lower wins).
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(taskBoxes{}, 100))),
	)}
}

// taskBoxes renders the check boxes of task lists ("- [x] done") with a
// label, so that assistive technology says what the box is (WCAG 4.1.2;
// goldmark's own has none). They stay disabled: notes are read, not edited.
type taskBoxes struct{}

// Task check box labels.
const (
	TaskDone = "Done"
	TaskOpen = "Not done"
)

func (taskBoxes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.(*east.TaskCheckBox).IsChecked {
			_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="` + TaskDone + `"> `)
		} else {
			_, _ = w.WriteString(`<input disabled="" type="checkbox" aria-label="` + TaskOpen + `"> `)
		}
		return ast.WalkContinue, nil
	})
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
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	if err := r.md.Convert(src, &b, parser.WithContext(ctx)); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return template.HTML(b.String()), nil // #nosec: goldmark without WithUnsafe escapes everything it does not drop
}

// HeadingPrefix starts every heading id in rendered notes.
const HeadingPrefix = "note-"

// headingIDs makes heading ids for one document: HeadingPrefix, then the
// heading's letters and digits in lower case with runs of anything else as
// one "-", and "-2", "-3"… for repeats. The prefix keeps notes from taking
// an id the page's own markup or scripts use.
type headingIDs struct {
	seen map[string]bool
}

// maxSlug bounds the part of an id taken from the heading text.
const maxSlug = 80

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	b := []byte(HeadingPrefix)
	dash, n := false, 0
	for len(value) > 0 && n < maxSlug {
		r, size := utf8.DecodeRune(value)
		value = value[size:]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && n > 0 {
				b = append(b, '-')
				n++
			}
			dash = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
			n++
		default:
			dash = true
		}
	}
	if n == 0 {
		b = append(b, "heading"...)
	}
	id := string(b)
	for i := 2; h.seen[id]; i++ {
		id = string(b) + "-" + strconv.Itoa(i)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
