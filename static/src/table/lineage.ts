// An element's place in the discovery tree for the detail panels: its
// source (parent) and its children, each with its type and value and a link
// that opens it in its own type's table (#sel=<index>). The parent/type of
// every element comes from tree.js (docs/site-format.md); values come from
// the element chunks that hold them, loaded only for the elements shown.

import { h } from "../ui/dom";
import { plural } from "../ui/format";
import { load } from "../data/registry";
import type { TreeManifest, TreePart } from "../data/graph-types";
import type { ElementChunk, Manifest } from "../data/types";

// How many children the panel lists by value.
export const MAX_CHILDREN = 20;

const SAFE_SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface Tree {
  parent: Int32Array;
  type: Int32Array;
  slugs: string[];
  pos: Int32Array | null; // position of each element among its type's
}

export interface Related {
  i: number;
  slug: string;
  descr: string;
  value: string | null; // null: its data file could not be read
  url: string | null; // relative to a type page (types/<slug>.html)
}

export class Lineage {
  private tree: Promise<Tree> | null = null;
  private chunks = new Map<string, Promise<ElementChunk | null>>();

  constructor(private readonly m: Manifest) {}

  private loadTree(): Promise<Tree> {
    if (!this.tree) {
      this.tree = (async () => {
        const p = await load("tree.js");
        if (p.k !== "tree") throw new Error("tree.js holds no tree");
        const tm = p as unknown as TreeManifest;
        const parent = new Int32Array(tm.n).fill(-1);
        const type = new Int32Array(tm.n);
        const parts = await Promise.all(tm.chunks.map((c) => load(String(c.f))));
        for (const raw of parts) {
          const c = raw as unknown as TreePart;
          if (c.k !== "tree-part") throw new Error("a tree data file holds no tree");
          for (let k = 0; k < c.n && c.s + k < tm.n; k++) {
            parent[c.s + k] = c.p[k] | 0;
            type[c.s + k] = c.t[k] | 0;
          }
        }
        return { parent, type, slugs: tm.types.map(String), pos: null };
      })();
    }
    return this.tree;
  }

  // ancestors lists element i's sources, nearest first, up to the target.
  async ancestors(i: number): Promise<number[]> {
    const t = await this.loadTree();
    const out: number[] = [];
    for (let j = t.parent[i] ?? -1; j >= 0 && out.length < t.parent.length; j = t.parent[j]) out.push(j);
    return out;
  }

  // related loads the parent of element i and its first MAX_CHILDREN
  // children (with the number of children in all).
  async related(i: number): Promise<{ parent: Related | null; children: Related[]; total: number }> {
    const t = await this.loadTree();
    if (i < 0 || i >= t.parent.length) return { parent: null, children: [], total: 0 };
    const kids: number[] = [];
    let total = 0;
    for (let j = 0; j < t.parent.length; j++) {
      if (t.parent[j] === i && j !== i) {
        total++;
        if (kids.length < MAX_CHILDREN) kids.push(j);
      }
    }
    const p = t.parent[i];
    const want = p >= 0 ? [p, ...kids] : kids;
    const got = await Promise.all(want.map((j) => this.describe(t, j)));
    return { parent: p >= 0 ? got[0] : null, children: p >= 0 ? got.slice(1) : got, total };
  }

  private async describe(t: Tree, j: number): Promise<Related> {
    if (j === 0) return { i: 0, slug: "", descr: "Target", value: await this.rootValue(), url: "../index.html" };
    const slug = t.slugs[t.type[j]] ?? "";
    const info = this.m.types.find((x) => x.slug === slug);
    const url = SAFE_SLUG.test(slug) ? `${slug}.html#sel=${j}` : null;
    let value: string | null = null;
    if (info) {
      const pos = this.positions(t)[j];
      const ref = info.chunks.find((c) => typeof c.s === "number" && pos >= c.s && pos < c.s + c.n);
      if (ref) {
        const c = await this.chunk(String(ref.f));
        const k = c ? c.i.indexOf(j) : -1;
        if (c && k >= 0) value = String(c.d[k]);
      }
    }
    return { i: j, slug, descr: info?.descr ?? slug, value, url };
  }

  private async rootValue(): Promise<string> {
    return document.querySelector(".scan-header .scan-meta code")?.textContent ?? "the scan target";
  }

  private chunk(f: string): Promise<ElementChunk | null> {
    let c = this.chunks.get(f);
    if (!c) {
      c = load(f).then(
        (p) => (p.k === "elements" ? (p as ElementChunk) : null),
        () => null,
      );
      this.chunks.set(f, c);
    }
    return c;
  }

  private positions(t: Tree): Int32Array {
    if (!t.pos) {
      const pos = new Int32Array(t.type.length);
      const seen = new Int32Array(t.slugs.length + 1);
      for (let i = 0; i < t.type.length; i++) pos[i] = seen[t.type[i]]++;
      t.pos = pos;
    }
    return t.pos;
  }
}

// relatedItem is one line of the lists: a link with the type and value.
export function relatedItem(r: Related): HTMLElement {
  const v = r.value === null ? "(value not loaded)" : r.value.length > 200 ? r.value.slice(0, 200) + "…" : r.value;
  const label = `${r.descr}: ${v.replace(/[\r\n\t]+/g, " ")}`;
  if (!r.url) return h("span", null, label);
  return h("a", { href: r.url, class: "related", "data-el": String(r.i) }, label);
}

// mountLineage fills box with the element's source and children.
export async function mountLineage(box: HTMLElement, lin: Lineage, i: number): Promise<void> {
  box.append(h("p", { class: "hint" }, "Loading the source and children…"));
  try {
    const r = await lin.related(i);
    box.replaceChildren();
    box.append(h("h3", null, "Found from"));
    box.append(r.parent ? h("p", { class: "detail-parent" }, relatedItem(r.parent)) : h("p", { class: "hint" }, "Nothing: this is the scan's target."));
    box.append(h("h3", null, r.total ? `Children (${plural(r.total, "element", "elements")})` : "Children"));
    if (r.total === 0) box.append(h("p", { class: "hint" }, "Nothing was found from this element."));
    else {
      box.append(h("ul", { class: "detail-children" }, ...r.children.map((c) => h("li", null, relatedItem(c)))));
      if (r.total > r.children.length) box.append(h("p", { class: "hint" }, `The first ${r.children.length} are listed; Visualise → Discovery path shows them all.`));
    }
  } catch (e) {
    box.replaceChildren(h("p", { class: "hint" }, "The source and children could not be loaded: " + (e as Error).message));
  }
}
