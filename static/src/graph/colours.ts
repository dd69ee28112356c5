// Colours of the graph drawings from the page's stylesheet (light and dark
// themes), for GraphView and its PNG.

// Colours from the page's stylesheet, so the graph follows light and dark.
function cssVar(el: HTMLElement, name: string, fallback: string): string {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v || fallback;
}

export function backgroundColour(el: HTMLElement): string {
  const v = cssVar(el, "--graph-bg", "");
  if (v) return v;
  const bg = getComputedStyle(el).backgroundColor;
  return bg && bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent" ? bg : "#ffffff";
}

export function labelColour(el: HTMLElement): string {
  return cssVar(el, "--graph-label", "#1f2328");
}

export function fadedColour(el: HTMLElement): string {
  return cssVar(el, "--graph-faded", "#d5d9de");
}
