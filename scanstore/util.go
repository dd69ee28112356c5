package scanstore

import (
	"encoding/json"
	"io"
)

var ioEOF = io.EOF

// jsonEncode writes v as one JSON line.
func jsonEncode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
