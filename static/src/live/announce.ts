// Polite, batched announcements of live updates for screen readers: a
// running scan can add elements every half second, and a live region that
// speaks on each one is noise. New elements are summed and said at most
// once per ANNOUNCE_MS ("120 new elements"), in one visually hidden
// aria-live="polite" region. The visible live status line is not a live
// region (it changes on every refresh).

import { h, setText } from "../ui/dom";
import { comma } from "../ui/format";

// ANNOUNCE_MS is the shortest time between two announcements.
export const ANNOUNCE_MS = 10_000;

let pending = 0;
let timer = 0;
let last = 0;
let region: HTMLElement | null = null;

function regionEl(): HTMLElement {
  if (region && region.isConnected) return region;
  region = document.getElementById("live-announce");
  if (!region) {
    region = h("p", { id: "live-announce", class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
    document.body.appendChild(region);
  }
  return region;
}

function flush(): void {
  timer = 0;
  if (pending <= 0) return;
  const n = pending;
  pending = 0;
  last = Date.now();
  setText(regionEl(), `${comma(n)} new ${n === 1 ? "element" : "elements"}`);
}

// announceNew counts n new elements; they are said together once
// ANNOUNCE_MS has passed since the last announcement.
export function announceNew(n: number): void {
  if (!(n > 0)) return;
  pending += n;
  regionEl();
  if (timer) return;
  const wait = Math.max(1000, last + ANNOUNCE_MS - Date.now());
  timer = window.setTimeout(flush, wait);
}

// quietStatus takes the role of live region away from the visible status
// line, so that its clock does not speak on every refresh.
export function quietStatus(el: HTMLElement | null): void {
  if (!el) return;
  el.removeAttribute("role");
  el.setAttribute("aria-live", "off");
}
