// Entry point of the report's main browser bundle (app.js, one IIFE built
// by internal/bundle): every page except those that draw graphs, which load
// app-graphs.js instead (app-graphs.ts). Keeping sigma, graphology and
// d3-hierarchy out of this bundle keeps the common pages light.

import { basePages, startApp } from "./start";

startApp(basePages);
