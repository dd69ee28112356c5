package publish

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// ManifestKey is the object each publish writes last: every published key
// with its SHA-256, size and headers, and the object's modification time
// (and MD5, when the listing gives one) as the bucket listed it right after
// the upload. The next publish compares local files with it instead of
// trusting ETags, which are MD5s only for single-part uploads without
// SSE-KMS. A missing manifest (a first publish, or one cut short) makes
// the diff fall back to the listing.
const ManifestKey = ".scanreport-publish.json"

// manifestHeader is how the manifest is stored.
var manifestHeader = Header{ContentType: "application/json", CacheControl: CacheRevalidate}

// Manifest is the content of ManifestKey.
type Manifest struct {
	Format  int              `json:"format"` // 1
	Objects map[string]Entry `json:"objects"`
}

// Entry is one published object.
type Entry struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	Header
	// ModTime and MD5 are what the bucket listed for the object after it was
	// written; an object whose listing differs was written by someone else
	// (or by a publish that was cut short) and is uploaded again.
	ModTime time.Time `json:"mtime,omitzero"`
	MD5     string    `json:"md5,omitempty"`
}

// remoteObject is one object as the bucket lists it.
type remoteObject struct {
	Size    int64
	ModTime time.Time
	MD5     []byte
}

// remote is what the list step found.
type remote struct {
	objects     map[string]remoteObject
	manifest    *Manifest // nil: none, or unreadable
	manifestRaw []byte
}

// listStep lists every object under the bucket (and its prefix) and reads
// the publish manifest.
func (p *Publisher) listStep(ctx context.Context) (*remote, error) {
	objs, err := p.listObjects(ctx)
	if err != nil {
		return nil, err
	}
	r := &remote{objects: objs}
	if _, ok := objs[ManifestKey]; !ok {
		return r, nil
	}
	var raw []byte
	err = p.retry(ctx, "read", ManifestKey, func() error {
		var err error
		raw, err = p.bucket.ReadAll(ctx, ManifestKey)
		return err
	})
	if gcerrors.Code(err) == gcerrors.NotFound {
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Format != 1 || m.Objects == nil {
		p.log.Warn("the publish manifest in the bucket cannot be read; comparing with the bucket listing instead", "key", ManifestKey, "err", err)
		return r, nil
	}
	r.manifest, r.manifestRaw = &m, raw
	return r, nil
}

// listObjects lists the bucket; a failed page is retried like an upload.
func (p *Publisher) listObjects(ctx context.Context) (map[string]remoteObject, error) {
	var objs map[string]remoteObject
	err := p.retry(ctx, "list", "", func() error {
		objs = map[string]remoteObject{}
		it := p.bucket.List(nil)
		for {
			o, err := it.Next(ctx)
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if !o.IsDir {
				objs[o.Key] = remoteObject{Size: o.Size, ModTime: o.ModTime, MD5: o.MD5}
			}
		}
	})
	return objs, err
}

// matches reports whether the bucket still holds the object this entry
// recorded.
func (e Entry) matches(o remoteObject) bool {
	if e.Size != o.Size {
		return false
	}
	if !e.ModTime.IsZero() && !e.ModTime.Equal(o.ModTime) {
		return false
	}
	if e.MD5 != "" && len(o.MD5) > 0 && e.MD5 != hex.EncodeToString(o.MD5) {
		return false
	}
	return true
}

// newManifest records the local files as the bucket lists them now, and
// the entries kept from the last manifest.
func newManifest(files []*Local, objs map[string]remoteObject, kept map[string]Entry) ([]byte, error) {
	m := Manifest{Format: 1, Objects: make(map[string]Entry, len(files)+len(kept))}
	for k, e := range kept {
		m.Objects[k] = e
	}
	for _, f := range files {
		e := Entry{SHA256: f.SHA256, Size: f.Size, Header: f.Header}
		if o, ok := objs[f.Key]; ok {
			e.ModTime = o.ModTime.UTC()
			if len(o.MD5) > 0 {
				e.MD5 = hex.EncodeToString(o.MD5)
			}
		}
		m.Objects[f.Key] = e
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("encode the publish manifest: %w", err)
	}
	return buf.Bytes(), nil
}

// writeManifestStep stores the new manifest when it differs from the one
// in the bucket.
func (p *Publisher) writeManifestStep(ctx context.Context, raw []byte, old []byte) (bool, error) {
	if bytes.Equal(raw, old) {
		return false, nil
	}
	err := p.retry(ctx, "write", ManifestKey, func() error {
		return p.bucket.WriteAll(ctx, ManifestKey, raw, writerOptions(manifestHeader))
	})
	return err == nil, err
}

func writerOptions(h Header) *blob.WriterOptions {
	o := &blob.WriterOptions{
		ContentType:                 h.ContentType,
		CacheControl:                h.CacheControl,
		ContentDisposition:          h.ContentDisposition,
		DisableContentTypeDetection: true,
	}
	if h.NoSniff {
		o.Metadata = map[string]string{"x-content-type-options": "nosniff"}
	}
	return o
}
