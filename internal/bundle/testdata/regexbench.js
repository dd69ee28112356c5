// The search patterns benchmark (regex_bench_test.go): every query of the
// browser bench run over the data of a 1,000,000-element scan by the
// search's matcher and by V8's RegExp (the engine before), in CPU time
// (process.cpuUsage: the machine may be shared), best of three. Prints
// one JSON line per query.
import { readFileSync } from "node:fs";
import { compile, isRefused } from "../../../static/src/search/match";
import { parseQuery } from "../../../static/src/search/query";

const vals = [];
for (const line of readFileSync(process.argv[2], "utf8").split("\n")) if (line) vals.push(JSON.parse(line).data);
// V8 takes minutes or forever on these: not run.
const slowInV8 = new Set(["/(a+)+$/", "/^(\\w+\\.?)+:\\d+$/i"]);
const queries = ["404", "*:22", "*admin*", "*bench*", "mail*.example", "/\\d+\\.\\d+\\.\\d+\\.\\d+/", "/@[a-z]+\\.(ru|cn|example)$/i", "/.*admin.*/", "/(a+)+$/", "/^(\\w+\\.?)+:\\d+$/i"];
const cpu = (f) => {
  let best = Infinity, n = 0;
  for (let r = 0; r < 3; r++) {
    const t = process.cpuUsage();
    n = f();
    best = Math.min(best, process.cpuUsage(t).user / 1000);
  }
  return [best, n];
};
for (const q of queries) {
  const p = parseQuery(q);
  const m = compile(p.source, p.flags);
  if (isRefused(m)) throw new Error(q + ": " + m.error);
  const [ms, n] = cpu(() => { let k = 0; for (const v of vals) if (m.test(v)) k++; return k; });
  let v8ms = -1, v8n = -1;
  if (!slowInV8.has(q) && !(q === "/.*admin.*/" && !process.env.WITH_SLOW_V8)) {
    const re = new RegExp(p.source, p.flags);
    [v8ms, v8n] = cpu(() => { let k = 0; for (const v of vals) if (re.test(v)) k++; return k; });
  }
  console.log(JSON.stringify({ query: q, values: vals.length, ms, matches: n, v8ms, v8matches: v8n }));
}
