// Packed data files (internal/datafile, docs/site-format.md "Data files"):
//   (window.__sr=window.__sr||[]).push({"k":"packed","scan":"<id>","n":<size>,"z":function(){/*!<bytes>*/}});
// The payload is raw DEFLATE, written as text (decodeText), in a comment of
// the function (n its size), or its JSON as it is (starting with "{",
// which the text never does; no n); a payload with a binary body (the search index's
// dictionary blocks) has its JSON header in the file, "h":{…} before "n",
// and only the body compressed, read when needed (Inflater):
// V8 keeps the source and constants of every classic script a page has run
// for the life of the page, and a comment compiles to nothing, so a packed
// file costs the page only its (compressed) source. unpackPayload reads the
// comment back through the function's source text and inflates it with
// fflate's inflateSync. A page served over http(s) fetches the search
// index's files instead (data/fetched.ts: no script, so V8 keeps nothing)
// and hands the comment's bytes here in place of the function. Measured
// over 220 index blocks loaded 16 at a time: fflate 4.4–4.6 ms a block against 5.5–6.2 ms with the browser's
// DecompressionStream (its streams cost more than the inflating) and
// 4.5–5.0 ms for the same blocks plain. Inflating in a worker gained
// nothing on a 2-core machine (both cores were busy already).

import { inflateSync } from "fflate";
import { isObj } from "./check";

// What a packed file holds in its comment: the function itself, as a
// script pushed it (its source text holds the comment), or the comment's
// bytes, as data/fetched.ts reads them from the file.
export type PackedData = (() => void) | Uint8Array;

// A Packed file as pushed, before it is unpacked.
export interface Packed {
  k: "packed";
  scan: string;
  h?: Record<string, unknown>; // the header of a payload with a binary body
  n?: number; // the size in bytes of what is compressed
  z: PackedData;
}

// A PackedBody is a payload's binary body left packed (its data, and its
// size): Inflater.bytes reads it when it is needed.
export interface PackedBody {
  z: PackedData;
  n: number;
}

// MAX_SIZE bounds the buffer a packed file's size may ask for (a payload
// is at most a few MB).
const MAX_SIZE = 256 * 2 ** 20;

function isSize(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_SIZE;
}

function isData(z: unknown): z is PackedData {
  return typeof z === "function" || z instanceof Uint8Array;
}

export function isPacked(v: unknown): v is Packed {
  if (!isObj(v) || v.k !== "packed" || typeof v.scan !== "string" || !isData(v.z)) return false;
  if (v.h !== undefined && (!isObj(v.h) || Array.isArray(v.h) || !isSize(v.n))) return false;
  return v.n === undefined || isSize(v.n);
}

export function isPackedBody(v: unknown): v is PackedBody {
  return isObj(v) && isData(v.z) && isSize(v.n);
}

// packedText is the text in the comment of a packed file's function
// source (compressed bytes as text, or JSON), or null when the source
// holds none.
export function packedText(src: string): string | null {
  const a = src.indexOf("/*");
  const b = src.lastIndexOf("*/");
  if (a < 0 || b < a + 2) return null;
  return src.slice(a + 2, b); // JSON.parse, or decodeText, refuses anything else
}

// contentOf is what the comment of a packed file holds (compressed bytes
// as text, or JSON): characters (from a function's source) or their UTF-8
// (read from the file), or null when there is none.
function contentOf(z: PackedData): string | Uint8Array | null {
  return typeof z === "function" ? packedText(Function.prototype.toString.call(z)) : z;
}

const OPEN_BRACE = 0x7b;

// isJSON tells a comment holding JSON from one holding compressed bytes
// (which starts with "!").
function isJSON(t: string | Uint8Array): boolean {
  return typeof t === "string" ? t.startsWith("{") : t.length > 0 && t[0] === OPEN_BRACE;
}

// The text of compressed bytes (internal/datafile AppendText): "!", then
// each byte b as the character of code b (UTF-8 in the file), but the
// bytes of "*<>&~" as "~a" … "~e" (a '*' could end the comment, and no
// data file holds a raw '<', '>' or '&'). V8 keeps a source of characters
// up to U+00FF one byte each, so a page that ran the file keeps a
// compressed byte as about one byte (base64 kept 4/3).
const MARK = 0x21; // "!"
const ESCAPE = 0x7e; // "~"
const LETTER_A = 0x61; // "~a" is the first of ESCAPED
const ESCAPED = Uint8Array.from([0x2a, 0x3c, 0x3e, 0x26, 0x7e]); // * < > & ~
// RAW tells the ASCII bytes that cannot stand for themselves.
const RAW = (() => {
  const t = new Uint8Array(128).fill(1);
  for (const c of ESCAPED) t[c] = 0;
  return t;
})();

// unescaped is the byte escape letter l stands for, or -1.
function unescaped(l: number): number {
  const k = l - LETTER_A;
  return k >= 0 && k < ESCAPED.length ? ESCAPED[k] : -1;
}

// decodeText decodes the text of compressed bytes into out (at least as
// long as the text) and gives the bytes written; it throws on anything
// else. From a function's source the text is characters; fetched from
// the file (data/fetched.ts) it is their UTF-8, decoded here in the same
// loop, so no string is made of it.
export function decodeText(t: string | Uint8Array, out: Uint8Array): number {
  return typeof t === "string" ? decodeChars(t, out) : decodeUTF8(t, out);
}

type SetBase64 = { setFromBase64?: (s: string) => { read: number; written: number } };

// PIECE is the text decodeChars hands btoa at a time: a multiple of 3 (no
// padding inside the base64), whose base64 (64 KiB) is short enough for
// V8's young generation (a string past 128 KB goes straight to the old
// one, freed only by a full collection).
const PIECE = 48 * 1024;

// decodeChars decodes text from a function's source. Reading it a
// character at a time costs Chromium ~1.2 ms a 55 KB block (the source
// is a string V8 reads through a slow path); the browser's own btoa and
// setFromBase64 carry it over in ~0.15 ms, and the escapes are undone in
// the bytes after.
function decodeChars(t: string, out: Uint8Array): number {
  const n = t.length;
  if (n === 0 || t.charCodeAt(0) !== MARK) throw new Error("compressed data without its mark");
  if (!(out as unknown as SetBase64).setFromBase64) return decodeCharsLoop(t, out);
  let w = 0;
  for (let i = 1; i < n; i += PIECE) {
    // btoa throws on a character past U+00FF.
    const r = (out.subarray(w) as unknown as Required<SetBase64>).setFromBase64(btoa(t.slice(i, Math.min(n, i + PIECE))));
    w += r.written;
  }
  return unescapeBytes(out, w);
}

// unescapeBytes undoes the escapes in b[0, n) in place and gives the
// bytes left; it throws on a raw byte that must be escaped or a bad escape.
export function unescapeBytes(b: Uint8Array, n: number): number {
  const v = b.subarray(0, n);
  for (const c of ESCAPED) if (c !== ESCAPE && v.indexOf(c) >= 0) throw new Error("compressed data holds a character it cannot");
  let at = v.indexOf(ESCAPE);
  let w = at < 0 ? n : at;
  while (at >= 0) {
    const c = at + 1 < n ? unescaped(v[at + 1]) : -1;
    if (c < 0) throw new Error("compressed data with a bad escape");
    v[w++] = c;
    const next = v.indexOf(ESCAPE, at + 2);
    const end = next < 0 ? n : next;
    v.copyWithin(w, at + 2, end);
    w += end - (at + 2);
    at = next;
  }
  return w;
}

// decodeCharsLoop is decodeChars where the browser has no setFromBase64.
function decodeCharsLoop(t: string, out: Uint8Array): number {
  const n = t.length;
  let w = 0;
  for (let i = 1; i < n; i++) {
    let c = t.charCodeAt(i);
    if (c === ESCAPE) {
      c = unescaped(t.charCodeAt(++i)); // NaN (cut) gives -1
      if (c < 0) throw new Error("compressed data with a bad escape");
    } else if (c > 0xff || (c < 0x80 && RAW[c] === 0)) throw new Error("compressed data holds a character it cannot");
    out[w++] = c;
  }
  return w;
}

function decodeUTF8(t: Uint8Array, out: Uint8Array): number {
  const n = t.length;
  if (n === 0 || t[0] !== MARK) throw new Error("compressed data without its mark");
  let w = 0;
  for (let i = 1; i < n; i++) {
    let c = t[i];
    if (c >= 0x80) {
      const d = i + 1 < n ? t[++i] : 0;
      if ((c !== 0xc2 && c !== 0xc3) || (d & 0xc0) !== 0x80) throw new Error("compressed data holds a character it cannot");
      c = ((c & 0x1f) << 6) | (d & 0x3f);
    } else if (c === ESCAPE) {
      c = unescaped(i + 1 < n ? t[++i] : 0);
      if (c < 0) throw new Error("compressed data with a bad escape");
    } else if (RAW[c] === 0) throw new Error("compressed data holds a character it cannot");
    out[w++] = c;
  }
  return w;
}

function decodeTextAny(t: string | Uint8Array): Uint8Array {
  const out = new Uint8Array(t.length);
  return out.subarray(0, decodeText(t, out));
}

const utf8 = new TextDecoder();

// inflateText decodes the text of raw DEFLATE data into the bytes it
// holds, size bytes when size is given (into a buffer of that size: no
// buffer grown and copied while inflating; fflate would start at three
// times the input and double); it throws on anything else.
export function inflateText(t: string | Uint8Array, size?: number): Uint8Array {
  if (size === undefined) return inflateSync(decodeTextAny(t));
  return inflateInto(decodeTextAny(t), new Uint8Array(size + 1), size);
}

// inflateInto inflates z into out (at least size+1 bytes: one more than
// said, so that a longer payload shows) and checks its size.
function inflateInto(z: Uint8Array, out: Uint8Array, size: number): Uint8Array {
  const got = inflateSync(z, { out: out.subarray(0, size + 1) });
  if (got.length !== size) throw new Error("a packed data file's payload is not the size it says");
  return got;
}

// unpackBody gives the body b holds, in a buffer of its own (for a body
// kept unpacked: the index's shards).
export function unpackBody(b: PackedBody): Uint8Array {
  const t = contentOf(b.z);
  if (t === null || isJSON(t)) throw new Error("a packed body without its data");
  return inflateText(t, b.n);
}

// An Inflater reads packed bodies into two buffers it reuses (the
// compressed bytes, the inflated ones), so that reading hundreds of
// dictionary blocks allocates nothing per block: Chromium counts
// ArrayBuffer memory in the page's JS heap, and frees it only a while
// after the collection that finds it unused.
export class Inflater {
  private zbuf = new Uint8Array(0);
  private out = new Uint8Array(0);

  // bytes gives the body b holds: a view into this Inflater's buffer,
  // valid until its next call. It throws when b holds no packed body or
  // one of another size.
  bytes(b: PackedBody): Uint8Array {
    const t = contentOf(b.z);
    if (t === null || isJSON(t)) throw new Error("a packed body without its data");
    const z = this.decode(t);
    if (this.out.length < b.n + 1) this.out = new Uint8Array(Math.max(b.n + 1, Math.min(this.out.length * 2, MAX_SIZE + 1)));
    return inflateInto(z, this.out, b.n);
  }

  // decode decodes the text of compressed bytes into zbuf.
  private decode(t: string | Uint8Array): Uint8Array {
    if (this.zbuf.length < t.length) this.zbuf = new Uint8Array(Math.max(t.length, this.zbuf.length * 2));
    return this.zbuf.subarray(0, decodeText(t, this.zbuf));
  }
}

// unpackPayload gives the payload a packed file holds, not yet checked
// (the caller checks it, as it checks any pushed payload): its JSON, or
// for a payload with a binary body its header with the body left packed
// (body: a PackedBody, read by an Inflater when needed).
export async function unpackPayload(p: Packed): Promise<unknown> {
  if (p.h) return { ...p.h, body: { z: p.z, n: p.n } };
  const t = contentOf(p.z);
  if (t === null) throw new Error("a packed data file without its data");
  if (!isJSON(t)) return JSON.parse(utf8.decode(inflateText(t, p.n))) as unknown;
  return JSON.parse(typeof t === "string" ? t : utf8.decode(t)) as unknown;
}
