// Tests of the search index reader, format 2 (make test-node): the block
// postings, the plan evaluated over block lists, the segments' late
// sources, and a differential test — random values (Unicode case,
// newlines, <SFURL> markers, URLs with keys) and random queries, the rows
// the reader gives against a brute-force pass of the search's matcher
// over every row: over index files from a minimal writer in the test
// (ix-writer.ts, written from docs/design/search-index-v2.md: many random
// scans, small blocks), and over the Go writer's own output
// (generator/searchindex/testdata/fixture.json: a running scan's index,
// generation 2, three segments with late rows, and every row's data and
// source data as the chunks show them).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Inflater } from "../src/data/packed";
import { readBlock } from "../src/search/block";
import { entryPostings, PostingCursor } from "../src/search/index-math";
import { FILE_BUDGET, FileBudget, IndexRun, loadScanIndex, newCaches, ScanIndex } from "../src/search/ixread";
import { compile, isRefused } from "../src/search/match";
import { isError, parseQuery, type Query } from "../src/search/query";
import { asPayload, type IndexBlock, type IndexMeta, type Payload } from "../src/data/types";
import { counted, packedBody, ROW_BITS, writeIndex, writeSegment, type Limits, type Row, type Rows, type SegmentSpec } from "./ix-writer";
import { randomRegex, randomValue, rng } from "./random";

const MULT = 2 ** ROW_BITS;
const SMALL: Limits = { bytes: 40, count: 6, t: 4, x: 2 };

function q(text: string): Query {
  const p = parseQuery(text);
  if (p === null || isError(p)) throw new Error("bad query " + text);
  return p;
}

function matcherOf(query: Query): ((v: string) => boolean) | null {
  const m = compile(query.source, query.flags);
  return isRefused(m) ? null : (v) => m.test(v);
}

async function open(files: Map<string, Payload>, scan = "s1"): Promise<ScanIndex> {
  const ix = await loadScanIndex(scan, (f) => {
    const p = files.get(f);
    return p ? Promise.resolve(p) : Promise.reject(new Error("no file " + f));
  });
  assert.ok(ix, "the index loads");
  return ix!;
}

// answer runs a query over the index as the search page does: its
// candidate blocks, then every segment; the ids, ascending, and the run.
async function answer(ix: ScanIndex, query: Query, alsoSource: boolean): Promise<{ ids: number[]; run: IndexRun }> {
  const run = await IndexRun.start(ix, query, matcherOf(query)!, alsoSource);
  const ids = new Set<number>();
  for (const b of run.blocks) run.blockRows(await run.load(b), (id) => ids.add(id));
  run.segmentRows((id) => ids.add(id));
  return { ids: [...ids].sort((a, b) => a - b), run };
}

test("block postings: counts, then the first posting absolute and the rest deltas", () => {
  const bytes: number[] = [];
  counted(bytes, [3, 5]);
  counted(bytes, []);
  counted(bytes, [300, 70000]); // multi-byte varints, skipped or read
  counted(bytes, [MULT * 2 + 7]);
  const b = Uint8Array.from(bytes);
  const read = (want: (k: number) => boolean) => {
    const out: number[] = [];
    entryPostings(b, 4, want, (id) => out.push(id));
    return out;
  };
  assert.deepEqual(read(() => true), [3, 5, 300, 70000, MULT * 2 + 7]);
  assert.deepEqual(read((k) => k === 2), [300, 70000]);
  assert.deepEqual(read((k) => k === 3), [MULT * 2 + 7]);
  assert.deepEqual(read(() => false), []);
  assert.throws(() => entryPostings(b.subarray(0, 4), 4, () => true, () => undefined));
  // The cursor gives what the walk gives, entry by entry, forward only.
  const cur = (ks: number[]) => {
    const c = new PostingCursor(b);
    const out: number[] = [];
    for (const k of ks) {
      c.skipTo(k);
      c.take((id) => out.push(id));
    }
    return out;
  };
  assert.deepEqual(cur([0, 1, 2, 3]), read(() => true));
  assert.deepEqual(cur([2]), read((k) => k === 2));
  assert.deepEqual(cur([0, 3]), read((k) => k === 0 || k === 3));
  assert.deepEqual(cur([3]), [MULT * 2 + 7]);
  assert.throws(() => cur([2, 1]), "backwards");
  assert.throws(() => {
    const c = new PostingCursor(b.subarray(0, 4));
    c.skipTo(3);
  }, "a stream cut short");
});

const BASE: Rows = [
  {
    slug: "internet_name",
    rows: [
      { d: "admin.acme-corp.example", sd: "acme-corp.example" },
      { d: "www.acme-corp.example", sd: "acme-corp.example" },
      { d: "ADMIN.Other.example", sd: "other.example" },
      { d: "mail.acme-corp.example", sd: "acme-corp.example" },
    ],
  },
  {
    slug: "raw_data",
    rows: [
      { d: "<title>Acme</title>\n<meta>", sd: "https://www.acme-corp.example/?key=AKIA1234" },
      { d: "Chloé Wilson", sd: "<SFURL>https://otx.example/a</SFURL>" },
      { d: "CHLOÉ WILSON", sd: "chloé wilson" },
    ],
  },
];

test("the plan over block lists: exact hashes, trigrams, and every block without a usable trigram", async () => {
  const files = writeIndex("s1", BASE, SMALL);
  const ix = await open(files);
  const meta = files.get("ix.js") as IndexMeta;
  assert.ok(meta.blocks >= 4, `${meta.blocks} blocks`);
  const all = Array.from({ length: meta.blocks }, (_, k) => k);
  // Which blocks hold an entry a query matches, by brute force.
  const inflater = new Inflater();
  const holding = (text: string) => {
    const m = matcherOf(q(text))!;
    const out: number[] = [];
    for (const b of all) if (readBlock(inflater.bytes((files.get(`ix0-d${b}.js`) as IndexBlock).body)).entries().some(m)) out.push(b);
    return out;
  };
  for (const text of ["chloé wilson", "acme-corp.example", "*acme*", "/<title>acme/i", "/adm.n\\./i", "*wilson", "/^www\\./", "no-such-value.example"]) {
    const c = await ix.candidateBlocks(q(text));
    assert.equal(c.scan, false, text);
    for (const b of holding(text)) assert.ok(c.blocks.includes(b), `${text}: block ${b} holds a match and is no candidate (${c.blocks})`);
    assert.ok(c.blocks.length < meta.blocks, `${text}: ${c.blocks.length} of ${meta.blocks} blocks`);
  }
  assert.deepEqual((await ix.candidateBlocks(q("no-such-value.example"))).blocks, []);
  for (const text of ["*a*", "/./", "/\\d/"]) assert.deepEqual(await ix.candidateBlocks(q(text)), { blocks: all, scan: true }, text);
});

test("rows: the data of matching entries, and their source rows with + source", async () => {
  const ix = await open(writeIndex("s1", BASE, SMALL));
  const rows = async (text: string, src: boolean) => (await answer(ix, q(text), src)).ids;
  assert.deepEqual(await rows("chloé wilson", false), [MULT + 1, MULT + 2]);
  assert.deepEqual(await rows("chloé wilson", true), [MULT + 1, MULT + 2]);
  assert.deepEqual(await rows("acme-corp.example", false), []);
  assert.deepEqual(await rows("acme-corp.example", true), [0, 1, 3]);
  assert.deepEqual(await rows("*otx*", true), [MULT + 1]);
  assert.deepEqual(await rows("/^admin\\./i", false), [0, 2]);
});

test("segments: new rows, a type only segments know, and late sources", async () => {
  // The index covers BASE; segment 1 appends an internet_name row and a
  // new type, and relinks internet_name row 2 (its source arrived after
  // it: ADMIN.Other.example's source is now the new row's data).
  const files = writeIndex("s1", BASE, SMALL);
  const seg1: SegmentSpec = {
    ranges: [
      { slug: "internet_name", s: 4, rows: [{ d: "parent.example", sd: "acme-corp.example" }] },
      { slug: "emailaddr", s: 0, rows: [{ d: "root@parent.example", sd: "parent.example" }] },
    ],
    relinks: [{ slug: "internet_name", row: 2, sd: "parent.example" }],
  };
  // Segment 2 relinks the same row again, and raw_data row 1.
  const seg2: SegmentSpec = {
    ranges: [],
    relinks: [
      { slug: "internet_name", row: 2, sd: "root@parent.example" },
      { slug: "raw_data", row: 1, sd: "parent.example" },
    ],
  };
  files.set("ix-g1.js", writeSegment("s1", 1, seg1));
  files.set("ix-g2.js", writeSegment("s1", 2, seg2));
  const head = files.get("ix.js") as IndexMeta;
  head.segs = [1, 2];
  head.cover = [
    { slug: "internet_name", n: 5 },
    { slug: "raw_data", n: 3 },
    { slug: "emailaddr", n: 1 },
  ];
  const ix = await open(files);
  assert.deepEqual(
    ix.types.map((t) => [t.slug, t.n, t.c]),
    [
      ["internet_name", 4, 5],
      ["raw_data", 3, 3],
      ["emailaddr", 0, 1],
    ],
  );
  const rows = async (text: string, src: boolean) => (await answer(ix, q(text), src)).ids;
  const EMAIL = 2 * MULT;
  // The data: the new rows are found through the segment.
  assert.deepEqual(await rows("parent.example", false), [4]);
  assert.deepEqual(await rows("*parent*", false), [4, EMAIL]);
  // + source: the child written before its source (internet_name 2) was
  // relinked to parent.example by segment 1, then to root@… by segment 2;
  // raw_data 1 to parent.example by segment 2.
  assert.deepEqual(await rows("parent.example", true), [4, MULT + 1, EMAIL]);
  assert.deepEqual(await rows("root@parent.example", true), [2, EMAIL]);
  // Its old source no longer finds it; the rows that still have it do.
  assert.deepEqual(await rows("other.example", true), []);
  assert.deepEqual(await rows("*otx*", true), []);
  assert.deepEqual(await rows("acme-corp.example", true), [0, 1, 3, 4]);
});

// ---- differential ----

interface Truth {
  slug: string;
  rows: Row[];
}

test("differential: the reader gives exactly the rows a brute-force pass of the matcher gives", async () => {
  const r = rng(2);
  let queries = 0;
  let selective = 0;
  for (let round = 0; round < 6; round++) {
    // A scan of three types; the index covers a prefix, segments the rest,
    // with relinks of rows written before.
    const truth: Truth[] = ["internet_name", "raw_data", "emailaddr"].map((slug) => ({ slug, rows: [] }));
    const pool: string[] = [];
    const value = () => (pool.length > 0 && r() < 0.3 ? pool[Math.floor(r() * pool.length)] : (pool[pool.length] = randomValue(r)));
    for (const t of truth.slice(0, 2)) for (let k = 0; k < 30 + Math.floor(r() * 40); k++) t.rows.push({ d: value(), sd: r() < 0.2 ? "" : value() });
    const files = writeIndex("s1", truth.slice(0, 2).map((t) => ({ slug: t.slug, rows: t.rows.slice() })), { bytes: 60 + Math.floor(r() * 200), count: 2 + Math.floor(r() * 8), t: 1 << Math.floor(r() * 4), x: 1 << Math.floor(r() * 3) });
    const head = files.get("ix.js") as IndexMeta;
    const segs: number[] = [];
    for (let n = 1; n <= Math.floor(r() * 4); n++) {
      const spec: SegmentSpec = { ranges: [], relinks: [] };
      for (const t of truth) {
        if (r() < 0.4) continue;
        const add: Row[] = [];
        for (let k = Math.floor(r() * 6); k > 0; k--) add.push({ d: value(), sd: value() });
        spec.ranges.push({ slug: t.slug, s: t.rows.length, rows: add });
      }
      // Relinks of rows written before this segment.
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        const t = truth[Math.floor(r() * truth.length)];
        if (t.rows.length === 0) continue;
        const row = Math.floor(r() * t.rows.length);
        if (spec.relinks.some((l) => l.slug === t.slug && l.row === row)) continue;
        const sd = value();
        spec.relinks.push({ slug: t.slug, row, sd });
        t.rows[row] = { d: t.rows[row].d, sd };
      }
      for (const g of spec.ranges) for (const x of g.rows) truth.find((t) => t.slug === g.slug)!.rows.push(x);
      files.set(`ix-g${n}.js`, writeSegment("s1", n, spec));
      segs.push(n);
    }
    if (segs.length > 0) {
      head.segs = segs;
      head.cover = truth.filter((t) => t.rows.length > 0).map((t) => ({ slug: t.slug, n: t.rows.length }));
    }
    const ix = await open(files);
    for (let n = 0; n < 150; n++) {
      const text = randomQuery(r, pool);
      const query = parseQuery(text);
      if (query === null || isError(query)) continue;
      const m = matcherOf(query);
      if (!m) continue;
      for (const src of [false, true]) {
        const want: number[] = [];
        for (const t of truth) {
          const no = ix.typeNo.get(t.slug);
          if (no === undefined) continue;
          t.rows.forEach((x, row) => {
            if (m(x.d) || (src && m(x.sd))) want.push(no * MULT + row);
          });
        }
        const got = await answer(ix, query, src);
        queries++;
        if (!got.run.scan) selective++;
        assert.deepEqual(got.ids, want.sort((a, b) => a - b), `${JSON.stringify(text)} (source ${src}, round ${round})`);
      }
    }
  }
  assert.ok(queries > 1000 && selective > queries / 4, `${queries} queries, ${selective} through trigrams or hashes`);
});

test("a head of another version is not used", async () => {
  const files = writeIndex("s1", BASE, SMALL);
  files.set("ix.js", { ...(files.get("ix.js") as IndexMeta), v: 1 });
  assert.equal(await loadScanIndex("s1", (f) => Promise.resolve(files.get(f)!)), null);
});

// randomQuery is a query over values from pool: regular expressions,
// wildcards, exact values (case changed), values as escaped regexes.
function randomQuery(r: () => number, pool: string[]): string {
  const some = () => pool[Math.floor(r() * pool.length)];
  const kind = r();
  if (kind < 0.45) return "/" + randomRegex(r, 3) + "/" + ["", "i", "u", "iu", "is", "m"][Math.floor(r() * 6)];
  if (kind < 0.65) return "*" + some().replace(/\s+/g, "").slice(0, 5) + "*" + some().replace(/\s+/g, "").slice(-4);
  if (kind < 0.8) return r() < 0.5 ? some().toUpperCase() : some();
  return "/" + some().replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&").replace(/\n/g, "\\n").replace(/\r/g, "\\r").slice(0, 12) + "/i";
}

test("differential over the Go writer's output: every query gives the rows a brute-force pass gives", async () => {
  // Run from the repository root, as the vectors.
  const fx = JSON.parse(readFileSync("generator/searchindex/testdata/fixture.json", "utf8")) as {
    rows: Array<{ t: string; r: number; d: string; s: string }>;
    files: Record<string, unknown>;
  };
  const files = new Map<string, Payload>();
  for (const [name, v] of Object.entries(fx.files)) {
    // A binary body is in "bin", base64 (generator/searchindex fixture):
    // packed here as the page holds it.
    const x = v as { bin?: unknown; body?: unknown };
    if (typeof x.bin === "string") {
      x.body = packedBody(Uint8Array.from(atob(x.bin), (c) => c.charCodeAt(0)));
      delete x.bin;
    }
    const p = asPayload(v);
    assert.ok(p, `${name}: the page's check refuses the Go writer's payload`);
    files.set(name, p!);
  }
  const ix = await open(files, "fx");
  assert.ok(ix.meta.gen > 0 && (ix.meta.segs ?? []).length > 0, "a generation after 0, with segments");
  const pool = fx.rows.flatMap((x) => [x.d, x.s]).filter((v) => v.length < 200);
  const r = rng(7);
  let queries = 0;
  let found = 0;
  for (let n = 0; n < 600; n++) {
    const text = n < 4 ? ["*example*", "/admin/i", "/\\r\\n/", "*ÉCOLE*"][n] : randomQuery(r, pool);
    const query = parseQuery(text);
    if (query === null || isError(query)) continue;
    const m = matcherOf(query);
    if (!m) continue;
    for (const src of [false, true]) {
      const want = fx.rows.filter((x) => m(x.d) || (src && m(x.s))).map((x) => ix.typeNo.get(x.t)! * MULT + x.r);
      const got = await answer(ix, query, src);
      assert.deepEqual(got.ids, want.sort((a, b) => a - b), `${JSON.stringify(text)} (source ${src})`);
      queries++;
      found += want.length;
    }
  }
  assert.ok(queries > 800 && found > queries, `${queries} queries, ${found} rows found`);
});

test("the page's default budget keeps blocks: tens of millions of characters", () => {
  assert.ok(FILE_BUDGET >= 8e6 && FILE_BUDGET <= 1e8, String(FILE_BUDGET));
  assert.equal(new FileBudget().max, FILE_BUDGET);
});

test("the index files of every scan of a page count against one budget, least recently used dropped first", async () => {
  const budget = new FileBudget(Infinity);
  const loads: string[] = [];
  const scanOf = async (scan: string) => {
    const files = writeIndex(scan, BASE, SMALL);
    const ix = await loadScanIndex(scan, (f) => {
      loads.push(scan + "/" + f);
      return Promise.resolve(files.get(f)!);
    });
    return new ScanIndex(scan, ix!.meta, (f) => {
      loads.push(scan + "/" + f);
      return Promise.resolve(files.get(f)!);
    }, newCaches(budget));
  };
  const a = await scanOf("s1");
  const b = await scanOf("s2");
  assert.ok(a.meta.blocks >= 2, "the test index has several blocks");
  const count = (f: string) => loads.filter((x) => x === f).length;
  // One query over more than the budget holds: its first file is kept,
  // the next (over the bound with the query's own files alone) is not.
  budget.newQuery();
  const d0 = await a.block(0);
  budget.max = budget.size; // room for this block only
  await a.block(0);
  assert.equal(count("s1/ix0-d0.js"), 1, "a kept block is not loaded again");
  await b.block(1);
  await b.block(1);
  assert.equal(count("s2/ix0-d1.js"), 2, "a block over the bound within one query is not kept");
  await a.block(0);
  assert.equal(count("s1/ix0-d0.js"), 1, "the query's first block stays kept");
  // The next query may drop the last one's files for its own: the least
  // recently used first, whatever scan they belong to.
  budget.newQuery();
  await b.block(1);
  await a.block(0);
  assert.equal(count("s1/ix0-d0.js"), 2, "the oldest file was dropped for another scan's");
  const x0 = readBlock(new Inflater().bytes(d0.body!));
  assert.ok(x0.n > 0 && x0.entries().length === x0.n, "what a query holds stays valid");
  // A budget large enough keeps both.
  const big = new FileBudget(1 << 30);
  const c = new ScanIndex("s1", a.meta, (f) => {
    loads.push("c/" + f);
    return Promise.resolve(writeIndex("s1", BASE, SMALL).get(f)!);
  }, newCaches(big));
  await c.block(0);
  await c.block(1);
  await c.block(0);
  assert.equal(loads.filter((f) => f.startsWith("c/")).length, 2);
});

test("a block the page keeps is read once, and answers the same when read again; one it does not keep is never kept read", async () => {
  const files = writeIndex("s1", BASE, SMALL);
  const loader = (f: string) => Promise.resolve(files.get(f)!);
  for (const max of [Infinity, 0]) {
    const meta = files.get("ix.js") as IndexMeta;
    const ix = new ScanIndex("s1", meta, loader, newCaches(new FileBudget(max)));
    const query = q("*example*");
    const first = await answer(ix, query, true);
    assert.ok(first.run.blocks.length >= 2, `${first.run.blocks.length} blocks`);
    for (const b of first.run.blocks) {
      const f = await ix.block(b);
      assert.equal(f.read !== null, max > 0, `block ${b}, budget ${max}`);
      assert.equal(f.body === null, max > 0, `block ${b}, budget ${max}: a block kept read no longer holds its packed body`);
    }
    assert.deepEqual((await answer(ix, query, true)).ids, first.ids);
    assert.deepEqual((await answer(ix, q("/acme/i"), false)).ids, (await answer(await open(files), q("/acme/i"), false)).ids);
  }
});
