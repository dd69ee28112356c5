// Package sitezip writes a built report site as one deterministic zip file
// (`scanreport build --zip`), to send by e-mail or chat: unpacked anywhere it
// gives one folder whose index.html opens by double-click.
package sitezip

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/internal/atomicfile"
	"github.com/scanreport/scanreport/internal/sitefiles"
)

// Time is the modification time of every zip entry: the same site gives
// the same zip, byte for byte. (1980-01-01 is the earliest time a zip's
// MS-DOS date can hold; reproducible-build tools use it for this.)
var Time = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Result says what Write wrote.
type Result struct {
	Top   string // the folder every entry is under
	Files int
	Bytes int64 // size of the zip file
}

// storedExts are already compressed: deflating them again only costs time.
var storedExts = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".woff": true, ".woff2": true, ".zip": true, ".gz": true}

// Write writes the site folder as one zip file whose entries all sit
// under one folder, top (when empty: the zip's name without .zip), so
// unpacking it anywhere gives top/index.html, which opens by double-click.
// Entries are sorted, carry Time and fixed modes, and hidden files
// (the site marker, temporary files) are left out: the same site always
// gives the same bytes. The zip is written beside file and renamed into
// place when complete.
func Write(dir, file, top string) (Result, error) {
	if err := site.CheckBuilt(dir); err != nil {
		return Result{}, err
	}
	if top == "" {
		top = topName(file)
	}
	if inside(dir, file) {
		return Result{}, fmt.Errorf("--zip %s is inside the site folder %s: write it somewhere else", file, dir)
	}
	files, err := sitefiles.List(dir, "a zip entry")
	if err != nil {
		return Result{}, err
	}

	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return Result{}, fmt.Errorf("write zip: %w", err)
	}
	err = atomicfile.WriteFunc(file, 0o644, func(out io.Writer) error {
		zw := zip.NewWriter(out)
		dirs := map[string]bool{}
		addDir := func(d string) error {
			var chain []string
			for ; d != "." && d != "" && !dirs[d]; d = filepath.ToSlash(filepath.Dir(d)) {
				chain = append(chain, d)
			}
			for i := len(chain) - 1; i >= 0; i-- {
				dirs[chain[i]] = true
				h := &zip.FileHeader{Name: chain[i] + "/", Method: zip.Store, Modified: Time}
				h.SetMode(fs.ModeDir | 0o755)
				if _, err := zw.CreateHeader(h); err != nil {
					return err
				}
			}
			return nil
		}
		write := func(f sitefiles.File) error {
			name := top + "/" + f.Key
			if err := addDir(filepath.ToSlash(filepath.Dir(name))); err != nil {
				return err
			}
			h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: Time}
			if storedExts[strings.ToLower(filepath.Ext(f.Key))] {
				h.Method = zip.Store
			}
			h.SetMode(0o644)
			w, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			in, err := os.Open(f.Path)
			if err != nil {
				return err
			}
			defer in.Close()
			_, err = io.Copy(w, in)
			return err
		}
		for _, f := range files {
			if err := write(f); err != nil {
				return fmt.Errorf("%s: %w", f.Key, err)
			}
		}
		return zw.Close()
	})
	if err != nil {
		return Result{}, fmt.Errorf("write zip: %w", err)
	}
	st, err := os.Stat(file)
	if err != nil {
		return Result{}, fmt.Errorf("write zip: %w", err)
	}
	return Result{Top: top, Files: len(files), Bytes: st.Size()}, nil
}

// topName is the folder name for a zip file: its name without .zip, with
// anything but letters, digits, '.', '_' and '-' replaced; "report" when
// nothing is left.
func topName(file string) string {
	base := filepath.Base(file)
	if ext := filepath.Ext(base); strings.EqualFold(ext, ".zip") {
		base = base[:len(base)-len(ext)]
	}
	b := []byte(base)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			b[i] = '_'
		}
	}
	s := strings.Trim(string(b), "._")
	if s == "" {
		return "report"
	}
	return s
}

// inside reports whether file would be inside dir.
func inside(dir, file string) bool {
	d, err1 := filepath.Abs(dir)
	f, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, f)
	return err == nil && filepath.IsLocal(rel)
}
