/**
 * SARIF 2.1.0 for GitHub code scanning (docs: "SARIF support for code scanning"), checked by
 * Microsoft's validator with GitHub's rules in test/sarif.test.ts.
 *
 * Rule ids carry the tier: `<detector>/<rule>/<tier>`, e.g. `github/classic-pat/critical`.
 * GitHub takes an alert's severity from its rule's `security-severity`, not from the result, so
 * every result of one SARIF rule must share a tier; one rule per token type and tier does that.
 * The cost: when a token's score crosses a tier boundary (it was found live, or revoked), its alert
 * moves to another rule, so GitHub closes the old alert and opens a new one.
 *
 * Output is a pure function of its input: results in descending score with fixed tie-breaks, rules
 * sorted by id and listed only for results present, notices sorted, keys in a fixed order. The CLI
 * passes no duration, so the same scan gives byte-identical SARIF.
 */
import type * as Sarif from "sarif";
import { detectors as registeredDetectors } from "../registry.js";
import { capitalize } from "../score/reasons.js";
import type { Confidence, Detector, Finding, Tier } from "../types.js";
import { plural, shownSecret, sortCapabilities, sortedCounts, sortFindings, sortNotices, TIERS } from "./common.js";
import { TOOL_INFORMATION_URI, type ReportContext } from "./context.js";

/** Base id for the scanned root; GitHub resolves relative URIs against the repository root. */
export const SRCROOT = "%SRCROOT%";

/** The partialFingerprints key of tokscan's content-keyed fingerprint. */
export const FINGERPRINT_KEY = "tokscan/v1";

/**
 * The `security-severity` of each tier's rules: inside GitHub's bands (critical over 9.0, high
 * 7.0–8.9, medium 4.0–6.9, low 0.1–3.9), away from the edges.
 */
export const TIER_SECURITY_SEVERITY: Record<Tier, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "2.0",
};

const TIER_RANGE: Record<Tier, string> = {
  critical: "9.0 to 10.0",
  high: "7.0 to 8.9",
  medium: "4.0 to 6.9",
  low: "0.0 to 3.9",
};

export const TIER_LEVEL: Record<Tier, Sarif.ReportingConfiguration.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

const PRECISION: Record<Confidence, string> = { high: "high", medium: "medium", low: "low" };

export function sarifRuleId(finding: Pick<Finding, "ruleId" | "blastRadius">): string {
  return `${finding.ruleId}/${finding.blastRadius.tier}`;
}

/** A relative POSIX path as a URI reference: each segment percent-encoded (spaces, #, %, unicode). */
export function pathToUri(path: string): string {
  return path.split("/").map((segment) => encodeURIComponent(wellFormed(segment))).join("/");
}

/** Lone UTF-16 surrogates (from non-UTF-8 file names) become U+FFFD; encodeURIComponent throws on them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** "GitHub classic personal access token" + critical → "GitHubClassicPersonalAccessTokenCritical". */
function ruleName(title: string, tier: Tier): string {
  const words = `${title} ${tier}`.split(/[^0-9A-Za-z]+/).filter((w) => w.length > 0);
  return words.map(capitalize).join("");
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.;:,]+$/, "");
  return `${capitalize(trimmed)}.`;
}

function isAbsoluteUrl(text: string): boolean {
  return /^https?:\/\/[^\s]+$/.test(text);
}

/** Markdown for a value that is either a URL or a sentence. */
function linkOrText(text: string): string {
  return isAbsoluteUrl(text) ? `<${text}>` : text;
}

/** Policy rules (`policy/<violation>`) hold tokens of any provider: their text names none. */
const POLICY_DETECTOR_ID = "policy";
const POLICY_REVOKE =
  "Revoke or rotate the token with its provider (each result names the provider and the token), then check the provider's audit log for use you did not expect.";
const POLICY_NARROWER =
  "Move the token out of this path, or replace it with one as narrow as the .tokscan.yml rule quoted in the result allows. If the policy itself is wrong, change .tokscan.yml.";

function ruleDescriptor(finding: Finding, detector: Detector | undefined): Sarif.ReportingDescriptor {
  const tier = finding.blastRadius.tier;
  const isPolicy = finding.detectorId === POLICY_DETECTOR_ID;
  const provider = detector?.name || finding.provider;
  const revoke =
    detector?.remediation.revoke ||
    (isPolicy
      ? POLICY_REVOKE
      : `Revoke or rotate it in ${provider}'s dashboard or settings, then check ${provider}'s audit log for use you did not expect.`);
  const narrower =
    detector?.remediation.narrower ||
    (isPolicy
      ? POLICY_NARROWER
      : "Create a replacement with only the scopes, resources and lifetime the job needs, and keep it in a secret store rather than a file.");
  const docsUrl = detector?.docsUrl && isAbsoluteUrl(detector.docsUrl) ? detector.docsUrl : undefined;
  const subject = isPolicy ? `${finding.title}: a violation of the placement policy in .tokscan.yml` : `${finding.title} (${provider})`;
  const what = `${subject}. Results of this rule scored ${tier} (${TIER_RANGE[tier]}) on tokscan's blast-radius scale.`;
  const why =
    "A token in a file is readable by anyone and anything that can read the file: collaborators, CI logs, forks, and AI agents on the machine. Removing it from the file does not un-leak it; revoke it.";
  const splitNote = `tokscan reports each token type as one rule per tier (this one: ${sarifRuleId(finding)}) so that GitHub shows each alert at its own severity.`;
  const text = [
    what,
    why,
    `Revoke it: ${revoke}`,
    `Replace it with a narrower one: ${narrower}`,
    ...(docsUrl ? [`Token formats: ${docsUrl}`] : []),
    splitNote,
  ].join("\n\n");
  const markdown = [
    `**${finding.title}**${isPolicy ? ": a violation of the placement policy in `.tokscan.yml`" : ` (${provider})`}. Results of this rule scored **${tier}** (${TIER_RANGE[tier]}) on tokscan's blast-radius scale.`,
    why,
    `**Revoke it:** ${linkOrText(revoke)}`,
    `**Replace it with a narrower one:** ${linkOrText(narrower)}`,
    ...(docsUrl ? [`**Token formats:** <${docsUrl}>`] : []),
    splitNote.replace(sarifRuleId(finding), `\`${sarifRuleId(finding)}\``),
  ].join("\n\n");
  return {
    id: sarifRuleId(finding),
    name: ruleName(finding.title, tier),
    shortDescription: { text: truncate(`${finding.title} (${tier} blast radius).`, 1024) },
    fullDescription: { text: truncate(`${what} ${why}`, 1024) },
    defaultConfiguration: { level: TIER_LEVEL[tier] },
    help: { text, markdown },
    ...(docsUrl ? { helpUri: docsUrl } : {}),
    properties: {
      tags: ["security", "secret", finding.detectorId],
      precision: PRECISION[finding.confidence],
      "security-severity": TIER_SECURITY_SEVERITY[tier],
    },
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function resultOf(finding: Finding, ruleIndex: number): Sarif.Result {
  const { score, tier, reasons } = finding.blastRadius;
  const message =
    `${sentence(`${finding.summary} (${shownSecret(finding)})`)} ` +
    sentence(`Blast radius ${score.toFixed(1)} of 10, ${tier}: ${reasons.join("; ")}`);
  const result: Sarif.Result = {
    ruleId: sarifRuleId(finding),
    ruleIndex,
    level: TIER_LEVEL[tier],
    message: { text: message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(finding.path), uriBaseId: SRCROOT },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    rank: Math.round(score * 10),
  };
  if (finding.suppressed) {
    result.suppressions = [
      {
        kind: finding.suppressed.by === "comment" ? "inSource" : "external",
        status: "accepted",
        ...(finding.suppressed.reason ? { justification: finding.suppressed.reason } : {}),
      },
    ];
  }
  result.properties = {
    provider: finding.provider,
    tokenType: finding.tokenType,
    liveness: finding.liveness,
    capabilities: sortCapabilities(finding.capabilities),
    blastRadius: { score, tier },
    placement: { related: finding.placement.related, reason: finding.placement.reason },
    exposure: finding.exposure,
    reasons: [...reasons],
    ...(finding.encoding ? { encoding: finding.encoding } : {}),
  };
  return result;
}

/** GitHub rejects a run with more results than this; the highest-ranked ones are kept. */
export const MAX_SARIF_RESULTS = 25_000;

export function renderSarif(findings: readonly Finding[], context: ReportContext): string {
  const included = context.omitSuppressedFromSarif ? findings.filter((f) => !f.suppressed) : findings;
  const ranked = sortFindings(included);
  const sorted = ranked.slice(0, MAX_SARIF_RESULTS);
  const leftOut = ranked.length - sorted.length;
  const byDetector = new Map((context.detectors ?? registeredDetectors).map((d) => [d.id, d]));

  const firstOfRule = new Map<string, Finding>();
  for (const f of sorted) if (!firstOfRule.has(sarifRuleId(f))) firstOfRule.set(sarifRuleId(f), f);
  const ruleIds = [...firstOfRule.keys()].sort(compareRuleIds);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const f = firstOfRule.get(id)!;
    return ruleDescriptor(f, byDetector.get(f.detectorId));
  });

  const notifications: Sarif.Notification[] = sortNotices(context.notices).map((n) => ({
    level: "warning",
    message: { text: `${n.path}: ${n.message.trim().replace(/[.;:,]+$/, "")}.` },
    descriptor: { id: n.kind },
  }));
  if (leftOut > 0) {
    notifications.push({
      level: "warning",
      message: {
        text: `${plural(leftOut, "lower-ranked result")} left out: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} per run. --format json lists them all.`,
      },
      descriptor: { id: "results-truncated" },
    });
  }

  const log: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name ?? "tokscan",
            version: context.tool.version,
            semanticVersion: context.tool.version,
            informationUri: context.tool.informationUri ?? TOOL_INFORMATION_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: "utf16CodeUnits",
        results: sorted.map((f) => resultOf(f, ruleIndex.get(sarifRuleId(f))!)),
        properties: {
          filesScanned: context.summary.filesScanned,
          bytesScanned: context.summary.bytesScanned,
          skipped: Object.fromEntries(sortedCounts(context.summary.skipped)),
          suppressed: findings.filter((f) => f.suppressed).length,
          ...(leftOut > 0 ? { resultsLeftOut: leftOut } : {}),
          offline: context.offline,
          ...(context.summary.durationMs !== undefined ? { durationMs: context.summary.durationMs } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** By token rule id, then tier from critical to low. */
function compareRuleIds(a: string, b: string): number {
  const split = (id: string): [string, number] => {
    const slash = id.lastIndexOf("/");
    return [id.slice(0, slash), TIERS.indexOf(id.slice(slash + 1) as Tier)];
  };
  const [ra, ta] = split(a);
  const [rb, tb] = split(b);
  return ra < rb ? -1 : ra > rb ? 1 : ta - tb;
}
