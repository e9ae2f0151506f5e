/**
 * Checks that keep non-secrets out of the report: placeholders, references to secret stores,
 * documented examples and low-entropy values. Each returns the reason a match is dropped.
 */
import type { CompiledRule } from "./compile.js";

/** Words that mark a made-up value, in any case. */
const PLACEHOLDER_WORDS =
  /x{6,}|\*{4,}|\.{3}|your[_-]|_here\b|changeme|change_me|placeholder|redacted|example|sample|insert[_-]|replace[_-]?me|<[^>]*>|\{\{|\$\{|%\(|^(?:test|secret|password|token|none|null|undefined|true|false)$/i;
/**
 * Short words count only in one case at the start of a word: "todo" or "xXxX" in any case turn up
 * by chance in about one random 36-character token in 20 000, and a real token must not be dropped.
 */
const SHORT_PLACEHOLDER_WORDS = /(?<![A-Za-z0-9])(?:xxxx|XXXX|dummy|DUMMY|Dummy|fake|FAKE|Fake|todo|TODO|fixme|FIXME)/;
const REFERENCE =
  /^(?:\$\{?[A-Za-z_]|\$\(|%[A-Za-z_]+%|\{\{|<%|process\.env|os\.environ|os\.getenv|env\(|getenv|import\.meta\.env|secrets\.|vault:|ENV\[|System\.getenv|Deno\.env)/;

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** True when the value is too repetitive or sequential to be a random secret. */
export function looksRepetitive(value: string): boolean {
  if (value.length === 0) return true;
  if (/(.)\1{7,}/.test(value)) return true;
  if (new Set(value).size <= Math.max(2, Math.floor(value.length / 12))) return true;
  return /0123456789|123456789|abcdefghij|ABCDEFGHIJ/.test(value);
}

export function placeholderReason(secret: string): string | undefined {
  if (PLACEHOLDER_WORDS.test(secret) || SHORT_PLACEHOLDER_WORDS.test(secret)) return "placeholder";
  if (looksRepetitive(secret)) return "placeholder (repeated or sequential characters)";
  return undefined;
}

export function referenceReason(secret: string): string | undefined {
  return REFERENCE.test(secret) ? "reference to a variable or secret store, not a value" : undefined;
}

/** Why this match is not a live secret, or undefined to keep it. */
export function dropReason(compiled: CompiledRule, secret: string): string | undefined {
  const { rule } = compiled;
  if (rule.examples?.includes(secret)) return "documented example key";
  const reference = referenceReason(secret);
  if (reference) return reference;
  // A value whose checksum holds was made by the provider, not typed as a placeholder.
  const checksumHolds = rule.checksummed === true && rule.validate?.(secret).ok === true;
  if (!rule.skipPlaceholderCheck && !checksumHolds) {
    const placeholder = placeholderReason(secret);
    if (placeholder) return placeholder;
  }
  if (rule.confidence === "low" && shannonEntropy(secret) < 3) return "low entropy";
  if (rule.validate) {
    const verdict = rule.validate(secret);
    if (!verdict.ok) return verdict.reason;
  }
  return undefined;
}
