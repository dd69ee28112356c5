// Bubble charts of one element type (Visualise): one circle per distinct
// value, its area the value's occurrences, packed by d3-hierarchy's pack
// layout and drawn on a canvas (graph/canvas.ts). "By data element" counts
// the type's values, "by source data element" the values they were found
// from. Values are grouped ignoring case, as SpiderFoot's bubble charts
// lower-case them; a bubble shows the spelling seen first. False positives
// are left out. Beyond MAX_BUBBLES values the largest are drawn and the
// page says how many were left out.

import { hierarchy, pack } from "d3-hierarchy";

import { comma, plural } from "../ui/format";
import type { CanvasView, Stage } from "./canvas";
import { labelOf } from "../ui/sfurl";
import { fitChars } from "./text";

export const MAX_BUBBLES = 2000;

export interface Bubble {
  value: string; // the spelling seen first
  count: number;
  x: number;
  y: number;
  r: number;
}

export interface BubbleSet {
  bubbles: Bubble[]; // largest first
  values: number; // distinct values (before the cap)
  total: number; // occurrences counted
  left: number; // values not drawn
}

// countValues groups values ignoring case and packs the MAX_BUBBLES most
// frequent into a square of side size.
export function countValues(values: Iterable<string>, size = 1000): BubbleSet {
  const counts = new Map<string, { value: string; count: number; first: number }>();
  let total = 0;
  let seq = 0;
  for (const v of values) {
    const key = v.toLowerCase();
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { value: v, count: 1, first: seq++ });
    total++;
  }
  const all = Array.from(counts.values());
  all.sort((a, b) => b.count - a.count || a.first - b.first);
  const kept = all.slice(0, MAX_BUBBLES);
  const root = hierarchy<{ value?: string; count?: number; children?: Array<{ value: string; count: number }> }>({ children: kept })
    .sum((d) => d.count ?? 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  pack<{ value?: string; count?: number }>().size([size, size]).padding(size / 600)(root);
  const bubbles: Bubble[] = [];
  for (const leaf of root.leaves()) {
    const d = leaf.data;
    const p = leaf as unknown as { x: number; y: number; r: number };
    if (leaf === root) continue;
    bubbles.push({ value: String(d.value ?? ""), count: d.count ?? 0, x: p.x, y: p.y, r: p.r });
  }
  bubbles.sort((a, b) => b.count - a.count);
  return { bubbles, values: all.length, total, left: all.length - kept.length };
}

// BubbleStage draws a BubbleSet.
export class BubbleStage implements Stage {
  private readonly max: number;
  private readonly text: string;
  private readonly fill: string[];
  private readonly stroke: string;

  constructor(
    readonly set: BubbleSet,
    private readonly noun: string, // what a value is ("value", "source value")
    private readonly onOpen: (b: Bubble, e: MouseEvent) => void,
    view: CanvasView,
  ) {
    this.max = set.bubbles.length ? set.bubbles[0].count : 1;
    const cs = getComputedStyle(view.host);
    const v = (n: string, f: string) => cs.getPropertyValue(n).trim() || f;
    this.text = v("--vis-text", "#1f2328");
    this.stroke = v("--vis-stroke", "rgba(0,0,0,0.18)");
    this.fill = [v("--vis-b1", "#cfe3f7"), v("--vis-b2", "#9cc5ec"), v("--vis-b3", "#5d9fd8"), v("--vis-b4", "#2f6fb3")];
  }

  bounds() {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const b of this.set.bubbles) {
      x0 = Math.min(x0, b.x - b.r);
      y0 = Math.min(y0, b.y - b.r);
      x1 = Math.max(x1, b.x + b.r);
      y1 = Math.max(y1, b.y + b.r);
    }
    if (!isFinite(x0)) return { x0: 0, y0: 0, x1: 1, y1: 1 };
    return { x0, y0, x1, y1 };
  }

  draw(ctx: CanvasRenderingContext2D, scale: number): void {
    ctx.lineWidth = 1 / scale;
    ctx.strokeStyle = this.stroke;
    for (const b of this.set.bubbles) {
      const t = Math.sqrt(b.count / this.max);
      ctx.fillStyle = this.fill[Math.min(3, Math.floor(t * 4))];
      ctx.beginPath();
      ctx.arc(b.x, b.y, b.r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    // Labels where the bubble is large enough on screen to hold one.
    ctx.fillStyle = this.text;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const b of this.set.bubbles) {
      const px = b.r * scale;
      if (px < 18) continue;
      const size = Math.min(14, Math.max(9, px / 4));
      ctx.font = `${size / scale}px system-ui, sans-serif`;
      const room = (b.r * 1.7) ;
      const label = fit(ctx, oneLine(labelOf(b.value)), room);
      if (label) ctx.fillText(label, b.x, b.y - (px > 34 ? size / 2 / scale : 0));
      if (px > 34) ctx.fillText(comma(b.count), b.x, b.y + (size * 0.8) / scale);
    }
  }

  pick(x: number, y: number): Bubble | null {
    for (const b of this.set.bubbles) {
      const dx = x - b.x;
      const dy = y - b.y;
      if (dx * dx + dy * dy <= b.r * b.r) return b;
    }
    return null;
  }

  tooltip(item: unknown): Array<[string, string]> | null {
    const b = item as Bubble;
    const v = b.value.length > 300 ? b.value.slice(0, 300) + "…" : b.value;
    return [
      [this.noun[0].toUpperCase() + this.noun.slice(1), v],
      ["Occurrences", plural(b.count, "time", "times") + " (false positives left out)"],
      ["Click", "lists these elements"],
    ];
  }

  click(item: unknown, e: MouseEvent): void {
    this.onOpen(item as Bubble, e);
  }
}

function oneLine(v: string): string {
  return v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
}

// fit cuts s to fit width (chart units) with the context's font, or "".
function fit(ctx: CanvasRenderingContext2D, s: string, width: number): string {
  if (s.length > 80) s = s.slice(0, 80);
  if (ctx.measureText(s).width <= width) return s;
  const lo = fitChars(ctx, s, width);
  return lo >= 2 ? s.slice(0, lo) + "…" : "";
}
