// Formatting for display. Times are shown in UTC, like the Go side, so a
// report reads the same wherever it is opened.

// utc formats Unix milliseconds as "YYYY-MM-DD HH:MM:SS"; 0 (unknown) or a
// value out of range gives "".
export function utc(ms: number): string {
  if (!ms || !isFinite(ms)) return "";
  const d = new Date(ms);
  if (isNaN(d.getTime())) return "";
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return "";
  return (
    pad(y, 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2) + " " +
    pad(d.getUTCHours(), 2) + ":" + pad(d.getUTCMinutes(), 2) + ":" + pad(d.getUTCSeconds(), 2)
  );
}

function pad(n: number, w: number): string {
  let s = String(n);
  while (s.length < w) s = "0" + s;
  return s;
}

// comma formats an integer with thousands separators: 1234567 → "1,234,567".
export function comma(n: number): string {
  const s = String(Math.trunc(n));
  const neg = s.startsWith("-");
  const digits = neg ? s.slice(1) : s;
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return neg ? "-" + out : out;
}

// plural gives "1 element", "2 elements".
export function plural(n: number, one: string, many: string): string {
  return comma(n) + " " + (n === 1 ? one : many);
}

// oneLine shortens a value for a single table line: at most max characters
// (the cell adds an ellipsis with CSS); newlines and tabs become spaces.
export function oneLine(v: string, max = 400): string {
  const s = v.length > max ? v.slice(0, max) : v;
  return s.replace(/[\r\n\t\f\v]+/g, " ");
}

// utf8Length counts the bytes of s in UTF-8 (for "cut at 1 KiB" notes).
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

