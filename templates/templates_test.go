package templates

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every page parses from the embedded files.
func TestParseEmbedded(t *testing.T) {
	s, err := Parse()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.pages) != len(Pages) {
		t.Errorf("%d pages parsed, want %d", len(s.pages), len(Pages))
	}
}

// A folder's file replaces the embedded one of the same name; the others
// stay; a broken file is an error naming it.
func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	orig, err := fs.ReadFile(Embedded(), "log.html")
	if err != nil {
		t.Fatal(err)
	}
	custom := strings.Replace(string(orig), `{{define "content"}}`, `{{define "content"}}<p class="house-banner">Acme red team</p>`, 1)
	if custom == string(orig) {
		t.Fatal("log.html has no content block to extend")
	}
	if err := os.WriteFile(filepath.Join(dir, "log.html"), []byte(custom), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a template"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ParseFS(Overlay(dir))
	if err != nil {
		t.Fatal(err)
	}
	render := func(page string) string {
		var b bytes.Buffer
		// An empty view fails somewhere in the page; what was written
		// before that is enough to see which template ran.
		_ = s.Execute(&b, page, nil)
		return b.String()
	}
	if !strings.Contains(render("log"), "house-banner") {
		t.Error("the folder's log.html was not used")
	}
	if strings.Contains(render("overview"), "house-banner") {
		t.Error("the folder's log.html leaked into another page")
	}
	if err := os.WriteFile(filepath.Join(dir, "overview.html"), []byte(`{{define "content"}}{{.Nope`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ParseFS(Overlay(dir))
	if err == nil || !strings.Contains(err.Error(), "overview.html") {
		t.Errorf("broken template: %v", err)
	}
}
