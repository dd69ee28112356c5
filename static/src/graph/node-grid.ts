// A spatial index of a graph's nodes for GraphView (view.ts): which node is
// under the pointer, found on the CPU.

import type Graph from "graphology";

// NodeGrid finds the node under the pointer on the CPU: a uniform grid over
// the nodes' positions, built when needed (O(n)), queried in a few cells.
// It replaces sigma's picking (which reads back a second, off-screen
// drawing of every node from the GPU on each pointer move).
export class NodeGrid {
  private keys: string[] = [];
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private sizes = new Float64Array(0);
  private start = new Int32Array(0);
  private items = new Int32Array(0);
  private x0 = 0;
  private y0 = 0;
  private cell = 1;
  private gx = 1;
  private gy = 1;
  maxSize = 1;

  constructor(g: Graph) {
    const n = g.order;
    this.keys = new Array(n);
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.sizes = new Float64Array(n);
    let k = 0;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    g.forEachNode((key, a) => {
      const x = +a.x || 0;
      const y = +a.y || 0;
      this.keys[k] = key;
      this.xs[k] = x;
      this.ys[k] = y;
      this.sizes[k] = +a.size || 1;
      if (this.sizes[k] > this.maxSize) this.maxSize = this.sizes[k];
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      k++;
    });
    if (n === 0) return;
    const w = Math.max(1e-9, x1 - x0);
    const h = Math.max(1e-9, y1 - y0);
    this.cell = Math.max(Math.sqrt((w * h) / Math.max(1, n / 2)), 1e-9);
    this.gx = Math.min(4096, Math.floor(w / this.cell) + 1);
    this.gy = Math.min(4096, Math.floor(h / this.cell) + 1);
    this.cell = Math.max(w / (this.gx - 0.5), h / (this.gy - 0.5), this.cell);
    this.x0 = x0;
    this.y0 = y0;
    const cells = this.gx * this.gy;
    const count = new Int32Array(cells + 1);
    const at = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = this.cellOf(this.xs[i], this.ys[i]);
      at[i] = c;
      count[c + 1]++;
    }
    for (let c = 0; c < cells; c++) count[c + 1] += count[c];
    this.start = count.slice();
    this.items = new Int32Array(n);
    const next = count.slice(0, cells);
    for (let i = 0; i < n; i++) this.items[next[at[i]]++] = i;
  }

  private cellOf(x: number, y: number): number {
    const cx = Math.min(this.gx - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
    const cy = Math.min(this.gy - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
    return cy * this.gx + cx;
  }

  // nearest returns the node nearest (x, y) (graph units) within reach,
  // for which ok holds, with a hit radius of size(i)+pad (graph units).
  nearest(x: number, y: number, reach: number, radius: (size: number) => number, ok: (key: string) => boolean): string | null {
    if (this.keys.length === 0) return null;
    const cx0 = Math.max(0, Math.floor((x - reach - this.x0) / this.cell));
    const cx1 = Math.min(this.gx - 1, Math.floor((x + reach - this.x0) / this.cell));
    const cy0 = Math.max(0, Math.floor((y - reach - this.y0) / this.cell));
    const cy1 = Math.min(this.gy - 1, Math.floor((y + reach - this.y0) / this.cell));
    let best = -1;
    let bd = Infinity;
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        const c = cy * this.gx + cx;
        for (let k = this.start[c]; k < this.start[c + 1]; k++) {
          const i = this.items[k];
          const dx = this.xs[i] - x;
          const dy = this.ys[i] - y;
          const d = Math.sqrt(dx * dx + dy * dy);
          if (d > radius(this.sizes[i]) || d >= bd) continue;
          if (!ok(this.keys[i])) continue;
          best = i;
          bd = d;
        }
      }
    }
    return best >= 0 ? this.keys[best] : null;
  }
}
