/** Pieces every reporter shares: order, tiers, the secret's shown form, safe terminal text. */
import { redact } from "../redact.js";
import { CAPABILITIES, type Capability, type Finding, type Notice, type Tier } from "../types.js";

export const TIERS: readonly Tier[] = ["critical", "high", "medium", "low"];

/** Plain code-unit comparison: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Policy violations come right after the token finding they are about, not before it. */
function policyLast(finding: Finding): number {
  return finding.detectorId === "policy" ? 1 : 0;
}

/**
 * Descending score; ties broken by path, line, column, token before its policy violations, rule
 * and fingerprint, so that the same findings always come out in the same order whatever order
 * they came in.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    b.blastRadius.score - a.blastRadius.score ||
    compareText(a.path, b.path) ||
    a.line - b.line ||
    a.column - b.column ||
    policyLast(a) - policyLast(b) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

/**
 * Notices by path, kind and message: files are scanned in parallel and finish in any order, and a
 * report must not change with that order.
 */
export function sortNotices(notices: readonly Notice[]): Notice[] {
  return [...notices].sort((a, b) => compareText(a.path, b.path) || compareText(a.kind, b.kind) || compareText(a.message, b.message));
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Capabilities in the vocabulary's order, without duplicates. */
export function sortCapabilities(capabilities: readonly Capability[]): Capability[] {
  const has = new Set(capabilities);
  return CAPABILITIES.filter((c) => has.has(c));
}

export function countByTier(findings: readonly Finding[]): Record<Tier, number> {
  const counts: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.blastRadius.tier] += 1;
  return counts;
}

const SAFE_REDACTED = /^.{0,4}….{0,2}$/su;

/**
 * The secret as shown: at most its first 4 and last 2 characters. Findings already carry a
 * redacted form; this re-redacts anything that shows more, so a pipeline mistake cannot print a secret.
 */
export function shownSecret(finding: Pick<Finding, "redacted">): string {
  return SAFE_REDACTED.test(finding.redacted) ? finding.redacted : redact(finding.redacted);
}

/** Sorted copy of a count record, zero counts dropped. */
export function sortedCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => compareText(a, b));
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
