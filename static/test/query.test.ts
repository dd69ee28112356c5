// Tests of the search box's query parsing (search/query.ts; make
// test-node): the three modes, the errors a user is shown, and the exact
// query of a value — which must find that value, whatever it holds
// (<SFURL> markers and newlines, API keys in URLs, slashes, stars, Unicode
// case), and nothing else of the same shape.

import assert from "node:assert/strict";
import { test } from "node:test";
import { describe, exactQueryText, isError, MAX_QUERY, parseQuery, type Query } from "../src/search/query";

function q(s: string): Query {
  const r = parseQuery(s);
  assert.ok(r && !isError(r), `${JSON.stringify(s)}: ${JSON.stringify(r)}`);
  return r as Query;
}

function matches(query: Query, v: string): boolean {
  return new RegExp(query.source, query.flags).test(v);
}

test("empty boxes search nothing; the modes are told apart by what is typed", () => {
  assert.equal(parseQuery(""), null);
  assert.equal(parseQuery("   \t"), null);
  assert.equal(q("  404 ").kind, "exact");
  assert.equal(q("  404 ").text, "404");
  assert.equal(q("*:22").kind, "wildcard");
  assert.equal(q("/\\d+/i").kind, "regex");
  assert.equal(q("/").kind, "exact", "a lone slash is a value");
  assert.equal(describe(q("*admin*")), "Wildcard");
});

test("exact and wildcard queries ignore case, Unicode included; wildcards span newlines", () => {
  assert.ok(matches(q("ADMIN.example.com"), "admin.EXAMPLE.com"));
  assert.ok(!matches(q("admin.example.com"), "adminXexample.com"), "a dot is a dot");
  assert.ok(matches(q("ÄRGER"), "ärger"));
  assert.ok(matches(q("*admin*"), "https://admin.example.com/login"));
  assert.ok(!matches(q("admin*"), "the admin"), "a wildcard is anchored where it has no star");
  assert.ok(matches(q("alienvault*</SFURL>"), "AlienVault OTX [52.85.43.178]\n<SFURL>https://otx.alienvault.com/</SFURL>"));
});

test("regular expressions: flags, and the errors a user reads", () => {
  assert.ok(matches(q("/.*admin.*/"), "x admin y"));
  assert.equal(q("/a/imsu").flags, "imsu");
  const err = (s: string) => {
    const r = parseQuery(s);
    assert.ok(isError(r), `${s} should be refused`);
    return (r as { error: string }).error;
  };
  assert.ok(/between the slashes is empty/.test(err("//")), err("//"));
  assert.ok(/Unknown flag "g"/.test(err("/a/g")), err("/a/g"));
  assert.ok(/given twice/.test(err("/a/ii")), err("/a/ii"));
  assert.ok(/^Invalid regular expression: /.test(err("/(/")), err("/(/"));
  assert.ok(err("/(a)\\1/").length > 0, "backreferences cannot run in linear time");
  assert.ok(/too long/.test(err("x".repeat(MAX_QUERY + 1))), err("x".repeat(MAX_QUERY + 1)));
});

test("the exact query of a value finds that value and is one line", () => {
  const values = [
    "admin.example.com",
    "https://api.example.com/v1?key=AKIA1234567890ABCDEF&x=1",
    "AlienVault OTX [52.85.43.178]\n<SFURL>https://otx.alienvault.com/indicator/ip/52.85.43.178</SFURL>",
    "/etc/passwd/",
    "*.example.com",
    " leading space",
    "ÄRGER über Öl",
    "line\u2028sep",
    "emoji 😀 value",
    "x".repeat(MAX_QUERY + 50),
  ];
  for (const v of values) {
    const text = exactQueryText(v);
    assert.ok(text.length > 0 && text.length <= MAX_QUERY, `${JSON.stringify(v).slice(0, 40)}: length ${text.length}`);
    assert.ok(!/[\u0000-\u001f\u007f\u2028\u2029]/.test(text), "the box keeps every character of the query");
    const query = q(text);
    assert.ok(matches(query, v), `${JSON.stringify(text).slice(0, 60)} does not find its value`);
    if (v.length <= 200) assert.ok(!matches(query, v + "x"), "not a prefix match");
  }
  assert.ok(!matches(q(exactQueryText("a.b")), "aXb"));
});
