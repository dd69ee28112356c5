package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/scan"
)

// archiveFiles is the allow-list of what --with-scans archives from a scan
// directory: the files of the scan format (docs/scan-format.md), nothing
// else. A page.html a tool left there is not published.
var archiveFiles = []string{scan.MetaFile, scan.ElementsFile, scan.LogFile, scan.SettingsFile, scan.ReviewFile, scan.NotesFile}

// archiveHeader decides the headers of a raw scan file in the archive:
// plain text, always a download (Content-Disposition: attachment), with
// X-Content-Type-Options: nosniff as object metadata where the backend
// keeps it, so no archived file is ever shown as a page on the report's
// origin. These files grow while a scan runs, so they are revalidated.
func archiveHeader(key string) (Header, Phase) {
	name := key[strings.LastIndexByte(key, '/')+1:]
	return Header{ContentType: "text/plain; charset=utf-8", CacheControl: CacheRevalidate,
		ContentDisposition: mime.FormatMediaType("attachment", map[string]string{"filename": name}),
		NoSniff:            true}, PhaseData
}

// listScan lists the archived files of one scan directory. With rules, the
// files are masked as they are read (settings.toml by name at any depth,
// the others through the masker of its secret values).
func listScan(dir, id string, rules *redact.Rules) ([]*Local, error) {
	var mask *redact.Masker
	var settings []byte
	fp := "raw"
	if rules != nil {
		raw, err := os.ReadFile(filepath.Join(dir, scan.SettingsFile))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			mask = rules.Masker(nil)
		case err != nil:
			return nil, fmt.Errorf("archive %s: %w", id, err)
		default:
			var values []string
			if settings, values, err = rules.SettingsFileValues(raw); err != nil {
				// Unreadable settings are never archived raw: nothing of them is.
				settings = []byte("# settings.toml could not be read, so it is not archived: " +
					strings.ReplaceAll(err.Error(), "\n", " ") + "\n")
			}
			mask = rules.Masker(values)
		}
		sum := sha256.Sum256(raw)
		fp = "masked:" + hex.EncodeToString(sum[:8])
	}
	var out []*Local
	for _, name := range archiveFiles {
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("archive %s: %w", id, err)
		}
		if !info.Mode().IsRegular() {
			continue // a symlink could lead anywhere
		}
		key := ArchivePrefix + id + "/" + name
		h, ph := archiveHeader(key)
		f := &Local{Key: key, Path: p, Size: info.Size(), Header: h, Phase: ph, mod: info.ModTime(), variant: fp}
		switch {
		case rules != nil && name == scan.SettingsFile:
			f.data = settings
		case rules != nil:
			f.mask = mask
		}
		out = append(out, f)
	}
	return out, nil
}

// open opens what is published for f: the file, its masked form, or the
// bytes made for it.
func (f *Local) open() (io.ReadCloser, error) {
	if f.data != nil {
		return io.NopCloser(bytes.NewReader(f.data)), nil
	}
	file, err := os.Open(f.Path)
	if err != nil {
		return nil, err
	}
	if f.mask == nil {
		return file, nil
	}
	pr, pw := io.Pipe()
	go func() {
		defer file.Close()
		pw.CloseWithError(maskLines(pw, file, f.mask))
	}()
	return pr, nil
}

// maskLines copies r to w line by line through m. The last line, if it has
// no newline yet (a scanner is writing it), is masked as it is.
func maskLines(w io.Writer, r io.Reader, m *redact.Masker) error {
	br := bufio.NewReaderSize(r, 1<<20)
	bw := bufio.NewWriterSize(w, 1<<20)
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			if _, werr := bw.WriteString(m.String(line)); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
	}
}

// cacheKey is what the hash cache keys f by: the path, and for masked
// files the settings the masking came from.
func (f *Local) cacheKey() string {
	if f.variant == "" {
		return f.Path
	}
	return f.Path + "\x00" + f.variant
}
