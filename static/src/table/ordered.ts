// OrderedView keeps items 0..n-1 (row numbers, or group numbers) in a sort
// order and the subset that passes a filter, in typed arrays: no object per
// row. The order is total: equal keys keep arrival order (lower item first)
// in both directions, so sorting is stable and merging new items is exact.

import type { SortDir } from "./vtable";

// Cmp compares two items by a column's key only (no tie-break).
export type Cmp = (a: number, b: number) => number;

export class OrderedView {
  order = new Int32Array(0); // all items, sorted
  n = 0;
  view = new Int32Array(0); // the items that pass keep(), in order
  vn = 0;
  key: string | null = null;
  dir: SortDir = "ascending";
  private asc: { key: string; n: number; order: Int32Array } | null = null;

  constructor(
    private readonly cmpFor: (key: string) => Cmp,
    public keep: ((item: number) => boolean) | null = null,
  ) {}

  // add appends the items from..to-1 (new arrivals) in their sorted place.
  add(from: number, to: number): void {
    if (to <= from) return;
    const n = this.n + (to - from);
    if (this.order.length < n) {
      const o = new Int32Array(Math.max(n, this.order.length * 2, 1024));
      o.set(this.order.subarray(0, this.n));
      this.order = o;
    }
    if (this.key === null) {
      for (let i = from; i < to; i++) this.order[this.n++] = i;
    } else {
      const cmp = this.total(this.cmpFor(this.key), this.dir);
      const fresh = new Int32Array(to - from);
      for (let i = from; i < to; i++) fresh[i - from] = i;
      fresh.sort(cmp);
      // Merge from the back, in place: order[0..this.n) and fresh.
      let a = this.n - 1;
      let b = fresh.length - 1;
      let w = n - 1;
      while (b >= 0) {
        if (a >= 0 && cmp(this.order[a], fresh[b]) > 0) this.order[w--] = this.order[a--];
        else this.order[w--] = fresh[b--];
      }
      this.n = n;
    }
    this.asc = null;
    this.filter();
  }

  // sort orders all items by key in dir; null key is arrival order.
  sort(key: string | null, dir: SortDir): void {
    this.key = key;
    this.dir = dir;
    const o = this.order.subarray(0, this.n);
    if (key === null) {
      for (let i = 0; i < this.n; i++) o[i] = i;
      if (dir === "descending") o.reverse();
    } else {
      const cmp = this.cmpFor(key);
      let asc = this.asc && this.asc.key === key && this.asc.n === this.n ? this.asc.order : null;
      if (!asc) {
        asc = new Int32Array(this.n);
        for (let i = 0; i < this.n; i++) asc[i] = i;
        asc.sort(this.total(cmp, "ascending"));
        this.asc = { key, n: this.n, order: asc };
      }
      o.set(asc);
      if (dir === "descending") {
        o.reverse();
        // Equal keys are now newest first: put each run back in arrival order.
        let s = 0;
        for (let i = 1; i <= this.n; i++) {
          if (i === this.n || cmp(o[s], o[i]) !== 0) {
            if (i - s > 1) o.subarray(s, i).reverse();
            s = i;
          }
        }
      }
    }
    this.filter();
  }

  // sortedBy hands in the ascending order of all n items by key, made
  // elsewhere (the search worker, table/sort-order.ts) with the same comparator
  // and tie-break; sort(key, …) then uses it. It is ignored when the items
  // changed meanwhile (n moved).
  sortedBy(key: string, order: Int32Array): boolean {
    if (order.length !== this.n) return false;
    this.asc = { key, n: this.n, order };
    return true;
  }

  // sortedFor says the ascending order by key is at hand (no sort needed).
  sortedFor(key: string): boolean {
    return this.asc !== null && this.asc.key === key && this.asc.n === this.n;
  }

  // invalidate forgets cached orders (the keys of items changed).
  invalidate(): void {
    this.asc = null;
  }

  // filter recomputes view from order and keep.
  filter(): void {
    if (this.view.length < this.n) this.view = new Int32Array(Math.max(this.n, this.view.length * 2, 1024));
    const keep = this.keep;
    let k = 0;
    if (!keep) {
      this.view.set(this.order.subarray(0, this.n));
      k = this.n;
    } else {
      for (let i = 0; i < this.n; i++) {
        const it = this.order[i];
        if (keep(it)) this.view[k++] = it;
      }
    }
    this.vn = k;
  }

  private total(cmp: Cmp, dir: SortDir): Cmp {
    return dir === "ascending" ? (a, b) => cmp(a, b) || a - b : (a, b) => cmp(b, a) || a - b;
  }
}

// strCmp compares strings by UTF-16 code units (as a database would, binary).
export function strCmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
