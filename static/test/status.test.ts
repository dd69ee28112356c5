// The browser places the scan header's status texts and the element page's
// type facts from the manifest (live/status.ts headerFromManifest, for built
// sites while a scan runs). The texts are the server's (generator/scantext,
// written into the manifest by generator/chunks): these tests check that
// status.ts puts them into the page as they are, as text, in a real DOM
// (linkedom). Run from the repository root (make test-node).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseHTML } from "linkedom";
import { headerFromManifest } from "../src/live/status";
import type { Manifest } from "../src/data/types";

// page is the part of a scan page status.ts writes to, as the templates
// (layout.html, elements.html) render it for a finished scan with one
// element type.
function page(slug: string): Document {
  const { document } = parseHTML(`<!doctype html><html><body data-page="elements" data-type="${slug}">
<header class="site-header"><div class="wrap"><div class="scan-header">
<h1 class="title">Scan <span class="badge status-ok">FINISHED</span></h1>
<div class="scan-notice" data-live="scan-notice"></div></div></div></header>
<div class="type-head" data-live="type-head"><h2>T</h2><ul class="type-facts">
<li><strong>1</strong> total</li><li><strong>1</strong> unique</li></ul></div>
</body></html>`);
  (globalThis as { document?: unknown }).document = document;
  return document as unknown as Document;
}

// golden reads a manifest of the golden site (cmd/scanreport/testdata/golden),
// as the server wrote it.
function golden(scan: string): Manifest {
  const js = readFileSync(`cmd/scanreport/testdata/golden/scans/${scan}/data/manifest.js`, "utf8");
  return JSON.parse(js.slice(js.indexOf(".push(") + ".push(".length, js.lastIndexOf(")"))) as Manifest;
}

function facts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll(".type-facts li")).map((li) => li.textContent ?? "");
}

test("the golden manifest's texts land in the header and the type facts", () => {
  const m = golden("initech-2026-11-21");
  assert.equal(m.badge.label, "ABORTED");
  const t = m.types.find((x) => x.facts.some((f) => f.label === "risky")) ?? m.types[0];
  const doc = page(t.slug);
  headerFromManifest(m);
  const badge = doc.querySelector(".scan-header .badge")!;
  assert.equal(badge.textContent, m.badge.label);
  assert.equal(badge.className, "badge status-" + m.badge.class);
  const notice = doc.querySelectorAll("[data-live='scan-notice'] .notice.partial");
  assert.equal(notice.length, 1);
  assert.equal(notice[0].textContent, m.badge.partial);
  assert.equal(notice[0].getAttribute("role"), "status");
  assert.deepEqual(facts(doc), t.facts.map((f) => (f.time ? `${f.label} ${f.time}` : `${f.n} ${f.label}`)));
  const strong = Array.from(doc.querySelectorAll(".type-facts li strong")).map((s) => s.textContent);
  assert.deepEqual(strong, t.facts.filter((f) => !f.time).map((f) => f.n));
  const last = t.facts.find((f) => f.time);
  if (last) assert.equal(doc.querySelector(".type-facts time")!.getAttribute("datetime"), last.iso);
});

test("hostile texts are placed as text, never as markup", () => {
  const doc = page("x");
  const evil = '<img src=x onerror="alert(1)">\u202eDEHSINIF\u0007\u2028';
  const m = golden("acme-corp-2026-11-18");
  m.badge = { label: evil, class: "idle", partial: `This scan's status is "${evil}": the results may be partial.` };
  m.types = [{ ...m.types[0], slug: "x", facts: [{ n: "<b>1</b>", label: evil }, { label: "last seen", time: "</li><li>x", iso: '"><script>' }] }];
  headerFromManifest(m);
  assert.equal(doc.querySelector(".badge")!.textContent, evil);
  assert.equal(doc.querySelector(".notice.partial")!.textContent, m.badge.partial);
  assert.deepEqual(facts(doc), [`<b>1</b> ${evil}`, "last seen </li><li>x"]);
  assert.equal(doc.querySelector(".type-facts time")!.getAttribute("datetime"), '"><script>');
  assert.equal(doc.querySelectorAll("img, script, b").length, 0);
});

test("a finished scan's manifest takes the partial-results notice away", () => {
  const doc = page("x");
  doc.querySelector("[data-live='scan-notice']")!.innerHTML = '<p class="notice partial" role="status">This scan is still running (RUNNING): the results are partial and grow as elements arrive.</p>';
  const m = golden("acme-corp-2026-11-18");
  assert.equal(m.badge.partial, "");
  headerFromManifest(m);
  assert.equal(doc.querySelectorAll(".notice.partial").length, 0);
  assert.equal(doc.querySelector(".badge")!.className, "badge status-ok");
});

test("a manifest without the texts (an older site) leaves the page as it is", () => {
  const doc = page("x");
  const before = doc.body.innerHTML;
  const m = golden("acme-corp-2026-11-18") as Partial<Manifest> & Manifest;
  delete (m as Partial<Manifest>).badge;
  m.status = "RUNNING";
  m.types = [{ ...m.types[0], slug: "x" }];
  delete (m.types[0] as Partial<Manifest["types"][0]>).facts;
  headerFromManifest(m);
  assert.equal(doc.body.innerHTML, before);
});
