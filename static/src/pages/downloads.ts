// Downloads made in the browser (docs/exports.md):
//   - element table: "CSV of this view" (type, search and filters applied,
//     in the current order) and "CSV of checked rows (N)";
//   - scan list: the checked scans together as one JSON, CSV or GEXF file.
// Files are built in pieces (export/csv.ts Parts) into a Blob and saved
// through a temporary <a download> with a Blob URL, which works from
// file://, any static server and object storage. File names are made from
// scan ids and type slugs only (both are [A-Za-z0-9._-]). Scan values are
// never put into the page here, so nothing from a scan can run.

import { h, setText } from "../ui/dom";
import { csvRow, CSV_HEADER, elementFields, multiCSV, Parts } from "../export/csv";
import { addScan, Graph, GEXF12, graphDate, writeGEXF } from "../export/gexf";
import { writeJSON } from "../export/json";
import { comma, plural } from "../ui/format";
import { latestScans } from "../data/registry";
import { Cancelled, loadScans, MAX_ELEMENTS, TooBig, type ScanData, type ScanInfo } from "../data/scan-data";
import { onScanSelection, selectedScans } from "../table/scan-selection";
import { onSelectionChange, selection } from "../table/selection";
import type { ElementStore } from "../data/store";
import type { Manifest, TypeInfo } from "../data/types";

// scanFolder is a scan's data folder as data/scans.js lists it (the
// registry keeps the list as last loaded); without it, scans/<id>/data/
// (docs/site-format.md).
function scanFolder(id: string): string {
  const e = latestScans()?.scans.find((x) => x.id === id);
  return e && typeof e.data === "string" ? e.data : `scans/${id}/data/`;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

// save hands blob to the browser as a download named name.
export function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// pause lets the page paint and take input during long work; it does not
// slow down in a background tab (where timers are throttled).
function pause(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!document.hidden) {
      window.setTimeout(resolve, 0);
      return;
    }
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

// A slice of work of about 30 ms between pauses.
class Slicer {
  private t = performance.now();
  async maybePause(): Promise<void> {
    if (performance.now() - this.t < 30) return;
    await pause();
    this.t = performance.now();
  }
}

function defuseBox(): { label: HTMLElement; box: HTMLInputElement } {
  const box = h("input", { type: "checkbox", class: "dl-defuse", checked: true });
  box.checked = true;
  const label = h(
    "label",
    { class: "dl-option", title: "Put an apostrophe before = + - @ at the start of a cell (also after spaces) and after a , ; | tab or line break inside it, so that no spreadsheet runs any of it as a formula (CSV injection)." },
    box,
    "Defuse formulas",
  );
  return { label, box };
}

// ---------------------------------------------------------------------
// Element table

// ElementView is what the element table shows: pages/elements.ts currentView()
// gives it (its CurrentView has these fields and more).
export interface ElementView {
  manifest: Manifest;
  type: TypeInfo;
  store: ElementStore;
  // rows: the store rows shown, in display order (type, search and filters
  // applied; in the unique view, the first row of each value shown).
  rows: ArrayLike<number>;
  loading: boolean; // chunks are still arriving
}

// mountElementDownloads fills root (#element-downloads) with "CSV of this
// view" and "CSV of checked rows (N)". view is read at each click (null
// while the page has not loaded its manifest); selected gives the checked
// element indices (table/selection.ts by default).
export function mountElementDownloads(
  root: HTMLElement | null,
  view: () => ElementView | null,
  selected: () => Iterable<number> = () => selection,
): void {
  if (!root) return;
  const scan = document.body.getAttribute("data-scan") ?? "";
  const slug = document.body.getAttribute("data-type") ?? "";
  const base = (SAFE_ID.test(scan) ? scan : "scan") + "-" + (SAFE_ID.test(slug) ? slug : "elements");
  const viewBtn = h("button", { type: "button", class: "btn small", "data-download": "view" }, "CSV of this view");
  const checkedBtn = h("button", { type: "button", class: "btn small", "data-download": "checked", disabled: true }, "CSV of checked rows (0)");
  const { label, box } = defuseBox();
  const status = h("span", { class: "dl-status", role: "status" });
  root.replaceChildren(h("span", { class: "k" }, "Download"), viewBtn, checkedBtn, label, status);
  root.hidden = false;
  let busy = false;

  const countChecked = (): number => {
    const it = selected();
    if (it instanceof Set) return it.size;
    let n = 0;
    for (const x of it) if (x >= 0) n++;
    return n;
  };
  const update = () => {
    const n = countChecked();
    setText(checkedBtn, `CSV of checked rows (${comma(n)})`);
    checkedBtn.disabled = busy || n === 0;
    viewBtn.disabled = busy;
  };
  onSelectionChange(update);
  update();

  const run = async (which: "view" | "checked") => {
    if (busy) return;
    const v = view();
    if (!v || v.loading) {
      setText(status, "Wait until every element has loaded, then download.");
      return;
    }
    busy = true;
    root.setAttribute("aria-busy", "true");
    update();
    try {
      const rows = which === "view" ? Array.from(v.rows) : checkedRows(v.store, v.rows, new Set(selected()));
      const blob = await elementCSV(v, rows, box.checked, (done) => setText(status, `Preparing ${comma(done)} of ${plural(rows.length, "row", "rows")}…`));
      save(blob, which === "view" ? `${base}.csv` : `${base}-checked.csv`);
      setText(status, `${plural(rows.length, "row", "rows")} saved`);
    } catch (e) {
      console.error(e);
      setText(status, "The CSV could not be made: " + (e instanceof Error ? e.message : String(e)));
    } finally {
      busy = false;
      root.removeAttribute("aria-busy");
      update();
    }
  };
  viewBtn.addEventListener("click", () => void run("view"));
  checkedBtn.addEventListener("click", () => void run("checked"));
}

// checkedRows: the checked rows in the order of the view, then the checked
// rows the view does not show (filtered out), in arrival order.
function checkedRows(s: ElementStore, view: ArrayLike<number>, ids: Set<number>): number[] {
  const out: number[] = [];
  const taken = new Uint8Array(s.n);
  for (let k = 0; k < view.length; k++) {
    const r = view[k];
    if (r >= 0 && r < s.n && !taken[r] && ids.has(s.idx[r])) {
      out.push(r);
      taken[r] = 1;
    }
  }
  for (let r = 0; r < s.n; r++) if (!taken[r] && ids.has(s.idx[r])) out.push(r);
  return out;
}

async function elementCSV(v: ElementView, rows: number[], defuse: boolean, progress: (done: number) => void): Promise<Blob> {
  const s = v.store;
  const code = String(v.type.code);
  const modules = v.manifest.modules;
  const p = new Parts("text/csv;charset=utf-8");
  p.add(csvRow(CSV_HEADER, defuse));
  const sl = new Slicer();
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r < 0 || r >= s.n) continue;
    p.add(csvRow(elementFields({ time: s.time[r], type: code, module: String(modules[s.mod[r]] ?? ""), source: s.sdata[r], fp: s.fp[r] === 1, data: s.data[r] }), defuse));
    if ((k & 1023) === 1023) {
      progress(k + 1);
      await sl.maybePause();
    }
  }
  return p.blob();
}

// ---------------------------------------------------------------------
// Scan list

type Format = "json" | "csv" | "gexf";

// scanInfo reads what the scan list row of a scan says about it
// (templates/scans.html puts it into data- attributes).
function scanInfo(id: string): ScanInfo | null {
  if (!SAFE_ID.test(id)) return null;
  const box = Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select")).find((b) => b.value === id);
  const tr = box?.closest("tr");
  if (!tr) return null;
  const a = (k: string) => tr.getAttribute("data-" + k) ?? "";
  const data = scanFolder(id);
  return {
    id,
    name: a("name"),
    target: a("target"),
    status: a("status"),
    kind: a("kind"),
    created: a("created"),
    started: a("started"),
    ended: a("ended"),
    count: Number(a("count")) || 0,
    investigations: Array.from(tr.querySelectorAll(".c-inv .tag"), (t) => t.textContent ?? ""),
    data,
  };
}

// multiName names a multi-scan file after the scans' ids.
function multiName(ids: string[], ext: string): string {
  const joined = ids.join("+");
  const stem = joined.length <= 120 ? joined : `${ids[0]}-and-${ids.length - 1}-more`;
  return `scans-${stem}.${ext}`;
}

// mountScanListDownloads fills root (#scan-downloads) with the buttons that
// download the checked scans together.
export function mountScanListDownloads(root: HTMLElement | null): void {
  if (!root) return;
  const buttons: Record<Format, HTMLButtonElement> = {
    json: h("button", { type: "button", class: "btn small", "data-download": "json" }, "JSON"),
    csv: h("button", { type: "button", class: "btn small", "data-download": "csv" }, "CSV"),
    gexf: h("button", { type: "button", class: "btn small", "data-download": "gexf" }, "GEXF"),
  };
  const { label, box } = defuseBox();
  const cancel = h("button", { type: "button", class: "btn small dl-cancel", hidden: true }, "Cancel");
  const status = h("span", { class: "dl-status", role: "status" });
  const message = h("div", { class: "dl-message", hidden: true });
  root.replaceChildren(h("span", { class: "k" }, "Download selected"), buttons.json, buttons.csv, buttons.gexf, label, cancel, status);
  (root.closest(".toolbar") ?? root).after(message);
  root.hidden = false;
  let busy = false;
  let cancelled = false;

  const update = (ids: string[] = selectedScans()) => {
    for (const b of Object.values(buttons)) {
      b.disabled = busy || ids.length === 0;
      b.title = ids.length === 0 ? "Check one or more scans first" : `Download ${plural(ids.length, "scan", "scans")} as one file`;
    }
  };
  onScanSelection((ids) => update(ids));
  update();
  cancel.addEventListener("click", () => {
    cancelled = true;
  });

  const run = async (format: Format) => {
    if (busy) return;
    const ids = selectedScans().filter((id) => SAFE_ID.test(id));
    const infos = ids.map(scanInfo).filter((x): x is ScanInfo => x !== null);
    if (infos.length === 0) return;
    busy = true;
    cancelled = false;
    cancel.hidden = false;
    message.hidden = true;
    message.replaceChildren();
    root.setAttribute("aria-busy", "true");
    update();
    try {
      // data-limit on the root can lower the limit (tests use it).
      const limit = Math.min(MAX_ELEMENTS, Number(root.getAttribute("data-limit")) || MAX_ELEMENTS);
      const scans = await loadScans(
        infos,
        (p) =>
          setText(
            status,
            `Loading ${p.scans > 1 ? `scan ${p.scan + 1} of ${p.scans}: ` : ""}${comma(p.files)} of ${comma(p.totalFiles)} data files · ${comma(p.elements)} of ${plural(p.totalElements, "element", "elements")}`,
          ),
        () => cancelled,
        limit,
      );
      setText(status, "Writing the file…");
      await pause();
      const blob = await build(format, scans, box.checked, (done) => setText(status, `Writing the file… ${comma(done)} elements`), () => cancelled);
      save(blob, multiName(infos.map((i) => i.id), format));
      const n = scans.reduce((a, s) => a + s.elements, 0);
      setText(status, `${plural(scans.length, "scan", "scans")} · ${plural(n, "element", "elements")} saved as ${format.toUpperCase()}`);
    } catch (e) {
      if (e instanceof Cancelled) setText(status, "Cancelled");
      else if (e instanceof TooBig) {
        setText(status, "");
        tooBig(message, infos, e.total, e.limit, format);
      } else {
        console.error(e);
        setText(status, "");
        message.className = "dl-message notice error";
        message.setAttribute("role", "alert");
        message.replaceChildren(h("p", null, "The download could not be made: " + (e instanceof Error ? e.message : String(e))));
        message.hidden = false;
      }
    } finally {
      busy = false;
      cancel.hidden = true;
      root.removeAttribute("aria-busy");
      update();
    }
  };
  for (const f of Object.keys(buttons) as Format[]) buttons[f].addEventListener("click", () => void run(f));
}

// tooBig explains that the scans are too large to load here and links each
// scan's own download file instead.
function tooBig(message: HTMLElement, infos: ScanInfo[], total: number, limit: number, format: Format): void {
  message.className = "dl-message notice partial";
  message.setAttribute("role", "alert");
  const list = h("ul", { class: "dl-files" });
  for (const i of infos) {
    const file = `${i.id}.${format}`;
    list.append(h("li", null, h("a", { href: `scans/${i.id}/downloads/${file}`, download: file }, file), ` (${plural(i.count, "element", "elements")})`));
  }
  message.replaceChildren(
    h(
      "p",
      null,
      `These scans hold ${plural(total, "element", "elements")} together: more than the ${comma(limit)} a browser page can load at once. ` +
        `Download each scan's own ${format.toUpperCase()} file instead (made when the report was built, with every element in full):`,
    ),
    list,
  );
  message.hidden = false;
}

async function build(format: Format, scans: ScanData[], defuse: boolean, progress: (done: number) => void, cancelled: () => boolean): Promise<Blob> {
  const sl = new Slicer();
  const step = async (done: number) => {
    progress(done);
    await sl.maybePause();
    if (cancelled()) throw new Cancelled();
  };
  switch (format) {
    case "json":
      return writeJSON(scans, step);
    case "csv":
      return multiCSV(scans, defuse, step);
    case "gexf": {
      const g = new Graph();
      for (const s of scans) {
        addScan(g, s);
        await step(0);
      }
      const names = scans.map((s) => s.info.name);
      const description = scans.length === 1 ? names[0] : `${scans.length} scans: ${names.join(", ")}`;
      return writeGEXF(g, GEXF12, description, graphDate(scans));
    }
  }
}
