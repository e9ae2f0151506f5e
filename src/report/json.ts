/**
 * JSON output: one document with every finding (suppressed ones included, and marked), the scan
 * summary and the notices. The shape below is the contract (docs/json-output.md); fields are only
 * added within a schemaVersion, never renamed or removed. No field ever holds a full secret.
 */
import type { Capability, Confidence, Encoding, Exposure, Finding, Lifetime, Liveness, Notice, Tier } from "../types.js";
import { countByTier, shownSecret, sortCapabilities, sortedCounts, sortFindings, sortNotices } from "./common.js";
import type { ReportContext } from "./context.js";
import { sarifRuleId } from "./sarif.js";

/** The whole JSON document. */
export interface JsonReport {
  /** 1 for this shape. */
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** The scan roots as the user gave them. */
  roots: string[];
  /** True when provider queries were off: every liveness is "unchecked". */
  offline: boolean;
  summary: JsonSummary;
  /** Every finding, suppressed ones included, in descending score (ties: path, line, column, token before its policy violations, rule, fingerprint). */
  findings: JsonFinding[];
  /** Files skipped or partly read, settings and providers that need attention: one line each, by path, kind and message. */
  notices: Notice[];
}

export interface JsonSummary {
  /** Findings not suppressed (the `findings` array also holds the suppressed ones). */
  reported: number;
  /** Findings not suppressed, by tier. */
  byTier: Record<Tier, number>;
  /** Findings suppressed by a `tokscan:allow` comment or a config ignore. */
  suppressed: number;
  filesScanned: number;
  bytesScanned: number;
  /** Files skipped entirely, by reason (notice kind); reasons with no files are left out. */
  skipped: Record<string, number>;
  /** Sum of `skipped`. */
  skippedFiles: number;
  durationMs: number;
}

export interface JsonFinding {
  /** `<detector>/<rule>`, e.g. "github/classic-pat". */
  ruleId: string;
  /** The SARIF rule of this finding: `<detector>/<rule>/<tier>`. */
  sarifRuleId: string;
  detectorId: string;
  /** Provider display name: "GitHub". */
  provider: string;
  tokenType: string;
  /** The rule's title: "GitHub classic personal access token". */
  title: string;
  /** Relative POSIX path from the scan root (prefixed with the root when there are several). */
  path: string;
  /** 1-based; columns count UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  /** The column just after the secret. */
  endColumn: number;
  /** At most the first 4 and last 2 characters: "ghp_…x2" ("…" alone for short secrets). */
  redacted: string;
  /** Content-keyed fingerprint: the same secret keeps it when lines move. Use it in config ignores. */
  fingerprint: string;
  confidence: Confidence;
  /** How the secret was hidden, or null when it was in plain text. */
  encoding: Encoding | null;
  /** Provider evidence for prefix-less formats (a variable name), or null. */
  evidence: string | null;
  exposure: Exposure;
  placement: { related: boolean; reason: string };
  liveness: Liveness;
  /** The capabilities scored (the provider's answer, or the worst case of the type). */
  capabilities: Capability[];
  blastRadius: { score: number; tier: Tier; reasons: string[] };
  /** One line: why it matters. */
  summary: string;
  /** What the token string alone tells. */
  inference: {
    tokenClass: string | null;
    /** Worst case the type allows. */
    capabilities: Capability[];
    lifetime: Lifetime | null;
    expiresAt: string | null;
    account: string | null;
    notes: string[];
  };
  /** What the provider said, or null when it was not asked. */
  introspection: {
    liveness: Liveness;
    reason: string | null;
    owner: string | null;
    account: string | null;
    tokenClass: string | null;
    scopes: string[];
    capabilities: Capability[] | null;
    resources: string[];
    expiresAt: string | null;
    facts: string[];
  } | null;
  /** How it was suppressed, or null when it is reported. */
  suppressed: { by: "comment" | "config"; reason: string | null } | null;
}

function jsonFinding(f: Finding): JsonFinding {
  const i = f.introspection;
  return {
    ruleId: f.ruleId,
    sarifRuleId: sarifRuleId(f),
    detectorId: f.detectorId,
    provider: f.provider,
    tokenType: f.tokenType,
    title: f.title,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    redacted: shownSecret(f),
    fingerprint: f.fingerprint,
    confidence: f.confidence,
    encoding: f.encoding ?? null,
    evidence: f.evidence ?? null,
    exposure: f.exposure,
    placement: { related: f.placement.related, reason: f.placement.reason },
    liveness: f.liveness,
    capabilities: sortCapabilities(f.capabilities),
    blastRadius: { score: f.blastRadius.score, tier: f.blastRadius.tier, reasons: [...f.blastRadius.reasons] },
    summary: f.summary,
    inference: {
      tokenClass: f.inference.tokenClass ?? null,
      capabilities: sortCapabilities(f.inference.capabilities),
      lifetime: f.inference.lifetime ?? null,
      expiresAt: f.inference.expiresAt ?? null,
      account: f.inference.account ?? null,
      notes: [...f.inference.notes],
    },
    introspection: i
      ? {
          liveness: i.liveness,
          reason: i.reason ?? null,
          owner: i.owner ?? null,
          account: i.account ?? null,
          tokenClass: i.tokenClass ?? null,
          scopes: [...(i.scopes ?? [])],
          capabilities: i.capabilities ? sortCapabilities(i.capabilities) : null,
          resources: [...(i.resources ?? [])],
          expiresAt: i.expiresAt ?? null,
          facts: [...(i.facts ?? [])],
        }
      : null,
    suppressed: f.suppressed ? { by: f.suppressed.by, reason: f.suppressed.reason ?? null } : null,
  };
}

export function buildJsonReport(findings: readonly Finding[], context: ReportContext): JsonReport {
  const sorted = sortFindings(findings);
  const reported = sorted.filter((f) => !f.suppressed);
  const skipped = Object.fromEntries(sortedCounts(context.summary.skipped));
  return {
    schemaVersion: 1,
    tool: { name: context.tool.name ?? "tokscan", version: context.tool.version },
    roots: [...context.roots],
    offline: context.offline,
    summary: {
      reported: reported.length,
      byTier: countByTier(reported),
      suppressed: sorted.length - reported.length,
      filesScanned: context.summary.filesScanned,
      bytesScanned: context.summary.bytesScanned,
      skipped,
      skippedFiles: Object.values(skipped).reduce((a, b) => a + b, 0),
      durationMs: context.summary.durationMs ?? 0,
    },
    findings: sorted.map(jsonFinding),
    notices: sortNotices(context.notices).map((n) => ({ path: n.path, kind: n.kind, message: n.message })),
  };
}

export function renderJson(findings: readonly Finding[], context: ReportContext): string {
  return `${JSON.stringify(buildJsonReport(findings, context), null, 2)}\n`;
}
