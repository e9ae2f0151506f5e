/**
 * Scans a directory with the walker and the worker pool directly, no CLI (used by run.mjs when the
 * CLI cannot scan, and to profile the engine): node bench/pool-driver.mjs DIR [--workers N]
 * Prints one JSON line: files, bytes scanned, matches, matches per rule, notices per kind.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (p) => import(pathToFileURL(path.join(here, "..", "dist", "src", p)).href);
const { scanEntries } = await load("scan/worker-pool.js");
const { walk } = await load("walk/walker.js");

const args = process.argv.slice(2);
const root = path.resolve(args[0] ?? ".");
const workersAt = args.indexOf("--workers");
const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : undefined;

const notices = {};
const onNotice = (notice) => (notices[notice.kind] = (notices[notice.kind] ?? 0) + 1);
let files = 0;
let bytes = 0;
let matches = 0;
const byRule = {};
for await (const result of scanEntries(walk([root], { includeIgnored: true, onNotice }), { workers })) {
  files++;
  bytes += result.bytesScanned;
  matches += result.matches.length;
  for (const m of result.matches) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
  for (const n of result.notices) onNotice(n);
}
console.log(JSON.stringify({ files, bytes, matches, byRule, notices }));
