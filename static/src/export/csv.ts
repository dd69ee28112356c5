// CSV made in the browser, byte for byte the way generator/exports/csv.go
// writes it (and so the way SpiderFoot's exports do, through Python's csv
// module with the "excel" dialect): comma, CRLF after every row, a field
// quoted only when it holds a comma, a quote, CR or LF (quotes doubled),
// line breaks inside fields kept as they are. With defusing on, every place
// where a spreadsheet could start a formula gets an apostrophe (export/csv-defuse.ts,
// the same rule as the server's). docs/exports.md describes the files.

import { defuse as defuseCell } from "./csv-defuse";
import { utc } from "../ui/format";
import type { ScanData } from "../data/scan-data";

// The headers, as SpiderFoot writes them.
export const CSV_HEADER = ["Updated", "Type", "Module", "Source", "F/P", "Data"];
export const CSV_MULTI_HEADER = ["Scan Name", ...CSV_HEADER];

const NEEDS_QUOTES = /[,"\r\n]/;

// csvField quotes and defuses one field.
export function csvField(f: string, defuse: boolean): string {
  if (defuse) f = defuseCell(f);
  if (!NEEDS_QUOTES.test(f)) return f;
  return '"' + f.replace(/"/g, '""') + '"';
}

// csvRow is one row with its CRLF.
export function csvRow(fields: string[], defuse: boolean): string {
  let s = "";
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) s += ",";
    s += csvField(fields[i], defuse);
  }
  return s + "\r\n";
}

// stripSFURL removes SpiderFoot's <SFURL> and </SFURL> markers, as its
// exports do for the data column (never for the source column).
export function stripSFURL(s: string): string {
  if (s.indexOf("SFURL>") < 0) return s;
  return s.split("<SFURL>").join("").split("</SFURL>").join("");
}

// csvTime is SpiderFoot's "Updated" column, in UTC; "" when unknown. Like
// SpiderFoot's ROUND(generated) it rounds to the nearest second (half up).
export const csvTime = (ms: number): string => utc(ms > 0 ? Math.floor((ms + 500) / 1000) * 1000 : ms);

// Parts collects a large text file in pieces: rows are joined into strings
// of about 256 K characters, and every 64 of those become a Blob, so that
// no single giant string is ever built and finished parts can leave the
// JavaScript heap. blob() gives the file.
export class Parts {
  private cur: string[] = [];
  private curLen = 0;
  private strings: string[] = [];
  private blobs: Blob[] = [];
  private total = 0;

  constructor(private readonly type: string) {}

  add(s: string): void {
    this.cur.push(s);
    this.curLen += s.length;
    this.total += s.length;
    if (this.curLen >= 256 * 1024) this.flushString();
  }

  // length is the number of UTF-16 units added so far.
  get length(): number {
    return this.total;
  }

  private flushString(): void {
    if (this.cur.length === 0) return;
    this.strings.push(this.cur.join(""));
    this.cur = [];
    this.curLen = 0;
    if (this.strings.length >= 64) this.flushBlob();
  }

  private flushBlob(): void {
    if (this.strings.length === 0) return;
    this.blobs.push(new Blob(this.strings));
    this.strings = [];
  }

  blob(): Blob {
    this.flushString();
    this.flushBlob();
    const b = new Blob(this.blobs, { type: this.type });
    this.blobs = [];
    return b;
  }
}

// ElementRow is what a CSV row needs of one element.
export interface ElementRow {
  time: number; // Unix ms, 0 = unknown
  type: string; // type code
  module: string;
  source: string; // the source element's data
  fp: boolean;
  data: string;
}

// elementFields gives SpiderFoot's columns of an element (without Scan Name).
export function elementFields(e: ElementRow): string[] {
  return [csvTime(e.time), e.type, e.module, e.source, e.fp ? "1" : "0", stripSFURL(e.data)];
}

// multiCSV is SpiderFoot's multi-scan CSV: the Scan Name column first, each
// scan's elements (ROOT left out, false positives included and marked) in
// arrival order, the scans in the order they were selected.
export async function multiCSV(scans: ScanData[], defuse: boolean, step: (done: number) => Promise<void>): Promise<Blob> {
  const p = new Parts("text/csv;charset=utf-8");
  p.add(csvRow(CSV_MULTI_HEADER, defuse));
  let done = 0;
  for (const s of scans) {
    const name = s.info.name;
    for (let i = 1; i < s.n; i++) {
      if (!s.has(i)) continue;
      const f = elementFields({ time: s.time[i], type: s.typeCode(i), module: s.module(i), source: s.sourceData(i), fp: s.fp[i] === 1, data: s.data[i] });
      f.unshift(name);
      p.add(csvRow(f, defuse));
      if (++done % 5000 === 0) await step(done);
    }
  }
  return p.blob();
}
