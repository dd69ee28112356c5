// Random values and regular expressions for the search index's
// differential tests (search-plan.test.ts, search-index.test.ts): the
// shapes real data has (Unicode case, newlines, <SFURL> markers, URLs with
// keys), from a seeded generator so a failure repeats.

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export const ALPHA = ["a", "b", "c", "A", "B", "S", "s", "ſ", "k", "K", "K", "é", "É", "ß", "ẞ", ".", "-", "\n", "1", "2", "测", "😀", "Σ", "σ", "ς", " "];

export function randomString(r: () => number, max: number): string {
  let s = "";
  const n = Math.floor(r() * max);
  for (let k = 0; k < n; k++) s += ALPHA[Math.floor(r() * ALPHA.length)];
  return s;
}

export function randomRegex(r: () => number, depth: number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  if (depth <= 0) {
    const lit = pick(["a", "b", "c", "S", "s", "k", "K", "é", "É", "ß", "ẞ", "\\.", "-", "1", "测", "σ", "Σ", "😀"]);
    return pick([lit, lit, lit, ".", "[ab]", "[a-c]", "\\d", "\\w", "[^a]", "\\n", "^", "$", "\\b", "[Ss]", "\\x61", "\\u00e9"]);
  }
  const a = () => randomRegex(r, depth - 1);
  switch (Math.floor(r() * 9)) {
    case 0:
      return a() + "|" + a();
    case 1:
      return "(" + a() + ")" + pick(["*", "+", "?", "{2}", "{1,3}", "{0,2}", "+?"]);
    case 2:
      return "(?:" + a() + "|" + a() + ")";
    case 3:
      return a() + a() + a();
    default:
      return a() + a();
  }
}

const WORDS = ["admin", "ADMIN", "Admin", "mail", "vpn", "www.", ".example", "acme-corp", "chloé", "CHLOÉ", "straße", "STRASSE", "<SFURL>", "</SFURL>", "https://", "?key=AKIA1234", "\n", "<title>", "10.0.", "测试", "😀", "ſ", "K"];

// randomValue is a value from words and characters, so that values share
// trigrams and some repeat.
export function randomValue(r: () => number): string {
  let s = "";
  const n = 1 + Math.floor(r() * 5);
  for (let k = 0; k < n; k++) s += r() < 0.6 ? WORDS[Math.floor(r() * WORDS.length)] : randomString(r, 4);
  return s;
}
