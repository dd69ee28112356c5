// The search worker: its own esbuild bundle (internal/bundle), inlined into
// app.js as a string and started from a Blob URL (file:// refuses worker
// URLs). It keeps every value in memory and scans them linearly with one
// pattern, run by an automaton (search/match.ts: linear in each value).
//
// A search runs in slices of about SLICE_MS and yields between them, so a
// newer "search" message (typing on) is read and supersedes it. A search
// that runs longer than its limit stops by itself, and a worker that stops
// answering is replaced (search/box.ts): with the automaton no pattern hangs on
// one value, so both are only a safety net.

import type { FromWorker, ToWorker } from "./protocol";
import { compile, isRefused, type Matcher } from "./match";
import { sortSteps } from "../table/sort-order";

const SLICE_MS = 12;
const CHECK_EVERY = 1024; // rows between two looks at the clock

const data: string[] = [];
const sdata: string[] = [];
let current = 0; // the newest search id; a running search with another id stops

const scope = self as unknown as {
  postMessage(m: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

function post(m: FromWorker, transfer?: Transferable[]): void {
  scope.postMessage(m, transfer ?? []);
}

function unpack(into: string[], at: number, joined: string, lens: Int32Array): void {
  let off = 0;
  for (let j = 0; j < lens.length; j++) {
    const n = lens[j];
    into[at + j] = joined.slice(off, off + n);
    off += n;
  }
}

// A zero-delay yield: setTimeout(0) is clamped to 4 ms once nested, a
// MessageChannel message is not, and it queues behind page messages.
const channel = new MessageChannel();
const resumes: Array<() => void> = [];
channel.port1.onmessage = () => {
  const f = resumes.shift();
  if (f) f();
};
function yieldThen(f: () => void): void {
  resumes.push(f);
  channel.port2.postMessage(0);
}

// search tests every row.
function search(id: number, source: string, flags: string, alsoSource: boolean, limit: number): void {
  let re: Matcher;
  try {
    const m = compile(source, flags);
    if (isRefused(m)) {
      post({ op: "error", id, message: m.error });
      return;
    }
    re = m;
  } catch (e) {
    post({ op: "error", id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const n = data.length;
  const t0 = performance.now();
  let out = new Int32Array(Math.min(n, 4096));
  let k = 0;
  let x = 0;
  const step = (): void => {
    if (id !== current) {
      post({ op: "cancelled", id });
      return;
    }
    const sliceEnd = performance.now() + SLICE_MS;
    while (x < n) {
      const stop = Math.min(n, x + CHECK_EVERY);
      for (; x < stop; x++) {
        if (re.test(data[x]) || (alsoSource && re.test(sdata[x]))) {
          if (k === out.length) {
            const o = new Int32Array(Math.min(n, out.length * 2));
            o.set(out);
            out = o;
          }
          out[k++] = x;
        }
      }
      const now = performance.now();
      if (now - t0 > limit) {
        post({ op: "slow", id, searched: x, ms: now - t0 });
        return;
      }
      if (now >= sliceEnd && x < n) {
        post({ op: "tick", id });
        yieldThen(step);
        return;
      }
    }
    const rows = k === out.length ? out : out.slice(0, k);
    post({ op: "result", id, rows, n: k, searched: n, ms: performance.now() - t0 }, [rows.buffer]);
  };
  step();
}

// sort orders items by a column in slices of about SLICE_MS, between which
// searches and newer messages run; a newer sort stops it.
let sorting = 0;
function sort(id: number, col: "d" | "sd", n: number, keys: Int32Array | null): void {
  sorting = id;
  const vals = col === "d" ? data : sdata;
  const g = sortSteps(n, keys ? (i) => vals[keys[i]] ?? "" : (i) => vals[i] ?? "");
  const step = (): void => {
    if (id !== sorting) return;
    const sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const r = g.next();
      if (r.done) {
        post({ op: "sorted", id, order: r.value }, [r.value.buffer]);
        return;
      }
      if (performance.now() >= sliceEnd) {
        yieldThen(step);
        return;
      }
    }
  };
  step();
}

scope.onmessage = (e) => {
  const m = e.data;
  switch (m.op) {
    case "add":
      unpack(data, m.at, m.d, m.dl);
      unpack(sdata, m.at, m.sd, m.sl);
      post({ op: "added", rows: data.length });
      break;
    case "search":
      current = m.id;
      search(m.id, m.source, m.flags, m.alsoSource, m.limit);
      break;
    case "cancel":
      current = 0;
      break;
    case "sort":
      sort(m.id, m.col, m.n, m.keys);
      break;
  }
};
