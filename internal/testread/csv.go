package testread

import (
	"strings"
	"testing"
)

// CSV reads a CSV as Python's csv module writes it with the "excel"
// dialect (what the CSV exports write), strictly: minimal quoting, quotes
// doubled, CRLF after every row. Anything else fails the test.
func CSV(t testing.TB, text string) [][]string {
	t.Helper()
	var rows [][]string
	var row []string
	var f strings.Builder
	i := 0
	for i < len(text) {
		if text[i] == '"' {
			i++
			for {
				if i >= len(text) {
					t.Fatalf("unterminated quoted field at the end")
				}
				if text[i] == '"' {
					if i+1 < len(text) && text[i+1] == '"' {
						f.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				f.WriteByte(text[i])
				i++
			}
		}
		for i < len(text) && text[i] != ',' && text[i] != '\r' {
			if text[i] == '"' || text[i] == '\n' {
				t.Fatalf("stray %q at byte %d (row %d)", text[i], i, len(rows)+1)
			}
			f.WriteByte(text[i])
			i++
		}
		row = append(row, f.String())
		f.Reset()
		if i < len(text) && text[i] == ',' {
			i++
			continue
		}
		if !strings.HasPrefix(text[i:], "\r\n") {
			t.Fatalf("row %d not ended by CRLF at byte %d", len(rows)+1, i)
		}
		i += 2
		rows = append(rows, row)
		row = nil
	}
	return rows
}
