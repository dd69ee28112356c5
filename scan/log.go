package scan

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// Log levels. SpiderFoot stores INFO as STATUS and also writes CRITICAL.
const (
	LevelStatus   = "STATUS"
	LevelInfo     = "INFO"
	LevelWarning  = "WARNING"
	LevelError    = "ERROR"
	LevelCritical = "CRITICAL"
	LevelDebug    = "DEBUG"
)

// Levels lists the known log levels, most severe first.
var Levels = []string{LevelCritical, LevelError, LevelWarning, LevelStatus, LevelInfo, LevelDebug}

// LogEntry is one line of a scan's log.
type LogEntry struct {
	Time      time.Time
	Level     string
	Component string
	Message   string
}

// LogFunc receives each log entry read, with its 1-based line number.
type LogFunc func(e LogEntry, line int) error

// ReadLog reads log.jsonl from r, positioned at from, like ReadElements.
func ReadLog(r io.Reader, from Position, file string, report Reporter, fn LogFunc) (Position, error) {
	var d flatDecoder
	return scanRecords(r, from, file, report, func(line []byte, p Problem) error {
		var e LogEntry
		var warns []string
		err := d.decode(line, func(key []byte, v flatValue) error {
			s := string(v.b)
			if v.kind == kindBool {
				s = strconv.FormatBool(v.bit)
			}
			switch string(key) {
			case "time":
				switch v.kind {
				case kindString:
					t, err := time.Parse(time.RFC3339Nano, s)
					if err != nil {
						warns = append(warns, "\"time\" is not an RFC 3339 time")
					}
					e.Time = t
				case kindNumber:
					// SpiderFoot log times are epoch milliseconds.
					if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1e17 {
						if f < 1e11 {
							f *= 1000
						}
						e.Time = time.UnixMilli(int64(f)).UTC()
					}
				}
			case "level":
				e.Level = strings.ToUpper(s)
			case "component":
				e.Component = s
			case "message":
				e.Message = s
			}
			return nil
		})
		if err != nil {
			p.Severity, p.Kind, p.Text = Error, KindSyntax, "not a JSON object: "+err.Error()
			report.report(p)
			return nil
		}
		if e.Level == "" {
			e.Level = LevelInfo
			warns = append(warns, "log line has no \"level\"; INFO used")
		} else if !knownLevel(e.Level) {
			warns = append(warns, "unknown log level "+strconv.Quote(truncate(e.Level, 32)))
		}
		for _, w := range warns {
			q := p
			q.Severity, q.Kind, q.Text = Warning, KindField, w
			report.report(q)
		}
		return fn(e, p.Line)
	})
}

func knownLevel(l string) bool {
	for _, k := range Levels {
		if k == l {
			return true
		}
	}
	return false
}
