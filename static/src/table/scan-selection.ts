// The scans checked on the scan list (by scan id), for features that act on
// several scans at once (downloading the selected scans).

type Listener = (ids: string[]) => void;

const listeners: Listener[] = [];

function boxes(): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select"));
}

// selectedScans returns the ids of the checked scans, in page order.
export function selectedScans(): string[] {
  return boxes()
    .filter((b) => b.checked)
    .map((b) => b.value);
}

// onScanSelection calls fn with the checked ids after every change.
export function onScanSelection(fn: Listener): void {
  listeners.push(fn);
}

export function notifyScanSelection(): void {
  const ids = selectedScans();
  for (const l of listeners.slice()) l(ids);
}

// refreshScanList brings #select-all, the count and the rows' marks up to
// date after the rows changed (live updates replace them).
export function refreshScanList(): void {
  refresh();
}

let refresh: () => void = () => undefined;

// initScanList wires #select-all and shift-click ranges over input.scan-select.
export function initScanList(): void {
  const all = document.getElementById("select-all") as HTMLInputElement | null;
  const count = document.getElementById("scan-selection-count");
  let last: HTMLInputElement | null = null;

  const update = () => {
    const bs = boxes();
    const n = bs.filter((b) => b.checked).length;
    if (all) {
      all.checked = n > 0 && n === bs.length;
      all.indeterminate = n > 0 && n < bs.length;
    }
    if (count) count.textContent = n === 0 ? "" : n === 1 ? "1 scan selected" : `${n} scans selected`;
    for (const b of bs) b.closest("tr")?.classList.toggle("selected", b.checked);
    notifyScanSelection();
  };
  refresh = update;

  all?.addEventListener("change", () => {
    for (const b of boxes()) b.checked = all.checked;
    last = null;
    update();
  });

  document.addEventListener("click", (e) => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement) || !t.classList.contains("scan-select")) return;
    if (e.shiftKey && last && last !== t) {
      // Ranges follow the rows as they are shown now (sorting moves them).
      const bs = boxes();
      const a = bs.indexOf(last);
      const b = bs.indexOf(t);
      if (a >= 0 && b >= 0) {
        for (let k = Math.min(a, b); k <= Math.max(a, b); k++) bs[k].checked = t.checked;
      }
    }
    last = t;
    update();
  });
  update();
}
