/**
 * Loopback emulator of the Supabase endpoints api.ts reads (tests only, never shipped):
 * - GET /auth/v1/settings (Auth server of a project): 200 with the public auth settings for a key of
 *   that project, 401 `{"message":"Invalid API key"}` otherwise
 *   (https://supabase.com/docs/guides/api/api-keys).
 * - GET /v1/projects and /v1/organizations (Management API, Bearer token): 200 lists, 401
 *   `{"message":"Unauthorized"}` (https://supabase.com/docs/reference/api/v1-list-all-projects).
 */
import { bearerTokenOf, inactiveCase } from "../../src/detector-kit/index.js";
import type { EmulatorHandler, IntrospectionCase, ProviderEmulator, Rng } from "../../src/detector-kit/index.js";
import { sampleManagementToken, sampleProjectJwt, sampleRef, sampleSecretKey } from "./samples.js";

export interface SupabaseState {
  /** Project keys accepted by the project's Auth server. */
  projectKeys?: string[];
  /** Management API tokens and what they see. */
  accessTokens?: { token: string; projects: { ref: string; name: string }[]; organizations: string[] }[];
}

const SETTINGS = {
  external: { email: true, phone: false, github: true, google: false },
  disable_signup: false,
  mailer_autoconfirm: false,
  phone_autoconfirm: false,
  sms_provider: "twilio",
  saml_enabled: false,
};

export function createSupabaseEmulator(state: SupabaseState): EmulatorHandler {
  return (request) => {
    const path = request.path.split("?", 1)[0];
    if (request.method !== "GET") return { status: 405, body: { message: "Method Not Allowed" } };
    if (path === "/auth/v1/settings") {
      const key = request.headers["apikey"];
      if (!key || !(state.projectKeys ?? []).includes(key)) {
        return { status: 401, body: { message: "Invalid API key", hint: "Double check your Supabase `anon` or `service_role` API key." } };
      }
      return { status: 200, body: SETTINGS };
    }
    const bearer = bearerTokenOf(request);
    const account = (state.accessTokens ?? []).find((t) => t.token === bearer);
    if (path === "/v1/projects" || path === "/v1/organizations") {
      if (!account) return { status: 401, body: { message: "Unauthorized" } };
      if (path === "/v1/organizations") return { status: 200, body: account.organizations.map((name, i) => ({ id: `org${i}`, name })) };
      return {
        status: 200,
        body: account.projects.map((p, i) => ({
          id: p.ref,
          ref: p.ref,
          organization_id: `org${i % Math.max(1, account.organizations.length)}`,
          name: p.name,
          region: "eu-central-1",
          created_at: "2025-01-15T10:00:00.000Z",
          status: "ACTIVE_HEALTHY",
          database: { host: `db.${p.ref}.supabase.co`, version: "15.8.1" },
        })),
      };
    }
    return { status: 404, body: { message: "Not Found" } };
  };
}

export const emulator: ProviderEmulator = {
  cases(rng: Rng): IntrospectionCase[] {
    const ref = sampleRef(rng);
    const service = sampleProjectJwt(rng, "service_role", ref);
    const rotated = sampleProjectJwt(rng, "service_role");
    const secretKey = sampleSecretKey(rng);
    const pat = sampleManagementToken(rng);
    const revokedPat = sampleManagementToken(rng);
    const prodRef = sampleRef(rng);
    return [
      {
        name: "live service_role key of its project",
        rule: "service-role-key",
        secret: service,
        handler: createSupabaseEmulator({ projectKeys: [service] }),
        expect: {
          liveness: "live",
          account: ref,
          tokenClass: "service_role JWT",
          capabilities: ["DELETE_DATA", "READ_PII", "ACCOUNT_WIDE"],
          mentions: [`key accepted by project ${ref}`, `project https://${ref}.supabase.co`],
        },
      },
      inactiveCase("service_role key after the JWT secret was rotated", "service-role-key", rotated, createSupabaseEmulator({ projectKeys: [service] })),
      {
        name: "sb_secret_ key checked against the project of the service_role key beside it",
        rule: "secret-key",
        secret: secretKey,
        companions: [{ rule: "service-role-key", secret: service }],
        handler: createSupabaseEmulator({ projectKeys: [secretKey] }),
        expect: { liveness: "live", account: ref, tokenClass: "secret API key" },
      },
      {
        name: "live management token reaching a production project",
        rule: "management-token",
        secret: pat,
        handler: createSupabaseEmulator({
          accessTokens: [{ token: pat, projects: [{ ref: prodRef, name: "shop-prod" }, { ref: sampleRef(rng), name: "shop-staging" }], organizations: ["acme"] }],
        }),
        expect: {
          liveness: "live",
          account: "acme",
          tokenClass: "Management API personal access token",
          capabilities: ["DELETE_INFRA", "DELETE_BACKUPS", "PROD_REACH", "ACCOUNT_WIDE"],
          mentions: ["project shop-prod (production)", "reaches 2 projects", "member of 1 organization: acme"],
        },
      },
      inactiveCase("revoked management token", "management-token", revokedPat, createSupabaseEmulator({ accessTokens: [] })),
    ];
  },
};
