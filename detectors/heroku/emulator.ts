/**
 * Loopback emulator of the Heroku Platform API endpoints heroku/api.ts reads (tests only, never shipped).
 * As documented (checked 2026-11, https://devcenter.heroku.com/articles/platform-api-reference):
 * - every request needs `Accept: application/vnd.heroku+json; version=3`;
 * - GET /account: `{ id, email, name, two_factor_authentication, verified, default_organization, ... }`;
 *   401 `{"id": "unauthorized", "message": "Invalid credentials provided."}` for a bad token;
 * - GET /apps: `[{ id, name, team: { name } | null, ... }]`; GET /teams: `[{ id, name, role, ... }]`.
 */
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";

export interface HerokuTokenState {
  token: string;
  revoked?: boolean;
  email: string;
  twoFactor: boolean;
  apps: { name: string; team?: string }[];
  teams: { name: string; role: "admin" | "member" | "viewer" | "collaborator" }[];
}

const unauthorized = (): EmulatedResponse => ({ status: 401, body: { id: "unauthorized", message: "Invalid credentials provided." } });

export function herokuHandler(state: HerokuTokenState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (!(request.headers.accept ?? "").includes("application/vnd.heroku+json; version=3")) {
      return { status: 400, body: { id: "bad_request", message: "Please specify a version: Accept: application/vnd.heroku+json; version=3" } };
    }
    if (state.revoked || request.headers.authorization !== `Bearer ${state.token}`) return unauthorized();
    switch (request.path.split("?")[0]) {
      case "/account":
        return {
          status: 200,
          body: { id: "01234567-89ab-4cde-8f01-23456789abcd", email: state.email, name: "Jane", two_factor_authentication: state.twoFactor, verified: true, default_organization: null },
        };
      case "/apps":
        return { status: 200, body: state.apps.map((a, i) => ({ id: `app-${i}`, name: a.name, team: a.team ? { name: a.team } : null })) };
      case "/teams":
        return { status: 200, body: state.teams.map((t, i) => ({ id: `team-${i}`, name: t.name, role: t.role })) };
      default:
        return { status: 404, body: { id: "not_found", message: "The requested API endpoint was not found." } };
    }
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const live: HerokuTokenState = {
      token: `HRKU-AA${rng.chars(ALPHABET.base62, 58)}`,
      email: "jane@acme.dev",
      twoFactor: false,
      apps: [{ name: "acme-api-production", team: "acme" }, { name: "acme-api-staging", team: "acme" }],
      teams: [{ name: "acme", role: "admin" }],
    };
    const legacy: HerokuTokenState = { token: rng.uuid(), email: "ci@acme.dev", twoFactor: true, apps: [{ name: "sandbox" }], teams: [] };
    const revoked: HerokuTokenState = { ...live, token: rng.uuid(), revoked: true };
    return [
      {
        name: "API key of an admin of team acme with a production app",
        rule: "api-key",
        secret: live.token,
        handler: herokuHandler(live),
        expect: {
          liveness: "live",
          owner: "jane@acme.dev",
          account: "acme",
          capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH", "SECRETS_READ"],
          mentions: ["app acme-api-production", "admin of team acme", "no two-factor authentication"],
        },
      },
      {
        name: "legacy UUID key with no production app",
        rule: "legacy-api-key",
        secret: legacy.token,
        handler: herokuHandler(legacy),
        expect: { liveness: "live", owner: "ci@acme.dev", absentCapabilities: ["PROD_REACH"], mentions: ["reaches 1 app"] },
      },
      inactiveCase("revoked key: 401 unauthorized", "legacy-api-key", revoked.token, herokuHandler(revoked)),
    ];
  },
};
