/**
 * Loopback emulator of the Render API endpoints render/api.ts reads (tests only).
 * As documented (checked 2026-11, https://api-docs.render.com/reference): lists are arrays of
 * `{ <kind>: {...}, cursor }` (GET /v1/owners: `owner { id, name, email, type: "user" | "team" }`,
 * GET /v1/services: `service { id, name, type, suspended }`, GET /v1/postgres: `postgres { id, name }`);
 * 401 `{"id": "unauthorized", "message": "unauthorized"}` for a bad key.
 */
import { ALPHABET, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface RenderKeyState {
  key: string;
  email: string;
  teams: string[];
  services: string[];
  postgres: string[];
}

export function renderHandler(state: RenderKeyState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (request.headers.authorization !== `Bearer ${state.key}`) return { status: 401, body: { id: "unauthorized", message: "unauthorized" } };
    const wrap = (kind: string, items: object[]) => items.map((item, i) => ({ [kind]: item, cursor: `c${i}` }));
    switch (request.path.split("?")[0]) {
      case "/v1/owners":
        return {
          status: 200,
          body: wrap("owner", [
            { id: "usr-1", name: "Jane Roe", email: state.email, type: "user" },
            ...state.teams.map((name, i) => ({ id: `tea-${i}`, name, email: state.email, type: "team" })),
          ]),
        };
      case "/v1/services":
        return { status: 200, body: wrap("service", state.services.map((name, i) => ({ id: `srv-${i}`, name, type: "web_service", suspended: "not_suspended" }))) };
      case "/v1/postgres":
        return { status: 200, body: wrap("postgres", state.postgres.map((name, i) => ({ id: `dpg-${i}`, name, status: "available" }))) };
      default:
        return { status: 404, body: { id: "not_found", message: "not found" } };
    }
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const live: RenderKeyState = { key: `rnd_${rng.chars(ALPHABET.base62, 32)}`, email: "jane@acme.dev", teams: ["Acme"], services: ["api-production", "worker"], postgres: ["orders-prod"] };
    return [
      { name: "API key reaching a production Postgres", rule: "api-key", secret: live.key, handler: renderHandler(live), expect: { liveness: "live", owner: "jane@acme.dev", capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "PROD_REACH"], mentions: ["can delete Postgres orders-prod, and its backups with it", "service api-production"] } },
      inactiveCase("revoked key: 401", "api-key", `rnd_${rng.chars(ALPHABET.base62, 32)}`, renderHandler(live)),
    ];
  },
};
