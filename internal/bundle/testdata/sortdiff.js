// The differential test of the sort made in the search worker
// (sort_test.go): static/src/table/sort-order.ts against OrderedView's own sort
// with the element table's comparator (strCmp on the value), both
// directions, over values with awkward shapes — case, Unicode (accents,
// CJK, emoji: surrogate pairs), numbers as text, empty values, many equal
// keys (whose arrival order must survive) — in lists shorter and longer
// than one run, and through a key map as the unique view uses. Prints one
// JSON object.
import { OrderedView, strCmp } from "../../../static/src/table/ordered";
import { sortOrder } from "../../../static/src/table/sort-order";

const awkward = [
  "", "", "a", "A", "b", "B", "admin", "Admin", "ADMIN", "10", "9", "100", "-1", "1e3", "01",
  "Straße", "Strasse", "straße", "é", "e\u0301", "É", "日本", "日本語", "😀", "😀a", "\uffff", "\ud7ff",
  " a", "a ", "a\nb", "a\tb", "<SFURL>https://x.example</SFURL>", "www.example.com", "WWW.example.com",
  "192.168.0.1", "192.168.0.10", "192.168.0.2", "z", "Z", "zz",
];

// A deterministic generator (no Math.random: reproducible failures).
let seed = 42;
function rnd(n) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

function list(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const k = rnd(4);
    if (k === 0) out.push(awkward[rnd(awkward.length)]);
    else if (k === 1) out.push("v" + rnd(50) + ".example"); // many equal keys
    else if (k === 2) out.push(String(rnd(1000)));
    else out.push(awkward[rnd(awkward.length)] + awkward[rnd(awkward.length)]);
  }
  return out;
}

function same(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const r = { lists: 0, items: 0, mismatches: [] };
for (const n of [0, 1, 2, 3, 50, 2047, 2048, 2049, 5000, 20000, 70001]) {
  const vals = list(n);
  // Unique view: items are groups, keyed by their first row.
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) keys[i] = n - 1 - i;
  for (const [name, value] of [
    ["rows", (i) => vals[i]],
    ["keyed", (i) => vals[keys[i]]],
  ]) {
    const old = new OrderedView(() => (a, b) => strCmp(value(a), value(b)));
    old.add(0, n);
    const fresh = new OrderedView(() => (a, b) => strCmp(value(a), value(b)));
    fresh.add(0, n);
    const order = sortOrder(n, value);
    if (!fresh.sortedBy("data", order)) r.mismatches.push({ n, name, why: "order of the wrong length" });
    for (const dir of ["ascending", "descending"]) {
      old.invalidate();
      old.sort("data", dir);
      fresh.sort("data", dir);
      if (!fresh.sortedFor("data")) r.mismatches.push({ n, name, dir, why: "the worker's order was not used" });
      const a = Array.from(old.order.subarray(0, n));
      const b = Array.from(fresh.order.subarray(0, n));
      if (!same(a, b)) {
        const i = a.findIndex((x, k) => x !== b[k]);
        r.mismatches.push({ n, name, dir, why: `differs at ${i}: ${a[i]} ${JSON.stringify(value(a[i]))} vs ${b[i]} ${JSON.stringify(value(b[i]))}` });
      }
      r.items += n;
    }
    r.lists++;
  }
}
console.log(JSON.stringify(r));
