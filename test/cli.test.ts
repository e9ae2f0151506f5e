/** The CLI end to end, as a user runs it: a real process over real files and git repositories. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { startLoopback, unusedLoopbackUrl, type Loopback } from "./support/loopback.js";
import { tempDir, tempRepo } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface JsonReport {
  findings: { ruleId: string; path: string; line: number; redacted: string; exposure: string; liveness: string; suppressed?: unknown; fingerprint: string; blastRadius: { tier: string } }[];
}

describe("tokscan CLI", () => {
  it("exits 0 on a clean directory", async () => {
    const dir = tempDir({ "README.md": "# nothing here\n", "src/app.ts": "export const x = 1;\n" });
    const run = await runCli([dir, "--offline"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("exits 1 on a finding, shows it redacted and never prints the secret", async () => {
    const token = githubToken(11);
    const dir = tempDir({ ".env": `GITHUB_TOKEN=${token}\n` });
    for (const format of ["table", "json", "sarif"]) {
      const run = await runCli([dir, "--offline", "--format", format]);
      expect(run.code, format).toBe(1);
      expect(run.stdout + run.stderr, format).not.toContain(token);
      expect(run.stdout, format).toContain(`${token.slice(0, 4)}…${token.slice(-2)}`);
    }
  });

  it("writes the report to --output and honours --fail-on", async () => {
    const token = githubToken(12);
    const dir = tempDir({ "config.yml": `token: ${token}\n` });
    const out = join(tempDir(), "report.json");
    const run = await runCli([dir, "--offline", "--format", "json", "--output", out, "--fail-on", "none"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const report = JSON.parse(readFileSync(out, "utf8")) as JsonReport;
    expect(report.findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([["github/classic-pat", "config.yml", 1]]);
  });

  it("exits 2 with one clear line on usage errors", async () => {
    for (const args of [["--format", "xml"], ["--max-file-size", "lots"], ["--endpoint", "github=http://example.com"], ["--endpoint", "nosuch=https://x.test"], ["--no-such-flag"]]) {
      const run = await runCli([tempDir(), "--offline", ...args]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/tokscan|Unknown|Invalid/);
    }
  });

  it("exits 2 naming file and line for a malformed config", async () => {
    const dir = tempDir({ ".tokscan.yml": "allow:\n  - fingerprint: nope\n" });
    const run = await runCli([dir, "--offline"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.tokscan\.yml:2: "nope" is not a tokscan fingerprint/);
  });

  it("builds an executable bin, so npx tokscan runs it directly", async () => {
    const { statSync } = await import("node:fs");
    const { CLI } = await import("./support/cli.js");
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("prints --version and --help", async () => {
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version);
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--include-ignored");
  });

  it("records exposure and honours .gitignore unless --include-ignored", async () => {
    const tracked = githubToken(21);
    const untracked = githubToken(22);
    const ignored = githubToken(23);
    const dir = tempRepo(
      { "deploy.sh": `export GH=${tracked}\n`, ".gitignore": ".env.local\n" },
      { "notes.txt": `token ${untracked}\n`, ".env.local": `GITHUB_TOKEN=${ignored}\n` },
    );
    const plain = JSON.parse((await runCli([dir, "--offline", "--format", "json"])).stdout) as JsonReport;
    expect(plain.findings.map((f) => [f.path, f.exposure]).sort()).toEqual([["deploy.sh", "tracked"], ["notes.txt", "untracked"]]);
    const all = JSON.parse((await runCli([dir, "--offline", "--format", "json", "--include-ignored"])).stdout) as JsonReport;
    expect(all.findings.map((f) => [f.path, f.exposure]).sort()).toEqual([[".env.local", "ignored"], ["deploy.sh", "tracked"], ["notes.txt", "untracked"]]);
  });

  it("suppresses with tokscan:allow and with a config fingerprint, keeping them marked in JSON", async () => {
    const a = githubToken(31);
    const b = githubToken(32);
    const dir = tempDir({ "a.env": `A=${a} # tokscan:allow test fixture\n`, "b.env": `B=${b}\n` });
    const first = JSON.parse((await runCli([dir, "--offline", "--format", "json"])).stdout) as JsonReport;
    const fingerprint = first.findings.find((f) => f.path === "b.env")!.fingerprint;
    expect(first.findings.find((f) => f.path === "a.env")?.suppressed).toEqual({ by: "comment", reason: "test fixture" });
    const config = join(dir, ".tokscan.yml");
    await import("node:fs").then((fs) => fs.writeFileSync(config, `allow:\n  - fingerprint: ${fingerprint}\n    reason: revoked\n`));
    const second = await runCli([dir, "--offline", "--format", "json"]);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as JsonReport;
    expect(report.findings.every((f) => f.suppressed)).toBe(true);
  });

  it("asks the provider through --endpoint and TOKSCAN_ENDPOINT_*, never through a repository config", async () => {
    const { emulator } = await import("../detectors/github/emulator.js");
    const live = emulator.cases((await import("../src/detector-kit/index.js")).createRng(5)).find((c) => c.expect.liveness === "live")!;
    const server = await startLoopback(live.handler);
    servers.push(server);
    const dir = tempDir({ ".env": `GITHUB_TOKEN=${live.secret}\n` });

    const viaFlag = JSON.parse((await runCli([dir, "--format", "json", "--endpoint", `github=${server.url}`])).stdout) as JsonReport;
    expect(viaFlag.findings[0]?.liveness).toBe("live");
    const viaEnv = JSON.parse((await runCli([dir, "--format", "json"], { env: { TOKSCAN_ENDPOINT_GITHUB: server.url } })).stdout) as JsonReport;
    expect(viaEnv.findings[0]?.liveness).toBe("live");
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((r) => r.method === "GET" || r.method === "HEAD")).toBe(true);

    // A pull request cannot point tokscan at its own server.
    const attacker = await startLoopback(() => ({ status: 200, body: { login: "attacker" } }));
    servers.push(attacker);
    const hostile = tempDir({ ".env": `GITHUB_TOKEN=${live.secret}\n`, ".tokscan.yml": `endpoints:\n  github: ${attacker.url}\n` });
    const run = await runCli([hostile, "--format", "json", "--timeout", "2000"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be set in a config file/);
    expect(attacker.requests).toEqual([]);
  });

  it("marks tokens unknown, with one notice, when the provider is unreachable", async () => {
    const url = await unusedLoopbackUrl();
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`f${i}.env`] = `GITHUB_TOKEN=${githubToken(40 + i)}\n`;
    const dir = tempDir(files);
    const run = await runCli([dir, "--format", "json", "--endpoint", `github=${url}`, "--timeout", "2000"]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toHaveLength(5);
    expect(report.findings.every((f) => f.liveness === "unknown")).toBe(true);
    expect(run.stderr.split("\n").filter((l) => /github/i.test(l)).length).toBeLessThanOrEqual(1);
  });

  it("reports policy violations as findings of their own rules, quoting the policy line", async () => {
    const token = githubToken(51);
    const dir = tempDir({
      "scripts/deploy.sh": `export GH=${token}\n`,
      ".tokscan.yml": ["policy:", "  - paths: ['scripts/**']", "    providers: [railway]", "    capabilities: [CODE_WRITE]", ""].join("\n"),
    });
    const run = await runCli([dir, "--offline", "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport & { findings: { summary: string }[] };
    const rules = report.findings.map((f) => f.ruleId).sort();
    expect(rules).toEqual(["github/classic-pat", "policy/overprivileged-token", "policy/token-in-unrelated-file"]);
    const violation = report.findings.find((f) => f.ruleId === "policy/token-in-unrelated-file")!;
    expect(violation.summary).toContain(".tokscan.yml:2");
    expect(violation.summary).not.toContain(token);
    const sarif = await runCli([dir, "--offline", "--format", "sarif"]);
    expect(sarif.stdout).toContain("policy/token-in-unrelated-file/");
  });

  it("scans this repository clean with its own rules", async () => {
    const run = await runCli([join(import.meta.dirname, ".."), "--offline", "--format", "json"]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(run.code).toBe(0);
  });
});
