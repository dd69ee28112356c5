// Package scan is the contract between scanners and scanreport: it is the only
// package that reads or writes the files of a scan directory.
//
// A scan directory holds scan.toml (metadata), elements.jsonl and log.jsonl
// (append-only JSON lines), settings.toml, review.jsonl (analyst decisions)
// and notes.md. docs/scan-format.md describes each file.
//
// Readers stream: they never hold a whole file in one buffer, they stop before
// a last line that has no newline yet (a scanner may be writing it), and they
// report every problem with its file and line through a caller-supplied
// function instead of giving up. Writer is the counterpart a Go scanner uses to
// append elements and log lines and to rewrite metadata atomically.
package scan
