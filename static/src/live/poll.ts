// Live updates in a built site (file://, a static server, a bucket), where
// nothing tells the page that data changed: a scan page whose manifest says
// the scan is still running injects manifest.js?t=<now> every live.pollMs
// (5 s); the scan list and the search over all scans do the same with
// data/scans.js. New data goes into the page's LiveTarget (element table,
// log, …) in place; pages made of server-rendered data (overview, browse)
// reload, keeping the scroll position. Polling stops once the scan is
// done. Nothing else is ever requested.

import type { Live } from "./live";
import { DATA_PAGES, SCAN_DATA_PAGES, fingerprint, fpKey, idsKey, kind, listKey, running, scanId } from "./page";
import { clock, headerFromManifest } from "./status";
import { load, loadScript, manifest as pageManifest } from "../data/registry";
import { comma } from "../ui/format";
import type { Manifest, ScanEntry } from "../data/types";

// startPolling polls the page's scan, or the scan list, while it runs.
export async function startPolling(live: Live): Promise<void> {
  const k = kind();
  if (k === "scans" || k === "search-all") {
    const list = live.initialScans;
    if (!list) return;
    pollList(live, list);
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
  live.current = m;
  live.showStatus(`${live.restored ? "Refreshed" : "Loaded"} ${clock()} — the scan is still running`, "poll");
  window.setTimeout(() => void pollScan(live), live.pollMs);
}

async function pollScan(live: Live): Promise<void> {
  if (live.stopped) return;
  const again = () => window.setTimeout(() => void pollScan(live), live.pollMs);
  const prev = live.current!;
  let m: Manifest;
  try {
    const p = await load("manifest.js", "t=" + Date.now());
    if (p.k !== "manifest") throw new Error("not a manifest");
    m = p;
  } catch {
    live.showStatus(`Could not read the scan's data at ${clock()}; trying again in 5 s`, "down");
    again();
    return;
  }
  if (fingerprint(m) !== fingerprint(prev)) {
    live.current = m;
    live.announcer.add(m.count - prev.count);
    const k = kind();
    if (DATA_PAGES.includes(k)) {
      if (live.target) {
        const r = await live.target.update(m, { fp: fpKey(prev) !== fpKey(m), query: "t=" + Date.now() }).catch(() => "ok" as const);
        if (r === "reload") {
          live.keepAndReload("data");
          return;
        }
      }
      headerFromManifest(m);
    } else if (SCAN_DATA_PAGES.includes(k) || (k === "settings" && m.status !== prev.status)) {
      live.keepAndReload("page");
      return;
    }
  }
  if (m.done) {
    live.showStatus(`Refreshed ${clock()} — the scan has ended (${m.status})`, "done");
    return;
  }
  live.showStatus(`Refreshed ${clock()} — the scan is still running`, "poll");
  again();
}

function pollList(live: Live, first: ScanEntry[]): void {
  let last = first;
  const say = (verb: string) => {
    const n = running(last);
    live.showStatus(`${verb} ${clock()} — ${n === 1 ? "a scan is" : comma(n) + " scans are"} still running`, "poll");
  };
  if (running(last) === 0) return;
  say(live.restored ? "Refreshed" : "Loaded");
  const tick = async () => {
    if (live.stopped) return;
    try {
      const p = await loadScript("data/scans.js", "t=" + Date.now());
      if (p.k === "scans") {
        if (listKey(p.scans) !== listKey(last)) {
          if (kind() === "scans") {
            live.keepAndReload("list");
            return;
          }
          const before = new Map(last.map((e) => [String(e.id), JSON.stringify([e.status, e.count])]));
          const changed = p.scans.filter((e) => before.has(String(e.id)) && before.get(String(e.id)) !== JSON.stringify([e.status, e.count])).map((e) => String(e.id));
          const fresh = idsKey(p.scans) !== idsKey(last);
          last = p.scans.slice();
          const q = "t=" + Date.now();
          const st = live.scansTarget;
          if (st && kind() === "search-all" && (!fresh || (await st.syncList(p.scans, q)) === "ok") && (await st.updateScans(changed, q)) === "ok") {
            if (running(last) > 0) {
              say("Refreshed");
              window.setTimeout(tick, live.pollMs);
            } else live.showStatus(`Refreshed ${clock()} — every scan has ended`, "done");
            return;
          }
          live.showStatus(`Refreshed ${clock()} — the scans have new data`, "stale", true);
          if (running(last) > 0) window.setTimeout(tick, live.pollMs);
          return;
        }
        last = p.scans.slice();
      }
    } catch {
      live.showStatus(`Could not read the scan list at ${clock()}; trying again in 5 s`, "down");
      window.setTimeout(tick, live.pollMs);
      return;
    }
    if (running(last) === 0) {
      live.showStatus(`Refreshed ${clock()} — every scan has ended`, "done");
      return;
    }
    say("Refreshed");
    window.setTimeout(tick, live.pollMs);
  };
  window.setTimeout(tick, live.pollMs);
}
