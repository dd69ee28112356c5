// What live updates show on the page (docs/site-format.md, "Live updates"):
// the status line in the header, the notice that the site is behind its
// scans, the note beside download links that are behind, and — where no
// server renders them again (built sites) — the scan header's status badge,
// partial-results notice and the element page's type facts, whose texts the
// manifest carries as the server computed them. Everything is built with
// the DOM and textContent.

import { h, setText } from "../ui/dom";
import { comma } from "../ui/format";
import type { Manifest, StatusText, TypeFact } from "../data/types";

// clock is the time of day shown in status texts.
export function clock(d = new Date()): string {
  const p = (n: number) => (n < 10 ? "0" : "") + n;
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const TITLES: Record<string, string> = {
  live: "This page follows the scans as they are written (scanreport serve)",
  poll: "New data is picked up every 5 seconds while the scan runs",
  stale: "New data arrived that this page cannot take in place",
  down: "The page is not getting new data right now",
};

// StatusLine is the header's #live-status line (made on first use when the
// page has none).
export class StatusLine {
  // reload is what the line's Reload button does.
  constructor(
    private el: HTMLElement | null,
    private reload: () => void,
  ) {}

  // show says what the live updates are doing; reload adds a button that
  // reloads the page (for pages that cannot merge new data in place).
  show(text: string, state: string, reload = false): void {
    if (!this.el) {
      const wrap = document.querySelector(".site-header .wrap");
      if (!wrap) return;
      this.el = h("p", { id: "live-status", class: "live-status" });
      const crumbs = wrap.querySelector(".crumbs");
      if (crumbs) crumbs.after(this.el);
      else wrap.appendChild(this.el);
    }
    const el = this.el;
    el.hidden = false;
    el.setAttribute("data-state", state);
    el.title = TITLES[state] ?? "";
    const txt = el.querySelector(".live-text") ?? el.appendChild(h("span", { class: "live-text" }));
    setText(txt, text);
    let btn = el.querySelector<HTMLButtonElement>("button.live-reload");
    if (reload && !btn) {
      btn = h("button", { type: "button", class: "btn small live-reload" }, "Reload");
      btn.title = "Reload the page to include the new data";
      btn.addEventListener("click", () => this.reload());
      el.appendChild(btn);
    } else if (!reload && btn) btn.remove();
  }
}

// BehindNotice shows what the site is behind on, from an event's "behind"
// list (the server's: scans whose update failed, for instance on a full
// disk, and why; it retries). An event without the list leaves the notice.
export class BehindNotice {
  private el: HTMLElement | null = null;

  show(data: string): void {
    let v: unknown;
    try {
      v = JSON.parse(data);
    } catch {
      return;
    }
    if (!v || typeof v !== "object" || !Array.isArray((v as Record<string, unknown>).behind)) return;
    const lags = ((v as Record<string, unknown>).behind as unknown[]).filter((x): x is Record<string, unknown> => !!x && typeof x === "object");
    if (!this.el) {
      if (lags.length === 0) return;
      const wrap = document.querySelector(".site-header .wrap");
      if (!wrap) return;
      this.el = h("div", { id: "live-behind", class: "live-behind", role: "alert" });
      wrap.appendChild(this.el);
    }
    const el = this.el;
    el.replaceChildren();
    el.hidden = lags.length === 0;
    if (lags.length === 0) return;
    el.appendChild(h("strong", {}, "This site is behind its scans."));
    for (const l of lags) {
      const scan = typeof l.scan === "string" ? l.scan : "";
      const reason = typeof l.reason === "string" ? l.reason : "unknown reason";
      const since = typeof l.since === "string" ? " since " + l.since.replace("T", " ").replace(/Z$/, " UTC") : "";
      const what = scan ? `Scan ${scan} could not be updated${since}` : `The site could not be updated${since}`;
      el.appendChild(h("p", {}, `${what}: ${reason}. The server retries; this page updates when it succeeds.`));
    }
  }
}

// showDownloads says beside the scan's download links when they are behind
// its data: the preview server writes them in the background once the scan
// is quiet, and the manifest says how many elements they show.
export function showDownloads(m: Manifest): void {
  const bar = document.querySelector<HTMLElement>(".downloads");
  if (!bar) return;
  let note = bar.querySelector<HTMLElement>(".downloads-state");
  const d = m.downloads;
  if (!d) {
    note?.remove();
    bar.removeAttribute("data-behind");
    return;
  }
  if (!note) {
    note = h("span", { class: "downloads-state muted" });
    bar.append(note);
  }
  setText(note, d.updating ? `updating… (now as of ${comma(d.n)} elements)` : `as of ${comma(d.n)} of ${comma(m.count)} elements`);
  bar.setAttribute("data-behind", d.updating ? "updating" : "waiting");
}

// ---- the scan header, from the manifest (built sites, data pages) ----
//
// The texts are the server's: generator/scantext computes them once for the
// page templates and the manifest (badge, types[].facts). This code only
// places them. A manifest without them (a site from an older scanreport)
// leaves the header as the page has it.

// headerFromManifest brings the scan header (status badge, partial-results
// notice) and the element page's type facts up to date from the manifest,
// where no server can render them again.
export function headerFromManifest(m: Manifest): void {
  const st = m.badge as Partial<StatusText> | undefined;
  if (st && typeof st.label === "string" && typeof st.class === "string" && typeof st.partial === "string") {
    const badge = document.querySelector<HTMLElement>(".scan-header .title .badge[class*='status-']");
    if (badge) {
      setText(badge, st.label);
      const cls = "badge status-" + st.class;
      if (badge.className !== cls) badge.className = cls;
    }
    const box = document.querySelector<HTMLElement>("[data-live='scan-notice']");
    if (box) {
      let p = box.querySelector<HTMLElement>(".notice.partial");
      if (st.partial === "") p?.remove();
      else {
        if (!p) p = box.appendChild(h("p", { class: "notice partial", role: "status" }));
        setText(p, st.partial);
      }
    }
  }
  const slug = document.body.getAttribute("data-type");
  const t = slug ? m.types.find((x) => x.slug === slug) : undefined;
  const facts = document.querySelector<HTMLElement>(".type-head .type-facts");
  if (t && facts && Array.isArray(t.facts)) typeFacts(facts, t.facts);
}

// typeFacts places a type's facts into ul.type-facts as
// templates/elements.html does: a count in <strong> before its label, or
// the label before a <time>.
export function typeFacts(ul: HTMLElement, facts: TypeFact[]): void {
  const items: HTMLElement[] = [];
  for (const f of facts) {
    if (!f || typeof f.label !== "string") continue;
    if (typeof f.time === "string" && f.time !== "") items.push(h("li", null, f.label + " ", h("time", { datetime: f.iso ?? "" }, f.time)));
    else items.push(h("li", null, h("strong", null, typeof f.n === "string" ? f.n : ""), " " + f.label));
  }
  const same = ul.children.length === items.length && items.every((it, i) => it.isEqualNode(ul.children[i]));
  if (!same) ul.replaceChildren(...items);
}
