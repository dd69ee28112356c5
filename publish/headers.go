package publish

import (
	"mime"
	"path"
	"regexp"
	"strings"
)

// Header is what an object is stored with besides its bytes. Every upload
// sets all three explicitly: gocloud.dev/blob sniffs the content when no
// Content-Type is given, which turns JavaScript and CSS into text/plain.
type Header struct {
	ContentType        string `json:"type"`
	CacheControl       string `json:"cache,omitempty"`
	ContentDisposition string `json:"disposition,omitempty"`
	// NoSniff asks for X-Content-Type-Options: nosniff; it is stored as
	// object metadata (x-amz-meta-… on S3), which a backend that serves
	// response headers from metadata, or a proxy in front, can turn into
	// the header.
	NoSniff bool `json:"nosniff,omitempty"`
}

// Cache-Control values.
const (
	// CacheImmutable is for content-hashed assets: a new version has a new name.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheRevalidate is for everything else: pages, data files that are
	// rewritten while a scan runs (manifest.js, chunks, fp.js), live.js,
	// downloads. Browsers and CDNs keep a copy but ask the bucket whether it
	// changed (a cheap conditional request) before using it, so a published
	// running scan refreshes from the bucket.
	CacheRevalidate = "no-cache"
)

// Phase orders uploads: every object of a phase is stored before the first
// of the next is sent, so a reader of the bucket never loads a page whose
// assets or data are not there yet. The publish manifest goes last of all.
type Phase int

const (
	PhaseAssets Phase = iota // content-hashed assets/*: immutable, referenced by everything
	PhaseData                // data chunks, fp.js, downloads, the raw scan archive, anything else
	PhaseIndex               // what names the data: scans/<id>/data/{manifest,graph,tree}.js, data/scans.js
	PhasePages               // HTML pages and live.js
	PhaseRoot                // index.html at the root: the entry point, last
)

func (p Phase) String() string {
	switch p {
	case PhaseAssets:
		return "assets"
	case PhaseData:
		return "data"
	case PhaseIndex:
		return "data manifests"
	case PhasePages:
		return "pages"
	case PhaseRoot:
		return "index.html"
	}
	return "?"
}

// contentTypes maps file extensions to Content-Type. It is a fixed table on
// purpose: mime.TypeByExtension also reads the machine's mime.types files,
// so the same site would be published with different headers from
// different machines, and Go's built-in list has no .gexf or .jsonl.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".jsonl": "application/x-ndjson",
	".csv":   "text/csv; charset=utf-8",
	".gexf":  "application/gexf+xml",
	".xml":   "application/xml",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".wasm":  "application/wasm",
	".zip":   "application/zip",
	".gz":    "application/gzip",
	".pdf":   "application/pdf",
	".txt":   "text/plain; charset=utf-8",
	".md":    "text/markdown; charset=utf-8",
	".toml":  "application/toml",
}

// ContentType is the Content-Type an object with this key is stored with;
// application/octet-stream when the extension is not known.
func ContentType(key string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(key))]; ok {
		return t
	}
	return "application/octet-stream"
}

// hashedAsset matches the content-hashed names the generator gives assets
// (app.7b47915165.js): a name whose bytes change gets a new name.
var hashedAsset = regexp.MustCompile(`^assets/[^/]+\.[0-9a-f]{8,}\.[A-Za-z0-9]+$`)

// siteHeader decides the headers and upload phase of a site file.
func siteHeader(key string) (Header, Phase) {
	h := Header{ContentType: ContentType(key), CacheControl: CacheRevalidate}
	parts := strings.Split(key, "/")
	switch {
	case hashedAsset.MatchString(key):
		h.CacheControl = CacheImmutable
		return h, PhaseAssets
	case len(parts) == 4 && parts[0] == "scans" && parts[2] == "downloads":
		h.ContentDisposition = mime.FormatMediaType("attachment", map[string]string{"filename": parts[3]})
		return h, PhaseData
	case key == scansListKey, len(parts) == 4 && parts[0] == "scans" && parts[2] == "data" && indexFiles[parts[3]]:
		return h, PhaseIndex
	case key == "index.html":
		return h, PhaseRoot
	case key == "live.js", path.Ext(key) == ".html":
		return h, PhasePages
	}
	return h, PhaseData
}

// scansListKey is the site's list of scans, which names every scan's folder.
const scansListKey = "data/scans.js"

// indexFiles are the data files of a scan that name other data files
// (their chunks; the search index's head its generation's files): they go
// after the data they name.
var indexFiles = map[string]bool{"manifest.js": true, "graph.js": true, "tree.js": true, "ix.js": true}
