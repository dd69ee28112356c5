// The columns of element rows, declared once for every table that lists
// elements: the element table's full view and the search pages (loading
// and indexed). Each table says how to read a row (ElementCells); the
// columns render it the same way everywhere: values on one line with their
// SFURL links (ui/sfurl.ts), times in UTC, a false positive as the
// "F/P" flag.
//
// Items below 0 are header rows (the search over all scans groups its
// results under one per scan): their element cells stay empty.

import { h, setText } from "../ui/dom";
import { plural, utc } from "../ui/format";
import { setValue } from "../ui/sfurl";
import type { Column, SortDir } from "./vtable";

// ElementCells reads the fields of the element an item (row) shows.
export interface ElementCells {
  data(item: number): string;
  source(item: number): string;
  module(item: number): string;
  time(item: number): number; // Unix ms
  fp(item: number): boolean;
}

// elementColumns are Data Element, Source Data Element, Source Module,
// Identified (UTC) and F/P, all sortable by their keys (data, source,
// module, time, fp).
export function elementColumns(get: ElementCells): Column[] {
  return [
    {
      key: "data",
      label: "Data Element",
      cls: "c-data vt-open",
      sortable: true,
      render: (cell, r) => setValue(cell, r < 0 ? "" : get.data(r)),
    },
    {
      key: "source",
      label: "Source Data Element",
      cls: "c-source",
      sortable: true,
      render: (cell, r) => setValue(cell, r < 0 ? "" : get.source(r)),
    },
    {
      key: "module",
      label: "Source Module",
      cls: "c-module",
      sortable: true,
      render: (cell, r) => setText(cell, r < 0 ? "" : get.module(r)),
    },
    {
      key: "time",
      label: "Identified (UTC)",
      cls: "c-time",
      sortable: true,
      render: (cell, r) => setText(cell, r < 0 ? "" : utc(get.time(r))),
    },
    {
      key: "fp",
      label: "F/P",
      cls: "c-fp",
      sortable: true,
      title: "False positive",
      init: (cell) => cell.appendChild(h("span", { class: "fp-flag" })),
      render: (cell, r) => {
        const el = cell.firstChild as HTMLElement;
        const on = r >= 0 && get.fp(r);
        setText(el, on ? "F/P" : "");
        el.title = on ? "Marked false positive" : "";
      },
    },
  ];
}

// typeColumn is the search pages' Type column: the element type's name.
export function typeColumn(descr: (item: number) => string): Column {
  return { key: "type", label: "Type", cls: "c-type", sortable: true, render: (cell, r) => setText(cell, r < 0 ? "" : descr(r)) };
}

// ScanName is what the Scan column shows of a scan.
export interface ScanName {
  name: string;
  target?: string;
}

// scanColumn is the search over all scans' Scan column: the scan's name on
// each row, and on a scan's header row (item -1 - g for group g) its name,
// target and number of matches.
export function scanColumn(scan: (item: number) => ScanName, group: (g: number) => { scan: ScanName; matches: number }): Column {
  return {
    key: "scan",
    label: "Scan",
    cls: "c-scan",
    render: (cell, r) => {
      if (r < 0) {
        const { scan: sc, matches } = group(-1 - r);
        setText(cell, `${sc.name} · ${sc.target ? sc.target + " · " : ""}${plural(matches, "match", "matches")}`);
      } else setText(cell, scan(r).name);
    },
  };
}

// The search pages' sort in their URL hash: sort=<column>-asc|desc, for a
// column of the result tables.
const SORTABLE = ["type", "data", "source", "module", "time", "fp"];

// sortFromHash reads a search page's sort from hash parameters (null when
// absent or not a result column).
export function sortFromHash(p: URLSearchParams): { key: string; dir: SortDir } | null {
  const sort = p.get("sort");
  const mm = sort ? /^([a-z]+)-(asc|desc)$/.exec(sort) : null;
  if (!mm || !SORTABLE.includes(mm[1])) return null;
  return { key: mm[1], dir: mm[2] === "asc" ? "ascending" : "descending" };
}

// addSortHash writes a search page's sort into hash parameters.
export function addSortHash(p: URLSearchParams, key: string | null, dir: SortDir): void {
  if (key) p.set("sort", `${key}-${dir === "ascending" ? "asc" : "desc"}`);
}
