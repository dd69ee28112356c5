// Tests of the dictionary block and shard readers (search/block.ts,
// search/shards.ts; make test-node): entries decoded a window at a time,
// ASCII and not, entries longer than a window, trigrams found by code
// point, and bodies that do not add up refused whole. The Go writer's
// blocks are read by search-index.test.ts (fixture.json).

import assert from "node:assert/strict";
import { test } from "node:test";
import { readBlock, withSources } from "../src/search/block";
import { entryPostings, postings } from "../src/search/index-math";
import { readExactShard, readTrigramShard } from "../src/search/shards";
import { blockBody, sourcesBody, type Entry } from "./ix-writer";

function postingsOf(bytes: Uint8Array, n: number): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  let k = -1;
  entryPostings(bytes, n, (e) => ((k = e), true), (p) => out[k].push(p));
  return out;
}

test("a block's entries and postings, and its source postings, come back as written", () => {
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
    assert.equal(b.s.length, 0, "a block alone has no source postings");
    const w = withSources(b, sourcesBody(es));
    assert.deepEqual(postingsOf(w.d, w.n), es.map((x) => x.d));
    assert.deepEqual(postingsOf(w.s, w.n), es.map((x) => x.s));
    assert.deepEqual(w.entries(), es.map((x) => x.e));
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
  const body = Uint8Array.from([3, a.length + bad.length + c.length, 0, a.length, bad.length, c.length, ...a, ...bad, ...c]);
  assert.deepEqual(readBlock(body).entries(), ["ok", "\ufffd", "fine"]);
});

test("a character cut between two entries gives U+FFFD in each, not the character across them", () => {
  // "€" is E2 82 AC: the window's bytes are valid UTF-8, its entries are not.
  const x = Uint8Array.from([0x61, 0xe2]), y = Uint8Array.from([0x82, 0xac, 0x62]), z = new TextEncoder().encode("ü😀z");
  const body = Uint8Array.from([3, x.length + y.length + z.length, 0, x.length, y.length, z.length, ...x, ...y, ...z]);
  assert.deepEqual(readBlock(body).entries(), ["a\ufffd", "\ufffd\ufffdb", "ü😀z"]);
  // Valid entries, non-ASCII, in one window: cut by their UTF-16 lengths.
  const es = ["ä", "", "😀😀", "ß-x", "\u2028", "İ", "a"];
  const texts = es.map((e) => new TextEncoder().encode(e));
  const all = texts.flatMap((t) => [...t]);
  const b2 = Uint8Array.from([es.length, all.length, 0, ...texts.map((t) => t.length), ...all]);
  assert.deepEqual(readBlock(b2).entries(), es);
  const seen: string[] = [];
  readBlock(b2).each((k, v) => (seen[k] = v));
  assert.deepEqual(seen, es);
});

test("a trigram shard finds its trigrams by code point, astral ones included, and refuses a body that does not add up", () => {
  const tris = ["\u0002ab", "abc", "b😀c", "😀😀😀", "\uffff\u0003\u0003"].sort((a, b) => {
    const x = Array.from(a, (c) => c.codePointAt(0)!), y = Array.from(b, (c) => c.codePointAt(0)!);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const recs: number[] = [tris.length];
  const lists: number[] = [];
  tris.forEach((t, k) => {
    lists.push(k + 1, 2); // blocks k+1, k+3
    for (const ch of t) {
      const c = ch.codePointAt(0)!;
      recs.push(c >> 16, (c >> 8) & 255, c & 255);
    }
    recs.push(0, 0, 0, lists.length);
  });
  const bin = Uint8Array.from([...recs, ...lists]);
  const sh = readTrigramShard(bin);
  tris.forEach((t, k) => assert.deepEqual(Array.from(postings(sh.list(t)!)), [k + 1, k + 3], t));
  for (const t of ["abd", "😀😀", "\u0001ab", "zzz"]) assert.equal(sh.list(t), null, t);
  for (let cut = 0; cut < bin.length; cut++) assert.throws(() => readTrigramShard(bin.subarray(0, cut)), `cut at ${cut}`);
  assert.throws(() => readTrigramShard(Uint8Array.from([...bin, 0])), "a byte too many");
  const x = readExactShard(Uint8Array.from([2, 7, 0, 1, 3]));
  assert.deepEqual([Array.from(x.h), Array.from(x.p)], [[7, 0], [1, 3]]);
  assert.throws(() => readExactShard(Uint8Array.from([9, 1])));
});
