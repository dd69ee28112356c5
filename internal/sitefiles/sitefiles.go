// Package sitefiles lists the files of a site folder that leave the
// machine: the visible regular files, which `publish` uploads and
// `build --zip` (sitezip) packs. Hidden files and folders (the site marker,
// the incremental build's records, temporary files of a site being
// updated) and anything that is not a regular file (a symlink could lead
// anywhere) are left out, so both see the same files.
package sitefiles

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// File is one visible regular file of the folder.
type File struct {
	Key  string      // slash-separated path under the folder
	Path string      // the file on disk
	Info fs.FileInfo // from the walk (size, modification time)
}

// List walks dir and returns its visible regular files sorted by Key. A
// name with a control character or a backslash (it can be neither an
// object key nor a zip entry) fails the walk with an error that names the
// file and, in its text, says it cannot be a what ("an object key").
// Any error fails the walk: a partial list would leave files out.
func List(dir, what string) ([]File, error) {
	var out []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if strings.ContainsFunc(key, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
			return fmt.Errorf("%s: the name cannot be %s", p, what)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, File{Key: key, Path: p, Info: info})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", dir, err)
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Key, b.Key) })
	return out, nil
}

// Hidden reports whether List leaves out the file at key (slash-separated):
// one of its names starts with a dot.
func Hidden(key string) bool {
	return strings.HasPrefix(key, ".") || strings.Contains(key, "/.")
}
