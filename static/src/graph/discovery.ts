// Discovery paths (Visualise): how a type's elements were reached from the
// target, as a dendrogram (SpiderFoot's "Discovery Path"), and the chain of
// one element back to the target.
//
// The tree's leaves are the type's elements; its inner nodes are their
// sources, their sources' sources and so on up to the target (ROOT), so
// both of SpiderFoot's first events (the target as INTERNET_NAME and as
// DOMAIN_NAME) hang under one root, and nothing is dropped. The tree is
// drawn on a canvas (graph/canvas.ts), laid out as a cluster (leaves one row
// apart, each inner node level with the middle of its children), and starts
// with as many nodes open as fit the view: a closed node says how many of
// the type's elements are below it, and a click opens or closes it. Wheel
// and drag zoom and pan, so thousands of leaves stay readable (SpiderFoot's
// drawing grows out of its container, #661). Labels are the first
// characters of each value, drawn with fillText.

import { comma, plural } from "../ui/format";
import type { CanvasView, Stage } from "./canvas";

export const ROW = 18; // chart units between rows
export const COL = 160; // chart units between depths
const LABEL_CHARS = 20;

// What the tree needs to know about elements beyond their sources.
export interface ElementLookup {
  // label is the element's value (null while not loaded).
  value(i: number): string | null;
  // ensure loads the values of the given elements (resolves when known).
  ensure(idx: number[]): Promise<void>;
  // typeOf names the element's type: description, code, slug.
  typeOf(i: number): { descr: string; code: string; slug: string };
  // module is the element's module ("" when not loaded).
  module(i: number): string;
}

export interface TNode {
  i: number; // element index (0 = ROOT); -1 for a "more" node
  parent: TNode | null;
  kids: TNode[];
  // limit is how many children an open node shows (0: all); the others
  // are summed up by its "more" node.
  limit: number;
  more: TNode | null;
  member: boolean; // of the type drawn
  leaves: number; // members at or below this node
  depth: number;
  open: boolean;
  // layout (chart units), valid while visible
  x: number;
  y: number;
  visible: boolean;
}

// DiscoveryTree is the tree of members' ancestors.
export class DiscoveryTree {
  readonly root: TNode;
  readonly size: number; // nodes
  readonly members: number;
  readonly depth: number;

  constructor(members: number[], parent: Int32Array | number[]) {
    const nodes = new Map<number, TNode>();
    const make = (i: number): TNode => {
      let n = nodes.get(i);
      if (!n) {
        n = { i, parent: null, kids: [], limit: 0, more: null, member: false, leaves: 0, depth: 0, open: false, x: 0, y: 0, visible: false };
        nodes.set(i, n);
      }
      return n;
    };
    const root = make(0);
    let count = 0;
    for (const e of members) {
      if (e <= 0 || e >= parent.length) continue;
      const n = make(e);
      if (n.member) continue;
      n.member = true;
      count++;
      // Walk up until a node already linked (guarding against a cycle).
      let cur = n;
      for (let guard = 0; cur !== root && !cur.parent && guard < 100000; guard++) {
        let p = parent[cur.i];
        if (!(p >= 0 && p < parent.length) || p === cur.i) p = 0;
        const pn = make(p);
        if (isAncestor(cur, pn)) break; // a cycle: leave it under ROOT
        cur.parent = pn;
        pn.kids.push(cur);
        cur = pn;
      }
      if (cur !== root && !cur.parent) {
        cur.parent = root;
        root.kids.push(cur);
      }
    }
    // Depths, member counts, children in arrival order.
    let maxDepth = 0;
    const order: TNode[] = [root];
    for (let q = 0; q < order.length; q++) {
      const v = order[q];
      v.kids.sort((a, b) => a.i - b.i);
      for (const k of v.kids) {
        k.depth = v.depth + 1;
        maxDepth = Math.max(maxDepth, k.depth);
        order.push(k);
      }
    }
    for (let q = order.length - 1; q >= 0; q--) {
      const v = order[q];
      v.leaves += v.member ? 1 : 0;
      if (v.parent) v.parent.leaves += v.leaves;
    }
    this.root = root;
    this.size = order.length;
    this.members = count;
    this.depth = maxDepth;
  }

  // openToFit opens nodes breadth first while the rows shown stay within
  // budget (the root is always open); a node with more children than there
  // is room for shows the first ones and a "more" node.
  openToFit(budget: number): void {
    this.each((n) => {
      n.open = false;
      n.limit = 0;
    });
    const root = this.root;
    root.open = true;
    let rows = 0;
    const queue: TNode[] = [];
    const openUp = (v: TNode, room: number) => {
      v.open = true;
      if (v.kids.length <= room) {
        v.limit = 0;
        rows += v.kids.length;
        queue.push(...v.kids);
      } else {
        v.limit = Math.max(1, room - 1);
        rows += v.limit + 1;
        queue.push(...v.kids.slice(0, v.limit));
      }
    };
    openUp(root, Math.max(budget, 3));
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q];
      if (v.kids.length === 0) continue;
      const room = budget - rows + 1; // the node's own row is freed
      if (room < Math.min(v.kids.length, 4)) continue;
      rows--;
      openUp(v, room);
    }
  }

  // showMore shows up to step more children of n's parent.
  showMore(more: TNode, step = 50): void {
    const p = more.parent;
    if (!p) return;
    const left = p.kids.length - p.limit;
    p.limit = left <= step * 1.2 ? 0 : p.limit + step;
  }

  // find returns the node of element i, or null.
  find(i: number): TNode | null {
    let found: TNode | null = null;
    this.each((n) => {
      if (n.i === i) found = n;
    });
    return found;
  }

  // reveal opens every node above n, with n among the children shown.
  reveal(n: TNode): void {
    for (let c = n, p = n.parent; p; c = p, p = p.parent) {
      p.open = true;
      if (p.limit > 0 && p.kids.indexOf(c) >= p.limit) p.limit = 0;
    }
  }

  openAll(): void {
    this.each((n) => {
      n.open = n.kids.length > 0;
      n.limit = 0;
    });
  }

  each(fn: (n: TNode) => void): void {
    const stack = [this.root];
    while (stack.length) {
      const n = stack.pop()!;
      fn(n);
      for (const k of n.kids) stack.push(k);
    }
  }

  // layout places the visible nodes (a cluster layout) and returns them in
  // drawing order, parents before children.
  layout(): TNode[] {
    this.each((n) => (n.visible = false));
    const out: TNode[] = [];
    let row = 0;
    // Iterative post-order for y, pre-order list for drawing.
    const visit = (n: TNode) => {
      const stack: Array<{ n: TNode; k: number }> = [{ n, k: 0 }];
      n.visible = true;
      out.push(n);
      while (stack.length) {
        const top = stack[stack.length - 1];
        const v = top.n;
        const kids = shownKids(v);
        if (top.k < kids.length) {
          const c = kids[top.k++];
          c.visible = true;
          out.push(c);
          stack.push({ n: c, k: 0 });
          continue;
        }
        stack.pop();
        v.x = v.depth * COL;
        if (kids.length === 0) v.y = row++ * ROW;
        else v.y = (kids[0].y + kids[kids.length - 1].y) / 2;
      }
    };
    visit(this.root);
    return out;
  }
}

// shownKids are the children an open node shows: all, or the first
// limit and its "more" node standing for the rest.
export function shownKids(v: TNode): TNode[] {
  if (!v.open) return [];
  if (v.limit <= 0 || v.limit >= v.kids.length) return v.kids;
  let m = v.more;
  if (!m) {
    m = { i: -1, parent: v, kids: [], limit: 0, more: null, member: false, leaves: 0, depth: v.depth + 1, open: false, x: 0, y: 0, visible: false };
    v.more = m;
  }
  m.leaves = 0;
  for (let k = v.limit; k < v.kids.length; k++) m.leaves += v.kids[k].leaves;
  return [...v.kids.slice(0, v.limit), m];
}

function isAncestor(a: TNode, b: TNode): boolean {
  for (let p: TNode | null = b; p; p = p.parent) if (p === a) return true;
  return false;
}

// TreeStage draws a DiscoveryTree.
export class TreeStage implements Stage {
  private shown: TNode[] = [];
  private readonly colors: { member: string; inner: string; root: string; line: string; text: string; closed: string; bg: string };
  private loading = false;
  // highlight is a node drawn with a ring (the element a page came for).
  highlight: TNode | null = null;

  constructor(
    readonly tree: DiscoveryTree,
    private readonly look: ElementLookup,
    private readonly typeDescr: string,
    private readonly view: CanvasView,
    private readonly onOpen: (i: number, e: MouseEvent) => void,
    private readonly onChange: () => void,
  ) {
    const cs = getComputedStyle(view.host);
    const v = (n: string, f: string) => cs.getPropertyValue(n).trim() || f;
    this.colors = {
      member: v("--vis-member", "#1f77b4"),
      inner: v("--vis-inner", "#6b7280"),
      root: v("--vis-root", "#e0301e"),
      line: v("--vis-line", "rgba(110,120,135,0.55)"),
      text: v("--vis-text", "#1f2328"),
      closed: v("--vis-closed", "#f2a33a"),
      bg: v("--graph-bg", "#ffffff"),
    };
    this.relayout();
  }

  get visibleCount(): number {
    return this.shown.length;
  }

  get visibleRows(): number {
    let n = 0;
    for (const v of this.shown) if (!v.open || v.kids.length === 0) n++;
    return n;
  }

  relayout(): void {
    this.shown = this.tree.layout();
    void this.loadLabels();
    this.onChange();
  }

  // loadLabels asks for the values of the visible nodes, then redraws.
  private async loadLabels(): Promise<void> {
    const want: number[] = [];
    for (const n of this.shown) if (n.i > 0 && this.look.value(n.i) === null) want.push(n.i);
    if (!want.length || this.loading) return;
    this.loading = true;
    try {
      await this.look.ensure(want);
    } finally {
      this.loading = false;
    }
    this.view.schedule();
    // Nodes opened meanwhile.
    if (this.shown.some((n) => n.i > 0 && this.look.value(n.i) === null)) void this.loadLabels();
  }

  bounds() {
    let y1 = 0;
    let x1 = 0;
    for (const n of this.shown) {
      y1 = Math.max(y1, n.y);
      x1 = Math.max(x1, n.x);
    }
    return { x0: -12, y0: -ROW, x1: x1 + COL * 1.1, y1: y1 + ROW };
  }

  label(n: TNode): string {
    if (n.i < 0) {
      const hidden = (n.parent?.kids.length ?? 0) - (n.parent?.limit ?? 0);
      return `+${comma(hidden)} more…`;
    }
    let v = n.i === 0 ? (this.look.value(0) ?? "target") : this.look.value(n.i);
    if (v === null) return "…";
    v = v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
    return v.length > LABEL_CHARS ? v.slice(0, LABEL_CHARS) + "…" : v;
  }

  draw(ctx: CanvasRenderingContext2D, scale: number): void {
    const c = this.colors;
    const view = this.view;
    // The part of the chart on screen, to skip what is off it.
    const [vx0, vy0] = view.toChart(0, 0);
    const [vx1, vy1] = view.toChart(view.width, view.height);
    const inView = (y: number) => y >= vy0 - ROW && y <= vy1 + ROW;
    ctx.lineWidth = 1 / scale;
    ctx.strokeStyle = c.line;
    ctx.beginPath();
    for (const n of this.shown) {
      const p = n.parent;
      if (!p || !p.visible) continue;
      if (!inView(n.y) && !inView(p.y) && (n.y < vy0) === (p.y < vy0)) continue;
      if (n.x < vx0 - COL || p.x > vx1) continue;
      const mx = (p.x + n.x) / 2;
      ctx.moveTo(p.x, p.y);
      ctx.bezierCurveTo(mx, p.y, mx, n.y, n.x, n.y);
    }
    ctx.stroke();
    const r = Math.max(3, 4.5 / Math.sqrt(scale));
    const labels = ROW * scale >= 9;
    const font = Math.min(13, ROW * scale * 0.7);
    if (labels) {
      ctx.font = `${font / scale}px system-ui, sans-serif`;
      ctx.textBaseline = "middle";
    }
    for (const n of this.shown) {
      if (!inView(n.y) || n.x < vx0 - COL || n.x > vx1 + COL) continue;
      const closed = (!n.open && n.kids.length > 0) || n.i < 0;
      ctx.fillStyle = n.i === 0 ? c.root : closed ? c.closed : n.member ? c.member : c.inner;
      ctx.beginPath();
      ctx.arc(n.x, n.y, closed ? r * 1.35 : r, 0, 2 * Math.PI);
      ctx.fill();
      if (n === this.highlight) {
        ctx.strokeStyle = c.root;
        ctx.lineWidth = 2.5 / scale;
        ctx.beginPath();
        ctx.arc(n.x, n.y, r * 2.2, 0, 2 * Math.PI);
        ctx.stroke();
      }
      if (!labels) continue;
      ctx.fillStyle = c.text;
      const text = this.label(n) + (closed && n.i >= 0 ? `  (+${comma(n.leaves)})` : n.i < 0 ? `  (${comma(n.leaves)})` : "");
      // Right of the node, on a patch of background so that the branches
      // running behind do not cross the text.
      const tx = n.x + r + 3 / scale;
      const w = ctx.measureText(text).width;
      ctx.fillStyle = c.bg;
      ctx.fillRect(tx - 1 / scale, n.y - font / scale / 2 - 1 / scale, w + 2 / scale, font / scale + 2 / scale);
      ctx.fillStyle = c.text;
      ctx.textAlign = "left";
      ctx.fillText(text, tx, n.y);
    }
  }

  pick(x: number, y: number, scale: number): TNode | null {
    const tol = Math.max(6 / scale, 5);
    let best: TNode | null = null;
    let bd = Infinity;
    for (const n of this.shown) {
      const dy = Math.abs(n.y - y);
      if (dy > tol) continue;
      const dx = x - n.x;
      // The node, or its label to the right of a leaf.
      const leaf = !n.open || n.kids.length === 0;
      const hit = (dx >= -tol && dx <= tol) || (leaf && dx > 0 && dx < COL * 0.8 && ROW * scale >= 9);
      if (!hit) continue;
      const d = Math.abs(dx) + dy;
      if (d < bd) {
        bd = d;
        best = n;
      }
    }
    return best;
  }

  tooltip(item: unknown): Array<[string, string]> | null {
    const n = item as TNode;
    if (n.i < 0) {
      const p = n.parent!;
      return [
        ["Not shown", plural(p.kids.length - p.limit, "branch", "branches") + ` with ${plural(n.leaves, this.typeDescr + " element", this.typeDescr + " elements")}`],
        ["Click", "shows more of them"],
      ];
    }
    const t = this.look.typeOf(n.i);
    const v = n.i === 0 ? (this.look.value(0) ?? "") : this.look.value(n.i);
    const lines: Array<[string, string]> = [];
    lines.push(["Type", n.i === 0 ? "Target" : `${t.descr} (${t.code})`]);
    lines.push(["Data", v === null ? "loading…" : v.length > 200 ? v.slice(0, 200) + "…" : v]);
    const mod = this.look.module(n.i);
    if (mod) lines.push(["Module", mod]);
    if (n.kids.length) lines.push(["Below", plural(n.leaves, `${this.typeDescr} element`, `${this.typeDescr} elements`)]);
    lines.push(["Click", n.kids.length ? (n.open ? "closes this branch" : "opens this branch") + " (Ctrl-click: open the element)" : "opens the element"]);
    return lines;
  }

  click(item: unknown, e: MouseEvent): void {
    const n = item as TNode;
    if (n.i < 0) {
      const [sx, sy] = this.view.toScreen(n.x, n.y);
      this.tree.showMore(n);
      this.relayout();
      this.view.keepPoint(n.x, n.y, sx, sy);
      return;
    }
    if (n.kids.length === 0 || e.ctrlKey || e.metaKey) {
      this.onOpen(n.i, e);
      return;
    }
    const [sx, sy] = this.view.toScreen(n.x, n.y);
    n.open = !n.open;
    this.relayout();
    this.view.keepPoint(n.x, n.y, sx, sy);
  }
}
