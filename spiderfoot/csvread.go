package spiderfoot

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// csvReader reads the CSV that Python's csv module writes (SpiderFoot's
// exports) and keeps every byte of a quoted field as written: Go's
// encoding/csv turns a CR LF inside quotes into LF, which changed the WHOIS
// records and other multi-line values of real exports. It is strict like
// encoding/csv without LazyQuotes: a quote inside an unquoted field, or
// anything but the delimiter or the end of the line after a closing quote,
// makes the record an error (errCSVQuote; reading goes on at the next line).
// Empty lines are skipped. Line ends between records may be LF or CR LF.
type csvReader struct {
	br    *bufio.Reader
	comma byte
	field []byte
	rec   []string
}

var errCSVQuote = errors.New("broken quoting")

func newCSVReader(br *bufio.Reader, comma byte) *csvReader {
	return &csvReader{br: br, comma: comma}
}

// readLine reads one physical line with its line end ("" at the end).
func (r *csvReader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.br.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if err == io.EOF && len(line) > 0 {
		err = nil
	}
	return line, err
}

// trimEOL cuts the line end (LF or CR LF) off a line.
func trimEOL(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	return line
}

// read returns the next record (valid until the next call), io.EOF at the
// end, or errCSVQuote for a record with broken quoting.
func (r *csvReader) read() ([]string, error) {
	var line []byte
	var err error
	for {
		line, err = r.readLine()
		if err != nil {
			return nil, err
		}
		if len(trimEOL(line)) > 0 {
			break
		}
	}
	r.rec = r.rec[:0]
	for {
		// At the start of a field.
		if len(line) > 0 && line[0] == '"' {
			r.field = r.field[:0]
			line = line[1:]
			for {
				i := bytes.IndexByte(line, '"')
				if i < 0 {
					// The field goes on past the line end: keep it, as written.
					r.field = append(r.field, line...)
					if line, err = r.readLine(); err != nil {
						if err == io.EOF {
							return nil, errCSVQuote
						}
						return nil, err
					}
					continue
				}
				r.field = append(r.field, line[:i]...)
				line = line[i+1:]
				if len(line) > 0 && line[0] == '"' {
					r.field = append(r.field, '"')
					line = line[1:]
					continue
				}
				break
			}
			r.rec = append(r.rec, string(r.field))
			rest := trimEOL(line)
			switch {
			case len(rest) == 0:
				return r.rec, nil
			case rest[0] == r.comma:
				line = line[1:]
				continue
			default:
				return nil, errCSVQuote
			}
		}
		rest := trimEOL(line)
		i := bytes.IndexByte(rest, r.comma)
		end := i
		if i < 0 {
			end = len(rest)
		}
		if bytes.IndexByte(rest[:end], '"') >= 0 {
			return nil, errCSVQuote
		}
		r.rec = append(r.rec, string(rest[:end]))
		if i < 0 {
			return r.rec, nil
		}
		line = line[i+1:]
	}
}
