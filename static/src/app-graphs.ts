// Entry point of the graph pages' browser bundle (app-graphs.js): the main
// bundle's pages plus the network graph, the bubble charts and discovery
// trees (visualise) and Explore, which bring sigma, graphology and
// d3-hierarchy. A page loads exactly one of the two bundles (the Go side
// picks it by the page's kind), so the data registry is never doubled.

import { initExplore } from "./pages/explore";
import { initGraphPage } from "./pages/graph-page";
import { initVisualise } from "./pages/visualise";
import { basePages, startApp } from "./start";

startApp({
  ...basePages,
  graph: (box, live) => initGraphPage(box, live),
  visualise: (_, live) => initVisualise(live),
  explore: (_, live) => initExplore(live),
});
