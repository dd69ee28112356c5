// Tests of the pure parts of live updates (live/page.ts; make test-node):
// the poll interval a page URL may set, and the keys that tell whether a
// manifest or the scan list moved.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprint, fpKey, idsKey, listKey, pollInterval, POLL_MS, running } from "../src/live/page";
import type { Manifest, ScanEntry } from "../src/data/types";

test("the poll interval is 5 s unless the URL asks for 50 ms to a minute", () => {
  assert.equal(POLL_MS, 5000);
  assert.equal(pollInterval(""), POLL_MS);
  assert.equal(pollInterval("?sr-poll=300"), 300);
  assert.equal(pollInterval("?x=1&sr-poll=50"), 50);
  assert.equal(pollInterval("?sr-poll=60000"), 60000);
  for (const bad of ["?sr-poll=49", "?sr-poll=60001", "?sr-poll=1e3", "?sr-poll=-300", "?sr-poll=", "?sr-poll=300ms", "?sr-poll=0x100", "?sr-poll=9999999"]) {
    assert.equal(pollInterval(bad), POLL_MS, bad);
  }
});

function manifest(over: Partial<Manifest> = {}): Manifest {
  return {
    k: "manifest",
    gen: 3,
    status: "RUNNING",
    done: false,
    count: 120,
    fp: { f: "fp.js", n: 0 },
    log: { total: 10, chunks: [{ f: "log-0.js", n: 10 }] },
    modules: ["sfp_dnsresolve"],
    types: [{ slug: "IP_ADDRESS", code: "IP_ADDRESS", descr: "IP Address", total: 120, unique: 100, risky: 2, fp: 0, last: 1700000000000, chunks: [{ f: "e-IP_ADDRESS-0.js", n: 120, s: 0, v: 1 }] }],
    ...over,
  } as unknown as Manifest;
}

test("a manifest's fingerprint moves with its data and only then", () => {
  const m = manifest();
  assert.equal(fingerprint(m), fingerprint(manifest()));
  const t = (m.types[0] as unknown) as Record<string, unknown>;
  const chunk = (v: number) => manifest({ types: [{ ...t, chunks: [{ f: "e-IP_ADDRESS-0.js", n: 120, s: 0, v }] }] } as unknown as Partial<Manifest>);
  assert.notEqual(fingerprint(chunk(2)), fingerprint(m), "a rewritten chunk (new v) is a change");
  assert.notEqual(fingerprint(manifest({ status: "FINISHED", done: true } as Partial<Manifest>)), fingerprint(m));
  assert.notEqual(fingerprint(manifest({ gen: 1 } as Partial<Manifest>)), fingerprint(m), "a rebuilt site starts gen over");
  assert.notEqual(fingerprint(manifest({ fp: { f: "fp.js", n: 1 } } as unknown as Partial<Manifest>)), fingerprint(m));
});

test("fpKey moves when false positives do", () => {
  const m = manifest();
  assert.equal(fpKey(m), "0:0");
  const t = (m.types[0] as unknown) as Record<string, unknown>;
  assert.equal(fpKey(manifest({ fp: { f: "fp.js", n: 2 }, types: [{ ...t, fp: 5 }] } as unknown as Partial<Manifest>)), "2:5");
});

test("running counts the scans whose status is not final; list keys", () => {
  const e = (id: string, status: string, count = 1) => ({ id, status, count, name: id, data: `scans/${id}/data/` }) as unknown as ScanEntry;
  const list = [e("a", "FINISHED"), e("b", "RUNNING"), e("c", "ABORTED"), e("d", "ERROR-FAILED"), e("e", "STARTING"), e("f", "weird \"status\"")];
  assert.equal(running(list), 3);
  assert.equal(idsKey(list), idsKey(list.slice().reverse()), "the set of scans, in any order");
  assert.notEqual(idsKey(list), idsKey(list.slice(1)));
  assert.notEqual(listKey([e("b", "RUNNING", 1)]), listKey([e("b", "RUNNING", 2)]), "a count moved");
  assert.equal(listKey([e("b", "RUNNING", 1)]), listKey([e("b", "RUNNING", 1)]));
});
