/**
 * Loopback emulator of the Datadog API endpoints datadog/api.ts reads (tests only, never shipped).
 * As documented (checked 2026-11):
 * - https://docs.datadoghq.com/api/latest/authentication/#validate-api-key : 200 `{"valid": true}`;
 *   403 `{"errors": ["Forbidden"]}` for an invalid API key.
 * - https://docs.datadoghq.com/api/latest/users/#get-the-current-user : JSON:API `{ data: { type: "users",
 *   attributes: { email, handle, name, status }, relationships: { roles } }, included: [{ type: "roles",
 *   attributes: { name } }] }`; 403 when the API or application key is invalid.
 * - https://docs.datadoghq.com/api/latest/key-management/#get-all-application-keys-owned-by-current-user :
 *   `{ data: [{ type: "application_keys", attributes: { name, last4, scopes | null, created_at } }] }`.
 */
import { inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatedRequest, EmulatedResponse, EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";

export interface DatadogOrgState {
  apiKeys: string[];
  appKeys: { key: string; name: string; scopes: string[] | null }[];
  user: { email: string; roles: string[] };
}

const forbidden = (): EmulatedResponse => ({ status: 403, body: { errors: ["Forbidden"] } });

export function datadogHandler(org: DatadogOrgState): EmulatorHandler {
  return (request: EmulatedRequest): EmulatedResponse => {
    if (request.method !== "GET") return { status: 405, body: { errors: ["Method Not Allowed"] } };
    const apiKey = request.headers["dd-api-key"] ?? "";
    const appKey = request.headers["dd-application-key"];
    if (!org.apiKeys.includes(apiKey)) return forbidden();
    const path = request.path.split("?")[0];
    if (path === "/api/v1/validate") return { status: 200, body: { valid: true } };
    const key = org.appKeys.find((k) => k.key === appKey);
    if (!key) return forbidden();
    if (path === "/api/v2/current_user") {
      return {
        status: 200,
        body: {
          data: {
            type: "users",
            id: "00000000-0000-4000-8000-000000000001",
            attributes: { email: org.user.email, handle: org.user.email, name: "Jane Roe", status: "Active", disabled: false },
            relationships: { roles: { data: org.user.roles.map((_, i) => ({ type: "roles", id: `role-${i}` })) } },
          },
          included: org.user.roles.map((name, i) => ({ type: "roles", id: `role-${i}`, attributes: { name } })),
        },
      };
    }
    if (path === "/api/v2/current_user/application_keys") {
      return {
        status: 200,
        body: {
          data: org.appKeys.map((k, i) => ({
            type: "application_keys",
            id: `key-${i}`,
            attributes: { name: k.name, last4: k.key.slice(-4), scopes: k.scopes, created_at: "2026-01-01T00:00:00.000Z" },
          })),
          meta: { page: { total_filtered_count: org.appKeys.length } },
        },
      };
    }
    return { status: 404, body: { errors: ["Not found"] } };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const apiKey = rng.hex(32);
    const adminKey = rng.hex(40);
    const scopedKey = rng.hex(40);
    const revokedAppKey = rng.hex(40);
    const org: DatadogOrgState = {
      apiKeys: [apiKey],
      appKeys: [
        { key: adminKey, name: "terraform", scopes: null },
        { key: scopedKey, name: "dashboards-bot", scopes: ["dashboards_read"] },
      ],
      user: { email: "jane@acme.dev", roles: ["Datadog Admin Role"] },
    };
    const handler = datadogHandler(org);
    return [
      {
        name: "unscoped application key of an admin, with its API key beside it",
        rule: "application-key",
        secret: adminKey,
        companions: [{ rule: "api-key", secret: apiKey }],
        handler,
        expect: { liveness: "live", owner: "jane@acme.dev", tokenClass: "application key", capabilities: ["ACCOUNT_WIDE", "DELETE_DATA", "IAM_WRITE", "READ_PII"], mentions: ["unscoped", "Datadog Admin Role"] },
      },
      {
        name: "application key scoped to dashboards_read",
        rule: "application-key",
        secret: scopedKey,
        companions: [{ rule: "api-key", secret: apiKey }],
        handler,
        expect: { liveness: "live", tokenClass: "scoped application key", scopes: ["dashboards_read"], absentCapabilities: ["DELETE_DATA", "DELETE_INFRA", "IAM_WRITE"] },
      },
      { name: "valid API key", rule: "api-key", secret: apiKey, handler, expect: { liveness: "live", tokenClass: "API key", capabilities: ["SPEND"] } },
      inactiveCase("revoked API key: 403", "api-key", rng.hex(32), handler),
      {
        name: "revoked application key with a valid API key",
        rule: "application-key",
        secret: revokedAppKey,
        companions: [{ rule: "api-key", secret: apiKey }],
        handler,
        expect: { liveness: "inactive" },
      },
    ];
  },
};
