// Live updates in the preview server (`scanreport serve`): one EventSource
// per browser (stream.ts: the pages share it) hears the server's "change"
// events (which scans and which site files were written). The page's own
// scan's manifest, when it changed, is loaded again (manifest.js?g=<gen>)
// and handed to the page's LiveTarget, which loads only the chunks that are
// new or have a new version and merges their rows in place.
// Server-rendered parts (headers, counts, charts, the scan list) are
// fetched again when the event names the page's own file and patched in
// (regions.ts). A "full" event (the whole site was rebuilt) reloads the
// page, keeping its scroll position.

import type { LiveApi } from "./api";
import type { Live } from "./live";
import { DATA_PAGES, SCAN_DATA_PAGES, fpKey, idsKey, kind, ownPath, scanId } from "./page";
import { clock, showDownloads } from "./status";
import { listen } from "./stream";
import { load, loadScript, manifest as pageManifest } from "../data/registry";
import type { ScanEntry } from "../data/types";

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

// startServe follows the server's events for the page.
export function startServe(live: Live, api: LiveApi): void {
  const u = new ServeUpdates(live);
  live.onLateTarget(() => u.enqueue({ gen: 0, scans: [], paths: [], list: false, full: false, resync: true }));
  listen(api.config.events, live.pollMs, {
    hello: (data, again) => {
      live.behind.show(data);
      live.showStatus("Live", "live");
      if (again) void api.refresh();
      // Changes made between the page's load and now, or while the
      // stream was down, were not heard: look at everything once.
      const ch = parseChange(data, true);
      if (ch) u.enqueue(ch);
    },
    change: (data) => {
      live.behind.show(data);
      const ch = parseChange(data, false);
      if (ch) u.enqueue(ch);
    },
    down: () => {
      if (!live.stopped) live.showStatus("Live · reconnecting…", "down");
    },
    up: () => {
      if (!live.stopped) live.showStatus("Live", "live");
    },
  });
}

// ServeUpdates applies the changes the events announce, one at a time;
// changes that arrive meanwhile are merged into one.
class ServeUpdates {
  private queued: Change | null = null;
  private busy = false;
  private lastIDs: string | null = null; // the scans of the last list seen (search over all scans)

  constructor(private live: Live) {}

  enqueue(c: Change): void {
    if (this.live.stopped) return;
    const q = this.queued;
    if (q) {
      this.queued = {
        gen: Math.max(q.gen, c.gen),
        scans: q.scans.concat(c.scans),
        paths: q.paths.concat(c.paths),
        list: q.list || c.list,
        full: q.full || c.full,
        resync: q.resync || c.resync,
      };
    } else this.queued = c;
    if (!this.busy) void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queued && !this.live.stopped) {
        const c = this.queued;
        this.queued = null;
        try {
          await this.apply(c);
        } catch (e) {
          this.live.showStatus("Live · could not update: " + (e instanceof Error ? e.message : String(e)), "error");
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private async apply(c: Change): Promise<void> {
    const live = this.live;
    if (c.full) {
      live.keepAndReload("full");
      return;
    }
    const paths = new Set(c.paths);
    const id = scanId();
    const k = kind();
    let touched = false;
    if (id) {
      const dir = "scans/" + id;
      if (paths.has(dir)) {
        this.removed();
        return;
      }
      const fpFile = dir + "/data/fp.js";
      // The graph of a large scan is laid out again apart from the manifest
      // (generator/graph Live.Flush): its page looks when graph.js changed.
      if (c.resync || paths.has(dir + "/data/manifest.js") || (k === "graph" && paths.has(dir + "/data/graph.js"))) {
        if (DATA_PAGES.includes(k)) {
          const fpMoved = await this.syncManifest(c.resync ? "t=" + Date.now() : "g=" + c.gen, c.resync || paths.has(fpFile));
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
    } else if (k === "search-all" && !c.resync && live.scansTarget) {
      // The scans whose data moved are merged in place, and scans that came
      // or went are added or left out (listChanged reads data/scans.js).
      const st = live.scansTarget;
      const ids = c.paths.map((p) => /^scans\/([^/]+)\/data\/manifest\.js$/.exec(p)?.[1] ?? "").filter((x) => x !== "");
      const list = c.list || c.paths.some((p) => /^scans\/[^/]+$/.test(p)) ? await this.listChanged() : null;
      if ((list && (await st.syncList(list, "g=" + c.gen)) === "stale") || (ids.length > 0 && (await st.updateScans(ids, "g=" + c.gen)) === "stale")) {
        live.showStatus(`Live · new data at ${clock()}`, "stale", true);
        return;
      }
      touched = ids.length > 0 || list !== null;
    }
    if (k === "scans" && !c.resync && paths.has("data/scans.js")) {
      // Keep data/scans.js current for the downloads of selected scans.
      await loadScript("data/scans.js", "g=" + c.gen).catch(() => undefined);
    }
    if (c.resync || paths.has(ownPath())) {
      if (await this.patchOwn()) touched = true;
    }
    if (touched && !live.stopped) live.showStatus(`Live · updated ${clock()}`, "live");
    if (id && !live.stopped && (c.resync || paths.has("scans/" + id + "/data/manifest.js"))) {
      // After patchOwn, which may have replaced the header.
      const m = DATA_PAGES.includes(k) && live.current ? live.current : await load("manifest.js", "t=" + Date.now()).catch(() => null);
      if (m && m.k === "manifest") showDownloads(m);
    }
  }

  // listChanged reads data/scans.js again and returns its list when the set
  // of scans differs from the last one seen (the search over all scans).
  private async listChanged(): Promise<ScanEntry[] | null> {
    if (this.lastIDs === null) this.lastIDs = idsKey(this.live.initialScans ?? []);
    try {
      const p = await loadScript("data/scans.js", "t=" + Date.now());
      if (p.k !== "scans") return null;
      const key = idsKey(p.scans);
      if (key === this.lastIDs) return null;
      this.lastIDs = key;
      return p.scans;
    } catch {
      return null;
    }
  }

  // syncManifest loads the manifest again and hands it to the target; it
  // reports whether the false-positive counts moved.
  private async syncManifest(query: string, fp: boolean): Promise<boolean> {
    const live = this.live;
    const prev = live.current ?? (await pageManifest().catch(() => null));
    const p = await load("manifest.js", query);
    if (p.k !== "manifest") return false;
    live.current = p;
    if (prev) live.announcer.add(p.count - prev.count);
    const moved = !prev || fpKey(prev) !== fpKey(p);
    if (!live.target) {
      live.targetWanted = true;
      return moved;
    }
    if ((await live.target.update(p, { fp: fp || moved, query })) === "reload") live.keepAndReload("data");
    return moved;
  }

  private removed(): void {
    this.live.stopped = true;
    this.live.showStatus("This scan is no longer in the scans folder: the page shows it as it was.", "gone");
  }

  // patchOwn fetches the page again and replaces the regions whose markup
  // changed (regions.ts); it reports whether anything changed.
  private async patchOwn(): Promise<boolean> {
    const r = await fetch(location.pathname, { cache: "no-store", credentials: "same-origin", redirect: "error" });
    if (r.status === 404) {
      if (scanId()) this.removed();
      return false;
    }
    if (!r.ok) throw new Error(`the server answered ${r.status}`);
    const type = r.headers.get("Content-Type") ?? "";
    if (!type.startsWith("text/html")) throw new Error("the page came back as " + type);
    const doc = new DOMParser().parseFromString(await r.text(), "text/html");
    if (this.live.stopped) return false;
    if ((doc.body.getAttribute("data-page") ?? "") !== kind() || (doc.body.getAttribute("data-scan") ?? "") !== scanId()) {
      this.live.keepAndReload("page");
      return false;
    }
    return this.live.regions.patch(doc);
  }
}
