package chunks

import "github.com/scanreport/scanreport/generator/model"

// A Layout says how a growing list of rows (one type's elements, or the log)
// is cut into chunk files. A full build cuts it into chunks of Rows rows. As
// rows arrive, a small last chunk is rewritten with the new rows, otherwise
// a new chunk starts, so an append costs time in proportion to what was
// appended (at most TailMax rows rewritten per list), never to the size of
// the scan. When too many small chunks pile up at the end they are merged
// into full ones, which keeps the number of files near total/Rows.
type Layout struct {
	Chunks []Chunk
	next   int // sequence number of the next new chunk
}

// Chunk is one file: rows [Start, Start+N) of the list. Seq names the file;
// Ver grows each time the file is rewritten, so readers know to load it again.
type Chunk struct {
	Seq, Start, N, Ver int
}

// Growth limits.
const (
	// TailMax is the size up to which the last chunk is rewritten to take
	// new rows; a larger last chunk is left alone and a new one started.
	TailMax = 1000
	// MaxSmall is how many small chunks (under Rows/2 rows) may trail
	// before they are merged.
	MaxSmall = 16
)

// FullLayout cuts total rows into chunks of Rows rows.
func FullLayout(total int) *Layout {
	l := &Layout{}
	for start := 0; start < total; start += Rows {
		l.Chunks = append(l.Chunks, Chunk{Seq: l.next, Start: start, N: min(Rows, total-start)})
		l.next++
	}
	return l
}

// Total is the number of rows covered.
func (l *Layout) Total() int {
	if len(l.Chunks) == 0 {
		return 0
	}
	c := l.Chunks[len(l.Chunks)-1]
	return c.Start + c.N
}

// Grow extends the layout to total rows and returns the indexes (into
// Chunks) of the chunks that must be written.
func (l *Layout) Grow(total int) []int {
	covered := l.Total()
	if total <= covered {
		return nil
	}
	var dirty []int
	if n := len(l.Chunks); n > 0 {
		last := &l.Chunks[n-1]
		if last.N < TailMax {
			take := min(total-covered, Rows-last.N)
			last.N += take
			last.Ver++
			covered += take
			dirty = append(dirty, n-1)
		}
	}
	for covered < total {
		n := min(Rows, total-covered)
		l.Chunks = append(l.Chunks, Chunk{Seq: l.next, Start: covered, N: n})
		l.next++
		dirty = append(dirty, len(l.Chunks)-1)
		covered += n
	}
	return l.compact(dirty)
}

// compact merges trailing small chunks into full ones when there are more
// than MaxSmall of them. The merged chunks keep the first one's sequence
// number (with a new version); the others' files are no longer listed.
func (l *Layout) compact(dirty []int) []int {
	first := len(l.Chunks)
	for first > 0 && l.Chunks[first-1].N < Rows/2 {
		first--
	}
	if len(l.Chunks)-first <= MaxSmall {
		return dirty
	}
	start, total := l.Chunks[first].Start, l.Total()
	seq, ver := l.Chunks[first].Seq, l.Chunks[first].Ver
	l.Chunks = l.Chunks[:first]
	kept := dirty[:0]
	for _, d := range dirty {
		if d < first {
			kept = append(kept, d)
		}
	}
	for s := start; s < total; s += Rows {
		c := Chunk{Seq: l.next, Start: s, N: min(Rows, total-s)}
		if s == start {
			c.Seq, c.Ver = seq, ver+1
		} else {
			l.next++
		}
		l.Chunks = append(l.Chunks, c)
		kept = append(kept, len(l.Chunks)-1)
	}
	return kept
}

// Touch marks chunk ci as rewritten (its rows changed in place).
func (l *Layout) Touch(ci int) { l.Chunks[ci].Ver++ }

// Containing returns the index of the chunk holding row pos, or -1.
func (l *Layout) Containing(pos int) int {
	lo, hi := 0, len(l.Chunks)
	for lo < hi {
		m := (lo + hi) / 2
		c := l.Chunks[m]
		switch {
		case pos < c.Start:
			hi = m
		case pos >= c.Start+c.N:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// ScanLayout is the layout of every list of a scan: one per element type
// (by slug) and one for the log. Gen counts the changes, so readers can tell
// a new manifest from the one they have.
type ScanLayout struct {
	Types map[string]*Layout
	Log   *Layout
	Gen   int
	// Downloads, when not nil, says the scan's downloads are behind its
	// data (the preview writes them in the background).
	Downloads *DownloadsState
}

// DownloadsState is how far behind the data the downloads are: they show
// the first Elements elements, and Updating says they are being written.
type DownloadsState struct {
	Elements int
	Updating bool
}

// NewScanLayout cuts every list of s into full chunks.
func NewScanLayout(s *model.Scan) *ScanLayout {
	sl := &ScanLayout{Types: map[string]*Layout{}, Log: FullLayout(len(s.Log))}
	for _, t := range s.Types {
		sl.Types[t.Slug] = FullLayout(t.Total())
	}
	return sl
}

// Type returns the layout of a type, making an empty one for a new type.
func (sl *ScanLayout) Type(slug string) *Layout {
	l, ok := sl.Types[slug]
	if !ok {
		l = &Layout{}
		sl.Types[slug] = l
	}
	return l
}
