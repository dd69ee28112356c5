// Live updates: open pages follow their scans while the scans are written.
// docs/site-format.md ("Live updates") is the contract.
//
// live.js, loaded by every page before the bundle, sets window.__srLive:
//
//   - an object {events, fp, token} when `scanreport serve` serves the page.
//     One EventSource per browser (live/stream.ts: the pages share it)
//     hears the server's "change" events (which
//     scans and which site files were written). The page's own scan's
//     manifest, when it changed, is loaded again (manifest.js?g=<gen>) and
//     handed to the page's LiveTarget (element table, log), which loads only
//     the chunks that are new or have a new version and merges their rows in
//     place. Server-rendered parts (headers, counts, charts, the scan list)
//     are fetched again when the event names the page's own file, parsed
//     with DOMParser into an inert document, and the regions marked
//     data-live="…" whose markup changed are replaced by imported nodes:
//     no markup string ever reaches innerHTML. A "full" event (the whole
//     site was rebuilt) reloads the page, keeping its scroll position.
//
//   - null in a built site (file://, a static server, a bucket). A scan page
//     whose manifest says the scan is still running injects
//     manifest.js?t=<now> every 5 s; the scan list does the same with
//     data/scans.js. New data goes into the element table and the log in
//     place; pages made of server-rendered data (overview, browse) reload,
//     keeping the scroll position. Polling stops once the scan is done.
//     Nothing else is ever requested.
//
// Scan values stay text throughout: regions come from our own templates
// (html/template escaped every value) and are scrubbed of anything active
// before they are imported.

import { announceNew, quietStatus } from "./announce";
import { byId, h, setText } from "../ui/dom";
import { comma, utc } from "../ui/format";
import { listen } from "./stream";
import { load, loadScript, manifest as pageManifest, onPayload } from "../data/registry";
import { refreshScanList } from "../table/scan-selection";
import { selectedIndices, setSelected } from "../table/selection";
import { initSortable, setSortState, sortState } from "../table/sortable";
import type { Manifest, ScanEntry, TypeInfo } from "../data/types";

export interface LiveConfig {
  events: string; // the SSE stream
  fp: string; // POST false-positive decisions here
  token: string; // the per-server token (X-SR-Token header, never a URL)
}

declare global {
  interface Window {
    __srLive?: unknown;
  }
}

// What a live update tells a page's data (LiveTarget.update).
export interface LiveChange {
  fp: boolean; // fp.js was rewritten (serve) — the target also compares counts
  query: string; // cache-busting query for the data files of this update
}

// A LiveTarget is the part of a page that holds the scan's data (element
// table, log). update gets each newer manifest, one call at a time; it
// resolves "reload" when the data no longer fits what is held (the scan was
// read again from scratch), else "ok".
export interface LiveTarget {
  update(m: Manifest, c: LiveChange): Promise<"ok" | "reload">;
}

// A ScansTarget is a page that holds the data of several scans (the search
// over all scans): updateScans gets the ids of scans whose manifest moved
// and the query that makes the browser load files afresh, syncList the scan
// list when scans came or went; they resolve "stale" when they could not
// take the news in place.
export interface ScansTarget {
  updateScans(ids: string[], query: string): Promise<"ok" | "stale">;
  // syncList takes data/scans.js again: scans that came or went.
  syncList(list: ScanEntry[], query: string): Promise<"ok" | "stale">;
}

// Statuses after which a scan does not change any more.
const FINAL = ["FINISHED", "ABORTED", "ERROR-FAILED"];
export const POLL_MS = 5000;
const KEEP_KEY = "sr-live-keep";
const ENDPOINT = /^\/_sr\/[a-z][a-z0-9_/-]*$/;

let cfg: LiveConfig | null = null;
let target: LiveTarget | null = null;
let scansTarget: ScansTarget | null = null;
let targetWanted = false; // a manifest arrived before the target was set
let started = false;
let stopped = false;
const snaps = new Map<string, Element>(); // the data-live regions as the server wrote them, by name
let initialScans: ScanEntry[] | null = null;
let statusEl: HTMLElement | null = null;
let restored = false; // this page was reloaded by a live update

// data/scans.js, loaded by the scan list before the bundle.
onPayload((p) => {
  if (p.k === "scans" && !initialScans) initialScans = p.scans.slice();
});

// liveConfig is the preview server's settings, or null in a built site.
export function liveConfig(): LiveConfig | null {
  return cfg;
}

function parseConfig(v: unknown): LiveConfig | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const { events, fp, token } = o;
  if (typeof events !== "string" || typeof fp !== "string" || typeof token !== "string") return null;
  if (!ENDPOINT.test(events) || !ENDPOINT.test(fp) || !/^[A-Za-z0-9_-]{16,256}$/.test(token)) return null;
  if (location.protocol !== "http:" && location.protocol !== "https:") return null;
  return { events, fp, token };
}

function kind(): string {
  return document.body.getAttribute("data-page") ?? "";
}

function scanId(): string {
  return document.body.getAttribute("data-scan") ?? "";
}

// setLiveTarget registers the page's data holder (pages/elements.ts, pages/log.ts).
export function setLiveTarget(t: LiveTarget): void {
  target = t;
  if (targetWanted && cfg) {
    targetWanted = false;
    enqueue({ gen: 0, scans: [], paths: [], list: false, full: false, resync: true });
  }
}

// setScansTarget registers the search over all scans.
export function setScansTarget(t: ScansTarget): void {
  scansTarget = t;
}

// initLive starts live updates for the page. Call it first in the bundle's
// start, before anything changes the page: it notes the regions as the
// server wrote them. The rest waits for the page's own setup.
export function initLive(): void {
  if (started) return;
  started = true;
  for (const e of Array.from(document.querySelectorAll("[data-live]"))) snaps.set(e.getAttribute("data-live") ?? "", e.cloneNode(true) as Element);
  cfg = parseConfig(window.__srLive);
  statusEl = byId("live-status");
  quietStatus(statusEl); // live/announce.ts says what is new, batched
  // After the page's own setup (sortable tables, the scan list's boxes).
  Promise.resolve().then(() => {
    restoreKept();
    if (cfg) startServe(cfg);
    else startStatic().catch(() => undefined);
  });
}

// ---- the status line in the header ----

function clock(d = new Date()): string {
  const p = (n: number) => (n < 10 ? "0" : "") + n;
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

// showStatus says what the live updates are doing; reload adds a button
// that reloads the page (for pages that cannot merge new data in place).
function showStatus(text: string, state: string, reload = false): void {
  if (!statusEl) {
    const wrap = document.querySelector(".site-header .wrap");
    if (!wrap) return;
    statusEl = h("p", { id: "live-status", class: "live-status" });
    const crumbs = wrap.querySelector(".crumbs");
    if (crumbs) crumbs.after(statusEl);
    else wrap.appendChild(statusEl);
  }
  const el = statusEl;
  el.hidden = false;
  el.setAttribute("data-state", state);
  el.title = TITLES[state] ?? "";
  const txt = el.querySelector(".live-text") ?? el.appendChild(h("span", { class: "live-text" }));
  setText(txt, text);
  let btn = el.querySelector<HTMLButtonElement>("button.live-reload");
  if (reload && !btn) {
    btn = h("button", { type: "button", class: "btn small live-reload" }, "Reload");
    btn.title = "Reload the page to include the new data";
    btn.addEventListener("click", () => keepAndReload("button"));
    el.appendChild(btn);
  } else if (!reload && btn) btn.remove();
}

const TITLES: Record<string, string> = {
  live: "This page follows the scans as they are written (scanreport serve)",
  poll: "New data is picked up every 5 seconds while the scan runs",
  stale: "New data arrived that this page cannot take in place",
  down: "The page is not getting new data right now",
};

// ---- keeping the view across a reload ----

interface Kept {
  why: string; // what made the page reload (data-live-reload on <html>)
  path: string;
  t: number;
  x: number;
  y: number;
  grid: number; // scrollTop of the page's virtual table
  scans: string[]; // checked scans (scan list)
  sorts: Array<{ id: string; col: number; dir: "ascending" | "descending" }>;
  sel: number[]; // checked element rows (element table), by element index
}

function grid(): HTMLElement | null {
  return document.querySelector<HTMLElement>("#element-table .vt-grid:not([hidden]), #log-table .vt-grid:not([hidden])");
}

// keepAndReload notes the scroll position, checked boxes and table sorts in
// sessionStorage and reloads the page; the reloaded page puts them back.
export function keepAndReload(why: string): void {
  if (stopped) return;
  stopped = true;
  const k: Kept = {
    why,
    path: location.pathname,
    t: Date.now(),
    x: window.scrollX,
    y: window.scrollY,
    grid: grid()?.scrollTop ?? 0,
    scans: Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select"))
      .filter((b) => b.checked)
      .map((b) => b.value),
    sorts: [],
    sel: selectedIndices().slice(0, 100000),
  };
  for (const t of Array.from(document.querySelectorAll<HTMLTableElement>("table.sortable[id]"))) {
    const st = sortState(t);
    if (st) k.sorts.push({ id: t.id, ...st });
  }
  try {
    sessionStorage.setItem(KEEP_KEY, JSON.stringify(k));
  } catch {
    /* storage refused (private mode): reload all the same */
  }
  location.reload();
}

function restoreKept(): void {
  let k: Kept | null = null;
  try {
    const raw = sessionStorage.getItem(KEEP_KEY);
    if (raw === null) return;
    sessionStorage.removeItem(KEEP_KEY);
    k = JSON.parse(raw) as Kept;
  } catch {
    return;
  }
  if (!k || typeof k !== "object" || k.path !== location.pathname || !(Date.now() - k.t < 60000)) return;
  restored = true;
  document.documentElement.setAttribute("data-live-reload", String(k.why));
  if (Array.isArray(k.scans) && k.scans.length) {
    const want = new Set(k.scans.map(String));
    for (const b of Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select"))) b.checked = want.has(b.value);
    refreshScanList();
  }
  if (Array.isArray(k.sorts)) {
    for (const s of k.sorts) {
      const t = document.getElementById(String(s.id));
      if (t instanceof HTMLTableElement && typeof s.col === "number") setSortState(t, s.col, s.dir === "descending" ? "descending" : "ascending");
    }
  }
  if (Array.isArray(k.sel) && k.sel.length) setSelected(k.sel.filter((i) => typeof i === "number"), true);
  const x = +k.x || 0;
  const y = +k.y || 0;
  const g = +k.grid || 0;
  window.scrollTo(x, y);
  // Tables fill in as their data loads: try for a few seconds.
  const until = performance.now() + 5000;
  const again = () => {
    if (window.scrollY !== y && document.documentElement.scrollHeight >= y + window.innerHeight) window.scrollTo(x, y);
    const gr = grid();
    let ok = window.scrollY === y || document.documentElement.scrollHeight < y;
    if (g > 0) {
      if (gr && gr.scrollHeight >= g + gr.clientHeight) {
        if (gr.scrollTop !== g) gr.scrollTop = g;
      } else ok = false;
    }
    if (!ok && performance.now() < until) requestAnimationFrame(again);
  };
  requestAnimationFrame(again);
}

// ---- serve mode: change events ----

interface Change {
  gen: number;
  scans: string[];
  paths: string[];
  list: boolean;
  full: boolean;
  resync: boolean; // look at everything (first connection, reconnection)
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function parseChange(data: string, resync: boolean): Change | null {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  return {
    gen: typeof o.gen === "number" && isFinite(o.gen) ? Math.max(0, Math.floor(o.gen)) : 0,
    scans: strings(o.scans),
    paths: strings(o.paths),
    list: o.list === true,
    full: o.full === true,
    resync,
  };
}

let queued: Change | null = null;
let busy = false;

function enqueue(c: Change): void {
  if (stopped) return;
  if (queued) {
    queued = {
      gen: Math.max(queued.gen, c.gen),
      scans: queued.scans.concat(c.scans),
      paths: queued.paths.concat(c.paths),
      list: queued.list || c.list,
      full: queued.full || c.full,
      resync: queued.resync || c.resync,
    };
  } else queued = c;
  if (!busy) void drain();
}

async function drain(): Promise<void> {
  busy = true;
  try {
    while (queued && !stopped) {
      const c = queued;
      queued = null;
      try {
        await apply(c);
      } catch (e) {
        showStatus("Live · could not update: " + (e instanceof Error ? e.message : String(e)), "error");
      }
    }
  } finally {
    busy = false;
  }
}

// showBehind shows what the site is behind on, from an event's "behind"
// list (the server's: scans whose update failed, for instance on a full
// disk, and why; it retries). An event without the list leaves the notice.
let behindEl: HTMLElement | null = null;
function showBehind(data: string): void {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return;
  }
  if (!v || typeof v !== "object" || !Array.isArray((v as Record<string, unknown>).behind)) return;
  const lags = ((v as Record<string, unknown>).behind as unknown[]).filter((x): x is Record<string, unknown> => !!x && typeof x === "object");
  if (!behindEl) {
    if (lags.length === 0) return;
    const wrap = document.querySelector(".site-header .wrap");
    if (!wrap) return;
    behindEl = h("div", { id: "live-behind", class: "live-behind", role: "alert" });
    wrap.appendChild(behindEl);
  }
  behindEl.replaceChildren();
  behindEl.hidden = lags.length === 0;
  if (lags.length === 0) return;
  behindEl.appendChild(h("strong", {}, "This site is behind its scans."));
  for (const l of lags) {
    const scan = typeof l.scan === "string" ? l.scan : "";
    const reason = typeof l.reason === "string" ? l.reason : "unknown reason";
    const since = typeof l.since === "string" ? " since " + l.since.replace("T", " ").replace(/Z$/, " UTC") : "";
    const what = scan ? `Scan ${scan} could not be updated${since}` : `The site could not be updated${since}`;
    behindEl.appendChild(h("p", {}, `${what}: ${reason}. The server retries; this page updates when it succeeds.`));
  }
}

function startServe(c: LiveConfig): void {
  listen(c.events, POLL_MS, {
    hello: (data, again) => {
      showBehind(data);
      showStatus("Live", "live");
      if (again) void refreshConfig();
      // Changes made between the page's load and now, or while the
      // stream was down, were not heard: look at everything once.
      const ch = parseChange(data, true);
      if (ch) enqueue(ch);
    },
    change: (data) => {
      showBehind(data);
      const ch = parseChange(data, false);
      if (ch) enqueue(ch);
    },
    down: () => {
      if (!stopped) showStatus("Live · reconnecting…", "down");
    },
    up: () => {
      if (!stopped) showStatus("Live", "live");
    },
  });
}

// refreshConfig reads live.js again (the server may have restarted with a
// new token). It is parsed as JSON, never run.
async function refreshConfig(): Promise<void> {
  const s = document.querySelector<HTMLScriptElement>('script[src$="live.js"]');
  if (!s) return;
  try {
    const r = await fetch(s.src, { cache: "no-store", credentials: "same-origin" });
    if (!r.ok) return;
    const m = /^window\.__srLive=(.*);\s*$/s.exec(await r.text());
    if (!m) return;
    const n = parseConfig(JSON.parse(m[1]));
    if (n) cfg = n;
  } catch {
    /* keep the old settings */
  }
}

// ownPath is the page's file relative to the site root, as events name it.
function ownPath(): string {
  let p = location.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* keep it encoded */
  }
  p = p.replace(/^\/+/, "");
  if (p === "" || p.endsWith("/")) p += "index.html";
  return p;
}

const DATA_PAGES = ["elements", "log", "graph", "visualise", "explore", "search"];
// Server-rendered pages made of the scan's data (not only its header).
const SCAN_DATA_PAGES = ["overview", "browse", "correlations"];

async function apply(c: Change): Promise<void> {
  if (c.full) {
    keepAndReload("full");
    return;
  }
  const paths = new Set(c.paths);
  const id = scanId();
  const k = kind();
  let touched = false;
  if (id) {
    const dir = "scans/" + id;
    if (paths.has(dir)) {
      removed();
      return;
    }
    const fpFile = dir + "/data/fp.js";
    // The graph of a large scan is laid out again apart from the manifest
    // (generator/graph Live.Flush): its page looks when graph.js changed.
    if (c.resync || paths.has(dir + "/data/manifest.js") || (k === "graph" && paths.has(dir + "/data/graph.js"))) {
      if (DATA_PAGES.includes(k)) {
        const fpMoved = await syncManifest(c.resync ? "t=" + Date.now() : "g=" + c.gen, c.resync || paths.has(fpFile));
        // The page's header counts false positives too; fetch it even when
        // the event did not name it.
        if (fpMoved && !paths.has(ownPath())) paths.add(ownPath());
        touched = true;
      } else if (SCAN_DATA_PAGES.includes(k) && !paths.has(ownPath())) {
        // Made of the scan's data: look even when the event did not name
        // the page (the server may not have told every file it wrote).
        paths.add(ownPath());
      }
    }
  } else if (k === "search-all" && !c.resync && scansTarget) {
    // The scans whose data moved are merged in place, and scans that came
    // or went are added or left out (listChanged reads data/scans.js).
    const ids = c.paths.map((p) => /^scans\/([^/]+)\/data\/manifest\.js$/.exec(p)?.[1] ?? "").filter((x) => x !== "");
    const list = c.list || c.paths.some((p) => /^scans\/[^/]+$/.test(p)) ? await listChanged() : null;
    if ((list && (await scansTarget.syncList(list, "g=" + c.gen)) === "stale") || (ids.length > 0 && (await scansTarget.updateScans(ids, "g=" + c.gen)) === "stale")) {
      showStatus(`Live · new data at ${clock()}`, "stale", true);
      return;
    }
    touched = ids.length > 0 || list !== null;
  }
  if (k === "scans" && !c.resync && paths.has("data/scans.js")) {
    // Keep data/scans.js current for the downloads of selected scans.
    await loadScript("data/scans.js", "g=" + c.gen).catch(() => undefined);
  }
  if (c.resync || paths.has(ownPath())) {
    if (await patchOwn()) touched = true;
  }
  if (touched && !stopped) showStatus(`Live · updated ${clock()}`, "live");
  if (id && !stopped && (c.resync || paths.has("scans/" + id + "/data/manifest.js"))) {
    // After patchOwn, which may have replaced the header.
    const m = DATA_PAGES.includes(k) && current ? current : await load("manifest.js", "t=" + Date.now()).catch(() => null);
    if (m && m.k === "manifest") showDownloads(m);
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

// listChanged reads data/scans.js again and returns its list when the set of
// scans differs from the last one seen (the search over all scans).
let lastIDs: string | null = null;
async function listChanged(): Promise<ScanEntry[] | null> {
  if (lastIDs === null) lastIDs = idsKey(initialScans ?? []);
  try {
    const p = await loadScript("data/scans.js", "t=" + Date.now());
    if (p.k !== "scans") return null;
    const key = idsKey(p.scans);
    if (key === lastIDs) return null;
    lastIDs = key;
    return p.scans;
  } catch {
    return null;
  }
}

function idsKey(l: ScanEntry[]): string {
  return l
    .map((e) => String(e.id))
    .sort()
    .join("\n");
}

let current: Manifest | null = null;

// syncManifest loads the manifest again and hands it to the target; it
// reports whether the false-positive counts moved.
async function syncManifest(query: string, fp: boolean): Promise<boolean> {
  const prev = current ?? (await pageManifest().catch(() => null));
  const p = await load("manifest.js", query);
  if (p.k !== "manifest") return false;
  current = p;
  if (prev) announceNew(p.count - prev.count);
  const moved = !prev || fpKey(prev) !== fpKey(p);
  if (!target) {
    targetWanted = true;
    return moved;
  }
  if ((await target.update(p, { fp: fp || moved, query })) === "reload") keepAndReload("data");
  return moved;
}

// fpKey is what a manifest says of false positives, to tell when they moved.
export function fpKey(m: Manifest): string {
  return String(m.fp?.n ?? 0) + ":" + m.types.map((t) => t.fp).join(",");
}

function removed(): void {
  stopped = true;
  showStatus("This scan is no longer in the scans folder: the page shows it as it was.", "gone");
}

// patchOwn fetches the page again and replaces the regions whose markup
// changed; it reports whether anything changed.
async function patchOwn(): Promise<boolean> {
  const r = await fetch(location.pathname, { cache: "no-store", credentials: "same-origin", redirect: "error" });
  if (r.status === 404) {
    if (scanId()) removed();
    return false;
  }
  if (!r.ok) throw new Error(`the server answered ${r.status}`);
  const type = r.headers.get("Content-Type") ?? "";
  if (!type.startsWith("text/html")) throw new Error("the page came back as " + type);
  const doc = new DOMParser().parseFromString(await r.text(), "text/html");
  if (stopped) return false;
  if ((doc.body.getAttribute("data-page") ?? "") !== kind() || (doc.body.getAttribute("data-scan") ?? "") !== scanId()) {
    keepAndReload("page");
    return false;
  }
  return patchRegions(doc);
}

// patchRegions replaces the data-live regions of the page whose markup
// differs in doc, by name. A region that doc has and the page has not (a
// section that appears, such as a scan's correlations once it finished) is
// inserted beside its neighbour; one the page has and doc has not goes.
// When that cannot be done faithfully the page reloads.
export function patchRegions(doc: Document): boolean {
  const name = (e: Element) => e.getAttribute("data-live") ?? "";
  const cur = new Map(Array.from(document.querySelectorAll<HTMLElement>("[data-live]"), (e) => [name(e), e] as const));
  const fresh = Array.from(doc.querySelectorAll<HTMLElement>("[data-live]"));
  const freshNames = fresh.map(name);
  const common = freshNames.filter((n) => cur.has(n));
  const curOrder = Array.from(cur.keys()).filter((n) => freshNames.includes(n));
  if (new Set(freshNames).size !== fresh.length || cur.size !== document.querySelectorAll("[data-live]").length || common.join("\n") !== curOrder.join("\n")) {
    keepAndReload(`regions: ${Array.from(cur.keys()).join(" ")} → ${freshNames.join(" ")}`.slice(0, 500));
    return false;
  }
  let changed = false;
  for (const [n, e] of cur) {
    if (freshNames.includes(n)) continue;
    e.remove();
    cur.delete(n);
    snaps.delete(n);
    changed = true;
  }
  for (let i = 0; i < fresh.length; i++) {
    const n = freshNames[i];
    const f = fresh[i];
    const old = cur.get(n);
    if (old) {
      const snap = snaps.get(n);
      if (snap && snap.isEqualNode(f)) continue;
      snaps.set(n, f.cloneNode(true) as Element);
      cur.set(n, replaceRegion(old, f));
      changed = true;
      continue;
    }
    // A new region: next to a neighbour that has the same parent in doc.
    let placed: HTMLElement | null = null;
    for (let j = i + 1; j < fresh.length && !placed; j++) {
      const at = cur.get(freshNames[j]);
      if (at && fresh[j].parentElement === f.parentElement) placed = insertRegion(f, (node) => at.before(node));
    }
    for (let j = i - 1; j >= 0 && !placed; j--) {
      const at = cur.get(freshNames[j]);
      if (at && fresh[j].parentElement === f.parentElement) placed = insertRegion(f, (node) => at.after(node));
    }
    if (!placed) {
      keepAndReload(`region ${n} appeared with no neighbour`);
      return false;
    }
    cur.set(n, placed);
    snaps.set(n, f.cloneNode(true) as Element);
    changed = true;
  }
  return changed;
}

function insertRegion(fresh: Element, put: (node: HTMLElement) => void): HTMLElement {
  const node = document.importNode(fresh, true) as HTMLElement;
  scrub(node);
  put(node);
  initSortable(node);
  return node;
}

// Elements and attributes no region of ours has, removed from imported
// nodes all the same.
const ACTIVE = "script, iframe, frame, object, embed, base, form, link, meta, style, template";

function scrub(root: Element): void {
  for (const e of Array.from(root.querySelectorAll(ACTIVE))) e.remove();
  for (const e of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const a of Array.from(e.attributes)) {
      const n = a.name.toLowerCase();
      const v = a.value.trim().toLowerCase();
      if (n.startsWith("on") || n === "style" || n === "srcdoc" || ((n === "href" || n === "src" || n === "xlink:href" || n === "action") && /^(?:javascript|data|vbscript):/.test(v))) {
        e.removeAttribute(a.name);
      }
    }
  }
}

function replaceRegion(old: HTMLElement, fresh: Element): HTMLElement {
  const node = document.importNode(fresh, true) as HTMLElement;
  scrub(node);
  // What the user set in the old region: checked scans, open details.
  const checked = new Set(
    Array.from(old.querySelectorAll<HTMLInputElement>("input.scan-select"))
      .filter((b) => b.checked)
      .map((b) => b.value),
  );
  const open = new Set(Array.from(old.querySelectorAll("details[open] > summary"), (s) => s.textContent ?? ""));
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && old.contains(active) ? active : null;
  old.replaceWith(node);
  const boxes = Array.from(node.querySelectorAll<HTMLInputElement>("input.scan-select"));
  for (const b of boxes) b.checked = checked.has(b.value);
  for (const d of Array.from(node.querySelectorAll("details"))) {
    const s = d.querySelector(":scope > summary");
    if (s && open.has(s.textContent ?? "")) d.setAttribute("open", "");
  }
  initSortable(node);
  const table = node.closest("table");
  if (table instanceof HTMLTableElement && table.classList.contains("sortable")) {
    const st = sortState(table);
    if (st) setSortState(table, st.col, st.dir);
  }
  if (boxes.length) refreshScanList();
  if (focused) {
    // Keep the keyboard where it was: on the same control in the new
    // region, else on the region.
    const same = Array.from(node.querySelectorAll<HTMLElement>(focused.tagName)).find(
      (e) =>
        e.getAttribute("href") === focused.getAttribute("href") &&
        (e as HTMLInputElement).value === (focused as HTMLInputElement).value &&
        e.textContent === focused.textContent,
    );
    if (same) same.focus({ preventScroll: true });
    else {
      if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
      node.focus({ preventScroll: true });
    }
  }
  return node;
}

// ---- built sites: polling ----

async function startStatic(): Promise<void> {
  const k = kind();
  if (k === "scans" || k === "search-all") {
    const list = initialScans;
    if (!list) return;
    pollList(list);
    return;
  }
  if (!scanId()) return;
  let m: Manifest;
  try {
    m = await pageManifest();
  } catch {
    return;
  }
  if (m.done) return;
  current = m;
  showStatus(`${restored ? "Refreshed" : "Loaded"} ${clock()} — the scan is still running`, "poll");
  window.setTimeout(pollScan, POLL_MS);
}

// fingerprint is what a manifest says about the data, to tell whether it
// changed: a rebuilt site starts its generation over, so gen alone does
// not tell.
function fingerprint(m: Manifest): string {
  const chunks = (l: Array<{ f: string; n: number; s?: number; v?: number }>) => l.map((c) => `${c.f}/${c.s ?? ""}/${c.n}/${c.v ?? 0}`).join(",");
  return JSON.stringify([
    m.gen ?? 0,
    m.status,
    m.done,
    m.count,
    m.log.total,
    m.fp?.n ?? 0,
    chunks(m.log.chunks),
    m.types.map((t) => [t.slug, t.total, t.unique, t.risky, t.fp, t.last, chunks(t.chunks)]),
  ]);
}

async function pollScan(): Promise<void> {
  if (stopped) return;
  const prev = current!;
  let m: Manifest;
  try {
    const p = await load("manifest.js", "t=" + Date.now());
    if (p.k !== "manifest") throw new Error("not a manifest");
    m = p;
  } catch {
    showStatus(`Could not read the scan's data at ${clock()}; trying again in 5 s`, "down");
    window.setTimeout(pollScan, POLL_MS);
    return;
  }
  if (fingerprint(m) !== fingerprint(prev)) {
    current = m;
    announceNew(m.count - prev.count);
    const k = kind();
    if (DATA_PAGES.includes(k)) {
      if (target) {
        const r = await target.update(m, { fp: fpKey(prev) !== fpKey(m), query: "t=" + Date.now() }).catch(() => "ok" as const);
        if (r === "reload") {
          keepAndReload("data");
          return;
        }
      }
      headerFromManifest(m);
    } else if (SCAN_DATA_PAGES.includes(k) || (k === "settings" && m.status !== prev.status)) {
      keepAndReload("page");
      return;
    }
  }
  if (m.done) {
    showStatus(`Refreshed ${clock()} — the scan has ended (${m.status})`, "done");
    return;
  }
  showStatus(`Refreshed ${clock()} — the scan is still running`, "poll");
  window.setTimeout(pollScan, POLL_MS);
}

export function running(l: ScanEntry[]): number {
  return l.filter((s) => !FINAL.includes(String(s.status))).length;
}

function listKey(l: ScanEntry[]): string {
  return JSON.stringify(l.map((s) => [s.id, s.status, s.count]));
}

function pollList(first: ScanEntry[]): void {
  let last = first;
  const say = (verb: string) => {
    const n = running(last);
    showStatus(`${verb} ${clock()} — ${n === 1 ? "a scan is" : comma(n) + " scans are"} still running`, "poll");
  };
  if (running(last) === 0) return;
  say(restored ? "Refreshed" : "Loaded");
  const tick = async () => {
    if (stopped) return;
    try {
      const p = await loadScript("data/scans.js", "t=" + Date.now());
      if (p.k === "scans") {
        if (listKey(p.scans) !== listKey(last)) {
          if (kind() === "scans") {
            keepAndReload("list");
            return;
          }
          const before = new Map(last.map((e) => [String(e.id), JSON.stringify([e.status, e.count])]));
          const changed = p.scans.filter((e) => before.has(String(e.id)) && before.get(String(e.id)) !== JSON.stringify([e.status, e.count])).map((e) => String(e.id));
          const fresh = idsKey(p.scans) !== idsKey(last);
          last = p.scans.slice();
          const q = "t=" + Date.now();
          if (
            scansTarget &&
            kind() === "search-all" &&
            (!fresh || (await scansTarget.syncList(p.scans, q)) === "ok") &&
            (await scansTarget.updateScans(changed, q)) === "ok"
          ) {
            if (running(last) > 0) {
              say("Refreshed");
              window.setTimeout(tick, POLL_MS);
            } else showStatus(`Refreshed ${clock()} — every scan has ended`, "done");
            return;
          }
          showStatus(`Refreshed ${clock()} — the scans have new data`, "stale", true);
          if (running(last) > 0) window.setTimeout(tick, POLL_MS);
          return;
        }
        last = p.scans.slice();
      }
    } catch {
      showStatus(`Could not read the scan list at ${clock()}; trying again in 5 s`, "down");
      window.setTimeout(tick, POLL_MS);
      return;
    }
    if (running(last) === 0) {
      showStatus(`Refreshed ${clock()} — every scan has ended`, "done");
      return;
    }
    say("Refreshed");
    window.setTimeout(tick, POLL_MS);
  };
  window.setTimeout(tick, POLL_MS);
}

// ---- the scan header, from the manifest (built sites, data pages) ----

// statusClass and partialText follow generator/pages (StatusOf, partialText).
export function statusClass(s: string): string {
  switch (s) {
    case "FINISHED":
      return "ok";
    case "ABORTED":
    case "ABORT-REQUESTED":
    case "ABORTING":
      return "warn";
    case "ERROR-FAILED":
      return "fail";
    case "CREATED":
    case "INITIALIZING":
    case "STARTING":
    case "STARTED":
    case "RUNNING":
      return "run";
  }
  return "idle";
}

export function partialText(s: string): string {
  switch (s) {
    case "FINISHED":
      return "";
    case "ABORTED":
    case "ABORT-REQUESTED":
    case "ABORTING":
      return "This scan was aborted: the results are partial.";
    case "ERROR-FAILED":
      return "This scan failed: the results are partial.";
    case "CREATED":
      return "This scan has not started yet.";
    case "INITIALIZING":
    case "STARTING":
    case "STARTED":
    case "RUNNING":
      return `This scan is still running (${s}): the results are partial and grow as elements arrive.`;
  }
  return `This scan's status is ${JSON.stringify(s)}: the results may be partial.`;
}

// headerFromManifest brings the scan header (status badge, partial-results
// notice) and the element page's type facts up to date from the manifest,
// where no server can render them again.
function headerFromManifest(m: Manifest): void {
  const status = String(m.status);
  const badge = document.querySelector<HTMLElement>(".scan-header .title .badge[class*='status-']");
  if (badge) {
    setText(badge, status);
    const cls = "badge status-" + statusClass(status);
    if (badge.className !== cls) badge.className = cls;
  }
  const box = document.querySelector<HTMLElement>("[data-live='scan-notice']");
  if (box) {
    const text = partialText(status);
    let p = box.querySelector<HTMLElement>(".notice.partial");
    if (text === "") p?.remove();
    else {
      if (!p) p = box.appendChild(h("p", { class: "notice partial", role: "status" }));
      setText(p, text);
    }
  }
  const slug = document.body.getAttribute("data-type");
  const t = slug ? m.types.find((x) => x.slug === slug) : undefined;
  const facts = document.querySelector<HTMLElement>(".type-head .type-facts");
  if (t && facts) typeFacts(facts, t);
}

// typeFacts fills ul.type-facts as templates/elements.html does.
export function typeFacts(ul: HTMLElement, t: TypeInfo): void {
  const items: HTMLElement[] = [];
  const fact = (n: number, label: string) => h("li", null, h("strong", null, comma(n)), " " + label);
  items.push(fact(t.total, "total"), fact(t.unique, "unique"));
  if (t.risky) items.push(fact(t.risky, "risky"));
  if (t.fp) items.push(fact(t.fp, t.fp === 1 ? "false positive" : "false positives"));
  const last = utc(t.last);
  if (last) {
    const iso = new Date(t.last).toISOString().replace(/\.\d{3}Z$/, "Z");
    items.push(h("li", null, "last seen ", h("time", { datetime: iso }, last + " UTC")));
  }
  const same = ul.children.length === items.length && items.every((it, i) => it.isEqualNode(ul.children[i]));
  if (!same) ul.replaceChildren(...items);
}

// ---- false positives (preview server) ----

export type FPResult = { ok: true } | { ok: false; refused: boolean; text: string };

// postFP asks the preview server to mark (fp) or unmark elements of the
// scan, by the scanner's element ids. The token travels in a header.
export async function postFP(scan: string, ids: string[], fp: boolean): Promise<FPResult> {
  if (!cfg) return { ok: false, refused: false, text: "False positives can only be marked in the preview server (scanreport serve)." };
  const send = () =>
    fetch(cfg!.fp, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "X-SR-Token": cfg!.token },
      body: JSON.stringify({ scan, ids, fp }),
    });
  let r: Response;
  try {
    r = await send();
    if (r.status === 403) {
      await refreshConfig(); // the server may have restarted with a new token
      r = await send();
    }
  } catch (e) {
    return { ok: false, refused: false, text: "The preview server did not answer: " + (e instanceof Error ? e.message : String(e)) };
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await r.json()) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  if (r.ok && body.ok === true) return { ok: true };
  const text = typeof body.error === "string" && body.error !== "" ? body.error : `The preview server answered ${r.status}.`;
  return { ok: false, refused: r.status === 409 || body.refused === true, text };
}
