// Converting SpiderFoot's values into ours: scan ids, names, element
// types, times.

package spiderfoot

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/scanreport/scanreport/internal/eltypes"
	"github.com/scanreport/scanreport/scan"
)

// ScanID derives a scan id from a SpiderFoot scan id or a scan name: "sf-"
// and the text, with every character a scan id cannot hold replaced by '-'.
// When the text had to be changed (or cut to fit), the first 8 hex digits of
// its SHA-256 are appended, so that different texts keep different ids. The
// same text always gives the same id.
func ScanID(text string) string {
	var b strings.Builder
	b.WriteString("sf-")
	changed := text == ""
	dash := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
		if !ok {
			changed = true
			if !dash {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		b.WriteByte(c)
		dash = false
	}
	id := b.String()
	const keep = scan.MaxIDLen - 9 // room for "-" and 8 hex digits
	if len(id) > keep {
		id, changed = id[:keep], true
	}
	if changed {
		sum := sha256.Sum256([]byte(text))
		id = strings.TrimRight(id, "-.") + "-" + hex.EncodeToString(sum[:4])
	}
	return id
}

// unescapeName undoes what SpiderFoot's cleanUserInput did to scan names
// and targets typed into its web UI: html.escape, then &amp; and &quot;
// turned back. What is left to undo is &lt;, &gt; and &#x27;.
func unescapeName(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#x27;", "'").Replace(s)
}

// typeCode maps a type as SpiderFoot wrote it (a code, or a description as
// in the CLI's output) to a code. Unknown types are kept as given, ok false.
func typeCode(cat *eltypes.Catalogue, t string) (code string, ok bool) {
	if k := cat.Lookup(t); k.Known {
		return k.Code, true
	}
	if k, found := cat.ByDescription(t); found {
		return k.Code, true
	}
	if k := cat.Lookup(strings.ToUpper(strings.TrimSpace(t))); k.Known {
		return k.Code, true
	}
	return t, false
}

func isEntityType(cat *eltypes.Catalogue, code string) bool {
	c := cat.Lookup(code).Category
	return c == eltypes.Entity || c == eltypes.Internal
}

// secondsTime converts epoch seconds (SpiderFoot's result times, float) to
// a time, to the millisecond.
func secondsTime(s float64) time.Time {
	return time.UnixMilli(int64(s*1000 + 0.5)).UTC()
}

// millisTime converts epoch milliseconds (SpiderFoot's scan and log times,
// float) to a time; 0 (SpiderFoot's "not yet") is the zero time.
func millisTime(ms float64) time.Time {
	if ms <= 0 {
		return time.Time{}
	}
	return time.UnixMilli(int64(ms + 0.5)).UTC()
}

// exportTimeLayout is how SpiderFoot's exports write times (server-local).
const exportTimeLayout = "2006-01-02 15:04:05"
