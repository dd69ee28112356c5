// Tests of the loading search page's row filter (pages/search-rows.ts;
// make test-node): what a link from the overview asks for, read from and
// written to the fragment, and which rows it keeps.

import assert from "node:assert/strict";
import { test } from "node:test";
import { describeRowFilter, readRowFilter, rowFilterKey, rowPasses, writeRowFilter, type FilterRow } from "../src/pages/search-rows";

const frag = (s: string) => new URLSearchParams(s);

test("no filter parameters, no filter", () => {
  assert.equal(readRowFilter(frag("q=%2Aadmin%2A&src=1")), null);
  assert.equal(readRowFilter(frag("only=other")), null);
  assert.equal(readRowFilter(frag("from=5")), null, "a span needs both ends");
  assert.equal(readRowFilter(frag("from=10&to=5")), null, "an empty span is none");
  assert.equal(readRowFilter(frag("from=-1000&to=5")), null);
});

test("filters read back as written, module names with any characters", () => {
  for (const s of ["only=risky", "only=fp", "module=sfp_dnsresolve", "from=1700000000000&to=1700000001000", "only=fp&module=sfp+%C3%BCnicode+%26+co"]) {
    const f = readRowFilter(frag(s));
    assert.ok(f, s);
    const p = new URLSearchParams();
    writeRowFilter(p, f);
    assert.equal(rowFilterKey(readRowFilter(p)), rowFilterKey(f), s);
  }
  assert.equal(readRowFilter(frag("module=a%20b%26c"))?.module, "a b&c");
  assert.equal(rowFilterKey(null), "");
});

test("rows pass by risk, false positive, module and the second they were identified in", () => {
  const row: FilterRow = { risky: true, fp: false, module: "sfp_x", time: 1700000000999 };
  assert.ok(rowPasses(readRowFilter(frag("only=risky"))!, row));
  assert.ok(!rowPasses(readRowFilter(frag("only=fp"))!, row));
  assert.ok(rowPasses(readRowFilter(frag("module=sfp_x"))!, row));
  assert.ok(!rowPasses(readRowFilter(frag("module=sfp_X"))!, row), "module names are compared exactly");
  // The timeline counts whole seconds: .999 belongs to the second that starts at ...000.
  assert.ok(rowPasses(readRowFilter(frag("from=1700000000000&to=1700000001000"))!, row));
  assert.ok(!rowPasses(readRowFilter(frag("from=1700000001000&to=1700000002000"))!, row));
  assert.ok(!rowPasses(readRowFilter(frag("from=0&to=1700000000000"))!, row), "to is exclusive");
  assert.ok(!rowPasses(readRowFilter(frag("from=0&to=1000"))!, { ...row, time: 0 }), "an unknown time is in no span");
});

test("the filter says what it keeps", () => {
  assert.deepEqual(describeRowFilter(readRowFilter(frag("only=risky&module=sfp_x"))!), ["risky elements", "found by module sfp_x"]);
  assert.deepEqual(describeRowFilter(readRowFilter(frag("only=fp&from=1700000000000&to=1700000001000"))!), ["false positives", "identified 2023-11-14 22:13:20 – 2023-11-14 22:13:21 UTC"]);
});
