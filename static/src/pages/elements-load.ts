// The element table's loading (pages/elements.ts): a type's chunks in
// order, the chunks a live update made new or rewrote, and fp.js. The page
// hands each chunk to its own place().

import { byId, clearNotice, h, notice, setText } from "../ui/dom";
import { comma } from "../ui/format";
import { strCmp } from "../table/ordered";
import { isFP, load, loadInOrder, manifest } from "../data/registry";
import type { ChunkRef, ElementChunk, FPList, Manifest, TypeInfo } from "../data/types";

// ElementsStart is the element table's page: its parts, the scan's
// manifest and the type it shows.
export interface ElementsStart {
  host: HTMLElement;
  m: Manifest;
  type: TypeInfo;
  rowCount: HTMLElement | null;
  hideFP: HTMLInputElement | null;
  detailEl: HTMLElement | null;
  setStatus: (t: string) => void;
}

// openElements finds the page's parts and loads the manifest; null (with
// a notice) when the page has no table or the manifest no such type.
export async function openElements(): Promise<ElementsStart | null> {
  const host = byId("element-table");
  if (!host) return null;
  const rowCount = byId("row-count");
  const hideFP = byId<HTMLInputElement>("hide-fp");
  const status = byId("load-status") ?? host.parentElement?.insertBefore(h("p", { class: "load-status", role: "status" }), host) ?? null;
  const detailEl = byId("element-detail");
  const slug = document.body.getAttribute("data-type") ?? "";

  const setStatus = (t: string) => {
    if (!status) return;
    setText(status, t);
    status.hidden = t === "";
  };

  let m: Manifest;
  try {
    setStatus("Loading the scan's data…");
    m = await manifest();
  } catch (e) {
    setStatus("");
    notice(host, (e as Error).message, "error", "manifest");
    return null;
  }
  const type = m.types.find((t) => t.slug === slug);
  if (!type) {
    setStatus("");
    notice(host, "This element type is not in the scan's data files: the report may be out of date. Build it again.", "error", "type");
    return null;
  }
  return { host, m, type, rowCount, hideFP, detailEl, setStatus };
}

// chunkKey is what tells a chunk's rows apart from an earlier version of
// the same file: where it starts, how many rows, its version.
export function chunkKey(c: ChunkRef): string {
  return `${c.s ?? ""}/${c.n}/${c.v ?? 0}`;
}

// mark records a performance mark (for benchmarks: first rows, all loaded).
export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    /* marks are optional */
  }
}

// moduleRanks orders the manifest's modules by name, for sorting: a
// module's rank by its number.
export function moduleRanks(m: Manifest): Int32Array {
  const names = m.modules.map((x, i) => ({ x: String(x), i }));
  names.sort((a, b) => strCmp(a.x.toLowerCase(), b.x.toLowerCase()) || a.i - b.i);
  const rank = new Int32Array(names.length);
  names.forEach((v, r) => (rank[v.i] = r));
  return rank;
}

// loadChunks loads type t's chunks in order, handing each to place with
// its number.
export async function loadChunks(t: TypeInfo, place: (c: ElementChunk, ref: ChunkRef, k: number) => void): Promise<void> {
  const chunks = t.chunks.slice();
  const files = chunks.map((c) => String(c.f));
  await loadInOrder<ElementChunk>(files, (c, k) => {
    if (c.k !== "elements" || c.type !== t.slug) throw new Error(`The data file ${files[k]} holds another type's elements.`);
    place(c, chunks[k], k);
  });
}

// loadChanged loads the chunks of type t that are new or were rewritten
// (their key is not the one in keys), in row order, and hands them to
// place, up to one that starts after the rows held (rows()): the next
// update tries again. A failure is a notice on host.
export async function loadChanged(host: HTMLElement, t: TypeInfo, keys: Map<string, string>, query: (ch: ChunkRef) => string, rows: () => number, place: (c: ElementChunk, ref: ChunkRef) => void): Promise<void> {
  const want = t.chunks.filter((ch) => keys.get(String(ch.f)) !== chunkKey(ch));
  if (!want.length) return;
  try {
    const got = await Promise.all(want.map((ch) => load(String(ch.f), query(ch)).then((p) => ({ ch, p }))));
    got.sort((a, b) => (a.ch.s ?? 0) - (b.ch.s ?? 0));
    for (const { ch, p } of got) {
      if (p.k !== "elements" || p.type !== t.slug) throw new Error(`The data file ${ch.f} holds another type's elements.`);
      if (typeof ch.s === "number" && ch.s > rows()) break; // rows missing before it: the next update tries again
      place(p, ch);
    }
    clearNotice(host, "live");
  } catch (e) {
    notice(host, (e as Error).message + " The table shows what was loaded before; it tries again with the next update.", "error", "live");
  }
}

// loadProgress says how far the loading of type t got: loaded data files
// (-1: done), rows of them held.
export function loadProgress(host: HTMLElement, setStatus: (t: string) => void, loaded: number, t: TypeInfo, rows: number): void {
  const files = t.chunks.length;
  if (loaded < 0 || files === 0) {
    setStatus("");
    host.removeAttribute("aria-busy");
    return;
  }
  host.setAttribute("aria-busy", "true");
  setStatus(`Loading ${comma(Math.min(loaded + 1, files))} of ${comma(files)} data files · ${comma(rows)} of ${comma(t.total)} elements`);
}

// loadFP loads the scan's fp.js (query: a live update's) and hands it to
// apply; a failure is a notice on host.
export async function loadFP(host: HTMLElement, m: Manifest, query: string, apply: (p: FPList) => void): Promise<void> {
  try {
    const p = await load(String(m.fp.f), query);
    if (isFP(p)) apply(p);
  } catch (e) {
    notice(host, (e as Error).message + " False positives are not marked.", "error", "fp");
  }
}
