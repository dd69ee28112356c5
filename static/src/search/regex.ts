// Search patterns in linear time. Every query of the search box is a
// JavaScript RegExp source (search/query.ts). V8 runs those by
// backtracking, which costs O(L²) per value for a leading .* and can be
// exponential with nested quantifiers. The search runs them instead on an
// automaton of its own, in time linear in each value:
//
//   parse     the pattern into a tree (it was compiled by the browser
//             first, so it is valid JavaScript);
//   compile   the tree into a Thompson NFA (search/match.ts): one state per
//             character test, split and assertion;
//   run       the NFA as a DFA built lazily, state by state, as values need
//             it: one table look-up per character once warm.
//
// Each character test is the pattern's own atom (a, ., \s, [^a-z], \p{L})
// run by the browser on that single character, so case folding, white
// space, line ends and Unicode properties mean exactly what they meant
// before. What an automaton cannot run is refused with a sentence that
// names it: backreferences (\1, \k<name>), lookahead and lookbehind, and
// modifier groups; so are patterns whose automaton would be huge.
//
// Before the automaton sees a value, literal text the pattern requires
// (admin in /.*admin.*/; mail at the start and .example at the end of the
// wildcard mail*.example) is looked for with String.includes, or a RegExp
// made only of that text and ^ or $ (linear in V8): values without it
// never reach the automaton. A pattern that is only literal text (an exact
// search, *admin*) needs no automaton at all.

export interface Refused {
  error: string;
}

// Translated is a parsed pattern with what the search needs to run it.
export interface Translated {
  tree: Node[][]; // the alternatives of the pattern
  flags: string; // the JavaScript flags it came with
  needs: Need[]; // text every match contains (at most three, the cheapest to check first)
  pure: boolean; // the pattern is literal text, maybe anchored: needs[0] decides (no automaton)
}

type ClassItem = { lo: number; hi: number } | { esc: string };

// A Node of the pattern's tree. Atoms that test one character keep their
// source text (src), which the browser runs on single characters.
export type Node =
  | { t: "lit"; c: number; src: string }
  | { t: "any"; src: string }
  | { t: "class"; neg: boolean; items: ClassItem[]; src: string }
  | { t: "esc"; e: string; src: string } // \d \D \w \W \s \S, or \p{…} / \P{…}
  | { t: "assert"; a: string } // ^ $ \b \B
  | { t: "group"; alts: Node[][] }
  | { t: "rep"; node: Node; min: number; max: number }; // max -1: unbounded

class RefusedError extends Error {}

const WHY = "the search runs every pattern in time proportional to the data, with an automaton that cannot match it";

function refuse(what: string): never {
  throw new RefusedError(`${what} is not supported: ${WHY}.`);
}

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

  // codePoint reads one character: with u a surrogate pair counts as one,
  // without it each UTF-16 unit is a character (as in the browser).
  private codePoint(): number {
    const c = (this.u ? this.s.codePointAt(this.i) : this.s.charCodeAt(this.i)) ?? 0;
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
    return { t: "rep", node: atom, min, max };
  }

  private atom(): Node {
    const c = this.peek();
    const from = this.i;
    switch (c) {
      case "^":
      case "$":
        this.i++;
        return { t: "assert", a: c };
      case ".":
        this.i++;
        return { t: "any", src: "." };
      case "[":
        return this.charClass();
      case "(":
        return this.group();
      case "\\":
        return this.escape();
    }
    return { t: "lit", c: this.codePoint(), src: this.s.slice(from, this.i) };
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
    const from = this.i;
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
        return { t: "esc", e: c, src: "\\" + c };
      case "p":
      case "P":
        if (this.u) return { t: "esc", e: this.property(), src: this.s.slice(from, this.i) };
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
    const ch = this.charEscape(false);
    const src = this.s.slice(from, this.i);
    // \c without a letter is a backslash (then c is read as itself)
    return { t: "lit", c: ch, src: src === "\\" ? "\\\\" : src };
  }

  // property reads \p{…} or \P{…} (u flag); the browser tests it.
  private property(): string {
    const m = /^[pP]\{[^}]*\}/.exec(this.s.slice(this.i))!;
    this.i += m[0].length;
    return "\\" + m[0];
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
    const from = this.i;
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
    return { t: "class", neg, items, src: this.s.slice(from, this.i) };
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

// A Need is literal text every match contains, at the start or the end
// of the value when the pattern anchors it there (without the m flag).
export interface Need {
  text: string;
  start: boolean;
  end: boolean;
}

// required collects the literal runs every match of seq contains; top is
// the pattern's own sequence, where ^ first and $ last anchor a run.
function required(seq: Node[], out: Need[], anchors: boolean): void {
  let run = "";
  let start = false;
  const flush = (end: boolean): void => {
    if (run !== "") out.push({ text: run, start, end });
    run = "";
    start = false;
  };
  for (let k = 0; k < seq.length; k++) {
    const n = seq[k];
    if (n.t === "lit") {
      if (run === "") start = anchors && k === 1 && seq[0].t === "assert" && seq[0].a === "^";
      run += String.fromCodePoint(n.c);
    } else if (n.t === "assert") {
      // zero-width: the run goes on, unless $ ends the pattern
      if (anchors && n.a === "$" && k === seq.length - 1) flush(true);
    } else {
      flush(false);
      if (n.t === "group" && n.alts.length === 1) required(n.alts[0], out, false);
      else if (n.t === "rep" && n.min >= 1) required([n.node], out, false);
    }
  }
  flush(false);
}

// translate parses a JavaScript pattern (one the browser compiles) into
// a tree for the automaton, or says why the search cannot run it.
export function translate(source: string, flags: string): Translated | Refused {
  let alts: Node[][];
  try {
    alts = new Parser(source, flags.includes("u")).parse();
  } catch (e) {
    if (e instanceof RefusedError) return { error: e.message };
    throw e;
  }
  const anchors = !flags.includes("m");
  const needs: Need[] = [];
  if (alts.length === 1) required(alts[0], needs, anchors);
  // Anchored needs first (they fail soonest), then the longest.
  needs.sort((a, b) => Number(b.start || b.end) - Number(a.start || a.end) || b.text.length - a.text.length);
  const seq = alts[0];
  const body = seq.filter((n, k) => !(anchors && n.t === "assert" && ((n.a === "^" && k === 0) || (n.a === "$" && k === seq.length - 1))));
  const pure = alts.length === 1 && body.length > 0 && body.every((n) => n.t === "lit");
  return { tree: alts, flags, needs: needs.slice(0, 3), pure };
}

export function isRefused(x: unknown): x is Refused {
  return typeof x === "object" && x !== null && "error" in x;
}
