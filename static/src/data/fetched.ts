// The search index's data files read with fetch() on a page served over
// http(s) (a server, the preview server, a bucket; data/registry.ts says
// why only those). A page opened from file:// can only run them
// as classic scripts (data/registry.ts), and V8 then keeps each script's
// source for the life of the page (docs/benchmarks.md: ~144 MB once a
// search has read every dictionary block of the 10M archive); a file
// fetched is bytes the page drops when done with them. The file is parsed
// as the Go writer writes it (internal/datafile), never run: the plain
// form's JSON, or a packed file's fields and the bytes of its comment
// (compressed bytes as text, or JSON), which data/packed.ts reads like a function's source.

import { isObj } from "./check";

const enc = new TextEncoder();
const utf8 = new TextDecoder(); // as a script is read: a bad byte becomes U+FFFD

const PREFIX = enc.encode("(window.__sr=window.__sr||[]).push(");
const SUFFIX = enc.encode(");");
const PACKED_HEAD = enc.encode('{"k":"packed","scan":');
const PACKED_OPEN = enc.encode(',"z":function(){/*');
const PACKED_END = enc.encode("*/}}");
const NEWLINE = 0x0a;

// MAX_FILE bounds a fetched file's size (an index block or shard is a
// few hundred KB; this only refuses what is plainly not one).
const MAX_FILE = 512 * 2 ** 20;

function startsWith(b: Uint8Array, at: number, want: Uint8Array): boolean {
  if (at < 0 || at + want.length > b.length) return false;
  for (let i = 0; i < want.length; i++) if (b[at + i] !== want[i]) return false;
  return true;
}

// indexOf finds want in b[from, to), or gives -1.
function indexOf(b: Uint8Array, want: Uint8Array, from: number, to: number): number {
  const first = want[0];
  for (let i = b.indexOf(first, from); i >= 0 && i + want.length <= to; i = b.indexOf(first, i + 1)) {
    if (startsWith(b, i, want)) return i;
  }
  return -1;
}

// parseDataFile gives the value a data file pushes: its JSON payload, or
// for a packed file its fields with z the bytes of its comment (a view
// into b). It throws on a file of any other shape.
export function parseDataFile(b: Uint8Array): unknown {
  let end = b.length;
  while (end > 0 && b[end - 1] === NEWLINE) end--;
  if (!startsWith(b, 0, PREFIX) || !startsWith(b, end - SUFFIX.length, SUFFIX) || end - SUFFIX.length < PREFIX.length) {
    throw new Error("not a data file");
  }
  const from = PREFIX.length;
  const to = end - SUFFIX.length;
  if (!startsWith(b, from, PACKED_HEAD)) return JSON.parse(utf8.decode(b.subarray(from, to))) as unknown;
  // A packed file: its fields up to the function (JSON once closed: a
  // string's quotes are escaped, so the first ,"z":function is the
  // function), then the comment, up to the file's end.
  const open = indexOf(b, PACKED_OPEN, from, to);
  const data = open + PACKED_OPEN.length;
  if (open < 0 || !startsWith(b, to - PACKED_END.length, PACKED_END) || to - PACKED_END.length < data) {
    throw new Error("a packed data file without its packed payload");
  }
  const fields = JSON.parse(utf8.decode(b.subarray(from, open)) + "}") as unknown;
  if (!isObj(fields) || "z" in fields) throw new Error("a packed data file with bad fields");
  return { ...fields, z: b.subarray(data, to - PACKED_END.length) };
}

// FetchRefused is a fetch() that failed before any answer: the network,
// or a policy that forbids it (a server's CSP without connect-src). An
// answer that is not a data file is an ordinary Error.
export class FetchRefused extends Error {
  constructor(url: string, cause: unknown) {
    super(`${url}: ${String(cause)}`);
    this.name = "FetchRefused";
  }
}

// fetchDataFile fetches the data file at url (relative to the page) and
// gives what it pushes (parseDataFile).
export async function fetchDataFile(url: string): Promise<unknown> {
  let r: Response;
  try {
    r = await fetch(url, { credentials: "same-origin", redirect: "error" });
  } catch (e) {
    throw new FetchRefused(url, e);
  }
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const size = Number(r.headers.get("Content-Length") ?? "0");
  if (size > MAX_FILE) throw new Error(`${url}: over ${MAX_FILE} bytes`);
  const b = new Uint8Array(await r.arrayBuffer());
  if (b.length > MAX_FILE) throw new Error(`${url}: over ${MAX_FILE} bytes`);
  return parseDataFile(b);
}

// fetches tells whether this page can read data files with fetch(): when
// it was served over http(s) (from file://, fetch() fails).
export function fetches(): boolean {
  return location.protocol === "http:" || location.protocol === "https:";
}
