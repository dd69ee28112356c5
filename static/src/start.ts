// The common start of the report's two browser bundles (app.ts for most
// pages, app-graphs.ts for the pages that draw graphs): it takes over
// window.__sr for the data files, enhances sortable tables on every page, and
// starts the page's own code by <body data-page>. docs/site-format.md is the
// contract with the Go side.
//
// Security rule for every module: scan values are hostile. Text goes in with
// textContent only; no innerHTML, no eval, no URLs built from scan data.

import { initA11y, initTheme } from "./ui/a11y";
import { initCompare } from "./pages/compare";
import { initCorrelations } from "./pages/correlations";
import { byId, notice } from "./ui/dom";
import { mountElementDownloads, mountScanListDownloads } from "./pages/downloads";
import { initElements, type CurrentView } from "./pages/elements";
import { initInvestigationTab, initScanListCompare } from "./pages/investigation";
import { Live } from "./live/live";
import { initLog } from "./pages/log";
import { install } from "./data/registry";
import { initScanList } from "./table/scan-selection";
import { searchBox, type SearchBox } from "./search/box";
import { initSearchPage } from "./pages/search-page";
import { initSortable } from "./table/sortable";

// PageInit starts one kind of page; box is the header's search box, live
// the page's live updates.
export type PageInit = (box: SearchBox | null, live: Live) => void | Promise<void>;

// basePages are the pages every bundle knows.
export const basePages: Record<string, PageInit> = {
  scans: () => {
    initScanList();
    mountScanListDownloads(byId("scan-downloads"));
    initScanListCompare();
  },
  "scan-investigations": (_, live) => initInvestigationTab(live),
  compare: () => initCompare(),
  elements: (box, live) => {
    // Downloads read the table's current view (type, search, filters),
    // null until the table exists.
    let current: (() => CurrentView) | null = null;
    mountElementDownloads(byId("element-downloads"), () => (current ? current() : null));
    return initElements(box, live, (f) => (current = f));
  },
  search: (box, live) => initSearchPage(box, false, live),
  "search-all": (box, live) => initSearchPage(box, true, live),
  log: (_, live) => initLog(live),
  correlations: () => initCorrelations(),
};

function fail(e: unknown): void {
  console.error(e);
  const main = document.querySelector("main");
  const anchor = main?.firstElementChild ?? main;
  if (anchor) notice(anchor, "Part of this page failed to load: " + (e instanceof Error ? e.message : String(e)), "error", "app");
}

function start(pages: Record<string, PageInit>, live: Live): void {
  document.documentElement.classList.add("js");
  try {
    // First, before anything changes the page: live updates note the
    // regions as the server wrote them (the rest waits for the page).
    live.start();
    initSortable();
    initA11y();
    // The header's search box: in place on the element table and the search
    // pages; elsewhere Enter opens the search page of its scope.
    const box = searchBox();
    const kind = document.body.getAttribute("data-page") ?? "";
    const init = Object.prototype.hasOwnProperty.call(pages, kind) ? pages[kind] : undefined;
    const p = init?.(box, live);
    if (p) p.catch(fail);
  } catch (e) {
    fail(e);
  }
}

// startApp installs the data registry and starts the page once the document
// is parsed.
export function startApp(pages: Record<string, PageInit>): void {
  initTheme(); // before the page is first drawn
  install();
  const live = new Live(); // the page's live updates, handed to its code
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start(pages, live));
  else start(pages, live);
}
