// Entry point of the report's browser bundle (one IIFE, built by
// internal/bundle). It takes over window.__sr for the data files, enhances
// sortable tables on every page, and starts the page's own code by
// <body data-page>. docs/site-format.md is the contract with the Go side.
//
// Security rule for every module: scan values are hostile. Text goes in with
// textContent only; no innerHTML, no eval, no URLs built from scan data.

import { notice } from "./dom";
import { initElements } from "./elements";
import { initLog } from "./log";
import { install } from "./registry";
import { initScanList } from "./scan-selection";
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
    initSortable();
    switch (document.body.getAttribute("data-page")) {
      case "scans":
        initScanList();
        break;
      case "elements":
        initElements().catch(fail);
        break;
      case "log":
        initLog().catch(fail);
        break;
    }
  } catch (e) {
    fail(e);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
