import { describe, expect, it } from "vitest";
import { buildJsonReport, printable, renderReport, renderTable, REPORT_FORMATS, type JsonReport } from "../src/report/index.js";
import { displayWidth, formatBytes } from "../src/report/table.js";
import { buildFinding, makeSecrets, sampleContext, sampleFindings } from "./support/report-findings.js";

const ANSI = /\u001b\[[0-9;]*m/;
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "");

describe("JSON report", () => {
  const { findings } = sampleFindings();
  const text = renderReport("json", findings, sampleContext());
  const report = JSON.parse(text) as JsonReport;

  it("is one JSON document with the documented top-level shape", () => {
    expect(Object.keys(report)).toEqual(["schemaVersion", "tool", "roots", "offline", "summary", "findings", "notices"]);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: "tokscan", version: "0.1.0" });
    expect(report.roots).toEqual(["."]);
    expect(report.offline).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(buildJsonReport(findings, sampleContext())).toEqual(report);
  });

  it("counts reported findings by tier, suppressed ones and skipped files", () => {
    expect(report.summary).toEqual({
      reported: 7,
      byTier: { critical: 2, high: 1, medium: 2, low: 2 },
      suppressed: 2,
      filesScanned: 120,
      bytesScanned: 1_234_567,
      skipped: { binary: 2, "too-large": 1 },
      skippedFiles: 3,
      durationMs: 1_450,
    });
  });

  it("holds every finding, suppressed ones marked, in descending score", () => {
    expect(report.findings).toHaveLength(findings.length);
    const scores = report.findings.map((f) => f.blastRadius.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const suppressed = report.findings.filter((f) => f.suppressed !== null).map((f) => f.suppressed);
    expect(suppressed).toEqual(expect.arrayContaining([{ by: "comment", reason: null }, { by: "config", reason: "rotated in INC-42" }]));
    expect(suppressed).toHaveLength(2);
  });

  it("gives every finding the same keys, absent values as null", () => {
    const keys = Object.keys(report.findings[0]!);
    expect(keys).toEqual([
      "ruleId", "sarifRuleId", "detectorId", "provider", "tokenType", "title", "path", "line", "column", "endLine", "endColumn",
      "redacted", "fingerprint", "confidence", "encoding", "evidence", "exposure", "placement", "liveness", "capabilities",
      "blastRadius", "summary", "inference", "introspection", "suppressed",
    ]);
    for (const f of report.findings) expect(Object.keys(f)).toEqual(keys);
    const railway = report.findings[0]!;
    expect(railway).toMatchObject({
      ruleId: "railway/api-token",
      sarifRuleId: "railway/api-token/critical",
      liveness: "live",
      encoding: null,
      evidence: null,
      introspection: { owner: "dev@acme.test", account: "acme", resources: ["volume pg-data in environment production"], reason: null },
    });
    expect(railway.blastRadius.reasons[0]).toBe("live Railway account token; admin of workspace acme");
    const unchecked = report.findings.find((f) => f.ruleId === "openai/project-key")!;
    expect(unchecked.introspection).toBeNull();
    expect(report.findings.find((f) => f.encoding !== null)!.encoding).toBe("base64");
  });

  it("lists capabilities in the vocabulary's order whatever order they came in", () => {
    const f = buildFinding({
      detectorId: "x",
      rule: "y",
      provider: "X",
      title: "X token",
      secret: makeSecrets(2).password,
      path: "a.ts",
      capabilities: ["SPEND", "ACCOUNT_WIDE", "DELETE_DATA", "SPEND"],
    });
    const json = buildJsonReport([f], sampleContext());
    expect(json.findings[0]!.capabilities).toEqual(["ACCOUNT_WIDE", "DELETE_DATA", "SPEND"]);
  });

  it("an empty scan is still a complete document", () => {
    const empty = JSON.parse(renderReport("json", [], sampleContext({ notices: [] }))) as JsonReport;
    expect(empty.findings).toEqual([]);
    expect(empty.notices).toEqual([]);
    expect(empty.summary.reported).toBe(0);
    expect(empty.summary.byTier).toEqual({ critical: 0, high: 0, medium: 0, low: 0 });
  });
});

describe("table report", () => {
  const { findings } = sampleFindings();

  it("has no colour unless asked, and colours tiers when asked", () => {
    const plain = renderTable(findings, sampleContext({ color: false }));
    const coloured = renderTable(findings, sampleContext({ color: true }));
    expect(ANSI.test(plain)).toBe(false);
    expect(coloured).toContain("\u001b[1;31mCRITICAL\u001b[0m");
    expect(coloured).toContain("\u001b[33mMEDIUM\u001b[0m");
    expect(stripAnsi(coloured)).toBe(plain);
    expect(ANSI.test(renderTable(findings, sampleContext()))).toBe(false);
  });

  it("ranks findings by score with the redacted secret, file:line, provider, token type, tier, liveness and why", () => {
    const lines = renderTable(findings, sampleContext()).split("\n");
    expect(lines[0]).toMatch(/^TIER\s+SCORE\s+SECRET\s+LOCATION\s+PROVIDER\s+TOKEN\s+LIVENESS$/);
    const railway = findings.find((f) => f.ruleId === "railway/api-token")!;
    expect(lines[1]).toMatch(
      new RegExp(`^CRITICAL\\s+10\\.0\\s+${railway.redacted}\\s+scripts/custom-domains\\.sh:3\\s+Railway\\s+Railway API token\\s+live$`),
    );
    expect(lines[2]!.trim()).toBe(railway.summary);
    const tiers = lines.filter((l) => /^(CRITICAL|HIGH|MEDIUM|LOW) /.test(l)).map((l) => l.split(" ")[0]);
    expect(tiers).toEqual(["CRITICAL", "CRITICAL", "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW"]);
  });

  it("leaves suppressed findings out of the rows and counts them in the summary line", () => {
    const text = renderTable(findings, sampleContext());
    for (const f of findings.filter((x) => x.suppressed)) expect(text).not.toContain(f.redacted);
    const summary = text.trimEnd().split("\n").pop();
    expect(summary).toBe(
      "7 findings: 2 critical, 1 high, 2 medium, 2 low · 2 suppressed · 3 files skipped (2 binary, 1 too-large) · 120 files (1.2 MB) scanned in 1.4 s · offline: providers not asked",
    );
  });

  it("says so when nothing was found", () => {
    const text = renderTable([], sampleContext({ offline: false, summary: { filesScanned: 1, bytesScanned: 10, skipped: {}, durationMs: 20 } }));
    expect(text).toBe("No findings · 1 file (10 B) scanned in 0.0 s\n");
  });

  it("escapes control characters and bidi overrides so a file name cannot drive the terminal", () => {
    const f = buildFinding({
      detectorId: "x",
      rule: "y",
      provider: "X\u001b[2J",
      title: "X token",
      secret: makeSecrets(4).password,
      path: "evil\u001b]0;pwned\u0007/na\u202eme\n.ts",
      capabilities: [],
    });
    const text = renderTable([f], sampleContext({ color: false }));
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(text).toContain("evil\\x1b]0;pwned\\x07/na\\u202eme\\n.ts:1");
    expect(printable("a\tb\r")).toBe("a\\tb\\r");
  });

  it("aligns columns by terminal width for wide characters", () => {
    expect(displayWidth("日本語 🔑.ts")).toBe(12);
    expect(displayWidth("ünïcödé")).toBe(7);
    expect(displayWidth("e\u0301")).toBe(1);
    const lines = renderTable(findings, sampleContext()).split("\n").filter((l) => /^(CRITICAL|HIGH|MEDIUM) /.test(l));
    const providerColumn = lines.map((l) => displayWidth(l.slice(0, l.search(/ (GitHub|OpenAI|Railway) /))));
    expect(new Set(providerColumn).size).toBe(1);
  });

  it("formats sizes in SI units", () => {
    expect([formatBytes(999), formatBytes(1000), formatBytes(1_234_567), formatBytes(5e9)]).toEqual(["999 B", "1.0 kB", "1.2 MB", "5.0 GB"]);
  });
});

describe("renderReport", () => {
  it("renders each format, all ending with a newline", () => {
    const { findings } = sampleFindings();
    expect(REPORT_FORMATS).toEqual(["table", "json", "sarif"]);
    for (const format of REPORT_FORMATS) {
      const out = renderReport(format, findings, sampleContext());
      expect(out.endsWith("\n")).toBe(true);
    }
    expect(JSON.parse(renderReport("sarif", findings, sampleContext())).version).toBe("2.1.0");
    expect(JSON.parse(renderReport("json", findings, sampleContext())).schemaVersion).toBe(1);
    expect(renderReport("table", findings, sampleContext())).toMatch(/^TIER/);
  });
});
