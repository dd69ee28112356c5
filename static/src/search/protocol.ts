// Messages between the page (search/box.ts) and the search worker
// (search/worker.ts). Types only: nothing here ends up in either bundle.
//
// The worker holds every searchable value of the page in two arrays, data
// and source data, indexed by row (the page's own row numbers). The page
// posts rows as they load ("add"), then queries ("search"); a newer search
// supersedes an older one, which the worker drops at its next slice.

// ToWorker: page → worker.
export type ToWorker =
  | {
      op: "add";
      at: number; // row of the first value
      d: string; // the values, concatenated
      dl: Int32Array; // their lengths (UTF-16 units)
      sd: string; // the source values, concatenated
      sl: Int32Array;
    }
  | {
      op: "search";
      id: number; // increasing; the newest one wins
      source: string; // RegExp source and flags (search/query.ts)
      flags: string;
      alsoSource: boolean; // also test the source data element
      limit: number; // ms: give up (and say "slow") after this long
    }
  | { op: "cancel" }
  | {
      op: "sort";
      id: number; // increasing; a newer sort stops an older one
      col: "d" | "sd"; // sort by the data or the source data
      n: number; // items 0..n-1
      keys: Int32Array | null; // item → row (unique values: a group's first row); null: item = row
    };

// FromWorker: worker → page.
export type FromWorker =
  | { op: "added"; rows: number } // rows held so far
  | { op: "tick"; id: number } // a search is running (a slice ended)
  | { op: "result"; id: number; rows: Int32Array; n: number; searched: number; ms: number }
  | { op: "cancelled"; id: number }
  | { op: "slow"; id: number; searched: number; ms: number }
  | { op: "error"; id: number; message: string }
  | { op: "sorted"; id: number; order: Int32Array }; // ascending, equal keys in item order
