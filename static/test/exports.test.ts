// The browser's export writers (static/src/export) against the Go writers'
// test vectors (generator/exports/testdata/export-vectors.json, written by
// TestExportVectors): the same scan, loaded from the same data files as the
// scan list's downloads load it, must give the bytes the Go writers gave.
// Run from the repository root by `make test-node`.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { multiCSV } from "../src/export/csv";
import { addScan, GEXF12, GEXF13, Graph, graphDate, writeGEXF } from "../src/export/gexf";
import { writeJSON } from "../src/export/json";
import { ScanData, type ScanInfo } from "../src/data/scan-data";
import type { ElementChunk, Manifest } from "../src/data/types";

interface Vectors {
  info: ScanInfo;
  manifest: Manifest;
  chunks: ElementChunk[];
  fp: { i: number[] };
  csv_defused: string;
  csv_raw: string;
  json: string;
  gexf_1_2: string;
  gexf_1_3: string;
}

const v = JSON.parse(readFileSync("generator/exports/testdata/export-vectors.json", "utf8")) as Vectors;

// load assembles the scan as data/scan-data.ts loadScans does: the
// manifest, every chunk of every type (in the manifest's order), fp.js.
function load(): ScanData {
  const sd = new ScanData(v.info, v.manifest);
  const bySlug = new Map(v.manifest.types.map((t, ti) => [String(t.slug), ti]));
  for (const c of v.chunks) {
    const ti = bySlug.get(String(c.type));
    if (ti === undefined) assert.fail(`chunk of an unknown type ${c.type}`);
    sd.add(c, ti);
  }
  sd.setFP(v.fp.i);
  return sd;
}

const noStep = async (): Promise<void> => {};

async function bytes(b: Blob): Promise<Uint8Array> {
  return new Uint8Array(await b.arrayBuffer());
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

// sameBytes compares the UTF-8 bytes a writer made with the Go writer's.
function sameBytes(got: Uint8Array, want: string, what: string): void {
  const w = new TextEncoder().encode(want);
  let i = 0;
  while (i < got.length && i < w.length && got[i] === w[i]) i++;
  if (i === got.length && i === w.length) return;
  assert.fail(`${what}: differs from the Go writer at byte ${i} of ${w.length}:\n  go: ${JSON.stringify(text(w.subarray(i, i + 80)))}\n  ts: ${JSON.stringify(text(got.subarray(i, i + 80)))}`);
}

test("the vectors hold the scan", () => {
  const sd = load();
  assert.equal(sd.elements, v.manifest.count);
  assert.ok(v.chunks.length >= 5 && v.fp.i.length > 0, "chunks and false positives");
});

test("multi-scan CSV: the Go writer's bytes, defused and not", async () => {
  sameBytes(await bytes(await multiCSV([load()], true, noStep)), v.csv_defused, "CSV (defused)");
  sameBytes(await bytes(await multiCSV([load()], false, noStep)), v.csv_raw, "CSV (not defused)");
});

test("GEXF 1.2draft and 1.3: the Go writer's bytes", async () => {
  for (const [version, want] of [
    [GEXF12, v.gexf_1_2],
    [GEXF13, v.gexf_1_3],
  ]) {
    const sd = load();
    const g = new Graph();
    addScan(g, sd);
    sameBytes(await bytes(writeGEXF(g, version, sd.info.name, graphDate([sd]))), want, `GEXF ${version}`);
  }
});

// The multi-scan JSON holds each scan as the one-scan file does, but for
// what docs/exports.md lists ("What differs"): per element, only "line".
test("JSON: each element line is the Go writer's, without its line field", async () => {
  const ts = text(await bytes(await writeJSON([load()], noStep))).split("\n");
  const go = v.json.split("\n");
  const elements = (lines: string[], end: string) => {
    const i = lines.indexOf('"elements":[');
    const j = lines.indexOf(end, i);
    assert.ok(i >= 0 && j > i, "an elements list");
    return lines.slice(i + 1, j).map((l) => l.replace(/,$/, ""));
  };
  const goEls = elements(go, "],");
  const tsEls = elements(ts, "]}");
  assert.equal(tsEls.length, goEls.length, "elements");
  for (let k = 0; k < goEls.length; k++) {
    const want = goEls[k].replace(/,"line":\d+/, "");
    assert.equal(tsEls[k], want, `element ${k}`);
  }
  // The types, in the same order with the same bytes.
  const goTypes = go.find((l: string) => l.startsWith('"types":'));
  const tsTypes = ts.find((l: string) => l.startsWith('"types":'));
  assert.equal(tsTypes?.replace(/,$/, ""), (goTypes ?? "").replace(/,$/, ""));
  // The scan's fields both files have.
  const goScan = JSON.parse(go[1].replace(/^"scan":/, "").replace(/,$/, ""));
  const tsScan = JSON.parse(ts.find((l: string) => l.startsWith('{"scan":'))!.replace(/^\{"scan":/, "").replace(/,$/, ""));
  for (const k of ["id", "name", "target", "kind", "status", "created", "started", "ended", "investigations", "elements"]) {
    assert.deepEqual(tsScan[k], goScan[k], `scan.${k}`);
  }
});
