package publish

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/scanreport/scanreport/generator/site"
	"github.com/scanreport/scanreport/internal/redact"
	"github.com/scanreport/scanreport/internal/sitefiles"
	"github.com/scanreport/scanreport/scan"
)

// ArchivePrefix is where --with-scans puts the raw scan directories, beside
// the site: ArchivePrefix + "<id>/elements.jsonl" and so on. Downloaded
// back, the folder under it is a scans root `scanreport build` reads.
const ArchivePrefix = "scans-archive/"

// Local is one local file to publish.
type Local struct {
	Key    string // object key: slash-separated, relative to the bucket (and its prefix)
	Path   string // the file on disk
	Size   int64
	SHA256 string // hex
	MD5    []byte // compared with the bucket listing when there is no publish manifest
	Header Header
	Phase  Phase
	Reason string // why it is uploaded (set by the diff step): new, changed, headers, modified in the bucket

	mod time.Time
	// Archived scan files: mask masks the file as it is read, data replaces
	// it (a masked settings.toml), variant tells the hash cache which
	// masking made the bytes.
	mask    *redact.Masker
	data    []byte
	variant string
}

// sig is what the walk compares to decide whether a file must be hashed
// again: a file whose size and modification time did not change is not
// read (the watch mode walks the site every second).
type sig struct {
	size int64
	mod  int64 // Unix nanoseconds
}

type hashed struct {
	sig
	sha string
	md5 []byte
}

// source is a folder whose files become objects.
type source struct {
	dir     string
	archive bool // the scans root (scan directories under ArchivePrefix); else the site
}

// walkStep lists and hashes the local files of every source, sorted by key.
// Hidden files and folders (the site marker, the temporary files of a site
// being updated) and anything that is not a regular file are left out.
// Any error fails the walk: a partial list would make stale objects of the
// files it missed.
func (p *Publisher) walkStep() ([]*Local, error) {
	var out []*Local
	seen := map[string]bool{}
	for _, src := range p.sources() {
		files, err := listSource(src, p.o.Redact)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if seen[f.Key] {
				return nil, fmt.Errorf("two local files for the key %s", f.Key)
			}
			seen[f.Key] = true
			if err := p.hash(f); err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// sources are the folders this publish covers.
func (p *Publisher) sources() []source {
	s := []source{{dir: p.o.Site}}
	if p.o.Scans != "" {
		s = append(s, source{dir: p.o.Scans, archive: true})
	}
	return s
}

// listSource stats the files of one source (no hashing).
func listSource(src source, rules *redact.Rules) ([]*Local, error) {
	if !src.archive {
		return walkSite(src.dir, siteHeader)
	}
	entries, err := os.ReadDir(src.dir)
	if err != nil {
		return nil, fmt.Errorf("read scans root: %w", err)
	}
	var out []*Local
	for _, e := range entries {
		// Only real directories with a valid scan id: a symlink could lead
		// anywhere, and the id is the key's path element.
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || scan.ValidID(e.Name()) != nil {
			continue
		}
		files, err := listScan(filepath.Join(src.dir, e.Name()), e.Name(), rules)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

// walkSite stats every file of the site that leaves the machine
// (sitefiles.List: hidden files and folders and non-regular files are
// left out). The files that name others (PhaseIndex: a scan's manifest,
// graph, tree and search index head, data/scans.js) are read first, before
// the listing, and published as read: the preview server writes what a
// head names before the head, so a head read before the listing names only
// files the listing holds. Read at upload time instead, a head a merge
// rewrote in between would name files this publish never listed.
func walkSite(dir string, header func(string) (Header, Phase)) ([]*Local, error) {
	heads, err := readHeads(dir)
	if err != nil {
		return nil, err
	}
	files, err := sitefiles.List(dir, "an object key")
	if err != nil {
		return nil, err
	}
	out := make([]*Local, 0, len(files))
	for _, f := range files {
		h, ph := header(f.Key)
		l := &Local{Key: f.Key, Path: f.Path, Size: f.Info.Size(), Header: h, Phase: ph, mod: f.Info.ModTime()}
		if b, ok := heads[f.Key]; ok && ph == PhaseIndex {
			l.data, l.Size = b, int64(len(b))
		}
		out = append(out, l)
	}
	return out, nil
}

// readHeads reads the files of dir that name others (siteHeader's
// PhaseIndex), by key. A file that is not there (yet, or any more) is left
// out: the listing decides whether it is published.
func readHeads(dir string) (map[string][]byte, error) {
	keys := []string{scansListKey}
	scans, err := os.ReadDir(filepath.Join(dir, "scans"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, "scans"), err)
	}
	for _, e := range scans {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		for name := range indexFiles {
			keys = append(keys, "scans/"+e.Name()+"/data/"+name)
		}
	}
	heads := map[string][]byte{}
	for _, k := range keys {
		p := filepath.Join(dir, filepath.FromSlash(k))
		info, err := os.Lstat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		heads[k] = b
	}
	return heads, nil
}

// hash fills in the checksums, from the cache when the file's size and
// modification time are the same as when it was last hashed.
func (p *Publisher) hash(f *Local) error {
	if f.data != nil {
		// Bytes read already (a head read before the listing, settings
		// made for the archive): hashed as they are, never from the
		// cache, whose size and time describe the file as it is now.
		sh := sha256.Sum256(f.data)
		m := md5.Sum(f.data)
		f.SHA256, f.MD5, f.Size = hex.EncodeToString(sh[:]), m[:], int64(len(f.data))
		return nil
	}
	s := sig{size: f.Size, mod: f.mod.UnixNano()}
	p.mu.Lock()
	c, ok := p.cache[f.cacheKey()]
	p.mu.Unlock()
	if ok && c.sig == s {
		f.SHA256, f.MD5 = c.sha, c.md5
		return nil
	}
	file, err := f.open()
	if err != nil {
		return err
	}
	defer file.Close()
	sh, m := sha256.New(), md5.New()
	n, err := io.Copy(io.MultiWriter(sh, m), file)
	if err != nil {
		return fmt.Errorf("read %s: %w", f.Path, err)
	}
	f.Size = n
	f.SHA256, f.MD5 = hex.EncodeToString(sh.Sum(nil)), m.Sum(nil)
	p.mu.Lock()
	p.cache[f.cacheKey()] = hashed{sig: sig{size: n, mod: f.mod.UnixNano()}, sha: f.SHA256, md5: f.MD5}
	p.mu.Unlock()
	return nil
}

// checkSite refuses a folder that is not a site scanreport built.
func checkSite(dir string) error { return site.CheckBuilt(dir) }
