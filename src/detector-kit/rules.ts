/**
 * Builders for common rule parts: an inference that is the same for every match, a `validate` from
 * a test, and a rule for a token that starts with a literal prefix.
 */
import type { Capability, Confidence, Inference, Lifetime, TokenRule, Verdict } from "../types.js";
import { escapeRegex, NOT_AFTER_WORD, NOT_BEFORE_WORD } from "./patterns.js";

/** An `infer` that gives every match the same class, capabilities, lifetime and notes (fresh arrays each call). */
export const fixedInference =
  (tokenClass: string, capabilities: readonly Capability[], lifetime: Lifetime, notes: readonly string[]) =>
  (): Inference => ({ tokenClass, capabilities: [...capabilities], lifetime, notes: [...notes] });

/** Accepted, or rejected with `reason`. */
export const verdict = (ok: boolean, reason: string): Verdict => (ok ? { ok: true } : { ok: false, reason });

/** A `validate` that accepts a match when `test` gives a truthy value for it, and otherwise rejects it with `reason`. */
export const validWhen =
  (test: (secret: string) => unknown, reason: string) =>
  (secret: string): Verdict =>
    verdict(Boolean(test(secret)), reason);

export interface PrefixedTokenSpec {
  id: string;
  title: string;
  /** Literal start of every token (matched case-sensitively); lower-cased, it is the rule's keyword. */
  prefix: string;
  /** Regex source of what follows the prefix, and the most characters it can match. */
  body: string;
  bodyMax: number;
  /** What must not follow the token: NOT_BEFORE_WORD unless given ("" when `body` ends with its own boundary). */
  end?: string;
  confidence?: Confidence;
  capabilities: readonly Capability[];
  lifetime: Lifetime;
  /** The fixed inference: this class and these notes, with the rule's capabilities and lifetime. */
  tokenClass: string;
  notes: readonly string[];
}

/** A high-confidence (unless said otherwise) rule for `prefix` + body, not inside a longer word. */
export function prefixedTokenRule(spec: PrefixedTokenSpec, extra: Partial<TokenRule> = {}): TokenRule {
  return {
    id: spec.id,
    title: spec.title,
    keywords: [spec.prefix.toLowerCase()],
    pattern: new RegExp(`${NOT_AFTER_WORD}${escapeRegex(spec.prefix)}${spec.body}${spec.end ?? NOT_BEFORE_WORD}`),
    maxLength: spec.prefix.length + spec.bodyMax,
    confidence: spec.confidence ?? "high",
    capabilities: spec.capabilities,
    lifetime: spec.lifetime,
    infer: fixedInference(spec.tokenClass, spec.capabilities, spec.lifetime, spec.notes),
    ...extra,
  };
}
