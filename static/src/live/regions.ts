// The server-rendered regions of a page (data-live="…"), brought up to date
// in the preview server: the page is fetched again, parsed with DOMParser
// into an inert document, and each region whose markup changed is replaced
// by imported nodes, scrubbed of anything active first. No markup string
// ever reaches innerHTML; the regions come from our own templates
// (html/template escaped every scan value).

import { refreshScanList } from "../table/scan-selection";
import { initSortable, setSortState, sortState } from "../table/sortable";

// Regions holds the regions as the server last wrote them, by name.
export class Regions {
  private snaps = new Map<string, Element>();

  // reload is called (with why) when the page cannot be patched faithfully.
  constructor(private reload: (why: string) => void) {}

  // note records the regions as the server wrote them; call it before
  // anything changes the page.
  note(): void {
    for (const e of Array.from(document.querySelectorAll("[data-live]"))) this.snaps.set(e.getAttribute("data-live") ?? "", e.cloneNode(true) as Element);
  }

  // patch replaces the data-live regions of the page whose markup
  // differs in doc, by name. A region that doc has and the page has not (a
  // section that appears, such as a scan's correlations once it finished) is
  // inserted beside its neighbour; one the page has and doc has not goes.
  // When that cannot be done faithfully the page reloads.
  patch(doc: Document): boolean {
    const name = (e: Element) => e.getAttribute("data-live") ?? "";
    const cur = new Map(Array.from(document.querySelectorAll<HTMLElement>("[data-live]"), (e) => [name(e), e] as const));
    const fresh = Array.from(doc.querySelectorAll<HTMLElement>("[data-live]"));
    const freshNames = fresh.map(name);
    const common = freshNames.filter((n) => cur.has(n));
    const curOrder = Array.from(cur.keys()).filter((n) => freshNames.includes(n));
    if (new Set(freshNames).size !== fresh.length || cur.size !== document.querySelectorAll("[data-live]").length || common.join("\n") !== curOrder.join("\n")) {
      this.reload(`regions: ${Array.from(cur.keys()).join(" ")} → ${freshNames.join(" ")}`.slice(0, 500));
      return false;
    }
    let changed = false;
    for (const [n, e] of cur) {
      if (freshNames.includes(n)) continue;
      e.remove();
      cur.delete(n);
      this.snaps.delete(n);
      changed = true;
    }
    for (let i = 0; i < fresh.length; i++) {
      const n = freshNames[i];
      const f = fresh[i];
      const old = cur.get(n);
      if (old) {
        const snap = this.snaps.get(n);
        if (snap && snap.isEqualNode(f)) continue;
        this.snaps.set(n, f.cloneNode(true) as Element);
        cur.set(n, replaceRegion(old, f));
        changed = true;
        continue;
      }
      // A new region: next to a neighbour that has the same parent in doc.
      let placed: HTMLElement | null = null;
      for (let j = i + 1; j < fresh.length && !placed; j++) {
        const at = cur.get(freshNames[j]);
        if (at && fresh[j].parentElement === f.parentElement) placed = insertRegion(f, (node) => at.before(node));
      }
      for (let j = i - 1; j >= 0 && !placed; j--) {
        const at = cur.get(freshNames[j]);
        if (at && fresh[j].parentElement === f.parentElement) placed = insertRegion(f, (node) => at.after(node));
      }
      if (!placed) {
        this.reload(`region ${n} appeared with no neighbour`);
        return false;
      }
      cur.set(n, placed);
      this.snaps.set(n, f.cloneNode(true) as Element);
      changed = true;
    }
    return changed;
  }
}

function insertRegion(fresh: Element, put: (node: HTMLElement) => void): HTMLElement {
  const node = document.importNode(fresh, true) as HTMLElement;
  scrub(node);
  put(node);
  initSortable(node);
  return node;
}

// Elements and attributes no region of ours has, removed from imported
// nodes all the same.
const ACTIVE = "script, iframe, frame, object, embed, base, form, link, meta, style, template";

function scrub(root: Element): void {
  for (const e of Array.from(root.querySelectorAll(ACTIVE))) e.remove();
  for (const e of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const a of Array.from(e.attributes)) {
      const n = a.name.toLowerCase();
      const v = a.value.trim().toLowerCase();
      if (n.startsWith("on") || n === "style" || n === "srcdoc" || ((n === "href" || n === "src" || n === "xlink:href" || n === "action") && /^(?:javascript|data|vbscript):/.test(v))) {
        e.removeAttribute(a.name);
      }
    }
  }
}

function replaceRegion(old: HTMLElement, fresh: Element): HTMLElement {
  const node = document.importNode(fresh, true) as HTMLElement;
  scrub(node);
  // What the user set in the old region: checked scans, open details.
  const checked = new Set(
    Array.from(old.querySelectorAll<HTMLInputElement>("input.scan-select"))
      .filter((b) => b.checked)
      .map((b) => b.value),
  );
  const open = new Set(Array.from(old.querySelectorAll("details[open] > summary"), (s) => s.textContent ?? ""));
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && old.contains(active) ? active : null;
  old.replaceWith(node);
  const boxes = Array.from(node.querySelectorAll<HTMLInputElement>("input.scan-select"));
  for (const b of boxes) b.checked = checked.has(b.value);
  for (const d of Array.from(node.querySelectorAll("details"))) {
    const s = d.querySelector(":scope > summary");
    if (s && open.has(s.textContent ?? "")) d.setAttribute("open", "");
  }
  initSortable(node);
  const table = node.closest("table");
  if (table instanceof HTMLTableElement && table.classList.contains("sortable")) {
    const st = sortState(table);
    if (st) setSortState(table, st.col, st.dir);
  }
  if (boxes.length) refreshScanList();
  if (focused) {
    // Keep the keyboard where it was: on the same control in the new
    // region, else on the region.
    const same = Array.from(node.querySelectorAll<HTMLElement>(focused.tagName)).find(
      (e) =>
        e.getAttribute("href") === focused.getAttribute("href") &&
        (e as HTMLInputElement).value === (focused as HTMLInputElement).value &&
        e.textContent === focused.textContent,
    );
    if (same) same.focus({ preventScroll: true });
    else {
      if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
      node.focus({ preventScroll: true });
    }
  }
  return node;
}
