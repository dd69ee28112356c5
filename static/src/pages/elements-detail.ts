// The element table's detail panel (pages/elements.ts): one element in
// full — value, type, source, module, time, risk, false-positive decision
// (who marked it or the source it was found through, and when), ids, its
// place in the discovery tree, and what its flags mean.

import { copyButton, field, type DetailPanel } from "../table/detail";
import { h, setText } from "../ui/dom";
import { comma, utc, utf8Length } from "../ui/format";
import type { ElementStore, Groups } from "../data/store";
import { FLAG_CUT, FLAG_CYCLE, FLAG_GUESSED, FLAG_ORPHAN, FLAG_RENAMED, type FPList, type Manifest, type TypeInfo } from "../data/types";
import { mountLineage, type Lineage } from "../table/lineage";
import { valueBlock } from "../ui/sfurl";

// FPMarks is who marked each element a false-positive decision names, and
// when (fp.js's d list), by element index.
export type FPMarks = Map<number, { by: string; ms: number }>;

// fpMarksOf reads the decisions of fp.js.
export function fpMarksOf(p: FPList): FPMarks {
  return new Map((Array.isArray(p.d) ? p.d : []).map((d) => [Number(d[0]), { by: String(d[1] ?? ""), ms: Number(d[2]) || 0 }]));
}

// What the panel shows an element of.
export interface DetailContext {
  store: ElementStore;
  type: TypeInfo;
  manifest: Manifest;
  lineage: Lineage;
  fpMarks: FPMarks;
}

// showElementDetail shows store row r in the panel; in the unique view,
// group is the row's value group (its occurrences), else -1.
export function showElementDetail(panel: DetailPanel, c: DetailContext, r: number, group: Groups | null, g = -1): void {
  const s = c.store;
  const f = s.flags[r];
  const data = s.data[r];
  panel.show(g >= 0 ? "Unique data element" : "Data element", (body) => {
    body.append(valueBlock("detail-data", data, 0));
    const actions = h("div", { class: "detail-actions" }, copyButton("Copy value", () => data),
      h("a", { class: "btn small detail-path", href: `../visualise.html#el=${s.idx[r]}`, title: "The chain of sources this element was found through, back to the target" }, "Discovery path"));
    body.append(actions);
    if (f & FLAG_CUT) {
      body.append(h("p", { class: "notice partial" }, "This value was longer than 64 KiB and is cut here. The full value is in the scan's elements.jsonl and in the downloads."));
    }
    const dl = h("dl", { class: "detail-fields" });
    field(dl, "Type", c.type.descr, " ", h("code", null, c.type.code));
    if (g >= 0 && group) field(dl, "Occurrences", comma(group.count[g]) + (group.countNF[g] !== group.count[g] ? ` (${comma(group.count[g] - group.countNF[g])} false positive)` : ""));
    const sd = s.sdata[r];
    const src = valueBlock("detail-source", sd);
    field(dl, g >= 0 ? "Source data element (first occurrence)" : "Source data element", src);
    if (utf8Length(sd) > 1020) dl.lastElementChild?.append(h("p", { class: "hint" }, "Source values are shown up to 1 KiB here."));
    field(dl, "Source module", String(c.manifest.modules[s.mod[r]] ?? ""));
    field(dl, "Identified", s.time[r] ? utc(s.time[r]) + " UTC" : "unknown");
    field(dl, "Risk", s.risky(r) ? h("span", { class: "badge risk-high" }, "risky") : "not risky", s.risk[r] > 0 ? ` · risk score ${s.risk[r]} of 100` : "");
    field(dl, "False positive", s.fp[r] ? fpWho(c, s.idx[r]) : "no");
    field(dl, "Element id", h("code", null, s.eid[r]));
    field(dl, "Element index", h("code", null, String(s.idx[r])));
    body.append(dl);
    if (g < 0) {
      const rel = h("div", { class: "detail-lineage" });
      body.append(rel);
      void mountLineage(rel, c.lineage, s.idx[r]);
    }
    const notes: string[] = [];
    if (f & FLAG_ORPHAN) notes.push("Orphan: its source element never appeared in the scan, so it is shown under the scan target (ROOT).");
    if (f & FLAG_CYCLE) notes.push("Cycle: its chain of source elements looped back on itself, so it is shown under the scan target (ROOT).");
    if (f & FLAG_RENAMED) notes.push("Renamed: the scanner used its id for an earlier element too, so it got a new id (the one above).");
    if (f & FLAG_CUT) notes.push("Cut: the value is longer than 64 KiB; the report shows its first 64 KiB.");
    if (f & FLAG_GUESSED) notes.push("Link guessed from value: the scan was imported from an export that names sources by value only, and another element (or none) could have been the source.");
    if (notes.length) {
      body.append(h("h3", null, "Flags"), h("ul", { class: "detail-flags" }, ...notes.map((n) => h("li", null, n))));
    }
  }, null);
}

// fpWho says who marked element i a false positive and when: its own
// decision, or the one on the source it was found through.
function fpWho(c: DetailContext, i: number): HTMLElement {
  const out = h("span", { class: "fp-who" }, h("span", { class: "tag fp" }, "yes"), " ");
  const said = (m: { by: string; ms: number }, through: string) =>
    `marked ${through}by ${m.by || "someone (review.jsonl does not say)"}${m.ms ? ` on ${utc(m.ms)} UTC` : ""}`;
  const own = c.fpMarks.get(i);
  if (own) {
    out.append(said(own, ""));
    return out;
  }
  const rest = h("span", null, "found from an element marked false positive");
  out.append(rest);
  void c.lineage.ancestors(i).then(
    (up) => {
      for (const a of up) {
        const m = c.fpMarks.get(a);
        if (m) {
          setText(rest, `found from an element ${said(m, "")} (element ${a})`);
          return;
        }
      }
    },
    () => undefined,
  );
  return out;
}
