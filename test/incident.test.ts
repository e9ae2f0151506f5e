/**
 * The incident tokscan exists for: a Railway account token, created "for custom domains", in a
 * script that has nothing to do with Railway, whose owner is admin of a workspace with a production
 * environment and a volume. tokscan must rank it first, critical, and say why in words.
 */
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emulator } from "../detectors/railway/emulator.js";
import { ALPHABET, createRng } from "../src/detector-kit/index.js";
import { runCli } from "./support/cli.js";
import { startLoopback, type Loopback } from "./support/loopback.js";
import { git, tempDir } from "./support/temp.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "repos", "incident");
const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function fillPlaceholders(dir: string, values: Record<string, string>): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const text = readFileSync(path, "utf8");
    const filled = text.replace(/@@([A-Z_]+)@@/g, (whole, key: string) => values[key] ?? whole);
    if (filled !== text) writeFileSync(path, filled);
  }
}

interface Report {
  findings: { ruleId: string; path: string; liveness: string; redacted: string; blastRadius: { score: number; tier: string; reasons: string[] }; placement: { related: boolean } }[];
}

describe("the Railway incident", () => {
  it("ranks the account token in scripts/custom-domains.sh first, critical, naming volume and backup deletion and the unrelated placement", async () => {
    const incident = emulator.cases(createRng(1)).find((c) => c.expect.liveness === "live" && (c.expect.mentions ?? []).some((m) => m.includes("pg-data")));
    expect(incident, "the Railway emulator has the incident case").toBeDefined();
    const server = await startLoopback(incident!.handler);
    servers.push(server);

    const repo = tempDir();
    cpSync(FIXTURE, repo, { recursive: true });
    fillPlaceholders(repo, {
      RAILWAY_TOKEN: incident!.secret,
      STRIPE_TEST_KEY: `sk_test_${createRng(2).chars(ALPHABET.base62, 24)}`,
    });
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "shop");

    const run = await runCli([repo, "--format", "json", "--endpoint", `railway=${server.url}`]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(incident!.secret);
    const report = JSON.parse(run.stdout) as Report;
    const first = report.findings[0]!;
    expect(first.path).toBe("scripts/custom-domains.sh");
    expect(first.ruleId).toMatch(/^railway\//);
    expect(first.liveness).toBe("live");
    expect(first.blastRadius.tier).toBe("critical");
    expect(first.placement.related).toBe(false);
    const reasons = first.blastRadius.reasons.join("\n");
    expect(reasons).toMatch(/volume pg-data/);
    expect(reasons).toMatch(/backups/);
    expect(reasons).toMatch(/production/);
    expect(reasons).toMatch(/custom-domains\.sh, which has nothing to do with Railway/);
    // Nothing but the incident is critical, and only read-only requests were sent.
    expect(report.findings.filter((f) => f.blastRadius.tier === "critical")).toHaveLength(1);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.length).toBeLessThanOrEqual(6);
    for (const request of server.requests) expect(request.body).not.toMatch(/\bmutation\b/i);

    // The same ranking in SARIF, where GitHub reads the tier from the rule.
    const sarif = JSON.parse((await runCli([repo, "--format", "sarif", "--endpoint", `railway=${server.url}`])).stdout) as {
      runs: { results: { ruleId: string; rank: number; level: string }[] }[];
    };
    const top = sarif.runs[0]!.results[0]!;
    expect(top.ruleId).toMatch(/^railway\/.+\/critical$/);
    expect(top.level).toBe("error");
    expect(top.rank).toBe(first.blastRadius.score * 10);
  });

  it("offline, still reports the token first, as an unchecked Railway token", async () => {
    const repo = tempDir();
    cpSync(FIXTURE, repo, { recursive: true });
    fillPlaceholders(repo, { RAILWAY_TOKEN: createRng(3).uuid(), STRIPE_TEST_KEY: `sk_test_${createRng(4).chars(ALPHABET.base62, 24)}` });
    const report = JSON.parse((await runCli([repo, "--format", "json", "--offline"])).stdout) as Report;
    expect(report.findings[0]?.path).toBe("scripts/custom-domains.sh");
    expect(report.findings[0]?.liveness).toBe("unchecked");
    expect(["critical", "high"]).toContain(report.findings[0]?.blastRadius.tier);
  });
});
