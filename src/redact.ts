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
  return elidePieces(out, secrets);
}

/** Runs this long that also occur in a secret are elided: a truncated echo still leaks no token. */
const PIECE = 12;
/** Longest secret elided piece by piece: tokens, not key files. */
const MAX_PIECED_SECRET = 512;

/**
 * A provider may echo a token inside a message that is later cut short, or split it; the exact
 * replacement then misses it. Any run of PIECE or more characters shared with a secret goes.
 */
function elidePieces(text: string, secrets: readonly string[]): string {
  return elideSecretPieces(text, secretPieces(secrets));
}

/** Every PIECE-long run of the secrets, built once to scrub many texts (paths of a whole scan). */
export function secretPieces(secrets: Iterable<string>): ReadonlySet<string> {
  const pieces = new Set<string>();
  for (const s of secrets) {
    // Structured secrets (a service-account JSON, a PEM block) hold public parts too (an email, a
    // project id) that must stay readable; they are replaced whole, above, not piece by piece.
    if (s.length < PIECE || s.length > MAX_PIECED_SECRET) continue;
    for (let i = 0; i + PIECE <= s.length; i++) pieces.add(s.slice(i, i + PIECE));
  }
  return pieces;
}

/** Elides every run of `text` that shares PIECE or more characters with a secret. */
export function elideSecretPieces(text: string, pieces: ReadonlySet<string>): string {
  if (pieces.size === 0 || text.length < PIECE) return text;
  const covered = new Uint8Array(text.length);
  let any = false;
  for (let i = 0; i + PIECE <= text.length; i++) {
    if (pieces.has(text.slice(i, i + PIECE))) {
      covered.fill(1, i, i + PIECE);
      any = true;
    }
  }
  if (!any) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 0) out += text[i];
    else if (i === 0 || covered[i - 1] === 0) out += "…";
  }
  return out;
}
