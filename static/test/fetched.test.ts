// Tests of the data files' fetch reader (data/fetched.ts; make test-node):
// every file the Go writer packed (internal/datafile/testdata/packed.json)
// and plain files, read as bytes the way a page served over http(s) reads
// them, must give what running the same file as a script gives; any other
// shape is refused, never run.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { runInNewContext } from "node:vm";
import { parseDataFile } from "../src/data/fetched";
import { decodeText, Inflater, unescapeBytes, isPacked, unpackPayload, type PackedBody } from "../src/data/packed";

interface Vector {
  file: string;
  payload: Record<string, unknown>;
  body?: string;
}

const vectors = (JSON.parse(readFileSync("internal/datafile/testdata/packed.json", "utf8")) as { files: Vector[] }).files;
const enc = new TextEncoder();
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function run(file: string): unknown {
  const pushed: unknown[] = [];
  runInNewContext(file, { window: { __sr: { push: (v: unknown) => pushed.push(v) } } });
  assert.equal(pushed.length, 1);
  return pushed[0];
}

test("a fetched packed file unpacks to what the same file run as a script gives", async () => {
  assert.ok(vectors.length >= 10);
  const inflater = new Inflater();
  for (const v of vectors) {
    for (const file of [v.file, v.file + "\n", v.file + "\n\n"]) {
      const got = parseDataFile(enc.encode(file));
      const fromScript = run(file);
      if (!isPacked(got) || !isPacked(fromScript)) throw new Error("a packed file parses to a packed payload");
      assert.ok(got.z instanceof Uint8Array, "its comment as bytes");
      const a = await unpackPayload(got);
      const b = await unpackPayload(fromScript);
      if (v.body === undefined) {
        assert.deepEqual(a, v.payload);
        assert.deepEqual(a, b);
        continue;
      }
      const { body, ...head } = a as { body: PackedBody };
      assert.deepEqual(head, v.payload);
      assert.deepEqual(inflater.bytes(body), bytes(v.body));
      assert.deepEqual(inflater.bytes(body), bytes(v.body), "read again");
    }
  }
});

test("a fetched plain file gives its payload", () => {
  const payloads = [
    { k: "manifest", scan: "s", v: "*/ </script> \u2028 \n ünï 🙂", n: [1, 2.5, -3] },
    { k: "elements", scan: "s", d: ["a\r\nb", "\u0000\u001f", "x".repeat(70_000)] },
  ];
  for (const p of payloads) {
    const file = "(window.__sr=window.__sr||[]).push(" + JSON.stringify(p) + ");\n";
    assert.deepEqual(parseDataFile(enc.encode(file)), p);
    assert.equal(JSON.stringify(parseDataFile(enc.encode(file))), JSON.stringify(run(file)), "as the script pushes it");
  }
});

test("a fetched file of any other shape is refused", () => {
  const ok = vectors.find((v) => !v.file.includes("/*{"))!.file;
  const bad = [
    "",
    "\n",
    "alert(1)",
    "(window.__sr=window.__sr||[]).push(",
    "(window.__sr=window.__sr||[]).push();",
    "(window.__sr=window.__sr||[]).push({\"k\":1});alert(1);",
    "(window.__sr=window.__sr||[]).push({\"k\":1})",
    "(window.__sr=window.__sr||[]).push({\"k\":1}",
    "window.__sr.push({\"k\":1});",
    "(window.__sr=window.__sr||[]).push({\"k\":\"packed\",\"scan\":\"s\"});",
    "(window.__sr=window.__sr||[]).push({\"k\":\"packed\",\"scan\":\"s\",\"z\":function(){/**/});",
    "(window.__sr=window.__sr||[]).push({\"k\":\"packed\",\"scan\":\"s\",\"z\":function(){/*AAAA*/}}, 1);",
    "(window.__sr=window.__sr||[]).push({\"k\":\"packed\",\"scan\":s\",\"z\":function(){/*AAAA*/}});",
    ok.replace("push(", "push (") ,
    ok.slice(0, -10),
  ];
  for (const f of bad) assert.throws(() => parseDataFile(enc.encode(f)), JSON.stringify(f.slice(0, 80)));
});

// text writes bytes as the Go writer does (internal/datafile AppendText),
// written here from the spec.
function text(raw: Uint8Array): string {
  let s = "!";
  for (const c of raw) s += "*<>&~".includes(String.fromCharCode(c)) ? "~" + "abcde"["*<>&~".indexOf(String.fromCharCode(c))] : String.fromCharCode(c);
  return s;
}

test("compressed bytes as text decode the same from a function's source and from the file's UTF-8", () => {
  for (let n = 0; n < 600; n += n < 20 ? 1 : 37) {
    const raw = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7) & 0xff);
    const t = text(raw);
    const utf = enc.encode(t);
    for (const src of [t, utf]) {
      const out = new Uint8Array(src.length);
      const w = decodeText(src, out);
      assert.deepEqual(out.subarray(0, w), raw, `${n} bytes, as ${typeof src}`);
    }
  }
  const every = Uint8Array.from({ length: 256 }, (_, i) => i);
  const f = run(`(window.__sr=window.__sr||[]).push({"k":"packed","scan":"s","n":1,"z":function(){/*${text(every)}*/}});`);
  if (!isPacked(f)) throw new Error("a packed file");
  const src = Function.prototype.toString.call(f.z);
  const t = src.slice(src.indexOf("/*") + 2, src.lastIndexOf("*/"));
  const out = new Uint8Array(t.length);
  assert.deepEqual(out.subarray(0, decodeText(t, out)), every, "every byte value, through a script's source");
});

test("text from a function's source is decoded through btoa and setFromBase64 a piece at a time, where the browser has them", () => {
  // Node 20 has no Uint8Array.prototype.setFromBase64: a stand-in with its
  // contract (read, written; throws on a bad character) for the test.
  const proto = Uint8Array.prototype as unknown as { setFromBase64?: (s: string) => { read: number; written: number } };
  assert.equal(proto.setFromBase64, undefined, "the stand-in replaces nothing");
  let calls = 0;
  proto.setFromBase64 = function (this: Uint8Array, s: string) {
    calls++;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new SyntaxError("not base64");
    const b = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    if (b.length > this.length) throw new RangeError("no room");
    this.set(b);
    return { read: s.length, written: b.length };
  };
  try {
    // Escapes at the start, the end, in runs and across a piece's edge.
    const edge = 48 * 1024;
    for (const n of [0, 1, 2, 3, edge - 2, edge - 1, edge, edge + 1, 150_001]) {
      const raw = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 || i === edge - 2 || i === n - 1 ? [0x2a, 0x3c, 0x3e, 0x26, 0x7e][i % 5 === 0 ? (i / 5) % 5 : i & 3] : (i * 7919 + n) & 0xff));
      const t = text(raw);
      const out = new Uint8Array(t.length);
      calls = 0;
      assert.deepEqual(out.subarray(0, decodeText(t, out)), raw, `${n} bytes`);
      assert.equal(calls, Math.ceil((t.length - 1) / edge), `${n} bytes: pieces of 48 KiB of text`);
    }
    const out = new Uint8Array(16);
    for (const s of ["!*", "!<", "!>", "!&", "!~", "!~f", "!a~", "!~*", "!\u0100", "!ab*"]) assert.throws(() => decodeText(s, out), JSON.stringify(s));
  } finally {
    delete proto.setFromBase64;
  }
  const b = Uint8Array.from([1, 0x7e, 0x61, 0x7e, 0x65, 2, 0x7e, 0x62, 0x7e, 0x63, 0x7e, 0x64]);
  assert.equal(unescapeBytes(b, b.length), 7);
  assert.deepEqual(b.subarray(0, 7), Uint8Array.from([1, 0x2a, 0x7e, 2, 0x3c, 0x3e, 0x26]));
  for (const bad of [[0x2a], [0x3c], [0x3e], [0x26], [0x7e], [1, 0x7e, 0x66], [0x7e, 0x61, 0x2a]]) assert.throws(() => unescapeBytes(Uint8Array.from(bad), bad.length), JSON.stringify(bad));
});

test("text that is not compressed bytes is refused", () => {
  const out = new Uint8Array(16);
  for (const s of ["", "x", "{}", "!*", "!<", "!&", "!~", "!~f", "!~*", "!\u0100", "!\u2028", "AAAA"]) {
    assert.throws(() => decodeText(s, out), JSON.stringify(s));
    assert.throws(() => decodeText(enc.encode(s), out), JSON.stringify(s) + " as UTF-8");
  }
  for (const b of [[0x21, 0x80], [0x21, 0xc2], [0x21, 0xc2, 0x41], [0x21, 0xc4, 0x80], [0x21, 0xe2, 0x80, 0xa8], [0x21, 0xff]]) {
    assert.throws(() => decodeText(Uint8Array.from(b), out), JSON.stringify(b));
  }
});
