// Package scanstore keeps a scans root in object storage (any gocloud.dev/blob
// bucket: S3 and its compatibles, GCS, Azure, a local folder through file://).
//
// Objects cannot be appended to, so a scan in a bucket is laid out as whole
// objects: scan.toml, settings.toml and notes.md as they are on disk, the
// elements and the log as sealed segments (<id>/elements/000001.jsonl …,
// <id>/log/000001.jsonl …) each written once and whole, in order, and each
// review decision as an object of its own (<id>/review/<time>-<random>.json).
// docs/scan-format.md describes the layout.
//
// Writer writes a scan into a bucket with the shape of scan.Writer, sealing a
// segment every N elements or T seconds. Ship copies a scan directory that a
// local writer fills (scan.Writer, the importers, any scanner) into a bucket,
// once or while it grows. Mirror keeps a local folder in step with the
// bucket: it downloads each sealed segment once and appends it to the local
// scan directory's elements.jsonl and log.jsonl, so the scan package's
// readers, the watcher and the O(appended) live updates work unchanged on
// the mirror.
//
// scanstore is a face beside the pipeline, like publish: scan and generator
// never import it.
package scanstore
