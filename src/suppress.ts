/** Suppression: a `tokscan:allow` comment on the line or the line above, or a fingerprint in config. */
import type { AllowEntry } from "./config/load.js";
import type { RawMatch, Suppression } from "./types.js";

/** The marker, then an optional reason up to the end of the line or the comment's closing. */
const ALLOW_COMMENT = /tokscan:allow\b(?:[\s:=-]{1,3}(?<reason>[^\n]{1,120}?))?\s*(?:\*\/|-->|$)/;

/** A line that is a comment and nothing else: `// …`, `# …`, `/* …`, `<!-- …`, `-- …`, `; …`. */
const COMMENT_LINE = /^\s{0,200}(?:\/\/|#|\/\*|\*|<!--|--|;|%|\{\/\*|rem\s)/i;

function commentSuppression(text: string): Suppression | undefined {
  const m = ALLOW_COMMENT.exec(text);
  if (!m) return undefined;
  const reason = m.groups?.["reason"]?.trim().replace(/\s*(?:\*\/|-->)$/, "");
  // What is left of a comment's closing (`-->` after the separator took "--") is no reason.
  return reason && !/^[-*/>]{1,3}$/.test(reason) ? { by: "comment", reason } : { by: "comment" };
}

export function suppressionFor(match: RawMatch, fingerprint: string, allow: readonly AllowEntry[]): Suppression | undefined {
  // The line above counts only when it is a comment of its own: in `b = "…"; // tokscan:allow`
  // the comment speaks for b's token, not for the next line's.
  const above = COMMENT_LINE.test(match.previousLineText) ? commentSuppression(match.previousLineText) : undefined;
  const inline = commentSuppression(match.lineText) ?? above;
  if (inline) return inline;
  const entry = allow.find((a) => a.fingerprint === fingerprint);
  if (entry) return entry.reason ? { by: "config", reason: entry.reason } : { by: "config" };
  return undefined;
}
