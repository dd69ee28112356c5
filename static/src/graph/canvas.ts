// A 2D canvas that fills its container, with zoom (wheel, buttons), pan
// (drag) and a text-only tooltip, for the Visualise charts (graph/bubble.ts,
// graph/discovery.ts). The chart draws in its own coordinates through draw(ctx)
// with the view's transform applied; pick(x, y) (chart coordinates) finds
// what is under the pointer. Text is drawn with fillText and the tooltip
// built with textContent: scan values never become markup.

import { h } from "../ui/dom";

export interface Stage {
  // draw paints the chart; ctx has the view transform set; scale is the
  // zoom (chart units to CSS pixels), for sizes that should stay readable.
  draw(ctx: CanvasRenderingContext2D, scale: number): void;
  // pick returns what is at chart point (x, y), or null.
  pick(x: number, y: number, scale: number): unknown;
  // tooltip gives the lines for a picked item (term, value).
  tooltip(item: unknown): Array<[string, string]> | null;
  // click handles a click on a picked item.
  click(item: unknown, e: MouseEvent): void;
  // bounds is the chart's extent, for fit().
  bounds(): { x0: number; y0: number; x1: number; y1: number };
}

export class CanvasView {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private stage: Stage | null = null;
  private tx = 0; // CSS px of chart origin
  private ty = 0;
  private k = 1; // CSS px per chart unit
  private frame = 0;
  private drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  private hover: unknown = null;
  private w = 0;
  private hgt = 0;
  background = "";

  constructor(
    readonly host: HTMLElement,
    private readonly tip: HTMLElement | null,
  ) {
    this.canvas = h("canvas", { class: "vis-canvas" });
    host.appendChild(this.canvas);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw on a canvas.");
    this.ctx = ctx;
    const c = this.canvas;
    c.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    c.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      this.drag = { x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty, moved: false };
      c.setPointerCapture(e.pointerId);
    });
    c.addEventListener("pointermove", (e) => {
      const d = this.drag;
      if (d) {
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (d.moved || Math.abs(dx) + Math.abs(dy) > 4) {
          d.moved = true;
          this.tx = d.tx + dx;
          this.ty = d.ty + dy;
          this.hideTip();
          this.schedule();
          return;
        }
      }
      this.onHover(e);
    });
    c.addEventListener("pointerup", (e) => {
      const d = this.drag;
      this.drag = null;
      if (d && !d.moved) this.onClick(e);
    });
    c.addEventListener("pointerleave", () => {
      if (!this.drag) {
        this.hover = null;
        this.hideTip();
        c.style.cursor = "";
      }
    });
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => this.resize()).observe(host);
    this.resize();
  }

  setStage(s: Stage | null): void {
    this.stage = s;
    this.hover = null;
    this.hideTip();
    this.schedule();
  }

  // chart is the chart drawn now.
  get chart(): Stage | null {
    return this.stage;
  }

  get scale(): number {
    return this.k;
  }

  // transform is the view's state, to keep across a redraw with new data.
  get transform(): { tx: number; ty: number; k: number } {
    return { tx: this.tx, ty: this.ty, k: this.k };
  }

  setTransform(t: { tx: number; ty: number; k: number }): void {
    this.tx = t.tx;
    this.ty = t.ty;
    this.k = t.k;
    this.schedule();
  }

  // fit shows the whole chart, at most at scale max and at least at scale
  // min (a chart that does not fit then starts at its left or top edge).
  fit(max = 1, pad = 16, min = 0): void {
    const s = this.stage;
    if (!s) return;
    const b = s.bounds();
    const bw = Math.max(1, b.x1 - b.x0);
    const bh = Math.max(1, b.y1 - b.y0);
    this.k = Math.max(min, Math.min(max, (this.w - 2 * pad) / bw, (this.hgt - 2 * pad) / bh));
    if (!(this.k > 0)) this.k = 1;
    this.tx = bw * this.k > this.w - 2 * pad ? pad - b.x0 * this.k : (this.w - bw * this.k) / 2 - b.x0 * this.k;
    this.ty = bh * this.k > this.hgt - 2 * pad ? pad - b.y0 * this.k : (this.hgt - bh * this.k) / 2 - b.y0 * this.k;
    this.schedule();
  }

  // zoomBy zooms around the centre of the view (or a CSS-pixel point).
  zoomBy(f: number, cx = this.w / 2, cy = this.hgt / 2): void {
    const k = Math.max(0.01, Math.min(40, this.k * f));
    const r = k / this.k;
    this.tx = cx - (cx - this.tx) * r;
    this.ty = cy - (cy - this.ty) * r;
    this.k = k;
    this.schedule();
  }

  // toChart converts a CSS-pixel point of the canvas to chart units.
  toChart(x: number, y: number): [number, number] {
    return [(x - this.tx) / this.k, (y - this.ty) / this.k];
  }

  // toScreen converts chart units to CSS pixels of the canvas.
  toScreen(x: number, y: number): [number, number] {
    return [x * this.k + this.tx, y * this.k + this.ty];
  }

  // keepPoint moves the view so that chart point (x, y), which was at CSS
  // pixel (sx, sy), stays there (after a relayout moved it).
  keepPoint(x: number, y: number, sx: number, sy: number): void {
    this.tx = sx - x * this.k;
    this.ty = sy - y * this.k;
    this.schedule();
  }

  get width(): number {
    return this.w;
  }

  get height(): number {
    return this.hgt;
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  // paint draws now (tests and image exports need a drawn canvas).
  paint(): void {
    const c = this.canvas;
    const ctx = this.ctx;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (this.background) {
      ctx.fillStyle = this.background;
      ctx.fillRect(0, 0, c.width, c.height);
    }
    if (!this.stage) return;
    ctx.setTransform(this.k * dpr, 0, 0, this.k * dpr, this.tx * dpr, this.ty * dpr);
    this.stage.draw(ctx, this.k);
  }

  private resize(): void {
    const r = this.host.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.w = Math.max(1, Math.round(r.width));
    this.hgt = Math.max(1, Math.round(r.height));
    this.canvas.width = Math.round(this.w * dpr);
    this.canvas.height = Math.round(this.hgt * dpr);
    this.canvas.style.width = this.w + "px";
    this.canvas.style.height = this.hgt + "px";
    this.paint();
  }

  private local(e: MouseEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const [x, y] = this.local(e);
    this.zoomBy(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), x, y);
    this.hideTip();
  }

  private onHover(e: PointerEvent): void {
    const s = this.stage;
    if (!s) return;
    const [x, y] = this.local(e);
    const [cx, cy] = this.toChart(x, y);
    const it = s.pick(cx, cy, this.k);
    this.canvas.style.cursor = it ? "pointer" : "grab";
    if (it !== this.hover) this.hover = it;
    if (!it) {
      this.hideTip();
      return;
    }
    const lines = s.tooltip(it);
    if (lines) this.showTip(lines, e.clientX, e.clientY);
    else this.hideTip();
  }

  // hoverAt acts as if the pointer were at chart point (x, y) (tests).
  hoverAt(x: number, y: number): void {
    const [sx, sy] = this.toScreen(x, y);
    const r = this.canvas.getBoundingClientRect();
    this.onHover(new PointerEvent("pointermove", { clientX: r.left + sx, clientY: r.top + sy }));
  }

  private onClick(e: PointerEvent): void {
    const s = this.stage;
    if (!s) return;
    const [x, y] = this.local(e);
    const [cx, cy] = this.toChart(x, y);
    const it = s.pick(cx, cy, this.k);
    if (it) s.click(it, e);
  }

  private showTip(lines: Array<[string, string]>, cx: number, cy: number): void {
    const tip = this.tip;
    if (!tip) return;
    tip.replaceChildren();
    const dl = h("dl");
    for (const [t, v] of lines) dl.append(h("dt", null, t), h("dd", null, v));
    tip.append(dl);
    tip.hidden = false;
    const pad = 14;
    let x = cx + pad;
    let y = cy + pad;
    if (x + tip.offsetWidth > window.innerWidth - 8) x = Math.max(8, cx - pad - tip.offsetWidth);
    if (y + tip.offsetHeight > window.innerHeight - 8) y = Math.max(8, cy - pad - tip.offsetHeight);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  hideTip(): void {
    if (this.tip) this.tip.hidden = true;
  }
}
