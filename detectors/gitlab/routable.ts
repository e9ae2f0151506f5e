/**
 * GitLab routable tokens: `<prefix><base64url payload>.[<version>.]<payload length><crc>`.
 * The last 7 characters are the CRC-32 (IEEE) of everything before them, base36, zero-padded;
 * `<payload length>` is the base36 length of the base64 payload, 2 characters. Since the versioned
 * form (version `01`), the payload decodes to 16 random bytes, then newline-separated `key:value`
 * routing lines (o organization, u user, g group, p project, c cell, t type; integers in base36),
 * then one byte holding the routing text's length.
 * Sources: GitLab's routable-token design document and `lib/authn/token_field/generator/routable_token.rb`;
 * ../shared/providers.md §2.4 (verified on GitLab's published example token).
 */
import { base64UrlToBuffer, crc32Of, toBase36 } from "../../src/detector-kit/index.js";
import type { Verdict } from "../../src/detector-kit/index.js";

const CRC_LENGTH = 7;
const RANDOM_BYTES = 16;
const ROUTING_KEYS: Record<string, string> = {
  o: "organization",
  u: "user",
  g: "group",
  p: "project",
  c: "cell",
  t: "type",
};

export interface RoutableParts {
  /** Everything up to the base64 payload (`glpat-`, `glrt-t1_`). */
  prefix: string;
  payload: string;
  version?: string;
  length: string;
  crc: string;
}

/** Split a routable token into its parts, or undefined when it does not have the shape. */
export function splitRoutable(token: string, prefix: string): RoutableParts | undefined {
  const at = token.indexOf(prefix);
  if (at < 0) return undefined;
  const head = token.slice(0, at + prefix.length);
  const rest = token.slice(at + prefix.length);
  const match = /^([0-9A-Za-z_-]{20,300})\.(?:([0-9a-z]{2})\.)?([0-9a-z]{2})([0-9a-z]{7})$/.exec(rest);
  if (!match) return undefined;
  return { prefix: head, payload: match[1]!, version: match[2], length: match[3]!, crc: match[4]! };
}

export function routableChecksum(textBeforeCrc: string): string {
  return toBase36(crc32Of(textBeforeCrc), CRC_LENGTH);
}

/**
 * Check a routable token: the CRC over everything before it, then the declared payload length.
 * Self-managed instances may put `<name>-` before the type prefix and the CRC may then cover it,
 * so the CRC is accepted over the whole token or from the type prefix on. Runner tokens carry a
 * runner-type part (`t1_`) whose place in the length is not documented: `checkLength` false skips it.
 */
export function checkRoutable(token: string, prefix: string, checkLength = true): Verdict {
  const parts = splitRoutable(token, prefix);
  if (!parts) return { ok: false, reason: "not a routable token" };
  const body = token.slice(0, -CRC_LENGTH);
  const fromPrefix = token.slice(token.indexOf(prefix));
  const crcOk =
    routableChecksum(body) === parts.crc || routableChecksum(fromPrefix.slice(0, -CRC_LENGTH)) === parts.crc;
  if (!crcOk) return { ok: false, reason: "checksum" };
  if (checkLength && parseInt(parts.length, 36) !== parts.payload.length) return { ok: false, reason: "payload length does not match" };
  return { ok: true };
}

/** Routing identifiers decoded from a versioned routable token, as `key -> decimal id` (empty if none). */
export function decodeRouting(token: string, prefix: string): Map<string, string> {
  const routing = new Map<string, string>();
  const parts = splitRoutable(token, prefix);
  if (!parts?.version) return routing;
  const bytes = base64UrlToBuffer(parts.payload);
  if (bytes.length < RANDOM_BYTES + 2) return routing;
  const textLength = bytes[bytes.length - 1]!;
  const start = bytes.length - 1 - textLength;
  if (textLength === 0 || start < RANDOM_BYTES) return routing;
  const text = bytes.subarray(start, bytes.length - 1).toString("latin1");
  for (const line of text.split("\n")) {
    const pair = /^([a-z]):([0-9a-z]{1,13})$/.exec(line);
    if (!pair || !(pair[1]! in ROUTING_KEYS)) return new Map();
    const key = pair[1]!;
    const value = pair[2]!;
    routing.set(ROUTING_KEYS[key]!, key === "t" ? value : String(parseInt(value, 36)));
  }
  return routing;
}

/** Build a routable token (samples and tests). `routing` holds the routing text, e.g. `o:1\nu:ap8`. */
export function buildRoutable(prefix: string, randomBytes: Buffer, routing: string, version = "01"): string {
  const payload = Buffer.concat([randomBytes, Buffer.from(routing, "latin1"), Buffer.from([routing.length])]).toString(
    "base64url",
  );
  const head = `${prefix}${payload}.${version ? `${version}.` : ""}${toBase36(payload.length, 2)}`;
  return head + routableChecksum(head);
}
