// A virtual-scrolling grid: fixed row height, only the visible rows (plus
// an overscan) exist in the DOM, and their nodes are recycled as the view
// scrolls. It shows `count` items of an Int32Array the caller owns (the
// current order), or those a function gives by position; each column renders an item into a cell. Row positions are
// set through element.style.transform (CSSOM, allowed by the CSP).
//
// Very tall tables are scaled: browsers cap an element's height (about 17.9
// million px in Firefox), so past MAX_PX the scrollbar maps onto the rows
// proportionally instead of one pixel per pixel.
//
// Keyboard: rows are focusable with a roving tabindex; arrows, Page Up/Down,
// Home/End move, Enter activates, Space toggles. ARIA grid roles throughout.

import { h, setText } from "../ui/dom";

export type SortDir = "ascending" | "descending";

export interface Column {
  key: string;
  label: string;
  cls?: string; // class on the header and on every cell of the column
  sortable?: boolean;
  title?: string; // header tooltip
  head?(cell: HTMLElement): void; // custom header content (replaces the label)
  init?(cell: HTMLElement): void; // builds a cell's inner nodes once per slot
  render(cell: HTMLElement, item: number): void;
}

export interface VTableOptions {
  container: HTMLElement;
  className: string;
  label: string;
  columns: Column[];
  rowHeight: number;
  overscan?: number;
  multiselect?: boolean;
  empty?: string;
  rowClass?(item: number): string;
  rowSelected?(item: number): boolean;
  onSort?(key: string): void;
  onRowClick?(item: number, pos: number, ev: MouseEvent): void;
  onActivate?(item: number, pos: number, ev: Event): void;
  onToggle?(item: number, pos: number, ev: KeyboardEvent): void;
}

interface Slot {
  el: HTMLElement;
  cells: HTMLElement[];
  item: number;
  pos: number;
  ver: number;
  top: number;
  cls: string;
}

const MAX_PX = 15_000_000;

export class VTable {
  readonly root: HTMLElement;
  private readonly head: HTMLElement;
  private readonly body: HTMLElement;
  private readonly emptyEl: HTMLElement;
  private readonly heads = new Map<string, HTMLElement>();
  private readonly o: VTableOptions;
  private readonly rowH: number;
  private readonly overscan: number;
  private itemAt: (pos: number) => number = () => 0;
  private count = 0;
  private slots: Slot[] = [];
  private ver = 0;
  private active = -1;
  private ratio = 1;
  private frame = 0;

  constructor(o: VTableOptions) {
    this.o = o;
    this.rowH = o.rowHeight;
    this.overscan = o.overscan ?? 8;
    this.root = h("div", {
      class: "vt-grid " + o.className,
      role: "grid",
      "aria-label": o.label,
      "aria-rowcount": 1,
      "aria-colcount": o.columns.length,
      "aria-multiselectable": o.multiselect ? "true" : undefined,
      tabindex: -1,
    });
    this.root.style.setProperty("--vt-row", this.rowH + "px");
    const headRow = h("div", { class: "vt-row vt-headrow", role: "row", "aria-rowindex": 1 });
    for (const c of o.columns) {
      const cell = h("div", { class: "vt-cell vt-th" + (c.cls ? " " + c.cls : ""), role: "columnheader", title: c.title });
      if (c.head) c.head(cell);
      else if (c.sortable) {
        const b = h("button", { type: "button", class: "vt-sort" }, c.label, h("span", { class: "sort-ind", "aria-hidden": "true" }));
        b.addEventListener("click", () => this.o.onSort?.(c.key));
        cell.appendChild(b);
      } else cell.textContent = c.label;
      this.heads.set(c.key, cell);
      headRow.appendChild(cell);
    }
    this.head = h("div", { class: "vt-head", role: "rowgroup" }, headRow);
    this.body = h("div", { class: "vt-body", role: "rowgroup" });
    this.emptyEl = h("div", { class: "vt-empty empty", hidden: true }, o.empty ?? "No rows.");
    this.root.append(this.head, this.body, this.emptyEl);
    o.container.appendChild(this.root);

    this.root.addEventListener("scroll", () => this.render(), { passive: true });
    this.root.addEventListener("click", (e) => this.click(e));
    this.root.addEventListener("keydown", (e) => this.key(e));
    this.root.addEventListener("focusin", (e) => {
      const s = this.slotOf(e.target);
      if (s && s.pos >= 0) this.active = s.pos;
    });
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => this.schedule()).observe(this.root);
    else window.addEventListener("resize", () => this.schedule());
  }

  // setItems shows the first count items of items (which the table keeps
  // and reads from; call refresh() after changing it in place), or those
  // items(pos) gives.
  setItems(items: Int32Array | ((pos: number) => number), count: number, resetScroll = false): void {
    this.itemAt = typeof items === "function" ? items : (pos) => items[pos];
    this.count = count;
    this.ver++;
    if (this.active >= count) this.active = count - 1;
    if (resetScroll) {
      this.root.scrollTop = 0;
      this.active = count > 0 ? 0 : -1;
    }
    this.root.setAttribute("aria-rowcount", String(count + 1));
    this.emptyEl.hidden = count > 0;
    this.render();
  }

  // refresh re-renders the visible rows (their data changed, not the order).
  refresh(): void {
    this.ver++;
    this.render();
  }

  setEmptyText(t: string): void {
    setText(this.emptyEl, t);
  }

  // setEmpty puts nodes (built by the caller with the DOM) where no rows are.
  setEmpty(...nodes: Array<Node | string>): void {
    this.emptyEl.replaceChildren(...nodes);
  }

  // setSort marks the column sorted (or none with key null).
  setSort(key: string | null, dir: SortDir): void {
    for (const [k, cell] of this.heads) {
      const c = this.o.columns.find((x) => x.key === k);
      if (!c?.sortable) continue;
      if (k === key) cell.setAttribute("aria-sort", dir);
      else cell.removeAttribute("aria-sort");
    }
  }

  headCell(key: string): HTMLElement | undefined {
    return this.heads.get(key);
  }

  get length(): number {
    return this.count;
  }

  // focusPos moves the active row to pos, scrolls it into view and focuses it.
  focusPos(pos: number): void {
    if (this.count === 0) return;
    pos = Math.max(0, Math.min(this.count - 1, pos));
    this.active = pos;
    this.scrollIntoView(pos);
    this.render();
    const s = this.slotAt(pos);
    s?.el.focus({ preventScroll: true });
  }

  // focusActive focuses the active row if it is on screen, else the grid.
  focusActive(): void {
    const s = this.active >= 0 ? this.slotAt(this.active) : undefined;
    if (s) s.el.focus({ preventScroll: true });
    else this.root.focus({ preventScroll: true });
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private viewH(): number {
    return Math.max(0, this.root.clientHeight - this.head.offsetHeight);
  }

  private scrollIntoView(pos: number): void {
    const vh = this.viewH();
    const vTop = this.root.scrollTop * this.ratio;
    const top = pos * this.rowH;
    let want = vTop;
    if (top < vTop) want = top;
    else if (top + this.rowH > vTop + vh) want = top + this.rowH - vh;
    if (want !== vTop) this.root.scrollTop = want / this.ratio;
  }

  private ensureSlots(n: number): void {
    while (this.slots.length < n) {
      const el = h("div", { class: "vt-row", role: "row", tabindex: -1, hidden: true, "data-slot": this.slots.length });
      const cells: HTMLElement[] = [];
      for (const c of this.o.columns) {
        const cell = h("div", { class: "vt-cell" + (c.cls ? " " + c.cls : ""), role: "gridcell" });
        c.init?.(cell);
        cells.push(cell);
        el.appendChild(cell);
      }
      this.body.appendChild(el);
      this.slots.push({ el, cells, item: -1, pos: -1, ver: -1, top: NaN, cls: "" });
    }
  }

  private render(): void {
    const rowH = this.rowH;
    const vh = this.viewH();
    const contentH = this.count * rowH;
    const bodyH = Math.min(contentH, MAX_PX);
    this.body.style.height = bodyH + "px";
    this.ratio = bodyH > vh && contentH > bodyH ? (contentH - vh) / (bodyH - vh) : 1;
    const st = Math.min(this.root.scrollTop, Math.max(0, bodyH - vh));
    const vTop = st * this.ratio;
    const first = Math.max(0, Math.floor(vTop / rowH) - this.overscan);
    const last = Math.min(this.count, Math.ceil((vTop + vh) / rowH) + this.overscan);
    const need = Math.ceil(vh / rowH) + 2 * this.overscan + 2;
    this.ensureSlots(Math.min(need, Math.max(this.count, 1)));
    const n = this.slots.length;

    const focused = document.activeElement;
    let focusLost = false;
    const used = new Uint8Array(n);
    for (let pos = first; pos < last && pos - first < n; pos++) {
      const s = this.slots[pos % n];
      used[pos % n] = 1;
      const item = this.itemAt(pos);
      if (s.item !== item || s.ver !== this.ver || s.pos !== pos) {
        if (focused === s.el && s.pos !== pos) focusLost = true;
        for (let c = 0; c < this.o.columns.length; c++) this.o.columns[c].render(s.cells[c], item);
        const cls = this.o.rowClass ? this.o.rowClass(item) : "";
        if (cls !== s.cls) {
          s.el.className = "vt-row" + (cls ? " " + cls : "");
          s.cls = cls;
        }
        if (this.o.rowSelected) s.el.setAttribute("aria-selected", this.o.rowSelected(item) ? "true" : "false");
        s.el.setAttribute("aria-rowindex", String(pos + 2));
        s.item = item;
        s.pos = pos;
        s.ver = this.ver;
      }
      const top = this.ratio === 1 ? pos * rowH : st + (pos * rowH - vTop);
      if (top !== s.top) {
        s.el.style.transform = "translateY(" + top + "px)";
        s.top = top;
      }
      if (s.el.hidden) s.el.hidden = false;
    }
    for (let k = 0; k < n; k++) {
      const s = this.slots[k];
      if (used[k]) continue;
      if (focused === s.el) focusLost = true;
      if (!s.el.hidden) s.el.hidden = true;
      s.pos = -1;
      s.item = -1;
    }

    // Roving tab stop: the active row if on screen, else the first row in view.
    let stop = this.active >= 0 ? this.slotAt(this.active) : undefined;
    if (!stop) {
      const firstVisible = Math.min(this.count - 1, Math.ceil(vTop / rowH));
      stop = firstVisible >= 0 ? this.slotAt(firstVisible) : undefined;
    }
    for (const s of this.slots) {
      const t = s === stop ? "0" : "-1";
      if (s.el.getAttribute("tabindex") !== t) s.el.setAttribute("tabindex", t);
    }
    this.root.setAttribute("tabindex", stop ? "-1" : "0");
    if (focusLost) {
      const a = this.active >= 0 ? this.slotAt(this.active) : undefined;
      (a ? a.el : this.root).focus({ preventScroll: true });
    }
  }

  private slotAt(pos: number): Slot | undefined {
    if (pos < 0 || this.slots.length === 0) return undefined;
    const s = this.slots[pos % this.slots.length];
    return s.pos === pos && !s.el.hidden ? s : undefined;
  }

  private slotOf(t: EventTarget | null): Slot | undefined {
    if (!(t instanceof Element)) return undefined;
    const row = t.closest<HTMLElement>(".vt-row[data-slot]");
    if (!row || !this.body.contains(row)) return undefined;
    const s = this.slots[Number(row.getAttribute("data-slot"))];
    return s && s.pos >= 0 ? s : undefined;
  }

  private click(e: MouseEvent): void {
    const s = this.slotOf(e.target);
    if (!s) return;
    this.active = s.pos;
    this.o.onRowClick?.(s.item, s.pos, e);
    // A click anywhere in the row opens it, except on its controls, or when
    // the click ended a text selection (the user is copying a value).
    const onControl = e.target instanceof Element && e.target.closest("input, button, a, label, select") !== null;
    const selecting = (window.getSelection()?.toString() ?? "") !== "";
    if (!onControl && !selecting) this.o.onActivate?.(s.item, s.pos, e);
  }

  private key(e: KeyboardEvent): void {
    const s = this.slotOf(e.target);
    const onGrid = e.target === this.root;
    if (!s && !onGrid) return;
    if (e.target instanceof HTMLInputElement && e.key === " ") return; // the checkbox handles it
    const pos = s ? s.pos : this.active;
    const page = Math.max(1, Math.floor(this.viewH() / this.rowH) - 1);
    let to = -1;
    switch (e.key) {
      case "ArrowDown":
        to = pos + 1;
        break;
      case "ArrowUp":
        to = Math.max(0, pos - 1);
        break;
      case "PageDown":
        to = pos + page;
        break;
      case "PageUp":
        to = Math.max(0, pos - page);
        break;
      case "Home":
        to = 0;
        break;
      case "End":
        to = this.count - 1;
        break;
      case "Enter":
        if (s) {
          e.preventDefault();
          this.o.onActivate?.(s.item, s.pos, e);
        }
        return;
      case " ":
        if (s && this.o.onToggle) {
          e.preventDefault();
          this.o.onToggle(s.item, s.pos, e);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusPos(to);
  }
}
