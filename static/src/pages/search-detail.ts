// The detail panel of the search pages (pages/search-page.ts and
// pages/search-indexed.ts): one element in full, with links to its element
// table and (over all scans) its scan.

import { copyButton, field, type DetailPanel } from "../table/detail";
import type { ElementStore } from "../data/store";
import { FLAG_CUT, FLAG_RISKY, type TypeInfo } from "../data/types";
import { h } from "../ui/dom";
import { utc, utf8Length } from "../ui/format";
import { valueBlock } from "../ui/sfurl";

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

// The scan a search result comes from.
export interface SearchScan {
  id: string;
  name: string;
  pages: string; // the scan's page folder, relative to this page
}

// The element a search result row shows, and where it comes from.
export interface SearchRow {
  scan: SearchScan;
  type: TypeInfo | undefined;
  module: string;
  data: string;
  source: string;
  time: number;
  risk: number;
  flags: number;
  fp: boolean;
  id: string; // element id
  index: number; // element index
}

// storeRow is row r of an element store as a search result row.
export function storeRow(scan: SearchScan, s: ElementStore, r: number, type: TypeInfo | undefined, module: string): SearchRow {
  return { scan, type, module, data: s.data[r], source: s.sdata[r], time: s.time[r], risk: s.risk[r], flags: s.flags[r], fp: s.fp[r] !== 0, id: s.eid[r], index: s.idx[r] };
}

// showSearchDetail shows a result row in the panel; all: the search over
// every scan (the scan is named and linked).
export function showSearchDetail(panel: DetailPanel, x: SearchRow, all: boolean): void {
  const { scan: sc, type: t } = x;
  const data = x.data;
  panel.show("Data element", (body) => {
    body.append(valueBlock("detail-data", data, 0));
    const actions = h("div", { class: "detail-actions" }, copyButton("Copy value", () => data));
    const slug = t ? String(t.slug) : "";
    if (SLUG.test(slug)) {
      actions.append(h("a", { class: "btn small detail-open", href: sc.pages + "types/" + slug + ".html" }, `Open the ${t ? String(t.descr) : ""} table`));
    }
    if (all) actions.append(h("a", { class: "btn small", href: sc.pages + "index.html" }, "Open the scan"));
    body.append(actions);
    if (x.flags & FLAG_CUT) body.append(h("p", { class: "notice partial" }, "This value was longer than 64 KiB and is cut here. The full value is in the scan's downloads."));
    const dl = h("dl", { class: "detail-fields" });
    if (all) field(dl, "Scan", sc.name, " ", h("code", null, sc.id));
    if (t) field(dl, "Type", String(t.descr), " ", h("code", null, String(t.code)));
    const sd = x.source;
    field(dl, "Source data element", valueBlock("detail-source", sd));
    if (utf8Length(sd) > 1020) dl.lastElementChild?.append(h("p", { class: "hint" }, "Source values are shown up to 1 KiB here."));
    field(dl, "Source module", x.module);
    field(dl, "Identified", x.time ? utc(x.time) + " UTC" : "unknown");
    field(dl, "Risk", (x.flags & FLAG_RISKY) !== 0 ? h("span", { class: "badge risk-high" }, "risky") : "not risky", x.risk > 0 ? ` · risk score ${x.risk} of 100` : "");
    field(dl, "False positive", x.fp ? h("span", { class: "tag fp" }, "yes: marked false positive") : "no");
    field(dl, "Element id", h("code", null, x.id));
    field(dl, "Element index", h("code", null, String(x.index)));
    body.append(dl);
  }, null);
}
