// Whole scans loaded into the page, for downloads that take several scans
// at once (the scan list's "download selected"). Each scan's manifest.js,
// fp.js and every element chunk are loaded by injecting classic <script>
// tags (file:// allows nothing else); each payload is told apart by the
// script that delivered it (data/registry.ts runScript: document.currentScript
// while it runs). The elements are kept by element index, so a source
// index finds its source element, as the Go side does.

import { runScript } from "./registry";
import { FLAG_RISKY, type ElementChunk, type Manifest, type Payload } from "./types";

// ScanInfo is what the scan list knows of a scan before its data is loaded.
export interface ScanInfo {
  id: string;
  name: string;
  target: string;
  status: string;
  kind: string;
  created: string; // ISO 8601 or ""
  started: string;
  ended: string;
  count: number; // elements without ROOT
  investigations: string[];
  data: string; // the scan's data/ folder, relative to the page, ending in "/"
}

// ScanData is one scan with every element, by element index (0 is ROOT).
export class ScanData {
  n = 0; // element indices 0..n-1 (some may be missing in a scan being written)
  present = new Uint8Array(0);
  type = new Int32Array(0); // index into manifest.types; -1 for ROOT
  src = new Int32Array(0); // source index; -1 for ROOT
  mod = new Int32Array(0);
  time = new Float64Array(0);
  risk = new Uint8Array(0);
  conf = new Uint8Array(0);
  vis = new Uint8Array(0);
  flags = new Uint8Array(0);
  fp = new Uint8Array(0);
  data: string[] = [];
  eid: string[] = [];
  rootData: string;
  rootTime: number;
  elements = 0; // loaded, without ROOT

  constructor(readonly info: ScanInfo, readonly manifest: Manifest) {
    this.rootData = info.target;
    const t = Date.parse(info.started || info.created);
    this.rootTime = isFinite(t) ? t : 0;
    this.reserve(Math.max(0, Number(manifest.count) | 0) + 1);
    this.present[0] = 1;
    this.type[0] = -1;
    this.src[0] = -1;
    this.eid[0] = "ROOT";
    this.data[0] = this.rootData;
    this.time[0] = this.rootTime;
    this.conf[0] = 100;
    this.vis[0] = 100;
    this.n = 1;
  }

  private reserve(n: number): void {
    if (this.present.length >= n) return;
    const k = Math.max(n, this.present.length * 2, 16);
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(k);
      b.set(a);
      return b;
    };
    this.present = g(this.present, (x) => new Uint8Array(x));
    this.type = g(this.type, (x) => new Int32Array(x));
    this.src = g(this.src, (x) => new Int32Array(x));
    this.mod = g(this.mod, (x) => new Int32Array(x));
    this.time = g(this.time, (x) => new Float64Array(x));
    this.risk = g(this.risk, (x) => new Uint8Array(x));
    this.conf = g(this.conf, (x) => new Uint8Array(x));
    this.vis = g(this.vis, (x) => new Uint8Array(x));
    this.flags = g(this.flags, (x) => new Uint8Array(x));
    this.fp = g(this.fp, (x) => new Uint8Array(x));
  }

  // add places a chunk's rows at their element indices.
  add(c: ElementChunk, typeIndex: number): void {
    for (let j = 0; j < c.n; j++) {
      const i = c.i[j] | 0;
      if (i <= 0) continue; // ROOT is never in a chunk
      this.reserve(i + 1);
      if (!this.present[i]) this.elements++;
      this.present[i] = 1;
      this.type[i] = typeIndex;
      this.src[i] = c.s[j] | 0;
      this.mod[i] = c.m[j] | 0;
      this.time[i] = +c.t[j] || 0;
      this.risk[i] = c.r[j] | 0;
      this.conf[i] = c.c ? c.c[j] | 0 : 0;
      this.vis[i] = c.v ? c.v[j] | 0 : 0;
      this.flags[i] = c.f[j] | 0;
      this.data[i] = String(c.d[j]);
      this.eid[i] = String(c.id[j]);
      if (i >= this.n) this.n = i + 1;
      // The source column of an element under ROOT holds ROOT's data.
      if (this.src[i] === 0 && j < c.sd.length) this.rootData = String(c.sd[j]);
    }
    this.data[0] = this.rootData;
  }

  setFP(ids: number[]): void {
    this.fp.fill(0);
    for (const i of ids) if (i > 0 && i < this.fp.length) this.fp[i] = 1;
  }

  has(i: number): boolean {
    return i >= 0 && i < this.n && this.present[i] === 1;
  }

  // sourceData is the data of element i's source (ROOT's data for ROOT).
  sourceData(i: number): string {
    const s = this.src[i];
    if (s <= 0 || !this.has(s)) return this.rootData;
    return this.data[s];
  }

  // sourceID is the scanner's id of element i's source ("ROOT" for ROOT).
  sourceID(i: number): string {
    const s = this.src[i];
    if (s <= 0 || !this.has(s)) return "ROOT";
    return this.eid[s];
  }

  typeCode(i: number): string {
    return i === 0 ? "ROOT" : String(this.manifest.types[this.type[i]]?.code ?? "");
  }

  category(i: number): string {
    return i === 0 ? "INTERNAL" : String(this.manifest.types[this.type[i]]?.cat ?? "");
  }

  module(i: number): string {
    return String(this.manifest.modules[this.mod[i]] ?? "");
  }

  risky(i: number): boolean {
    return (this.flags[i] & FLAG_RISKY) !== 0;
  }
}

// TooBig is thrown before loading when the scans together are larger than
// the browser can hold.
export class TooBig extends Error {
  constructor(readonly total: number, readonly limit: number) {
    super(`too big: ${total} elements`);
    this.name = "TooBig";
  }
}

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

// MAX_ELEMENTS is the most elements loaded at once for a download.
export const MAX_ELEMENTS = 1500000;

const FOLDER = /^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)+$/;
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.js$/;

export class LoadError extends Error {
  constructor(readonly file: string, why: string) {
    super(`Could not load ${file}: ${why}`);
    this.name = "LoadError";
  }
}

// loadScript injects folder+file and resolves with the payload it pushed
// (data/registry.ts runScript).
export function loadScript(folder: string, file: string): Promise<Payload> {
  if (!FOLDER.test(folder) || !FILE.test(file)) return Promise.reject(new LoadError(folder + file, "not a data file of this report"));
  return runScript(folder + file).then(
    (p) => p ?? Promise.reject(new LoadError(folder + file, "it holds no data")),
    () => Promise.reject(new LoadError(folder + file, "it is missing or unreadable (was the report copied completely?)")),
  );
}

export interface LoadProgress {
  scan: number; // 0-based position among the scans
  scans: number;
  info: ScanInfo;
  files: number; // data files of this scan loaded
  totalFiles: number;
  elements: number; // loaded over all scans
  totalElements: number;
}

// loadScans loads every element of the scans. It throws TooBig before
// loading anything when they hold more than limit elements, Cancelled when
// cancelled() turns true, LoadError when a file is missing.
export async function loadScans(
  infos: ScanInfo[],
  progress: (p: LoadProgress) => void,
  cancelled: () => boolean,
  limit = MAX_ELEMENTS,
): Promise<ScanData[]> {
  const total = infos.reduce((a, s) => a + s.count, 0);
  if (total > limit) throw new TooBig(total, limit);
  const out: ScanData[] = [];
  let loaded = 0;
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k];
    const mp = await loadScript(info.data, "manifest.js");
    if (mp.k !== "manifest" || mp.scan !== info.id) throw new LoadError(info.data + "manifest.js", "it is not this scan's manifest");
    const m = mp;
    if (cancelled()) throw new Cancelled();
    // The scan may have grown since the page was built.
    const grown = loaded + (Number(m.count) || 0) + infos.slice(k + 1).reduce((a, s) => a + s.count, 0);
    if (grown > limit) throw new TooBig(grown, limit);
    const sd = new ScanData(info, m);
    const files: Array<{ f: string; t: number }> = [];
    m.types.forEach((t, ti) => {
      for (const c of t.chunks) files.push({ f: String(c.f), t: ti });
    });
    const totalFiles = files.length + 1;
    let done = 0;
    const report = () =>
      progress({ scan: k, scans: infos.length, info, files: done, totalFiles, elements: loaded + sd.elements, totalElements: Math.max(total, loaded + sd.elements) });
    report();
    const fpp = await loadScript(info.data, String(m.fp.f));
    if (fpp.k !== "fp" || fpp.scan !== info.id) throw new LoadError(info.data + String(m.fp.f), "it is not a false-positive list");
    done++;
    // Up to 4 chunk files in flight.
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        if (cancelled()) throw new Cancelled();
        const f = files[next++];
        const p = await loadScript(info.data, f.f);
        if (p.k !== "elements" || p.scan !== info.id || p.type !== m.types[f.t].slug) throw new LoadError(info.data + f.f, "it holds other elements");
        sd.add(p, f.t);
        done++;
        report();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (cancelled()) throw new Cancelled();
    sd.setFP(fpp.i);
    loaded += sd.elements;
    out.push(sd);
  }
  return out;
}
