// Search patterns in linear time. Every query of the search box is a
// JavaScript RegExp source (search-query.ts); V8 runs those by
// backtracking, which costs O(L²) per value for a leading .* and can be
// exponential with nested quantifiers. So the search runs them on RE2
// (the re2js package: a DFA, then an NFA, always linear in the value)
// instead, after translating the JavaScript syntax to RE2's with the
// JavaScript meaning kept:
//
//   .         → [^\n\r\u2028\u2029] (JavaScript's line terminators; with s, any)
//   \s, \S    → JavaScript's white space set (RE2's \s is ASCII only)
//   \uXXXX, \u{X}, \cX, \0, octal → \x{…}
//   [] and [^] → nothing, anything
//   (…), (?<n>…) → (?:…) (the search never needs captures)
//
// What RE2 cannot run is refused with a sentence that names it:
// backreferences (\1, \k<name>), lookahead and lookbehind, and modifier
// groups. Known differences left (docs/site-format.md, "Search"): with the
// m flag, ^ and $ see only \n as a line end; an astral character counts as
// one character also without the u flag; case-insensitive matching uses
// Unicode simple case folding (so K matches the Kelvin sign) except for
// the required literal, which is checked with the browser's own rules.
//
// This file has no dependency, so the page bundle can check patterns as
// they are typed (search-query.ts); search-match.ts runs them on re2js.
//
// Before RE2 sees a value, the longest literal text the pattern requires
// (admin in /.*admin.*/) is looked for with String.includes, or a RegExp
// made only of that literal (linear in V8) under the i flag: values
// without it never reach RE2. A pattern that is only literal text needs
// no RE2 at all.

// Refused is a pattern this search cannot run, with the sentence to show.
export interface Refused {
  error: string;
}

// Translated is a pattern in RE2 syntax with what the search needs to run it.
export interface Translated {
  re2: string; // RE2 source
  flags: string; // the JavaScript flags it came with
  literal: string; // text every match contains ("" when none is known)
  pureLiteral: boolean; // the pattern is exactly literal text (no RE2 needed)
}

type ClassItem = { lo: number; hi: number } | { esc: string };

type Node =
  | { t: "lit"; c: number }
  | { t: "any" }
  | { t: "class"; neg: boolean; items: ClassItem[] }
  | { t: "esc"; e: string } // \d \D \w \W \s \S, or \p{…} / \P{…}
  | { t: "assert"; a: string } // ^ $ \b \B
  | { t: "group"; alts: Node[][] }
  | { t: "rep"; node: Node; min: number; max: number }; // max -1: unbounded

class RefusedError extends Error {}

const WHY = "the search runs every pattern in time proportional to the data (RE2), which cannot match it";

function refuse(what: string): never {
  throw new RefusedError(`${what} is not supported: ${WHY}.`);
}

// JavaScript's white space and line terminators (ECMA-262 WhiteSpace and
// LineTerminator), as sorted ranges.
const SPACE: Array<[number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const MAX_RUNE = 0x10ffff;

function complement(rs: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of rs) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

function hex(c: number): string {
  return "\\x{" + c.toString(16) + "}";
}

function rangesText(rs: Array<[number, number]>): string {
  return rs.map(([lo, hi]) => (lo === hi ? hex(lo) : hex(lo) + "-" + hex(hi))).join("");
}

const SPACE_IN = rangesText(SPACE);
const SPACE_OUT = rangesText(complement(SPACE));

// Parser reads a pattern that the browser has already compiled (so it is
// valid JavaScript); it only has to understand it, not to reject it.
class Parser {
  private i = 0;
  private readonly groups: number;
  private readonly named: boolean;

  constructor(
    private readonly s: string,
    private readonly u: boolean,
  ) {
    // Capture groups, to tell a backreference \2 from an octal escape.
    let n = 0;
    let named = false;
    for (let j = 0, inClass = false; j < s.length; j++) {
      const ch = s[j];
      if (ch === "\\") j++;
      else if (inClass) inClass = ch !== "]";
      else if (ch === "[") inClass = true;
      else if (ch === "(") {
        if (s[j + 1] !== "?") n++;
        else if (s[j + 2] === "<" && s[j + 3] !== "=" && s[j + 3] !== "!") {
          n++;
          named = true;
        }
      }
    }
    this.groups = n;
    this.named = named;
  }

  parse(): Node[][] {
    const alts = this.alternatives();
    if (this.i < this.s.length) refuse(`"${this.s[this.i]}" at position ${this.i + 1}`);
    return alts;
  }

  private peek(k = 0): string {
    return this.s[this.i + k] ?? "";
  }

  // codePoint reads one character: a surrogate pair counts as one.
  private codePoint(): number {
    const c = this.s.codePointAt(this.i) ?? 0;
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  private alternatives(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const seq: Node[] = [];
    while (this.i < this.s.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom();
      seq.push(this.quantified(atom));
    }
    return seq;
  }

  private quantified(atom: Node): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === "*") [min, max] = [0, -1];
    else if (c === "+") [min, max] = [1, -1];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return atom; // a literal { (without u)
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? -1 : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === "?") this.i++; // lazy: the same for "is there a match"
    if (min > 1000 || max > 1000) refuse(`A repetition count over 1,000 ({${min}${max === min ? "" : "," + (max < 0 ? "" : max)}})`);
    return { t: "rep", node: atom, min, max };
  }

  private atom(): Node {
    const c = this.peek();
    switch (c) {
      case "^":
      case "$":
        this.i++;
        return { t: "assert", a: c };
      case ".":
        this.i++;
        return { t: "any" };
      case "[":
        return this.charClass();
      case "(":
        return this.group();
      case "\\":
        return this.escape();
    }
    return { t: "lit", c: this.codePoint() };
  }

  private group(): Node {
    this.i++; // (
    if (this.peek() === "?") {
      const rest = this.s.slice(this.i, this.i + 3);
      if (rest.startsWith("?=")) refuse("Lookahead (?=…)");
      if (rest.startsWith("?!")) refuse("Negative lookahead (?!…)");
      if (rest.startsWith("?<=")) refuse("Lookbehind (?<=…)");
      if (rest.startsWith("?<!")) refuse("Negative lookbehind (?<!…)");
      if (rest.startsWith("?:")) this.i += 2;
      else if (rest.startsWith("?<")) {
        const end = this.s.indexOf(">", this.i);
        this.i = end + 1;
      } else refuse("A modifier group (?flags:…)");
    }
    const alts = this.alternatives();
    this.i++; // )
    return { t: "group", alts };
  }

  private escape(): Node {
    this.i++; // backslash
    const c = this.peek();
    switch (c) {
      case "b":
      case "B":
        this.i++;
        return { t: "assert", a: "\\" + c };
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        this.i++;
        return { t: "esc", e: c };
      case "p":
      case "P":
        if (this.u) return { t: "esc", e: this.property() };
        break;
      case "k":
        if (this.u || this.named) {
          const m = /^k<([^>]*)>/.exec(this.s.slice(this.i));
          refuse(`A backreference (\\k<${m ? m[1] : ""}>)`);
        }
        break;
    }
    if (c >= "1" && c <= "9") {
      const m = /^\d+/.exec(this.s.slice(this.i))!;
      if (Number(m[0]) <= this.groups) refuse(`A backreference (\\${m[0]})`);
    }
    return { t: "lit", c: this.charEscape(false) };
  }

  // property reads \p{…} or \P{…} (u flag) into RE2's spelling.
  private property(): string {
    const neg = this.peek() === "P";
    const m = /^[pP]\{([^}]*)\}/.exec(this.s.slice(this.i))!;
    this.i += m[0].length;
    let name = m[1];
    const eq = name.indexOf("=");
    if (eq >= 0) {
      const key = name.slice(0, eq);
      if (key !== "Script" && key !== "sc" && key !== "General_Category" && key !== "gc") refuse(`The Unicode property \\p{${name}}`);
      name = name.slice(eq + 1);
    }
    return (neg ? "\\P{" : "\\p{") + name + "}";
  }

  // charEscape reads the escape of one character (the backslash is read),
  // in or out of a class.
  private charEscape(inClass: boolean): number {
    const c = this.peek();
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (c in simple) {
      this.i++;
      return simple[c];
    }
    if (inClass && c === "b") {
      this.i++;
      return 8;
    }
    if (c === "x") {
      const m = /^x([0-9A-Fa-f]{2})/.exec(this.s.slice(this.i));
      if (m) {
        this.i += 3;
        return parseInt(m[1], 16);
      }
    }
    if (c === "u") {
      let m = this.u ? /^u\{([0-9A-Fa-f]+)\}/.exec(this.s.slice(this.i)) : null;
      if (m) {
        this.i += m[0].length;
        return parseInt(m[1], 16);
      }
      m = /^u([0-9A-Fa-f]{4})/.exec(this.s.slice(this.i));
      if (m) {
        this.i += 5;
        const hi = parseInt(m[1], 16);
        const lo = /^\\u(D[C-F][0-9A-F]{2})/i.exec(this.s.slice(this.i));
        if (hi >= 0xd800 && hi <= 0xdbff && lo) {
          this.i += 6;
          return (hi - 0xd800) * 0x400 + (parseInt(lo[1], 16) - 0xdc00) + 0x10000;
        }
        return hi;
      }
    }
    if (c === "c") {
      const l = this.peek(1);
      if (/[A-Za-z]/.test(l) || (inClass && !this.u && /[0-9_]/.test(l))) {
        this.i += 2;
        return l.charCodeAt(0) % 32;
      }
      return 0x5c; // a backslash, then c is read as itself
    }
    if (c >= "0" && c <= "9") {
      if (c === "0" && !/[0-9]/.test(this.peek(1))) {
        this.i++;
        return 0;
      }
      // Legacy octal (without u): up to three digits, at most \377.
      const m = /^[0-7]{1,3}/.exec(this.s.slice(this.i));
      if (m) {
        let d = m[0];
        if (parseInt(d, 8) > 0o377) d = d.slice(0, 2);
        this.i += d.length;
        return parseInt(d, 8);
      }
    }
    return this.codePoint(); // identity escape
  }

  private charClass(): Node {
    this.i++; // [
    let neg = false;
    if (this.peek() === "^") {
      neg = true;
      this.i++;
    }
    const items: ClassItem[] = [];
    while (this.i < this.s.length && this.peek() !== "]") {
      const a = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "" && typeof a === "number") {
        const save = this.i;
        this.i++;
        const b = this.classAtom();
        if (typeof b === "number") {
          items.push({ lo: a, hi: b });
          continue;
        }
        this.i = save; // "\d-x" style: the - is itself
        items.push({ lo: a, hi: a });
        continue;
      }
      items.push(typeof a === "number" ? { lo: a, hi: a } : { esc: a });
    }
    this.i++; // ]
    return { t: "class", neg, items };
  }

  // classAtom is a character (a number) or a class escape (\d, \p{…}).
  private classAtom(): number | string {
    if (this.peek() !== "\\") return this.codePoint();
    this.i++;
    const c = this.peek();
    if ("dDwWsS".includes(c) && c !== "") {
      this.i++;
      return c;
    }
    if ((c === "p" || c === "P") && this.u) return this.property();
    return this.charEscape(true);
  }
}

// literal text outside a class: RE2 takes \ before any ASCII punctuation.
function litText(c: number): string {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return String.fromCharCode(c);
  if ((c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) return "\\" + String.fromCharCode(c);
  return hex(c);
}

function escText(e: string, inClass: boolean): string {
  if (e === "s") return inClass ? SPACE_IN : "[" + SPACE_IN + "]";
  if (e === "S") return inClass ? SPACE_OUT : "[" + SPACE_OUT + "]";
  if (e.length === 1) return "\\" + e;
  return e; // \p{…}
}

function emit(alts: Node[][], dotAll: boolean): string {
  return alts.map((seq) => seq.map((n) => emitNode(n, dotAll)).join("")).join("|");
}

function emitNode(n: Node, dotAll: boolean): string {
  switch (n.t) {
    case "lit":
      return litText(n.c);
    case "any":
      return dotAll ? "(?s:.)" : "[^\\n\\r\\x{2028}\\x{2029}]";
    case "esc":
      return escText(n.e, false);
    case "assert":
      return n.a;
    case "group":
      return "(?:" + emit(n.alts, dotAll) + ")";
    case "class": {
      if (n.items.length === 0) return n.neg ? "[\\x{0}-\\x{10ffff}]" : "[^\\x{0}-\\x{10ffff}]";
      const body = n.items.map((it) => ("esc" in it ? escText(it.esc, true) : it.lo === it.hi ? hex(it.lo) : hex(it.lo) + "-" + hex(it.hi))).join("");
      return "[" + (n.neg ? "^" : "") + body + "]";
    }
    case "rep": {
      const q = n.min === 0 && n.max < 0 ? "*" : n.min === 1 && n.max < 0 ? "+" : n.min === 0 && n.max === 1 ? "?" : n.max < 0 ? `{${n.min},}` : n.max === n.min ? `{${n.min}}` : `{${n.min},${n.max}}`;
      // Every node emits one atom (a character, class or group).
      return emitNode(n.node, dotAll) + q;
    }
  }
}

// required collects literal runs that every match of seq contains.
function required(seq: Node[], out: string[]): void {
  let run = "";
  const flush = (): void => {
    if (run !== "") out.push(run);
    run = "";
  };
  for (const n of seq) {
    if (n.t === "lit") run += String.fromCodePoint(n.c);
    else if (n.t === "assert") continue; // zero-width: the run goes on
    else {
      flush();
      if (n.t === "group" && n.alts.length === 1) required(n.alts[0], out);
      else if (n.t === "rep" && n.min >= 1) required([n.node], out);
    }
  }
  flush();
}

// translate turns a JavaScript pattern (one the browser compiles) into
// RE2 syntax, or says why the search cannot run it.
export function translate(source: string, flags: string): Translated | Refused {
  let alts: Node[][];
  try {
    alts = new Parser(source, flags.includes("u")).parse();
  } catch (e) {
    if (e instanceof RefusedError) return { error: e.message };
    throw e;
  }
  const lits: string[] = [];
  if (alts.length === 1) required(alts[0], lits);
  let literal = "";
  for (const l of lits) if (l.length > literal.length) literal = l;
  const pureLiteral = alts.length === 1 && alts[0].length > 0 && alts[0].every((n) => n.t === "lit");
  return { re2: emit(alts, flags.includes("s")), flags, literal, pureLiteral };
}

export function isRefused(x: unknown): x is Refused {
  return typeof x === "object" && x !== null && "error" in x;
}
