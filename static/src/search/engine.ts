// Search, the engine side: the one search worker (SearchEngine) and the
// runner that asks it a page's query again as rows arrive (SearchRunner).
// docs/site-format.md ("Search") is the contract.
//
// The worker's code is its own esbuild bundle, inlined here as the string
// __SEARCH_WORKER__ by internal/bundle and started from a Blob URL: file://
// refuses worker URLs, and a Blob of a constant built at bundle time runs no
// scan data as code. Values reach the worker as they load (sync), once; a
// query posts only the pattern. Results come back as row numbers in an
// Int32Array whose buffer is transferred, not copied.

import type { FromWorker, ToWorker } from "./protocol";
import type { SearchBox } from "./box";
import type { Query } from "./query";

declare const __SEARCH_WORKER__: string;

// How long a search may run: the worker stops a search that takes longer
// (it checks between values), and the page terminates a worker that has
// not said anything for as long (a RegExp stuck on one value).
export const SEARCH_LIMIT_MS = 2000;
// Rows per "add" message.
const BLOCK = 10000;

export const SLOW_TEXT =
  "This search took longer than 2 seconds and was stopped. Every pattern runs in time proportional to the data, so the computer may be busy: try again, or add literal text the values must contain.";

// SearchSource is what the engine searches: rows 0..count()-1, each with a
// value and the value of its source element. Rows get added; a live update
// may change the source value of a row already held (SearchEngine.resync).
export interface SearchSource {
  count(): number;
  data(r: number): string;
  sdata(r: number): string;
}

export interface SearchResult {
  rows: Int32Array; // matching rows, ascending
  n: number;
  searched: number; // rows the worker held when it searched
}

export type Outcome =
  | { kind: "result"; res: SearchResult }
  | { kind: "slow" }
  | { kind: "cancelled" }
  | { kind: "error"; message: string };

interface Pending {
  id: number;
  q: Query;
  alsoSource: boolean;
  resolve: (o: Outcome) => void;
}

// SearchRunner runs a page's current query on its engine: a run supersedes
// the one before, a stopped pattern or an error is said under the box, and
// rerunSoon gathers the re-runs asked for while rows arrive into one. A
// result reaches onResult with whether the run was fresh (a new query, as
// opposed to a re-run over more rows) and when it started.
export class SearchRunner {
  query: Query | null = null;
  alsoSource = false;
  private seq = 0;
  private timer = 0;

  constructor(
    private readonly engine: SearchEngine,
    private readonly box: SearchBox | null,
    private readonly onResult: (res: SearchResult, fresh: boolean, t0: number) => void,
    private readonly rerunMs = 250,
  ) {}

  // set makes q the query (null: none, and a running search is dropped).
  set(q: Query | null, alsoSource: boolean): void {
    window.clearTimeout(this.timer);
    this.query = q;
    this.alsoSource = alsoSource;
    if (!q) {
      this.seq++;
      this.engine.cancel();
    }
  }

  // run searches the rows held now with the current query, if any.
  run(fresh: boolean): void {
    const q = this.query;
    if (!q) return;
    const seq = ++this.seq;
    const t0 = performance.now();
    void this.engine.run(q, this.alsoSource).then((o) => {
      if (seq !== this.seq || this.query !== q) return;
      switch (o.kind) {
        case "cancelled":
          return;
        case "slow":
          this.box?.showError(SLOW_TEXT);
          return;
        case "error":
          this.box?.showError(o.message);
          return;
      }
      this.onResult(o.res, fresh, t0);
    });
  }

  // rerunSoon runs the query again shortly (more rows arrived).
  rerunSoon(): void {
    window.clearTimeout(this.timer);
    if (!this.query) return;
    this.timer = window.setTimeout(() => this.run(false), this.rerunMs);
  }
}

export class SearchEngine {
  private worker: Worker | null = null;
  private url = "";
  private posted = 0; // rows posted to the current worker
  private held = 0; // rows the worker said it holds
  private seq = 0;
  private pending: Pending | null = null;
  private outstanding: number[] = []; // search ids posted and not yet answered, oldest first
  private lastHeard = 0;
  private watchdog = 0;
  private suspect = 0; // when the watchdog first found the worker silent too long
  private failed: string | null = null;
  private crashes = 0;
  // restarts counts the workers replaced (a pattern hung, or the worker failed).
  restarts = 0;
  private sortSeq = 0;
  private sortWait: { id: number; resolve: (o: Int32Array | null) => void } | null = null;
  // onHeld is called whenever the worker has taken more rows.
  onHeld: ((rows: number) => void) | null = null;

  constructor(private readonly src: SearchSource) {}

  // held is how many rows the worker holds (and a search covers).
  get rows(): number {
    return this.held;
  }

  // sync posts the rows the worker does not have yet.
  sync(): void {
    if (!this.start()) return;
    const n = this.src.count();
    while (this.posted < n) {
      const from = this.posted;
      const to = Math.min(n, from + BLOCK);
      const k = to - from;
      const d: string[] = new Array(k);
      const sd: string[] = new Array(k);
      const dl = new Int32Array(k);
      const sl = new Int32Array(k);
      for (let j = 0; j < k; j++) {
        const v = this.src.data(from + j);
        const s = this.src.sdata(from + j);
        d[j] = v;
        sd[j] = s;
        dl[j] = v.length;
        sl[j] = s.length;
      }
      this.post({ op: "add", at: from, d: d.join(""), dl, sd: sd.join(""), sl }, [dl.buffer, sl.buffer]);
      this.posted = to;
    }
  }

  // resync posts rows [from, to) again after their values changed in place
  // (a live update rewrote them); rows not posted yet go with sync().
  resync(from: number, to: number): void {
    if (!this.worker) return;
    to = Math.min(to, this.posted);
    for (let at = Math.max(0, from); at < to; at += BLOCK) {
      const end = Math.min(to, at + BLOCK);
      const k = end - at;
      const d: string[] = new Array(k);
      const sd: string[] = new Array(k);
      const dl = new Int32Array(k);
      const sl = new Int32Array(k);
      for (let j = 0; j < k; j++) {
        d[j] = this.src.data(at + j);
        sd[j] = this.src.sdata(at + j);
        dl[j] = d[j].length;
        sl[j] = sd[j].length;
      }
      this.post({ op: "add", at, d: d.join(""), dl, sd: sd.join(""), sl }, [dl.buffer, sl.buffer]);
    }
  }

  // sort orders items 0..n-1 by a column in the worker, which holds every
  // row's values (table/sort-order.ts: the order OrderedView gives with strCmp),
  // keys mapping an item to its row (null: item = row). It resolves null
  // when the worker cannot (it holds fewer rows, or failed) or when a newer
  // sort superseded this one; the caller then sorts itself or drops it.
  sort(col: "d" | "sd", n: number, keys: Int32Array | null): Promise<Int32Array | null> {
    this.cancelSort();
    if (!this.start()) return Promise.resolve(null);
    this.sync();
    if (this.posted < this.src.count() || (keys === null && n > this.posted)) return Promise.resolve(null);
    const id = ++this.sortSeq;
    return new Promise((resolve) => {
      this.sortWait = { id, resolve };
      this.post({ op: "sort", id, col, n, keys }, keys ? [keys.buffer] : []);
    });
  }

  // cancelSort drops the sort out (it resolves null).
  cancelSort(): void {
    const w = this.sortWait;
    this.sortWait = null;
    w?.resolve(null);
  }

  // run searches every row for q; a later run (or cancel) supersedes it,
  // and it resolves "cancelled".
  run(q: Query, alsoSource: boolean): Promise<Outcome> {
    this.supersede();
    if (!this.start()) return Promise.resolve({ kind: "error", message: this.failed ?? "The search could not start." });
    this.sync();
    return new Promise<Outcome>((resolve) => {
      const p: Pending = { id: 0, q, alsoSource, resolve };
      this.pending = p;
      this.send(p);
    });
  }

  cancel(): void {
    this.supersede();
    if (this.worker) this.post({ op: "cancel" });
  }

  private supersede(): void {
    const p = this.pending;
    this.pending = null;
    if (p) p.resolve({ kind: "cancelled" });
  }

  private send(p: Pending): void {
    p.id = ++this.seq;
    if (this.outstanding.length === 0) this.lastHeard = performance.now();
    this.outstanding.push(p.id);
    this.post({ op: "search", id: p.id, source: p.q.source, flags: p.q.flags, alsoSource: p.alsoSource, limit: SEARCH_LIMIT_MS });
    if (!this.watchdog) this.watchdog = window.setInterval(() => this.watch(), 200);
  }

  private post(m: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(m, transfer);
  }

  // start makes sure a worker runs; false (with this.failed set) when the
  // browser refuses one.
  private start(): boolean {
    if (this.worker) return true;
    if (this.failed) return false;
    try {
      if (!this.url) this.url = URL.createObjectURL(new Blob([__SEARCH_WORKER__], { type: "text/javascript" }));
      const w = new Worker(this.url);
      w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(w, e.data);
      w.onerror = (e) => {
        e.preventDefault();
        const why = "The search stopped with an error: " + (e.message || "the worker failed") + ".";
        // A worker that keeps failing (out of memory) is not started again.
        if (++this.crashes >= 3) this.failed = why;
        this.restart(w, why);
      };
      this.worker = w;
      this.posted = 0;
      this.held = 0;
      this.onHeld?.(0);
      return true;
    } catch (e) {
      this.failed = "This browser refused to start the search worker: " + (e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  private receive(w: Worker, m: FromWorker): void {
    if (w !== this.worker) return;
    this.lastHeard = performance.now();
    switch (m.op) {
      case "added":
        this.held = m.rows;
        this.onHeld?.(m.rows);
        return;
      case "tick":
        return;
      case "sorted":
        if (this.sortWait?.id === m.id) {
          const w = this.sortWait;
          this.sortWait = null;
          w.resolve(m.order);
        }
        return;
    }
    const i = this.outstanding.indexOf(m.id);
    if (i >= 0) this.outstanding.splice(0, i + 1); // answers come in order
    if (this.outstanding.length === 0) this.stopWatch();
    const p = this.pending;
    if (!p || p.id !== m.id) return;
    this.pending = null;
    switch (m.op) {
      case "result":
        p.resolve({ kind: "result", res: { rows: m.rows, n: m.n, searched: m.searched } });
        break;
      case "slow":
        p.resolve({ kind: "slow" });
        break;
      case "cancelled":
        p.resolve({ kind: "cancelled" });
        break;
      case "error":
        p.resolve({ kind: "error", message: m.message });
        break;
    }
  }

  // watch runs every 200 ms while a search is out. The worker is deemed
  // stuck when two checks in a row, with time between them for its queued
  // messages to arrive, find it silent for longer than the limit: a page
  // busy for seconds (a long sort) must not pass for a stuck worker.
  private watch(): void {
    if (this.outstanding.length === 0) {
      this.stopWatch();
      return;
    }
    const now = performance.now();
    if (now - this.lastHeard <= SEARCH_LIMIT_MS) {
      this.suspect = 0;
      return;
    }
    if (this.suspect === 0) {
      this.suspect = now;
      return;
    }
    if (now - this.suspect >= 150 && this.worker) this.restart(this.worker, null);
  }

  private stopWatch(): void {
    if (this.watchdog) window.clearInterval(this.watchdog);
    this.watchdog = 0;
    this.suspect = 0;
  }

  // restart terminates a worker that hangs (a RegExp stuck on one value) or
  // failed, starts another, posts it every row again, and tells the pending
  // search: "slow" when it was the one running, else it runs again.
  private restart(w: Worker, error: string | null): void {
    if (w !== this.worker) return;
    w.terminate();
    this.worker = null;
    this.restarts++;
    this.cancelSort();
    const culprit = this.outstanding[0];
    this.outstanding = [];
    this.stopWatch();
    const p = this.pending;
    this.pending = null;
    if (!this.start()) {
      p?.resolve({ kind: "error", message: this.failed ?? "The search could not start again." });
      return;
    }
    this.sync();
    if (!p) return;
    if (error !== null) p.resolve({ kind: "error", message: error });
    else if (p.id === culprit) p.resolve({ kind: "slow" });
    else {
      this.pending = p;
      this.send(p);
    }
  }
}
