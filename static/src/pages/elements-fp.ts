// The element table's false-positive tools (#fp-tools): in the preview
// server, Mark false positive and Unmark for the checked rows (POSTed
// through the page's Live, which says why a decision is refused); in a
// built site, how to decide them instead (the preview server, or the
// `scanreport fp set` command for the checked rows). The page updates
// through the server's change event once a decision is recorded.

import type { Live } from "../live/live";
import { onSelectionChange, selection } from "../table/selection";
import { byId, clear, h, setText } from "../ui/dom";
import { plural } from "../ui/format";

// What the tools read of the page.
export interface FPPage {
  live: Live;
  scan: string; // the scan's id
  checkedIds(): string[]; // the scanner's element ids of the checked rows that are loaded
  status(): { done: boolean; status: string }; // the scan's, from the newest manifest
}

// mountFPTools fills box; it returns what brings the buttons up to date
// when the manifest changed (the scan may have finished).
export function mountFPTools(box: HTMLElement, page: FPPage): () => void {
  if (!page.live.config) {
    mountReadOnly(box, page);
    return () => undefined;
  }
  const mark = h("button", { type: "button", class: "btn small", "data-fp": "set" }, "Mark false positive");
  const unmark = h("button", { type: "button", class: "btn small", "data-fp": "unset" }, "Unmark");
  const note = h("span", { class: "fp-status", role: "status" });
  box.append(mark, unmark, note);
  box.hidden = false;
  const msg = byId("fp-message");
  let busy = false;
  const reason = h("span", { class: "fp-reason hint", id: "fp-reason" });
  box.append(reason);
  const refresh = () => {
    const n = selection.size;
    // False positives are decided on finished scans only (FINISHED,
    // ABORTED, ERROR-FAILED): say so before a click, not after.
    const st = page.status();
    const open = !st.done;
    mark.disabled = unmark.disabled = busy || n === 0 || open;
    const why = open ? `False positives can be set once the scan has finished; it is ${st.status || "not finished"}.` : "";
    setText(reason, why);
    reason.hidden = !open;
    const what = n === 0 ? "Check one or more rows first" : `the ${plural(n, "checked element", "checked elements")}`;
    mark.title = open ? why : n === 0 ? what : `Mark ${what} and everything found from them as false positives`;
    unmark.title = open ? why : n === 0 ? what : `Unmark ${what}`;
  };
  const say = (text: string, refusal: boolean) => {
    setText(note, refusal ? "" : text);
    if (msg) {
      setText(msg, refusal ? text : "");
      msg.hidden = !refusal;
    }
  };
  const decide = async (fp: boolean) => {
    const ids = page.checkedIds();
    if (ids.length === 0) return;
    busy = true;
    refresh();
    box.setAttribute("aria-busy", "true");
    say(fp ? "Marking…" : "Unmarking…", false);
    const res = await page.live.postFP(page.scan, ids, fp);
    busy = false;
    box.removeAttribute("aria-busy");
    refresh();
    if (res.ok) say(`${fp ? "Marked" : "Unmarked"} ${plural(ids.length, "element", "elements")}${fp ? " (and what was found from them)" : ""}.`, false);
    else say(res.text, true);
  };
  mark.addEventListener("click", () => void decide(true));
  unmark.addEventListener("click", () => void decide(false));
  onSelectionChange(refresh);
  refresh();
  return refresh;
}

// mountReadOnly explains, in a report opened from a file or a plain web
// server, how false positives are decided: with the preview server, or on
// the command line (the command for the checked rows).
function mountReadOnly(box: HTMLElement, page: FPPage): void {
  const note = h("p", { class: "fp-readonly hint", id: "fp-readonly" });
  box.append(note);
  box.hidden = false;
  const refresh = () => {
    const ids = page.checkedIds();
    clear(note);
    note.append("Read-only report: mark false positives in ", h("code", null, "scanreport serve"), ", or run ");
    const shown = ids.slice(0, 20).map((id) => (/^[A-Za-z0-9._:-]+$/.test(id) ? id : "'" + id.replace(/'/g, "'\\''") + "'"));
    note.append(h("code", null, `scanreport fp set ${page.scan} ${ids.length ? shown.join(" ") + (ids.length > 20 ? " …" : "") : "ELEMENT-ID…"}`));
    note.append(ids.length ? " for the checked rows and build again." : " (check rows to fill in their ids) and build again.");
  };
  onSelectionChange(refresh);
  refresh();
}
