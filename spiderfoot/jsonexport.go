package spiderfoot

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// jsonElement is one element of SpiderFoot's JSON export
// (scanexportjsonmulti).
type jsonElement struct {
	Data          *string         `json:"data"`
	EventType     *string         `json:"event_type"`
	Module        string          `json:"module"`
	SourceData    string          `json:"source_data"`
	FalsePositive json.RawMessage `json:"false_positive"`
	LastSeen      json.RawMessage `json:"last_seen"`
	ScanName      string          `json:"scan_name"`
	ScanTarget    string          `json:"scan_target"`
}

// ImportJSON imports SpiderFoot's JSON export: a list of objects with data,
// event_type, module, source_data, false_positive, last_seen, scan_name and
// scan_target, one scan directory per scan_name (o.Scans picks names).
func ImportJSON(ctx context.Context, r io.Reader, o Options) (*Summary, error) {
	start := time.Now()
	if o.Source == "" {
		o.Source = "input"
	}
	sum := &Summary{Source: o.Source + " (SpiderFoot JSON export)", ScansRoot: o.ScansRoot}
	br := bufio.NewReaderSize(r, 1<<20)
	if b, _ := br.Peek(3); bytes.Equal(b, utf8BOM) {
		br.Discard(3)
	}
	dec := json.NewDecoder(br)
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("not a SpiderFoot JSON export: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, errors.New("not a SpiderFoot JSON export: it does not start with a list")
	}
	var scans []*exportScan
	byName := map[string]*exportScan{}
	loc := o.loc()
	for n := 0; dec.More(); n++ {
		if n%8192 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("SpiderFoot JSON export, element %d: %w (is the file cut short?)", n+1, err)
		}
		var e jsonElement
		if err := json.Unmarshal(raw, &e); err != nil || e.Data == nil || e.EventType == nil {
			sum.skip("JSON export entries that are not elements", 1)
			continue
		}
		s := byName[e.ScanName]
		if s == nil {
			s = &exportScan{name: e.ScanName, target: e.ScanTarget}
			byName[e.ScanName] = s
			scans = append(scans, s)
		} else if s.target == "" {
			s.target = e.ScanTarget
		}
		s.rows = append(s.rows, exportRow{t: jsonTime(e.LastSeen, loc), typ: strings.TrimSpace(*e.EventType), module: e.Module,
			source: e.SourceData, data: *e.Data, fp: jsonTrue(e.FalsePositive)})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("SpiderFoot JSON export: the list is not closed: %w (is the file cut short?)", err)
	}
	if scans, err = selectExportScans(scans, o.Scans); err != nil {
		return nil, err
	}
	if err := importExport("spiderfoot-json", o.Source, scans, &o, sum); err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// jsonTime reads last_seen: "YYYY-MM-DD HH:MM:SS" (server-local) or epoch
// seconds. The zero time means unreadable.
func jsonTime(raw json.RawMessage, loc *time.Location) time.Time {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		t, _ := parseExportTime(s, loc)
		return t
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil && f > 0 {
		return secondsTime(f)
	}
	return time.Time{}
}

// jsonTrue reads false_positive: 0/1, a boolean, or "0"/"1".
func jsonTrue(raw json.RawMessage) bool {
	switch strings.Trim(strings.TrimSpace(string(raw)), `"`) {
	case "1", "true", "True":
		return true
	}
	return false
}
