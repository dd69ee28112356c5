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

// Announcer sums new elements and says them in the page's one announcement
// region (#live-announce, made on first use).
export class Announcer {
  private pending = 0;
  private timer = 0;
  private last = 0;
  private region: HTMLElement | null = null;

  private regionEl(): HTMLElement {
    if (this.region && this.region.isConnected) return this.region;
    this.region = document.getElementById("live-announce");
    if (!this.region) {
      this.region = h("p", { id: "live-announce", class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
      document.body.appendChild(this.region);
    }
    return this.region;
  }

  private flush(): void {
    this.timer = 0;
    if (this.pending <= 0) return;
    const n = this.pending;
    this.pending = 0;
    this.last = Date.now();
    setText(this.regionEl(), `${comma(n)} new ${n === 1 ? "element" : "elements"}`);
  }

  // add counts n new elements; they are said together once ANNOUNCE_MS has
  // passed since the last announcement.
  add(n: number): void {
    if (!(n > 0)) return;
    this.pending += n;
    this.regionEl();
    if (this.timer) return;
    const wait = Math.max(1000, this.last + ANNOUNCE_MS - Date.now());
    this.timer = window.setTimeout(() => this.flush(), wait);
  }
}

// quietStatus takes the role of live region away from the visible status
// line, so that its clock does not speak on every refresh.
export function quietStatus(el: HTMLElement | null): void {
  if (!el) return;
  el.removeAttribute("role");
  el.setAttribute("aria-live", "off");
}
