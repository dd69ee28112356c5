// Runs a search pattern (search-regex.ts translates it) on re2js, behind
// a check for the literal text every match contains. Used by the search
// worker and the graph page's search box.

import { RE2JS } from "re2js";
import { isRefused, translate, type Refused } from "./search-regex";

// A Matcher tests one value.
export interface Matcher {
  test(s: string): boolean;
}

export { isRefused };

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

// compile makes a Matcher of a JavaScript pattern and its flags (i, m, s, u).
export function compile(source: string, flags: string): Matcher | Refused {
  const t = translate(source, flags);
  if (isRefused(t)) return t;
  const fold = flags.includes("i");
  // The required literal: includes, or a RegExp of nothing but that text
  // (linear in V8) when case does not matter.
  let has: ((s: string) => boolean) | null = null;
  if (t.literal !== "") {
    if (!fold) {
      const lit = t.literal;
      has = (s) => s.includes(lit);
    } else {
      const lre = new RegExp(escapeLiteral(t.literal), flags.includes("u") ? "iu" : "i");
      has = (s) => lre.test(s);
    }
  }
  if (t.pureLiteral && has) return { test: has };
  let re: RE2JS;
  try {
    re = RE2JS.compile(t.re2, (fold ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes("m") ? RE2JS.MULTILINE : 0));
  } catch (e) {
    return { error: "The search cannot run this regular expression: " + (e instanceof Error ? e.message : String(e)) + "." };
  }
  if (has) {
    const h = has;
    return { test: (s) => h(s) && re.test(s) };
  }
  return { test: (s) => re.test(s) };
}
