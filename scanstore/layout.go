package scanstore

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/scanreport/scanreport/scan"
)

// The folders of a scan in a bucket that hold numbered segments, and the
// one that holds review decisions.
const (
	ElementsDir = "elements"
	LogDir      = "log"
	ReviewDir   = "review"
)

// segmentDigits is the zero-padded width of a segment number: names sort
// in numeric order up to 999,999 segments (numbers past that are wider and
// still parsed).
const segmentDigits = 6

// SegmentKey is the key of segment n (from 1) of a scan's elements or log.
func SegmentKey(id, dir string, n int) string {
	return fmt.Sprintf("%s/%s/%0*d.jsonl", id, dir, segmentDigits, n)
}

// segmentNumber parses the number of a segment key's last part
// ("000012.jsonl" → 12); ok is false for anything else.
func segmentNumber(name string) (int, bool) {
	num, ok := strings.CutSuffix(name, ".jsonl")
	if !ok || len(num) < segmentDigits {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || strconv.Itoa(n) != strings.TrimLeft(num, "0") {
		return 0, false
	}
	return n, true
}

// FileKey is the key of one of a scan's whole files (scan.toml,
// settings.toml, notes.md).
func FileKey(id, name string) string { return id + "/" + name }

// ReviewKey is a new, unique key for one review decision made at t: the
// time first (keys sort by it), then 64 random bits, so two analysts
// deciding in the same nanosecond still write two objects.
func ReviewKey(id string, t time.Time) string {
	var r [8]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails
	return fmt.Sprintf("%s/%s/%s-%s.json", id, ReviewDir, t.UTC().Format("20060102T150405.000000000Z"), hex.EncodeToString(r[:]))
}

// wholeFiles are the scan files stored as whole objects, mirrored as they
// are. scan.toml is handled on its own (it is written last).
var wholeFiles = []string{scan.SettingsFile, scan.NotesFile}
