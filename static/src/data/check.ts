// Shape checks of pushed payloads (data/types.ts asPayload and
// data/graph-types.ts asGraphPayload): enough that the code reading a
// payload cannot be tricked into throwing half-way.

// isObj: a plain object (not null, not an array).
export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// arrays: every key of keys is an array of n values.
export function arrays(o: Record<string, unknown>, n: number, keys: string[]): boolean {
  for (const k of keys) {
    const a = o[k];
    if (!Array.isArray(a) || a.length !== n) return false;
  }
  return true;
}
