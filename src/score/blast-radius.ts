/**
 * Blast radius: how much harm a found token can do, as a score from 0.0 to 10.0, a tier and the
 * reasons in words (most important first). Pure: the caller passes everything, including `now`.
 * The numbers live in BLAST_RADIUS_WEIGHTS (./weights.ts).
 */
import type {
  BlastRadius,
  Capability,
  Confidence,
  Encoding,
  Exposure,
  Finding,
  Inference,
  Introspection,
  Lifetime,
  Liveness,
  Placement,
  Tier,
} from "../types.js";
import {
  capabilityReasons,
  capitalize,
  ENCODING_REASONS,
  ENCODING_SHORT,
  EXPOSURE_REASONS,
  EXPOSURE_SHORT,
  identityPhrase,
  identityReason,
  ownerPhrase,
  placementReason,
  TEST_MODE_REASON,
  tokenName,
} from "./reasons.js";
import { BLAST_RADIUS_WEIGHTS, type BlastRadiusWeights } from "./weights.js";

export { BLAST_RADIUS_WEIGHTS, type BlastRadiusWeights } from "./weights.js";

export interface ScoreInput {
  /** Provider display name: "Railway". */
  provider: string;
  /** The rule's title: "Railway account token". */
  title: string;
  /** Finer class: "workspace token", "live restricted key". @default introspection's, else inference's */
  tokenClass?: string;
  /**
   * What the token can do: the provider's answer when it gave one (see chooseCapabilities),
   * else the worst case the token type allows.
   */
  capabilities: readonly Capability[];
  liveness: Liveness;
  introspection?: Introspection;
  inference: Inference;
  exposure: Exposure;
  placement: Placement;
  /** Relative POSIX path, for the reasons. */
  path: string;
  confidence: Confidence;
  /** The rule marks a test-mode or sandbox credential (Stripe sk_test_). */
  testMode?: boolean;
  /** The rule's declared lifetime; inference and introspection refine it. */
  lifetime?: Lifetime;
  /** Clock for expiry checks. @default new Date() */
  now?: Date;
  /** How the secret was hidden (base64, URL-encoding, JSON escapes); absent in plain text. */
  encoding?: Encoding;
}

/** The score before rounding, and each factor that made it (for tests and --debug). */
export interface ScoreBreakdown {
  points: number;
  impact: number;
  factors: { liveness: number; exposure: number; placement: number; lifetime: number; confidence: number };
  lifetime: Lifetime | "expired";
  /** Impact × factors, clamped to 0..10, not rounded. */
  exact: number;
}

/**
 * The capabilities to score: the provider's answer for a live token that it described, else the
 * ceiling (a live Railway account token whose role could not be read scores as admin; an inactive
 * token scores on what it could do if reactivated).
 */
export function chooseCapabilities(ceiling: readonly Capability[], introspection?: Introspection): Capability[] {
  if (introspection?.liveness === "live" && introspection.capabilities) return [...introspection.capabilities];
  return [...ceiling];
}

/** True when the scored capabilities were confirmed by the provider rather than assumed. */
function confirmed(input: Pick<ScoreInput, "liveness" | "introspection">): boolean {
  return input.liveness === "live" && input.introspection?.capabilities !== undefined;
}

function expiryOf(input: ScoreInput): Date | undefined {
  const raw = input.introspection?.expiresAt ?? input.inference.expiresAt;
  if (!raw) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const DAY_MS = 86_400_000;

function lifetimeOf(input: ScoreInput, weights: BlastRadiusWeights): Lifetime | "expired" {
  const now = input.now ?? new Date();
  const expiry = expiryOf(input);
  if (expiry) {
    if (expiry.getTime() <= now.getTime()) return "expired";
    if (expiry.getTime() - now.getTime() < weights.shortLivedDays * DAY_MS) return "short";
  }
  return input.inference.lifetime ?? input.lifetime ?? "unknown";
}

export function capabilityPoints(capabilities: readonly Capability[], testMode: boolean, weights: BlastRadiusWeights = BLAST_RADIUS_WEIGHTS): number {
  const has = new Set(capabilities);
  let points = weights.points.base;
  for (const [capability, value] of Object.entries(weights.points)) {
    if (capability !== "base" && has.has(capability as Capability)) points += value;
  }
  if (has.has("ACCOUNT_WIDE")) points *= weights.multipliers.ACCOUNT_WIDE;
  if (has.has("PROD_REACH")) points *= weights.multipliers.PROD_REACH;
  if (testMode || has.has("TEST_MODE")) points *= weights.multipliers.TEST_MODE;
  return points;
}

export function explainScore(input: ScoreInput, weights: BlastRadiusWeights = BLAST_RADIUS_WEIGHTS): ScoreBreakdown {
  const points = capabilityPoints(input.capabilities, input.testMode === true, weights);
  const impact = 10 * (1 - Math.exp(-points / weights.saturationPoints));
  const lifetime = lifetimeOf(input, weights);
  const factors = {
    liveness: weights.liveness[input.liveness],
    exposure: weights.exposure[input.exposure],
    placement: input.placement.related ? weights.placement.related : weights.placement.unrelated,
    lifetime: weights.lifetime[lifetime],
    confidence: weights.confidence[input.confidence],
  };
  const product = Object.values(factors).reduce((acc, f) => acc * f, impact);
  return { points, impact, factors, lifetime, exact: Math.min(10, Math.max(0, product)) };
}

export function tierOf(score: number, weights: BlastRadiusWeights = BLAST_RADIUS_WEIGHTS): Tier {
  if (score >= weights.tiers.critical) return "critical";
  if (score >= weights.tiers.high) return "high";
  if (score >= weights.tiers.medium) return "medium";
  return "low";
}

export function scoreFinding(input: ScoreInput, weights: BlastRadiusWeights = BLAST_RADIUS_WEIGHTS): BlastRadius {
  const breakdown = explainScore(input, weights);
  const score = Math.round(breakdown.exact * 10) / 10;
  return { score, tier: tierOf(score, weights), reasons: reasonsFor(input, breakdown) };
}

function reasonsFor(input: ScoreInput, breakdown: ScoreBreakdown): string[] {
  const name = tokenName(input.provider, input.title, input.tokenClass ?? input.introspection?.tokenClass ?? input.inference.tokenClass);
  const facts = input.introspection?.facts ?? [];
  const first = [identityReason(input.liveness, name, input.provider, input.introspection)];
  if (facts.length > 0) first.push(facts[0]!);
  else {
    const owner = ownerPhrase(input.introspection);
    if (owner) first.push(owner);
  }
  const reasons = [first.join("; ")];
  const testMode = input.testMode === true || input.capabilities.includes("TEST_MODE");
  if (testMode) reasons.push(TEST_MODE_REASON);
  reasons.push(...capabilityReasons(input.capabilities, confirmed(input), input.introspection?.resources));
  if (input.encoding) reasons.push(ENCODING_REASONS[input.encoding]);
  const placement = placementReason(input.path, input.placement);
  if (!input.placement.related) reasons.push(placement);
  reasons.push(EXPOSURE_REASONS[input.exposure]);
  if (input.placement.related) reasons.push(placement);
  const lifetime = lifetimeReason(breakdown.lifetime, expiryOf(input));
  if (lifetime) reasons.push(lifetime);
  if (input.confidence === "low") reasons.push("low-confidence match: it may not be a real secret");
  else if (input.confidence === "medium") reasons.push("medium-confidence match");
  reasons.push(...facts.slice(1), ...input.inference.notes);
  return dedupe(reasons);
}

function lifetimeReason(lifetime: Lifetime | "expired", expiry: Date | undefined): string | undefined {
  const day = expiry?.toISOString().slice(0, 10);
  switch (lifetime) {
    case "expired":
      return `expired on ${day}: probably no longer usable`;
    case "short":
      return day ? `expires on ${day}` : "short-lived";
    case "long":
      return day ? `long-lived: expires on ${day}` : "long-lived: does not expire";
    case "unknown":
      return undefined;
  }
}

function dedupe(items: string[]): string[] {
  return [...new Set(items.filter((s) => s.length > 0))];
}

/**
 * One line, why the finding matters: "live Railway account token that can delete volume pg-data
 * in environment production, and its backups with it; in an unrelated file; committed to git"
 * (with "base64-encoded" and the like after the first part when the secret was hidden).
 */
export function summaryLine(finding: Finding): string {
  const name = tokenName(finding.provider, finding.title, finding.introspection?.tokenClass ?? finding.inference.tokenClass);
  const isConfirmed = finding.liveness === "live" && finding.introspection?.capabilities !== undefined;
  const testMode = finding.capabilities.includes("TEST_MODE");
  const worst = testMode ? TEST_MODE_REASON : capabilityReasons(finding.capabilities, isConfirmed, finding.introspection?.resources)[0];
  const parts = [identityPhrase(finding.liveness, name) + (worst ? (testMode ? ` (${worst})` : ` that ${worst}`) : "")];
  if (finding.encoding) parts.push(ENCODING_SHORT[finding.encoding]);
  if (!finding.placement.related) parts.push("in an unrelated file");
  parts.push(EXPOSURE_SHORT[finding.exposure]);
  return capitalize(parts.join("; "));
}
