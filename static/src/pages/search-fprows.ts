// A scan's false positives by position, for the indexed search pages
// (pages/search-indexed.ts): fp.js "r" (docs/site-format.md) lists each
// type's false-positive rows, so a hit, which is a (scan, type, row) key,
// is known to be one without loading its display chunk (which alone says
// a row's element index, the other way fp.js names them).

// FPRows holds, for each type (by its position in the manifest), the set
// of its rows that are false positives. Built once each time fp.js is read.
export class FPRows {
  private readonly byPos: Array<Set<number> | undefined> = [];

  // from reads fp.js "r" ({type slug: [rows]}) against the manifest's
  // type slugs (in the manifest's order); null when fp.js has no "r" (a
  // site written before it names false positives by element index only).
  // Rows of types the manifest does not list, and values that are not
  // rows, are left out.
  static from(r: unknown, slugs: readonly string[]): FPRows | null {
    if (r === null || typeof r !== "object" || Array.isArray(r)) return null;
    const rows = new FPRows();
    const rec = r as Record<string, unknown>;
    slugs.forEach((slug, pos) => {
      const list = Object.prototype.hasOwnProperty.call(rec, slug) ? rec[slug] : undefined;
      if (!Array.isArray(list)) return;
      const set = new Set<number>();
      for (const x of list) if (Number.isSafeInteger(x) && (x as number) >= 0) set.add(x as number);
      if (set.size > 0) rows.byPos[pos] = set;
    });
    return rows;
  }

  // has: the row of the type at manifest position pos is a false positive.
  has(pos: number, row: number): boolean {
    return this.byPos[pos]?.has(row) ?? false;
  }
}
