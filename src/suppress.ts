/** Suppression: a `tokscan:allow` comment on the line or the line above, or a fingerprint in config. */
import type { AllowEntry } from "./config/load.js";
import type { RawMatch, Suppression } from "./types.js";

const ALLOW_COMMENT = /tokscan:allow\b(?:[\s:=-]{1,3}(?<reason>[^\n*]{1,120}?))?\s*(?:\*\/|-->|$)/;

function commentSuppression(text: string): Suppression | undefined {
  const m = ALLOW_COMMENT.exec(text);
  if (!m) return undefined;
  const reason = m.groups?.["reason"]?.trim();
  return reason ? { by: "comment", reason } : { by: "comment" };
}

export function suppressionFor(match: RawMatch, fingerprint: string, allow: readonly AllowEntry[]): Suppression | undefined {
  const inline = commentSuppression(match.lineText) ?? commentSuppression(match.previousLineText);
  if (inline) return inline;
  const entry = allow.find((a) => a.fingerprint === fingerprint);
  if (entry) return entry.reason ? { by: "config", reason: entry.reason } : { by: "config" };
  return undefined;
}
