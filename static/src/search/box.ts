// Search, the page side: the header's search box (SearchBox) and the
// query's place in the URL hash. docs/site-format.md ("Search") is the
// contract: hooks, hash format, modes. The worker that runs the searches
// is engine.ts.

import { byId, setText } from "../ui/dom";
import { comma } from "../ui/format";
import { describe, isError, parseQuery, type Query } from "./query";

// Typing pause before a search starts.
export const DEBOUNCE_MS = 120;

// ---- the search box in the header ----

// SearchState is what the box holds, as kept in the URL hash.
export interface SearchState {
  q: string;
  src: boolean;
}

// A SearchHandler runs searches in place (element table, search pages).
// search(null) means "no search": show everything again.
export interface SearchHandler {
  search(q: Query | null, alsoSource: boolean): void;
}

export class SearchBox {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  readonly source: HTMLInputElement | null;
  private readonly countEl: HTMLElement | null;
  private readonly errorEl: HTMLElement | null;
  private timer = 0;
  private last = ""; // the query text last handed to the handler ("" = none)
  private lastSrc = false;
  handler: SearchHandler | null = null;
  onStateChange: (() => void) | null = null;

  constructor(root: HTMLElement, input: HTMLInputElement) {
    this.root = root;
    this.input = input;
    this.source = byId<HTMLInputElement>("search-source");
    this.countEl = byId("search-count");
    this.errorEl = byId("search-error");
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.submit(true);
      } else if (e.key === "Escape" && input.value !== "") {
        e.preventDefault();
        input.value = "";
        this.submit();
      }
    });
    // type=search has a clear button that fires "search", not "input", in some browsers.
    input.addEventListener("search", () => this.schedule());
    this.source?.addEventListener("change", () => this.submit());
    root.querySelector<HTMLButtonElement>(".search-go")?.addEventListener("click", () => this.submit());
    // "/" anywhere but in a form field puts the cursor in the box.
    document.addEventListener("keydown", (e) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || t.closest("input, textarea, select"))) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  state(): SearchState {
    return { q: this.input.value.trim(), src: !!this.source?.checked };
  }

  // setState fills the box (from the URL hash) without searching.
  setState(s: SearchState): void {
    this.input.value = s.q;
    if (this.source) this.source.checked = s.src;
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.submit(), DEBOUNCE_MS);
  }

  // submit hands the box to the handler now (Enter, toggle, debounce end);
  // with no handler it opens the search page of the box's scope.
  submit(force = false): void {
    this.root.classList.toggle("is-active", this.input.value.trim() !== "");
    window.clearTimeout(this.timer);
    const st = this.state();
    if (!this.handler) {
      this.go(st);
      return;
    }
    if (!force && st.q === this.last && st.src === this.lastSrc) return;
    this.last = st.q;
    this.lastSrc = st.src;
    const q = parseQuery(st.q);
    if (isError(q)) {
      this.showError(q.error);
      this.onStateChange?.();
      return;
    }
    this.showError("");
    if (q === null) this.showCount("");
    else this.busy(q);
    this.handler.search(q, st.src);
    this.onStateChange?.();
  }

  // go opens the search page (data-target) with the query in its hash.
  private go(st: SearchState): void {
    const target = this.root.getAttribute("data-target") ?? "";
    if (!/^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*search\.html$/.test(target)) return;
    if (st.q === "") return;
    const q = parseQuery(st.q);
    if (isError(q)) {
      this.showError(q.error);
      return;
    }
    location.href = target + "#" + hashOf(st);
  }

  private busy(q: Query): void {
    this.root.setAttribute("aria-busy", "true");
    this.showCount(describe(q) + " · searching…");
  }

  // showCount puts text in #search-count ("" hides it).
  showCount(text: string): void {
    this.root.removeAttribute("aria-busy");
    if (!this.countEl) return;
    setText(this.countEl, text);
    this.countEl.hidden = text === "";
  }

  // showResult says how many matched and how long it took.
  showResult(q: Query, n: number, ms: number, noun: [string, string], extra = ""): void {
    this.showError("");
    this.showCount(`${comma(n)} ${n === 1 ? noun[0] : noun[1]} in ${formatMs(ms)}${extra}`);
    this.countEl?.setAttribute("data-mode", q.kind);
  }

  // showError puts a sentence under the box ("" hides it). Text only.
  showError(text: string): void {
    if (text !== "") this.showCount("");
    if (!this.errorEl) return;
    setText(this.errorEl, text);
    this.errorEl.hidden = text === "";
    this.root.classList.toggle("has-error", text !== "");
    this.input.setAttribute("aria-invalid", text !== "" ? "true" : "false");
  }
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${Math.max(0, ms).toFixed(1)} ms` : `${comma(Math.round(ms))} ms`;
}

// searchBox binds the header's search box, if the page has one.
export function searchBox(): SearchBox | null {
  const root = byId("site-search");
  const input = byId<HTMLInputElement>("search-q");
  if (!root || !input) return null;
  root.hidden = false;
  return new SearchBox(root, input);
}

// readSearchHash reads q and src from the URL hash.
export function readSearchHash(): SearchState {
  const p = new URLSearchParams(location.hash.replace(/^#/, ""));
  return { q: p.get("q") ?? "", src: p.get("src") === "1" };
}

// addSearchHash adds the box's state to hash parameters.
export function addSearchHash(p: URLSearchParams, st: SearchState): void {
  if (st.q !== "") p.set("q", st.q);
  if (st.src) p.set("src", "1");
}

function hashOf(st: SearchState): string {
  const p = new URLSearchParams();
  addSearchHash(p, st);
  return p.toString();
}

// replaceHash writes hash parameters into the URL without a history entry.
export function replaceHash(p: URLSearchParams): void {
  const hash = p.toString();
  try {
    history.replaceState(history.state, "", hash ? "#" + hash : location.pathname + location.search);
  } catch {
    /* some browsers refuse replaceState on file://; the state is a nicety */
  }
}
