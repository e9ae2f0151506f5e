/**
 * Regex builders shared by detectors, so that every rule recognises the same assignment syntaxes
 * (.env, YAML, JSON, TOML, shell, Dockerfile ENV, TS/Python/Go, notebook JSON with escaped quotes).
 * Every quantifier is bounded: a regex must stay linear on adversarial input.
 */

/** Between a key and its value: `=`, `:`, `:=`, `=>`, or Dockerfile's `ENV KEY value` space. */
const ASSIGN = String.raw`(?:[\]"'\x60]{0,2}\\?["']?\s{0,4}(?:=|:=|:|=>|\|\|=)\s{0,4}|\s{1,4})(?:\\?["'\x60])?`;

/**
 * A value assigned to a key whose name contains `name` (a regex source such as `railway`).
 * Groups: `evidence` = the whole key name, `secret` = the value.
 * Compile with the `i` flag only if `value` tolerates it.
 */
export function assignmentSource(name: string, value: string): string {
  return String.raw`(?<![A-Za-z0-9_.-])(?<evidence>[A-Za-z0-9_.-]{0,32}(?:${name})[A-Za-z0-9_.-]{0,32})${ASSIGN}(?<secret>${value})(?![A-Za-z0-9_+/=-])`;
}

/** Longest text an `assignmentSource` match can span, given the value's own maximum. */
export function assignmentMaxLength(nameMax: number, valueMax: number): number {
  return 32 + nameMax + 32 + 2 + 3 + 4 + 4 + 2 + valueMax;
}

/** `text` as a regex source that matches it literally. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Left boundary: the token must not continue a longer word. */
export const NOT_AFTER_WORD = String.raw`(?<![A-Za-z0-9_])`;
/** Right boundary: the token must not continue into a longer word. */
export const NOT_BEFORE_WORD = String.raw`(?![A-Za-z0-9_])`;

export const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
