// The Visualise page's data (pages/visualise.ts): the scan's element
// chunks by type, fp.js and tree.js (every element's source and type),
// loaded as the views need them, and the element lookups the discovery
// tree draws with.

import type { ElementLookup } from "../graph/discovery";
import type { TreeManifest, TreePart } from "../data/graph-types";
import { isFP, load, loadInOrder } from "../data/registry";
import { ElementStore } from "../data/store";
import { FLAG_GUESSED, type ChunkRef, type ElementChunk, type Manifest, type TypeInfo } from "../data/types";

// ScanData loads and keeps what the views need, once per page (a live
// update makes a new one).
export class ScanData implements ElementLookup {
  private types = new Map<string, ElementStore>(); // loaded types, whole
  private typeLoads = new Map<string, Promise<ElementStore>>();
  private chunkLoads = new Map<string, Promise<void>>(); // single chunks of other types
  private values = new Map<number, { d: string; m: number; f: number }>(); // element → value, module, flags
  fp: Set<number> = new Set();
  private fpLoad: Promise<void> | null = null;
  tree: { parent: Int32Array; type: Int32Array; slugs: string[]; pos: Int32Array | null } | null = null;
  private treeLoad: Promise<void> | null = null;
  target = "";

  constructor(
    readonly m: Manifest,
    private readonly query: string, // cache-busting query of a live update ("" at first)
    private readonly served: boolean, // in the preview server: chunks by version
  ) {}

  private q(c: ChunkRef): string {
    if (!this.query) return "";
    return this.served ? "v=" + (c.v ?? 0) : this.query;
  }

  typeInfo(slug: string): TypeInfo | undefined {
    return this.m.types.find((t) => t.slug === slug);
  }

  loadFP(): Promise<void> {
    if (!this.fpLoad) {
      this.fpLoad = (async () => {
        if (!this.m.fp || this.m.fp.n === 0) return;
        const p = await load(String(this.m.fp.f), this.query);
        if (isFP(p)) this.fp = new Set(p.i);
      })();
    }
    return this.fpLoad;
  }

  // loadType loads every chunk of a type.
  loadType(slug: string, progress?: (done: number, all: number) => void): Promise<ElementStore> {
    let pr = this.typeLoads.get(slug);
    if (!pr) {
      pr = (async () => {
        const t = this.typeInfo(slug);
        if (!t) throw new Error("This element type is not in the scan's data files: the report may be out of date.");
        const s = new ElementStore(t.total);
        const chunks = t.chunks.slice();
        const files = chunks.map((c) => String(c.f));
        progress?.(0, files.length);
        if (!this.query) {
          await loadInOrder<ElementChunk>(files, (c, k) => {
            if (c.k !== "elements" || c.type !== slug) throw new Error(`The data file ${files[k]} holds another type's elements.`);
            s.put(c, typeof chunks[k].s === "number" ? chunks[k].s! : s.n);
            progress?.(k + 1, files.length);
          });
        } else {
          const got = await Promise.all(chunks.map((c) => load(String(c.f), this.q(c))));
          got.forEach((c, k) => {
            if (c.k !== "elements" || c.type !== slug) throw new Error(`The data file ${files[k]} holds another type's elements.`);
            s.put(c, typeof chunks[k].s === "number" ? chunks[k].s! : s.n);
          });
        }
        for (let r = 0; r < s.n; r++) this.values.set(s.idx[r], { d: s.data[r], m: s.mod[r], f: s.flags[r] });
        this.types.set(slug, s);
        return s;
      })();
      this.typeLoads.set(slug, pr);
    }
    return pr;
  }

  // loadTree loads tree.js and its data files.
  loadTree(progress?: (done: number, all: number) => void): Promise<void> {
    if (!this.treeLoad) {
      this.treeLoad = (async () => {
        const p = await load("tree.js", this.query);
        if (p.k !== "tree") throw new Error("The data file tree.js holds no tree: the report may be out of date. Build it again.");
        const tm: TreeManifest = p;
        const n = tm.n;
        const parent = new Int32Array(n).fill(-1);
        const type = new Int32Array(n);
        const files = tm.chunks.map((c) => String(c.f));
        let done = 0;
        progress?.(0, files.length);
        const put = (c: TreePart) => {
          for (let k = 0; k < c.n; k++) {
            const i = c.s + k;
            if (i >= n) break;
            parent[i] = c.p[k] | 0;
            type[i] = c.t[k] | 0;
          }
          progress?.(++done, files.length);
        };
        if (!this.query) {
          await loadInOrder<TreePart>(files, (c, k) => {
            if (c.k !== "tree-part") throw new Error(`The data file ${files[k]} holds no tree.`);
            put(c);
          });
        } else {
          const got = await Promise.all(tm.chunks.map((c) => load(String(c.f), this.served ? "v=" + (c.v ?? 0) : this.query)));
          for (const c of got) {
            if (c.k !== "tree-part") throw new Error("A tree data file holds no tree.");
            put(c);
          }
        }
        this.tree = { parent, type, slugs: tm.types.map(String), pos: null };
      })();
    }
    return this.treeLoad;
  }

  // pos is each element's position among its type's elements (the row of
  // its type's chunks that holds it), counted once from the tree.
  private positions(): Int32Array {
    const t = this.tree!;
    if (!t.pos) {
      const pos = new Int32Array(t.type.length);
      const seen = new Int32Array(t.slugs.length + 1);
      for (let i = 0; i < t.type.length; i++) {
        const k = t.type[i];
        pos[i] = seen[k]++;
      }
      t.pos = pos;
    }
    return t.pos;
  }

  // ---- ElementLookup ----

  value(i: number): string | null {
    if (i === 0) return this.target;
    return this.values.get(i)?.d ?? null;
  }

  // guessed reports whether element i's link to its source was guessed
  // from its value (an import of an export without ids).
  guessed(i: number): boolean {
    return ((this.values.get(i)?.f ?? 0) & FLAG_GUESSED) !== 0;
  }

  module(i: number): string {
    const v = this.values.get(i);
    return v ? String(this.m.modules[v.m] ?? "") : "";
  }

  slugOf(i: number): string {
    const t = this.tree;
    if (!t || i < 0 || i >= t.type.length) return "";
    return t.slugs[t.type[i]] ?? "";
  }

  typeOf(i: number): { descr: string; code: string; slug: string } {
    if (i === 0) return { descr: "Target", code: "ROOT", slug: "" };
    const slug = this.slugOf(i);
    const t = this.typeInfo(slug);
    return { descr: t?.descr ?? slug, code: t?.code ?? "", slug };
  }

  // ensure loads the chunks holding the given elements (only those).
  async ensure(idx: number[]): Promise<void> {
    if (!this.tree) await this.loadTree();
    const pos = this.positions();
    const want = new Map<string, { c: ChunkRef; slug: string }>();
    for (const i of idx) {
      if (i <= 0 || this.values.has(i)) continue;
      const slug = this.slugOf(i);
      const t = this.typeInfo(slug);
      if (!t) continue;
      const p = pos[i];
      const c = t.chunks.find((ch) => typeof ch.s === "number" && p >= ch.s && p < ch.s + ch.n) ?? null;
      if (c) want.set(String(c.f), { c, slug });
    }
    await Promise.all(
      Array.from(want, ([f, { c, slug }]) => {
        let pr = this.chunkLoads.get(f);
        if (!pr) {
          pr = load(f, this.q(c)).then((p) => {
            if (p.k !== "elements" || p.type !== slug) return;
            for (let k = 0; k < p.n; k++) this.values.set(p.i[k], { d: String(p.d[k]), m: p.m[k] | 0, f: p.f[k] | 0 });
          });
          this.chunkLoads.set(f, pr);
        }
        return pr.catch(() => undefined);
      }),
    );
  }
}
