// Tests of the search index's pure modules (make test-node): the folding
// and hashes agree with the Go writer, the planner requires the right
// trigrams and falls back when there are none, and — on random values and
// random queries — never rules out a value the real query matches.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { END, exactHash, exactPostings, foldString, START, intersect, keyHash, postings, trigramsOf, union, valueTrigrams } from "../src/search/index-math";
import { ALL, evalPlan, planQuery, regexPlan, show, wildcardPlan, type Plan } from "../src/search/plan";
import { compile, isRefused } from "../src/search/match";
import { isError, parseQuery, type Query } from "../src/search/query";
import { randomRegex, randomString, rng } from "./random";

// The Go writer's vectors (generator/searchindex TestVectors); run from the repository root.
const vectors = JSON.parse(readFileSync("generator/searchindex/testdata/vectors.json", "utf8")) as {
  exact: Array<{ s: string; h: number }>;
  trigrams: Array<{ s: string; t: string[]; hash: number[] }>;
};

test("folding, trigrams and hashes agree with the Go writer", () => {
  for (const v of vectors.exact) assert.equal(exactHash(v.s), v.h, JSON.stringify(v.s));
  for (const v of vectors.trigrams) {
    assert.deepEqual(trigramsOf(START + foldString(v.s) + END), v.t, JSON.stringify(v.s));
    assert.deepEqual(v.t.map(keyHash), v.hash, JSON.stringify(v.s));
  }
});

test("posting lists decode", () => {
  // ids 3, 5, 300 as varint deltas 3, 2, 295 (0xa7 0x02).
  assert.deepEqual(Array.from(postings(Uint8Array.from([3, 2, 0xa7, 2]))), [3, 5, 300]);
  // exact shard: hashes 7 (ids 1, 4), 9 (id 2): deltas 7,0,2 / 1,3,2.
  const hs = Uint8Array.from([7, 0, 2]);
  const ps = Uint8Array.from([1, 3, 2]);
  assert.deepEqual(exactPostings(hs, ps, 7), [1, 4]);
  assert.deepEqual(exactPostings(hs, ps, 9), [2]);
  assert.deepEqual(exactPostings(hs, ps, 8), []);
  assert.throws(() => exactPostings(Uint8Array.from([7, 0x80]), Uint8Array.from([1, 3]), 9), "a cut stream");
  assert.deepEqual(intersect([1, 3, 5, 7], [3, 4, 7]), [3, 7]);
  assert.deepEqual(union([1, 3, 5], [2, 3, 9]), [1, 2, 3, 5, 9]);
});

function q(text: string): Query {
  const p = parseQuery(text);
  if (p === null || isError(p)) throw new Error("bad query " + text);
  return p;
}

test("which trigrams a regex requires", () => {
  const cases: Array<[string, string]> = [
    ["/admin/", `and("adm", "dmi", "min")`],
    ["/ADMIN/", `and("adm", "dmi", "min")`], // folded: the confirm step checks the case
    ["/.*admin.*/", `and("adm", "dmi", "min")`],
    // Without m, ^ and $ are the START and END the writer puts around
    // every entry (\u0002, \u0003); anchors in a row are one.
    ["/^www\\./", `and("\\u0002ww", "www", "ww.")`],
    ["/^www/m", `"www"`],
    ["/(^){2}abc/", `and("\\u0002ab", "abc")`],
    ["/^vpn[0-9]*\\.bench-1/", `and("\\u0002vp", "vpn", ".be", "ben", "enc", "nch", "ch-", "h-1")`],
    ["/a^b/", `"a\\u0002b"`], // never matches without m; nor does the plan
    ["/x$/", "ALL"],
    ["/abc|xyz/", `or("abc", "xyz")`],
    ["/[ab]cd/", `or("acd", "bcd")`],
    ["/(ru|cn)\\.example$/i", `or(and("ru.", "u.e", ".ex", "exa", "xam", "amp", "mpl", "ple", "le\\u0003"), and("cn.", "n.e", ".ex", "exa", "xam", "amp", "mpl", "ple", "le\\u0003"))`],
    ["/https?:\\/\\//", `or(and("htt", "ttp", "tps", "ps:", "s:/", "://"), and("htt", "ttp", "tp:", "p:/", "://"))`],
    ["/x{3}/", `"xxx"`],
    ["/(abc)+d/", `and("abc", "bcd")`],
    ["/a(?=bcd)/", "ALL"], // a lookahead requires nothing
    ["/(\\d+)-\\1-ab/", `"-ab"`], // a back reference is any string
    ["/\\d+\\.\\d+\\.\\d+\\.\\d+/", "ALL"],
    ["/./", "ALL"],
    ["/a*/", "ALL"],
    ["/ab/", "ALL"],
    ["/ab+c/", "ALL"], // weaker than Cox's abb|abc, still sound
    ["/école/", `and("éco", "col", "ole")`],
    ["/école/i", `and("col", "ole")`], // é has case: unknown under i
    ["/mail\\.example/iu", `and("mai", "ail", "il.", "l.e", ".ex", "exa", "xam", "amp", "mpl", "ple")`],
    ["/desk/iu", "ALL"], // s and k match ſ and the Kelvin sign under iu
    ["/desk/i", `and("des", "esk")`],
    ["/测试数据/i", `and("测试数", "试数据")`], // no case: kept under i
    ["/\\u0061bc/", `"abc"`],
    ["/[^a]bcd/", `"bcd"`],
  ];
  for (const [text, want] of cases) {
    // The search refuses lookaround and back references (RE2 semantics);
    // the planner still reads them soundly.
    const m = /^\/([\s\S]*)\/([a-z]*)$/.exec(text)!;
    assert.equal(show(regexPlan(m[1], m[2])), want, text);
  }
});

test("which queries fall back to scanning", () => {
  for (const text of ["*a*", "/./", "/\\d+/", "*ab*", "/a|bcd/", "/[a-z]+\\.c/", "/(?:)/", "ab", "/(a|b)*/"]) {
    const side = planQuery(q(text));
    assert.ok(side.kind === "scan" || (text === "ab" && side.kind === "exact"), `${text}: ${JSON.stringify(side)}`);
  }
  // An exact query is answered by its hash (the entries hold values and
  // source values alike), however short.
  assert.equal(planQuery(q("404")).kind, "exact");
  assert.equal(planQuery(q("80")).kind, "exact");
  // A wildcard matches the whole value: its first piece at START (unless
  // it starts with a star), its last at END.
  assert.equal(show(wildcardPlan("mail*.example")), `and("\\u0002ma", "mai", "ail", ".ex", "exa", "xam", "amp", "mpl", "ple", "le\\u0003")`);
  assert.equal(show(wildcardPlan("mail*")), `and("\\u0002ma", "mai", "ail")`);
  assert.equal(show(wildcardPlan("*:22")), `and(":22", "22\\u0003")`);
  assert.equal(show(wildcardPlan("*:8*")), "ALL");
  assert.equal(show(wildcardPlan("*Straße*")), `and("str", "tra")`);
});

// ---- differential: random data, random queries, brute force ----

function holds(p: Plan, tris: Set<string>): boolean {
  switch (p.op) {
    case "all":
      return true;
    case "tri":
      return tris.has(p.t);
    case "and":
      return p.xs.every((x) => holds(x, tris));
    case "or":
      return p.xs.some((x) => holds(x, tris));
  }
}

test("differential: the plan never rules out a value the search's matcher finds", () => {
  const r = rng(19);
  const values: string[] = [];
  for (let k = 0; k < 400; k++) values.push(randomString(r, 14));
  const tris = values.map(valueTrigrams);
  let queries = 0;
  let planned = 0;
  let pruned = 0;
  for (let n = 0; n < 3000; n++) {
    let text: string;
    const kind = r();
    if (kind < 0.6) text = "/" + randomRegex(r, 3) + "/" + ["", "i", "u", "iu", "is", "m"][Math.floor(r() * 6)];
    else if (kind < 0.8) text = values[Math.floor(r() * values.length)].replace(/\s+/g, "").slice(0, 6) + "*" + randomString(r, 4).replace(/\s/g, "");
    else text = values[Math.floor(r() * values.length)].trim() || "a";
    const query = parseQuery(text);
    if (query === null || isError(query)) continue;
    queries++;
    // The oracle is the search's own matcher (search/match.ts), by brute force.
    const re = compile(query.source, query.flags);
    if (isRefused(re)) continue;
    const side = planQuery(query);
    if (side.kind !== "scan") planned++;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      const ok = side.kind === "scan" || (side.kind === "exact" ? exactHash(v) === side.hash : holds(side.plan, tris[k]));
      if (re.test(v)) assert.ok(ok, `${text} matches ${JSON.stringify(v)} but the plan ${side.kind === "trigrams" ? show(side.plan) : side.kind} rules it out`);
      else if (!ok) pruned++;
    }
  }
  assert.ok(queries > 2500 && planned > queries / 4 && pruned > 0, `${queries} queries, ${planned} planned, ${pruned} values pruned`);
});

test("evalPlan intersects and unites posting lists", () => {
  const lists: Record<string, number[]> = { abc: [1, 2, 3, 9], bcd: [2, 3, 4], xyz: [7, 9] };
  const look = (t: string) => lists[t] ?? [];
  const p: Plan = { op: "or", xs: [{ op: "and", xs: [{ op: "tri", t: "abc" }, { op: "tri", t: "bcd" }] }, { op: "tri", t: "xyz" }] };
  assert.deepEqual(Array.from(evalPlan(p, look, intersect, union)), [2, 3, 7, 9]);
  // A list far longer than the candidates so far is not decoded: the
  // result is a superset (every id is confirmed later), never a subset.
  const big = Array.from({ length: 10000 }, (_, k) => k * 2);
  const lists2: Record<string, number[]> = { rar: [4, 5, 6], big };
  const decoded: string[] = [];
  const look2 = (t: string) => (decoded.push(t), lists2[t] ?? []);
  const q2: Plan = { op: "and", xs: [{ op: "tri", t: "big" }, { op: "tri", t: "rar" }] };
  const r2 = Array.from(evalPlan(q2, look2, intersect, union, (t) => (lists2[t] ?? []).length));
  assert.deepEqual(decoded, ["rar"]);
  assert.deepEqual(r2, [4, 5, 6]);
  assert.deepEqual(Array.from(evalPlan(q2, look2, intersect, union)), [4, 6]);
  assert.equal(ALL.op, "all");
});
