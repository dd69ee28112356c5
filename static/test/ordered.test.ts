// Tests of the table orders (table/ordered.ts, table/sort-order.ts; make
// test-node): sorting is stable both ways, new items merge into their
// sorted place exactly as a full sort would put them, filters keep the
// order, and the worker's sortOrder is the order OrderedView makes.

import assert from "node:assert/strict";
import { test } from "node:test";
import { OrderedView, strCmp } from "../src/table/ordered";
import { sortOrder } from "../src/table/sort-order";

const values = ["beta", "Alpha", "alpha", "beta", "ÄRGER", "admin.example.com", "/.*admin.*/", "a\nb", "😀", "\uffff", "", "beta", "Zeta", "zeta"];

function view(vals: string[]): OrderedView {
  const v = new OrderedView(() => (a, b) => strCmp(vals[a], vals[b]), null);
  v.add(0, vals.length);
  return v;
}

test("strCmp orders by UTF-16 code units, like the Go side's byte order for BMP text", () => {
  assert.ok(strCmp("Z", "a") < 0);
  assert.ok(strCmp("a", "b") < 0);
  assert.equal(strCmp("x", "x"), 0);
  assert.ok(strCmp("\ud83d\ude00", "\uffff") < 0, "a surrogate pair sorts before U+FFFF by code units");
  assert.ok(strCmp("", "a") < 0);
});

test("sorting is stable: equal keys keep arrival order in both directions", () => {
  const v = view(values);
  v.sort("v", "ascending");
  const asc = Array.from(v.view.subarray(0, v.vn));
  assert.deepEqual(asc.filter((i) => values[i] === "beta"), [0, 3, 11]);
  v.sort("v", "descending");
  const desc = Array.from(v.view.subarray(0, v.vn));
  assert.deepEqual(desc.filter((i) => values[i] === "beta"), [0, 3, 11]);
  // Descending is ascending reversed, run by run of equal keys.
  assert.deepEqual(desc.map((i) => values[i]), asc.map((i) => values[i]).reverse());
  v.sort(null, "ascending");
  assert.deepEqual(Array.from(v.view.subarray(0, v.vn)), values.map((_, i) => i));
});

test("items added later merge into the order a full sort gives", () => {
  const vals = values.slice();
  const v = new OrderedView(() => (a, b) => strCmp(vals[a], vals[b]), null);
  v.add(0, 5);
  v.sort("v", "descending");
  v.add(5, 9);
  v.add(9, vals.length);
  const merged = Array.from(v.view.subarray(0, v.vn));
  const w = view(vals);
  w.sort("v", "descending");
  assert.deepEqual(merged, Array.from(w.view.subarray(0, w.vn)));
});

test("a filter keeps the sorted order of the items it keeps", () => {
  const v = view(values);
  v.sort("v", "ascending");
  const all = Array.from(v.view.subarray(0, v.vn));
  v.keep = (i) => /a/i.test(values[i]);
  v.filter();
  assert.deepEqual(Array.from(v.view.subarray(0, v.vn)), all.filter((i) => /a/i.test(values[i])));
});

test("sortOrder (the search worker's) is OrderedView's ascending order and can stand in for it", () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const alphabet = ["a", "A", "b", "é", "É", "😀", "\n", " ", ".", "*", "0"];
  const vals: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let s = "";
    for (let k = rnd(6); k > 0; k--) s += alphabet[rnd(alphabet.length)];
    vals.push(s);
  }
  const order = sortOrder(vals.length, (i) => vals[i]);
  const v = view(vals);
  v.sort("v", "ascending");
  assert.deepEqual(Array.from(order), Array.from(v.view.subarray(0, v.vn)));
  const w = view(vals);
  assert.ok(w.sortedBy("v", order));
  assert.ok(w.sortedFor("v"));
  w.sort("v", "descending");
  v.sort("v", "descending");
  assert.deepEqual(Array.from(w.view.subarray(0, w.vn)), Array.from(v.view.subarray(0, v.vn)));
  assert.equal(w.sortedBy("v", order.subarray(1)), false, "an order of another length is refused");
});
