/**
 * `npm run bench`: builds tokscan and, once, the benchmark corpus (31 pinned npm packages, outside
 * the repository: see corpus.sh), then times whole `tokscan` runs over it and prints MB/s, files/s
 * and peak RSS; when ripgrep is installed, also ripgrep's time over the same files with the token
 * patterns of the registry, and the ratio.
 *
 * Environment: BENCH_RUNS (timed runs after one warm-up, default 5), TOKSCAN_BENCH_CORPUS (corpus
 * directory), BENCH_WORKERS (passed as --workers to the pool driver), BENCH_TIME_BIN (GNU time,
 * default /usr/bin/time; "" to measure peak RSS from inside node), BENCH_RG_ALL_TIMEOUT (seconds
 * for the one run of ripgrep with every pattern, default 60).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** GNU time for peak RSS; BENCH_TIME_BIN="" measures it from inside node instead (rss-probe.mjs). */
const TIME_BIN = process.env.BENCH_TIME_BIN ?? "/usr/bin/time";
const log = (line) => process.stderr.write(`bench: ${line}\n`);

const loadBefore = os.loadavg()[0];

// 1. Build tokscan and the corpus.
log("building tokscan (tsc)");
const build = spawnSync(process.execPath, [path.join(repo, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
  cwd: repo,
  stdio: ["ignore", "inherit", "inherit"],
});
if (build.status !== 0 && !existsSync(path.join(repo, "dist/src/scan/worker-pool.js"))) {
  log("the build failed and there is no built scanner to run");
  process.exit(1);
}
const corpusRun = spawnSync("bash", [path.join(here, "corpus.sh")], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
if (corpusRun.status !== 0) {
  log("could not build the corpus (corpus.sh failed)");
  process.exit(1);
}
const corpus = corpusRun.stdout.trim().split("\n").pop();
const target = path.join(corpus, "packages");
const { files, bytes } = countFiles(target);
log(`corpus ${target}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);

// 2. tokscan: the CLI when it can scan, else the walker + worker pool driven directly.
const cli = path.join(repo, "dist/src/cli.js");
const help = existsSync(cli) ? spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" }) : undefined;
const cliScans = help?.status === 0 && help.stdout.includes("--format");
const command = cliScans
  ? [process.execPath, cli, target, ...(help.stdout.includes("--offline") ? ["--offline"] : []), "--format", "json", "--output", "/dev/null"]
  : [process.execPath, path.join(here, "pool-driver.mjs"), target, ...(process.env.BENCH_WORKERS ? ["--workers", process.env.BENCH_WORKERS] : [])];
log(`tokscan: ${cliScans ? "CLI" : "worker pool driver (the CLI cannot scan yet)"}: ${command.slice(1).map((a) => path.relative(repo, a) || a).join(" ")}`);
const tokscan = timeRuns(command, new Set([0, 1]));

// 3. ripgrep over the same files with the registry's token patterns: the prefix-anchored ones
//    (ripgrep's best case, as in ../shared/bench/README.md), then all of them once, time-boxed
//    (the keyword-context patterns make one huge regex that ripgrep runs far slower).
let ripgrep;
let ripgrepAll;
if (spawnSync("rg", ["--version"]).status === 0) {
  const { anchored, all, skipped, total } = await exportPatterns();
  const dir = mkdtempSync(path.join(os.tmpdir(), "tokscan-bench-rg-"));
  const rgArgs = (file) => ["rg", "-n", "--no-ignore", "--hidden", "--regex-size-limit", "1G", "--dfa-size-limit", "1G", "-f", file, target];
  writeFileSync(path.join(dir, "anchored.txt"), `${anchored.join("\n")}\n`);
  writeFileSync(path.join(dir, "all.txt"), `${all.join("\n")}\n`);
  log(`ripgrep: ${total} rules; ${all.length} patterns parsable by rg (${skipped} not), ${anchored.length} prefix-anchored`);
  ripgrep = { ...timeRuns(rgArgs(path.join(dir, "anchored.txt")), new Set([0, 1])), patterns: anchored.length };
  const timeout = Number(process.env.BENCH_RG_ALL_TIMEOUT ?? 60);
  const started = process.hrtime.bigint();
  const once = spawnSync(rgArgs(path.join(dir, "all.txt"))[0], rgArgs(path.join(dir, "all.txt")).slice(1), { stdio: "ignore", timeout: timeout * 1000 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  ripgrepAll = { patterns: all.length, wall: once.error || once.signal ? undefined : wall, timeout };
  rmSync(dir, { recursive: true, force: true });
} else {
  log("ripgrep is not installed: no comparison (apt-get install ripgrep)");
}

// 4. Report.
const mbps = (wall) => bytes / 1e6 / wall;
const line = (name, r) =>
  `${name.padEnd(9)} ${r.wall.toFixed(2).padStart(6)} s  ${mbps(r.wall).toFixed(1).padStart(6)} MB/s  ${Math.round(files / r.wall)
    .toString()
    .padStart(6)} files/s  peak RSS ${r.rssMiB === undefined ? "n/a" : `${r.rssMiB.toFixed(0)} MiB`}${
    r.cpu === undefined ? "" : `  CPU ${r.cpu.toFixed(2)} s`
  }`;
const load = os.loadavg()[0];
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} CPUs; median of ${runs} runs after a warm-up`);
console.log(`load    1-minute load average ${loadBefore.toFixed(2)} before, ${load.toFixed(2)} after${loadBefore > os.cpus().length / 2 ? " (other work was running: wall times are inflated)" : ""}`);
console.log(line("tokscan", tokscan));
if (ripgrep) {
  console.log(line("ripgrep", ripgrep) + `  (${ripgrep.patterns} prefix-anchored patterns)`);
  console.log(`ratio    tokscan runs at ${(ripgrep.wall / tokscan.wall).toFixed(2)}x the speed of ripgrep with the prefix-anchored patterns`);
  console.log(
    ripgrepAll.wall === undefined
      ? `ripgrep with all ${ripgrepAll.patterns} patterns: did not finish in ${ripgrepAll.timeout} s (< ${(bytes / 1e6 / ripgrepAll.timeout).toFixed(1)} MB/s)`
      : `ripgrep with all ${ripgrepAll.patterns} patterns: ${ripgrepAll.wall.toFixed(2)} s, ${mbps(ripgrepAll.wall).toFixed(1)} MB/s (one run); tokscan ${(ripgrepAll.wall / tokscan.wall).toFixed(2)}x its speed`,
  );
}
console.log(`walls    tokscan ${tokscan.walls.map((w) => w.toFixed(2)).join(" ")}${ripgrep ? `; ripgrep ${ripgrep.walls.map((w) => w.toFixed(2)).join(" ")}` : ""}`);

// ------------------------------------------------------------------------------------ helpers

function countFiles(root) {
  let files = 0;
  let bytes = 0;
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, dirent.name);
      if (dirent.isDirectory()) stack.push(full);
      else if (dirent.isFile()) {
        files++;
        bytes += statSync(full).size;
      }
    }
  }
  return { files, bytes };
}

/** Wall time (median) and peak RSS (largest) of `runs` runs after one warm-up. */
function timeRuns(argv, okStatuses) {
  const timeBin = existsSync(TIME_BIN) ? TIME_BIN : undefined;
  const walls = [];
  const cpus = [];
  let rssKiB;
  for (let i = 0; i <= runs; i++) {
    const probeFile = path.join(os.tmpdir(), `tokscan-bench-rss-${process.pid}-${i}`);
    const env = { ...process.env };
    let full = argv;
    if (timeBin) full = [timeBin, "-v", ...argv];
    else if (argv[0] === process.execPath) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(path.join(here, "rss-probe.mjs")).href}`;
    env.TOKSCAN_BENCH_RSS_FILE = probeFile;
    const started = process.hrtime.bigint();
    const child = spawnSync(full[0], full.slice(1), { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (!okStatuses.has(child.status ?? -1)) {
      log(`${path.basename(argv[0])} failed (status ${child.status}): ${child.stderr.split("\n").slice(-5).join(" | ")}`);
      process.exit(1);
    }
    const user = /User time \(seconds\): ([\d.]+)/.exec(child.stderr ?? "");
    const system = /System time \(seconds\): ([\d.]+)/.exec(child.stderr ?? "");
    const cpu = user && system ? Number(user[1]) + Number(system[1]) : undefined;
    let runRss;
    const reported = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "");
    if (reported) runRss = Number(reported[1]);
    else if (existsSync(probeFile)) runRss = Number(readFileSync(probeFile, "utf8"));
    rmSync(probeFile, { force: true });
    if (i === 0) continue; // warm-up
    walls.push(wall);
    if (cpu !== undefined) cpus.push(cpu);
    if (runRss !== undefined) rssKiB = Math.max(rssKiB ?? 0, runRss);
    if (i === 1 && argv[1]?.endsWith("pool-driver.mjs")) log(`driver: ${child.stdout.trim().slice(0, 300)}`);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    wall: median(walls),
    walls,
    cpu: cpus.length > 0 ? median(cpus) : undefined,
    rssMiB: rssKiB === undefined ? undefined : rssKiB / 1024,
  };
}

/** The registry's patterns in ripgrep's syntax; those rg cannot parse are left out. */
async function exportPatterns() {
  const { detectors } = await import(pathToFileURL(path.join(repo, "dist/src/registry.js")).href);
  const all = [];
  const anchored = [];
  let skipped = 0;
  let total = 0;
  for (const detector of detectors) {
    for (const rule of detector.rules) {
      total++;
      const converted = toRipgrep(rule.pattern);
      const check = spawnSync("rg", ["-q", "-e", converted, "/dev/null"], { stdio: "ignore" });
      if (check.status !== 1) {
        skipped++;
        continue;
      }
      all.push(converted);
      // Starts with a literal of 3+ characters and is case-sensitive: a token prefix.
      if (/^(?:[A-Za-z0-9_-]|\\.){3}/.test(converted) && !converted.startsWith("(?i)")) anchored.push(converted);
    }
  }
  return { anchored, all, skipped, total };
}

/** JS regex source to Rust regex syntax: groups, flags, escapes; simple look-arounds dropped. */
function toRipgrep(pattern) {
  let source = pattern.source
    // Look-arounds over one character class only restrict a match at its edges: drop them.
    .replace(/\(\?<?[!=]\[(?:\\.|[^\]\\])*\]\)/g, "")
    // rg joins all patterns into one regex: named groups would clash, and only whole lines count.
    .replace(/\(\?<(?![=!])[A-Za-z0-9_]+>/g, "(?:")
    // Rust rejects escapes of characters that are not regex syntax ("\/", "\'", "\@").
    .replace(/\\(.)/g, (escape, c) => (/[A-Za-z0-9.+*?()|[\]{}^$#&\-~\\ ]/.test(c) ? escape : c));
  const flags = [pattern.flags.includes("i") ? "i" : "", pattern.flags.includes("s") ? "s" : ""].join("");
  if (flags) source = `(?${flags})${source}`;
  return source;
}
