/**
 * The only forms in which a secret may leave the process: a redacted form (first 4 + "…" + last 2
 * characters) and text scrubbed of the secret. Short secrets are redacted entirely, since showing
 * 6 characters of a 10-character secret would show most of it.
 */

/** Secrets shorter than this are redacted to "…" alone. */
const MIN_LENGTH_FOR_HINT = 16;

export function redact(secret: string): string {
  if (secret.length < MIN_LENGTH_FOR_HINT) return "…";
  return `${secret.slice(0, 4)}…${secret.slice(-2)}`;
}

/**
 * Replace every occurrence of each secret in `text` (verbatim, URL-encoded and JSON-escaped forms)
 * with its redacted form. Secrets shorter than 4 characters are ignored (they would mangle text and
 * are not secrets worth hiding).
 */
export function scrub(text: string, secret: string | readonly string[]): string {
  const secrets = (typeof secret === "string" ? [secret] : [...secret])
    .filter((s) => s.length >= 4)
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of secrets) {
    const replacement = redact(s);
    for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) {
      out = out.split(form).join(replacement);
    }
  }
  return out;
}
