// Text on a 2D canvas: how much of a string fits a width.

// fitChars is the length of the longest prefix of s that, followed by an
// ellipsis, fits width in the context's font (binary search).
export function fitChars(ctx: CanvasRenderingContext2D, s: string, width: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(s.slice(0, mid) + "…").width <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
