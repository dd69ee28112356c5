// The data registry. Data files are classic scripts that run
//   (window.__sr=window.__sr||[]).push({...});
// install() replaces window.__sr with an object whose push() receives each
// payload, after draining the payloads that arrived before the bundle ran
// (the manifest, loaded by a <script> before the bundle). Chunk files are
// loaded by injecting <script src> tags relative to <body data-data>, one
// promise per file; loadInOrder() hands them over in the order asked for.
// From file:// (where fetch and XHR fail) that is the only way; a page
// served over http(s) fetches the search index's files and parses them
// instead (runScript's fetchWhenServed, data/fetched.ts), so that V8 does
// not keep their sources. A packed file (data/packed.ts) is unpacked
// before its promise resolves.

import { fetchDataFile, fetches, FetchRefused } from "./fetched";
import { isPacked, unpackPayload, type Packed } from "./packed";
import { asPayload, type ElementChunk, type FPList, type LogChunk, type InvestigationsList, type Manifest, type Payload, type ScansList } from "./types";

type Listener = (p: Payload) => void;

// A script of ours being run: the payload it pushed, once it has (packed
// files push theirs packed: data/packed.ts).
interface Pending {
  payload: Payload | null;
  packed: Packed | null;
}

// LoadError is a data file that could not be loaded or held no data.
export class LoadError extends Error {
  constructor(readonly file: string, why: string) {
    super(`Could not load the data file ${file}: ${why}`);
    this.name = "LoadError";
  }
}

declare global {
  interface Window {
    __sr?: unknown;
  }
}

const listeners: Listener[] = [];
const pending = new Map<Element, Pending>();
let latestManifest: Manifest | null = null;
let firstScans: ScansList | null = null; // data/scans.js as the page loaded it
let lastScans: ScansList | null = null; // and as last loaded (live updates load it again)
let lastInvestigations: InvestigationsList | null = null;
const manifestWaiters: Array<(m: Manifest) => void> = [];
let installed = false;
let noFetch = false; // fetch() was refused once: data files run as scripts

function scanId(): string {
  return document.body.getAttribute("data-scan") ?? "";
}

// ours: another scan's file is not ours; the list of investigations
// belongs to every page.
function ours(p: { k: string; scan?: string }): boolean {
  const scan = scanId();
  return !scan || p.scan === scan || p.k === "investigations";
}

function receive(v: unknown): void {
  const cur = document.currentScript;
  const pend = cur ? pending.get(cur) : undefined;
  if (isPacked(v)) {
    // Unpacked once its script has run (runScript); a packed file
    // nobody asked for is ignored.
    if (pend && ours(v)) pend.packed = v;
    return;
  }
  const p = asPayload(v);
  if (!p || !ours(p)) return;
  if (pend) pend.payload = p;
  deliver(p);
}

// deliver keeps what the page needs of a payload and hands it to the
// listeners.
function deliver(p: Payload): void {
  if (p.k === "scans") {
    if (!firstScans) firstScans = p;
    lastScans = p;
  }
  if (p.k === "investigations") lastInvestigations = p;
  if (p.k === "manifest") {
    latestManifest = p;
    for (const w of manifestWaiters.splice(0)) w(p);
  }
  for (const l of listeners.slice()) {
    try {
      l(p);
    } catch (e) {
      console.error(e);
    }
  }
}

// install takes over window.__sr. It is idempotent.
export function install(): void {
  if (installed) return;
  installed = true;
  const before = window.__sr;
  const reg = {
    push(...items: unknown[]): number {
      for (const it of items) receive(it);
      return 0;
    },
  };
  window.__sr = reg;
  if (Array.isArray(before)) for (const it of before) receive(it);
}

// initialScans is data/scans.js as the page loaded it (the scan list, the
// search over all scans and Compare load it before the bundle), or null.
export function initialScans(): ScansList | null {
  return firstScans;
}

// latestScans is data/scans.js as last loaded, or null.
export function latestScans(): ScansList | null {
  return lastScans;
}

// latestInvestigations is data/investigations.js as last loaded, or null.
export function latestInvestigations(): InvestigationsList | null {
  return lastInvestigations;
}

// onPayload calls fn for every payload received from now on.
export function onPayload(fn: Listener): () => void {
  listeners.push(fn);
  return () => {
    const i = listeners.indexOf(fn);
    if (i >= 0) listeners.splice(i, 1);
  };
}

// dataBase is the scan's data/ folder, from <body data-data>, checked to be
// a plain relative folder path (it becomes part of script URLs).
export function dataBase(): string {
  const b = document.body.getAttribute("data-data") ?? "";
  if (!/^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*$/.test(b)) throw new Error("the page has no valid data folder");
  return b;
}

// A data file name as the manifest gives it: a plain name, no folders, no
// scheme. Anything else is refused rather than turned into a script URL.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.js$/;
// A cache-busting query the live updates add (live/live.ts): one letter and a
// number, never anything from scan data.
const QUERY = /^[a-z]=[0-9]{1,20}$/;
// A site script by relative URL (data/scans.js from the root pages).
const SITE_SCRIPT = /^(?:\.\.\/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*[A-Za-z0-9][A-Za-z0-9._-]*\.js$/;

// load injects the script of one data file and resolves with its payload.
// query ("v=3", "t=1763632800000") makes the URL differ from the one the
// browser may hold in its cache, for files rewritten by live updates.
export function load(file: string, query = ""): Promise<Payload> {
  if (!FILE_NAME.test(file)) return Promise.reject(new LoadError(file, "not a data file name"));
  let base: string;
  try {
    base = dataBase();
  } catch (e) {
    return Promise.reject(new LoadError(file, (e as Error).message));
  }
  return loadScript(base + file, query, file);
}

// loadScript injects the site script at url (relative to the page) and
// resolves with the payload it pushed. name is the file as errors name it.
export function loadScript(url: string, query = "", name = url): Promise<Payload> {
  if (!SITE_SCRIPT.test(url) || (query !== "" && !QUERY.test(query))) return Promise.reject(new LoadError(name, "not a data file of this site"));
  return runScript(url + (query ? "?" + query : "")).then(
    (p) => p ?? Promise.reject(new LoadError(name, "it holds no data for this scan")),
    () => Promise.reject(new LoadError(name, "it is missing or unreadable (was the report copied completely?)")),
  );
}

// runScript injects a classic <script> (the only way data reaches a page
// opened from file://) and resolves with the payload it pushed, or null when
// it pushed none; it rejects when the script could not be loaded. Every
// loader of data files (this one, data/scan-data.ts, pages/search-corpus.ts)
// goes through it; a payload is told apart by the script that delivered it
// (document.currentScript while it runs). The caller checks src. With
// fetchWhenServed, a page served over http(s) fetches the file instead
// (fetchScript): the search index's files, which a query reads by the
// hundred. The others stay scripts: measured on the 1M element table over
// HTTP, fetching its 24 chunks took 1.37 s against 0.99 s as scripts
// (Chromium reads a fetched body on the main thread; a script streams on
// its own), for no smaller heap (98 MB against 90).
export function runScript(src: string, fetchWhenServed = false): Promise<Payload | null> {
  if (fetchWhenServed && fetches() && !noFetch) return fetchScript(src);
  return new Promise<Payload | null>((resolve, reject) => {
    const s = document.createElement("script");
    const p: Pending = { payload: null, packed: null };
    pending.set(s, p);
    const done = () => {
      pending.delete(s);
      s.onload = s.onerror = null;
      s.remove();
    };
    s.onload = () => {
      done();
      if (p.packed) unpacked(p.packed).then(resolve, reject);
      else resolve(p.payload);
    };
    s.onerror = () => {
      done();
      reject(new Error(src + " could not be loaded"));
    };
    s.async = true;
    s.src = src;
    document.head.appendChild(s);
  });
}

// unpacked unpacks a packed file pushed (by a script, or read by
// fetchScript) and delivers its payload, or gives null.
async function unpacked(packed: Packed): Promise<Payload | null> {
  const q = asPayload(await unpackPayload(packed));
  // The payload inside is checked as any pushed one, and must be the
  // scan's the wrapper names.
  if (!q || q.scan !== packed.scan) return null;
  deliver(q);
  return q;
}

// fetchScript is runScript on a page served over http(s): the file is
// fetched and parsed, never run (data/fetched.ts), and what it pushes is
// taken as receive() takes what a script pushes.
async function fetchScript(src: string): Promise<Payload | null> {
  let v: unknown;
  try {
    v = await fetchDataFile(src);
  } catch (e) {
    if (!(e instanceof FetchRefused)) throw e;
    // fetch() itself refused (a server's own CSP without connect-src,
    // an extension): this page runs its data files as scripts from now on.
    noFetch = true;
    return runScript(src);
  }
  if (isPacked(v)) return ours(v) ? unpacked(v) : null;
  const p = asPayload(v);
  if (!p || !ours(p)) return null;
  deliver(p);
  return p;
}

// loadInOrder loads files with at most `parallel` scripts in flight and
// calls each(payload, index) in the order of files, as soon as a file and
// all files before it have arrived. It stops at the first failure and
// rejects with it.
export async function loadInOrder<T extends Payload>(
  files: string[],
  each: (p: T, index: number) => void,
  parallel = 3,
): Promise<void> {
  const started: Array<Promise<Payload>> = [];
  let next = 0;
  let delivered = 0;
  const startMore = () => {
    while (next < files.length && next - delivered < parallel) {
      const pr = load(files[next]);
      pr.catch(() => undefined); // handled when its turn comes
      started.push(pr);
      next++;
    }
  };
  startMore();
  while (delivered < files.length) {
    const p = await started[delivered];
    delete started[delivered]; // let the payload be collected once used
    delivered++;
    startMore();
    each(p as T, delivered - 1);
  }
}

// manifest resolves with the scan's manifest: the one already pushed (the
// page loads manifest.js before the bundle) or, failing that, by loading
// manifest.js again.
export function manifest(): Promise<Manifest> {
  if (latestManifest) return Promise.resolve(latestManifest);
  return new Promise<Manifest>((resolve, reject) => {
    manifestWaiters.push(resolve);
    load("manifest.js").then(
      (p) => {
        if (p.k !== "manifest") reject(new LoadError("manifest.js", "it is not a manifest"));
      },
      reject,
    );
  });
}

// Type guards for payload kinds.
export const isElements = (p: Payload): p is ElementChunk => p.k === "elements";
export const isLog = (p: Payload): p is LogChunk => p.k === "log";
export const isFP = (p: Payload): p is FPList => p.k === "fp";
