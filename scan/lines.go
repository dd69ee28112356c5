package scan

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
)

// DefaultMaxLine is the longest line a reader accepts (64 MiB). Longer lines
// are reported and skipped without being held in memory.
const DefaultMaxLine = 64 << 20

// lineFunc receives one complete line without its newline (and without a
// trailing carriage return). The slice is only valid during the call. tooLong
// is set, with an empty line, for a line longer than the limit.
type lineFunc func(line []byte, lineNo int, tooLong bool) error

// Position is where a reader stopped: the byte offset just past the last
// complete line and the number of complete lines before it. Reading again
// from Position picks up exactly the lines added since.
type Position struct {
	Offset int64
	Line   int

	// What Dir's readers remember to tell that the file was replaced
	// (ErrReplaced) rather than appended to: the file read, and a hash of
	// the bytes just before Offset.
	file os.FileInfo
	tail [sha256.Size]byte
}

// scanLines feeds complete lines of r to fn, starting at pos (r must already
// be positioned there). A final line without a newline is not passed on: the
// scanner may still be writing it. It returns the position after the last
// complete line.
func scanLines(r io.Reader, pos Position, maxLine int, fn lineFunc) (Position, error) {
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	br := bufio.NewReaderSize(r, 1<<20)
	// long collects a line that did not fit the buffer. It is grown by
	// doubling up to the limit, never past it, and kept for the next long
	// line: appending 1 MiB at a time would leave a trail of ever larger
	// copies behind (Go grows large slices by a quarter), about three times
	// the line before the collector catches up.
	var long []byte
	var collecting, skipping bool
	var pending int64 // bytes of the current unfinished line
	add := func(chunk []byte) {
		if need := len(long) + len(chunk); need > cap(long) {
			n := make([]byte, len(long), min(max(2*cap(long), need, 4<<20), maxLine+1))
			copy(n, long)
			long = n
		}
		long = append(long, chunk...)
	}
	for {
		chunk, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			pending += int64(len(chunk))
			if !skipping {
				if len(long)+len(chunk) > maxLine {
					// Too long: the rest is read past, not held.
					skipping, collecting, long = true, false, long[:0]
				} else {
					collecting = true
					add(chunk)
				}
			}
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				// Whatever is left has no newline yet: not a line.
				return pos, nil
			}
			return pos, err
		}
		pos.Offset += pending + int64(len(chunk))
		pos.Line++
		pending = 0
		var ferr error
		switch {
		case skipping:
			ferr = fn(nil, pos.Line, true)
			skipping = false
		case collecting:
			if len(long)+len(chunk) > maxLine+1 {
				ferr = fn(nil, pos.Line, true)
			} else {
				add(chunk)
				ferr = fn(trimEOL(long), pos.Line, false)
			}
			collecting, long = false, long[:0]
		default:
			if len(chunk) > maxLine+1 {
				ferr = fn(nil, pos.Line, true)
			} else {
				ferr = fn(trimEOL(chunk), pos.Line, false)
			}
		}
		if ferr != nil {
			return pos, ferr
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}

// recordFunc receives one non-blank complete line and a Problem already
// naming its file and line, to fill in and report when the line is bad.
type recordFunc func(line []byte, p Problem) error

// scanRecords is scanLines for JSON-lines files: lines over the limit are
// reported and skipped, blank lines are passed over.
func scanRecords(r io.Reader, from Position, file string, report Reporter, fn recordFunc) (Position, error) {
	return scanLines(r, from, 0, func(line []byte, n int, tooLong bool) error {
		p := Problem{File: file, Line: n}
		if tooLong {
			p.Severity, p.Kind, p.Text = Error, KindTooLong, fmt.Sprintf("line longer than %d MiB skipped", DefaultMaxLine>>20)
			report.report(p)
			return nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		return fn(line, p)
	})
}
