/**
 * Security review: hostile input must not stop the scan. One small file full of distinct tokens
 * (a few hundred KB, easy to slip into a pull request) must be scanned, reported and exit normally;
 * a text file in UTF-16 (with a byte-order mark) is text, not binary.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { tempDir } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

describe("review: bad input keeps the scan going", () => {
  it("reports every token of one file holding 8 000 distinct tokens, in bounded time and memory", async () => {
    const count = 8000;
    const tokens = Array.from({ length: count }, (_, i) => githubToken(500_000 + i));
    const dir = tempDir({ "dump.txt": tokens.join(" ") });
    const started = Date.now();
    const run = await runCli([dir, "--offline", "--format", "json", "--quiet"], { timeoutMs: 60_000 });
    const elapsedMs = Date.now() - started;
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: unknown[] };
    expect(report.findings).toHaveLength(count);
    expect(elapsedMs).toBeLessThan(30_000);
  }, 90_000);

  it("finds a token in a UTF-16LE file with a byte-order mark (what Windows PowerShell 5 writes with >)", async () => {
    const token = githubToken(4401);
    const dir = tempDir();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`GITHUB_TOKEN=${token}\r\n`, "utf16le")]);
    writeFileSync(join(dir, ".env"), utf16);
    const run = await runCli([dir, "--offline", "--format", "json"]);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; path: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([["github/classic-pat", ".env"]]);
    expect(run.code).toBe(1);
  });
});
