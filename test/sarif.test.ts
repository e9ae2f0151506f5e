import { execFile } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type * as Sarif from "sarif";
import { afterAll, describe, expect, it } from "vitest";
import { pathToUri, renderReport, renderSarif, TIER_SECURITY_SEVERITY } from "../src/report/index.js";
import { MAX_SARIF_RESULTS } from "../src/report/sarif.js";
import type { Finding, Tier } from "../src/types.js";
import { buildFinding, makeSecrets, sampleContext, sampleFindings } from "./support/report-findings.js";

const run = promisify(execFile);
const VALIDATOR = path.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
const workDir = mkdtempSync(path.join(os.tmpdir(), "tokscan-sarif-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function ensureExecutable(file: string): void {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, statSync(file).mode | 0o100);
  }
}

interface ValidatorIssue {
  level: string;
  rule: string;
  text: string;
}

/** Runs Microsoft's validator with GitHub's ingestion rules and returns what it reported. */
async function validate(sarifText: string, name: string): Promise<ValidatorIssue[]> {
  ensureExecutable(VALIDATOR);
  const input = path.join(workDir, `${name}.sarif`);
  const output = path.join(workDir, `${name}.report.sarif`);
  writeFileSync(input, sarifText);
  let console = "";
  await run(VALIDATOR, ["validate", input, "--rule-kind", "Gh;Sarif", "-o", output], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 120_000,
  }).catch((error: unknown) => {
    // The validator exits non-zero when it finds errors; the report file still says which.
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    console = `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
  });
  if (!existsSync(output)) throw new Error(`the validator wrote no report:\n${console}`);
  const report = JSON.parse(readFileSync(output, "utf8")) as Sarif.Log;
  const validatorRun = report.runs[0]!;
  const rules = validatorRun.tool.driver.rules ?? [];
  return (validatorRun.results ?? []).map((r) => {
    const rule = rules.find((d) => d.id === r.ruleId);
    const template = (r.message.id && rule?.messageStrings?.[r.message.id]?.text) ?? r.message.text ?? "";
    const text = template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? "");
    return { level: r.level ?? "warning", rule: r.ruleId ?? "?", text };
  });
}

function errorsOf(issues: ValidatorIssue[]): string {
  return issues
    .filter((i) => i.level === "error")
    .map((i) => `${i.rule}: ${i.text}`)
    .join("\n");
}

const parse = (text: string): Sarif.Log => JSON.parse(text) as Sarif.Log;

describe("SARIF accepted by GitHub's ingestion rules", () => {
  it("a run with every tier, suppressed findings and tricky paths has zero validator errors", async () => {
    const { findings } = sampleFindings();
    const tiers = new Set(findings.filter((f) => !f.suppressed).map((f) => f.blastRadius.tier));
    expect([...tiers].sort()).toEqual(["critical", "high", "low", "medium"]);
    const issues = await validate(renderSarif(findings, sampleContext()), "full");
    expect(errorsOf(issues)).toBe("");
  });

  it("the validator check itself catches a broken log (a bad rule index, an absolute URI under a base id)", async () => {
    const log = parse(renderSarif(sampleFindings().findings, sampleContext()));
    const result = log.runs[0]!.results![0]!;
    result.ruleIndex = 99;
    result.locations![0]!.physicalLocation!.artifactLocation!.uri = "file:///abs/x.ts";
    const errors = errorsOf(await validate(JSON.stringify(log), "broken"));
    expect(errors).toContain("SARIF1009");
    expect(errors).toContain("SARIF1004");
  });

  it("an empty run has zero validator errors and lists no rules", async () => {
    const text = renderSarif([], sampleContext({ notices: [] }));
    const log = parse(text);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
    expect(text).toContain('"rules": []');
    const issues = await validate(text, "empty");
    expect(errorsOf(issues)).toBe("");
  });

  it("a finding from a detector with no documentation yet still has complete rule help", async () => {
    const lonely = buildFinding({
      detectorId: "policy",
      rule: "token-in-unrelated-file",
      provider: "Policy",
      title: "Token in a file the policy does not allow",
      secret: makeSecrets(3).password,
      path: "a.txt",
      capabilities: ["SPEND"],
    });
    const text = renderSarif([lonely], sampleContext({ detectors: [] }));
    const rule = parse(text).runs[0]!.tool.driver.rules![0]!;
    expect(rule.help?.text).toContain("Revoke it:");
    expect(rule.help?.text).toContain("Replace it with a narrower one:");
    expect(rule.helpUri).toBeUndefined();
    expect(errorsOf(await validate(text, "lonely"))).toBe("");
  });
});

describe("SARIF content", () => {
  const { findings } = sampleFindings();
  const log = parse(renderSarif(findings, sampleContext()));
  const sarifRun = log.runs[0]!;
  const rules = sarifRun.tool.driver.rules!;
  const results = sarifRun.results!;

  it("describes the tool", () => {
    expect(log.version).toBe("2.1.0");
    expect(sarifRun.tool.driver).toMatchObject({
      name: "tokscan",
      version: "0.1.0",
      semanticVersion: "0.1.0",
      informationUri: "https://www.npmjs.com/package/tokscan",
    });
    expect(sarifRun.columnKind).toBe("utf16CodeUnits");
  });

  it("has one rule per token type and tier, only for results present, each result's tier matching its rule's severity", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(results.map((r) => r.ruleId))).toEqual(new Set(ids));
    for (const result of results) {
      const rule = rules[result.ruleIndex!]!;
      expect(rule.id).toBe(result.ruleId);
      const tier = (result.properties!.blastRadius as { tier: Tier }).tier;
      expect(rule.id.endsWith(`/${tier}`)).toBe(true);
      expect(rule.properties!["security-severity"]).toBe(TIER_SECURITY_SEVERITY[tier]);
      expect(rule.defaultConfiguration?.level).toBe(result.level);
    }
    // The same token type at two tiers is two rules.
    expect(ids).toContain("github/classic-pat/critical");
    expect(ids).toContain("github/classic-pat/medium");
  });

  it("gives each rule descriptions, help with revocation and a narrower replacement, tags, precision and severity", () => {
    const rule = rules.find((r) => r.id === "github/classic-pat/critical")!;
    expect(rule.name).toBe("GitHubClassicPersonalAccessTokenCritical");
    expect(rule.shortDescription!.text).toBe("GitHub classic personal access token (critical blast radius).");
    expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
    expect(rule.help!.text).toContain("Revoke it: https://github.com/settings/tokens");
    expect(rule.help!.markdown).toContain("**Revoke it:** <https://github.com/settings/tokens>");
    expect(rule.help!.markdown).toContain("fine-grained personal access token");
    expect(rule.helpUri).toMatch(/^https:\/\/docs\.github\.com\//);
    expect(rule.properties).toEqual({ tags: ["security", "secret", "github"], precision: "high", "security-severity": "9.5" });
    for (const r of rules) {
      const severity = Number(r.properties!["security-severity"]);
      const tier = r.id.slice(r.id.lastIndexOf("/") + 1) as Tier;
      const band: Record<Tier, [number, number]> = { critical: [9.01, 10], high: [7, 8.9], medium: [4, 6.9], low: [0.1, 3.9] };
      expect(severity).toBeGreaterThanOrEqual(band[tier][0]);
      expect(severity).toBeLessThanOrEqual(band[tier][1]);
    }
  });

  it("orders results by descending score and sets rank = score × 10 and the level from the tier", () => {
    const scores = results.map((r) => (r.properties!.blastRadius as { score: number }).score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const levels: Record<Tier, string> = { critical: "error", high: "error", medium: "warning", low: "note" };
    for (const r of results) {
      const { score, tier } = r.properties!.blastRadius as { score: number; tier: Tier };
      expect(r.rank).toBe(Math.round(score * 10));
      expect(Number.isInteger(r.rank)).toBe(true);
      expect(r.level).toBe(levels[tier]);
    }
    expect(results[0]!.ruleId).toBe("railway/api-token/critical");
    expect(results[0]!.rank).toBe(100);
  });

  it("writes relative, percent-encoded URIs with a base id and a full region", () => {
    const uris = results.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris).toContain("my%20dir/a%20b.env");
    expect(uris).toContain("docs/%23notes%20100%25.md");
    expect(uris).toContain("src/%23temp/config.ts");
    expect(uris).toContain(`${encodeURIComponent("ünïcödé")}/${encodeURIComponent("日本語 🔑.ts")}`);
    expect(uris).toContain("ops/notify%0Aline.sh");
    expect(uris).toContain("odd/na%EF%BF%BDme.py");
    for (const r of results) {
      const location = r.locations![0]!.physicalLocation!;
      expect(location.artifactLocation!.uriBaseId).toBe("%SRCROOT%");
      expect(location.artifactLocation!.uri).not.toMatch(/^\/|^[a-z]+:/i);
      expect(Object.keys(location.region!).sort()).toEqual(["endColumn", "endLine", "startColumn", "startLine"]);
    }
    expect(pathToUri("a/b c/d#e%f")).toBe("a/b%20c/d%23e%25f");
  });

  it("carries the content-keyed fingerprint and the finding's properties", () => {
    const railway = results[0]!;
    const finding = findings.find((f) => f.ruleId === "railway/api-token")!;
    expect(railway.partialFingerprints).toEqual({ "tokscan/v1": finding.fingerprint });
    expect(railway.properties).toEqual({
      provider: "Railway",
      tokenType: "api-token",
      liveness: "live",
      capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH", "IAM_WRITE"],
      blastRadius: { score: finding.blastRadius.score, tier: "critical" },
      placement: { related: false, reason: finding.placement.reason },
      exposure: "tracked",
      reasons: finding.blastRadius.reasons,
    });
    const encoded = results.find((r) => r.properties!.encoding !== undefined)!;
    expect(encoded.properties!.encoding).toBe("base64");
  });

  it("says in the message the redacted value and why it matters", () => {
    const finding = findings.find((f) => f.ruleId === "railway/api-token")!;
    const text = results[0]!.message.text!;
    expect(text.startsWith(`Live Railway account token that can delete volume pg-data in environment production, and its backups with it; in an unrelated file; committed to git (${finding.redacted}).`)).toBe(true);
    expect(text).toContain("Blast radius 10.0 of 10, critical:");
  });

  it("marks suppressed findings with a SARIF suppression of the right kind, or leaves them out when asked", () => {
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.suppressions)).toEqual(
      expect.arrayContaining([
        [{ kind: "inSource", status: "accepted" }],
        [{ kind: "external", status: "accepted", justification: "rotated in INC-42" }],
      ]),
    );
    expect(suppressed).toHaveLength(2);
    const omitted = parse(renderSarif(findings, sampleContext({ omitSuppressedFromSarif: true }))).runs[0]!;
    expect(omitted.results).toHaveLength(results.length - 2);
    expect(omitted.results!.some((r) => r.suppressions)).toBe(false);
    expect(omitted.properties!.suppressed).toBe(2);
  });

  it("reports notices as tool execution notifications and the scan summary as run properties", () => {
    expect(sarifRun.invocations![0]!.executionSuccessful).toBe(true);
    expect(sarifRun.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
      "assets/logo.png: binary file skipped.",
      "dump.sql: larger than --max-file-size (10 MB); skipped.",
    ]);
    expect(sarifRun.properties).toEqual({
      filesScanned: 120,
      bytesScanned: 1_234_567,
      skipped: { binary: 2, "too-large": 1 },
      suppressed: 2,
      offline: true,
      durationMs: 1_450,
    });
  });
});

describe("SARIF size limits", () => {
  it("keeps the 25,000 highest-ranked results GitHub accepts and says how many were left out", () => {
    const { findings } = sampleFindings();
    const many: Finding[] = [];
    for (let i = 0; i < MAX_SARIF_RESULTS; i++) many.push({ ...findings[7]!, line: i + 1 });
    const top = findings[0]!;
    const log = parse(renderSarif([...many, top], sampleContext({ notices: [] })));
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(MAX_SARIF_RESULTS);
    expect(results[0]!.ruleId).toBe("railway/api-token/critical");
    expect(log.runs[0]!.properties!.resultsLeftOut).toBe(1);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toMatch(/^1 lower-ranked result left out: GitHub/);
  });
});

/** Fisher-Yates with a fixed seed, so the shuffles are the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("determinism and redaction across formats", () => {
  it("the same findings in any order give byte-identical output in every format", () => {
    const { findings } = sampleFindings();
    for (const format of ["sarif", "json", "table"] as const) {
      const first = renderReport(format, findings, sampleContext());
      for (const seed of [1, 2, 3, 4]) {
        expect(renderReport(format, shuffled(findings, seed), sampleContext())).toBe(first);
      }
      // Rebuilt from scratch, not just reordered.
      expect(renderReport(format, sampleFindings().findings, sampleContext())).toBe(first);
    }
  });

  it("breaks score ties by path, line, column and rule", () => {
    const secret = makeSecrets(11).githubClassic;
    const base = {
      detectorId: "github",
      rule: "classic-pat",
      provider: "GitHub",
      title: "GitHub classic personal access token",
      secret,
      capabilities: ["CODE_WRITE" as const],
    };
    const tied: Finding[] = [
      buildFinding({ ...base, path: "b.ts", line: 1 }),
      buildFinding({ ...base, path: "a.ts", line: 9 }),
      buildFinding({ ...base, path: "a.ts", line: 2, column: 7 }),
      buildFinding({ ...base, path: "a.ts", line: 2, column: 3 }),
    ];
    const order = parse(renderSarif(tied, sampleContext())).runs[0]!.results!.map((r) => {
      const loc = r.locations![0]!.physicalLocation!;
      return `${loc.artifactLocation!.uri}:${loc.region!.startLine}:${loc.region!.startColumn}`;
    });
    expect(order).toEqual(["a.ts:2:3", "a.ts:2:7", "a.ts:9:1", "b.ts:1:1"]);
  });

  it("no secret, in any form, appears in any format", () => {
    for (const seed of [7, 8, 9]) {
      const { findings, secrets } = sampleFindings(seed);
      for (const format of ["sarif", "json", "table"] as const) {
        for (const color of [false, true]) {
          const out = renderReport(format, findings, sampleContext({ color }));
          for (const secret of secrets) {
            for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), secret.slice(0, 12), secret.slice(-12)]) {
              expect(out.includes(form), `${format} holds part of a secret`).toBe(false);
            }
          }
        }
      }
    }
  });

  it("shows at most 4 + 2 characters even when a finding's redacted form shows more", () => {
    const secret = makeSecrets(5).githubClassic;
    const leaky = { ...buildFinding({ detectorId: "github", rule: "classic-pat", provider: "GitHub", title: "GitHub classic personal access token", secret, path: "x.ts", capabilities: [] }), redacted: secret };
    for (const format of ["sarif", "json", "table"] as const) {
      const out = renderReport(format, [leaky], sampleContext());
      expect(out.includes(secret)).toBe(false);
      expect(out.includes(secret.slice(0, 5))).toBe(false);
      expect(out).toContain(`${secret.slice(0, 4)}…${secret.slice(-2)}`);
    }
  });
});
