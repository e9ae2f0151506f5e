/**
 * Loopback emulator of the Netlify API endpoints netlify/api.ts reads (tests only).
 * As documented (checked 2026-11, https://open-api.netlify.com/): GET /api/v1/user `{ id, email,
 * full_name, ... }`; GET /api/v1/accounts `[{ id, name, slug, type_name, ... }]`; GET /api/v1/sites
 * `[{ id, name, url, ssl_url, published_deploy, ... }]`; 401 `{"code": 401, "message": "Access Denied"}`.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface NetlifyTokenState {
  token: string;
  email: string;
  teams: string[];
  sites: string[];
}

export function netlifyHandler(state: NetlifyTokenState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (request.headers.authorization !== `Bearer ${state.token}`) return { status: 401, body: { code: 401, message: "Access Denied" } };
    switch (request.path.split("?")[0]) {
      case "/api/v1/user":
        return { status: 200, body: { id: "u1", email: state.email, full_name: "Jane Roe" } };
      case "/api/v1/accounts":
        return { status: 200, body: state.teams.map((name, i) => ({ id: `a${i}`, name, slug: name.toLowerCase(), type_name: "Starter" })) };
      case "/api/v1/sites":
        return {
          status: 200,
          body: state.sites.map((name, i) => ({ id: `s${i}`, name, url: `http://${name}.netlify.app`, ssl_url: `https://${name}.netlify.app`, published_deploy: { id: `d${i}`, context: "production" } })),
        };
      default:
        return { status: 404, body: { code: 404, message: "Not Found" } };
    }
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const live: NetlifyTokenState = { token: `nfp_${rng.chars(ALPHABET.base62, 36)}`, email: "jane@acme.dev", teams: ["Acme"], sites: ["acme-shop"] };
    return [
      { name: "token of a member of team Acme with a live site", rule: "personal-access-token", secret: live.token, handler: netlifyHandler(live), expect: { liveness: "live", owner: "jane@acme.dev", account: "acme", capabilities: ["ACCOUNT_WIDE", "PROD_REACH", "DELETE_INFRA", "SECRETS_READ"], mentions: ["site acme-shop in production"] } },
      inactiveCase("revoked token: 401 Access Denied", "personal-access-token", `nfp_${rng.chars(ALPHABET.base62, 36)}`, netlifyHandler(live)),
    ];
  },
};
