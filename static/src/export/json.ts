// The multi-scan JSON download ("scanreport-scans/1"), made in the browser
// from the scans' data files. Each scan mirrors the per-scan file
// ("scanreport-scan/1", generator/exports/json.go) as far as the data
// files allow; docs/exports.md lists what differs. One element per line,
// so the file can also be read as a stream.

import { Parts } from "./csv";
import type { ScanData } from "../data/scan-data";
import { FLAG_CUT, FLAG_CYCLE, FLAG_GUESSED, FLAG_ORPHAN, FLAG_RENAMED } from "../data/types";

export const JSON_MULTI_FORMAT = "scanreport-scans/1";

// goJSON is JSON.stringify with Go's escaping of <, >, & and U+2028/2029
// (generator/exports), so both writers give the same bytes. Those
// characters only occur inside strings in JSON text.
const goEscape = (c: string) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
const goJSON = (v: unknown) => JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, goEscape);
const str = (s: string) => goJSON(s);

// isoMillis is json.go's time format: "2006-01-02T15:04:05.000Z", or null.
function isoMillis(ms: number): string {
  if (!ms || !isFinite(ms)) return "null";
  const d = new Date(ms);
  if (isNaN(d.getTime()) || d.getUTCFullYear() < 0 || d.getUTCFullYear() > 9999) return "null";
  return '"' + d.toISOString() + '"';
}

function isoOrNull(iso: string): string {
  if (!iso) return "null";
  return isoMillis(Date.parse(iso));
}

function meta(s: ScanData): string {
  const i = s.info;
  return (
    `{"id":${str(i.id)},"name":${str(i.name)},"target":${str(i.target)},"kind":${str(i.kind)},"status":${str(s.manifest.status || i.status)},` +
    `"created":${isoOrNull(i.created)},"started":${isoOrNull(i.started)},"ended":${isoOrNull(i.ended)},` +
    `"element_modules":${goJSON(s.manifest.modules.map(String).filter((m) => m !== ""))},` +
    `"investigations":${goJSON(i.investigations)},"elements":${s.elements}}`
  );
}

function types(s: ScanData): string {
  let out = `{"ROOT":{"description":"Internal SpiderFoot Root event","category":"INTERNAL"}`;
  for (const t of s.manifest.types) {
    out += `,${str(String(t.code))}:{"description":${str(String(t.descr))},"category":${str(String(t.cat))}}`;
  }
  return out + "}";
}

function element(s: ScanData, i: number): string {
  const f = s.flags[i];
  let out =
    `{"id":${str(s.eid[i])},"type":${str(s.typeCode(i))},"data":${str(s.data[i])},"source_id":${str(s.sourceID(i))},` +
    `"source_data":${str(s.sourceData(i))},"module":${str(s.module(i))},"generated":${isoMillis(s.time[i])},` +
    `"confidence":${s.conf[i]},"visibility":${s.vis[i]},"risk":${s.risk[i]},"risky":${s.risky(i)},"false_positive":${s.fp[i] === 1}`;
  const notes: string[] = [];
  if (f & FLAG_ORPHAN) notes.push("source-missing");
  if (f & FLAG_CYCLE) notes.push("source-cycle");
  if (f & FLAG_RENAMED) notes.push("id-reused");
  if (f & FLAG_CUT) notes.push("data-cut");
  if (f & FLAG_GUESSED) notes.push("link-guessed");
  if (notes.length) out += `,"notes":${goJSON(notes)}`;
  return out + "}";
}

// writeJSON writes the scans as one "scanreport-scans/1" document. step is
// called every few thousand elements so the caller can yield and report.
export async function writeJSON(scans: ScanData[], step: (done: number) => Promise<void>): Promise<Blob> {
  const p = new Parts("application/json");
  p.add(`{"format":"${JSON_MULTI_FORMAT}",\n"scans":[\n`);
  let done = 0;
  for (let k = 0; k < scans.length; k++) {
    const s = scans[k];
    if (k > 0) p.add(",\n");
    p.add(`{"scan":${meta(s)},\n"types":${types(s)},\n"elements":[\n`);
    let first = true;
    for (let i = 0; i < s.n; i++) {
      if (!s.has(i)) continue;
      if (!first) p.add(",\n");
      first = false;
      p.add(element(s, i));
      if (++done % 5000 === 0) await step(done);
    }
    p.add("\n]}");
  }
  p.add("\n]}\n");
  return p.blob();
}
