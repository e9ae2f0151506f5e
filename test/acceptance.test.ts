/**
 * Acceptance checks of issues 2 and 3 that found defects: each test below failed before its fix.
 * Real CLI processes over real files and git repositories; tokens are generated at test time.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detector as aws } from "../detectors/aws/index.js";
import { samples as privateKeySamples } from "../detectors/private-key/samples.js";
import { parseConfig } from "../src/config/load.js";
import { ConfigError } from "../src/errors.js";
import { ALPHABET, createRng } from "../src/detector-kit/index.js";
import { judgePlacement } from "../src/placement.js";
import { runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/temp.js";
import { githubToken } from "./support/tokens.js";

interface JsonFinding {
  ruleId: string;
  detectorId: string;
  path: string;
  line: number;
  encoding: string | null;
  summary: string;
  suppressed: { by: string } | null;
  blastRadius: { score: number; reasons: string[] };
}
interface JsonReport {
  findings: JsonFinding[];
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; fullDescription: { text: string }; help: { text: string } }[] } };
    invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: { ruleId: string; message: { text: string } }[];
    properties: Record<string, unknown>;
  }[];
}

const base64 = (text: string): string => Buffer.from(text).toString("base64");

describe("acceptance: SARIF", () => {
  it("gives byte-identical SARIF for the same input: no scan duration, notices in a fixed order", async () => {
    const rng = createRng(31);
    const files: Record<string, string> = { "src/a.ts": `const a = "${githubToken(31)}";\n` };
    const dir = tempDir(files);
    // Binary files finish on worker threads in any order; each one is a notice.
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `blob${i}.bin`), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(rng.chars(ALPHABET.base62, 4000 + i))]));
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runCli([dir, "--offline", "--format", "sarif", "--workers", "2"]));
    for (const run of runs) expect(run.stdout).toBe(runs[0]!.stdout);
    const log = JSON.parse(runs[0]!.stdout) as SarifLog;
    expect(log.runs[0]!.properties).not.toHaveProperty("durationMs");
    const texts = log.runs[0]!.invocations[0]!.toolExecutionNotifications!.map((n) => n.message.text);
    expect(texts).toHaveLength(40);
    expect(texts).toEqual([...texts].sort());
    // JSON keeps the duration.
    const json = JSON.parse((await runCli([dir, "--offline", "--format", "json"])).stdout) as { summary: { durationMs: unknown } };
    expect(typeof json.summary.durationMs).toBe("number");
  });

  it("describes a policy rule without naming one provider: its results may be of any provider", async () => {
    const dir = tempRepo({
      "web/a.ts": `const a = "${githubToken(32)}";\n`,
      "web/b.ts": `const b = "sk_live_${createRng(32).chars(ALPHABET.base62, 99)}";\n`,
      ".tokscan.yml": "policy:\n  - paths: ['web/**']\n    providers: []\n",
    });
    const log = JSON.parse((await runCli([dir, "--offline", "--format", "sarif"])).stdout) as SarifLog;
    const policyRules = log.runs[0]!.tool.driver.rules.filter((r) => r.id.startsWith("policy/token-in-unrelated-file/"));
    expect(policyRules).toHaveLength(1);
    const policyResults = log.runs[0]!.results.filter((r) => r.ruleId === policyRules[0]!.id);
    expect(policyResults).toHaveLength(2);
    expect(policyRules[0]!.fullDescription.text).not.toMatch(/\((GitHub|Stripe)\)/);
    expect(policyRules[0]!.help.text).toMatch(/placement policy in \.tokscan\.yml/);
    expect(policyRules[0]!.help.text).not.toMatch(/GitHub's|Stripe's/);
  });
});

describe("acceptance: hidden values", () => {
  it("says in the summary, the reasons and the SARIF message that a token was decoded", async () => {
    const hidden = githubToken(33);
    const url = githubToken(34);
    const dir = tempRepo({
      "k8s/app.yaml": `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  GITHUB_TOKEN: ${base64(hidden)}\n`,
      "web/callback.txt": `https://ci.example.test/hook?token=${encodeURIComponent(url).replace("_", "%5F")}\n`,
      "src/plain.ts": `const plain = "${githubToken(35)}";\n`,
    });
    const report = JSON.parse((await runCli([dir, "--offline", "--format", "json"])).stdout) as JsonReport;
    const byPath = (path: string): JsonFinding => report.findings.find((f) => f.path === path)!;
    expect(byPath("k8s/app.yaml").encoding).toBe("base64");
    expect(byPath("k8s/app.yaml").summary).toMatch(/; base64-encoded;/);
    expect(byPath("k8s/app.yaml").blastRadius.reasons.join("\n")).toMatch(/hidden base64-encoded: tokscan decoded it/);
    expect(byPath("web/callback.txt").summary).toMatch(/; URL-encoded;/);
    expect(byPath("src/plain.ts").summary).not.toMatch(/encoded|escaped/);
    const table = (await runCli([dir, "--offline"])).stdout;
    expect(table).toMatch(/base64-encoded/);
    const sarif = JSON.parse((await runCli([dir, "--offline", "--format", "sarif"])).stdout) as SarifLog;
    expect(sarif.runs[0]!.results.some((r) => /base64-encoded/.test(r.message.text))).toBe(true);
  });
});

describe("acceptance: suppression", () => {
  it("a tokscan:allow that ends a line of code covers that line, not the token on the next line", async () => {
    const dir = tempRepo({
      "src/a.ts": [
        `const allowed = "${githubToken(36)}"; // tokscan:allow`,
        `const next = "${githubToken(37)}";`,
        "// tokscan:allow test fixture",
        `const below = "${githubToken(38)}";`,
        "",
      ].join("\n"),
      "deploy/b.sh": `# tokscan:allow\nGITHUB_TOKEN=${githubToken(39)}\n`,
    });
    const run = await runCli([dir, "--offline", "--format", "json"]);
    expect(run.code).toBe(1);
    const state = Object.fromEntries((JSON.parse(run.stdout) as JsonReport).findings.map((f) => [`${f.path}:${f.line}`, f.suppressed?.by ?? "reported"]));
    expect(state).toEqual({ "src/a.ts:1": "comment", "src/a.ts:2": "reported", "src/a.ts:4": "comment", "deploy/b.sh:2": "comment" });
  });
});

describe("acceptance: command line", () => {
  it("prints a usage error on one line, with no escaped newline", async () => {
    const run = await runCli(["--format", "xml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("\\n");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/Invalid values: Argument: format, Given: "xml"/);
  });

  it("refuses a single-valued option given twice instead of passing a CI gate with it", async () => {
    const dir = tempDir({ "src/a.ts": `const a = "${githubToken(42)}";\n` });
    const once = await runCli([dir, "--offline", "--fail-on", "high"]);
    expect(once.code).toBe(1);
    // yargs makes a list of a repeated option: --fail-on matched no tier and the scan exited 0.
    const twice = await runCli([dir, "--offline", "--fail-on", "low", "--fail-on", "high"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--fail-on was given more than once/);
    const formats = await runCli([dir, "--offline", "--format", "json", "-f", "sarif"]);
    expect(formats.code).toBe(2);
    expect(formats.stderr).not.toMatch(/internal error/);
  });

  it("reports an --output it cannot write as a clear error, not an internal one", async () => {
    const dir = tempDir({ "a.txt": "nothing\n" });
    const run = await runCli([dir, "--offline", "--output", join(dir, "no", "such", "dir", "report.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output .*report\.json: cannot write the report \(ENOENT\)/);
    expect(run.stderr).not.toMatch(/internal error/);
  });
});

describe("acceptance: policy", () => {
  const errorOf = (text: string): string => {
    try {
      parseConfig(text, ".tokscan.yml");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return "no error";
  };

  it("rejects an unknown provider id and an empty paths list, naming the rule's line", () => {
    expect(errorOf("policy:\n  - paths: ['a/**']\n  - paths: ['scripts/**']\n    providers: [raliway]\n")).toMatch(
      /^\.tokscan\.yml:3: unknown provider "raliway" in "providers"/,
    );
    expect(errorOf("policy:\n  - paths: []\n    providers: [github]\n")).toMatch(/^\.tokscan\.yml:2: a policy rule needs "paths"/);
    expect(errorOf("policy:\n  - paths: ['scripts/**']\n    providers: [railway, github]\n")).toBe("no error");
  });

  it("quotes the policy line a violation breaks, and lists a token before its violations", async () => {
    const dir = tempRepo({
      "scripts/deploy.sh": `GITHUB_TOKEN=${githubToken(40)}\n`,
      ".tokscan.yml": "policy:\n  - paths: ['scripts/**']\n    providers: [railway]\n    capabilities: [DELETE_INFRA]\n",
    });
    const report = JSON.parse((await runCli([dir, "--offline", "--format", "json"], { cwd: dir })).stdout) as JsonReport;
    expect(report.findings.map((f) => f.ruleId)).toEqual(["github/classic-pat", "policy/overprivileged-token", "policy/token-in-unrelated-file"]);
    const [, overprivileged, unrelated] = report.findings;
    expect(unrelated!.summary).toContain(".tokscan.yml:3: providers: [railway]");
    expect(overprivileged!.summary).toContain(".tokscan.yml:4: capabilities: [DELETE_INFRA]");
  });
});

describe("acceptance: wording", () => {
  it("names a private key by its class once, not 'Private key RSA private key'", async () => {
    const pkcs8 = privateKeySamples.positive(createRng(41)).find((s) => s.rule === "pkcs8" && s.content !== undefined)!;
    const dir = tempRepo({ [pkcs8.path ?? "deploy/key.txt"]: pkcs8.content! });
    const report = JSON.parse((await runCli([dir, "--offline", "--format", "json"])).stdout) as JsonReport;
    const finding = report.findings.find((f) => f.ruleId === "private-key/pkcs8")!;
    expect(finding.summary).not.toMatch(/Private key \w+ private key/i);
    expect(finding.summary).toMatch(/^Unchecked \w+ private key/);
  });

  it("writes 'an AWS config file'", () => {
    expect(judgePlacement({ path: "infra/main.tf", detector: aws, relatedContent: false })).toEqual({ related: true, reason: "infra/main.tf is an AWS config file" });
  });
});
