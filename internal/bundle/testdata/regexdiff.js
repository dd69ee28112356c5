// The differential test of the search's regex engine (regex_test.go):
// bundled by esbuild with static/src/search/regex.ts and search/match.ts,
// run by node. For every pattern that both the browser's RegExp (V8) and
// the search (its automaton, search/match.ts) accept, both must say the same
// for every value; patterns an automaton cannot run must be refused with the
// sentence naming the construct. Prints one JSON object.
import { compile, isRefused } from "../../../static/src/search/match";

// Values with the shapes scans have: URLs with keys, <SFURL> markers,
// newlines, \r, tabs, Unicode, long runs, empty.
const values = [
  "", "a", "admin", "ADMIN", "Admin Panel", "https://admin.example.com/login?api_key=AKIAIOSFODNN7EXAMPLE",
  "www.example.com", "mail.example.org", "192.168.0.1", "10.0.0.256", "1.2.3", "::1",
  "host.example.com:22", "host.example.com:443", "user@mail.example.ru", "x@y.cn", "ab@cd.example",
  "line one\nline two", "first\r\nsecond", "tab\tsep", "<SFURL>https://x.example/a</SFURL>",
  "Straße", "ÄÖÜ äöü", "日本語テキスト", "emoji 😀 here", "\u00a0nbsp\u00a0", "zero\u200bwidth",
  "\u2028sep\u2029", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "404", "HTTP/1.1 404 Not Found", "{\"a\":[1,2]}", "C:\\Windows\\System32", "$100.00 ^up^", "a|b|c", "(x)[y]{z}",
  "  spaced  ", "a\rb", "x\u2028y", "word_1 non-word!", "\v\f", "-_-", "0x1F", "CVE-2021-44228", "AS13335 CLOUDFLARENET", "ftp://a.b/c d",
];

const patterns = [
  // SpiderFoot's example and friends
  [".*admin.*", ""], ["admin", ""], ["admin", "i"], ["^admin$", "i"], [".*admin.*", "s"], ["(a+)+$", ""], ["(a|a)*b", ""], ["(a*)*c", ""],
  // the bench's
  ["\\d+\\.\\d+\\.\\d+\\.\\d+", ""], ["@[a-z]+\\.(ru|cn|example)$", "i"], ["^404$", "i"], [":22$", "i"], ["^mail[\\s\\S]*\\.example$", "i"],
  // classes, escapes
  ["\\s", ""], ["\\S+", ""], ["[\\s]", ""], ["[^\\s]", ""], ["[\\S\\d]", ""], ["\\w+@\\w+", ""], ["\\W", ""], ["\\bexample\\b", ""], ["\\Bxample", ""],
  ["[a-z]{3,}", ""], ["[^a-z]", "i"], ["[]", ""], ["[^]", ""], ["[^]+", ""], ["[\\]]", ""], ["[a\\-z]", ""], ["[-a]", ""], ["[a-]", ""], ["[\\d-z]", ""],
  ["\\u00e4", "i"], ["\\u{1F600}", "u"], ["\\ud83d\\ude00", ""], ["\\x41", ""], ["\\cJ", ""], ["\\0", ""], ["\\t", ""], ["\\n", ""], ["\\r", ""], ["\\v", ""], ["\\f", ""],
  ["\\/", ""], ["\\.", ""], ["\\$", ""], ["\\^", ""], ["\\|", ""], ["\\(", ""], ["\\{", ""], ["a{", ""], ["a{2}", ""], ["a{2,}", ""], ["a{1,3}b", ""], ["}", ""], ["]", ""],
  ["\\p{L}+", "u"], ["\\p{Lu}", "u"], ["\\P{L}", "u"], ["\\p{Script=Han}", "u"], ["[\\p{N}]", "u"], ["\\q", ""], ["\\8", ""],
  // dot and line ends
  [".", ""], ["^.*$", ""], ["^.+$", ""], ["^.*$", "s"], ["^line", "m"], ["one$", "m"], ["two$", ""], ["a.b", "s"], ["e.s", ""],
  // alternation, groups, lazy
  ["foo|admin|mail", ""], ["(?:mail|www)\\.", ""], ["(?<host>mail)\\.", ""], ["a+?b", ""], ["(ab|cd)+", "i"], ["^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$", ""],
  ["a$", "m"], ["^b", "m"], ["x$", "m"], ["^y", "m"], ["\\b1\\b", ""], ["d!$", "m"], ["^$", ""], ["|", ""], ["x*", ""], ["(|a)", ""], ["\\d{1,3}(?:\\.\\d{1,3}){3}", ""], ["CVE-\\d{4}-\\d+", "i"], ["stra(ss|ß)e", "i"], ["äöü", "i"],
];

// Random patterns from a small grammar over the letters the values use.
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const atoms = ["a", "b", "d", "m", "i", "n", "x", ".", "\\d", "\\w", "\\s", "\\S", "\\W", "[a-c]", "[^a]", "[\\s\\S]", "\\.", "@", ":", "\\b", "^", "$", "[0-9]", "e"];
const quant = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "*?", "+?"];
function gen(depth) {
  let out = "";
  const k = 1 + rnd(4);
  for (let j = 0; j < k; j++) {
    let a;
    if (depth < 2 && rnd(5) === 0) {
      a = "(" + (rnd(2) ? "?:" : "") + gen(depth + 1) + (rnd(3) === 0 ? "|" + gen(depth + 1) : "") + ")";
    } else a = atoms[rnd(atoms.length)];
    const q = a === "^" || a === "$" || a === "\\b" ? "" : quant[rnd(quant.length)];
    out += a + q;
  }
  return out;
}
for (let j = 0; j < 1500; j++) patterns.push([gen(0), ["", "i", "m", "s", "u", "is"][rnd(6)]]);

// What the automaton refuses, and what the page must say.
const refused = [
  ["(a)\\1", "", "A backreference (\\1) is not supported"],
  ["(?<x>a)\\k<x>", "", "A backreference (\\k<x>) is not supported"],
  ["a(?=b)", "", "Lookahead (?=…) is not supported"],
  ["a(?!b)", "", "Negative lookahead (?!…) is not supported"],
  ["(?<=a)b", "", "Lookbehind (?<=…) is not supported"],
  ["(?<!a)b", "", "Negative lookbehind (?<!…) is not supported"],
  ["(a{200}){200}", "", "This pattern is too large for the search"],
];

const mismatches = [];
let checked = 0, both = 0, browserOnly = 0;
for (const [src, flags] of patterns) {
  let js;
  try { js = new RegExp(src, flags); } catch { continue; }
  const m = compile(src, flags);
  if (isRefused(m)) { browserOnly++; mismatches.push({ pattern: src, flags, value: null, why: "refused: " + m.error }); continue; }
  both++;
  const nested = /\)(\*|\+|\{|\?)/.test(src);
  for (const v of values) {
    // The browser backtracks: a quantified group on a long value could
    // take longer than the universe, so those see short values only.
    if (nested && v.length > 16) continue;
    checked++;
    const want = js.test(v), got = m.test(v);
    if (want !== got) mismatches.push({ pattern: src, flags, value: v, why: `browser ${want}, search ${got}` });
  }
}
const refusals = refused.map(([src, flags, want]) => {
  const m = compile(src, flags);
  return { pattern: src, want, got: isRefused(m) ? m.error : "(accepted)" };
});
console.log(JSON.stringify({ patterns: patterns.length, both, browserOnly, checked, mismatches, refusals }));
