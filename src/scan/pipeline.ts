/**
 * One scan, end to end: walk the roots, scan every file (in worker threads), drop suppressed
 * and non-secret matches, ask providers about each distinct token (unless offline), judge
 * placement and policy, score, and return findings that hold no secret.
 */
import { relative, resolve, sep } from "node:path";
import type { TokscanConfig } from "../config/load.js";
import { fingerprintOf, tokenKey } from "../fingerprint.js";
import { introspectAll } from "../introspect/run.js";
import { judgePlacement } from "../placement.js";
import { evaluatePolicy, type PolicyViolation } from "../policy/policy.js";
import { elideSecretPieces, redact, secretPieces } from "../redact.js";
import { detectors } from "../registry.js";
import { chooseCapabilities, scoreFinding, summaryLine } from "../score/blast-radius.js";
import { suppressionFor } from "../suppress.js";
import type { Capability, Detector, FileScanResult, Finding, Inference, Introspection, Notice, RawMatch, TokenRule } from "../types.js";
import { walk } from "../walk/walker.js";
import { scanEntries } from "./worker-pool.js";
import { compareFindings } from "../report/common.js";

export interface ScanOptions {
  roots: string[];
  includeIgnored: boolean;
  maxFileSize: number;
  offline: boolean;
  /** Provider id -> base URL, from --endpoint and TOKSCAN_ENDPOINT_* only. */
  endpoints: Map<string, string>;
  allowExchange: boolean;
  timeoutMs: number;
  config: TokscanConfig;
  /** Worker threads; 0 scans in-process. Default: the machine's parallelism. */
  workers?: number;
  onNotice?(notice: Notice): void;
  onProgress?(progress: ScanProgress): void;
}

export interface ScanProgress {
  files: number;
  bytes: number;
}

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  /** Skipped files by notice kind (binary, too-large, unreadable...). */
  skipped: Record<string, number>;
  suppressed: number;
  durationMs: number;
}

export interface ScanOutcome {
  findings: Finding[];
  notices: Notice[];
  stats: ScanStats;
  /** Candidates dropped by filters, for --debug (no secrets). */
  dropped: { path: string; line: number; ruleId: string; reason: string }[];
}

interface Candidate {
  match: RawMatch;
  detector: Detector;
  rule: TokenRule;
  path: string;
  file: FileScanResult;
  fingerprint: string;
  key: string;
  inference: Inference;
}

/** Every rule by its full id (`github/classic-pat`), built once. */
const RULES_BY_ID = new Map<string, { detector: Detector; rule: TokenRule }>(
  detectors.flatMap((detector) => detector.rules.map((rule) => [`${detector.id}/${rule.id}`, { detector, rule }] as const)),
);

export async function runScan(options: ScanOptions): Promise<ScanOutcome> {
  const started = Date.now();
  const notices: Notice[] = [];
  const notice = (n: Notice): void => {
    notices.push(n);
    options.onNotice?.(n);
  };
  const roots = options.roots.map((r) => resolve(r));
  const stats: ScanStats = { filesScanned: 0, bytesScanned: 0, skipped: {}, suppressed: 0, durationMs: 0 };
  const dropped: ScanOutcome["dropped"] = [];
  const candidates: Candidate[] = [];

  const entries = walk(roots, {
    includeIgnored: options.includeIgnored,
    maxFileSize: options.maxFileSize,
    exclude: options.config.exclude,
    onNotice: notice,
  });
  for await (const file of scanEntries(entries, {
    workers: options.workers,
    fileOptions: { maxFileSize: options.maxFileSize },
  })) {
    for (const n of file.notices) notice(n);
    if (file.skipped) {
      const kind = file.notices[0]?.kind ?? "other";
      stats.skipped[kind] = (stats.skipped[kind] ?? 0) + 1;
    } else {
      stats.filesScanned++;
    }
    stats.bytesScanned += file.bytesScanned;
    options.onProgress?.({ files: stats.filesScanned, bytes: stats.bytesScanned });
    const path = displayPath(roots, file.entry.root, file.entry.relPath);
    for (const d of file.dropped) dropped.push({ path, ...d });
    for (const match of file.matches) {
      const known = RULES_BY_ID.get(match.ruleId);
      if (!known) continue;
      const { detector, rule } = known;
      candidates.push({
        match,
        detector,
        rule,
        path,
        file,
        fingerprint: fingerprintOf(match.ruleId, path, match.secret),
        key: tokenKey(detector.id, match.secret),
        inference: inferenceOf(rule, match.secret),
      });
    }
  }

  const introspections = await introspectAll(
    distinctTokens(candidates),
    {
      offline: options.offline,
      endpoints: options.endpoints,
      timeoutMs: options.timeoutMs,
      allowExchange: options.allowExchange,
      onNotice: notice,
    },
  );

  // A secret may also sit in a file name (keys/<token>.env): no path is shown with it.
  const pieces = secretPieces(candidates.map((c) => c.match.secret));
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const finding = toFinding({ ...candidate, path: elideSecretPieces(candidate.path, pieces) }, introspections.get(candidate.key), options.config);
    if (finding.suppressed) stats.suppressed++;
    findings.push(finding);
    if (!finding.suppressed) findings.push(...policyFindings(finding, options.config));
  }
  findings.sort(compareFindings);
  stats.durationMs = Date.now() - started;
  return { findings, notices, stats, dropped };
}

/** Relative POSIX path; with several roots, relative to the working directory. */
function displayPath(roots: string[], root: string, relPath: string): string {
  if (roots.length === 1) return relPath;
  const base = relative(process.cwd(), root).split(sep).join("/");
  return base && !base.startsWith("..") ? `${base}/${relPath}` : `${root.split(sep).join("/")}/${relPath}`;
}

function inferenceOf(rule: TokenRule, secret: string): Inference {
  const inferred = rule.infer?.(secret);
  const base: Inference = inferred ?? { capabilities: [...rule.capabilities], notes: [] };
  const capabilities = new Set<Capability>(base.capabilities);
  if (rule.testMode) capabilities.add("TEST_MODE");
  return { lifetime: rule.lifetime, ...base, capabilities: [...capabilities] };
}

/** The nearest other secrets of the same provider in a file, enough to pair two-part credentials. */
const MAX_COMPANIONS = 8;

/** One introspection request per distinct token, with nearby secrets of its file as companions. */
function distinctTokens(candidates: Candidate[]) {
  const byKey = new Map<string, Candidate>();
  for (const c of candidates) if (!byKey.has(c.key)) byKey.set(c.key, c);
  // Same-provider matches per file, in file order: neighbours are found by index, not by a scan
  // of the whole file per token (a file with thousands of tokens must stay linear).
  const perFile = new Map<FileScanResult, Map<string, RawMatch[]>>();
  const sameProvider = (c: Candidate): RawMatch[] => {
    let byDetector = perFile.get(c.file);
    if (!byDetector) {
      byDetector = new Map();
      for (const m of c.file.matches) {
        const list = byDetector.get(m.detectorId) ?? [];
        list.push(m);
        byDetector.set(m.detectorId, list);
      }
      perFile.set(c.file, byDetector);
    }
    return byDetector.get(c.detector.id) ?? [];
  };
  return [...byKey.values()].map((c) => ({
    key: c.key,
    detector: c.detector,
    token: {
      ruleId: c.rule.id,
      secret: c.match.secret,
      inference: c.inference,
      evidence: c.match.evidence,
      identifiers: c.file.identifiers?.[c.detector.id],
      companions: nearest(sameProvider(c), c.match).map((m) => ({ ruleId: m.ruleId.slice(m.ruleId.indexOf("/") + 1), secret: m.secret })),
    },
  }));
}

function nearest(matches: RawMatch[], match: RawMatch): RawMatch[] {
  const at = matches.indexOf(match);
  const picked: RawMatch[] = [];
  const seen = new Set([match.secret]);
  for (let distance = 1; picked.length < MAX_COMPANIONS && (at - distance >= 0 || at + distance < matches.length); distance++) {
    for (const neighbour of [matches[at - distance], matches[at + distance]]) {
      if (neighbour && !seen.has(neighbour.secret) && picked.length < MAX_COMPANIONS) {
        seen.add(neighbour.secret);
        picked.push(neighbour);
      }
    }
  }
  return picked;
}

function toFinding(c: Candidate, introspection: Introspection | undefined, config: TokscanConfig): Finding {
  const liveness = introspection?.liveness ?? "unchecked";
  const capabilities = new Set<Capability>(chooseCapabilities(c.inference.capabilities, introspection));
  if (c.rule.testMode) capabilities.add("TEST_MODE");
  const placement = judgePlacement({ path: c.path, detector: c.detector, relatedContent: c.file.relatedContent.includes(c.detector.id) });
  const base = {
    ruleId: c.match.ruleId,
    detectorId: c.detector.id,
    provider: c.detector.name,
    tokenType: c.rule.id,
    title: c.rule.title,
    path: c.path,
    line: c.match.line,
    column: c.match.column,
    endLine: c.match.endLine,
    endColumn: c.match.endColumn,
    redacted: redact(c.match.secret),
    fingerprint: c.fingerprint,
    confidence: c.rule.confidence,
    encoding: c.match.encoding,
    evidence: c.match.evidence,
    exposure: c.file.entry.exposure,
    placement,
    inference: c.inference,
    liveness,
    introspection,
    capabilities: [...capabilities].sort(),
  };
  const blastRadius = scoreFinding({
    provider: c.detector.name,
    title: c.rule.title,
    tokenClass: introspection?.tokenClass ?? c.inference.tokenClass,
    capabilities: base.capabilities,
    liveness,
    introspection,
    inference: c.inference,
    exposure: base.exposure,
    placement,
    path: c.path,
    confidence: c.rule.confidence,
    testMode: c.rule.testMode === true,
    lifetime: c.rule.lifetime,
    encoding: c.match.encoding,
  });
  const finding: Finding = { ...base, blastRadius, summary: "" };
  finding.summary = summaryLine(finding);
  const suppressed = suppressionFor(c.match, c.fingerprint, config.allow);
  if (suppressed) finding.suppressed = suppressed;
  return finding;
}

const VIOLATION_TITLES: Record<PolicyViolation["kind"], string> = {
  "token-in-unrelated-file": "Token of a provider not allowed in this path",
  "overprivileged-token": "Token broader than the policy allows here",
  "production-token-in-non-production-path": "Production token in a non-production path",
};

function policyFindings(finding: Finding, config: TokscanConfig): Finding[] {
  if (config.policy.length === 0) return [];
  const environments = finding.introspection?.resources?.flatMap((r) =>
    [...r.matchAll(/environment ([\w.-]{1,64})/g)].map((m) => m[1]!),
  );
  const violations = evaluatePolicy(
    {
      path: finding.path,
      detectorId: finding.detectorId,
      provider: finding.provider,
      capabilities: finding.capabilities,
      scopes: finding.liveness === "live" ? finding.introspection?.scopes : undefined,
      environments,
    },
    config.policy,
  );
  return violations.map((v) => ({
    ...finding,
    ruleId: `policy/${v.kind}`,
    detectorId: "policy",
    tokenType: v.kind,
    title: VIOLATION_TITLES[v.kind],
    fingerprint: fingerprintOf(`policy/${v.kind}`, finding.path, finding.fingerprint),
    summary: `${v.message}: ${finding.provider} ${finding.redacted}`,
    blastRadius: { ...finding.blastRadius, reasons: [v.message, ...finding.blastRadius.reasons] },
  }));
}
