// The element table's columns and sort orders (pages/elements.ts): the
// full view (checkbox, Risk, then the element columns every element table
// shares, table/columns.ts) and the unique view (Risk, Unique Data
// Element, Occurrences).

import type { ElementStore, Groups } from "../data/store";
import { elementColumns } from "../table/columns";
import { strCmp, type Cmp } from "../table/ordered";
import { isSelected } from "../table/selection";
import { VTable, type Column, type VTableOptions } from "../table/vtable";
import type { TypeInfo } from "../data/types";
import { h, setText } from "../ui/dom";
import { comma } from "../ui/format";
import { setValue } from "../ui/sfurl";

const ROW_H = 34;

// fullTable is the full view's table of type's rows in host; on: what
// sorting, clicks and checkboxes do.
export function fullTable(host: HTMLElement, type: TypeInfo, p: ColumnsPage, selectAll: HTMLInputElement, on: Pick<VTableOptions, "onSort" | "onRowClick" | "onActivate" | "onToggle">): VTable {
  const s = p.store;
  return new VTable({
    container: host,
    className: "vt-elements",
    label: `${type.descr} elements`,
    rowHeight: ROW_H,
    multiselect: true,
    columns: fullColumns(p, selectAll),
    empty: type.total === 0 ? "No elements of this type." : "Loading…",
    rowClass: (r) => (s.fp[r] ? "is-fp" : "") + (s.risky(r) ? " is-risky" : "") + (isSelected(s.idx[r]) ? " is-selected" : ""),
    rowSelected: (r) => isSelected(s.idx[r]),
    ...on,
  });
}

// uniqueTable is the unique view's table of type's values in host.
export function uniqueTable(host: HTMLElement, type: TypeInfo, p: ColumnsPage, on: Pick<VTableOptions, "onSort" | "onActivate">): VTable {
  return new VTable({
    container: host,
    className: "vt-unique",
    label: `${type.descr}: unique values`,
    rowHeight: ROW_H,
    columns: uniqueColumns(p),
    empty: "No values.",
    rowClass: (g) => (p.groups().risky[g] ? "is-risky" : ""),
    ...on,
  });
}

// What the columns read of the page.
export interface ColumnsPage {
  store: ElementStore;
  modules(): readonly unknown[]; // the manifest's module names
  moduleRank(): Int32Array; // each module's place in name order
  groups(): Groups; // the unique view's value groups (once it exists)
  groupCount(g: number): number; // a value's occurrences as counted now
}

// fullColumns are the full view's columns; selectAll is the header's box.
export function fullColumns(p: ColumnsPage, selectAll: HTMLInputElement): Column[] {
  const s = p.store;
  return [
    {
      key: "select",
      label: "",
      cls: "c-check",
      head: (cell) => cell.appendChild(selectAll),
      init: (cell) => cell.appendChild(h("input", { type: "checkbox", class: "row-select", tabindex: -1, "aria-label": "Select row" })),
      render: (cell, r) => {
        (cell.firstChild as HTMLInputElement).checked = isSelected(s.idx[r]);
      },
    },
    {
      key: "risky",
      label: "Risk",
      cls: "c-risk",
      sortable: true,
      title: "Risky elements first when sorted descending",
      init: (cell) => cell.appendChild(h("span", { class: "risk-flag" })),
      render: (cell, r) => renderRisk(cell.firstChild as HTMLElement, s.risky(r), s.risk[r]),
    },
    ...elementColumns({
      data: (r) => s.data[r],
      source: (r) => s.sdata[r],
      module: (r) => String(p.modules()[s.mod[r]] ?? ""),
      time: (r) => s.time[r],
      fp: (r) => s.fp[r] === 1,
    }),
  ];
}

// uniqueColumns are the unique view's columns; an item is a value group.
export function uniqueColumns(p: ColumnsPage): Column[] {
  const s = p.store;
  return [
    {
      key: "risky",
      label: "Risk",
      cls: "c-risk",
      sortable: true,
      init: (cell) => cell.appendChild(h("span", { class: "risk-flag" })),
      render: (cell, g) => renderRisk(cell.firstChild as HTMLElement, p.groups().risky[g] === 1, -1),
    },
    {
      key: "data",
      label: "Unique Data Element",
      cls: "c-data vt-open",
      sortable: true,
      render: (cell, g) => setValue(cell, s.data[p.groups().first[g]]),
    },
    {
      key: "count",
      label: "Occurrences",
      cls: "c-count num",
      sortable: true,
      render: (cell, g) => setText(cell, comma(p.groupCount(g))),
    },
  ];
}

// fullCmp is the full view's order of rows by a column's key.
export function fullCmp(p: ColumnsPage, key: string): Cmp {
  const s = p.store;
  switch (key) {
    case "data":
      return (a, b) => strCmp(s.data[a], s.data[b]);
    case "source":
      return (a, b) => strCmp(s.sdata[a], s.sdata[b]);
    case "module": {
      return (a, b) => {
        const rank = p.moduleRank();
        return rank[s.mod[a]] - rank[s.mod[b]];
      };
    }
    case "time":
      return (a, b) => s.time[a] - s.time[b];
    case "risky":
      return (a, b) => riskKey(s, a) - riskKey(s, b);
    case "fp":
      return (a, b) => s.fp[a] - s.fp[b];
  }
  return () => 0;
}

// uniqueCmp is the unique view's order of value groups by a column's key.
export function uniqueCmp(p: ColumnsPage, key: string): Cmp {
  const s = p.store;
  const g = p.groups();
  switch (key) {
    case "data":
      return (a, b) => strCmp(s.data[g.first[a]], s.data[g.first[b]]);
    case "count":
      return (a, b) => p.groupCount(a) - p.groupCount(b);
    case "risky":
      return (a, b) => g.risky[a] - g.risky[b];
  }
  return () => 0;
}

function riskKey(s: ElementStore, r: number): number {
  return (s.risky(r) ? 256 : 0) + s.risk[r];
}

function renderRisk(el: HTMLElement, risky: boolean, score: number): void {
  const cls = risky ? "risk-flag on" : "risk-flag";
  if (el.className !== cls) el.className = cls;
  const label = risky ? (score > 0 ? `Risky (risk ${score})` : "Risky") : "";
  setText(el, risky ? "Risky" : "");
  if (el.title !== label) el.title = label;
}
