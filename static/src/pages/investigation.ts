// Investigations in the browser (docs/investigations.md):
//
//   - a scan's Investigations tab: in the preview server, add the scan to an
//     investigation (a name typed or picked from data/investigations.js) or
//     remove it; the server records the decision in review.jsonl and the
//     live update that follows rewrites the membership list in place. A
//     built site shows the list and says how to change it.
//   - the scan list's Compare button: with two scans checked it opens
//     compare.html on them.
//
// Names are checked here as on the server (the rules of scan ids); nothing
// read from the page is ever parsed as HTML.

import { byId, clear, h } from "../ui/dom";
import { endpoints, post } from "../live/investigation-api";
import type { Live } from "../live/live";
import { latestInvestigations, onPayload } from "../data/registry";
import { onScanSelection } from "../table/scan-selection";
import type { InvestigationEntry } from "../data/types";

// NAME is a valid investigation name ("index" aside, checked below).
export const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function nameProblem(name: string): string {
  if (name === "") return "Type the investigation's name.";
  if (!NAME.test(name)) return "An investigation name is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit.";
  if (name.toLowerCase() === "index") return 'The name "index" is reserved.';
  return "";
}

// known is data/investigations.js's list (loaded by the tab before the
// bundle; the registry keeps it).
function known(): InvestigationEntry[] {
  return (latestInvestigations()?.list ?? []).filter((e) => NAME.test(String(e.name)));
}

function fillKnown(list: HTMLElement, members: Set<string>): void {
  clear(list);
  for (const e of known()) {
    if (members.has(e.name)) continue;
    const o = h("option", { value: e.name });
    if (e.title && e.title !== e.name) o.textContent = e.title;
    list.append(o);
  }
}

function members(): Set<string> {
  return new Set(Array.from(document.querySelectorAll("#inv-members li[data-inv]"), (li) => li.getAttribute("data-inv") ?? ""));
}

// initInvestigationTab sets up a scan's Investigations tab.
export function initInvestigationTab(live: Live): void {
  const scan = document.body.getAttribute("data-scan") ?? "";
  const e = endpoints(live.api);
  if (!e || !e.investigation || !scan) return; // a built site: the list only
  document.documentElement.classList.add("sr-preview");
  const tools = byId("inv-tools");
  const input = byId<HTMLInputElement>("inv-name");
  const add = byId<HTMLButtonElement>("inv-add");
  const msg = byId("inv-message");
  const datalist = byId("inv-known");
  const howto = byId("inv-howto");
  if (!tools || !input || !add || !msg || !datalist) return;
  tools.hidden = false;
  if (howto) howto.hidden = true;
  const refill = () => fillKnown(datalist, members());
  onPayload((p) => {
    if (p.k === "investigations") refill();
  });
  refill();
  input.addEventListener("focus", refill);

  const say = (text: string, kind: "error" | "info") => {
    msg.textContent = text;
    msg.className = `notice ${kind}`;
    msg.setAttribute("role", kind === "error" ? "alert" : "status");
    msg.hidden = text === "";
  };
  let busy = false;
  const send = async (name: string, member: boolean, button: HTMLButtonElement) => {
    if (busy) return;
    const problem = nameProblem(name);
    if (problem) {
      say(problem, "error");
      input.setAttribute("aria-invalid", "true");
      return;
    }
    input.removeAttribute("aria-invalid");
    busy = true;
    button.disabled = true;
    tools.setAttribute("aria-busy", "true");
    say("", "info");
    try {
      const r = await post(live.api, "investigation", { scan, investigation: name, member });
      if (r.ok) {
        say(member ? `Added to ${name}.` : `Removed from ${name}.`, "info");
        if (member) input.value = "";
      } else {
        say(r.text, "error");
      }
    } finally {
      busy = false;
      button.disabled = false;
      tools.removeAttribute("aria-busy");
    }
  };
  add.addEventListener("click", () => void send(input.value.trim(), true, add));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void send(input.value.trim(), true, add);
    }
  });
  // The list is rewritten by live updates: listen on what stays.
  const card = tools.closest("section") ?? document.body;
  card.addEventListener("click", (ev) => {
    const t = ev.target;
    if (!(t instanceof HTMLButtonElement) || !t.classList.contains("inv-remove")) return;
    const name = t.getAttribute("data-inv") ?? "";
    void send(name, false, t);
  });
}

// initScanListCompare makes the scan list's Compare button open
// compare.html on the two checked scans (older first).
export function initScanListCompare(): void {
  const btn = byId<HTMLAnchorElement>("scan-compare");
  if (!btn) return;
  const base = "compare.html";
  const started = (id: string) => {
    const box = Array.from(document.querySelectorAll<HTMLInputElement>("input.scan-select")).find((b) => b.value === id);
    const tr = box?.closest("tr");
    const t = Date.parse(tr?.getAttribute("data-started") || tr?.getAttribute("data-created") || "");
    return isFinite(t) ? t : 0;
  };
  const update = (ids: string[]) => {
    if (ids.length === 2) {
      const [a, b] = started(ids[0]) <= started(ids[1]) ? ids : [ids[1], ids[0]];
      const q = new URLSearchParams();
      q.set("a", a);
      q.set("b", b);
      btn.href = base + "#" + q.toString();
      btn.textContent = "Compare the 2 selected";
      btn.classList.add("primary");
      btn.removeAttribute("aria-disabled");
    } else {
      btn.href = base;
      btn.textContent = "Compare…";
      btn.classList.remove("primary");
      btn.title = ids.length > 2 ? "Check exactly two scans to compare them" : "Check two scans of the same target, then compare them";
    }
  };
  onScanSelection(update);
  update([]);
}
