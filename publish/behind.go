package publish

// The prune step follows the site's rule for heads one publish behind
// (docs/site-format.md, "One rule for every whole index"; docs/publish.md,
// "Prune"): a page that read a head in the bucket moments before this
// publish replaced it goes on to load the files that head names, so the
// stale objects a replaced head names are kept for one more publish. A
// later publish deletes them once no head in the bucket names them.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"gocloud.dev/gcerrors"

	"github.com/scanreport/scanreport/generator/searchindex"
	"github.com/scanreport/scanreport/internal/datafile"
)

// headReadLimit bounds the read of a head in the bucket: a head larger
// than this is not read, and nothing is kept for it.
const headReadLimit = 8 << 20

// Kept is a stale object that the prune step leaves in the bucket for one
// more publish: Head, the bucket's copy of a head this publish replaces,
// names it.
type Kept struct {
	Key  string
	Head string // the head's key, e.g. scans/<id>/data/ix.js
}

// headKind reads one kind of head: whether a file of the head's folder
// could be named by such a head (so that the head is read only when a
// stale object could be kept), and, from the head's JSON payload, which
// files it names.
type headKind struct {
	could func(name string) bool
	names func(payload []byte) (func(name string) bool, error)
}

// headKinds are the heads of a scan's data folder whose named files a
// reader loads after the head: the search index's head, the manifest
// (element and log chunks, fp.js), the graph's and the tree's. The site's
// list of scans (data/scans.js) names whole scan folders: a scan removed
// from the site is deleted whole, its pages with it.
var headKinds = map[string]headKind{
	searchindex.MetaFile: {could: isIndexFile, names: indexHeadNames},
	"manifest.js":        {could: isChunkFile, names: manifestNames},
	"graph.js":           {could: isChunkFile, names: partsNames("graph")},
	"tree.js":            {could: isChunkFile, names: partsNames("tree")},
}

func isIndexFile(name string) bool { _, ok := searchindex.FileGen(name); return ok }

// isChunkFile: a data file other than the search index's (a head in the
// same folder is never stale: the site sends it).
func isChunkFile(name string) bool { return strings.HasSuffix(name, ".js") && !isIndexFile(name) }

// indexHeadNames: the files of generation gen (ix<gen>-…) and the
// segments segs (ix-g<n>.js), searchindex.HeadFiles without the counts,
// so that a head of another format version that names its files the same
// way is read too.
func indexHeadNames(payload []byte) (func(string) bool, error) {
	var h struct {
		K    string `json:"k"`
		Gen  *int   `json:"gen"`
		Segs []int  `json:"segs"`
	}
	if err := json.Unmarshal(payload, &h); err != nil {
		return nil, err
	}
	if h.K != "ix" || h.Gen == nil || *h.Gen < 0 {
		return nil, errors.New(`not a search index head with a generation ("k":"ix","gen":…)`)
	}
	gen := *h.Gen
	return func(name string) bool {
		if g, ok := searchindex.FileGen(name); ok && g >= 0 {
			return g == gen
		}
		n, ok := searchindex.SegNum(name)
		return ok && slices.Contains(h.Segs, n)
	}, nil
}

type fileRef struct {
	F string `json:"f"`
}

// fileSet is the predicate of a set of names.
func fileSet(refs ...[]fileRef) func(string) bool {
	set := map[string]bool{}
	for _, rs := range refs {
		for _, r := range rs {
			set[r.F] = true
		}
	}
	return func(name string) bool { return set[name] }
}

// manifestNames: a scan manifest's element and log chunks and its
// false-positive list.
func manifestNames(payload []byte) (func(string) bool, error) {
	var m struct {
		K     string `json:"k"`
		Types []struct {
			Chunks []fileRef `json:"chunks"`
		} `json:"types"`
		Log struct {
			Chunks []fileRef `json:"chunks"`
		} `json:"log"`
		FP fileRef `json:"fp"`
	}
	if err := json.Unmarshal(payload, &m); err != nil {
		return nil, err
	}
	if m.K != "manifest" {
		return nil, errors.New(`not a scan manifest ("k":"manifest")`)
	}
	refs := [][]fileRef{m.Log.Chunks, {m.FP}}
	for _, t := range m.Types {
		refs = append(refs, t.Chunks)
	}
	return fileSet(refs...), nil
}

// partsNames: the parts (chunks) of graph.js or tree.js, whose "k" is k.
func partsNames(k string) func([]byte) (func(string) bool, error) {
	return func(payload []byte) (func(string) bool, error) {
		var m struct {
			K      string    `json:"k"`
			Chunks []fileRef `json:"chunks"`
		}
		if err := json.Unmarshal(payload, &m); err != nil {
			return nil, err
		}
		if m.K != k {
			return nil, fmt.Errorf(`not a %s head ("k":%q)`, k, k)
		}
		return fileSet(m.Chunks), nil
	}
}

// headKey splits the key of a head of a scan's data folder
// (scans/<id>/data/<name>) into its folder and kind; ok is false for any
// other key.
func headKey(key string) (dir string, kind headKind, ok bool) {
	dir, name := path.Split(key)
	if kind, ok = headKinds[name]; !ok {
		return "", headKind{}, false
	}
	if parts := strings.Split(dir, "/"); len(parts) != 4 || parts[0] != "scans" || parts[2] != "data" {
		return "", headKind{}, false
	}
	return dir, kind, true
}

// staleByFolder groups stale keys by folder.
func staleByFolder(stale []string) map[string][]string {
	by := map[string][]string{}
	for _, k := range stale {
		dir, name := path.Split(k)
		by[dir] = append(by[dir], name)
	}
	return by
}

// replacedHeads are the heads in the bucket this publish replaces and
// whose named files may be among stale: the site has the head and sends it
// (it changed), and a stale object of the head's folder is of a kind the
// head names. absent are such heads the site sends that the bucket does
// not hold (no reader can have read them).
func replacedHeads(files []*Local, objs map[string]remoteObject, stale []string) (replaced, absent []string) {
	by := staleByFolder(stale)
	for _, f := range files {
		dir, kind, ok := headKey(f.Key)
		if !ok || f.Reason == "" || !slices.ContainsFunc(by[dir], kind.could) {
			// Not a head; or the bucket's copy is the site's, which names
			// only files the site holds; or nothing stale it could name.
			continue
		}
		if _, ok := objs[f.Key]; ok {
			replaced = append(replaced, f.Key)
		} else {
			absent = append(absent, f.Key)
		}
	}
	return replaced, absent
}

// heldBy computes the kept set: the stale objects that one of heads (a
// head's key → its JSON payload as the bucket holds it) names in its
// folder, sorted by key. A head whose payload cannot be read names
// nothing; bad says why, by head.
func heldBy(stale []string, heads map[string][]byte) (kept []Kept, bad map[string]error) {
	type named struct {
		head  string
		kind  headKind
		names func(string) bool
	}
	byDir := map[string][]named{}
	for h, payload := range heads {
		dir, kind, ok := headKey(h)
		if !ok {
			continue
		}
		f, err := kind.names(payload)
		if err != nil {
			if bad == nil {
				bad = map[string]error{}
			}
			bad[h] = err
			continue
		}
		byDir[dir] = append(byDir[dir], named{h, kind, f})
	}
	for _, k := range stale {
		dir, name := path.Split(k)
		for _, n := range byDir[dir] {
			if n.kind.could(name) && n.names(name) {
				kept = append(kept, Kept{Key: k, Head: n.head})
				break
			}
		}
	}
	slices.SortFunc(kept, func(a, b Kept) int { return strings.Compare(a.Key, b.Key) })
	return kept, bad
}

// keepStep reads the bucket's copy of each head this publish replaces and
// returns the stale objects they name (Plan.Kept). A head that is absent
// or cannot be read keeps nothing, with a log line saying so; a failed
// read of the bucket fails the publish, as a failed listing does.
func (p *Publisher) keepStep(ctx context.Context, files []*Local, r *remote, stale []string) ([]Kept, error) {
	replaced, absent := replacedHeads(files, r.objects, stale)
	for _, k := range absent {
		p.log.Info("prune: the bucket has no "+path.Base(k)+" for this folder, so no reader can be using one; no stale file of it is kept", "head", k)
	}
	heads := map[string][]byte{}
	for _, k := range replaced {
		payload, err := p.readHead(ctx, k, r.objects[k].Size)
		var notHead *unreadableHead
		switch {
		case errors.As(err, &notHead):
			p.unreadable(k, notHead.err)
		case gcerrors.Code(err) == gcerrors.NotFound:
			p.log.Info("prune: the bucket's "+path.Base(k)+" is gone since the listing; no stale file of it is kept", "head", k)
		case err != nil:
			return nil, err
		default:
			heads[k] = payload
		}
	}
	kept, bad := heldBy(stale, heads)
	for k, err := range bad {
		p.unreadable(k, err)
	}
	if len(kept) > 0 {
		p.log.Info("prune: kept stale objects that the bucket's heads this publish replaces name; a later publish deletes them", "objects", len(kept))
	}
	return kept, nil
}

// unreadable says that the bucket's head k keeps nothing: it cannot be
// read as a head.
func (p *Publisher) unreadable(k string, err error) {
	p.log.Warn("prune: the bucket's "+path.Base(k)+" cannot be read as a head; the stale files of its folder are deleted as usual", "head", k, "err", err)
}

// unreadableHead is a head in the bucket that is not a data file this
// publish can read (too large, not a script, a packed payload that does
// not inflate).
type unreadableHead struct{ err error }

func (e *unreadableHead) Error() string { return e.err.Error() }

// readHead reads the JSON payload of the head key from the bucket, at
// most headReadLimit bytes.
func (p *Publisher) readHead(ctx context.Context, key string, size int64) ([]byte, error) {
	if size > headReadLimit {
		return nil, &unreadableHead{fmt.Errorf("%d bytes, over the %d read for a head", size, headReadLimit)}
	}
	var raw []byte
	err := p.retry(ctx, "read", key, func() error {
		rd, err := p.bucket.NewReader(ctx, key, nil)
		if err != nil {
			return err
		}
		defer rd.Close()
		raw, err = io.ReadAll(io.LimitReader(rd, headReadLimit+1))
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(raw) > headReadLimit {
		return nil, &unreadableHead{fmt.Errorf("over the %d bytes read for a head", headReadLimit)}
	}
	payload, err := datafile.Payload(raw, headReadLimit)
	if err != nil {
		return nil, &unreadableHead{err}
	}
	return payload, nil
}
