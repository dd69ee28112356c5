// What a search box holds, parsed: the three modes of docs/site-format.md
// ("Search"), each compiled to one RegExp that is tested against a value.
// Shared by the page (to report a bad pattern at once) and the search
// worker (search/worker.ts, which runs it over every value).
//
//   exact     404           the whole value, case-insensitive
//   wildcard  *:22          * is any run of characters (newlines too); the
//                           pattern is anchored at both ends; case-insensitive
//   regex     /\d+\.\d+/i   found anywhere in the value; flags i, m, s, u;
//                           run by a linear-time automaton (search/regex.ts),
//                           so backreferences
//                           and lookaround are refused with a message
//
// SpiderFoot (NOTES.md 4.6) differs: its "exact" is SQL LIKE (so % and _
// are wildcards too), its regexes are anchored at the start only, and an
// invalid regex silently finds nothing. Here only * is special, a regex is
// searched anywhere, and a bad pattern is an error the page shows.

import { isRefused, translate } from "./regex";

export type QueryKind = "exact" | "wildcard" | "regex";

export interface Query {
  kind: QueryKind;
  text: string; // what was typed, trimmed
  source: string; // RegExp source
  flags: string; // RegExp flags
}

export interface QueryError {
  error: string;
}

// The flags a user may put after the closing slash. g and y are left out:
// they make RegExp.test stateful. v is left out: not every browser has it.
export const REGEX_FLAGS = "imsu";

// A query longer than this is refused (a search box is not a file).
export const MAX_QUERY = 4096;

const REGEX_FORM = /^\/([\s\S]*)\/([A-Za-z]*)$/;

// escapeRegExp makes s match itself literally, also under the u flag.
export function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

// parseQuery reads a search box: null when it is empty (no search), a
// QueryError (a sentence to show under the box) when it cannot be searched.
export function parseQuery(raw: string): Query | QueryError | null {
  const text = raw.trim();
  if (text === "") return null;
  if (text.length > MAX_QUERY) return { error: `The search is too long (${text.length} characters; at most ${MAX_QUERY}).` };
  const m = text.length >= 2 ? REGEX_FORM.exec(text) : null;
  if (m) {
    const body = m[1];
    const flags = m[2];
    if (body === "") return { error: "The regular expression between the slashes is empty." };
    for (let i = 0; i < flags.length; i++) {
      const f = flags[i];
      if (!REGEX_FLAGS.includes(f)) {
        return { error: `Unknown flag "${f}" after the closing slash: a regular expression may have the flags i, m, s and u.` };
      }
      if (flags.indexOf(f) !== i) return { error: `The flag "${f}" is given twice.` };
    }
    try {
      new RegExp(body, flags);
    } catch (e) {
      return { error: "Invalid regular expression: " + regexReason(e, body, flags) };
    }
    // What the linear-time search cannot run (backreferences, lookaround), named.
    const t = translate(body, flags);
    if (isRefused(t)) return { error: t.error };
    return { kind: "regex", text, source: body, flags };
  }
  if (text.includes("*")) {
    const parts = text.split("*");
    const lits = parts.filter((p) => p !== "").map(escapeRegExp);
    // "*x*" needs no ^.* and .*$: searching for x anywhere is the same and
    // much faster. Between literals, * is any run, newlines included.
    const source = (parts[0] !== "" ? "^" : "") + lits.join("[\\s\\S]*") + (parts[parts.length - 1] !== "" ? "$" : "");
    return { kind: "wildcard", text, source, flags: "i" };
  }
  return { kind: "exact", text, source: "^" + escapeRegExp(text) + "$", flags: "i" };
}

export function isError(q: Query | QueryError | null): q is QueryError {
  return q !== null && "error" in q;
}

// regexReason is the browser's reason for refusing a pattern, without the
// pattern itself (Chromium says "Invalid regular expression: /(/: Unterminated
// group"; the page shows the pattern in the box already).
function regexReason(e: unknown, body: string, flags: string): string {
  let msg = e instanceof Error ? e.message : String(e);
  const echo = `Invalid regular expression: /${body}/${flags}: `;
  if (msg.startsWith(echo)) msg = msg.slice(echo.length);
  else if (msg.includes(body) && body.length > 2) msg = "the browser cannot compile it";
  msg = msg.replace(/^invalid regular expression:\s*/i, "");
  if (msg === "") msg = "the browser cannot compile it";
  return msg.charAt(0).toLowerCase() + msg.slice(1) + (/[.!?]$/.test(msg) ? "" : ".");
}

// describe names a query's mode for the status line.
export function describe(q: Query): string {
  switch (q.kind) {
    case "exact":
      return "Exact value";
    case "wildcard":
      return "Wildcard";
    case "regex":
      return "Regular expression";
  }
}

// exactQuery is the hash that makes the element table search exactly this
// value (search/query.ts), case-insensitively as the exact mode does: the
// value itself when it reads as an exact query, else an anchored regular
// expression with the i flag. The box is a one-line <input>, which drops
// line breaks from what it is given, so characters below U+0020 (newlines
// of <SFURL> values), U+2028/2029 and DEL are written as \uXXXX escapes:
// the query never holds a character the box would lose. A value too long
// for a query is matched by its longest prefix that fits. Extra hash
// parameters (src, hidefp) come from the caller.
export function exactQuery(v: string, extra?: Record<string, string>): string {
  const p = new URLSearchParams();
  p.set("q", exactQueryText(v));
  if (extra) for (const [k, val] of Object.entries(extra)) p.set(k, val);
  return "#" + p.toString();
}

// exactQueryText is the search-box text of exactQuery (never empty for a
// non-empty value; at most MAX_QUERY characters).
export function exactQueryText(v: string): string {
  const plain = v !== "" && v.trim() === v && !v.includes("*") && !/^\/[\s\S]*\/[A-Za-z]*$/.test(v) && !UNSAFE_IN_BOX.test(v);
  if (plain && v.length <= MAX_QUERY) return v;
  const body = (s: string) => escapeRegExp(s).replace(UNSAFE_IN_BOX_G, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  const whole = "/^" + body(v) + "$/i";
  if (whole.length <= MAX_QUERY) return whole;
  // Too long: the longest prefix that fits, anchored at the start only.
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (("/^" + body(v.slice(0, mid)) + "/i").length <= MAX_QUERY) lo = mid;
    else hi = mid - 1;
  }
  let cut = lo;
  if (cut > 0 && /[\uD800-\uDBFF]/.test(v.charAt(cut - 1))) cut--; // never half a surrogate pair
  return "/^" + body(v.slice(0, cut)) + "/i";
}

// Characters a one-line <input> drops or that do not survive in a box.
const UNSAFE_IN_BOX = /[\u0000-\u001f\u007f\u2028\u2029]/;
const UNSAFE_IN_BOX_G = /[\u0000-\u001f\u007f\u2028\u2029]/g;
