// Tests of the display formatting (ui/format.ts, make test-node): times in
// UTC, thousands separators, one-line values and UTF-8 byte counts, on the
// shapes scan values have (newlines and <SFURL> markers, astral characters).

import assert from "node:assert/strict";
import { test } from "node:test";
import { comma, oneLine, plural, utc, utf8Length } from "../src/ui/format";

test("utc shows Unix ms as UTC, unknown and out-of-range times as nothing", () => {
  assert.equal(utc(1700000000000), "2023-11-14 22:13:20");
  assert.equal(utc(1), "1970-01-01 00:00:00");
  assert.equal(utc(253402300799000), "9999-12-31 23:59:59");
  for (const bad of [0, NaN, Infinity, -Infinity, 8.7e15, 253402300800000]) assert.equal(utc(bad), "", String(bad));
});

test("comma groups digits by three and drops fractions", () => {
  const cases: Array<[number, string]> = [
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
    [-1234567, "-1,234,567"],
    [12.9, "12"],
    [1000000000, "1,000,000,000"],
  ];
  for (const [n, want] of cases) assert.equal(comma(n), want, String(n));
});

test("plural picks the noun by count and formats the count", () => {
  assert.equal(plural(1, "element", "elements"), "1 element");
  assert.equal(plural(0, "element", "elements"), "0 elements");
  assert.equal(plural(1500, "match", "matches"), "1,500 matches");
});

test("oneLine puts a value with newlines and SFURL markers on one line, cut at max", () => {
  const v = "AlienVault OTX [52.85.43.178]\n<SFURL>https://otx.alienvault.com/indicator/ip/52.85.43.178</SFURL>";
  assert.equal(oneLine(v), "AlienVault OTX [52.85.43.178] <SFURL>https://otx.alienvault.com/indicator/ip/52.85.43.178</SFURL>");
  assert.equal(oneLine("a\r\n\r\n\tb\fc\vd"), "a b c d");
  assert.equal(oneLine("x".repeat(1000)).length, 400);
  assert.equal(oneLine("héllo wörld", 5), "héllo");
});

test("utf8Length counts UTF-8 bytes as TextEncoder does", () => {
  const samples = ["", "admin", "é", "€", "😀", "Ünïcödé ÄÖÜ ß İ", "a\u{10FFFF}b", "日本語のテキスト", "x\ny\r\n<SFURL>https://e.example/?k=KEY</SFURL>"];
  for (const s of samples) assert.equal(utf8Length(s), new TextEncoder().encode(s).length, JSON.stringify(s));
  // Random strings over every plane (no lone surrogates: TextEncoder would write U+FFFD for those).
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let k = 0; k < 200; k++) {
    let s = "";
    for (let i = rnd(40); i > 0; i--) {
      const pick = rnd(4);
      s += String.fromCodePoint(pick === 0 ? rnd(0x80) : pick === 1 ? 0x80 + rnd(0x780) : pick === 2 ? 0xe000 + rnd(0x2000) : 0x10000 + rnd(0x100000));
    }
    assert.equal(utf8Length(s), new TextEncoder().encode(s).length, JSON.stringify(s));
  }
});

