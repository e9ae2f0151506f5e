/** Content-keyed identities of findings: they survive the line moving, and hold no secret. */
import { createHash } from "node:crypto";

/** The rule, the file and the secret, not the line: a suppression survives edits around the token. */
export function fingerprintOf(ruleId: string, path: string, secret: string): string {
  return createHash("sha256").update(`${ruleId}\0${path}\0${secret}`).digest("hex").slice(0, 32);
}

/** Cache key for one token at one provider, within a run. */
export function tokenKey(detectorId: string, secret: string): string {
  return createHash("sha256").update(`${detectorId}\0${secret}`).digest("hex");
}
