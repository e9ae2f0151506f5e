/**
 * The fixed User-Agent of every provider call (../shared/providers.md §0.4): provider audit logs
 * then show a read-only audit tool, not an anonymous client.
 */
import { VERSION } from "../version.js";

export const USER_AGENT = `tokscan/${VERSION} (read-only secret audit)`;

export function userAgent(): string {
  return USER_AGENT;
}
