// Entry point of the report's browser bundle (one IIFE, built by
// internal/bundle). It takes over window.__sr for the data files, enhances
// sortable tables on every page, and starts the page's own code by
// <body data-page>. docs/site-format.md is the contract with the Go side.
//
// Security rule for every module: scan values are hostile. Text goes in with
// textContent only; no innerHTML, no eval, no URLs built from scan data.

import { byId, notice } from "./dom";
import { mountElementDownloads, mountScanListDownloads } from "./downloads";
import { currentView, initElements } from "./elements";
import { initCompare } from "./compare";
import { initExplore } from "./explore";
import { initInvestigationTab, initScanListCompare } from "./investigation";
import { initGraphPage } from "./graph-page";
import { initVisualise } from "./graph-visualise";
import { initLive } from "./live";
import { initLog } from "./log";
import { install } from "./registry";
import { initScanList } from "./scan-selection";
import { searchBox } from "./search";
import { initSearchPage } from "./search-page";
import { initSortable } from "./sortable";

install();

function fail(e: unknown): void {
  console.error(e);
  const main = document.querySelector("main");
  const anchor = main?.firstElementChild ?? main;
  if (anchor) notice(anchor, "Part of this page failed to load: " + (e instanceof Error ? e.message : String(e)), "error", "app");
}

function start(): void {
  document.documentElement.classList.add("js");
  try {
    // First, before anything changes the page: live updates note the
    // regions as the server wrote them (the rest waits for the page).
    initLive();
    initSortable();
    // The header's search box: in place on the element table and the search
    // pages; elsewhere Enter opens the search page of its scope.
    const box = searchBox();
    switch (document.body.getAttribute("data-page")) {
      case "scans":
        initScanList();
        mountScanListDownloads(byId("scan-downloads"));
        initScanListCompare();
        break;
      case "scan-investigations":
        initInvestigationTab();
        break;
      case "explore":
        initExplore().catch(fail);
        break;
      case "compare":
        initCompare().catch(fail);
        break;
      case "elements":
        // Downloads read the table's current view (type, search, filters).
        mountElementDownloads(byId("element-downloads"), currentView);
        initElements(box).catch(fail);
        break;
      case "search":
        initSearchPage(box, false).catch(fail);
        break;
      case "search-all":
        initSearchPage(box, true).catch(fail);
        break;
      case "log":
        initLog().catch(fail);
        break;
      case "graph":
        initGraphPage(box).catch(fail);
        break;
      case "visualise":
        initVisualise().catch(fail);
        break;
    }
  } catch (e) {
    fail(e);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
