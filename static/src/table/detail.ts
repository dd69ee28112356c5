// A side panel that shows one row in full (element detail, log line). It is
// a non-modal dialog: Escape or the close button closes it and gives focus
// back to where it came from. Content is built by the caller with h().

import { clear, h } from "../ui/dom";

export class DetailPanel {
  private back: HTMLElement | null = null;
  private readonly titleEl: HTMLElement;
  private readonly content: HTMLElement;
  onClose: (() => void) | null = null;

  constructor(readonly el: HTMLElement, title: string) {
    el.classList.add("detail-panel");
    el.setAttribute("role", "dialog");
    el.setAttribute("aria-modal", "false");
    el.setAttribute("tabindex", "-1");
    const titleId = (el.id || "detail") + "-title";
    el.setAttribute("aria-labelledby", titleId);
    clear(el);
    this.titleEl = h("h2", { id: titleId }, title);
    const close = h("button", { type: "button", class: "close", "aria-label": "Close details", title: "Close (Esc)" }, "×");
    close.addEventListener("click", () => this.close());
    this.content = h("div", { class: "detail-body" });
    el.append(h("div", { class: "detail-head" }, this.titleEl, close), this.content);
    el.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.close();
      }
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.el.hidden && !e.defaultPrevented) this.close();
    });
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  // show replaces the content and opens the panel; back gets focus on close.
  show(title: string, build: (body: HTMLElement) => void, back: HTMLElement | null, focus = true): void {
    this.titleEl.textContent = title;
    clear(this.content);
    build(this.content);
    this.back = back;
    this.el.hidden = false;
    this.el.scrollTop = 0;
    document.body.classList.add("detail-open");
    if (focus) this.el.focus({ preventScroll: true });
  }

  close(): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    document.body.classList.remove("detail-open");
    const b = this.back;
    this.back = null;
    this.onClose?.();
    if (b && b.isConnected) b.focus({ preventScroll: true });
  }
}

// field appends a term and its description to a <dl>.
export function field(dl: HTMLElement, term: string, ...value: Array<Node | string>): void {
  dl.append(h("dt", null, term), h("dd", null, ...value));
}

// copyButton copies text to the clipboard (where the browser allows it).
export function copyButton(label: string, text: () => string): HTMLButtonElement {
  const b = h("button", { type: "button", class: "btn small" }, label);
  b.addEventListener("click", () => {
    const done = (ok: boolean) => {
      b.textContent = ok ? "Copied" : "Copy failed: select the text instead";
      window.setTimeout(() => (b.textContent = label), 1500);
    };
    try {
      navigator.clipboard.writeText(text()).then(
        () => done(true),
        () => done(false),
      );
    } catch {
      done(false);
    }
  });
  return b;
}
