/**
 * The worker pool on real files and real worker threads (the built scanner under dist/): every file
 * answered once, the same results as in-process scanning, bounded work in flight, and a crashing
 * worker that loses nothing but the file it crashed on.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALPHABET, createRng, withBase62Crc } from "../src/detector-kit/index.js";
import { builtWorkerScript, defaultWorkerCount, scanEntries } from "../src/scan/worker-pool.js";
import type { FileScanResult, WalkEntry } from "../src/types.js";

const repo = path.resolve(import.meta.dirname, "..");
const builtScanFile = pathToFileURL(path.join(repo, "dist/src/source/scan-file.js")).href;
let dir: string;
let tokens: Map<string, string>;

function entryFor(relPath: string): WalkEntry {
  const absPath = path.join(dir, relPath);
  return { absPath, relPath, root: dir, size: statSync(absPath).size, exposure: "not-a-repo" };
}

async function collect(results: AsyncIterable<FileScanResult>): Promise<FileScanResult[]> {
  const all: FileScanResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

/**
 * relPath -> GitHub findings, for comparing runs. (Workers run the built detectors, in-process runs
 * the sources: while other rules are edited the two can differ, the GitHub rules do not.)
 */
const summary = (results: FileScanResult[]) =>
  Object.fromEntries(
    results
      .map((r) => [r.entry.relPath, r.matches.filter((m) => m.detectorId === "github").map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort()] as const)
      .sort(),
  );

beforeAll(() => {
  // Worker threads run the built JavaScript: build it when this checkout has not been built yet.
  if (!builtWorkerScript() || !existsSync(new URL(builtScanFile))) {
    try {
      execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: repo, stdio: "ignore" });
    } catch {
      // Type errors elsewhere still emit JavaScript; the checks below say if it is missing.
    }
  }
  dir = mkdtempSync(path.join(os.tmpdir(), "tokscan-pool-"));
  mkdirSync(path.join(dir, "src"));
  const rng = createRng(7);
  tokens = new Map();
  for (let i = 0; i < 120; i++) {
    const relPath = `src/file-${String(i).padStart(3, "0")}.ts`;
    const filler = Array.from({ length: 1 + (i % 7) }, (_, k) => `export const value${k} = ${k * i};`).join("\n");
    if (i % 10 === 3) {
      const token = `ghp_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;
      tokens.set(relPath, token);
      writeFileSync(path.join(dir, relPath), `${filler}\nconst githubToken = "${token}";\n`);
    } else {
      writeFileSync(path.join(dir, relPath), `${filler}\n`);
    }
  }
  // A scanner module that kills its worker on files named poison-*, and scans the rest for real.
  writeFileSync(
    path.join(dir, "crashing-scan-file.mjs"),
    `import { scanFile as real } from ${JSON.stringify(builtScanFile)};
export function scanFile(entry, ruleSet, options) {
  if (entry.relPath.includes("poison-")) process.exit(7);
  return real(entry, ruleSet, options);
}
`,
  );
  // A scanner module that says which thread it ran on.
  writeFileSync(
    path.join(dir, "thread-of-scan-file.mjs"),
    `import { isMainThread } from "node:worker_threads";
export function scanFile(entry) {
  const message = isMainThread ? "main thread" : "worker thread";
  return { entry, matches: [], dropped: [], notices: [{ path: entry.relPath, kind: "other", message }], bytesScanned: 0, relatedContent: [], skipped: false };
}
`,
  );
  for (const name of ["poison-1.txt", "poison-2.txt"]) writeFileSync(path.join(dir, "src", name), "x\n");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fileNames = () => [...Array(120).keys()].map((i) => `src/file-${String(i).padStart(3, "0")}.ts`);

describe("worker pool", () => {
  it("has a built worker to run from the TypeScript sources", () => {
    expect(builtWorkerScript()).toMatch(/dist\/src\/scan\/scan-worker\.js$/);
    expect(defaultWorkerCount()).toBeGreaterThanOrEqual(1);
    expect(defaultWorkerCount()).toBeLessThanOrEqual(8);
  });

  it("scans every file once on worker threads and finds each token in its file", async () => {
    let fellBack = false;
    const results = await collect(
      scanEntries(fileNames().map(entryFor), { workers: 2, batchEntries: 8, onFallback: () => (fellBack = true) }),
    );
    expect(fellBack).toBe(false);
    expect(results.map((r) => r.entry.relPath).sort()).toEqual(fileNames());
    for (const result of results) {
      const expected = tokens.get(result.entry.relPath);
      const github = result.matches.filter((m) => m.detectorId === "github");
      expect(github.map((m) => m.secret === expected && m.ruleId), result.entry.relPath).toEqual(
        expected ? ["github/classic-pat"] : [],
      );
    }
  });

  it("gives the same results in-process (workers: 0) as on workers", async () => {
    const onWorkers = await collect(scanEntries(fileNames().map(entryFor), { workers: 2, batchEntries: 5 }));
    const inProcess = await collect(scanEntries(fileNames().map(entryFor), { workers: 0 }));
    expect(summary(inProcess)).toEqual(summary(onWorkers));
    expect(inProcess.filter((r) => r.matches.some((m) => m.detectorId === "github"))).toHaveLength(tokens.size);
  });

  it("keeps every other result when a worker crashes, and reports the file it crashed on", async () => {
    const names = [...fileNames().slice(0, 40), "src/poison-1.txt", ...fileNames().slice(40, 80), "src/poison-2.txt", ...fileNames().slice(80)];
    const results = await collect(
      scanEntries(names.map(entryFor), {
        workers: 2,
        batchEntries: 16,
        scanModule: pathToFileURL(path.join(dir, "crashing-scan-file.mjs")).href,
      }),
    );
    expect(results.map((r) => r.entry.relPath).sort()).toEqual([...names].sort());
    const poisoned = results.filter((r) => r.entry.relPath.includes("poison-"));
    for (const result of poisoned) {
      expect(result.skipped).toBe(true);
      expect(result.notices.map((n) => n.kind)).toEqual(["other"]);
      expect(result.notices[0]!.message).toMatch(/crashed on this file/);
    }
    const found = results.filter((r) => r.matches.some((m) => m.detectorId === "github")).map((r) => r.entry.relPath).sort();
    expect(found).toEqual([...tokens.keys()].sort());
    expect(results.filter((r) => r.skipped)).toHaveLength(2);
  });

  it("pulls no more entries than its in-flight bound while the caller is not reading", async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<WalkEntry> {
      for (let round = 0; round < 10; round++) {
        for (const name of fileNames()) {
          pulled++;
          yield entryFor(name);
        }
      }
    }
    const results = scanEntries(source(), { workers: 2, batchEntries: 4, inFlightPerWorker: 2 });
    const first = await results.next();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 2 workers x 2 batches x 4 entries, plus the batch being assembled.
    expect(pulled).toBeLessThanOrEqual(2 * 2 * 4 + 4);
    let count = 1;
    for await (const _ of results) count++;
    expect(count).toBe(1200);
    expect(pulled).toBe(1200);
  });

  it("fails loudly when the workers cannot start", async () => {
    const missing = pathToFileURL(path.join(dir, "no-such-module.mjs")).href;
    const entries = fileNames().slice(0, 3).map(entryFor);
    await expect(collect(scanEntries(entries, { workers: 1, batchEntries: 1, scanModule: missing }))).rejects.toThrow(/failed to start/);
  });

  it("scans one small batch in this thread and more on workers", async () => {
    const threadOf = pathToFileURL(path.join(dir, "thread-of-scan-file.mjs")).href;
    const threads = async (count: number) => {
      const results = await collect(scanEntries(fileNames().slice(0, count).map(entryFor), { workers: 2, batchEntries: 8, scanModule: threadOf }));
      expect(results).toHaveLength(count);
      return new Set(results.map((r) => r.notices[0]!.message));
    };
    expect(await threads(8)).toEqual(new Set(["main thread"]));
    expect(await threads(40)).toEqual(new Set(["worker thread"]));
  });
});
