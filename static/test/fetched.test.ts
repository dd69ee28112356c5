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
import { decodeBase64Bytes, Inflater, isPacked, unpackPayload, type PackedBody } from "../src/data/packed";

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

test("base64 is decoded from bytes exactly as atob decodes it, or refused", () => {
  const out = new Uint8Array(300);
  for (let n = 0; n < 200; n++) {
    const raw = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7) & 0xff);
    let s = "";
    for (const c of raw) s += String.fromCharCode(c);
    const b64 = btoa(s);
    const w = decodeBase64Bytes(enc.encode(b64), out);
    assert.deepEqual(out.subarray(0, w), raw, `${n} bytes`);
  }
  for (const s of ["A", "AB", "ABC", "A===", "AB=A", "****", "AB C", "AAAA=", "ÿÿÿÿ", "AA\nA"]) {
    assert.throws(() => decodeBase64Bytes(enc.encode(s), out), JSON.stringify(s));
  }
});

test("base64 is decoded by the browser's decoder a piece at a time, where there is one", () => {
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
    for (const n of [0, 1, 2, 3, 49_151, 49_152, 49_153, 200_001]) {
      const raw = Uint8Array.from({ length: n }, (_, i) => (i * 7919 + n) & 0xff);
      let bin = "";
      for (const c of raw) bin += String.fromCharCode(c);
      const b64 = enc.encode(btoa(bin));
      const out = new Uint8Array(n + 3);
      calls = 0;
      const w = decodeBase64Bytes(b64, out);
      assert.deepEqual(out.subarray(0, w), raw, `${n} bytes`);
      assert.equal(calls, Math.ceil(b64.length / (64 * 1024)), `${n} bytes: pieces of 64 KiB of text`);
    }
    assert.throws(() => decodeBase64Bytes(enc.encode("AAA"), new Uint8Array(3)));
    assert.throws(() => decodeBase64Bytes(enc.encode("AA*A"), new Uint8Array(3)));
  } finally {
    delete proto.setFromBase64;
  }
});
