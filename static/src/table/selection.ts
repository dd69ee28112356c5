// The checked rows of the element table, as a Set of element indices (the
// "i" column of the chunks: stable across builds and views). Other features
// (CSV of the checked rows, marking false positives) read it from here.

type Listener = () => void;

const listeners: Listener[] = [];

// selection holds the element indices of the checked rows. Change it only
// through the functions below so that listeners hear about it.
export const selection = new Set<number>();

export function isSelected(i: number): boolean {
  return selection.has(i);
}

// setSelected checks (on) or unchecks the elements.
export function setSelected(ids: Iterable<number>, on: boolean): void {
  let changed = false;
  for (const i of ids) {
    if (on ? !selection.has(i) : selection.has(i)) {
      if (on) selection.add(i);
      else selection.delete(i);
      changed = true;
    }
  }
  if (changed) notify();
}

export function clearSelection(): void {
  if (selection.size === 0) return;
  selection.clear();
  notify();
}

// selectedIndices returns the checked element indices in ascending order.
export function selectedIndices(): number[] {
  return Array.from(selection).sort((a, b) => a - b);
}

// onSelectionChange calls fn after every change.
export function onSelectionChange(fn: Listener): void {
  listeners.push(fn);
}

function notify(): void {
  for (const l of listeners.slice()) l();
}
