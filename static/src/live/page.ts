// What live updates know of the page they run in and of the data files
// they compare: the poll interval, the page's kind and scan, which kinds
// hold the scan's data, and the keys that tell whether a manifest or the
// scan list moved. No state: each function reads the page or its
// arguments; all but kind, scanId and ownPath are pure (make test-node).

import type { Manifest, ScanEntry } from "../data/types";

// POLL_MS is how often a built site's pages look for new data while a
// scan runs (and how long the event stream waits before reconnecting).
export const POLL_MS = 5000;

// pollInterval is POLL_MS, or the page URL's ?sr-poll=<ms> (50 ms to a
// minute): the end-to-end tests poll fast instead of waiting 5 s.
export function pollInterval(search: string): number {
  const v = new URLSearchParams(search).get("sr-poll");
  if (v === null || !/^\d{2,5}$/.test(v)) return POLL_MS;
  const ms = Number(v);
  return ms >= 50 && ms <= 60000 ? ms : POLL_MS;
}

// Statuses after which a scan does not change any more.
const FINAL = ["FINISHED", "ABORTED", "ERROR-FAILED"];

// Pages that hold the scan's data in the browser (a LiveTarget).
export const DATA_PAGES = ["elements", "log", "graph", "visualise", "explore", "search"];
// Server-rendered pages made of the scan's data (not only its header).
export const SCAN_DATA_PAGES = ["overview", "browse", "correlations"];

// kind is the page's <body data-page>.
export function kind(): string {
  return document.body.getAttribute("data-page") ?? "";
}

// scanId is the page's scan, "" on pages about every scan.
export function scanId(): string {
  return document.body.getAttribute("data-scan") ?? "";
}

// ownPath is the page's file relative to the site root, as events name it.
export function ownPath(): string {
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

// running counts the scans of a list that may still change.
export function running(l: ScanEntry[]): number {
  return l.filter((s) => !FINAL.includes(String(s.status))).length;
}

// fpKey is what a manifest says of false positives, to tell when they moved.
export function fpKey(m: Manifest): string {
  return String(m.fp?.n ?? 0) + ":" + m.types.map((t) => t.fp).join(",");
}

// fingerprint is what a manifest says about the data, to tell whether it
// changed: a rebuilt site starts its generation over, so gen alone does
// not tell.
export function fingerprint(m: Manifest): string {
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

// listKey is what the scan list says of each scan's progress.
export function listKey(l: ScanEntry[]): string {
  return JSON.stringify(l.map((s) => [s.id, s.status, s.count]));
}

// idsKey is the set of scans of a list.
export function idsKey(l: ScanEntry[]): string {
  return l
    .map((e) => String(e.id))
    .sort()
    .join("\n");
}
