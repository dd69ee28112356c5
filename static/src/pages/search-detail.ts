// The detail panel of the loading search pages (pages/search-page.ts): one
// element in full, with links to its element table and (over all scans)
// its scan.

import { copyButton, field, type DetailPanel } from "../table/detail";
import type { ElementStore } from "../data/store";
import { FLAG_CUT, type TypeInfo } from "../data/types";
import { h } from "../ui/dom";
import { utc, utf8Length } from "../ui/format";
import { valueBlock } from "../ui/sfurl";

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

// The element a search result row shows, and where it comes from.
export interface SearchRow {
  scan: { id: string; name: string; pages: string }; // pages: the scan's page folder, relative to this page
  store: ElementStore;
  r: number; // its row in store
  type: TypeInfo | undefined;
  module: string;
}

// showSearchDetail shows a result row in the panel; all: the search over
// every scan (the scan is named and linked).
export function showSearchDetail(panel: DetailPanel, x: SearchRow, all: boolean): void {
  const { scan: sc, store: s, r, type: t } = x;
  const data = s.data[r];
  panel.show("Data element", (body) => {
    body.append(valueBlock("detail-data", data, 0));
    const actions = h("div", { class: "detail-actions" }, copyButton("Copy value", () => data));
    const slug = t ? String(t.slug) : "";
    if (SLUG.test(slug)) {
      actions.append(h("a", { class: "btn small detail-open", href: sc.pages + "types/" + slug + ".html" }, `Open the ${t ? String(t.descr) : ""} table`));
    }
    if (all) actions.append(h("a", { class: "btn small", href: sc.pages + "index.html" }, "Open the scan"));
    body.append(actions);
    if (s.flags[r] & FLAG_CUT) body.append(h("p", { class: "notice partial" }, "This value was longer than 64 KiB and is cut here. The full value is in the scan's downloads."));
    const dl = h("dl", { class: "detail-fields" });
    if (all) field(dl, "Scan", sc.name, " ", h("code", null, sc.id));
    if (t) field(dl, "Type", String(t.descr), " ", h("code", null, String(t.code)));
    const sd = s.sdata[r];
    field(dl, "Source data element", valueBlock("detail-source", sd));
    if (utf8Length(sd) > 1020) dl.lastElementChild?.append(h("p", { class: "hint" }, "Source values are shown up to 1 KiB here."));
    field(dl, "Source module", x.module);
    field(dl, "Identified", s.time[r] ? utc(s.time[r]) + " UTC" : "unknown");
    field(dl, "Risk", s.risky(r) ? h("span", { class: "badge risk-high" }, "risky") : "not risky", s.risk[r] > 0 ? ` · risk score ${s.risk[r]} of 100` : "");
    field(dl, "False positive", s.fp[r] ? h("span", { class: "tag fp" }, "yes: marked false positive") : "no");
    field(dl, "Element id", h("code", null, s.eid[r]));
    field(dl, "Element index", h("code", null, String(s.idx[r])));
    body.append(dl);
  }, null);
}
