// Live updates: open pages follow their scans while the scans are written.
// docs/site-format.md ("Live updates") is the contract.
//
// A page has one Live, made by the bundle's start (start.ts) and handed to
// the page's code: it holds the whole state of
// the page's live updates (the server's settings, the page's data holder,
// what was seen last) and is passed to the parts that use it:
//
//   - api.ts      the preview server's settings (live.js) and requests;
//   - serve.ts    in the preview server, the event stream (stream.ts) and
//                 what each change event does to the page;
//   - poll.ts     in a built site, polling while a scan runs;
//   - regions.ts  server-rendered regions patched in place (serve);
//   - status.ts   what the updates show: status line, notices, the scan
//                 header from the manifest;
//   - keep.ts     the view kept across a reload.
//
// Scan values stay text throughout: regions come from our own templates
// (html/template escaped every value) and are scrubbed of anything active
// before they are imported.

import { Announcer, quietStatus } from "./announce";
import { LiveApi, parseConfig, type ApiResult, type LiveConfig } from "./api";
import { keepView, restoreKept } from "./keep";
import { startPolling } from "./poll";
import { Regions } from "./regions";
import { startServe } from "./serve";
import { BehindNotice, StatusLine } from "./status";
import { pollInterval } from "./page";
import { byId } from "../ui/dom";
import { initialScans } from "../data/registry";
import type { Manifest, ScanEntry } from "../data/types";

export type { ApiResult, LiveConfig } from "./api";
export { fpKey, POLL_MS, running } from "./page";

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

export class Live {
  // The preview server's API; null in a built site.
  api: LiveApi | null = null;
  target: LiveTarget | null = null;
  scansTarget: ScansTarget | null = null;
  targetWanted = false; // a manifest arrived before the target was set
  stopped = false; // the page reloads or its scan is gone: nothing more to do
  restored = false; // this page was reloaded by a live update
  current: Manifest | null = null; // the page scan's manifest as last taken
  readonly pollMs = pollInterval(location.search);
  readonly announcer = new Announcer();
  readonly behind = new BehindNotice();
  readonly regions = new Regions((why) => this.keepAndReload(why));
  private status = new StatusLine(null, () => this.keepAndReload("button"));
  private started = false;
  private lateTarget: (() => void) | null = null;

  // initialScans is data/scans.js's list as the page loaded it.
  get initialScans(): ScanEntry[] | null {
    return initialScans()?.scans ?? null;
  }

  // config is the preview server's settings, or null in a built site.
  get config(): LiveConfig | null {
    return this.api ? this.api.config : null;
  }

  // start starts live updates for the page. Call it first in the bundle's
  // start, before anything changes the page: it notes the regions as the
  // server wrote them. The rest waits for the page's own setup.
  start(): void {
    if (this.started) return;
    this.started = true;
    this.regions.note();
    const cfg = parseConfig(window.__srLive);
    this.api = cfg ? new LiveApi(cfg) : null;
    const el = byId("live-status");
    this.status = new StatusLine(el, () => this.keepAndReload("button"));
    quietStatus(el); // announce.ts says what is new, batched
    // After the page's own setup (sortable tables, the scan list's boxes).
    Promise.resolve().then(() => {
      this.restored = restoreKept();
      if (this.api) startServe(this, this.api);
      else startPolling(this).catch(() => undefined);
    });
  }

  // setTarget registers the page's data holder (pages/elements.ts, pages/log.ts, …).
  setTarget(t: LiveTarget): void {
    this.target = t;
    if (this.targetWanted && this.lateTarget) {
      this.targetWanted = false;
      this.lateTarget();
    }
  }

  // setScansTarget registers the search over all scans.
  setScansTarget(t: ScansTarget): void {
    this.scansTarget = t;
  }

  // onLateTarget sets what happens when the target comes after a manifest
  // it should have had (serve.ts: look at everything again).
  onLateTarget(f: () => void): void {
    this.lateTarget = f;
  }

  // showStatus says what the live updates are doing; reload adds a button
  // that reloads the page.
  showStatus(text: string, state: string, reload = false): void {
    this.status.show(text, state, reload);
  }

  // keepAndReload notes the scroll position, checked boxes and table sorts
  // in sessionStorage and reloads the page; the reloaded page puts them back.
  keepAndReload(why: string): void {
    if (this.stopped) return;
    this.stopped = true;
    keepView(why);
    location.reload();
  }

  // postFP asks the preview server to mark (fp) or unmark elements of the
  // scan, by the scanner's element ids.
  postFP(scan: string, ids: string[], fp: boolean): Promise<ApiResult> {
    if (!this.api) return Promise.resolve({ ok: false, refused: false, text: "False positives can only be marked in the preview server (scanreport serve)." });
    return this.api.postFP(scan, ids, fp);
  }
}
