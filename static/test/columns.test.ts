// The element columns every element table shows (table/columns.ts; make
// test-node): one declaration, in the order, with the labels, classes and
// sort keys the pages and the e2e tests rely on.

import assert from "node:assert/strict";
import { test } from "node:test";
import { addSortHash, elementColumns, scanColumn, sortFromHash, typeColumn } from "../src/table/columns";

test("element columns: keys, labels and classes in order, all sortable", () => {
  const cols = elementColumns({ data: () => "", source: () => "", module: () => "", time: () => 0, fp: () => false });
  assert.deepEqual(
    cols.map((c) => [c.key, c.label, c.cls, !!c.sortable]),
    [
      ["data", "Data Element", "c-data vt-open", true],
      ["source", "Source Data Element", "c-source", true],
      ["module", "Source Module", "c-module", true],
      ["time", "Identified (UTC)", "c-time", true],
      ["fp", "F/P", "c-fp", true],
    ],
  );
  assert.equal(cols[4].title, "False positive");
  assert.equal(typeof cols[4].init, "function", "the F/P flag is a span made once per cell");
});

test("the search pages' Type and Scan columns", () => {
  const t = typeColumn(() => "");
  assert.deepEqual([t.key, t.label, t.cls, !!t.sortable], ["type", "Type", "c-type", true]);
  const s = scanColumn(() => ({ name: "" }), () => ({ scan: { name: "" }, matches: 0 }));
  assert.deepEqual([s.key, s.label, s.cls, !!s.sortable], ["scan", "Scan", "c-scan", false]);
});

test("search pages' sort in the URL hash: read back as written, anything else ignored", () => {
  for (const key of ["type", "data", "source", "module", "time", "fp"]) {
    for (const dir of ["ascending", "descending"] as const) {
      const p = new URLSearchParams();
      addSortHash(p, key, dir);
      assert.deepEqual(sortFromHash(new URLSearchParams(p.toString())), { key, dir });
    }
  }
  const none = new URLSearchParams();
  addSortHash(none, null, "descending");
  assert.equal(none.toString(), "");
  for (const bad of ["", "sort=data", "sort=scan-asc", "sort=data-up", "sort=DATA-asc", "sort=data-asc-x", "sort=%3Cimg%3E-asc"]) {
    assert.equal(sortFromHash(new URLSearchParams(bad)), null, bad);
  }
});
