// The element table's search (pages/elements.ts): the header's box runs the
// query in the search worker over the type's rows (search/engine.ts); its
// matching rows narrow the views like the other filters. ElementsSearch
// holds what the last result matched; the page hands it the rest.

import { comma } from "../ui/format";
import type { OrderedView } from "../table/ordered";
import type { SearchBox } from "../search/box";
import { SearchEngine, SearchRunner, type SearchResult } from "../search/engine";
import type { Query } from "../search/query";
import type { ElementStore, Groups } from "../data/store";
import type { TypeInfo } from "../data/types";
import { groupMatches, type Mode } from "./elements-view";

export class ElementsSearch {
  readonly engine: SearchEngine;
  readonly runner: SearchRunner;
  matched: Int32Array | null = null; // rows of the last result
  match: Uint8Array | null = null; // by row: 1 = matches
  gmatch: Uint8Array | null = null; // by group (unique view)
  saved: { mode: Mode; top: number } | null = null; // the view before the search
  lastMs = -1; // how long the last search took, to its rows on screen

  // show is handed each result: fresh (a new query) or a re-run (more rows
  // arrived), and when it was asked for.
  constructor(s: ElementStore, box: SearchBox | null, show: (fresh: boolean, t0: number) => void) {
    this.engine = new SearchEngine({ count: () => s.n, data: (r) => s.data[r], sdata: (r) => s.sdata[r] });
    this.runner = new SearchRunner(
      this.engine,
      box,
      (res, fresh, t0) => {
        this.take(res, s.n);
        show(fresh, t0);
      },
      250,
    );
  }

  // the query being searched, if any
  get query(): Query | null {
    return this.runner.query;
  }

  // take keeps a result's rows (of n rows held).
  private take(res: SearchResult, n: number): void {
    this.matched = res.rows;
    const m = new Uint8Array(n);
    const rows = res.rows;
    for (let k = 0; k < res.n; k++) m[rows[k]] = 1;
    this.match = m;
  }

  // clear drops the query and what it matched.
  clear(): void {
    this.runner.set(null, false);
    this.matched = null;
    this.match = null;
    this.gmatch = null;
  }

  // matchGroups marks the unique view's values (groups) that have a
  // matching row.
  matchGroups(groups: Groups | null, hide: boolean, fp: Uint8Array): void {
    this.gmatch = groupMatches(groups, this.matched, this.match, hide, fp);
  }

  // setKeeps sets the views' filters: false positives hidden (hide), search.
  setKeeps(s: ElementStore, full: OrderedView, unique: OrderedView | null, groups: Groups | null, hide: boolean): void {
    const m = this.match;
    full.keep = !hide && !m ? null : (r) => (!hide || s.fp[r] === 0) && (!m || (r < m.length && m[r] === 1));
    if (unique) {
      const g = groups!;
      const gm = this.gmatch;
      unique.keep = !hide && !gm ? null : (x) => (!hide || g.countNF[x] > 0) && (!gm || (x < gm.length && gm[x] === 1));
    }
  }

  // report says under the box how many rows of the view (vn shown) match;
  // loading: rows are still being added (s.n of type's total).
  report(box: SearchBox | null, vn: number, unique: boolean, loading: boolean, s: ElementStore, type: TypeInfo): void {
    const q = this.query;
    if (!q || !this.match || !box || this.lastMs < 0) return;
    const still = loading ? ` · ${comma(s.n)} of ${comma(type.total)} elements loaded so far` : "";
    box.showResult(q, vn, this.lastMs, unique ? ["matching value", "matching values"] : ["match", "matches"], still);
  }
}

// sortView sorts view v by key: a long sort (big) by text runs in the
// search worker (engine), which holds every row's values (col: its column;
// keys: the unique view's rows), so the page stays responsive; otherwise
// (numbers, the worker cannot) after the page painted. current() false: a
// newer sort came, this one is dropped; done follows the sort.
export function sortView(engine: SearchEngine, v: OrderedView, key: string, dir: "ascending" | "descending", big: boolean, col: "d" | "sd" | null, keys: () => Int32Array | null, current: () => boolean, done: () => void): void {
  const run = () => {
    if (!current()) return; // a newer sort came
    v.sort(key, dir);
    done();
  };
  if (big && col && !v.sortedFor(key)) {
    void engine.sort(col, v.n, keys()).then((order) => {
      if (!current()) return;
      if (order) v.sortedBy(key, order);
      run();
    });
  } else if (big) requestAnimationFrame(() => window.setTimeout(run, 0));
  else run();
}
