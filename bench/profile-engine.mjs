/**
 * Engine-only profile on one thread, files preloaded in memory (no I/O):
 *   node bench/profile-engine.mjs DIR [--limit-mb N] [--keywords]
 * Prints the time of each phase (automaton pass, decode-layer search, whole scanContent) and,
 * with --keywords, the hit count of every keyword (what drives the window count).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (p) => import(pathToFileURL(path.join(here, "..", "dist", "src", p)).href);
const { detectors } = await load("registry.js");
const { compileRules } = await load("engine/compile.js");
const { scanContent } = await load("engine/scan-content.js");
const { findEncodedRuns } = await load("engine/decode-layers.js");

const args = process.argv.slice(2);
const root = path.resolve(args[0] ?? ".");
const limitAt = args.indexOf("--limit-mb");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) * 1e6 : Infinity;
const set = compileRules(detectors);
console.log(`rules ${set.rules.length}, keywords ${set.keywordCount}, encoded forms ${set.encodedForms.length}`);

const files = [];
let total = 0;
const names = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)))
  .sort();
for (const rel of names) {
  const bytes = readFileSync(path.join(root, rel));
  if (bytes.subarray(0, 8000).includes(0)) continue;
  files.push([rel, bytes]);
  total += bytes.length;
  if (total > limit) break;
}
const mb = total / 1e6;
// CPU time of this thread's process, less disturbed than wall time on a shared machine.
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const time = (label, fn) => {
  const t = performance.now();
  const c = cpuSeconds();
  const out = fn();
  const s = cpuSeconds() - c;
  const wall = (performance.now() - t) / 1000;
  console.log(`${label.padEnd(30)} cpu ${s.toFixed(2)} s  ${(mb / s).toFixed(0)} MB/s (wall ${wall.toFixed(2)} s)`);
  return out;
};
console.log(`${files.length} files, ${mb.toFixed(1)} MB`);

const hits = new Float64Array(set.automaton.keywords.length);
time("automaton only", () => {
  for (const [, bytes] of files) set.automaton.scan(bytes, (id) => { hits[id]++; });
});
time("decode-layer search (no hits)", () => {
  let runs = 0;
  for (const [, bytes] of files) runs += findEncodedRuns(bytes).length;
  console.log(`  runs: ${runs}`);
});
for (let round = 1; round < Number(process.env.ROUNDS ?? 1); round++) {
  time(`scanContent (round ${round})`, () => {
    for (const [rel, bytes] of files) scanContent(bytes, rel, set);
  });
}
const matches = time("scanContent", () => {
  let n = 0;
  for (const [rel, bytes] of files) n += scanContent(bytes, rel, set).matches.length;
  return n;
});
console.log(`matches ${matches}`);
if (args.includes("--keywords")) {
  const label = (k, id) =>
    id < set.keywordCount
      ? `${k}  -> ${set.keywordRules[id].map((r) => r.ruleId).join(", ")}`
      : id < set.cueBase
        ? `base64 form ${k} (of "${set.automaton.keywords[set.encodedForms[id - set.keywordCount].keywordId]}")`
        : `decode-layer cue ${JSON.stringify(k)}`;
  const rows = set.automaton.keywords.map((k, id) => [label(k, id), hits[id]]).sort((a, b) => b[1] - a[1]);
  console.log("hits per keyword (top 40):");
  for (const [k, n] of rows.slice(0, 40)) console.log(`${String(n).padStart(10)}  ${k.slice(0, 160)}`);
}
