// Packed data files (internal/datafile, docs/site-format.md "Data files"):
//   (window.__sr=window.__sr||[]).push({"k":"packed","scan":"<id>","n":<size>,"z":function(){/*<base64>*/}});
// The payload is raw DEFLATE, base64-encoded, in a comment of the function
// (its JSON, or a line of JSON then a binary body; n its size), or its
// JSON as it is (starting with "{", which base64 never does; no n):
// V8 keeps the source and constants of every classic script a page has run
// for the life of the page, and a comment compiles to nothing, so a packed
// file costs the page only its (compressed) source. unpackPayload reads the
// comment back through the function's source text and inflates it with
// fflate's inflateSync. Measured over 220 index blocks loaded 16 at a time:
// fflate 4.4–4.6 ms a block against 5.5–6.2 ms with the browser's
// DecompressionStream (its streams cost more than the inflating) and
// 4.5–5.0 ms for the same blocks plain. Inflating in a worker gained
// nothing on a 2-core machine (both cores were busy already).

import { inflateSync } from "fflate";
import { isObj } from "./check";

// A Packed file as pushed, before it is unpacked.
export interface Packed {
  k: "packed";
  scan: string;
  n?: number; // a compressed payload's size in bytes
  z: () => void;
}

// MAX_SIZE bounds the buffer a packed file's size may ask for (a payload
// is at most a few MB).
const MAX_SIZE = 256 * 2 ** 20;

export function isPacked(v: unknown): v is Packed {
  return isObj(v) && v.k === "packed" && typeof v.scan === "string" && typeof v.z === "function" && (v.n === undefined || (Number.isInteger(v.n) && (v.n as number) >= 0 && (v.n as number) <= MAX_SIZE));
}

// packedText is the text in the comment of a packed file's function
// source (base64, or JSON), or null when the source holds none.
export function packedText(src: string): string | null {
  const a = src.indexOf("/*");
  const b = src.lastIndexOf("*/");
  if (a < 0 || b < a + 2) return null;
  return src.slice(a + 2, b); // JSON.parse, or the base64 decoder, refuses anything else
}

type WithBase64 = { fromBase64?: (s: string) => Uint8Array };

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
export function inflateBase64(t: string, size?: number): Uint8Array {
  if (size === undefined) return inflateSync(decodeBase64(t));
  // One byte more than said, so that a longer payload shows.
  const out = inflateSync(decodeBase64(t), { out: new Uint8Array(size + 1) });
  if (out.length !== size) throw new Error("a packed data file's payload is not the size it says");
  return out;
}

// payloadOf reads an inflated payload: JSON, or a line of JSON, a newline
// and a binary body (internal/datafile Split), which becomes the value's
// `bin` (the search index's dictionary blocks: search/block.ts reads them
// a piece at a time, so no one large string is made of them).
export function payloadOf(bytes: Uint8Array): unknown {
  const nl = bytes.indexOf(10);
  if (nl < 0) return JSON.parse(utf8.decode(bytes)) as unknown;
  const head = JSON.parse(utf8.decode(bytes.subarray(0, nl))) as unknown;
  if (head === null || typeof head !== "object" || Array.isArray(head)) throw new Error("a packed data file's header is not an object");
  return { ...head, bin: bytes.subarray(nl + 1) };
}

// unpackPayload gives the payload a packed file holds: parsed JSON (with
// its binary body, if any, as bin), not yet checked (the caller checks it,
// as it checks any pushed payload).
export async function unpackPayload(p: Packed): Promise<unknown> {
  const t = packedText(Function.prototype.toString.call(p.z));
  if (t === null) throw new Error("a packed data file without its data");
  return t.startsWith("{") ? (JSON.parse(t) as unknown) : payloadOf(inflateBase64(t, p.n));
}
