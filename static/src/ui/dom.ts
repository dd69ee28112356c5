// DOM helpers. Everything here builds nodes with createElement and puts text
// in with textContent: no markup is ever parsed, so scan values stay text.

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

// h creates an element. Attribute values must not be URLs from scan data.
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (v === undefined || v === false) continue;
      if (k === "class") el.className = String(v);
      else if (k === "text") el.textContent = String(v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

// setText changes a node's text only when it differs (cheap re-renders).
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

// notice shows a visible message before anchor (or replaces an earlier one
// with the same key), for errors such as a data file that failed to load.
export function notice(anchor: Element, text: string, kind: "error" | "info" = "error", key = "default"): HTMLElement {
  const parent = anchor.parentElement ?? document.body;
  let el = parent.querySelector<HTMLElement>(`p.notice[data-key="${key}"]`);
  if (!el) {
    el = h("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status", "data-key": key });
    parent.insertBefore(el, anchor);
  }
  el.className = `notice ${kind}`;
  el.textContent = text;
  return el;
}

// clearNotice removes the notice shown before anchor under key, if any.
export function clearNotice(anchor: Element, key: string): void {
  anchor.parentElement?.querySelector(`p.notice[data-key="${key}"]`)?.remove();
}

// debounce delays fn until ms have passed without another call.
export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let timer = 0;
  return (...a: A) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...a), ms);
  };
}
