package testread

import "github.com/scanreport/scanreport/internal/sitefmt"

// The payloads of a site's data files, as the tests read them back: the
// types of internal/sitefmt, which the browser's types are generated from.
type (
	Manifest      = sitefmt.Manifest
	ChunkRef      = sitefmt.ChunkRef
	ElementChunk  = sitefmt.ElementChunk
	FPList        = sitefmt.FPList
	Index         = sitefmt.IndexMeta
	GraphManifest = sitefmt.GraphManifest
	TreeManifest  = sitefmt.TreeManifest
	GraphPart     = sitefmt.GraphPart
	TreePart      = sitefmt.TreePart
)
