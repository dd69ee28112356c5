// Comfort and access on every page: the colour theme (the system's, or one
// chosen with the header's button and kept per browser in localStorage), the
// reduced-motion preference for code that animates, and the overview's
// "Print report" button. No inline script or style: the CSP forbids both,
// so the theme is an attribute on <html> (html[data-theme]) that style.css
// reads. docs/accessibility.md describes what the report does for access.

import { h } from "./dom";

// Theme is what the button chooses: the system's scheme, or one of ours.
export type Theme = "system" | "light" | "dark";

// THEME_KEY is the localStorage key of the chosen theme.
export const THEME_KEY = "scanreport.theme";

const ORDER: Theme[] = ["system", "light", "dark"];

function stored(): Theme {
  try {
    const v = window.localStorage.getItem(THEME_KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system"; // storage refused (privacy settings): follow the system
  }
}

function store(t: Theme): void {
  try {
    if (t === "system") window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, t);
  } catch {
    // Not kept; the page still switches.
  }
}

// applyTheme sets html[data-theme] (nothing for the system's) and tells the
// pages that paint with theme colours (canvases) to repaint: "sr-theme" on
// document.
function applyTheme(t: Theme): void {
  const root = document.documentElement;
  const was = isDark();
  if (t === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", t);
  if (isDark() !== was) themeChanged();
}

// themeChanged tells the page its colours changed. Canvases take their
// colours when they are drawn: pages with one are drawn again by a reload
// (their state is in the URL's fragment).
function themeChanged(): void {
  document.dispatchEvent(new CustomEvent("sr-theme"));
  if (document.querySelector(".graph-stage, .vis-stage, #explore-graph")) location.reload();
}

// isDark tells whether the page is drawn dark now.
export function isDark(): boolean {
  const t = document.documentElement.getAttribute("data-theme");
  if (t === "dark" || t === "light") return t === "dark";
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}

// ---- colours on canvases ----

function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
}

function lum(c: [number, number, number]): number {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}

// contrast is WCAG's contrast ratio of two #rrggbb colours (0 when either
// is not one).
export function contrast(a: string, b: string): number {
  const x = rgb(a);
  const y = rgb(b);
  if (!x || !y) return 0;
  const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

// readableOn returns colour, or colour mixed toward white (on a dark
// background) or black (on a light one) in 5 % steps until it is 3:1
// against bg (WCAG 1.4.11, graphical objects). static/contrast_test.go
// does the same in Go for the table of docs/accessibility.md.
export function readableOn(colour: string, bg: string, min = 3): string {
  const c = rgb(colour);
  const b = rgb(bg);
  if (!c || !b) return colour;
  const to = lum(b) < 0.18 ? 255 : 0;
  let out = colour;
  for (let k = 0; k <= 20 && contrast(out, bg) < min; k++) {
    const t = k / 20;
    out = "#" + c.map((v) => Math.round(v + (to - v) * t).toString(16).padStart(2, "0")).join("");
  }
  return out;
}

// graphBackground is the background graphs are drawn on in this theme.
export function graphBackground(): string {
  return getComputedStyle(document.documentElement).getPropertyValue("--graph-bg").trim() || "#ffffff";
}

// readableLegend makes a graph legend's colours readable on this theme's
// graph background (the data files carry one palette for both themes).
export function readableLegend(legend: Array<{ color: string }>): void {
  const bg = graphBackground();
  for (const e of legend) e.color = readableOn(e.color, bg);
}

// reducedMotion tells whether the reader asked for less motion: layouts
// jump to their end and views move without gliding.
export function reducedMotion(): boolean {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

// initTheme applies the stored theme at once (before the page is shown,
// when called from the bundle's top level).
export function initTheme(): void {
  const t = stored();
  if (t !== "system") document.documentElement.setAttribute("data-theme", t);
}

const LABEL: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

// mountThemeButton puts the theme button in the site footer (the header is
// full on narrow screens): each press goes system → light → dark → system.
function mountThemeButton(): void {
  const wrap = document.querySelector(".site-footer .wrap") ?? document.querySelector(".site-header .wrap");
  if (!wrap || wrap.querySelector(".theme-toggle")) return;
  const btn = h("button", { type: "button", class: "btn small theme-toggle", id: "theme-toggle" });
  const show = (t: Theme) => {
    btn.textContent = LABEL[t];
    btn.title = t === "system" ? "Colours follow the system's light or dark setting; press for light" : t === "light" ? "Light colours, kept in this browser; press for dark" : "Dark colours, kept in this browser; press to follow the system";
    btn.setAttribute("data-theme-choice", t);
  };
  show(stored());
  btn.addEventListener("click", () => {
    const next = ORDER[(ORDER.indexOf(stored()) + 1) % ORDER.length];
    store(next);
    applyTheme(next);
    show(next);
  });
  wrap.appendChild(btn);
  // Another tab changed it, or the system's scheme changed.
  window.addEventListener("storage", (e) => {
    if (e.key !== THEME_KEY && e.key !== null) return;
    const t = stored();
    applyTheme(t);
    show(t);
  });
  window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => {
    if (stored() === "system") themeChanged();
  });
}

// mountPrintButton adds "Print report" to the overview: the browser's print
// (or Save as PDF) with the print layout of style.css.
function mountPrintButton(): void {
  if (document.body.getAttribute("data-page") !== "overview") return;
  const bar = document.querySelector(".scan-header .tabbar");
  if (!bar || bar.querySelector(".print-report")) return;
  const btn = h("button", { type: "button", class: "btn small print-report", id: "print-report" }, "Print report");
  btn.title = "Print this overview, or save it as PDF, laid out as a report";
  btn.addEventListener("click", () => window.print());
  const box = h("div", { class: "print-tools" }, btn);
  bar.appendChild(box);
}

// mountPrintDate adds the print header's date line, filled the print header's date line just before printing.
function mountPrintDate(): void {
  const head = document.querySelector(".scan-header");
  if (!head) return;
  const line = h("p", { class: "print-only printed-on" });
  head.appendChild(line);
  const fill = () => {
    line.textContent = "Printed " + new Date().toLocaleString() + " from " + (document.title || "the report");
  };
  fill();
  window.addEventListener("beforeprint", fill);
}

// printLayout gets the page ready to print and back: closed <details>
// (correlations) open, and every canvas drawing (graph, bubbles, discovery)
// copied into an image, since canvases print blank or stale.
function printLayout(): void {
  let opened: HTMLDetailsElement[] = [];
  let shots: HTMLElement[] = [];
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll<HTMLDetailsElement>("details:not([open])"));
    for (const d of opened) d.open = true;
    for (const stage of Array.from(document.querySelectorAll<HTMLElement>(".graph-stage, .vis-stage"))) {
      const img = snapshot(stage);
      if (img) {
        stage.appendChild(img);
        shots.push(img);
      }
    }
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    for (const s of shots) s.remove();
    opened = [];
    shots = [];
  });
}

interface Refreshable {
  renderer?: { refresh?: () => void };
}

// snapshot copies the canvases of a drawing stage, in order, onto one
// image of its size on screen; null when nothing is drawn.
function snapshot(stage: HTMLElement): HTMLImageElement | null {
  const layers = Array.from(stage.querySelectorAll("canvas")).filter((c) => c.width > 0 && c.height > 0);
  const w = stage.clientWidth;
  const hgt = stage.clientHeight;
  if (layers.length === 0 || w === 0 || hgt === 0) return null;
  // WebGL layers keep their pixels only until shown: draw again first.
  (stage as unknown as { graphView?: Refreshable }).graphView?.renderer?.refresh?.();
  const out = document.createElement("canvas");
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  out.width = Math.round(w * ratio);
  out.height = Math.round(hgt * ratio);
  const ctx = out.getContext("2d");
  if (!ctx) return null;
  ctx.fillStyle = getComputedStyle(stage).backgroundColor || "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  const box = stage.getBoundingClientRect();
  for (const c of layers) {
    const r = c.getBoundingClientRect();
    try {
      ctx.drawImage(c, (r.left - box.left) * ratio, (r.top - box.top) * ratio, r.width * ratio, r.height * ratio);
    } catch {
      // A layer that cannot be read is left out.
    }
  }
  let url: string;
  try {
    url = out.toDataURL("image/png");
  } catch {
    return null;
  }
  const img = h("img", { class: "print-snapshot", alt: stage.getAttribute("aria-label") ?? "The drawing as shown on screen" });
  img.src = url;
  return img;
}

// initA11y mounts the theme button and the print tools.
export function initA11y(): void {
  mountThemeButton();
  mountPrintButton();
  mountPrintDate();
  printLayout();
}
