// Keeping the view across a reload made by live updates: the scroll
// positions (the page's and its virtual table's), checked boxes (scans,
// element rows) and table sorts go into sessionStorage before the reload;
// the reloaded page puts them back.

import { refreshScanList } from "../table/scan-selection";
import { selectedIndices, setSelected } from "../table/selection";
import { setSortState, sortState } from "../table/sortable";

const KEEP_KEY = "sr-live-keep";

interface Kept {
  why: string; // what made the page reload (data-live-reload on <html>)
  path: string;
  t: number;
  x: number;
  y: number;
  grid: number; // scrollTop of the page's virtual table
  scans: string[]; // checked scans (scan list)
  sorts: Array<{ id: string; col: number; dir: "ascending" | "descending" }>;
  sel: number[]; // checked element rows (element table), by element index
}

function grid(): HTMLElement | null {
  return document.querySelector<HTMLElement>("#element-table .vt-grid:not([hidden]), #log-table .vt-grid:not([hidden])");
}

// keepView notes the view in sessionStorage for the reload that follows.
export function keepView(why: string): void {
  const k: Kept = {
    why,
    path: location.pathname,
    t: Date.now(),
    x: window.scrollX,
    y: window.scrollY,
    grid: grid()?.scrollTop ?? 0,
    scans: Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select"))
      .filter((b) => b.checked)
      .map((b) => b.value),
    sorts: [],
    sel: selectedIndices().slice(0, 100000),
  };
  for (const t of Array.from(document.querySelectorAll<HTMLTableElement>("table.sortable[id]"))) {
    const st = sortState(t);
    if (st) k.sorts.push({ id: t.id, ...st });
  }
  try {
    sessionStorage.setItem(KEEP_KEY, JSON.stringify(k));
  } catch {
    /* storage refused (private mode): reload all the same */
  }
}

// restoreKept puts back the view kept for this page by the reload that
// loaded it; it reports whether there was one.
export function restoreKept(): boolean {
  let k: Kept | null = null;
  try {
    const raw = sessionStorage.getItem(KEEP_KEY);
    if (raw === null) return false;
    sessionStorage.removeItem(KEEP_KEY);
    k = JSON.parse(raw) as Kept;
  } catch {
    return false;
  }
  if (!k || typeof k !== "object" || k.path !== location.pathname || !(Date.now() - k.t < 60000)) return false;
  document.documentElement.setAttribute("data-live-reload", String(k.why));
  if (Array.isArray(k.scans) && k.scans.length) {
    const want = new Set(k.scans.map(String));
    for (const b of Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select"))) b.checked = want.has(b.value);
    refreshScanList();
  }
  if (Array.isArray(k.sorts)) {
    for (const s of k.sorts) {
      const t = document.getElementById(String(s.id));
      if (t instanceof HTMLTableElement && typeof s.col === "number") setSortState(t, s.col, s.dir === "descending" ? "descending" : "ascending");
    }
  }
  if (Array.isArray(k.sel) && k.sel.length) setSelected(k.sel.filter((i) => typeof i === "number"), true);
  const x = +k.x || 0;
  const y = +k.y || 0;
  const g = +k.grid || 0;
  window.scrollTo(x, y);
  // Tables fill in as their data loads: try for a few seconds.
  const until = performance.now() + 5000;
  const again = () => {
    if (window.scrollY !== y && document.documentElement.scrollHeight >= y + window.innerHeight) window.scrollTo(x, y);
    const gr = grid();
    let ok = window.scrollY === y || document.documentElement.scrollHeight < y;
    if (g > 0) {
      if (gr && gr.scrollHeight >= g + gr.clientHeight) {
        if (gr.scrollTop !== g) gr.scrollTop = g;
      } else ok = false;
    }
    if (!ok && performance.now() < until) requestAnimationFrame(again);
  };
  requestAnimationFrame(again);
  return true;
}
