// The element table's view as shown (pages/elements.ts): its counts, the
// empty table's text, the checked rows, the search's matching values, the
// state in the URL fragment and the view handed to the downloads. Each
// function is handed the page's state it reads.

import { comma, plural } from "../ui/format";
import { h, setText } from "../ui/dom";
import type { OrderedView } from "../table/ordered";
import { selectedIndices, selection, setSelected } from "../table/selection";
import type { VTable, SortDir } from "../table/vtable";
import { addSearchHash, type SearchBox } from "../search/box";
import type { Query } from "../search/query";
import type { ElementStore, Groups } from "../data/store";
import type { Manifest, TypeInfo } from "../data/types";

export type Mode = "full" | "unique";

// CurrentView is the element table as shown: its type, with the search and
// the filters applied, in display order.
export interface CurrentView {
  manifest: Manifest;
  type: TypeInfo;
  store: ElementStore;
  mode: Mode;
  // rows are store rows in display order; in the unique view, the first
  // occurrence of each value shown. A copy: the caller may keep it.
  rows: Int32Array;
  // counts are, in the unique view, the occurrences of each value shown
  // (without false positives when they are hidden); null in the full view.
  counts: Int32Array | null;
  hideFP: boolean;
  query: string; // the search box as applied ("" = no search)
  alsoSource: boolean; // the search also matched source data elements
  loading: boolean; // chunks are still loading: rows will be added
}

// viewRows is view v's rows as a CurrentView gives them: in the unique
// view (groups set), each value's first row and its count.
export function viewRows(v: OrderedView, groups: Groups | null, groupCount: (g: number) => number): { rows: Int32Array; counts: Int32Array | null } {
  const rows = new Int32Array(v.vn);
  let counts: Int32Array | null = null;
  if (groups) {
    counts = new Int32Array(v.vn);
    for (let k = 0; k < v.vn; k++) {
      rows[k] = groups.first[v.view[k]];
      counts[k] = groupCount(v.view[k]);
    }
  } else rows.set(v.view.subarray(0, v.vn));
  return { rows, counts };
}

// countsText says how many rows (values, in the unique view) are shown.
export function countsText(vn: number, total: number, unique: boolean, hide: boolean, fpCount: number): string {
  const noun = (n: number) => (unique ? (n === 1 ? "unique value" : "unique values") : n === 1 ? "element" : "elements");
  let text = vn === total ? `${comma(total)} ${noun(total)}` : `${comma(vn)} of ${comma(total)} ${noun(total)}`;
  if (hide && fpCount > 0) text += ` · ${plural(fpCount, "false positive", "false positives")} hidden`;
  if (selection.size > 0) text += ` · ${comma(selection.size)} selected`;
  return text;
}

// checkAllBox shows in box whether every row of the full view v is checked.
export function checkAllBox(box: HTMLInputElement, v: OrderedView, s: ElementStore): void {
  let on = 0;
  if (selection.size > 0) for (let k = 0; k < v.vn; k++) if (selection.has(s.idx[v.view[k]])) on++;
  box.checked = v.vn > 0 && on === v.vn;
  box.indeterminate = on > 0 && on < v.vn;
}

// toggleRows checks (on) or unchecks row r at view position pos of the full
// view v, or the rows from anchor to it (shift).
export function toggleRows(s: ElementStore, v: OrderedView, anchor: number, r: number, pos: number, shift: boolean, on: boolean): void {
  if (shift && anchor >= 0 && anchor < v.vn && anchor !== pos) {
    const ids: number[] = [];
    for (let k = Math.min(anchor, pos); k <= Math.max(anchor, pos); k++) ids.push(s.idx[v.view[k]]);
    setSelected(ids, on);
  } else setSelected([s.idx[r]], on);
}

// checkedElementIds are the element ids of the checked rows s holds.
export function checkedElementIds(s: ElementStore): string[] {
  const ids: string[] = [];
  for (const i of selectedIndices()) {
    const r = s.rowOf(i);
    if (r >= 0) ids.push(s.eid[r]);
  }
  return ids;
}

// hideLabel says how many false positives (n) the #hide-fp box hides; the
// box is hidden when there are none and they are not hidden (hide).
export function hideLabel(hideFP: HTMLInputElement | null, n: number, hide: boolean): void {
  const label = hideFP?.closest("label");
  if (!label) return;
  label.hidden = n === 0 && !hide;
  const text = label.querySelector("#hide-fp-text");
  if (text) setText(text, `Hide ${comma(n)} false ${n === 1 ? "positive" : "positives"}`);
}

// checkAll checks (on) or unchecks every row the full view v shows.
export function checkAll(s: ElementStore, v: OrderedView, on: boolean): void {
  const ids: number[] = new Array(v.vn);
  for (let k = 0; k < v.vn; k++) ids[k] = s.idx[v.view[k]];
  setSelected(ids, on);
}

// groupMatches marks the unique view's values that have a matching row
// (a row that is not a hidden false positive); null without a search or
// a unique view.
export function groupMatches(g: Groups | null, rows: Int32Array | null, match: Uint8Array | null, hide: boolean, fp: Uint8Array): Uint8Array | null {
  if (!g || !rows || !match) return null;
  const gm = new Uint8Array(g.n);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r < g.rows && (!hide || fp[r] === 0)) gm[g.rowGroup[r]] = 1;
  }
  return gm;
}

// What the empty table's text depends on.
export interface EmptyState {
  type: TypeInfo;
  query: Query | null;
  loading: boolean;
  lastMs: number; // < 0: the search has not shown its rows yet
  box: SearchBox | null;
  hide: boolean;
  fpCount: number;
  showFP: () => void; // shows the false positives again
}

// setEmptyText says what an empty table means: still loading, nothing of
// this type, or no match for the search, with the ways to widen it (the
// whole scan, every scan, false positives shown).
export function setEmptyText(t: VTable, st: EmptyState): void {
  if (st.type.total === 0) return t.setEmptyText("No elements of this type.");
  const q = st.query;
  if (!q) {
    if (st.loading) return t.setEmptyText("Loading…");
    return t.setEmptyText(st.hide ? "Every element of this type is a false positive, and they are hidden." : "No elements of this type.");
  }
  if (st.loading || st.lastMs < 0) return t.setEmptyText("Searching…");
  const bs = st.box?.state() ?? { q: q.text, src: false };
  const hp = new URLSearchParams();
  addSearchHash(hp, bs);
  const widen: Array<Node | string> = [];
  const link = (href: string, text: string, id: string) => h("a", { class: "btn small", href, id }, text);
  widen.push(link("../search.html#" + hp.toString(), "Search the whole scan", "widen-scan"));
  widen.push(link("../../../search.html#" + hp.toString(), "Search every scan", "widen-all"));
  if (st.hide && st.fpCount > 0) {
    const b = h("button", { type: "button", class: "btn small", id: "widen-fp" }, "Show false positives");
    b.addEventListener("click", st.showFP);
    widen.push(b);
  }
  const p = h("p", { class: "widen" });
  widen.forEach((n, k) => p.append(k ? " " : "", n));
  t.setEmpty(h("p", { class: "no-matches" }, `No matches in ${st.type.descr}${st.hide && st.fpCount > 0 ? " (false positives hidden)" : ""}.`), p);
}

// viewHash is the table's state in the URL fragment: view, sort, hide, and
// the search box's.
export function viewHash(mode: Mode, v: OrderedView, hide: boolean, box: SearchBox | null): URLSearchParams {
  const p = new URLSearchParams();
  if (mode === "unique") p.set("view", "unique");
  if (v.key) p.set("sort", `${v.key}-${v.dir === "ascending" ? "asc" : "desc"}`);
  if (hide) p.set("hidefp", "1");
  if (box) addSearchHash(p, box.state());
  return p;
}

// hashSort is the sort the fragment p asks for, if mode has that column.
export function hashSort(p: URLSearchParams, mode: Mode): { key: string; dir: SortDir } | null {
  const sort = p.get("sort");
  const mm = sort ? /^([a-z]+)-(asc|desc)$/.exec(sort) : null;
  const keys = mode === "unique" ? ["risky", "data", "count"] : ["risky", "data", "source", "module", "time", "fp"];
  if (mm && keys.includes(mm[1])) return { key: mm[1], dir: mm[2] === "asc" ? "ascending" : "descending" };
  return null;
}
