// The graph as a PNG (GraphView.toPNG, view.ts): the layers sigma draws,
// copied right after a render onto one 2D canvas the size of the view, with
// an optional caption (title band and legend). Text is drawn with
// fillText: scan values stay text in the image too.

import type Sigma from "sigma";
import { backgroundColour, labelColour } from "./colours";
import { fitChars } from "./text";

// PNGCaption is what a PNG says besides the graph.
export interface PNGCaption {
  title: string;
  subtitle: string;
  legend: Array<{ color: string; label: string; count: string }>;
}

// clip shortens s to fit width pixels in the context's font.
function clip(ctx: CanvasRenderingContext2D, s: string, width: number): string {
  const one = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  if (ctx.measureText(one).width <= width) return one;
  return one.slice(0, fitChars(ctx, one, width)) + "…";
}

// drawPNG draws the graph as it is on screen (background, edges, nodes,
// labels) into a PNG. It costs one frame and the PNG encoding, whatever
// the graph's size. With a caption, the image has a title band above the
// graph and the legend (the types shown, their colours and counts) on its
// right, so a PNG passed around still says what it shows.
export function drawPNG(r: Sigma, container: HTMLElement, caption?: PNGCaption): Promise<Blob> {
  const { width, height } = r.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const top = caption ? 56 : 0;
  const side = caption && caption.legend.length ? 260 : 0;
  const rowH = 18;
  const legendH = caption ? 40 + caption.legend.length * rowH : 0;
  const out = document.createElement("canvas");
  out.width = Math.max(1, Math.round((width + side) * ratio));
  out.height = Math.max(1, Math.round(Math.max(height + top, top + legendH) * ratio));
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.reject(new Error("This browser cannot make an image of the graph."));
  ctx.fillStyle = backgroundColour(container);
  ctx.fillRect(0, 0, out.width, out.height);
  // A synchronous render, then the copies in the same task: WebGL
  // canvases keep their drawing only until the browser shows it.
  r.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  const layers = Array.from(container.querySelectorAll("canvas"));
  for (const c of layers) {
    if (c.width === 0 || c.height === 0) continue;
    ctx.drawImage(c, 0, Math.round(top * ratio), Math.round(width * ratio), Math.round(height * ratio));
  }
  if (caption) {
    // Text is drawn with fillText: scan values stay text in the image too.
    const ink = labelColour(container);
    ctx.save();
    ctx.scale(ratio, ratio);
    ctx.fillStyle = ink;
    ctx.textBaseline = "alphabetic";
    ctx.font = "600 18px system-ui, sans-serif";
    ctx.fillText(clip(ctx, caption.title, width + side - 24), 12, 26);
    ctx.font = "13px system-ui, sans-serif";
    ctx.globalAlpha = 0.75;
    ctx.fillText(clip(ctx, caption.subtitle, width + side - 24), 12, 46);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = "rgba(128,128,128,0.4)";
    ctx.beginPath();
    ctx.moveTo(0, top - 0.5);
    ctx.lineTo(width + side, top - 0.5);
    if (side) {
      ctx.moveTo(width + 0.5, top);
      ctx.lineTo(width + 0.5, top + Math.max(height, legendH));
    }
    ctx.stroke();
    if (side) {
      ctx.font = "600 12px system-ui, sans-serif";
      ctx.fillText("NODE TYPES", width + 14, top + 24);
      ctx.font = "12px system-ui, sans-serif";
      caption.legend.forEach((e, k) => {
        const y = top + 40 + k * rowH;
        ctx.fillStyle = e.color;
        ctx.beginPath();
        ctx.arc(width + 20, y + 6, 5, 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = ink;
        ctx.fillText(clip(ctx, `${e.label} (${e.count})`, side - 40), width + 32, y + 10);
      });
    }
    ctx.restore();
  }
  return new Promise<Blob>((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error("The image could not be made."))), "image/png"),
  );
}
