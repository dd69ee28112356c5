// SpiderFoot's <SFURL>…</SFURL> markers. SpiderFoot modules append the
// page a finding came from to the value, on its own line:
//
//   AlienVault OTX [52.85.43.178]
//   <SFURL>https://otx.alienvault.com/indicator/ip/52.85.43.178</SFURL>
//
// SpiderFoot's UI shows the marked part as a link. Here too: appendValue
// puts a value into an element as text nodes and <a> elements made with the
// DOM (never markup), a link only for an absolute http: or https: URL, with
// rel="noopener noreferrer"; anything else between the markers stays text.
// labelOf is the value without the markers, for labels (graph, bubbles,
// Explore) where a link cannot be clicked. Search still matches the value as
// stored, markers included (docs/site-format.md, "Search").

import { clear, h, setText } from "./dom";
import { oneLine } from "./format";

const MARK = /<SFURL>([\s\S]*?)<\/SFURL>/g;

// hasSFURL reports whether v holds at least one marked URL.
export function hasSFURL(v: string): boolean {
  return v.includes("<SFURL>") && v.includes("</SFURL>");
}

// safeURL returns u as an absolute http(s) URL, or null.
export function safeURL(u: string): string | null {
  const t = u.trim();
  if (t === "" || t.length > 8192 || /[\u0000-\u0020\u007f]/.test(t)) return null;
  if (!/^https?:\/\//i.test(t)) return null;
  try {
    const p = new URL(t);
    if (p.protocol !== "http:" && p.protocol !== "https:") return null;
    if (p.hostname === "") return null;
    return p.href;
  } catch {
    return null;
  }
}

// labelOf is v without its <SFURL> markers: the text before them, or, when
// the value is only a marked URL, the URL itself. Whitespace left at the
// ends by a removed marker is trimmed.
export function labelOf(v: string): string {
  const open = v.indexOf("<SFURL>");
  if (open < 0) return v;
  if (!hasSFURL(v)) {
    // A value cut inside its marker (graph labels are cut): the text before.
    const before = v.slice(0, open).trim();
    return before !== "" ? before : v;
  }
  const rest = v.replace(MARK, "").trim();
  if (rest !== "") return rest;
  MARK.lastIndex = 0;
  const m = MARK.exec(v);
  MARK.lastIndex = 0;
  return m ? m[1].trim() : v;
}

// appendValue appends v to parent: text as text nodes, each marked http(s)
// URL as a link (its text is the URL). Returns how many links it made.
export function appendValue(parent: HTMLElement, v: string): number {
  if (!hasSFURL(v)) {
    parent.append(v);
    return 0;
  }
  let links = 0;
  let at = 0;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(v); m !== null; m = MARK.exec(v)) {
    if (m.index > at) parent.append(v.slice(at, m.index));
    const url = safeURL(m[1]);
    if (url) {
      const a = h("a", { class: "sfurl", target: "_blank", rel: "noopener noreferrer" }, m[1].trim());
      a.href = url;
      parent.append(a);
      links++;
    } else parent.append(m[0]);
    at = m.index + m[0].length;
  }
  MARK.lastIndex = 0;
  if (at < v.length) parent.append(v.slice(at));
  return links;
}

// The value a cell shows with links, so a repaint of the same value is free.
const shown = new WeakMap<HTMLElement, string>();

// setValue shows v in a table cell on one line (ui/format.ts oneLine), its
// marked URLs as links.
export function setValue(cell: HTMLElement, v: string): void {
  const line = oneLine(v);
  if (!hasSFURL(line)) {
    shown.delete(cell);
    setText(cell, line);
    return;
  }
  if (shown.get(cell) === line) return;
  shown.set(cell, line);
  clear(cell);
  appendValue(cell, line);
}

// valueBlock is a <pre> holding v with its marked URLs as links.
export function valueBlock(cls: string, v: string, tabindex?: number): HTMLPreElement {
  const pre = h("pre", { class: cls, tabindex });
  appendValue(pre, v);
  return pre;
}
