/**
 * Loopback emulator of the npm registry endpoints that api.ts reads (tests only, never shipped).
 * Answers as the registry does: GET /-/whoami -> `{"username": "..."}`, 401 `{"error": "..."}` for a bad
 * token; GET /-/npm/v1/tokens -> `{"objects": [{token (prefix), key, readonly, cidr_whitelist, created,
 * updated}], "total", "urls": {}}` (fields as npm/cli lib/commands/token.js prints them);
 * GET /-/user/<name>/package -> `{"<package>": "read-write" | "read"}` (libnpmaccess lsPackages).
 */
import { ALPHABET, bearerTokenOf, inactiveCase, withBase62Crc } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface NpmTokenState {
  token: string;
  username: string;
  readonly?: boolean;
  cidr?: string[];
  revoked?: boolean;
  packages?: Record<string, "read-write" | "read">;
}

const json = (status: number, body: object): EmulatedResponse => ({ status, headers: { "npm-notice": "" }, body });
const unauthorized = (): EmulatedResponse => json(401, { error: "Unauthorized" });

export function createNpmEmulator(tokens: readonly NpmTokenState[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request);
    const state = tokens.find((t) => t.token === bearer);
    if (!state || state.revoked) return unauthorized();
    if (request.method !== "GET") return json(405, { error: "Method not allowed" });
    const path = request.path.split("?", 1)[0] ?? "";
    if (path === "/-/whoami") return json(200, { username: state.username });
    if (path === "/-/npm/v1/tokens") {
      const mine = tokens.filter((t) => t.username === state.username && !t.revoked);
      return json(200, {
        objects: mine.map((t, i) => ({
          token: t.token.slice(0, 6),
          key: `${i}`.padStart(128, "a"),
          cidr_whitelist: t.cidr ?? null,
          readonly: t.readonly ?? false,
          created: "2026-09-01T10:00:00.000Z",
          updated: "2026-09-01T10:00:00.000Z",
        })),
        total: mine.length,
        urls: {},
      });
    }
    const user = /^\/-\/user\/([^/]{1,214})\/package$/.exec(path)?.[1];
    if (user !== undefined) {
      if (decodeURIComponent(user) !== state.username) return json(403, { error: "Forbidden" });
      return json(200, state.packages ?? {});
    }
    return json(404, { error: "Not found" });
  };
}

const token = (rng: Rng): string => `npm_${withBase62Crc(rng.chars(ALPHABET.base62, 30))}`;

export const emulator: ProviderEmulator = {
  cases(rng) {
    const publisher = token(rng);
    const reader = token(rng);
    const revoked = token(rng);
    const legacy = rng.uuid();
    const packages = { "acme-ui": "read-write", "@acme/core": "read-write", "left-pad-fork": "read" } as const;
    return [
      {
        name: "live publish token of a maintainer",
        rule: "access-token",
        secret: publisher,
        handler: createNpmEmulator([{ token: publisher, username: "acme-release", packages, cidr: ["203.0.113.0/24"] }]),
        expect: {
          liveness: "live",
          owner: "acme-release",
          capabilities: ["CODE_WRITE", "DELETE_DATA"],
          mentions: ["can publish 2 packages", "@acme/core", "usable only from 203.0.113.0/24", "read-write token"],
        },
      },
      {
        name: "live read-only token of the same maintainer",
        rule: "access-token",
        secret: reader,
        handler: createNpmEmulator([{ token: reader, username: "acme-ci", readonly: true, packages }]),
        expect: {
          liveness: "live",
          owner: "acme-ci",
          absentCapabilities: ["CODE_WRITE", "DELETE_DATA", "IAM_WRITE"],
          mentions: ["read-only token"],
        },
      },
      inactiveCase("revoked token", "access-token", revoked, createNpmEmulator([{ token: revoked, username: "old", revoked: true }])),
      inactiveCase("classic UUID token (revoked by npm in 2025)", "legacy-auth-token", legacy, createNpmEmulator([])),
    ];
  },
};
