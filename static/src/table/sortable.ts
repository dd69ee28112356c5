// Progressive enhancement of server-rendered tables: in a table.sortable,
// clicking a th[data-sort] header sorts the rows of its tbody. "text"
// compares the cell text (natural order, case-insensitive); "num" compares
// the cell's data-value. Sorting is stable; aria-sort shows the order. The
// first click sorts text ascending and numbers descending (largest first).

import { h } from "../ui/dom";

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function initSortable(root: ParentNode = document): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>("table.sortable"))) enhance(table);
}

const enhanced = new WeakSet<HTMLTableElement>();

function enhance(table: HTMLTableElement): void {
  if (enhanced.has(table)) return;
  enhanced.add(table);
  const head = table.tHead;
  const body = table.tBodies[0];
  if (!head || !body) return;
  for (const th of Array.from(head.querySelectorAll<HTMLTableCellElement>("th[data-sort]"))) {
    const kind = th.getAttribute("data-sort") === "num" ? "num" : "text";
    // Move the header's content into a button, so it is keyboard operable.
    const b = h("button", { type: "button", class: "th-sort" });
    while (th.firstChild) b.appendChild(th.firstChild);
    b.appendChild(h("span", { class: "sort-ind", "aria-hidden": "true" }));
    th.appendChild(b);
    // The whole header cell sorts (the button makes it keyboard operable).
    th.addEventListener("click", () => {
      const cur = th.getAttribute("aria-sort");
      const dir = cur ? (cur === "ascending" ? "descending" : "ascending") : kind === "num" ? "descending" : "ascending";
      for (const o of Array.from(head.querySelectorAll("th[aria-sort]"))) o.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", dir);
      sortBody(body, th.cellIndex, kind, dir === "ascending" ? 1 : -1);
    });
  }
}

// sortState is a sortable table's sort: the column index and direction, or
// null when it is in its original order.
export function sortState(table: HTMLTableElement): { col: number; dir: "ascending" | "descending" } | null {
  const th = table.tHead?.querySelector<HTMLTableCellElement>("th[data-sort][aria-sort]");
  if (!th) return null;
  return { col: th.cellIndex, dir: th.getAttribute("aria-sort") === "descending" ? "descending" : "ascending" };
}

// setSortState sorts a sortable table by column col in dir (a sort kept
// across a reload, or rows replaced by a live update sorted again).
export function setSortState(table: HTMLTableElement, col: number, dir: "ascending" | "descending"): void {
  const head = table.tHead;
  const body = table.tBodies[0];
  const th = head?.rows[0]?.cells[col];
  if (!head || !body || !th || !th.hasAttribute("data-sort")) return;
  for (const o of Array.from(head.querySelectorAll("th[aria-sort]"))) if (o !== th) o.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", dir);
  sortBody(body, col, th.getAttribute("data-sort") === "num" ? "num" : "text", dir === "ascending" ? 1 : -1);
}

function sortBody(body: HTMLTableSectionElement, col: number, kind: "num" | "text", sign: number): void {
  const rows = Array.from(body.rows);
  const keyed = rows.map((r, i) => {
    const cell = r.cells[col];
    let key: number | string;
    if (kind === "num") {
      const v = cell ? parseFloat(cell.getAttribute("data-value") ?? "") : NaN;
      key = isNaN(v) ? -Infinity : v;
    } else {
      key = cell ? (cell.textContent ?? "").trim() : "";
    }
    return { r, i, key };
  });
  keyed.sort((a, b) => {
    let c: number;
    if (kind === "num") c = (a.key as number) < (b.key as number) ? -1 : (a.key as number) > (b.key as number) ? 1 : 0;
    else {
      // Empty cells ("—" too) go last whichever the direction.
      const ea = a.key === "" || a.key === "—";
      const eb = b.key === "" || b.key === "—";
      if (ea !== eb) return ea ? 1 : -1;
      c = collator.compare(a.key as string, b.key as string);
    }
    return c * sign || a.i - b.i;
  });
  const frag = document.createDocumentFragment();
  for (const k of keyed) frag.appendChild(k.r);
  body.appendChild(frag);
}
