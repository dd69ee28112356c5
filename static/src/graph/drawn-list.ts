// DrawnList is the text equivalent of a drawing on a canvas (the network
// graph, the bubble charts, the discovery tree): a collapsible list of what
// is drawn, each entry a button that does what a click on the drawing does,
// so the keyboard and screen readers reach everything (WCAG 1.1.1, 2.1.1).
// It is filled only while open, so a 100,000-node graph costs nothing until
// someone asks for the list. Scan values go in as text only.

import { h, setText } from "../ui/dom";
import { comma } from "../ui/format";

export interface DrawnItem {
  text: string; // the value (cut for the list)
  note?: string; // its type, count …
  level?: number; // depth in a tree (1 = top)
  act?: (e: MouseEvent) => void; // what a click on the drawing does
}

// MAX_ITEMS caps the list; the rest are counted.
export const MAX_ITEMS = 500;

// MAX_TEXT caps an entry's text (the detail shows the whole value).
const MAX_TEXT = 200;

export class DrawnList {
  readonly el: HTMLDetailsElement;
  private readonly list: HTMLOListElement;
  private readonly status: HTMLElement;

  // after: the element the list follows; provide: what is drawn now, in
  // order (at most MAX_ITEMS), and how many things are drawn in all.
  constructor(
    after: Element,
    id: string,
    title: string,
    private readonly provide: () => { items: DrawnItem[]; total: number },
  ) {
    document.getElementById(id)?.remove();
    const summary = h("summary", null, title);
    this.status = h("p", { class: "hint drawn-status" });
    this.list = h("ol", { "aria-label": title });
    this.el = h("details", { class: "drawn-list", id }, summary, this.status, this.list);
    after.after(this.el);
    this.el.addEventListener("toggle", () => {
      if (this.el.open) this.fill();
    });
  }

  // refresh fills the list again when it is open (the drawing changed).
  refresh(): void {
    if (this.el.open) this.fill();
  }

  private fill(): void {
    const { items, total } = this.provide();
    const frag = document.createDocumentFragment();
    for (const it of items.slice(0, MAX_ITEMS)) {
      const text = it.text.length > MAX_TEXT ? it.text.slice(0, MAX_TEXT) + "…" : it.text;
      const li = h("li");
      if (it.level) li.setAttribute("data-level", String(it.level));
      if (it.level && it.level > 1) li.classList.add("drawn-l" + Math.min(it.level, 8));
      if (it.act) {
        const b = h("button", { type: "button", class: "drawn-item" }, text);
        const act = it.act;
        b.addEventListener("click", (e) => act(e));
        li.append(b);
      } else li.append(h("span", { class: "drawn-item" }, text));
      if (it.note) li.append(" ", h("span", { class: "drawn-note" }, it.note));
      frag.append(li);
    }
    this.list.replaceChildren(frag);
    const shown = Math.min(items.length, MAX_ITEMS);
    setText(this.status, shown < total ? `The first ${comma(shown)} of ${comma(total)}, largest first. The search box finds the others.` : `${comma(total)} in all.`);
  }
}
