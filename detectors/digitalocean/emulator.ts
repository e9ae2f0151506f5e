/**
 * Loopback emulator of the DigitalOcean API endpoints that api.ts reads (tests only, never shipped).
 * Answers as documented at https://docs.digitalocean.com/reference/api/digitalocean/ : GET /v2/account ->
 * `{"account": {droplet_limit, email, uuid, email_verified, status, team {uuid, name}}}`; lists ->
 * `{"<resource>": [...], "links": {}, "meta": {"total": n}}`; 401 `{"id": "unauthorized", "message":
 * "Unable to authenticate you"}`; a token without the scope -> 403 `{"id": "Forbidden", "message": "You are
 * not authorized to perform this operation"}` (https://docs.digitalocean.com/reference/api/scopes/).
 */
import { bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedResponse, EmulatorHandler, ProviderEmulator } from "../../src/detector-kit/index.js";
import { PROBES } from "./api.js";

export interface DoTokenState {
  token: string;
  email: string;
  team: string;
  revoked?: boolean;
  /** Read scopes granted (`droplet:read`...); absent = Full Access. `account:read` gates GET /v2/account. */
  scopes?: string[];
  droplets?: string[];
  volumes?: string[];
  projects?: { name: string; environment: "Development" | "Staging" | "Production" }[];
  domains?: string[];
}

const json = (status: number, body: object): EmulatedResponse => ({
  status,
  headers: { "ratelimit-limit": "5000", "ratelimit-remaining": "4999" },
  body,
});

const listing = (key: string, items: object[]): EmulatedResponse => json(200, { [key]: items, links: {}, meta: { total: items.length } });

export function createDoEmulator(tokens: readonly DoTokenState[]): EmulatorHandler {
  return (request) => {
    const bearer = bearerTokenOf(request);
    const state = tokens.find((t) => t.token === bearer);
    if (!state || state.revoked) return json(401, { id: "unauthorized", message: "Unable to authenticate you" });
    if (request.method !== "GET") return json(405, { id: "method_not_allowed", message: "Method not allowed" });
    const path = request.path.split("?", 1)[0] ?? "";
    const allowed = (scope: string): boolean => state.scopes === undefined || state.scopes.includes(scope);
    const forbidden = (): EmulatedResponse => json(403, { id: "Forbidden", message: "You are not authorized to perform this operation" });

    if (path === "/v2/account") {
      if (!allowed("account:read")) return forbidden();
      return json(200, {
        account: {
          droplet_limit: 25,
          floating_ip_limit: 3,
          volume_limit: 100,
          email: state.email,
          name: state.email.split("@")[0],
          uuid: "b6fc48dbf6d9906cace5f3c78dc9851d957381ef",
          email_verified: true,
          status: "active",
          status_message: "",
          team: { uuid: "5df3e3004a17e242b7c20ca6c9fc25b701a47ece", name: state.team },
        },
      });
    }
    const probe = PROBES.find((p) => p.path.split("?", 1)[0] === path);
    if (!probe) return json(404, { id: "not_found", message: "The resource you were accessing could not be found." });
    if (!allowed(probe.scope)) return forbidden();
    switch (probe.key) {
      case "droplets":
        return listing("droplets", (state.droplets ?? []).map((name, i) => ({ id: 3164444 + i, name, status: "active", size_slug: "s-1vcpu-1gb" })));
      case "volumes":
        return listing("volumes", (state.volumes ?? []).map((name) => ({ id: "506f78a4-e098-11e5-ad9f-000f53306ae1", name, size_gigabytes: 100 })));
      case "projects":
        return listing("projects", (state.projects ?? []).map((p) => ({ id: "4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679", name: p.name, environment: p.environment, purpose: "Web Application" })));
      case "domains":
        return listing("domains", (state.domains ?? []).map((name) => ({ name, ttl: 1800 })));
      case "month_to_date_balance":
        return json(200, { month_to_date_balance: "23.44", account_balance: "12.23", month_to_date_usage: "11.21", generated_at: "2026-11-01T00:00:00Z" });
      default:
        return listing(probe.key, []);
    }
  };
}

export const emulator: ProviderEmulator = {
  cases(rng) {
    const full = `dop_v1_${rng.hex(64)}`;
    const dropletsOnly = `dop_v1_${rng.hex(64)}`;
    const domainsOnly = `doo_v1_${rng.hex(64)}`;
    const revoked = `dop_v1_${rng.hex(64)}`;
    return [
      {
        name: "live full-access token reaching a production volume",
        rule: "personal-access-token",
        secret: full,
        handler: createDoEmulator([
          {
            token: full,
            email: "ops@acme.test",
            team: "Acme",
            droplets: ["web-1", "web-2"],
            volumes: ["prod-pg-data"],
            projects: [{ name: "shop", environment: "Production" }],
          },
        ]),
        expect: {
          liveness: "live",
          owner: "ops@acme.test",
          account: "Acme",
          tokenClass: "full-access token",
          capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "DELETE_BACKUPS", "DELETE_INFRA", "PROD_REACH", "IAM_WRITE"],
          mentions: ["volumes prod-pg-data", "projects shop", "Full Access assumed"],
        },
      },
      {
        name: "live custom-scoped token that reads droplets only",
        rule: "personal-access-token",
        secret: dropletsOnly,
        handler: createDoEmulator([{ token: dropletsOnly, email: "ci@acme.test", team: "Acme", scopes: ["account:read", "droplet:read"], droplets: ["web-1"] }]),
        expect: {
          liveness: "live",
          owner: "ci@acme.test",
          tokenClass: "custom-scoped token",
          scopes: ["droplet:read"],
          capabilities: ["DELETE_INFRA", "SPEND"],
          absentCapabilities: ["DELETE_DATA", "DELETE_BACKUPS", "IAM_WRITE", "ACCOUNT_WIDE", "PROD_REACH"],
          mentions: ["reads droplets", "no access to volumes"],
        },
      },
      {
        name: "live OAuth token without account:read (403 is live)",
        rule: "oauth-access-token",
        secret: domainsOnly,
        handler: createDoEmulator([{ token: domainsOnly, email: "dns@acme.test", team: "Acme", scopes: ["domain:read"], domains: ["acme.com"] }]),
        expect: {
          liveness: "live",
          scopes: ["domain:read"],
          capabilities: ["DELETE_INFRA"],
          absentCapabilities: ["DELETE_DATA", "SPEND"],
          mentions: ["without account:read"],
        },
      },
      inactiveCase("revoked token", "personal-access-token", revoked, createDoEmulator([{ token: revoked, email: "old@acme.test", team: "Acme", revoked: true }])),
    ];
  },
};
