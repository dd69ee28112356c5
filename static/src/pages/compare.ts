// Compare (compare.html, body data-page="compare"): two scans side by side,
// usually two runs of the same target: which values appeared, which
// disappeared and which stayed, by element type. A value is an element
// type and a data value: two elements of the same type with the same value
// are one value (as in the unique view), whatever their sources.
//
// The comparison is made in the browser from the two scans' data files
// (data/scans.js lists every scan and its data folder; data/scan-data.ts loads
// them as classic scripts), so any two scans of the site can be compared
// from file://, a static server or a bucket, and nothing is computed at
// build time for pairs nobody looks at. State lives in the URL hash:
// #a=<before>&b=<after>&type=<code>&show=appeared|disappeared|stayed.

import { byId, clear, h, setText } from "../ui/dom";
import { comma, oneLine, plural } from "../ui/format";
import { initialScans } from "../data/registry";
import { Cancelled, loadScans, TooBig, type ScanData, type ScanInfo } from "../data/scan-data";
import { exactQuery } from "../search/query";
import { initSortable } from "../table/sortable";
import type { ScanEntry } from "../data/types";

type Show = "appeared" | "disappeared" | "stayed";
const SHOWS: Show[] = ["appeared", "disappeared", "stayed"];
const MAX_LISTED = 1000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

// listedScans are the scans of data/scans.js whose data folder is this site's.
function listedScans(): ScanEntry[] {
  return (initialScans()?.scans ?? []).filter((s) => ID.test(String(s.id)) && s.data === "scans/" + s.id + "/data/");
}

// TypeDiff is one element type compared.
interface TypeDiff {
  code: string;
  descr: string;
  slugA: string; // "" when the type is not in the scan
  slugB: string;
  before: number; // distinct values
  after: number;
  appeared: string[];
  disappeared: string[];
  stayed: string[];
}

// values groups a scan's distinct values by type code.
function values(sd: ScanData): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const codes = sd.manifest.types.map((t) => String(t.code));
  for (let i = 1; i < sd.n; i++) {
    if (!sd.present[i]) continue;
    const code = codes[sd.type[i]];
    if (code === undefined) continue;
    let s = out.get(code);
    if (!s) out.set(code, (s = new Set()));
    s.add(sd.data[i]);
  }
  return out;
}

// diff compares scan a (before) with scan b (after).
export function diff(a: ScanData, b: ScanData): TypeDiff[] {
  const va = values(a);
  const vb = values(b);
  const meta = new Map<string, { descr: string; slugA: string; slugB: string }>();
  for (const t of a.manifest.types) meta.set(String(t.code), { descr: String(t.descr), slugA: String(t.slug), slugB: "" });
  for (const t of b.manifest.types) {
    const m = meta.get(String(t.code));
    if (m) m.slugB = String(t.slug);
    else meta.set(String(t.code), { descr: String(t.descr), slugA: "", slugB: String(t.slug) });
  }
  const out: TypeDiff[] = [];
  for (const [code, m] of meta) {
    const sa = va.get(code) ?? new Set<string>();
    const sb = vb.get(code) ?? new Set<string>();
    const d: TypeDiff = { code, descr: m.descr || code, slugA: m.slugA, slugB: m.slugB, before: sa.size, after: sb.size, appeared: [], disappeared: [], stayed: [] };
    for (const v of sb) (sa.has(v) ? d.stayed : d.appeared).push(v);
    for (const v of sa) if (!sb.has(v)) d.disappeared.push(v);
    for (const l of [d.appeared, d.disappeared, d.stayed]) l.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    if (d.before || d.after) out.push(d);
  }
  out.sort((x, y) => y.appeared.length + y.disappeared.length - (x.appeared.length + x.disappeared.length) || (x.code < y.code ? -1 : 1));
  return out;
}

function info(e: ScanEntry): ScanInfo {
  return {
    id: e.id, name: String(e.name), target: String(e.target), status: String(e.status), kind: "", created: "", started: "", ended: "",
    count: Number(e.count) || 0, investigations: [], data: e.data,
  };
}

function hashState(): { a: string; b: string; type: string; show: Show | "" } {
  const p = new URLSearchParams(location.hash.replace(/^#/, ""));
  const show = p.get("show") ?? "";
  return { a: p.get("a") ?? "", b: p.get("b") ?? "", type: p.get("type") ?? "", show: (SHOWS as string[]).includes(show) ? (show as Show) : "" };
}

function setHash(st: { a: string; b: string; type: string; show: string }): void {
  const p = new URLSearchParams();
  if (st.a) p.set("a", st.a);
  if (st.b) p.set("b", st.b);
  if (st.type) p.set("type", st.type);
  if (st.show) p.set("show", st.show);
  history.replaceState(null, "", "#" + p.toString());
}

// defaultPair is the latest two runs of a target (scans.js lists the
// newest first), or nothing.
function defaultPair(scans: ScanEntry[]): [string, string] | null {
  const seen = new Map<string, string>();
  for (const s of scans) {
    const t = String(s.target);
    const newer = seen.get(t);
    if (newer !== undefined) return [s.id, newer];
    seen.set(t, s.id);
  }
  return null;
}

function fill(sel: HTMLSelectElement, chosen: string, scans: ScanEntry[]): void {
  clear(sel);
  sel.append(h("option", { value: "" }, "— pick a scan —"));
  const byTarget = new Map<string, ScanEntry[]>();
  for (const s of scans) {
    const t = String(s.target);
    if (!byTarget.has(t)) byTarget.set(t, []);
    byTarget.get(t)!.push(s);
  }
  for (const [t, list] of byTarget) {
    const g = h("optgroup");
    g.label = oneLine(t, 80);
    for (const s of list) {
      const o = h("option", { value: s.id }, `${oneLine(String(s.name), 80)} · ${s.status} · ${plural(Number(s.count) || 0, "element", "elements")}`);
      if (s.id === chosen) o.selected = true;
      g.append(o);
    }
    sel.append(g);
  }
  sel.value = scans.some((s) => s.id === chosen) ? chosen : "";
}

function typeLink(id: string, slug: string, value: string, label: string): HTMLAnchorElement | null {
  if (!ID.test(id) || !SLUG.test(slug)) return null;
  const a = h("a", { class: "cmp-open" }, label);
  a.href = "scans/" + id + "/types/" + slug + ".html" + exactQuery(value);
  return a;
}

export async function initCompare(): Promise<void> {
  const selA = byId<HTMLSelectElement>("compare-a");
  const selB = byId<HTMLSelectElement>("compare-b");
  const swap = byId<HTMLButtonElement>("compare-swap");
  const hint = byId("compare-hint");
  const status = byId("compare-status");
  const summary = byId("compare-summary");
  const result = byId("compare-result");
  if (!selA || !selB || !swap || !hint || !status || !summary || !result) return;
  const page = new ComparePage({ selA, selB, hint, status, summary, result });
  page.listen(swap);
  await page.run();
}

interface CompareElements {
  selA: HTMLSelectElement;
  selB: HTMLSelectElement;
  hint: HTMLElement;
  status: HTMLElement;
  summary: HTMLElement;
  result: HTMLElement;
}

type State = { a: string; b: string; type: string; show: Show | "" };

// ComparePage is the page's state (the URL hash's, the pair loaded and its
// diffs); its steps are its methods: run (load and compare the pair chosen),
// render (summary and type table) and renderValues (one type's values).
class ComparePage {
  private st: State;
  private seq = 0;
  private diffs: TypeDiff[] = [];
  private pair: [ScanEntry, ScanEntry] | null = null;
  private readonly scans = listedScans();

  constructor(private readonly el: CompareElements) {
    let st = hashState();
    if (!st.a && !st.b) {
      const d = defaultPair(this.scans);
      if (d) st = { ...st, a: d[0], b: d[1] };
    }
    this.st = st;
    fill(el.selA, st.a, this.scans);
    fill(el.selB, st.b, this.scans);
  }

  private say(t: string): void {
    setText(this.el.status, t);
    this.el.status.hidden = t === "";
  }

  // listen follows the pickers, the swap button and the hash.
  listen(swap: HTMLButtonElement): void {
    const { selA, selB } = this.el;
    const picked = () => {
      this.st.type = "";
      this.st.show = "";
      void this.run();
    };
    selA.addEventListener("change", picked);
    selB.addEventListener("change", picked);
    swap.addEventListener("click", () => {
      const a = selA.value;
      selA.value = selB.value;
      selB.value = a;
      const st = this.st;
      st.show = st.show === "appeared" ? "disappeared" : st.show === "disappeared" ? "appeared" : st.show;
      void this.run();
    });
    window.addEventListener("hashchange", () => {
      const n = hashState();
      if (n.a !== this.st.a || n.b !== this.st.b) {
        this.st = n;
        fill(selA, n.a, this.scans);
        fill(selB, n.b, this.scans);
        void this.run();
      } else if (n.type !== this.st.type || n.show !== this.st.show) {
        this.st = n;
        this.render();
      }
    });
  }

  // run loads the two scans picked and compares them; a newer run makes an
  // older one stop.
  async run(): Promise<void> {
    const { selA, selB, hint, summary, result } = this.el;
    const st = this.st;
    const my = ++this.seq;
    st.a = selA.value;
    st.b = selB.value;
    setHash(st);
    clear(result);
    summary.hidden = true;
    this.diffs = [];
    this.pair = null;
    const scans = this.scans;
    const ea = scans.find((s) => s.id === st.a);
    const eb = scans.find((s) => s.id === st.b);
    setText(hint, "");
    if (!scans.length) {
      this.say("This report has no scans.");
      return;
    }
    if (!ea || !eb) {
      this.say("");
      setText(hint, "Pick the scan before and the scan after. Two runs of the same target compare best.");
      return;
    }
    if (ea.id === eb.id) {
      this.say("");
      setText(hint, "Pick two different scans.");
      return;
    }
    if (ea.target !== eb.target) setText(hint, "These scans have different targets: expect most values to differ.");
    result.setAttribute("aria-busy", "true");
    try {
      const [a, b] = await loadScans(
        [info(ea), info(eb)],
        (p) => {
          if (my === this.seq) this.say(`Loading ${p.info.name}: ${comma(p.elements)} of ${comma(p.totalElements)} elements…`);
        },
        () => my !== this.seq,
      );
      if (my !== this.seq) return;
      this.diffs = diff(a, b);
      this.pair = [ea, eb];
      this.say("");
      this.render();
    } catch (e) {
      if (e instanceof Cancelled || my !== this.seq) return;
      if (e instanceof TooBig) this.say(`These two scans hold ${comma(e.total)} elements together; the browser compares at most ${comma(e.limit)}.`);
      else this.say((e as Error).message);
    } finally {
      if (my === this.seq) result.removeAttribute("aria-busy");
    }
  }

  // render shows the summary, the table of types and the values of the
  // type and kind chosen (by default, the type that changed most).
  private render(): void {
    if (!this.pair) return;
    const [ea, eb] = this.pair;
    const st = this.st;
    this.renderSummary();
    const scanLink = (e: ScanEntry) => {
      const a = h("a", null, oneLine(String(e.name), 80));
      a.href = "scans/" + e.id + "/index.html";
      return a;
    };
    const head = h("p", { class: "lead cmp-pair" }, "Before: ", scanLink(ea), " · after: ", scanLink(eb), ` · values are compared by element type and data`);
    const table = this.typeTable();
    const wrap = h("div", { class: "table-wrap" }, table);
    const values = h("section", { class: "card cmp-values", id: "compare-values", "aria-live": "polite" });
    this.el.result.replaceChildren(head, wrap, values);
    initSortable(wrap);
    table.addEventListener("click", (e) => {
      const b = (e.target as Element | null)?.closest?.("button[data-show]");
      if (!(b instanceof HTMLButtonElement)) return;
      st.type = b.getAttribute("data-type") ?? "";
      st.show = (b.getAttribute("data-show") ?? "") as Show;
      setHash(st);
      for (const x of Array.from(table.querySelectorAll("button[aria-pressed]"))) x.removeAttribute("aria-pressed");
      b.setAttribute("aria-pressed", "true");
      this.renderValues(values);
    });
    // By default, the type that changed most.
    if (!this.diffs.some((d) => d.code === st.type) || !st.show) {
      const top = this.diffs[0];
      if (top) {
        st.type = top.code;
        st.show = top.appeared.length ? "appeared" : top.disappeared.length ? "disappeared" : "stayed";
        setHash(st);
      }
    }
    this.renderValues(values);
  }

  private renderSummary(): void {
    const stat = (n: number, label: string, cls: string) => h("div", { class: "stat " + cls }, h("span", { class: "value" }, comma(n)), h("span", { class: "label" }, label));
    let ap = 0;
    let dis = 0;
    let stay = 0;
    for (const d of this.diffs) {
      ap += d.appeared.length;
      dis += d.disappeared.length;
      stay += d.stayed.length;
    }
    const summary = this.el.summary;
    summary.replaceChildren(
      stat(ap, "appeared", "cmp-appeared" + (ap ? "" : " zero")),
      stat(dis, "disappeared", "cmp-disappeared" + (dis ? "" : " zero")),
      stat(stay, "stayed", "cmp-stayed"),
      stat(this.diffs.length, "types", ""),
    );
    summary.hidden = false;
  }

  // typeTable is one row per type: counts before and after, and buttons
  // that list the values that appeared, disappeared or stayed.
  private typeTable(): HTMLTableElement {
    const st = this.st;
    const table = h("table", { class: "sortable cmp-table", id: "compare-types" });
    const th = (label: string, sort: string, cls = "") => h("th", { "data-sort": sort, class: cls }, label);
    table.append(h("thead", null, h("tr", null, th("Type", "text"), th("Code", "text"), th("Before", "num", "num"), th("After", "num", "num"), th("Appeared", "num", "num"), th("Disappeared", "num", "num"), th("Stayed", "num", "num"))));
    const tbody = h("tbody");
    for (const d of this.diffs) {
      const cell = (show: Show, n: number) => {
        const td = h("td", { class: "num cmp-" + show, "data-value": n });
        if (n > 0) {
          const b = h("button", { type: "button", class: "linklike", "data-type": d.code, "data-show": show, title: `List the values that ${show}` }, (show === "appeared" ? "+" : show === "disappeared" ? "−" : "") + comma(n));
          if (st.type === d.code && st.show === show) b.setAttribute("aria-pressed", "true");
          td.append(b);
        } else td.append("0");
        return td;
      };
      tbody.append(
        h(
          "tr",
          { "data-type": d.code },
          h("td", null, d.descr),
          h("td", null, h("code", null, d.code)),
          h("td", { class: "num", "data-value": d.before }, comma(d.before)),
          h("td", { class: "num", "data-value": d.after }, comma(d.after)),
          cell("appeared", d.appeared.length),
          cell("disappeared", d.disappeared.length),
          cell("stayed", d.stayed.length),
        ),
      );
    }
    table.append(tbody);
    return table;
  }

  // renderValues lists the values of the type and kind chosen, with links
  // to them in each scan's element table.
  private renderValues(box: HTMLElement): void {
    clear(box);
    const st = this.st;
    const d = this.diffs.find((x) => x.code === st.type);
    if (!d || !this.pair || !st.show) return;
    const [ea, eb] = this.pair;
    const list = d[st.show];
    const where = st.show === "appeared" ? "new in the scan after" : st.show === "disappeared" ? "in the scan before, gone after" : "in both scans";
    box.append(h("div", { class: "card-head" }, h("h2", { id: "compare-values-title" }, `${d.descr}: ${plural(list.length, "value", "values")} ${where}`)));
    const ul = h("ul", { class: "cmp-list", id: "compare-list", "aria-labelledby": "compare-values-title" });
    for (const v of list.slice(0, MAX_LISTED)) {
      const links: Array<HTMLAnchorElement | string> = [];
      if (st.show !== "appeared") {
        const l = typeLink(ea.id, d.slugA, v, "before");
        if (l) links.push(l);
      }
      if (st.show !== "disappeared") {
        const l = typeLink(eb.id, d.slugB, v, "after");
        if (l) links.push(l);
      }
      ul.append(h("li", { class: "cmp-" + st.show }, h("span", { class: "cmp-value" }, oneLine(v, 1000)), h("span", { class: "cmp-links" }, ...links)));
    }
    if (list.length > MAX_LISTED) ul.append(h("li", { class: "more" }, `and ${comma(list.length - MAX_LISTED)} more`));
    if (!list.length) ul.append(h("li", { class: "empty" }, "None."));
    box.append(ul);
  }
}
