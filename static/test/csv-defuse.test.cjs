// The browser's CSV defusing (static/src/export/csv-defuse.ts, used by
// export/csv.ts) against the test table the server's CSV is checked with
// (generator/exports/testdata/csv-defuse.json, TestDefuseVectors).
// Run by `make test-node`, which compiles the TypeScript first.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const built = process.env.SCANREPORT_NODE_TEST_JS || path.join(__dirname, "..", "gen", "node-test");
const { defuse } = require(path.join(built, "export", "csv-defuse.js"));
const { csvField, csvRow } = require(path.join(built, "export", "csv.js"));
const table = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "generator", "exports", "testdata", "csv-defuse.json"), "utf8"));

test("the shared table has vectors", () => {
  assert.ok(table.vectors.length >= 20, `${table.vectors.length} vectors`);
});

for (const v of table.vectors) {
  test(`defuse: ${v.name}`, () => {
    assert.strictEqual(defuse(v.in), v.defused);
    assert.strictEqual(csvField(v.in, true), v.field);
    assert.strictEqual(defuse(v.defused), v.defused, "defusing twice changes the value");
  });
}

test("defusing off writes values as they are", () => {
  assert.strictEqual(csvRow(["=1+1", "x;=cmd"], false), "=1+1,x;=cmd\r\n");
});
