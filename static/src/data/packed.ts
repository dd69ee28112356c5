// Packed data files (internal/datafile, docs/site-format.md "Data files"):
//   (window.__sr=window.__sr||[]).push({"k":"packed","scan":"<id>","n":<size>,"z":function(){/*<base64>*/}});
// The payload is raw DEFLATE, base64-encoded, in a comment of the function
// (n its size), or its JSON as it is (starting with "{", which base64
// never does; no n); a payload with a binary body (the search index's
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
// source (base64, or JSON), or null when the source holds none.
export function packedText(src: string): string | null {
  const a = src.indexOf("/*");
  const b = src.lastIndexOf("*/");
  if (a < 0 || b < a + 2) return null;
  return src.slice(a + 2, b); // JSON.parse, or the base64 decoder, refuses anything else
}

// contentOf is what the comment of a packed file holds (base64, or JSON),
// as text (from a function's source) or bytes (read from the file), or
// null when there is none.
function contentOf(z: PackedData): string | Uint8Array | null {
  return typeof z === "function" ? packedText(Function.prototype.toString.call(z)) : z;
}

const OPEN_BRACE = 0x7b;

// isJSON tells a comment holding JSON from one holding base64 (which
// never starts with "{").
function isJSON(t: string | Uint8Array): boolean {
  return typeof t === "string" ? t.startsWith("{") : t.length > 0 && t[0] === OPEN_BRACE;
}

// B64 maps an ASCII byte to its base64 value, or -1.
const B64 = (() => {
  const t = new Int8Array(256).fill(-1);
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < abc.length; i++) t[abc.charCodeAt(i)] = i;
  return t;
})();
const PAD = 0x3d; // "="

// decodeBase64Bytes decodes standard, padded base64 given as bytes into
// out (at least len/4*3 bytes) and gives the bytes written; it throws on
// anything else. It reads a fetched file's bytes where they are: with the
// browser's decoder, 64 KiB of text at a time (decodeNative); else in a
// loop, making no string at all.
export function decodeBase64Bytes(src: Uint8Array, out: Uint8Array): number {
  if ((out as unknown as SetBase64).setFromBase64) return decodeNative(src, out);
  const n = src.length;
  if (n % 4 !== 0) throw new Error("a packed body's base64 is cut");
  let pad = 0;
  if (n > 0 && src[n - 1] === PAD) pad = src[n - 2] === PAD ? 2 : 1;
  let w = 0;
  for (let i = 0; i < n; i += 4) {
    const a = B64[src[i]], b = B64[src[i + 1]];
    const last = i + 4 === n;
    const c = last && pad === 2 ? 0 : B64[src[i + 2]];
    const d = last && pad >= 1 ? 0 : B64[src[i + 3]];
    if ((a | b | c | d) < 0) throw new Error("a packed body holds something other than base64");
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[w++] = v >>> 16;
    if (last && pad === 2) break;
    out[w++] = (v >>> 8) & 0xff;
    if (last && pad === 1) break;
    out[w++] = v & 0xff;
  }
  return w;
}

// PIECE is the base64 decodeNative makes a string of at a time: a
// multiple of 4, and short enough for V8's young generation (a string past
// 128 KB goes straight to the old one, freed only by a full collection).
const PIECE = 64 * 1024;
const latin1 = new TextDecoder("latin1");

// decodeNative is decodeBase64Bytes with the browser's base64 decoder
// (Uint8Array.prototype.setFromBase64, ~3× faster than the loop), a
// piece of the text at a time.
function decodeNative(src: Uint8Array, out: Uint8Array): number {
  if (src.length % 4 !== 0) throw new Error("a packed body's base64 is cut");
  let w = 0;
  for (let i = 0; i < src.length; i += PIECE) {
    const t = latin1.decode(src.subarray(i, Math.min(i + PIECE, src.length)));
    const r = (out.subarray(w) as unknown as Required<SetBase64>).setFromBase64(t);
    if (r.read !== t.length) throw new Error("a packed body's base64 is cut");
    w += r.written;
  }
  return w;
}

function decodeBase64Any(t: string | Uint8Array): Uint8Array {
  if (typeof t === "string") return decodeBase64(t);
  const out = new Uint8Array((t.length / 4) * 3);
  return out.subarray(0, decodeBase64Bytes(t, out));
}

type WithBase64 = { fromBase64?: (s: string) => Uint8Array };
type SetBase64 = { setFromBase64?: (s: string) => { read: number; written: number } };

function decodeBase64(t: string): Uint8Array {
  const native = (Uint8Array as unknown as WithBase64).fromBase64;
  if (native) return native(t);
  const s = atob(t);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const utf8 = new TextDecoder();

// inflateBase64 decodes base64 text of raw DEFLATE data into the bytes it
// holds, size bytes when size is given (into a buffer of that size: no
// buffer grown and copied while inflating; fflate would start at three
// times the input and double); it throws on anything else.
export function inflateBase64(t: string | Uint8Array, size?: number): Uint8Array {
  if (size === undefined) return inflateSync(decodeBase64Any(t));
  return inflateInto(decodeBase64Any(t), new Uint8Array(size + 1), size);
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
  return inflateBase64(t, b.n);
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

  // decode decodes base64 into zbuf.
  private decode(t: string | Uint8Array): Uint8Array {
    const need = Math.ceil(t.length / 4) * 3;
    if (this.zbuf.length < need) this.zbuf = new Uint8Array(Math.max(need, this.zbuf.length * 2));
    if (typeof t !== "string") return this.zbuf.subarray(0, decodeBase64Bytes(t, this.zbuf));
    const set = (this.zbuf as unknown as SetBase64).setFromBase64;
    if (set) {
      const r = set.call(this.zbuf, t);
      if (r.read !== t.length) throw new Error("a packed body's base64 is cut");
      return this.zbuf.subarray(0, r.written);
    }
    const s = atob(t);
    for (let i = 0; i < s.length; i++) this.zbuf[i] = s.charCodeAt(i);
    return this.zbuf.subarray(0, s.length);
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
  if (!isJSON(t)) return JSON.parse(utf8.decode(inflateBase64(t, p.n))) as unknown;
  return JSON.parse(typeof t === "string" ? t : utf8.decode(t)) as unknown;
}
