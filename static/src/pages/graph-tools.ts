// The network graph page's tools (pages/graph-page.ts): ForceAtlas2 and
// back to the computed layout, and the downloads of the view (PNG, as on
// screen with a caption) and of the nodes shown (GEXF).

import { Graph as GexfGraph, writeGEXF } from "../export/gexf";
import type { GraphManifest } from "../data/graph-types";
import type { GraphView, PNGCaption } from "../graph/view";
import { save } from "./downloads";
import { byId, notice, setText } from "../ui/dom";
import { comma } from "../ui/format";

// Nodes up to which ForceAtlas2 is offered (it runs in a worker, but a
// large graph takes long to settle and the radial layout reads better).
export const FA2_MAX = 10000;
// How long one ForceAtlas2 run lasts.
const FA2_MS = 6000;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface LayoutTools {
  // forget drops the positions kept for Reset (new data was drawn).
  forget(): void;
}

// mountLayoutTools wires #graph-fa2 (run ForceAtlas2, keeping the computed
// positions) and #graph-reset (put them back).
export function mountLayoutTools(view: GraphView, host: HTMLElement): LayoutTools {
  let radial: Map<string, { x: number; y: number }> | null = null; // positions before ForceAtlas2
  const fa2 = byId<HTMLButtonElement>("graph-fa2");
  const reset = byId<HTMLButtonElement>("graph-reset");
  if (fa2) {
    fa2.hidden = view.nodeCount > FA2_MAX || view.nodeCount < 3;
    fa2.addEventListener("click", () => {
      if (view.layoutRunning) return;
      if (!radial) {
        const pos = new Map<string, { x: number; y: number }>();
        view.graph.forEachNode((k, a) => pos.set(k, { x: a.x as number, y: a.y as number }));
        radial = pos;
      }
      fa2.disabled = true;
      host.setAttribute("data-layout", "running");
      setText(fa2, "ForceAtlas2 running…");
      view.forceAtlas2(FA2_MS, () => {
        fa2.disabled = false;
        setText(fa2, "ForceAtlas2");
        host.setAttribute("data-layout", "fa2");
        if (reset) reset.hidden = false;
      });
    });
  }
  reset?.addEventListener("click", () => {
    if (radial) view.setPositions(radial);
    radial = null;
    reset.hidden = true;
    host.setAttribute("data-layout", "radial");
  });
  return {
    forget: () => {
      radial = null;
      byId("graph-reset")?.setAttribute("hidden", "");
    },
  };
}

// What the downloads read of the page.
export interface GraphDownloadsPage {
  say(t: string): void; // the status line
  status(): string; // what the status line says of the graph
  caption(): PNGCaption;
  shown(): GexfGraph; // the nodes and links shown
  gexf(): GraphManifest["gexf"]; // the GEXF header's facts
}

// mountGraphDownloads wires #graph-png and #graph-gexf-shown.
export function mountGraphDownloads(view: GraphView, host: HTMLElement, p: GraphDownloadsPage): void {
  const scan = document.body.getAttribute("data-scan") ?? "";
  const safe = SAFE_NAME.test(scan) ? scan : "scan";
  const png = byId<HTMLButtonElement>("graph-png");
  png?.addEventListener("click", async () => {
    png.disabled = true;
    const t0 = performance.now();
    try {
      const blob = await view.toPNG(p.caption());
      const ms = Math.round(performance.now() - t0);
      host.setAttribute("data-png-ms", String(ms));
      save(blob, `${safe}-graph.png`);
      p.say(`${p.status()} · PNG made in ${comma(ms)} ms`);
    } catch (e) {
      notice(host, (e as Error).message, "error", "png");
    } finally {
      png.disabled = false;
    }
  });
  const gexf = byId<HTMLButtonElement>("graph-gexf-shown");
  gexf?.addEventListener("click", () => {
    const g = p.shown();
    const date = new Date().toISOString().slice(0, 10);
    save(writeGEXF(g, p.gexf(), `${scan} (graph as shown)`, date), `${safe}-graph-shown.gexf`);
  });
}
