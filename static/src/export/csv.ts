// CSV made in the browser, byte for byte the way generator/exports/csv.go
// writes it (and so the way SpiderFoot's exports do, through Python's csv
// module with the "excel" dialect): comma, CRLF after every row, a field
// quoted only when it holds a comma, a quote, CR or LF (quotes doubled),
// line breaks inside fields kept as they are. With defusing on, every place
// where a spreadsheet could start a formula gets an apostrophe (export/csv-defuse.ts,
// the same rule as the server's). docs/exports.md describes the files.

import { defuse as defuseCell } from "./csv-defuse";
import { utc } from "../ui/format";

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
