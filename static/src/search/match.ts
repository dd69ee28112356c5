// Runs a search pattern (parsed by search/regex.ts) in time linear in each
// value: a Thompson NFA, run as a DFA built lazily while values are
// searched, behind a check for the literal text every match contains.
// Used by the search worker and the graph page's search box.

import { isRefused, translate, type Node, type Refused } from "./regex";

// A Matcher tests one value.
export interface Matcher {
  test(s: string): boolean;
}

export { isRefused };

// MAX_NFA bounds the automaton of one pattern (a{100}{100} is refused).
export const MAX_NFA = 20_000;
// MAX_DFA bounds the DFA states kept; past it the cache starts over, which
// keeps memory bounded and the time still linear in the value.
const MAX_DFA = 4_000;

const CHAR = 0;
const SPLIT = 1;
const ASSERT = 2;
const MATCH = 3;

const A_BEGIN = 0; // ^
const A_END = 1; // $
const A_WORD = 2; // \b
const A_NOT_WORD = 3; // \B

// Flags of a DFA state: what the character before says.
const F_START = 1; // no character yet
const F_WORD = 2; // it was a word character
const F_LINE = 4; // it was a line terminator

const END = -1; // the end of the value, as a "character"

// The NFA: parallel arrays, one entry per state.
class NFA {
  kind: number[] = [];
  out1: number[] = [];
  out2: number[] = []; // SPLIT: second branch; ASSERT: which assertion
  pred: number[] = []; // CHAR: index into tests
  tests: Array<(c: number) => boolean> = [];
  private testOf = new Map<string, number>();

  constructor(
    private readonly flags: string,
    private readonly unicode: boolean,
  ) {}

  add(kind: number, out1: number, out2: number, pred: number): number {
    if (this.kind.length >= MAX_NFA) throw new TooBig();
    this.kind.push(kind);
    this.out1.push(out1);
    this.out2.push(out2);
    this.pred.push(pred);
    return this.kind.length - 1;
  }

  // test is the browser's own answer for one character: the atom's source
  // as a one-character RegExp (no repetition, so no backtracking).
  test(src: string): number {
    let k = this.testOf.get(src);
    if (k === undefined) {
      const re = new RegExp("^(?:" + src + ")$", this.flags.replace(/[gmy]/g, ""));
      const str = this.unicode ? String.fromCodePoint : String.fromCharCode;
      k = this.tests.length;
      this.tests.push((c) => re.test(str(c)));
      this.testOf.set(src, k);
    }
    return k;
  }

  // compile adds node in front of next and returns its first state.
  compile(n: Node, next: number): number {
    switch (n.t) {
      case "lit":
      case "any":
      case "class":
      case "esc":
        return this.add(CHAR, next, -1, this.test(n.src));
      case "assert":
        return this.add(ASSERT, next, n.a === "^" ? A_BEGIN : n.a === "$" ? A_END : n.a === "\\b" ? A_WORD : A_NOT_WORD, -1);
      case "group":
        return this.alternatives(n.alts, next);
      case "rep": {
        let cur = next;
        if (n.max < 0) {
          // a loop: split → (body → split) | next
          const loop = this.add(SPLIT, -1, next, -1);
          this.out1[loop] = this.compile(n.node, loop);
          cur = loop;
        } else {
          for (let j = n.min; j < n.max; j++) cur = this.add(SPLIT, this.compile(n.node, cur), next, -1);
        }
        for (let j = 0; j < n.min; j++) cur = this.compile(n.node, cur);
        return cur;
      }
    }
  }

  sequence(seq: Node[], next: number): number {
    for (let k = seq.length - 1; k >= 0; k--) next = this.compile(seq[k], next);
    return next;
  }

  alternatives(alts: Node[][], next: number): number {
    let cur = this.sequence(alts[alts.length - 1], next);
    for (let k = alts.length - 2; k >= 0; k--) cur = this.add(SPLIT, this.sequence(alts[k], next), cur, -1);
    return cur;
  }
}

class TooBig extends Error {}

// A DFA state: the NFA states reached after the last character (before
// following empty moves, which depend on the next character) and flags.
interface DState {
  pre: Int32Array;
  flags: number;
  other: Map<number, number>; // transitions on characters from 128 up
  atEnd: number; // whether the value matches if it ends here: UNKNOWN, 0 or 1
}

const UNKNOWN = -1; // a transition not computed yet
const FOUND = -2; // a transition that completes a match

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

// DFA runs an NFA over values, unanchored: a match anywhere. States are
// numbered; transitions on ASCII are a flat table (state × 128).
class DFA {
  private byKey = new Map<string, number>();
  private states: DState[] = [];
  private table = new Int32Array(128 * 64).fill(UNKNOWN);
  private mark: Int32Array; // closure: visited marks
  private gen = 0;
  private stack: number[] = [];

  constructor(
    private readonly nfa: NFA,
    private readonly first: number,
    private readonly multiline: boolean,
    private readonly isWord: (c: number) => boolean,
    private readonly unicode: boolean,
  ) {
    this.mark = new Int32Array(nfa.kind.length);
    this.intern(new Int32Array(0), F_START); // state 0: the start
  }

  private intern(pre: Int32Array, flags: number): number {
    const key = flags + ":" + pre.join(",");
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.states.length;
      this.states.push({ pre, flags, other: new Map(), atEnd: UNKNOWN });
      this.byKey.set(key, id);
      if (this.table.length < (id + 1) * 128) {
        const t = new Int32Array(this.table.length * 2).fill(UNKNOWN);
        t.set(this.table);
        this.table = t;
      }
    }
    return id;
  }

  // next follows c (or END) from state id: FOUND when a match is found.
  private next(id: number, c: number): number {
    const st = this.states[id];
    const nfa = this.nfa;
    const kind = nfa.kind;
    const f = st.flags;
    const wordBefore = (f & F_WORD) !== 0;
    const wordAfter = c !== END && this.isWord(c);
    const ok = (a: number): boolean => {
      switch (a) {
        case A_BEGIN:
          return (f & F_START) !== 0 || (this.multiline && (f & F_LINE) !== 0);
        case A_END:
          return c === END || (this.multiline && isLineTerminator(c));
        case A_WORD:
          return wordBefore !== wordAfter;
        default:
          return wordBefore === wordAfter;
      }
    };
    const g = ++this.gen;
    const mark = this.mark;
    const stack = this.stack;
    stack.length = 0;
    // The search is unanchored: the pattern may start at every character.
    stack.push(this.first);
    for (let k = st.pre.length - 1; k >= 0; k--) stack.push(st.pre[k]);
    const next: number[] = [];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (mark[s] === g) continue;
      mark[s] = g;
      switch (kind[s]) {
        case MATCH:
          return FOUND;
        case SPLIT:
          stack.push(nfa.out2[s], nfa.out1[s]);
          break;
        case ASSERT:
          if (ok(nfa.out2[s])) stack.push(nfa.out1[s]);
          break;
        case CHAR:
          if (c !== END && nfa.tests[nfa.pred[s]](c)) next.push(nfa.out1[s]);
          break;
      }
    }
    if (c === END) return 0; // no match at the end
    next.sort((a, b) => a - b);
    let n = 0;
    for (let k = 0; k < next.length; k++) if (k === 0 || next[k] !== next[k - 1]) next[n++] = next[k];
    next.length = n;
    const flags = (wordAfter ? F_WORD : 0) | (isLineTerminator(c) ? F_LINE : 0);
    const pre = Int32Array.from(next);
    if (this.states.length >= MAX_DFA) {
      // Start over: memory stays bounded, time stays linear.
      this.byKey.clear();
      this.states = [];
      this.table.fill(UNKNOWN);
      this.intern(new Int32Array(0), F_START);
      return this.intern(pre, flags);
    }
    const to = this.intern(pre, flags);
    if (c < 128) this.table[id * 128 + c] = to;
    else if (st.other.size < 4096) st.other.set(c, to);
    return to;
  }

  test(s: string): boolean {
    let id = 0;
    const n = s.length;
    const unicode = this.unicode;
    for (let i = 0; i < n; ) {
      let c = s.charCodeAt(i++);
      let to: number;
      if (c < 128) to = this.table[id * 128 + c];
      else {
        if (unicode && c >= 0xd800 && c <= 0xdbff && i < n) {
          const lo = s.charCodeAt(i);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            c = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
            i++;
          }
        }
        to = this.states[id].other.get(c) ?? UNKNOWN;
      }
      if (to === UNKNOWN) to = this.next(id, c);
      if (to === FOUND) return true;
      id = to;
    }
    const st = this.states[id];
    if (st.atEnd === UNKNOWN) st.atEnd = this.next(id, END) === FOUND ? 1 : 0;
    return st.atEnd === 1;
  }
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

// compile makes a Matcher of a JavaScript pattern and its flags (i, m, s, u).
export function compile(source: string, flags: string): Matcher | Refused {
  const t = translate(source, flags);
  if (isRefused(t)) return t;
  const fold = flags.includes("i");
  const unicode = flags.includes("u");
  // What every match contains: includes, or a RegExp of nothing but that
  // text and an anchor (linear in V8, with the browser's case rules).
  const checks = t.needs.map((n): ((s: string) => boolean) => {
    if (!fold && !n.start && !n.end) return (s) => s.includes(n.text);
    const re = new RegExp((n.start ? "^" : "") + escapeLiteral(n.text) + (n.end ? "$" : ""), (fold ? "i" : "") + (unicode ? "u" : ""));
    return (s) => re.test(s);
  });
  if (t.pure && checks.length === 1) return { test: checks[0] };
  const nfa = new NFA(flags, unicode);
  let first: number;
  try {
    first = nfa.alternatives(t.tree, nfa.add(MATCH, -1, -1, -1));
  } catch (e) {
    if (e instanceof TooBig) return { error: `This pattern is too large for the search (its automaton would have more than ${MAX_NFA.toLocaleString("en")} states): use smaller repetition counts.` };
    throw e;
  }
  // \b and \B: the browser's word characters (with i and u, ſ and K too).
  const word = new RegExp("^\\w$", fold && unicode ? "iu" : "");
  const str = unicode ? String.fromCodePoint : String.fromCharCode;
  const wordAscii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) wordAscii[c] = word.test(String.fromCharCode(c)) ? 1 : 0;
  const isWord = (c: number): boolean => (c < 128 ? wordAscii[c] === 1 : word.test(str(c)));
  const dfa = new DFA(nfa, first, flags.includes("m"), isWord, unicode);
  switch (checks.length) {
    case 0:
      return { test: (s) => dfa.test(s) };
    case 1: {
      const [a] = checks;
      return { test: (s) => a(s) && dfa.test(s) };
    }
    default:
      return { test: (s) => checks.every((c) => c(s)) && dfa.test(s) };
  }
}
