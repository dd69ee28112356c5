// Query planning for the search index (docs/site-format.md, "Search
// index"): which trigrams a query requires, as an AND/OR tree, or "scan"
// when it requires none the index can answer (*a*, /./, /\d+/).
//
// The approach is Russ Cox's "Regular Expression Matching with a Trigram
// Index": for each node of the regex, the set of strings it matches
// exactly (while small), else the prefixes and suffixes it can start and
// end with and a trigram query every match satisfies; concatenation joins
// the suffixes of one side to the prefixes of the other. Written here for
// JavaScript's regex syntax, over the index's folding (ASCII letters
// lower-cased). The plan may only ever be weaker than the regex: anything
// this parser does not follow becomes "any string", and under a
// case-insensitive flag a character whose case the index does not fold
// (a non-ASCII letter; s and k under /iu, which match ſ and the Kelvin
// sign) becomes "any character". Every candidate is confirmed with the
// real query, so a weaker plan costs time, never a result.

import { END, exactHash, fold, START, trigramsOf } from "./index-math";
import type { Query } from "./query";

export type Plan = { op: "all" } | { op: "tri"; t: string } | { op: "and"; xs: Plan[] } | { op: "or"; xs: Plan[] };

// How the index answers a query.
export type QueryPlan = { kind: "exact"; hash: number } | { kind: "trigrams"; plan: Plan } | { kind: "scan" };

export const ALL: Plan = { op: "all" };
const MAX = 16; // strings kept in an exact, prefix or suffix set

export function and(...ps: Plan[]): Plan {
  const xs: Plan[] = [];
  const seen = new Set<string>();
  for (const p of ps) {
    const add = (q: Plan) => {
      const k = JSON.stringify(q);
      if (!seen.has(k)) {
        seen.add(k);
        xs.push(q);
      }
    };
    if (p.op === "all") continue;
    if (p.op === "and") p.xs.forEach(add);
    else add(p);
  }
  if (xs.length === 0) return ALL;
  if (xs.length === 1) return xs[0];
  return { op: "and", xs };
}

export function or(...ps: Plan[]): Plan {
  const xs: Plan[] = [];
  const seen = new Set<string>();
  for (const p of ps) {
    if (p.op === "all") return ALL;
    for (const q of p.op === "or" ? p.xs : [p]) {
      const k = JSON.stringify(q);
      if (!seen.has(k)) {
        seen.add(k);
        xs.push(q);
      }
    }
  }
  if (xs.length === 0) return ALL;
  if (xs.length === 1) return xs[0];
  return { op: "or", xs };
}

// stringPlan requires every trigram of a folded string.
export function stringPlan(s: string): Plan {
  return and(...trigramsOf(s).map((t): Plan => ({ op: "tri", t })));
}

function anyOf(ss: string[]): Plan {
  return or(...ss.map(stringPlan));
}

// trigramsIn lists the distinct trigrams a plan names.
export function trigramsIn(p: Plan, into = new Set<string>()): Set<string> {
  if (p.op === "tri") into.add(p.t);
  else if (p.op === "and" || p.op === "or") for (const x of p.xs) trigramsIn(x, into);
  return into;
}

// show writes a plan as text (tests, debugging): and(abc, or(…)).
export function show(p: Plan): string {
  switch (p.op) {
    case "all":
      return "ALL";
    case "tri":
      return JSON.stringify(p.t);
    default:
      return p.op + "(" + p.xs.map(show).join(", ") + ")";
  }
}

// ---- folding the query's characters ----

const UNKNOWN = -1;

// qfold is how a character of the query meets the index: its folded code
// point, or UNKNOWN when the values it matches may fold to several.
export function qfold(c: number, ci: boolean, unicode: boolean): number {
  if (!unicode && c >= 0xd800 && c <= 0xdfff) return UNKNOWN; // half of a pair
  if (!ci) return fold(c);
  if (c < 128) {
    // /s/iu matches ſ (U+017F), /k/iu the Kelvin sign (U+212A).
    if (unicode && (c === 115 || c === 83 || c === 107 || c === 75)) return UNKNOWN;
    return fold(c);
  }
  // Without u a non-ASCII character never matches an ASCII one; a
  // character with no case mapping matches only itself.
  const s = String.fromCodePoint(c);
  return s.toLowerCase() === s && s.toUpperCase() === s ? c : UNKNOWN;
}

// foldLiteral folds a literal for a case-insensitive match (exact and
// wildcard: flag i without u), splitting it where a character is UNKNOWN.
function literalPieces(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of s) {
    const f = qfold(ch.codePointAt(0)!, true, false);
    if (f === UNKNOWN) {
      out.push(cur);
      cur = "";
    } else cur += String.fromCodePoint(f);
  }
  out.push(cur);
  return out;
}

// ---- the regex's shape ----

type Node =
  | { t: "set"; cs: number[] | null } // one character: one of cs (folded), or any (null)
  | { t: "empty" } // matches "" (anchors, lookarounds)
  | { t: "anystr" } // any string (back references)
  | { t: "cat"; xs: Node[] }
  | { t: "alt"; xs: Node[] }
  | { t: "rep"; x: Node; min: number; max: number };

const ANY: Node = { t: "set", cs: null };
const INF = Infinity;

class Parser {
  private i = 0;
  private readonly cs: number[];
  constructor(
    src: string,
    private readonly ci: boolean,
    private readonly u: boolean,
    private readonly m: boolean,
  ) {
    this.cs = u ? Array.from(src, (ch) => ch.codePointAt(0)!) : Array.from({ length: src.length }, (_, k) => src.charCodeAt(k));
  }

  parse(): Node {
    const n = this.alt();
    if (this.i < this.cs.length) throw new Error("unparsed");
    return n;
  }

  private peek(k = 0): number {
    return this.i + k < this.cs.length ? this.cs[this.i + k] : -1;
  }
  private is(ch: string, k = 0): boolean {
    return this.peek(k) === ch.charCodeAt(0);
  }

  private alt(): Node {
    const xs = [this.cat()];
    while (this.is("|")) {
      this.i++;
      xs.push(this.cat());
    }
    return xs.length === 1 ? xs[0] : { t: "alt", xs };
  }

  private cat(): Node {
    const xs: Node[] = [];
    while (this.i < this.cs.length && !this.is("|") && !this.is(")")) {
      let a = this.atom();
      for (;;) {
        const q = this.quant();
        if (!q) break;
        a = { t: "rep", x: a, min: q[0], max: q[1] };
      }
      xs.push(a);
    }
    return xs.length === 1 ? xs[0] : { t: "cat", xs };
  }

  private quant(): [number, number] | null {
    let q: [number, number] | null = null;
    if (this.is("*")) q = [0, INF];
    else if (this.is("+")) q = [1, INF];
    else if (this.is("?")) q = [0, 1];
    if (q) this.i++;
    else if (this.is("{")) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest(24));
      if (!m) return null; // a literal { (without u)
      this.i += m[0].length;
      const lo = Number(m[1]);
      q = [lo, m[2] === undefined ? lo : m[3] === "" ? INF : Number(m[3])];
    } else return null;
    if (this.is("?")) this.i++; // lazy
    return q;
  }

  private rest(n: number): string {
    let s = "";
    for (let k = this.i; k < Math.min(this.cs.length, this.i + n); k++) s += String.fromCodePoint(this.cs[k]);
    return s;
  }

  private char(c: number): Node {
    const f = qfold(c, this.ci, this.u);
    return f === UNKNOWN ? ANY : { t: "set", cs: [f] };
  }

  private atom(): Node {
    const c = this.peek();
    this.i++;
    switch (c) {
      // Without the m flag, ^ and $ match only at the value's start and
      // end, where the index puts START and END: an anchored regex
      // requires their trigrams (/^vpn/: START v p). With m they also
      // match at line breaks: any position.
      case 0x5e: // ^
        return this.m ? { t: "empty" } : { t: "set", cs: [START.codePointAt(0)!] };
      case 0x24: // $
        return this.m ? { t: "empty" } : { t: "set", cs: [END.codePointAt(0)!] };
      case 0x2e: // .
        return ANY;
      case 0x28: // (
        return this.group();
      case 0x5b: // [
        return this.cls();
      case 0x5c: // \
        return this.escape();
      case 0x2a: // * + ? at the start: not a valid pattern
      case 0x2b:
      case 0x3f:
        throw new Error("nothing to repeat");
    }
    return this.char(c);
  }

  private group(): Node {
    let look = false;
    if (this.is("?")) {
      if (this.is(":", 1)) this.i += 2;
      else if (this.is("=", 1) || this.is("!", 1)) {
        this.i += 2;
        look = true;
      } else if (this.is("<", 1) && (this.is("=", 2) || this.is("!", 2))) {
        this.i += 3;
        look = true;
      } else if (this.is("<", 1)) {
        this.i += 2;
        while (this.i < this.cs.length && !this.is(">")) this.i++;
        this.i++;
      } else throw new Error("group modifiers");
    }
    const inner = this.alt();
    if (!this.is(")")) throw new Error("unclosed group");
    this.i++;
    return look ? { t: "empty" } : inner;
  }

  // classEscape reads an escape in or out of a class: a code point, or
  // null for a class of many (\d, \w, \p{…}), or "anystr" (back reference)
  private esc(inClass: boolean): number | null | "anystr" | "empty" {
    const c = this.peek();
    this.i++;
    const ch = String.fromCodePoint(c);
    if ("dDwWsS".includes(ch)) return null;
    if (ch === "b") return inClass ? 8 : "empty";
    if (ch === "B" && !inClass) return "empty";
    if (c >= 0x31 && c <= 0x39) {
      if (inClass) return null; // an octal escape in a class (without u)
      while (this.peek() >= 0x30 && this.peek() <= 0x39) this.i++;
      return "anystr";
    }
    if (ch === "0") {
      if (this.peek() >= 0x30 && this.peek() <= 0x39) return null; // legacy octal
      return 0;
    }
    if (ch === "k" && this.is("<")) {
      while (this.i < this.cs.length && !this.is(">")) this.i++;
      this.i++;
      return "anystr";
    }
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12 };
    if (ch in simple) return simple[ch];
    if (ch === "c") {
      const l = this.peek();
      if ((l >= 65 && l <= 90) || (l >= 97 && l <= 122)) {
        this.i++;
        return l % 32;
      }
      return null;
    }
    if (ch === "x") {
      const m = /^[0-9a-fA-F]{2}/.exec(this.rest(2));
      if (m) {
        this.i += 2;
        return parseInt(m[0], 16);
      }
      return 0x78;
    }
    if (ch === "u") {
      if (this.u && this.is("{")) {
        const m = /^\{([0-9a-fA-F]+)\}/.exec(this.rest(12));
        if (!m) throw new Error("bad \\u{}");
        this.i += m[0].length;
        return parseInt(m[1], 16);
      }
      const m = /^[0-9a-fA-F]{4}/.exec(this.rest(4));
      if (!m) return 0x75;
      this.i += 4;
      let v = parseInt(m[0], 16);
      if (this.u && v >= 0xd800 && v <= 0xdbff) {
        const t = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.rest(6));
        if (t) {
          this.i += 6;
          v = 0x10000 + ((v - 0xd800) << 10) + (parseInt(t[1], 16) - 0xdc00);
        }
      }
      return v;
    }
    if (this.u && (ch === "p" || ch === "P")) {
      if (this.is("{")) {
        while (this.i < this.cs.length && !this.is("}")) this.i++;
        this.i++;
      }
      return null;
    }
    return c; // an identity escape: \. \/ \\ \- …
  }

  private escape(): Node {
    const e = this.esc(false);
    if (e === null) return ANY;
    if (e === "anystr") return { t: "anystr" };
    if (e === "empty") return { t: "empty" };
    return this.char(e);
  }

  private cls(): Node {
    let neg = false;
    if (this.is("^")) {
      neg = true;
      this.i++;
    }
    const chars: number[] = [];
    let many = false;
    const item = (): number | null => {
      const c = this.peek();
      this.i++;
      if (c === 0x5c) {
        const e = this.esc(true);
        return typeof e === "number" ? e : null;
      }
      return c;
    };
    while (this.i < this.cs.length && !this.is("]")) {
      const a = item();
      if (this.is("-") && !this.is("]", 1) && this.i + 1 < this.cs.length) {
        this.i++;
        const b = item();
        if (a === null || b === null || b - a > MAX) many = true;
        else for (let x = a; x <= b; x++) chars.push(x);
      } else if (a === null) many = true;
      else chars.push(a);
    }
    if (!this.is("]")) throw new Error("unclosed class");
    this.i++;
    if (neg || many || chars.length === 0 || chars.length > MAX) return ANY;
    const out = new Set<number>();
    for (const c of chars) {
      const f = qfold(c, this.ci, this.u);
      if (f === UNKNOWN) return ANY;
      out.add(f);
    }
    return { t: "set", cs: [...out] };
  }
}

// ---- what a node requires ----

interface Info {
  exact: string[] | null; // every string it matches (folded), when few
  pre: string[]; // else: what its matches start with (≤ 2 characters)
  suf: string[]; // and end with
  m: Plan; // and a query every match satisfies
}

const anyInfo = (): Info => ({ exact: null, pre: [""], suf: [""], m: ALL });
const exactInfo = (ss: string[]): Info => ({ exact: ss, pre: [], suf: [], m: ALL });

function uniq(ss: string[]): string[] {
  return [...new Set(ss)];
}
// cross joins every string of a to every string of b. ^ and $ stand for
// START and END, which the indexed string holds once: anchors in a row
// (/^^a/, /(^){2}/) are one.
function cross(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push((x + y).replace(ANCHOR_RUNS, (r) => r[0]));
  return uniq(out);
}
const ANCHOR_RUNS = new RegExp(`${START}{2,}|${END}{2,}`, "g");
function first(s: string, n: number): string {
  return Array.from(s).slice(0, n).join("");
}
function last(s: string, n: number): string {
  const cs = Array.from(s);
  return cs.slice(Math.max(0, cs.length - n)).join("");
}
// limit shortens a prefix or suffix set until it is small.
function limit(ss: string[], cut: (s: string, n: number) => string): string[] {
  let out = uniq(ss.map((s) => cut(s, 2)));
  if (out.length > MAX) out = uniq(out.map((s) => cut(s, 1)));
  if (out.length > MAX) out = [""];
  return out;
}

function inexact(x: Info): Info {
  if (x.exact === null) return x;
  return { exact: null, pre: limit(x.exact, first), suf: limit(x.exact, last), m: and(x.m, anyOf(x.exact)) };
}

function cat(x: Info, y: Info): Info {
  if (x.exact && y.exact && x.exact.length * y.exact.length <= MAX) return { exact: cross(x.exact, y.exact), pre: [], suf: [], m: and(x.m, y.m) };
  const xs = x.exact ?? x.suf;
  const ys = y.exact ?? y.pre;
  const join = xs.length * ys.length <= MAX * MAX ? anyOf(cross(xs, ys)) : ALL;
  const X = inexact(x);
  const Y = inexact(y);
  const pre = x.exact ? (x.exact.length * ys.length <= MAX * MAX ? cross(x.exact, ys) : x.exact) : X.pre;
  const suf = y.exact ? (xs.length * y.exact.length <= MAX * MAX ? cross(xs, y.exact) : y.exact) : Y.suf;
  return { exact: null, pre: limit(pre, first), suf: limit(suf, last), m: and(X.m, Y.m, join) };
}

function alt(x: Info, y: Info): Info {
  if (x.exact && y.exact && uniq([...x.exact, ...y.exact]).length <= MAX) return { exact: uniq([...x.exact, ...y.exact]), pre: [], suf: [], m: or(x.m, y.m) };
  const X = inexact(x);
  const Y = inexact(y);
  return { exact: null, pre: limit([...X.pre, ...Y.pre], first), suf: limit([...X.suf, ...Y.suf], last), m: or(X.m, Y.m) };
}

function info(n: Node): Info {
  switch (n.t) {
    case "set":
      return n.cs === null ? anyInfo() : exactInfo(n.cs.map((c) => String.fromCodePoint(c)));
    case "empty":
      return exactInfo([""]);
    case "anystr":
      return anyInfo();
    case "cat":
      return n.xs.map(info).reduce(cat, exactInfo([""]));
    case "alt":
      return n.xs.map(info).reduce(alt);
    case "rep": {
      if (n.max === 0) return exactInfo([""]);
      const x = info(n.x);
      if (n.min === 0) return n.max === 1 ? alt(x, exactInfo([""])) : anyInfo();
      if (n.min === n.max && n.min <= 3) {
        let r = x;
        for (let k = 1; k < n.min; k++) r = cat(r, x);
        return r;
      }
      // At least min (≥ 1) repeats: starts with up to three of them, and
      // ends with one.
      let r = x;
      for (let k = 1; k < Math.min(n.min, 3); k++) r = cat(r, x);
      const R = inexact(r);
      return { exact: null, pre: R.pre, suf: inexact(x).suf, m: R.m };
    }
  }
}

// regexPlan is the trigram query a regex requires; ALL when none (the
// regex could match without any trigram the index can name, or this
// parser cannot follow it).
export function regexPlan(source: string, flags: string): Plan {
  let n: Node;
  try {
    n = new Parser(source, flags.includes("i"), flags.includes("u"), flags.includes("m")).parse();
  } catch {
    return ALL;
  }
  return inexact(info(n)).m;
}

// wildcardPlan: every piece between the stars is in the value, the first
// at its start (after START) unless the pattern starts with a star, the
// last at its end (before END) unless it ends with one.
export function wildcardPlan(text: string): Plan {
  const pieces = text.split("*");
  pieces[0] = START + pieces[0];
  pieces[pieces.length - 1] += END;
  return and(...pieces.flatMap(literalPieces).map(stringPlan));
}

// planQuery says how the index answers a query: the blocks of its exact
// hash, a trigram plan over the entries (values and source values alike:
// the dictionary holds both), or a scan of every block.
export function planQuery(q: Query): QueryPlan {
  let p: Plan;
  switch (q.kind) {
    case "exact":
      return { kind: "exact", hash: exactHash(q.text) };
    case "wildcard":
      p = wildcardPlan(q.text);
      break;
    case "regex":
      p = regexPlan(q.source, q.flags);
      break;
  }
  return p.op === "all" ? { kind: "scan" } : { kind: "trigrams", plan: p };
}

// SKIP_RATIO: an AND stops intersecting once the next list is this many
// times longer than the candidates so far. Leaving a condition out only
// adds candidates (each is confirmed), and decoding a list of nearly every
// block costs more than testing a few extra blocks.
export const SKIP_RATIO = 64;

// evalPlan computes a plan's ids (block numbers, in the index) from the posting lists of its trigrams
// (lookup returns [] for a trigram the index does not hold; size estimates
// a trigram's list length without decoding it). The result may hold more
// ids than the plan's exact answer, never fewer.
export function evalPlan(
  p: Plan,
  lookup: (t: string) => ArrayLike<number>,
  inter: (a: ArrayLike<number>, b: ArrayLike<number>) => ArrayLike<number>,
  uni: (a: ArrayLike<number>, b: ArrayLike<number>) => ArrayLike<number>,
  size: (t: string) => number = () => 0,
): ArrayLike<number> {
  const est = (q: Plan): number => {
    switch (q.op) {
      case "tri":
        return size(q.t);
      case "and":
        return Math.min(...q.xs.map(est));
      case "or":
        return q.xs.reduce((a, x) => a + est(x), 0);
      default:
        return Infinity;
    }
  };
  switch (p.op) {
    case "all":
      throw new Error("a plan of ALL has no postings");
    case "tri":
      return lookup(p.t);
    case "and": {
      const xs = p.xs.map((x) => ({ x, n: est(x) })).sort((a, b) => a.n - b.n);
      let r = evalPlan(xs[0].x, lookup, inter, uni, size);
      for (let k = 1; k < xs.length && r.length > 0; k++) {
        if (xs[k].n > SKIP_RATIO * r.length) break;
        r = inter(r, evalPlan(xs[k].x, lookup, inter, uni, size));
      }
      return r;
    }
    case "or":
      return p.xs.map((x) => evalPlan(x, lookup, inter, uni, size)).reduce(uni);
  }
}
