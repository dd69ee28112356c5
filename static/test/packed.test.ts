// Tests of the packed data files' reader (data/packed.ts; make test-node),
// on files the Go writer packed (internal/datafile/testdata/packed.json:
// payloads with "*/", "</script>", newlines, Unicode, a 50 KB value, each
// compressed and as JSON, and binary bodies of every byte value): each
// file is run as the page runs it, a classic script pushing to
// window.__sr, and what unpackPayload gives must be the payload it holds.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { runInNewContext } from "node:vm";
import { Inflater, inflateText, isPacked, isPackedBody, packedText, unpackPayload, type Packed, type PackedBody } from "../src/data/packed";
import { packedBody } from "./ix-writer";

interface Vector {
  file: string;
  payload: Record<string, unknown>;
  body?: string; // a binary body after the payload, base64
}

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

const vectors = (JSON.parse(readFileSync("internal/datafile/testdata/packed.json", "utf8")) as { files: Vector[] }).files;

function run(file: string): Packed {
  const pushed: unknown[] = [];
  runInNewContext(file, { window: { __sr: { push: (v: unknown) => pushed.push(v) } } });
  assert.equal(pushed.length, 1);
  const p = pushed[0];
  if (!isPacked(p)) throw new Error("a packed file pushes a packed payload");
  return p;
}

test("the Go writer's packed files unpack to their payloads", async () => {
  assert.ok(vectors.length >= 10);
  assert.ok(vectors.some((v) => v.file.includes("/*{")) && vectors.some((v) => !v.file.includes("/*{")), "both kinds");
  assert.ok(vectors.filter((v) => v.body !== undefined).length >= 3, "payloads with a binary body");
  const inflater = new Inflater();
  for (const v of vectors) {
    const p = run(v.file);
    const got = await unpackPayload(p);
    if (v.body === undefined) {
      assert.deepEqual(got, v.payload);
      continue;
    }
    // The header at once, the body left packed until read.
    const { body, ...head } = got as { body: PackedBody };
    assert.deepEqual(head, v.payload);
    assert.ok(isPackedBody(body));
    assert.deepEqual(inflater.bytes(body), bytes(v.body));
    assert.deepEqual(inflater.bytes(body), bytes(v.body), "read again into the same buffers");
  }
});

test("an Inflater reads bodies of every size into the buffers it reuses", () => {
  const inflater = new Inflater();
  const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);
  for (const n of [0, 1, 5000, 300_000, 3, 120_000]) {
    const want = big.subarray(0, n);
    assert.deepEqual(inflater.bytes(packedBody(want)), want, `${n} bytes`);
  }
  const b = packedBody(big.subarray(0, 100));
  for (const n of [99, 101, 0]) assert.throws(() => inflater.bytes({ ...b, n }), `size ${n}`);
  assert.throws(() => inflater.bytes({ z: function () {}, n: 1 }));
  assert.throws(() => inflater.bytes({ z: new Function("/*{\"k\":1}*/") as () => void, n: 7 }), "JSON, not a packed body");
});

test("a packed payload without its data is refused", async () => {
  const p = run(vectors[1].file);
  await assert.rejects(unpackPayload({ k: "packed", scan: p.scan, z: function () {} }));
  assert.equal(packedText("function(){}"), null);
  assert.throws(() => inflateText("not compressed *"));
  assert.throws(() => inflateText("!////")); // text, not DEFLATE
});

test("a compressed payload inflates to the size its file says, or is refused", async () => {
  const v = vectors.find((x) => /"n":\d+,/.test(x.file))!;
  const p = run(v.file);
  assert.ok(p.n !== undefined && p.n > 0);
  for (const n of [p.n! - 1, p.n! + 1, 0]) await assert.rejects(unpackPayload({ ...p, n }), `size ${n}`);
  assert.ok(!isPacked({ ...p, n: -1 }) && !isPacked({ ...p, n: 1.5 }) && !isPacked({ ...p, n: "3" }) && !isPacked({ ...p, n: 2 ** 40 }));
});

test("only packed payloads are taken for packed", () => {
  assert.ok(!isPacked({ k: "packed", scan: "s", z: "function(){}" }));
  assert.ok(!isPacked({ k: "ixd", scan: "s", z: () => undefined }));
  assert.ok(!isPacked(null));
});
