// The browser's scan status texts (live/status.ts: the badge class and the
// partial-results notice it writes into a built site's scan header while a
// scan runs) against the pages' (generator/pages StatusOf, partialText):
// generator/pages/testdata/status-texts.json is written by the Go test
// TestStatusTextVectors. Run from the repository root (make test-node).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { partialText, statusClass } from "../src/live/status";

const table = JSON.parse(readFileSync("generator/pages/testdata/status-texts.json", "utf8")) as {
  vectors: Array<{ status: string; class: string; partial: string }>;
};

test("the shared table has the statuses", () => {
  assert.ok(table.vectors.length >= 20, `${table.vectors.length} vectors`);
});

for (const v of table.vectors) {
  test(`status ${JSON.stringify(v.status)}`, () => {
    assert.equal(statusClass(v.status), v.class);
    assert.equal(partialText(v.status), v.partial);
  });
}
