// Tests of the dictionary block reader (search/block.ts; make test-node):
// entries decoded a window at a time, ASCII and not, entries longer than a
// window, and bodies that do not add up refused whole. The Go writer's
// blocks are read by search-index.test.ts (fixture.json).

import assert from "node:assert/strict";
import { test } from "node:test";
import { readBlock } from "../src/search/block";
import { entryPostings } from "../src/search/index-math";
import { blockBody, type Entry } from "./ix-writer";

function postingsOf(bytes: Uint8Array, n: number): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  let k = -1;
  entryPostings(bytes, n, (e) => ((k = e), true), (p) => out[k].push(p));
  return out;
}

test("a block's entries and postings come back as written", () => {
  const long = "x".repeat(70_000); // longer than a window
  const values = ["", "a", "admin.example", "multi\nline\r\nbanner", long, "İstanbul straße 😀", "\u2028", "<SFURL>https://api.example.com/?apikey=0123</SFURL>", long + "é"];
  for (let copies = 1; copies <= 3000; copies *= 7) {
    const es: Entry[] = [];
    for (let i = 0; i < copies; i++) {
      for (const [j, v] of values.entries()) {
        if (i === 0 || v.length < 1000) es.push({ e: v + (i > 0 ? String(i) : ""), d: [i * 10 + j, 2 ** 30 + i], s: j % 2 ? [] : [5 + i] });
      }
    }
    const b = readBlock(blockBody(es));
    assert.equal(b.n, es.length);
    assert.deepEqual(b.entries(), es.map((x) => x.e));
    assert.deepEqual(b.entries(), es.map((x) => x.e), "decoded again, the same");
    assert.deepEqual(postingsOf(b.d, b.n), es.map((x) => x.d));
    assert.deepEqual(postingsOf(b.s, b.n), es.map((x) => x.s));
  }
});

test("a block that does not add up is refused, never read in part", () => {
  const body = blockBody([
    { e: "a.example", d: [1], s: [2] },
    { e: "b.example", d: [3], s: [] },
  ]);
  assert.equal(readBlock(body).n, 2);
  for (let cut = 0; cut < body.length; cut++) assert.throws(() => readBlock(body.subarray(0, cut)), `cut at ${cut}`);
  assert.throws(() => readBlock(Uint8Array.from([...body, 0])), "a byte too many");
  assert.throws(() => readBlock(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])), "a count past 2^49");
  assert.throws(() => readBlock(Uint8Array.from([0xff, 0xff, 0xff, 0x7f, 0, 0, 0])), "more entries than bytes");
});

test("bytes that are not UTF-8 give U+FFFD, and the entries around them stay whole", () => {
  const enc = new TextEncoder();
  const a = enc.encode("ok"), bad = Uint8Array.from([0xe2, 0x82]), c = enc.encode("fine");
  const body = Uint8Array.from([3, a.length + bad.length + c.length, 0, 0, a.length, bad.length, c.length, ...a, ...bad, ...c]);
  assert.deepEqual(readBlock(body).entries(), ["ok", "\ufffd", "fine"]);
});
