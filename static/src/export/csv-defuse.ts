// Formula defusing for CSV cells: the same rule as Defuse in
// generator/exports/csv.go, checked against the same test table
// (generator/exports/testdata/csv-defuse.json) by static/test/csv-defuse.test.cjs.
// docs/exports.md, "Formula defusing", describes it:
//  - a cell whose first character is a tab or CR, or whose first character
//    after leading whitespace (space, tab, CR, LF, VT, FF) is a formula
//    character (= + - @ or their full-width forms), gets a leading apostrophe;
//  - after a list separator (, ; | tab CR LF) and any whitespace, a formula
//    character gets an apostrophe before it, so `x;=cmd` cannot become a
//    formula in a spreadsheet that splits cells on semicolons.
// This file imports nothing, so the Node test can load it on its own.

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x0b || c === 0x0c;
}

function isSeparator(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x7c || c === 0x09 || c === 0x0d || c === 0x0a; // , ; | \t \r \n
}

// isFormula: = + - @ and the full-width ＝ ＋ － ＠.
function isFormula(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20;
}

function skipSpace(f: string, i: number): number {
  while (i < f.length && isSpace(f.charCodeAt(i))) i++;
  return i;
}

const QUICK = /[,;|\t\r\n]/;

// defuse returns f with an apostrophe at every place a spreadsheet could
// start a formula.
export function defuse(f: string): string {
  if (f.length === 0) return f;
  const c0 = f.charCodeAt(0);
  if (!isSpace(c0) && !isFormula(c0) && !QUICK.test(f)) return f;
  let lead = c0 === 0x09 || c0 === 0x0d;
  const i = skipSpace(f, 0);
  if (!lead && i < f.length && isFormula(f.charCodeAt(i))) lead = true;
  let out = lead ? "'" : "";
  let last = 0;
  for (let j = 0; j < f.length; j++) {
    if (!isSeparator(f.charCodeAt(j))) continue;
    const k = skipSpace(f, j + 1);
    if (k < f.length && isFormula(f.charCodeAt(k))) {
      out += f.slice(last, k) + "'";
      last = k;
    }
    j = k - 1;
  }
  if (!lead && last === 0) return f;
  return out + f.slice(last);
}

// dangerous tells a cell that defuse would change.
export function dangerous(f: string): boolean {
  return defuse(f) !== f;
}
