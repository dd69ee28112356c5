package scan

import (
	"bytes"
	"strings"
	"testing"
)

// BenchmarkLongLines reads five elements of 24 MB values and one line over
// the limit; B/op is what reading costs beyond the values themselves (the
// line buffer and its growth).
func BenchmarkLongLines(b *testing.B) {
	var buf bytes.Buffer
	for i := range 5 {
		buf.WriteString(`{"id":"v` + string(rune('0'+i)) + `","type":"RAW_RIR_DATA","data":"`)
		buf.WriteString(strings.Repeat("x", 24<<20))
		buf.WriteString(`","source":"ROOT"}` + "\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		_, err := scanLines(bytes.NewReader(data), Position{}, 0, func(line []byte, _ int, tooLong bool) error {
			n += len(line)
			return nil
		})
		if err != nil || n == 0 {
			b.Fatal(err)
		}
	}
}
