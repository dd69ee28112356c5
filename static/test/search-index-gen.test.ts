// Tests of how a page follows a running scan's search index from one
// generation to the next (make test-node): the preview writes every whole
// index (a merge, a full rewrite of the scan) as a generation never used
// before and keeps the previous one's files a while, so freshIndex must
// take a head whose generation jumped with that generation's own files
// and nothing it loaded before, and a query that still holds the previous
// head must go on reading that head's files.

import assert from "node:assert/strict";
import { test } from "node:test";
import { FileBudget, freshIndex, IndexRun, newCaches, ScanIndex } from "../src/search/ixread";
import { compile, isRefused } from "../src/search/match";
import { isError, parseQuery } from "../src/search/query";
import type { IndexMeta, Payload } from "../src/data/types";
import { ROW_BITS, writeIndex, writeSegment, type Limits, type Rows } from "./ix-writer";

const MULT = 2 ** ROW_BITS;
const SMALL: Limits = { bytes: 40, count: 6, t: 4, x: 2 };

// rows runs one query over ix as the search page does (candidate blocks,
// then every segment): the ids, ascending.
async function rows(ix: ScanIndex, text: string, alsoSource = false): Promise<number[]> {
  const query = parseQuery(text);
  if (query === null || isError(query)) throw new Error("bad query " + text);
  const m = compile(query.source, query.flags);
  if (isRefused(m)) throw new Error("refused " + text);
  const run = await IndexRun.start(ix, query, (v) => m.test(v), alsoSource);
  const ids = new Set<number>();
  for (const b of run.blocks) run.blockRows(await run.load(b), (id) => ids.add(id));
  run.segmentRows((id) => ids.add(id));
  return [...ids].sort((a, b) => a - b);
}

// The scan before and after a full rewrite: a value renamed (same length,
// so the new head's counts may equal the old one's: only its generation
// tells them apart).
const BEFORE: Rows = [
  {
    slug: "internet_name",
    rows: [
      { d: "admin.acme-corp.example", sd: "acme-corp.example" },
      { d: "www.acme-corp.example", sd: "acme-corp.example" },
      { d: "mail.acme-corp.example", sd: "acme-corp.example" },
    ],
  },
  {
    slug: "raw_data",
    rows: [
      { d: "line one\nADMIN line two\r\n", sd: "<SFURL>https://otx.example/a?key=AKIA1234</SFURL>" },
      { d: "École", sd: "ÉCOLE" },
    ],
  },
];
const AFTER: Rows = [{ ...BEFORE[0], rows: [{ d: "vpn01.acme-corp.example", sd: "acme-corp.example" }, ...BEFORE[0].rows.slice(1)] }, BEFORE[1]];

test("freshIndex: a head whose generation jumped is read with its own files; a query holding the previous head reads the previous ones", async () => {
  const site = new Map<string, Payload>(writeIndex("s1", BEFORE, SMALL, 0));
  const loads: string[] = [];
  const fresh = freshIndex(
    "s1",
    (f) => {
      loads.push(f);
      const p = site.get(f);
      return p ? Promise.resolve(p) : Promise.reject(new Error("no file " + f));
    },
    new FileBudget(1 << 30),
  );
  const ix0 = (await fresh())!;
  assert.equal(ix0.meta.gen, 0);
  assert.deepEqual(await rows(ix0, "/admin/i"), [0, MULT]);
  assert.equal(await fresh(), ix0, "an unchanged head keeps the index loaded");

  // A full rewrite after merges: generation 5, its head last; generation
  // 0's files stay for a page mid-query.
  const g5 = writeIndex("s1", AFTER, SMALL, 5);
  const head0 = site.get("ix.js") as IndexMeta;
  const head5 = g5.get("ix.js") as IndexMeta;
  assert.deepEqual({ ...head5, gen: 0 }, head0, "the test's heads differ by their generation only");
  for (const [name, p] of g5) site.set(name, p);

  loads.length = 0;
  const ix5 = (await fresh())!;
  assert.notEqual(ix5, ix0);
  assert.equal(ix5.meta.gen, 5);
  assert.notEqual(ix5.caches, ix0.caches, "nothing generation 0 loaded is reused");
  assert.deepEqual(await rows(ix5, "/admin/i"), [MULT]);
  assert.deepEqual(await rows(ix5, "vpn01.acme-corp.example"), [0]);
  assert.deepEqual(await rows(ix5, "*acme-corp.example", true), [0, 1, 2]);
  assert.ok(loads.length > 1, "the new generation's files were loaded");
  for (const f of loads) assert.ok(f === "ix.js" || f.startsWith("ix5-"), `${f} loaded for generation 5`);

  // The query that read generation 0's head goes on with its files.
  assert.deepEqual(await rows(ix0, "/admin/i"), [0, MULT]);
  assert.deepEqual(await rows(ix0, "vpn01.acme-corp.example"), []);

  // A later merge adds segments to generation 5 and then writes 9: the
  // segments' head keeps 5's files, 9 loads its own.
  site.set("ix-g7.js", writeSegment("s1", 7, { ranges: [{ slug: "internet_name", s: 3, rows: [{ d: "ADMIN2.acme-corp.example", sd: "acme-corp.example" }] }], relinks: [] }));
  site.set("ix.js", { ...head5, segs: [7], cover: [{ slug: "internet_name", n: 4 }, { slug: "raw_data", n: 2 }] });
  const ix5s = (await fresh())!;
  assert.equal(ix5s.caches, ix5.caches, "new segments keep the generation's files");
  assert.deepEqual(await rows(ix5s, "/admin/i"), [3, MULT]);
  const AFTER9: Rows = [{ ...AFTER[0], rows: [...AFTER[0].rows, { d: "ADMIN2.acme-corp.example", sd: "acme-corp.example" }] }, AFTER[1]];
  for (const [name, p] of writeIndex("s1", AFTER9, SMALL, 9)) site.set(name, p);
  const ix9 = (await fresh())!;
  assert.equal(ix9.meta.gen, 9);
  assert.notEqual(ix9.caches, ix5s.caches);
  assert.deepEqual(await rows(ix9, "/admin/i"), [3, MULT]);
});

test("a file of another generation under a head's names is refused, not mixed in", async () => {
  // What an index rewritten in place would show a page: generation 0's
  // head, a block of another generation under generation 0's name.
  const site = new Map<string, Payload>(writeIndex("s1", BEFORE, SMALL, 0));
  const g5 = writeIndex("s1", AFTER, SMALL, 5);
  site.set("ix0-d0.js", g5.get("ix5-d0.js")!);
  const ix = new ScanIndex("s1", site.get("ix.js") as IndexMeta, (f) => Promise.resolve(site.get(f)!), newCaches());
  const err = await ix.block(0).then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(err instanceof Error && /ix0-d0\.js is not this scan's index block/.test(err.message), `a block of generation 5 under generation 0's name: ${String(err)}`);
});
