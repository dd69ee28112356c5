// The loading of the loading search pages (pages/search-page.ts): the scans'
// manifests, element chunks and fp.js into the corpus (search-corpus.ts),
// at first and on live updates (new and rewritten chunks, scans that came
// or went). What the page does with new rows it is told through
// LoaderPage.

import { fpKey, type Live } from "../live/live";
import { initialScans, manifest as scanManifest } from "../data/registry";
import type { ChunkRef, FPList, Manifest, ScanEntry, ScansList } from "../data/types";
import { clearNotice, h, notice } from "../ui/dom";
import { comma, plural } from "../ui/format";
import { chunkKey, FOLDER, loadFiles, loadFrom, SCAN_ID, type Corpus, type ScanPart, type TypePart } from "./search-corpus";

// MAX_ELEMENTS is how many elements the search over all scans loads into
// one page (about 360 MB of page heap per million, plus the worker's copy);
// scans beyond it are named, with a link to their own search page.
export const MAX_ELEMENTS = 2_500_000;

// What the loader tells the page.
export interface LoaderPage {
  readonly host: HTMLElement; // notices go before it
  readonly live: Live;
  setProgress(t: string): void;
  showProgress(): void;
  rowsAdded(g0: number, g1: number, first: boolean): void; // global rows g0..g1 joined (first: the first load)
  fileLoaded(): void; // a data file of the first load is in the corpus
  rowsChanged(from: number, to: number): void; // held rows whose values changed in place
  fpChanged(): void; // a scan's false positives were marked again
  scansChanged(): void; // a scan was added
  updated(moved: boolean): void; // a live update of a scan is in (moved: values changed in place)
  listChanged(): void; // scans came or went
}

export class ScanLoader {
  readonly skipped = new Set<string>(); // scans left out (MAX_ELEMENTS)
  files = 0; // data files to load
  filesDone = 0;
  expected = 0; // elements the scans announce

  constructor(
    private readonly c: Corpus,
    private readonly page: LoaderPage,
  ) {}

  async loadOne(): Promise<void> {
    const id = document.body.getAttribute("data-scan") ?? "";
    const folder = document.body.getAttribute("data-data") ?? "";
    if (!SCAN_ID.test(id) || !FOLDER.test(folder)) throw new Error("This page has no valid scan data folder.");
    this.page.setProgress("Loading the scan's data…");
    const m = await scanManifest();
    const sc = this.addScan(id, id, "", folder, "", m.count);
    await this.loadScan(sc, m);
  }

  async loadEveryScan(): Promise<void> {
    this.page.setProgress("Loading the list of scans…");
    let list: ScansList | null = initialScans();
    if (!list) {
      // The page loads data/scans.js before the bundle; if that did not
      // arrive (a slow disk), load it again.
      const p = await loadFrom("data/", "scans.js");
      if (p.k !== "scans") throw new Error("data/scans.js holds no list of scans.");
      list = p;
    }
    const parts: ScanPart[] = [];
    const skipped: Array<{ id: string; name: string; count: number }> = [];
    let total = 0;
    for (const e of list.scans) {
      const id = String(e.id);
      if (!SCAN_ID.test(id) || e.data !== "scans/" + id + "/data/") continue; // not a folder of this site
      const count = Number(e.count) || 0;
      if (total + count > MAX_ELEMENTS && parts.length > 0) {
        skipped.push({ id, name: String(e.name ?? id), count });
        this.skipped.add(id);
        continue;
      }
      total += count;
      parts.push(this.addScan(id, String(e.name ?? id), String(e.target ?? ""), e.data, "scans/" + id + "/", count));
    }
    if (skipped.length > 0) this.tooMany(skipped);
    for (const sc of parts) {
      try {
        const mp = await loadFrom(sc.folder, "manifest.js");
        if (mp.k !== "manifest" || mp.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
        await this.loadScan(sc, mp);
      } catch (e) {
        // A broken scan never stops the others.
        sc.error = (e as Error).message;
        notice(this.page.host, `${sc.name}: ${sc.error}`, "error", "scan-" + sc.index);
      }
    }
  }

  // tooMany says which scans are left out, with links to search each alone.
  private tooMany(skipped: Array<{ id: string; name: string; count: number }>): void {
    const n = skipped.reduce((a, s) => a + s.count, 0);
    const el = notice(this.page.host, "", "info", "too-many");
    el.append(
      `Together the scans hold more elements than one page can search (${comma(MAX_ELEMENTS)} at most), so ${plural(skipped.length, "scan", "scans")} with ${plural(n, "element", "elements")} ${skipped.length === 1 ? "is" : "are"} left out here; search ${skipped.length === 1 ? "it" : "each"} on its own: `,
    );
    skipped.forEach((s, k) => {
      if (k > 0) el.append(", ");
      el.append(h("a", { href: "scans/" + s.id + "/search.html" }, s.name));
    });
    el.append(".");
  }

  private addScan(id: string, name: string, target: string, folder: string, pages: string, expected: number): ScanPart {
    const sc: ScanPart = {
      index: this.c.scans.length,
      id,
      name: name || id,
      target,
      folder,
      pages,
      expected,
      m: null,
      types: [],
      parts: [],
      fp: null,
      error: "",
      gone: false,
    };
    this.c.scans.push(sc);
    this.expected += expected;
    this.page.scansChanged();
    return sc;
  }

  private async loadScan(sc: ScanPart, m: Manifest): Promise<void> {
    sc.m = m;
    this.expected += (Number(m.count) || 0) - sc.expected;
    sc.expected = Number(m.count) || 0;
    const files: string[] = [];
    const refs: Array<{ tp: TypePart; ref: ChunkRef }> = [];
    for (const t of m.types) {
      const tp = this.c.part(sc, t);
      for (const ch of t.chunks) {
        files.push(String(ch.f));
        refs.push({ tp, ref: ch });
      }
    }
    this.files += files.length;
    if (m.fp && m.fp.n > 0) void this.loadFP(sc, "");
    this.page.showProgress();
    await loadFiles(sc.folder, files, (p, k) => {
      const { tp, ref } = refs[k];
      if (p.k !== "elements" || p.scan !== sc.id || p.type !== sc.types[tp.ti].slug) throw new Error(`The data file ${sc.folder}${files[k]} holds other elements.`);
      const [g0, g1] = this.c.place(tp, p, ref, () => undefined);
      this.page.rowsAdded(g0, g1, true);
      this.filesDone++;
      this.page.fileLoaded();
    });
  }

  // loadFP loads a scan's fp.js and marks its rows.
  private async loadFP(sc: ScanPart, query: string): Promise<void> {
    const f = sc.m?.fp?.f;
    if (!f) return;
    try {
      const p = await loadFrom(sc.folder, String(f), query);
      if (p.k !== "fp" || p.scan !== sc.id) return;
      sc.fp = new Set((p as FPList).i);
      for (const tp of sc.parts) tp.store.setFP(sc.fp);
      this.page.fpChanged();
    } catch (e) {
      notice(this.page.host, (e as Error).message + " False positives are not marked.", "error", "fp-" + sc.index);
    }
  }

  // updateScans takes the news that scans changed (live/live.ts; the search page
  // over all scans): each scan of the page whose manifest moved is merged
  // in place. It says "stale" when scans came or went (the page then
  // offers a reload).
  async updateScans(ids: string[], query: string): Promise<"ok" | "stale"> {
    for (const id of ids) {
      const sc = this.c.scans.find((x) => x.id === id && !x.gone);
      if (!sc || sc.error !== "") continue;
      try {
        const p = await loadFrom(sc.folder, "manifest.js", query);
        if (p.k !== "manifest" || p.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
        const prevFP = sc.m ? fpKey(sc.m) : "";
        if ((await this.updateScan(sc, p, fpKey(p) !== prevFP, query)) === "reload") return "stale";
      } catch (e) {
        notice(this.page.host, `${sc.name}: ${(e as Error).message} The results show what was loaded before.`, "error", "live-" + sc.index);
      }
    }
    return "ok";
  }

  // syncList takes the scan list again (the search over all scans): a scan
  // no longer listed has its rows left out (with a notice), a new one is
  // loaded and searched like the others. It says "stale" when a new scan
  // would take the page past MAX_ELEMENTS.
  async syncList(list: ScanEntry[], query: string): Promise<"ok" | "stale"> {
    const listed = new Set<string>();
    for (const e of list) if (SCAN_ID.test(String(e.id))) listed.add(String(e.id));
    let changed = false;
    for (const sc of this.c.scans) {
      if (sc.gone || listed.has(sc.id)) continue;
      sc.gone = true;
      changed = true;
      this.expected -= sc.expected;
      notice(this.page.host, `${sc.name} is no longer in the scans folder: its elements are left out of the results.`, "info", "gone-" + sc.index);
    }
    const held = new Set(this.c.scans.filter((sc) => !sc.gone).map((sc) => sc.id));
    let total = this.c.scans.reduce((a, sc) => a + (sc.gone ? 0 : sc.expected), 0);
    for (const e of list) {
      const id = String(e.id);
      if (held.has(id) || this.skipped.has(id) || !SCAN_ID.test(id) || e.data !== "scans/" + id + "/data/") continue;
      const count = Number(e.count) || 0;
      if (total + count > MAX_ELEMENTS) return "stale";
      total += count;
      const sc = this.addScan(id, String(e.name ?? id), String(e.target ?? ""), e.data, "scans/" + id + "/", count);
      changed = true;
      try {
        const mp = await loadFrom(sc.folder, "manifest.js", query);
        if (mp.k !== "manifest" || mp.scan !== sc.id) throw new Error(`${sc.folder}manifest.js is not this scan's manifest.`);
        await this.loadScan(sc, mp);
      } catch (err) {
        sc.error = (err as Error).message;
        notice(this.page.host, `${sc.name}: ${sc.error}`, "error", "scan-" + sc.index);
      }
    }
    if (changed) this.page.listChanged();
    return "ok";
  }

  // updateScan loads the chunks of a scan that are new or were rewritten,
  // places their rows (new rows appended, changed rows updated in place and
  // searched again), loads fp.js when false positives moved, and runs the
  // search again: the results, their sort, the hidden false positives and
  // the scroll position stay. "reload" means the scan was read again from
  // scratch (a type holds fewer rows than the page).
  async updateScan(sc: ScanPart, m: Manifest, fp: boolean, query: string): Promise<"ok" | "reload"> {
    for (const t of m.types) {
      const ti = sc.types.findIndex((x) => x.slug === t.slug);
      if (ti >= 0 && Number(t.total) < sc.parts[ti].store.n) return "reload";
    }
    sc.m = m;
    this.expected += (Number(m.count) || 0) - sc.expected;
    sc.expected = Number(m.count) || 0;
    const want: Array<{ tp: TypePart; ref: ChunkRef }> = [];
    for (const t of m.types) {
      const tp = this.c.part(sc, t);
      for (const ch of t.chunks) if (tp.keys.get(String(ch.f)) !== chunkKey(ch)) want.push({ tp, ref: ch });
    }
    // A server's files carry their version in the URL (the browser may hold
    // an older copy); a built site's are asked for afresh.
    const q = (ch: ChunkRef) => (this.page.live.config ? "v=" + (ch.v ?? 0) : query);
    let moved = false;
    if (want.length > 0) {
      try {
        const got = await Promise.all(want.map(({ tp, ref }) => loadFrom(sc.folder, String(ref.f), q(ref)).then((p) => ({ tp, ref, p }))));
        got.sort((a, b) => a.tp.index - b.tp.index || (a.ref.s ?? 0) - (b.ref.s ?? 0));
        for (const { tp, ref, p } of got) {
          if (p.k !== "elements" || p.scan !== sc.id || p.type !== sc.types[tp.ti].slug) throw new Error(`The data file ${sc.folder}${ref.f} holds other elements.`);
          if (typeof ref.s === "number" && ref.s > tp.store.n) continue; // rows missing before it: the next update tries again
          const [g0, g1] = this.c.place(tp, p, ref, (from, to) => {
            this.page.rowsChanged(from, to);
            moved = true;
          });
          this.page.rowsAdded(g0, g1, false);
        }
        clearNotice(this.page.host, "live-" + sc.index);
      } catch (e) {
        notice(this.page.host, `${(e as Error).message} The results show what was loaded before; the page tries again with the next update.`, "error", "live-" + sc.index);
      }
    }
    if (fp && m.fp) await this.loadFP(sc, query);
    this.page.updated(moved);
    return "ok";
  }
}
