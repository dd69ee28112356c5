// sortOrder: the ascending order of items 0..n-1 by a text key, compared by
// UTF-16 code units (strCmp), equal keys in item order — exactly what
// OrderedView.sort gives with strCmp and its tie-break, so a sort made in
// the search worker (search/worker.ts) can stand in for the page's own.
//
// It is a merge sort written as a generator that yields every few thousand
// steps, so the worker can stop between slices (a newer sort, a search)
// without a sort of a million values holding it for seconds.

// RUN is the length of the runs sorted directly before merging.
const RUN = 2048;
// STEP is how many elements are placed between two yields.
const STEP = 8192;

// sortSteps yields now and then and returns the order. value(i) is item
// i's key; it is read once per item.
export function* sortSteps(n: number, value: (i: number) => string): Generator<void, Int32Array> {
  const vals: string[] = new Array(n);
  for (let i = 0; i < n; i++) vals[i] = value(i);
  let src = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  const cmp = (a: number, b: number): number => {
    const x = vals[a];
    const y = vals[b];
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  let done = 0;
  for (let lo = 0; lo < n; lo += RUN) {
    // A run holds the items lo..hi-1: sorting it with the tie-break on
    // the item keeps equal keys in item order.
    src.subarray(lo, Math.min(n, lo + RUN)).sort(cmp);
    done += RUN;
    if (done >= STEP) {
      done = 0;
      yield;
    }
  }
  let dst = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      // Every item of the left run comes before every item of the right
      // one, so on equal keys the left one goes first.
      let i = lo;
      let j = mid;
      let k = lo;
      while (k < hi) {
        const end = Math.min(hi, k + STEP);
        for (; k < end; k++) {
          if (j >= hi || (i < mid && !(vals[src[i]] > vals[src[j]]))) dst[k] = src[i++];
          else dst[k] = src[j++];
        }
        yield;
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

// sortOrder runs sortSteps to the end (tests, small lists).
export function sortOrder(n: number, value: (i: number) => string): Int32Array {
  const g = sortSteps(n, value);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}
