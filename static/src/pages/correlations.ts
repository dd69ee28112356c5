// The Correlations tab: the "By rule" table's rule names are links
// (#rule=ID) that show only that rule's correlations, and a filter box
// narrows the list by headline, rule or risk. The fragment is the state,
// so Back and Forward step through the rules looked at.

import { byId, clear, h, setText } from "../ui/dom";
import { plural } from "../ui/format";

export function initCorrelations(): void {
  const list = Array.from(document.querySelectorAll<HTMLLIElement>("li.finding"));
  const input = byId<HTMLInputElement>("corr-filter");
  const shown = byId("corr-shown");
  if (list.length === 0) return;
  const text = list.map((li) => (li.textContent ?? "").toLowerCase());
  const apply = () => {
    const rule = new URLSearchParams(location.hash.replace(/^#/, "")).get("rule");
    const q = (input?.value ?? "").trim().toLowerCase();
    let n = 0;
    list.forEach((li, k) => {
      const ok = (rule === null || li.dataset.rule === rule) && (q === "" || text[k].includes(q));
      li.hidden = !ok;
      if (ok) n++;
    });
    for (const tr of Array.from(document.querySelectorAll<HTMLTableRowElement>("tr[data-rule]"))) {
      tr.classList.toggle("is-current", rule !== null && tr.dataset.rule === rule);
    }
    if (!shown) return;
    clear(shown);
    if (rule === null && q === "") return;
    setText(shown, `${plural(n, "correlation", "correlations")} of ${list.length} shown${rule !== null ? ` · rule ${rule}` : ""} `);
    const all = h("a", { href: "#", id: "corr-show-all" }, "Show all");
    all.addEventListener("click", (e) => {
      e.preventDefault();
      if (input) input.value = "";
      history.pushState(null, "", location.pathname + location.search);
      apply();
    });
    shown.append(all);
    // A rule's correlations open by themselves when there are few.
    if (rule !== null && n <= 3) for (const li of list) if (!li.hidden) li.querySelector("details")?.setAttribute("open", "");
  };
  window.addEventListener("hashchange", apply);
  window.addEventListener("popstate", apply);
  input?.addEventListener("input", apply);
  apply();
}
